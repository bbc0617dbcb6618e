/** Rules of the declaration 323 and its answer 325 (RULES-DIGEST.md §5). */
import type { Jw323 } from '../messages/jw323.ts';
import type { Jw325 } from '../messages/jw325.ts';
import { after, defineRule, lastDayOfMonth, showAmount, signed, yearsBefore, type Finding } from './types.ts';
import { PrestatieRow, prestatieRows } from './prestaties.ts';

const lines = (m: Jw323) => prestatieRows(m, 'JW323');

export const tr358 = defineRule({
  id: 'TR358',
  messages: ['JW323'],
  level: 2,
  retourcode: '0001',
  description: 'De waarde van TotaalBedrag in TotaalIngediendBedrag moet gelijk zijn aan de SOM van de waarden van Bedrag in IngediendBedrag in alle onderliggende Prestaties, rekening houdend met indicatie debet/credit.',
  check(m, hit) {
    let sum = 0;
    for (const { p } of lines(m)) sum += signed(p.IngediendBedrag);
    const declared = signed(m.Declaratie.TotaalIngediendBedrag);
    return declared === sum ? [] : [hit('/Bericht/Declaratie/TotaalIngediendBedrag', `expected TotaalIngediendBedrag ${showAmount(sum)} (Σ debit − Σ credit of the prestaties), got ${showAmount(declared)}`)];
  },
});

export const cs339 = defineRule({
  id: 'CS339',
  messages: ['JW323'],
  level: 2,
  retourcode: '0001',
  description: 'Indien Eenheid de waarde 83 (euro’s) heeft, moet IngediendBedrag gelijk zijn aan GeleverdVolume.',
  check: (m, hit) =>
    lines(m)
      .filter(({ p }) => p.Eenheid === '83' && p.IngediendBedrag.Bedrag !== p.GeleverdVolume)
      .map(({ p, path }) => hit(`${path}/IngediendBedrag/Bedrag`, `Eenheid 83: expected Bedrag = GeleverdVolume ${p.GeleverdVolume}, got ${p.IngediendBedrag.Bedrag}`)),
});

/**
 * TR346 is an external-source rule (level 4, 9346: the tariff comes from the contract) but the
 * product in the message is checkable here. Only when ProductTarief is given. For minutes (01)
 * IV081 also allows an hourly tariff: volume × tarief / 60, rounded to whole cents.
 */
export const tr346 = defineRule({
  id: 'TR346',
  messages: ['JW323'],
  level: 4,
  retourcode: '9346',
  description: 'Indien Eenheid ongelijk is aan waarde 83 (Euro’s), moet IngediendBedrag gelijk zijn aan GeleverdVolume vermenigvuldigd met ProductTarief.',
  check: (m, hit) =>
    lines(m)
      .filter(({ p }) => {
        if (p.Eenheid === '83' || p.ProductTarief === undefined) return false;
        const product = p.GeleverdVolume * p.ProductTarief;
        return p.IngediendBedrag.Bedrag !== product && !(p.Eenheid === '01' && p.IngediendBedrag.Bedrag === Math.round(product / 60));
      })
      .map(({ p, path }) => hit(`${path}/IngediendBedrag/Bedrag`, `expected Bedrag = GeleverdVolume ${p.GeleverdVolume} × ProductTarief ${p.ProductTarief} = ${p.GeleverdVolume * p.ProductTarief!}, got ${p.IngediendBedrag.Bedrag}`)),
});

export const cs325 = defineRule({
  id: 'CS325',
  messages: ['JW323', 'JW325'],
  level: 2,
  retourcode: '0001',
  description: 'Indien (Totaal)Bedrag de waarde 0 heeft, dan DebetCredit vullen met D (Debet).',
  check(m, hit, ctx) {
    const amounts: [string, { DebetCredit: string } & ({ Bedrag: number } | { TotaalBedrag: number })][] = [];
    if (ctx.message === 'JW323') amounts.push(['/Bericht/Declaratie/TotaalIngediendBedrag', (m as Jw323).Declaratie.TotaalIngediendBedrag]);
    else {
      const a = (m as Jw325).DeclaratieAntwoord;
      if (a) amounts.push(['/Bericht/DeclaratieAntwoord/TotaalIngediendBedrag', a.TotaalIngediendBedrag], ['/Bericht/DeclaratieAntwoord/TotaalToegekendBedrag', a.TotaalToegekendBedrag]);
    }
    const out = amounts.filter(([, b]) => signed(b) === 0 && b.DebetCredit !== 'D').map(([path, b]) => hit(`${path}/DebetCredit`, `amount 0: expected DebetCredit D, got ${b.DebetCredit}`));
    for (const r of prestatieRows(m, ctx.message)) {
      const b = r.p.IngediendBedrag;
      if (b.Bedrag === 0 && b.DebetCredit !== 'D') out.push(hit(`${r.path}/IngediendBedrag/DebetCredit`, `amount 0: expected DebetCredit D, got ${b.DebetCredit}`));
    }
    return out;
  },
});

