/**
 * The terms of a toegewezen, aangevraagd or te wijzigen product: Product, Omvang, Budget and the
 * end date (CD041, CD075-CD080, CD095, CD096, CS338, CS343, CD043), and the overlap of products
 * within one message (TR302 in the 301, TR410 in the 317) plus TR380 (a new product starts after
 * the Dagtekening). Each rule names the classes element-rules.json puts it on.
 */
import type { Jw301 } from '../messages/jw301.ts';
import type { Jw315 } from '../messages/jw315.ts';
import type { Jw317 } from '../messages/jw317.ts';
import type { MessageCode } from '../messages/codes.ts';
import type { CdtOmvang, CdtProduct } from '../schema/generated/basisschema.ts';
import { after, defineRule, indexed, type Finding } from './types.ts';

/** The product classes that carry terms. */
type Klasse = 'ToegewezenProduct' | 'AangevraagdProduct' | 'NieuwProduct' | 'TeWijzigenProduct';

/** One row with terms, the same shape for every class. */
interface TermsRow {
  klasse: Klasse;
  path: string;
  /** `undefined` when the class has a Product element that is empty; TeWijzigenProduct has none. */
  product?: CdtProduct;
  /** The name of the end-date element (Einddatum or ToewijzingEinddatum) and its value. */
  endName: 'Einddatum' | 'ToewijzingEinddatum';
  end?: string;
  omvang?: CdtOmvang;
  budget?: number;
}

const TP = '/Bericht/Client/ToegewezenProducten';
const AP = '/Bericht/Client/AangevraagdeProducten';
const V = '/Bericht/Client/Verzoek';

function termsRows(code: MessageCode, model: unknown): TermsRow[] {
  switch (code) {
    case 'JW301':
      return indexed((model as Jw301).Client.ToegewezenProducten.ToegewezenProduct, TP, 'ToegewezenProduct').map(([t, path]) => ({ klasse: 'ToegewezenProduct', path, product: t.Product, endName: 'Einddatum', end: t.Einddatum, omvang: t.Omvang, budget: t.Budget }));
    case 'JW315':
      return indexed((model as Jw315).Client.AangevraagdeProducten.AangevraagdProduct, AP, 'AangevraagdProduct').map(([a, path]) => ({ klasse: 'AangevraagdProduct', path, product: a.Product, endName: 'ToewijzingEinddatum', end: a.ToewijzingEinddatum, omvang: a.Omvang, budget: a.Budget }));
    case 'JW317': {
      const v = (model as Jw317).Client.Verzoek;
      return [
        ...indexed(v.TeWijzigenProducten?.TeWijzigenProduct, `${V}/TeWijzigenProducten`, 'TeWijzigenProduct').map(([t, path]): TermsRow => ({ klasse: 'TeWijzigenProduct', path, endName: 'Einddatum', end: t.Einddatum, omvang: t.Omvang, budget: t.Budget })),
        ...indexed(v.NieuweProducten?.NieuwProduct, `${V}/NieuweProducten`, 'NieuwProduct').map(([n, path]): TermsRow => ({ klasse: 'NieuwProduct', path, product: n.Product, endName: 'Einddatum', end: n.Einddatum, omvang: n.Omvang, budget: n.Budget })),
      ];
    }
    default:
      return [];
  }
}

type TermsMessage = 'JW301' | 'JW315' | 'JW317';

/** A rule over the terms rows of the classes it sits on; `judge` returns a path suffix and text. */
function termsRule(spec: { id: string; messages: readonly TermsMessage[]; klassen: readonly Klasse[]; description: string; judge(r: TermsRow): [suffix: string, text: string] | undefined }) {
  return defineRule({
    id: spec.id,
    messages: spec.messages,
    level: 2,
    retourcode: '0001',
    description: spec.description,
    check(m, hit, ctx) {
      const out: Finding[] = [];
      for (const r of termsRows(ctx.message, m)) {
        if (!spec.klassen.includes(r.klasse)) continue;
        const j = spec.judge(r);
        if (j) out.push(hit(`${r.path}${j[0]}`, j[1]));
      }
      return out;
    },
  });
}

const WITH_PRODUCT: readonly Klasse[] = ['ToegewezenProduct', 'AangevraagdProduct', 'NieuwProduct'];
const ALL_TERMS: readonly Klasse[] = [...WITH_PRODUCT, 'TeWijzigenProduct'];
const showEnd = (r: TermsRow) => (r.end ? `${r.endName} ${r.end}` : `no ${r.endName}`);

export const cd041 = termsRule({
  id: 'CD041', messages: ['JW301', 'JW315', 'JW317'], klassen: WITH_PRODUCT,
  description: 'Indien Code in Product gevuld is, (Omvang) verplicht vullen.',
  judge: (r) => (r.product?.Code && !r.omvang ? ['/Omvang', `Product Code ${r.product.Code}: expected an Omvang, got none`] : undefined),
});

