/** Rules of the requests 315/317 and the answer 319 (RULES-DIGEST.md §2). */
import { after, defineRule, indexed, type Finding } from './types.ts';
import { overlapFindings } from './product-terms.ts';

const AP = '/Bericht/Client/AangevraagdeProducten';
const V = '/Bericht/Client/Verzoek';

export const cs003Verzoek = defineRule({
  id: 'CS003',
  messages: ['JW315', 'JW317'],
  level: 2,
  retourcode: '0001',
  description: 'Indien van toepassing vullen met een waarde die groter is dan, of gelijk is aan de Begindatum (of Ingangsdatum) van de aangeduide periode.',
  check(m, hit, ctx) {
    const rows: [string, string, string | undefined][] = [];
    if (ctx.message === 'JW315') {
      for (const [a, p] of indexed((m as import('../messages/jw315.ts').Jw315).Client.AangevraagdeProducten.AangevraagdProduct, AP, 'AangevraagdProduct')) rows.push([`${p}/ToewijzingEinddatum`, a.ToewijzingIngangsdatum, a.ToewijzingEinddatum]);
    } else {
      const v = (m as import('../messages/jw317.ts').Jw317).Client.Verzoek;
      for (const [t, p] of indexed(v.TeWijzigenProducten?.TeWijzigenProduct, `${V}/TeWijzigenProducten`, 'TeWijzigenProduct')) rows.push([`${p}/Einddatum`, t.GewensteIngangsdatum, t.Einddatum]);
      for (const [n, p] of indexed(v.NieuweProducten?.NieuwProduct, `${V}/NieuweProducten`, 'NieuwProduct')) rows.push([`${p}/Einddatum`, n.GewensteIngangsdatum, n.Einddatum]);
    }
    return rows.filter(([, begin, end]) => end !== undefined && after(begin, end)).map(([path, begin, end]) => hit(path, `expected an end date ≥ the begin date ${begin}, got ${end}`));
  },
});

export const tr383 = defineRule({
  id: 'TR383',
  messages: ['JW315'],
  level: 2,
  retourcode: '0001',
  description: 'ReferentieAanbieder is uniek voor elk AangevraagdProduct binnen het bericht.',
  check(m, hit) {
    const seen = new Map<string, string>();
    const out: Finding[] = [];
    for (const [a, p] of indexed(m.Client.AangevraagdeProducten.AangevraagdProduct, AP, 'AangevraagdProduct')) {
      const prev = seen.get(a.ReferentieAanbieder);
      if (prev) out.push(hit(`${p}/ReferentieAanbieder`, `expected a unique ReferentieAanbieder, got ${a.ReferentieAanbieder} again (also at ${prev})`));
      else seen.set(a.ReferentieAanbieder, `${p}/ReferentieAanbieder`);
    }
    return out;
  },
});

export const tr386 = defineRule({
  id: 'TR386',
  messages: ['JW315'],
  level: 2,
  retourcode: '0001',
  description: 'Een Product mag alleen vaker in een verzoek om toewijzing voorkomen indien de zorgperiodes elkaar niet overlappen.',
  check: (m, hit) =>
    overlapFindings(
      indexed(m.Client.AangevraagdeProducten.AangevraagdProduct, AP, 'AangevraagdProduct').map(([a, path]) => ({ path, product: a.Product, begin: a.ToewijzingIngangsdatum, end: a.ToewijzingEinddatum })),
      hit,
    ),
});

const MEDICAL_REFERRERS = ['02', '03', '04', '05'];

export const cd066 = defineRule({
  id: 'CD066',
  messages: ['JW315'],
  level: 2,
  retourcode: '0001',
  description: 'Als type verwijzer gelijk is aan 02, 03, 04 of 05 en ZorgverlenerCode is gevuld, dan is Naamverwijzer leeg.',
  check: (m, hit) =>
    indexed(m.Client.AangevraagdeProducten.AangevraagdProduct, AP, 'AangevraagdProduct')
      .filter(([a]) => MEDICAL_REFERRERS.includes(a.Verwijzer.Type) && a.Verwijzer.ZorgverlenerCode && a.Verwijzer.Naam)
      .map(([a, p]) => hit(`${p}/Verwijzer/Naam`, `Verwijzer type ${a.Verwijzer.Type} with ZorgverlenerCode ${a.Verwijzer.ZorgverlenerCode}: expected no Naam, got '${a.Verwijzer.Naam}'`)),
});

export const cd067 = defineRule({
  id: 'CD067',
  messages: ['JW315'],
  level: 2,
  retourcode: '0001',
  description: 'Als type verwijzer gelijk is aan 02, 03, 04 of 05 en ZorgverlenerCode is leeg, dan is Naamverwijzer gevuld.',
  check: (m, hit) =>
    indexed(m.Client.AangevraagdeProducten.AangevraagdProduct, AP, 'AangevraagdProduct')
      .filter(([a]) => MEDICAL_REFERRERS.includes(a.Verwijzer.Type) && !a.Verwijzer.ZorgverlenerCode && !a.Verwijzer.Naam)
      .map(([a, p]) => hit(`${p}/Verwijzer/Naam`, `Verwijzer type ${a.Verwijzer.Type} without ZorgverlenerCode: expected a Naam, got none`)),
});

