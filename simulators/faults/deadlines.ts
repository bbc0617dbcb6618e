/** Faulty variants that answer or report too late. */
import type { Fault } from './fault.ts';
import { sendsStartLate } from './late.ts';

export const deadlineFaults: Fault[] = [
  {
    id: 'aanbieder-sends-start-late',
    role: 'aanbieder',
    rule: 'ALK-START-1',
    region: 'alkmaar',
    description: 'Queues the JW305 and sends it in a batch 7 werkdagen after the care started',
    affectsEveryFlow: 'every scenario that needs a start waits for a JW305 that comes 7 werkdagen late',
    apply(a) {
      sendsStartLate(a, 7);
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