export const cd075 = termsRule({
  id: 'CD075', messages: ['JW301', 'JW315', 'JW317'], klassen: ALL_TERMS,
  description: '(Einddatum) verplicht vullen indien Budget gevuld is',
  judge: (r) => (r.budget !== undefined && !r.end ? [`/${r.endName}`, `Budget ${r.budget}: expected an ${r.endName}, got none`] : undefined),
});

export const cd076 = termsRule({
  id: 'CD076', messages: ['JW301', 'JW315', 'JW317'], klassen: ALL_TERMS,
  description: '(Einddatum) verplicht vullen indien Frequentie waarde 2 (per week)',
  judge: (r) => (r.omvang?.Frequentie === '2' && !r.end ? [`/${r.endName}`, `Frequentie 2 (per week): expected an ${r.endName}, got none`] : undefined),
});

export const cd077 = termsRule({
  id: 'CD077', messages: ['JW301', 'JW315', 'JW317'], klassen: ALL_TERMS,
  description: 'Indien Budget gevuld is, dan (Omvang) leeg laten',
  judge: (r) => (r.budget !== undefined && r.omvang ? ['/Omvang', `Budget ${r.budget}: expected no Omvang, got one`] : undefined),
});

export const cd078 = termsRule({
  id: 'CD078', messages: ['JW301', 'JW315', 'JW317'], klassen: ALL_TERMS,
  description: 'Indien Omvang gevuld is, dan (Budget) leeg laten',
  judge: (r) => (r.omvang && r.budget !== undefined ? ['/Budget', `Omvang given: expected no Budget, got ${r.budget}`] : undefined),
});

export const cd079 = termsRule({
  id: 'CD079', messages: ['JW301', 'JW315', 'JW317'], klassen: WITH_PRODUCT,
  description: 'Indien Budget leeg is, dan (Product) verplicht vullen',
  judge: (r) => (r.budget === undefined && !r.product ? ['/Product', 'no Budget: expected a Product, got none'] : undefined),
});

/** "Einddatum groter dan 31-12-2020 of leeg": the period the post-2021 term rules apply to. */
const from2021 = (r: TermsRow) => r.end === undefined || after(r.end, '2020-12-31');

/** CD080 (301), CD095 (315), CD096 (317): no product code ⇒ no Omvang, for periods into 2021. */
const noCodeNoOmvang = (id: string, m: TermsMessage, klasse: Klasse, description: string) =>
  termsRule({
    id, messages: [m], klassen: [klasse], description,
    judge: (r) => (!r.product?.Code && from2021(r) && r.omvang ? ['/Omvang', `no Product Code and ${showEnd(r)}: expected no Omvang, got one`] : undefined),
  });

export const cd080 = noCodeNoOmvang('CD080', 'JW301', 'ToegewezenProduct', 'Indien Code in Product leeg is en Einddatum van het ToegewezenProduct groter dan 31-12-2020 of leeg is, dan (Omvang) leeg laten');
export const cd095 = noCodeNoOmvang('CD095', 'JW315', 'AangevraagdProduct', 'Indien Code in AangevraagdProduct leeg is en ToewijzingEinddatum van het AangevraagdProduct groter dan 31-12-2020 of leeg is, dan (Omvang) leeg laten');
export const cd096 = noCodeNoOmvang('CD096', 'JW317', 'NieuwProduct', 'Indien Code in NieuwProduct leeg is en Einddatum groter dan 31-12-2020 of leeg is, dan (Omvang) leeg laten');

const FIXED_UNITS = ['14', '16', '83', '84'];
const PERIOD_FREQUENCIES = ['2', '4', '6'];

/** CS338 (301, 317) and CS343 (315): units 14/16/83/84 take frequency 2, 4 or 6 from 2021. */
const unitFrequency = (id: string, messages: readonly TermsMessage[], klassen: readonly Klasse[], description: string) =>
  termsRule({
    id, messages, klassen, description,
    judge: (r) =>
      r.omvang && FIXED_UNITS.includes(r.omvang.Eenheid) && from2021(r) && !PERIOD_FREQUENCIES.includes(r.omvang.Frequentie)
        ? ['/Omvang/Frequentie', `Eenheid ${r.omvang.Eenheid} and ${showEnd(r)}: expected Frequentie 2, 4 or 6, got ${r.omvang.Frequentie}`]
        : undefined,
  });

export const cs338 = unitFrequency('CS338', ['JW301', 'JW317'], ['ToegewezenProduct', 'NieuwProduct', 'TeWijzigenProduct'], 'Indien eenheid de waarde 14, 16, 83 of 84 heeft en Einddatum groter dan 31-12-2020 of leeg is, dan Frequentie vullen met de waarde 2 , 4 of 6');
export const cs343 = unitFrequency('CS343', ['JW315'], ['AangevraagdProduct'], 'Indien eenheid de waarde 14, 16, 83 of 84 heeft en ToewijzingEinddatum is groter dan 31-12-2020 of leeg, dan Frequentie vullen met waarde 2, 4 of 6');

