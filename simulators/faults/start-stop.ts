/** Faulty variants around starting and stopping care. */
import type { Fault } from './fault.ts';
import { aanbiederOverride, gemeenteOverride } from './override.ts';
import { answersLate, sendsStopLate, sendsStartLate } from './late.ts';
import type { Judgement } from '../party.ts';
import { counts, plusDays } from '../gemeente/toewijzing-rules.ts';
import { absenceFlowOf } from '../gemeente/absence.ts';
import type { Jw307 } from '../../ijw/messages/jw307.ts';

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
  aanbiederOverride({
    id: 'aanbieder-starts-on-report-date',
    rule: 'ALK-START-2',
    region: 'alkmaar',
    description: 'Reports the start of care on the day the start is reported, not on the day of the first declarable care',
    table: 'care-regie.rules',
    name: 'startDate',
    with: () => (_care, _after, today) => today,
  }),
  {
    id: 'aanbieder-sends-stop-late-alkmaar',
    role: 'aanbieder',
    rule: 'ALK-STOP-1',
    region: 'alkmaar',
    description: 'Queues the JW307 and sends it in a batch 7 werkdagen after care ended',
    apply(a) {
      sendsStopLate(a, 7);
    },
  },
  {
    id: 'gemeente-keeps-einddatum-after-stop',
    role: 'gemeente',
    rule: 'ALK-STOP-2',
    region: 'alkmaar',
    description: 'Accepts a definitive early stop but does not send the JW301 with the adjusted einddatum',
    apply(g) {
      const onStop = g['onStop'].bind(g);
      g['onStop'] = (m) => {
        const { after: _after, ...rest } = onStop(m);
        return rest;
      };
    },
  },
  gemeenteOverride({
    id: 'gemeente-withdraws-after-treeknorm',
    rule: 'ALK-C2',
    region: 'alkmaar',
    description: 'Withdraws a toewijzing that has not started 10 weeks after its ingangsdatum (the Treeknormen), not after 12 months',
    table: 'toewijzing.rules',
    name: 'lapses',
    with: (lapses) => (profile, t, started, date) => lapses(profile, t, started, date) || (!started && counts(t) && plusDays(t.ingangsdatum, 70) < date),
  }),
  aanbiederOverride({
    id: 'aanbieder-never-reports-pause',
    rule: 'ALK-R3',
    region: 'alkmaar',
    description: 'Does not report two months without care as a temporary stop (reden 20)',
    table: 'care-regie.rules',
    name: 'pauseToReport',
    with: () => () => undefined,
  }),
  {
    id: 'aanbieder-sends-start-late-rijnmond',
    role: 'aanbieder',
    rule: 'RIJ-START-1',
    region: 'rijnmond',
    description: 'Queues the JW305 and sends it 7 werkdagen after the care started',
    affectsEveryFlow: 'every scenario that needs a start waits for a JW305 that comes 7 werkdagen late',
    apply(a) {
      sendsStartLate(a, 7);
    },
  },
  {
    id: 'aanbieder-sends-stop-late-rijnmond',
    role: 'aanbieder',
    rule: 'RIJ-STOP-1',
    region: 'rijnmond',
    description: 'Queues the JW307 and sends it 7 werkdagen after care ended',
    apply(a) {
      sendsStopLate(a, 7);
    },
  },
  aanbiederOverride({
    id: 'aanbieder-never-stops-temporarily',
    rule: 'RIJ-ABS-1',
    region: 'rijnmond',
    description: 'Reports no temporary stop after more than four weeks without care',
    table: 'care-reporting.rules',
    name: 'temporaryStop',
    with: () => () => undefined,
  }),
  aanbiederOverride({
    id: 'aanbieder-stops-low-frequency-care',
    rule: 'RIJ-ABS-2',
    region: 'rijnmond',
    description: 'Stops care temporarily after four weeks also when support was agreed less often than weekly',
    table: 'care-reporting.rules',
    name: 'temporaryStop',
    with: (temporaryStop) => (profile, lastCare, today) => temporaryStop(profile, lastCare, today, false),
  }),
  {
    id: 'gemeente-lapses-after-four-weeks',
    role: 'gemeente',
    rule: 'RIJ-ABS-1',
    region: 'rijnmond',
    description: 'Ends a toewijzing 4 weeks after a temporary stop (care may resume within 8 weeks)',
    apply(g) {
      absenceFlowOf(g).lapseAfterWeeks = () => 4;
    },
  },
  {
    id: 'aanbieder-frl-sends-start-late',
    role: 'aanbieder',
    rule: 'FRL-START-1',
    region: 'fryslan',
    description: 'Sends the JW305 in a batch 7 werkdagen after the care started (the limit is 5)',
    affectsEveryFlow: 'every scenario that needs a start waits for a JW305 that comes 7 werkdagen late',
    apply(a) {
      sendsStartLate(a, 7);
    },
  },
  {
    id: 'gemeente-answers-start-late',
    role: 'gemeente',
    rule: 'FRL-START-1',
    region: 'fryslan',
    description: 'Answers a JW305 with 202 and sends the JW306 4 werkdagen later (the limit is 3)',
    affectsEveryFlow: 'every scenario that starts care waits for a JW306 that comes 4 werkdagen late',
    apply(g) {
      answersLate(g, 'onStart', 4);
    },
  },
  {
    id: 'aanbieder-frl-sends-stop-late',
    role: 'aanbieder',
    rule: 'FRL-STOP-1',
    region: 'fryslan',
    description: 'Sends the JW307 in a batch 7 werkdagen after the care stopped (the limit is 5)',
    apply(a) {
      sendsStopLate(a, 7);
    },
  },
  {
    id: 'gemeente-keeps-toewijzing-after-stop',
    role: 'gemeente',
    rule: 'FRL-STOP-1',
    region: 'fryslan',
    description: 'Does not end the toewijzing with a JW301 after a definitive stop',
    apply(g) {
      const o = g as unknown as { onStop: (m: Jw307) => Judgement };
      const onStop = o.onStop.bind(g);
      o.onStop = (m) => {
        const { after: _after, ...rest } = onStop(m);
        return rest;
      };
    },
  },
  {
    id: 'gemeente-ends-toewijzing-after-temporary-stop',
    role: 'gemeente',
    rule: 'FRL-STOP-1',
    region: 'fryslan',
    description: 'Ends the toewijzing with a JW301 after every stop, also a temporary one (reden 20)',
    apply(g) {
      g.endsToewijzingAfterStop = () => true;
    },
  },
  {
    id: 'gemeente-ends-toewijzing-as-client-died',
    role: 'gemeente',
    rule: 'FRL-STOP-1',
    region: 'fryslan',
    description: 'Ends the toewijzing after a definitive stop with RedenWijziging 02 "cliënt overleden", whatever the stop\'s reden',
    apply(g) {
      const change = g.changeToewijzing.bind(g);
      g.changeToewijzing = (t, einddatum, reden) => change(t, einddatum, reden === '14' ? '02' : reden);
    },
  },
  {
    id: 'gemeente-answers-stop-in-4-werkdagen',
    role: 'gemeente',
    rule: 'FRL-STOP-1',
    region: 'fryslan',
    description: 'Answers a JW307 with 202 and sends the JW308 4 werkdagen later: within the seed\'s 5, beyond the national 3 (OP090)',
    affectsEveryFlow: 'every scenario that stops care waits for a JW308 that comes 4 werkdagen late',
    apply(g) {
      answersLate(g, 'onStop', 4);
    },
  },
  {
    id: 'aanbieder-utr-sends-start-late',
    role: 'aanbieder',
    rule: 'UTR-START-1',
    region: 'utrecht',
    description: 'Sends the JW305 in a batch 7 werkdagen after the care started (the limit is 5)',
    affectsEveryFlow: 'every scenario that needs a start waits for a JW305 that comes 7 werkdagen late',
    apply(a) {
      sendsStartLate(a, 7);
    },
  },
  aanbiederOverride({
    id: 'aanbieder-starts-at-intake',
    rule: 'UTR-START-1',
    region: 'utrecht',
    description: 'Takes the intake (kennismaking) as the begindatum of the JW305',
    table: 'declaratie.rules',
    name: 'startsCare',
    with: () => (c) => !c.absence,
  }),
  {
    id: 'aanbieder-utr-sends-stop-late',
    role: 'aanbieder',
    rule: 'UTR-STOP-1',
    region: 'utrecht',
    description: 'Sends the JW307 in a batch 7 werkdagen after the care ended (the limit is 5)',
    apply(a) {
      sendsStopLate(a, 7);
    },
  },
  {
    id: 'aanbieder-stops-on-report-date',
    role: 'aanbieder',
    rule: 'UTR-STOP-1',
    region: 'utrecht',
    description: 'Puts the date it reports the stop in the JW307\'s Einddatum instead of the actual end of care',
    apply(a) {
      const stopCare = a.stopCare.bind(a);
      a.stopCare = (nummer, einddatum, reden, begindatum, status) => stopCare(nummer, status === '3' ? einddatum : a.date, reden, begindatum, status);
    },
  },
];
