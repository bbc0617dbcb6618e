/** Faulty variants around declarations (JW323 → JW325); each replaces one named rule or check. */
import type { Fault } from './fault.ts';
import { aanbiederOverride, gemeenteOverride } from './override.ts';
import { aanbiederDeclaratieFlowOf } from '../aanbieder/declaratie.ts';
import { declaratieFlowOf, type DeclaratieChecks, type LineContext, type LineRejection } from '../gemeente/declaratie.ts';
import type { ReferenceGemeente } from '../gemeente/reference-gemeente.ts';

/**
 * The municipality approves, on one named declaration check, the lines `when` picks out of
 * those the check rejects; every other line is judged as the reference does.
 */
export function approveWhen(g: ReferenceGemeente, check: keyof DeclaratieChecks, when: (c: LineContext, r: LineRejection) => boolean): void {
  const checks = declaratieFlowOf(g).checks;
  const judge = checks[check];
  checks[check] = (c) => {
    const r = judge(c);
    return r && when(c, r) ? undefined : r;
  };
}

export const declaratieFaults: Fault[] = [
  aanbiederOverride({
    id: 'aanbieder-claims-100-after-start',
    rule: 'AMS-INT-1',
    region: 'amsterdam',
    description: 'Claims 100% of the trajectory tariff after the JW305 instead of 70%',
    table: 'declaratie.rules',
    name: 'startShare',
    with: () => () => 1,
  }),
  aanbiederOverride({
    id: 'aanbieder-claims-30-after-reden-32',
    rule: 'AMS-INT-3',
    region: 'amsterdam',
    description: 'Claims the remaining 30% after any definitive JW307, also after reden 32 (only reden 31 gives it)',
    table: 'declaratie.rules',
    name: 'stopShare',
    with: () => (p) => p.afterStopPlan ?? 0,
  }),
  {
    id: 'aanbieder-declares-in-wrong-unit',
    role: 'aanbieder',
    rule: 'RIJ-PROD-2',
    region: 'rijnmond',
    description: 'Declares euro-allocated arrangements as one piece (eenheid 82) at the month\'s amount instead of in eenheid 83 of the JW301',
    apply(a) {
      const flow = aanbiederDeclaratieFlowOf(a);
      const perUnit = flow.rules.perUnit;
      flow.rules.perUnit = (...args) => {
        const r = perUnit(...args);
        return r && r.eenheid === '83' ? { volume: 1, eenheid: '82', tarief: r.bedrag, bedrag: r.bedrag } : r;
      };
    },
  },
  aanbiederOverride({
    id: 'aanbieder-debit-before-credit',
    rule: 'AMS-CRED-1',
    region: 'amsterdam',
    description: 'Corrects an approved line by sending the corrected debit before the credit of the approved line',
    table: 'declaratie.rules',
    name: 'correction',
    with: () => (credit, debit) => [debit, credit],
  }),
  {
    id: 'gemeente-answers-declaration-late',
    role: 'gemeente',
    rule: 'FRL-DECL-3',
    region: 'fryslan',
    description: 'Answers a JW323 with 202 and sends the JW325 11 werkdagen later (the deadline is 10)',
    affectsEveryFlow: 'every declaration scenario waits for a JW325 that comes 11 werkdagen late',
    apply(g) {
      declaratieFlowOf(g).answerDelayWerkdagen = 11;
    },
  },
  gemeenteOverride({
    id: 'gemeente-accepts-declaration-after-one-year',
    rule: 'FRL-DECL-4',
    region: 'fryslan',
    description: 'Approves declarations sent more than one year after the JW307',
    table: 'declaratie.checks',
    name: 'declarationTerm',
    with: () => () => undefined,
  }),
  {
    id: 'gemeente-rejects-before-start',
    role: 'gemeente',
    rule: 'IJW-DECL-8',
    region: 'amsterdam',
    description: 'Rejects a line whose ProductPeriode begins before the JW305 though it lies within the toewijzing (OP364 forbids it)',
    apply(g) {
      const checks = declaratieFlowOf(g).checks;
      const within = checks.withinToewijzing;
      checks.withinToewijzing = (c) => {
        const begin = c.p.ProductPeriode.Begindatum;
        const started = c.starts.some((s) => !s.deleted && s.begindatum <= begin);
        return within(c) ?? (started ? undefined : { retourcode: '9307', rule: 'OP364', text: `ProductPeriode begins ${begin}, before the start of care` });
      };
    },
  },
  gemeenteOverride({
    id: 'gemeente-accepts-period-outside-toewijzing',
    rule: 'IJW-DECL-2',
    region: 'alkmaar',
    description: 'Does not reject a prestatie whose ProductPeriode lies outside the toewijzing (should be 9307/9308)',
    table: 'declaratie.checks',
    name: 'withinToewijzing',
    with: () => () => undefined,
  }),
];