export const cs337 = defineRule({
  id: 'CS337',
  messages: ['JW323'],
  level: 2,
  retourcode: '0001',
  description: 'Einddatum in de ProductPeriode vullen met een datum die valt in dezelfde kalendermaand en jaar als de Begindatum van de ProductPeriode',
  check: (m, hit) =>
    lines(m)
      .filter(({ p }) => p.ProductPeriode.Einddatum.slice(0, 7) !== p.ProductPeriode.Begindatum.slice(0, 7))
      .map(({ p, path }) => hit(`${path}/ProductPeriode/Einddatum`, `expected an Einddatum in ${p.ProductPeriode.Begindatum.slice(0, 7)} (the month of the Begindatum), got ${p.ProductPeriode.Einddatum}`)),
});

export const cs340 = defineRule({
  id: 'CS340',
  messages: ['JW323'],
  level: 2,
  retourcode: '0001',
  description: 'De (Declaratie)periode is exact gelijk aan 1 hele kalendermaand',
  check(m, hit) {
    const { Begindatum: b, Einddatum: e } = m.Declaratie.DeclaratiePeriode;
    const expected = `${b.slice(0, 7)}-01 … ${lastDayOfMonth(b)}`;
    return b.endsWith('-01') && e === lastDayOfMonth(b) ? [] : [hit('/Bericht/Declaratie/DeclaratiePeriode', `expected one whole calendar month (${expected}), got ${b} … ${e}`)];
  },
});

export const tr315 = defineRule({
  id: 'TR315',
  messages: ['JW323'],
  level: 2,
  retourcode: '0001',
  description: 'VorigReferentieNummer van de Prestatie moet uniek zijn in het bericht.',
  check(m, hit) {
    const seen = new Map<string, PrestatieRow>();
    const out: Finding[] = [];
    for (const r of lines(m)) {
      const v = r.p.ProductReferentie.VorigReferentieNummer;
      if (v === undefined) continue;
      const prev = seen.get(v);
      if (prev) out.push(hit(`${r.path}/ProductReferentie/VorigReferentieNummer`, `expected a unique VorigReferentieNummer, got ${v} again (also at ${prev.path})`));
      else seen.set(v, r);
    }
    return out;
  },
});

export const tr316 = defineRule({
  id: 'TR316',
  messages: ['JW323'],
  level: 2,
  retourcode: '0001',
  description: 'Debetregels mogen niet in hetzelfde bericht gecrediteerd worden.',
  check(m, hit) {
    const credits = lines(m).filter(({ p }) => p.ProductReferentie.VorigReferentieNummer !== undefined);
    if (credits.length === 0) return [];
    const refs = new Map(lines(m).map((r) => [r.p.ProductReferentie.ReferentieNummer, r]));
    return credits
      .filter(({ p }) => refs.has(p.ProductReferentie.VorigReferentieNummer!))
      .map(({ p, path }) => hit(`${path}/ProductReferentie/VorigReferentieNummer`, `expected a VorigReferentieNummer of an earlier message, got ${p.ProductReferentie.VorigReferentieNummer}, the ReferentieNummer of ${refs.get(p.ProductReferentie.VorigReferentieNummer!)!.path} in this message`));
  },
});

