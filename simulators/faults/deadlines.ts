/** Faulty variants that answer or report too late. */
import type { Fault } from './fault.ts';
import { addWerkdagen } from '../../ijw/calendar/werkdagen.ts';

export const deadlineFaults: Fault[] = [
  {
    id: 'aanbieder-sends-start-late',
    role: 'aanbieder',
    rule: 'ALK-START-1',
    region: 'alkmaar',
    description: 'Queues the JW305 and sends it in a batch 7 werkdagen after the care started',
    affectsEveryFlow: 'every scenario that needs a start waits for a JW305 that comes 7 werkdagen late',
    apply(a) {
      const startCare = a.startCare.bind(a);
      a.startCare = async (nummer, begindatum, status) => {
        if (status === '3') return startCare(nummer, begindatum, status);
        a.schedule(addWerkdagen(a.date, 7), 'batched JW305', () => startCare(nummer, begindatum, status));
      };
    },
  },
  {
    id: 'gemeente-answers-retour-late',
    role: 'gemeente',
    rule: 'ALK-TERM-1',
    region: 'alkmaar',
    description: 'Answers every message with 202 and sends the retour 4 werkdagen later (the deadline is 3)',
    affectsEveryFlow: 'every scenario waits for a retour that comes 4 werkdagen late',
    apply(g) {
      g.retourDelayWerkdagen = 4;
    },
  },
];
