/** Faulty variants around starting and stopping care. */
import type { Fault } from './fault.ts';

export const startStopFaults: Fault[] = [
  {
    id: 'gemeente-accepts-stop-without-start',
    role: 'gemeente',
    rule: 'IJW-STOP-1',
    region: 'alkmaar',
    description: 'Accepts a JW307 for a toewijzing that has no current start (should be 9069)',
    apply(g) {
      g.checks.stopNeedsStart = () => undefined;
    },
  },
  {
    id: 'gemeente-accepts-second-start',
    role: 'gemeente',
    rule: 'IJW-START-1',
    region: 'alkmaar',
    description: 'Accepts a second JW305 while a start is current (should be 9326)',
    apply(g) {
      g.checks.oneCurrentStart = () => undefined;
    },
  },
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