export const tr416 = defineRule({
  id: 'TR416',
  messages: ['JW323'],
  level: 2,
  retourcode: '0001',
  description: 'Prestatie met DebetCredit Debet mag alleen ingezonden worden voor dezelfde ProductPeriode, ProductCategorie en ProductCode met gelijk ToewijzingNummer als er niet al een Prestatie met waarde Debet is.',
  check(m, hit) {
    // By ToewijzingNummer first (a number key: cheap for 100,000 lines), then the few debits of
    // one toewijzing by product and period; a toewijzing with many lines gets a map of its own,
    // so a declaration of 100,000 lines on one toewijzing stays linear. A toewijzing's first
    // debit is kept as it is, a list only from the second (most have one: 100,000 lists less).
    const byToewijzing = new Map<number, PrestatieRow | PrestatieRow[] | Map<string, PrestatieRow>>();
    const out: Finding[] = [];
    const keyOf = (p: PrestatieRow['p']) => `${p.ProductCategorie}|${p.ProductCode}|${p.ProductPeriode.Begindatum}|${p.ProductPeriode.Einddatum}`;
    for (const r of lines(m)) {
      const p = r.p;
      if (p.IngediendBedrag.DebetCredit !== 'D') continue;
      let earlier = byToewijzing.get(p.ToewijzingNummer);
      if (!earlier) {
        byToewijzing.set(p.ToewijzingNummer, r);
        continue;
      }
      if (earlier instanceof PrestatieRow) {
        earlier = [earlier];
        byToewijzing.set(p.ToewijzingNummer, earlier);
      }
      if (Array.isArray(earlier) && earlier.length >= 16) {
        earlier = new Map(earlier.map((e) => [keyOf(e.p), e]));
        byToewijzing.set(p.ToewijzingNummer, earlier);
      }
      const key = keyOf(p);
      const prev = Array.isArray(earlier) ? earlier.find((e) => keyOf(e.p) === key) : earlier.get(key);
      if (prev) out.push(hit(r.path, `expected one debit per toewijzing, product and period, got a second debit for ToewijzingNummer ${p.ToewijzingNummer}, ${p.ProductCategorie}/${p.ProductCode}, ${p.ProductPeriode.Begindatum}…${p.ProductPeriode.Einddatum} (first at ${prev.path})`));
      else if (Array.isArray(earlier)) earlier.push(r);
      else earlier.set(key, r);
    }
    return out;
  },
});

export const cd060 = defineRule({
  id: 'CD060',
  messages: ['JW323', 'JW325'],
  level: 2,
  retourcode: '0001',
  description: 'VorigReferentieNummer verplicht vullen indien DebetCredit bij het ingediende bedrag de waarde C (credit) heeft, anders leeg laten.',
  check(m, hit, ctx) {
    const out: Finding[] = [];
    for (const { p, path } of prestatieRows(m, ctx.message)) {
      const credit = p.IngediendBedrag.DebetCredit === 'C';
      const v = p.ProductReferentie.VorigReferentieNummer;
      if (credit && v === undefined) out.push(hit(`${path}/ProductReferentie/VorigReferentieNummer`, 'credit prestatie: expected a VorigReferentieNummer, got none'));
      if (!credit && v !== undefined) out.push(hit(`${path}/ProductReferentie/VorigReferentieNummer`, `debit prestatie: expected no VorigReferentieNummer, got ${v}`));
    }
    return out;
  },
});

/** The codes a DeclaratieAntwoord carries when it is not itself rejected. */
const NOT_REJECTED = new Set(['0200', '8001']);

export const tr342 = defineRule({
  id: 'TR342',
  messages: ['JW325'],
  level: 2,
  retourcode: '0001',
  description: 'Alleen afgewezen Prestaties dienen meegestuurd te worden in het declaratie-antwoordbericht; Σ IngediendBedrag van de afgewezen prestaties = TotaalIngediendBedrag − TotaalToegekendBedrag; bij afkeur op DeclaratieAntwoord is TotaalToegekendBedrag 0.',
  check(m, hit) {
    const a = m.DeclaratieAntwoord;
    if (!a) return [];
    const out: Finding[] = [];
    const toegekend = signed(a.TotaalToegekendBedrag);
    const rejectedAnswer = a.RetourCodes.RetourCode.some((c) => !NOT_REJECTED.has(c));
    if (rejectedAnswer) {
      if (toegekend !== 0) out.push(hit('/Bericht/DeclaratieAntwoord/TotaalToegekendBedrag', `DeclaratieAntwoord rejected (${a.RetourCodes.RetourCode.join(', ')}): expected TotaalToegekendBedrag 0, got ${showAmount(toegekend)}`));
      if (a.Clienten) out.push(hit('/Bericht/DeclaratieAntwoord/Clienten', 'DeclaratieAntwoord rejected: expected no prestaties (they are not judged), got some'));
      return out;
    }
    let rejected = 0;
    for (const r of prestatieRows(m, 'JW325')) {
      const p = r.p;
      rejected += signed(p.IngediendBedrag);
      if (p.RetourCodes.RetourCode.every((c) => c === '0200')) out.push(hit(`${r.path}/RetourCodes`, 'expected only rejected prestaties, got one with only 0200 (approved)'));
    }
    const expected = signed(a.TotaalIngediendBedrag) - toegekend;
    if (rejected !== expected) out.push(hit('/Bericht/DeclaratieAntwoord/TotaalToegekendBedrag', `expected Σ IngediendBedrag of the listed prestaties (${showAmount(rejected)}) = TotaalIngediendBedrag − TotaalToegekendBedrag (${showAmount(expected)})`));
    return out;
  },
});

