/**
 * Faulty variants for Zuid-Limburg (seed 005): each overrides one policy or check of the shared
 * reference parties that the region's profile chooses, and breaks one ZLM rule for one role.
 */
import type { Fault } from './fault.ts';
import type { ReferenceGemeente } from '../gemeente/reference-gemeente.ts';
import type { ReferenceAanbieder } from '../aanbieder/reference-aanbieder.ts';
import { aanbiederDeclaratieFlowOf, type PlannedLine } from '../aanbieder/declaratie.ts';
import { declaratieFlowOf } from '../gemeente/declaratie.ts';
import { monthEnd, plusDays, plusMonths, type DeclProduct } from '../gemeente/declaratie-rules.ts';
import { isDeleted } from '../ledger.ts';
import { approveWhen } from './declaratie.ts';

const region = 'zuid-limburg';
/** Venlo: a Limburg municipality outside jeugdzorgregio Zuid-Limburg. */
const OUTSIDE = '0983';

function headerSays(party: ReferenceGemeente | ReferenceAanbieder, field: 'Afzender' | 'Ontvanger', code: string): void {
  const p = party as unknown as { header: (c: string) => Record<string, unknown> };
  const header = p.header.bind(party);
  p.header = (c) => ({ ...header(c), [field]: code });
}

/** The product without its tariff-year policy: every line takes the year of delivery. */
function deliveryYearOnly(p: DeclProduct): DeclProduct {
  const { tariffYear: _ignored, ...rest } = p;
  return rest;
}