export const cd043 = defineRule({
  id: 'CD043',
  messages: ['JW315'],
  level: 2,
  retourcode: '0001',
  description: 'Indien Beschikkingnummer gevuld is, (BeschikkingIngangsdatum) verplicht vullen, anders leeg laten.',
  check: (m, hit) =>
    indexed(m.Client.AangevraagdeProducten.AangevraagdProduct, AP, 'AangevraagdProduct').flatMap(([a, p]) => {
      if (a.BeschikkingNummer !== undefined && !a.BeschikkingIngangsdatum) return [hit(`${p}/BeschikkingIngangsdatum`, `BeschikkingNummer ${a.BeschikkingNummer}: expected a BeschikkingIngangsdatum, got none`)];
      if (a.BeschikkingNummer === undefined && a.BeschikkingIngangsdatum) return [hit(`${p}/BeschikkingIngangsdatum`, `no BeschikkingNummer: expected no BeschikkingIngangsdatum, got ${a.BeschikkingIngangsdatum}`)];
      return [];
    }),
});

// ---------------------------------------------------------------- overlap (TR302, TR386, TR410)

/** Same code ⇒ same product; without code, same category; an empty Product matches every product. */
export function sameProduct(a?: CdtProduct, b?: CdtProduct): boolean {
  if (!a || !b) return true;
  if (a.Categorie !== b.Categorie) return false;
  return !a.Code || !b.Code || a.Code === b.Code;
}

/** One period of a product: [begin, end or open]. */
export interface ProductPeriod {
  path: string;
  product?: CdtProduct;
  begin: string;
  end?: string;
}

/** Periods overlap when each begins before (or on) the day the other ends. */
const overlaps = (a: ProductPeriod, b: ProductPeriod) => !(a.end && after(b.begin, a.end)) && !(b.end && after(a.begin, b.end));
const showPeriod = (x: ProductPeriod) => `${x.product ? `${x.product.Categorie}/${x.product.Code ?? '-'}` : '(no product)'} ${x.begin}…${x.end ?? ''}`;

/** The findings of an overlap rule: each later period that overlaps an earlier one of the same product. */
export function overlapFindings(periods: readonly ProductPeriod[], hit: (path: string, text: string) => Finding): Finding[] {
  const out: Finding[] = [];
  periods.forEach((b, j) => {
    const a = periods.slice(0, j).find((x) => sameProduct(x.product, b.product) && overlaps(x, b));
    if (a) out.push(hit(b.path, `expected periods of the same product not to overlap, got ${showPeriod(b)} overlapping ${showPeriod(a)} at ${a.path}`));
  });
  return out;
}

export const tr302 = defineRule({
  id: 'TR302',
  messages: ['JW301'],
  level: 2,
  retourcode: '0001',
  description: 'Een Product mag alleen vaker in een toewijzingsbericht voorkomen indien de zorgperiodes elkaar niet overlappen.',
  check: (m, hit) =>
    overlapFindings(
      indexed(m.Client.ToegewezenProducten.ToegewezenProduct, TP, 'ToegewezenProduct')
        // Deleted toewijzingen (Einddatum = Ingangsdatum with reden 13, or the old 01) do not stack (TR302, OP259).
        .filter(([t]) => !((t.RedenWijziging === '13' || t.RedenWijziging === '01') && t.Einddatum === t.Ingangsdatum))
        .map(([t, path]) => ({ path, product: t.Product, begin: t.Ingangsdatum, end: t.Einddatum })),
      hit,
    ),
});

export const tr410 = defineRule({
  id: 'TR410',
  messages: ['JW317'],
  level: 2,
  retourcode: '0001',
  description: 'Een Product mag alleen vaker in de berichtklassen NieuwProduct voorkomen als de zorgperiodes elkaar niet overlappen.',
  check: (m, hit) =>
    overlapFindings(
      indexed(m.Client.Verzoek.NieuweProducten?.NieuwProduct, `${V}/NieuweProducten`, 'NieuwProduct').map(([n, path]) => ({ path, product: n.Product, begin: n.GewensteIngangsdatum, end: n.Einddatum })),
      hit,
    ),
});

/**
 * TR380 sits on NieuwProduct/GewensteIngangsdatum: a new product is requested from a day after
 * the Dagtekening. A TeWijzigenProduct may ask for a date on or before it (TR357 says which).
 */
export const tr380 = defineRule({
  id: 'TR380',
  messages: ['JW317'],
  level: 2,
  retourcode: '0001',
  description: 'Vullen met een datum die groter is dan de dagtekening van het bericht.',
  check(m, hit) {
    const dagtekening = m.Header.BerichtIdentificatie.Dagtekening;
    return indexed(m.Client.Verzoek.NieuweProducten?.NieuwProduct, `${V}/NieuweProducten`, 'NieuwProduct')
      .filter(([n]) => !after(n.GewensteIngangsdatum, dagtekening))
      .map(([n, p]) => hit(`${p}/GewensteIngangsdatum`, `expected a GewensteIngangsdatum after the Dagtekening ${dagtekening}, got ${n.GewensteIngangsdatum}`));
  },
});

export const productTermsRules = [cd041, cd075, cd076, cd077, cd078, cd079, cd080, cd095, cd096, cs338, cs343, cd043, tr302, tr410, tr380];