export const cd087 = defineRule({
  id: 'CD087',
  messages: ['JW323'],
  level: 2,
  retourcode: '0001',
  description: 'Als eenheid ongelijk is aan 83 (euro’s) dan (ProductTarief) verplicht vullen, anders leeg laten.',
  check(m, hit) {
    const out: Finding[] = [];
    for (const { p, path } of lines(m)) {
      const euros = p.Eenheid === '83';
      if (!euros && p.ProductTarief === undefined) out.push(hit(`${path}/ProductTarief`, `Eenheid ${p.Eenheid}: expected a ProductTarief, got none`));
      else if (euros && p.ProductTarief !== undefined) out.push(hit(`${path}/ProductTarief`, `Eenheid 83 (euro’s): expected no ProductTarief, got ${p.ProductTarief}`));
    }
    return out;
  },
});

/** iJw 3.x declares care from 2021 on: earlier periods belong to the previous standard. */
const CS100_FIRST = '2021-01-01';

export const cs100 = defineRule({
  id: 'CS100',
  messages: ['JW323'],
  level: 2,
  retourcode: '0001',
  description: 'Vullen met een datum die groter dan of gelijk is aan 01-01-2021 (DeclaratiePeriode, ProductPeriode)',
  check(m, hit) {
    // A period is reported once, at its Begindatum, or at its Einddatum when only that is early.
    const judge = (path: string, per: { Begindatum: string; Einddatum: string }) => {
      const which = per.Begindatum < CS100_FIRST ? 'Begindatum' : per.Einddatum < CS100_FIRST ? 'Einddatum' : undefined;
      return which ? [hit(`${path}/${which}`, `expected a date on or after ${CS100_FIRST}, got ${per[which]}`)] : [];
    };
    const out = judge('/Bericht/Declaratie/DeclaratiePeriode', m.Declaratie.DeclaratiePeriode);
    for (const r of lines(m)) if (r.p.ProductPeriode.Begindatum < CS100_FIRST || r.p.ProductPeriode.Einddatum < CS100_FIRST) out.push(...judge(`${r.path}/ProductPeriode`, r.p.ProductPeriode));
    return out;
  },
});

/**
 * TR137 on ProductPeriode/Einddatum of every prestatie (323 and 325): not before the Begindatum
 * of the period and not after the message's Dagtekening. The Begindatum is TR134's.
 */
export const tr137 = defineRule({
  id: 'TR137',
  messages: ['JW323', 'JW325'],
  level: 2,
  retourcode: '0001',
  description: 'Vullen met een waarde die groter is dan, of gelijk is aan de Begindatum van de aangeduide periode én die niet groter is dan de Dagtekening van het bericht.',
  check(m, hit, ctx) {
    const dagtekening = m.Header.BerichtIdentificatie.Dagtekening;
    const out: Finding[] = [];
    for (const r of prestatieRows(m, ctx.message)) {
      const { Begindatum: b, Einddatum: e } = r.p.ProductPeriode;
      if (after(b, e)) out.push(hit(`${r.path}/ProductPeriode/Einddatum`, `expected an Einddatum ≥ the Begindatum ${b}, got ${e}`));
      else if (after(e, dagtekening)) out.push(hit(`${r.path}/ProductPeriode/Einddatum`, `expected an Einddatum not after the Dagtekening ${dagtekening}, got ${e}`));
    }
    return out;
  },
});

export const tr335 = defineRule({
  id: 'TR335',
  messages: ['JW323'],
  level: 2,
  retourcode: '0001',
  description: 'Einddatum (van de ProductPeriode) mag niet meer dan 5 jaar voor DeclaratieDagtekening liggen.',
  check(m, hit) {
    const limit = yearsBefore(m.Declaratie.DeclaratieDagtekening, 5);
    return lines(m)
      .filter(({ p }) => p.ProductPeriode.Einddatum < limit)
      .map(({ p, path }) => hit(`${path}/ProductPeriode/Einddatum`, `expected an Einddatum not before ${limit} (5 years before the DeclaratieDagtekening ${m.Declaratie.DeclaratieDagtekening}), got ${p.ProductPeriode.Einddatum}`));
  },
});

export const declaratieRules = [tr358, cs339, tr346, cs325, cs337, cs340, tr315, tr316, tr416, cd060, tr342, cd087, cs100, tr137, tr335];