export const cd068 = defineRule({
  id: 'CD068',
  messages: ['JW315'],
  level: 2,
  retourcode: '0001',
  description: 'Als type verwijzer ongelijk is aan 02, 03, 04 of 05, dan is ZorgverlenerCode leeg.',
  check: (m, hit) =>
    indexed(m.Client.AangevraagdeProducten.AangevraagdProduct, AP, 'AangevraagdProduct')
      .filter(([a]) => !MEDICAL_REFERRERS.includes(a.Verwijzer.Type) && a.Verwijzer.ZorgverlenerCode)
      .map(([a, p]) => hit(`${p}/Verwijzer/ZorgverlenerCode`, `Verwijzer type ${a.Verwijzer.Type}: expected no ZorgverlenerCode, got ${a.Verwijzer.ZorgverlenerCode}`)),
});

export const tr352 = defineRule({
  id: 'TR352',
  messages: ['JW317'],
  level: 2,
  retourcode: '0001',
  description: 'Bij een verzoek om wijziging komt minstens 1 OngewijzigdProduct of TeWijzigenProduct voor.',
  check: (m, hit) => {
    const v = m.Client.Verzoek;
    const n = (v.OngewijzigdeProducten?.OngewijzigdProduct.length ?? 0) + (v.TeWijzigenProducten?.TeWijzigenProduct.length ?? 0);
    return n > 0 ? [] : [hit(V, 'expected at least 1 OngewijzigdProduct or TeWijzigenProduct, got none')];
  },
});

export const tr353 = defineRule({
  id: 'TR353',
  messages: ['JW317'],
  level: 2,
  retourcode: '0001',
  description: 'Bij een verzoek om wijziging komt minstens 1 TeWijzigenProduct of NieuwProduct voor.',
  check: (m, hit) => {
    const v = m.Client.Verzoek;
    const n = (v.TeWijzigenProducten?.TeWijzigenProduct.length ?? 0) + (v.NieuweProducten?.NieuwProduct.length ?? 0);
    return n > 0 ? [] : [hit(V, 'expected at least 1 TeWijzigenProduct or NieuwProduct, got none')];
  },
});

export const cd085 = defineRule({
  id: 'CD085',
  messages: ['JW319'],
  level: 2,
  retourcode: '0001',
  description: 'Als VerzoekAntwoord de waarde 1 (Verzoek afgewezen) heeft, dan (RedenAfwijzingVerzoek) vullen',
  check: (m, hit) => (m.Antwoord.VerzoekAntwoord === '1' && !m.Antwoord.RedenAfwijzingVerzoek ? [hit('/Bericht/Antwoord/RedenAfwijzingVerzoek', 'VerzoekAntwoord 1: expected a RedenAfwijzingVerzoek, got none')] : []),
});

export const cd086 = defineRule({
  id: 'CD086',
  messages: ['JW319'],
  level: 2,
  retourcode: '0001',
  description: 'Als VerzoekAntwoord de waarde 2 (Aanvraag in onderzoek) heeft, dan (RedenAfwijzingVerzoek) leeg laten',
  check: (m, hit) =>
    m.Antwoord.VerzoekAntwoord === '2' && m.Antwoord.RedenAfwijzingVerzoek ? [hit('/Bericht/Antwoord/RedenAfwijzingVerzoek', `VerzoekAntwoord 2: expected no RedenAfwijzingVerzoek, got ${m.Antwoord.RedenAfwijzingVerzoek}`)] : [],
});

export const tr377 = defineRule({
  id: 'TR377',
  messages: ['JW319'],
  level: 2,
  retourcode: '0001',
  description: 'Indien RedenAfwijzingVerzoek de waarde 8 (Woonplaatsbeginsel) heeft, dan berichtklasse Woonplaatsbeginsel opnemen.',
  check: (m, hit) => (m.Antwoord.RedenAfwijzingVerzoek === '8' && !m.Antwoord.Woonplaatsbeginsel ? [hit('/Bericht/Antwoord/Woonplaatsbeginsel', 'RedenAfwijzingVerzoek 8: expected class Woonplaatsbeginsel, got none')] : []),
});

export const tr409 = defineRule({
  id: 'TR409',
  messages: ['JW319'],
  level: 2,
  retourcode: '0001',
  description: 'Als RedenAfwijzingVerzoek ongelijk is aan 8 (Woonplaatsbeginsel), dan berichtklasse Woonplaatsbeginsel weglaten',
  check: (m, hit) =>
    m.Antwoord.RedenAfwijzingVerzoek !== '8' && m.Antwoord.Woonplaatsbeginsel
      ? [hit('/Bericht/Antwoord/Woonplaatsbeginsel', `RedenAfwijzingVerzoek ${m.Antwoord.RedenAfwijzingVerzoek ?? '(empty)'}: expected no class Woonplaatsbeginsel, got one`)]
      : [],
});

export const verzoekRules = [cs003Verzoek, tr383, tr386, cd066, cd067, cd068, tr352, tr353, cd085, cd086, tr377, tr409];