export const zuidLimburgFaults: Fault[] = [
  // ------------------------------------------------------------------ the provider
  {
    id: 'zlm-aanbieder-addresses-outside-region',
    role: 'aanbieder', rule: 'ZLM-CODES', region,
    description: 'Addresses its messages to Venlo (0983), which is not one of the 16 municipalities of the region',
    apply(a) {
      headerSays(a, 'Ontvanger', OUTSIDE);
    },
  },
  {
    id: 'zlm-aanbieder-declares-running-month',
    role: 'aanbieder', rule: 'ZLM-D1', region,
    description: 'Declares a calendar month before it has ended',
    apply(a) {
      aanbiederDeclaratieFlowOf(a).rules.notDeclarableYet = () => undefined;
    },
  },
  {
    id: 'zlm-aanbieder-declares-two-months-late',
    role: 'aanbieder', rule: 'ZLM-D2', region,
    description: 'Declares a month only once the month after it has ended too (in the second month after it, not at the latest in the following one)',
    apply(a) {
      aanbiederDeclaratieFlowOf(a).rules.notDeclarableYet = (month, today) => {
        const next = plusMonths(`${month}-01`, 1).slice(0, 7);
        return today > monthEnd(next) ? undefined : `${month} is declared after ${next} has ended`;
      };
    },
  },
  {
    id: 'zlm-aanbieder-declares-output-in-euro',
    role: 'aanbieder', rule: 'ZLM-D3', region,
    description: 'Declares output products (eenheid 82) as an amount in eenheid 83 instead of in pieces',
    apply(a) {
      const rules = aanbiederDeclaratieFlowOf(a).rules;
      const perUnit = rules.perUnit;
      rules.perUnit = (...args) => {
        const r = perUnit(...args);
        return r && r.eenheid === '82' ? { volume: r.bedrag, eenheid: '83', bedrag: r.bedrag } : r;
      };
    },
  },
  {
    id: 'zlm-aanbieder-declares-per-client',
    role: 'aanbieder', rule: 'ZLM-D4', region,
    description: 'Sends one JW323 per client instead of one batch per month per municipality',
    apply(a) {
      aanbiederDeclaratieFlowOf(a).rules.batches = (lines) => {
        const byClient = new Map<string, PlannedLine[]>();
        for (const l of lines) byClient.set(l.t.bsn, [...(byClient.get(l.t.bsn) ?? []), l]);
        return [...byClient.values()];
      };
    },
  },
  {
    id: 'zlm-aanbieder-declares-in-terms',
    role: 'aanbieder', rule: 'ZLM-D5', region,
    description: 'Declares a month again as a further debit when more care of it is recorded later (partial payments), without crediting the first',
    apply(a) {
      aanbiederDeclaratieFlowOf(a).rules.alreadyDeclared = () => false;
    },
  },
  {
    id: 'zlm-aanbieder-output-at-delivery-year',
    role: 'aanbieder', rule: 'ZLM-TAR-1', region,
    description: "Declares output products at the tariff of the year of delivery instead of the year of the toewijzing's ingangsdatum",
    apply(a) {
      const rules = aanbiederDeclaratieFlowOf(a).rules;
      const perUnit = rules.perUnit;
      rules.perUnit = (party, t, product, care) => perUnit(party, t, deliveryYearOnly(product), care);
    },
  },
  {
    id: 'zlm-aanbieder-credits-the-difference',
    role: 'aanbieder', rule: 'ZLM-CR-1', region,
    description: 'Corrects an approved line by crediting only the difference (a partial credit) instead of the whole line and a new debit',
    apply(a) {
      aanbiederDeclaratieFlowOf(a).rules.correction = (credit, debit) => [{ ...credit, volume: credit.volume - debit.volume, bedrag: credit.bedrag - debit.bedrag }];
    },
  },
  {
    id: 'zlm-aanbieder-ignores-shortening',
    role: 'aanbieder', rule: 'ZLM-CR-2', region,
    description: 'Credits the lines of a withdrawn toewijzing but not the approved lines a shortened one no longer covers',
    apply(a) {
      aanbiederDeclaratieFlowOf(a).rules.outsideToewijzing = (t) => isDeleted(t) || t.einddatum === t.ingangsdatum;
    },
  },
  {
    id: 'zlm-aanbieder-ignores-withdrawal',
    role: 'aanbieder', rule: 'ZLM-CR-3', region,
    description: 'Treats a withdrawn toewijzing as gone and credits nothing declared on it (it does credit past a shortened einddatum)',
    apply(a) {
      const rules = aanbiederDeclaratieFlowOf(a).rules;
      const outside = rules.outsideToewijzing;
      rules.outsideToewijzing = (t, line) => !(isDeleted(t) || t.einddatum === t.ingangsdatum) && outside(t, line);
    },
  },
  // ------------------------------------------------------------------ the municipality
  {
    id: 'zlm-gemeente-signs-outside-region',
    role: 'gemeente', rule: 'ZLM-CODES', region,
    description: 'Sends its messages as Venlo (0983), which is not one of the 16 municipalities of the region',
    affectsEveryFlow: 'every message is signed with a municipality outside the region, which the judge flags everywhere (IJW-ADDR)',
    apply(g) {
      headerSays(g, 'Afzender', OUTSIDE);
    },
  },
  {
    id: 'zlm-gemeente-accepts-other-unit',
    role: 'gemeente', rule: 'ZLM-D3', region,
    description: 'Approves a line in another eenheid than the toewijzing\'s',
    apply(g) {
      approveWhen(g, 'unit', () => true);
    },
  },
  {
    id: 'zlm-gemeente-pays-in-terms',
    role: 'gemeente', rule: 'ZLM-D5', region,
    description: 'Approves a second debit for a month already declared and not credited (a partial payment)',
    apply(g) {
      approveWhen(g, 'debitAfterCredit', () => true);
    },
  },
  {
    id: 'zlm-gemeente-output-at-delivery-year',
    role: 'gemeente', rule: 'ZLM-TAR-1', region,
    description: "Checks output products against the tariff of the year of delivery instead of the year of the toewijzing's ingangsdatum",
    apply(g) {
      const checks = declaratieFlowOf(g).checks;
      const tariff = checks.tariff;
      checks.tariff = (c) => tariff({ ...c, product: c.product && deliveryYearOnly(c.product) });
    },
  },
  {
    id: 'zlm-gemeente-accepts-partial-credit',
    role: 'gemeente', rule: 'ZLM-CR-1', region,
    description: 'Approves a credit of part of a line',
    apply(g) {
      declaratieFlowOf(g).checks.creditInFull = () => undefined;
    },
  },
  {
    id: 'zlm-gemeente-withdraws-by-shortening',
    role: 'gemeente', rule: 'ZLM-INTREK-1', region,
    description: 'Withdraws a toewijzing by shortening it to the day after its ingangsdatum instead of einddatum = ingangsdatum',
    apply(g) {
      const change = g.changeToewijzing.bind(g);
      g.changeToewijzing = (t, einddatum, reden) => (einddatum === t.ingangsdatum ? change(t, plusDays(t.ingangsdatum, 1), '05') : change(t, einddatum, reden));
    },
  },
];
