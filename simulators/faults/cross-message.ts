/**
 * Faulty variants that omit one cross-message rule of the national rule table that no catalogue
 * rule covers (their scenarios are tagged with the national id, e.g. `@rule:TR387`). Each replaces
 * exactly one named check of the reference party that judges the rule on receipt.
 */
import type { Fault } from './fault.ts';
import { declaratieFlowOf } from '../gemeente/declaratie.ts';

export const crossMessageFaults: Fault[] = [
  {
    id: 'gemeente-accepts-period-not-from-the-first',
    role: 'gemeente',
    rule: 'TR387',
    region: 'alkmaar',
    description: 'Approves a prestatie whose ProductPeriode begins neither on the 1st of the month nor on the toewijzing\'s Ingangsdatum (should be 9387)',
    apply(g) {
      declaratieFlowOf(g).checks.periodBeginsOnFirst = () => undefined;
    },
  },
  {
    id: 'gemeente-accepts-period-not-to-the-last',
    role: 'gemeente',
    rule: 'TR388',
    region: 'alkmaar',
    description: 'Approves a prestatie whose ProductPeriode ends neither on the last day of the month nor on the toewijzing\'s Einddatum (should be 9388)',
    apply(g) {
      declaratieFlowOf(g).checks.periodEndsOnLast = () => undefined;
    },
  },
  {
    id: 'gemeente-takes-unknown-bsn-for-unlinked-line',
    role: 'gemeente',
    rule: 'TR304',
    region: 'alkmaar',
    description: 'Does not check that a prestatie\'s Bsn is a client of the municipality: the line is rejected only for its toewijzing (9338) instead of 8187',
    apply(g) {
      declaratieFlowOf(g).checks.knownClient = () => undefined;
    },
  },
];
