/** Faulty variants around starting and stopping care. */
import type { Fault } from './fault.ts';
import { gemeenteOverride } from './override.ts';

export const startStopFaults: Fault[] = [
  gemeenteOverride({
    id: 'gemeente-accepts-stop-without-start',
    rule: 'IJW-STOP-1',
    region: 'alkmaar',
    description: 'Accepts a JW307 for a toewijzing that has no current start (should be 9069)',
    table: 'start-stop.checks',
    name: 'stopNeedsStart',
    with: () => () => undefined,
  }),
  gemeenteOverride({
    id: 'gemeente-accepts-second-start',
    rule: 'IJW-START-1',
    region: 'alkmaar',
    description: 'Accepts a second JW305 while a start is current (should be 9326)',
    table: 'start-stop.checks',
    name: 'oneCurrentStart',
    with: () => () => undefined,
  }),
  {
    id: 'aanbieder-stops-without-start',
    role: 'aanbieder',
    rule: 'IJW-STOP-1',
    region: 'alkmaar',
    description: 'Sends a JW307 for a toewijzing it never started, using the toewijzing ingangsdatum as Begindatum',
    apply(a) {
      const stopCare = a.stopCare.bind(a);
      a.stopCare = (nummer, einddatum, reden, begindatum, status) =>
        stopCare(nummer, einddatum, reden, begindatum ?? (a.latestStart(nummer)?.begindatum ?? a.toewijzing(nummer).ingangsdatum), status);
    },
  },
];
