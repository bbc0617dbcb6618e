/** Faulty variants around requests (JW315–JW320) and allocation (JW301); each replaces one named rule or check. */
import type { Fault } from './fault.ts';
import { aanbiederOverride, gemeenteOverride } from './override.ts';
import { verzoekFlowOf } from '../gemeente/verzoek.ts';
import { aanbiederVerzoekFlowOf } from '../aanbieder/verzoek.ts';
import { endAfterYears } from '../gemeente/toewijzing-rules.ts';

export const verzoekFaults: Fault[] = [
  gemeenteOverride({
    id: 'gemeente-stacks-same-product',
    rule: 'IJW-STAP-1',
    region: 'alkmaar',
    description: 'Allocates the same product at the same provider again for an overlapping period (no stacking check)',
    table: 'toewijzing.rules',
    name: 'stacksOn',
    with: () => () => undefined,
  }),
  gemeenteOverride({
    id: 'gemeente-ignores-retroactive-limit',
    rule: 'FRL-VOT-2',
    region: 'fryslan',
    description: 'Honours a VOT whose requested start lies more than 4 weeks before the request date',
    table: 'verzoek.checks',
    name: 'retroactive',
    with: () => () => undefined,
  }),
  {
    id: 'gemeente-answers-request-late',
    role: 'gemeente',
    rule: 'FRL-VOT-1',
    region: 'fryslan',
    description: 'Answers a VOT with its JW301 or JW319 6 werkdagen after the request (the deadline is 5)',
    apply(g) {
      verzoekFlowOf(g).decideAfterWerkdagen = 6;
    },
  },
  {
    id: 'gemeente-allocates-without-einddatum',
    role: 'gemeente',
    rule: 'ALK-T2',
    region: 'alkmaar',
    description: 'Honours a VOT with a toewijzing that has no einddatum (where no national rule needs one)',
    apply(g) {
      // A faulty variant breaks one rule: the einddatum stays where CD076 (per week) needs it too,
      // else the provider would refuse the JW301 on the national rule (0001) before ALK-T2 is judged.
      const flow = verzoekFlowOf(g);
      const honest = flow.toewijzingFor.bind(flow);
      flow.toewijzingFor = (ref, p) => {
        const t = honest(ref, p);
        if (t.omvang?.frequentie === '2') return t;
        const { einddatum: _dropped, ...rest } = t;
        return rest;
      };
    },
  },
  gemeenteOverride({
    id: 'gemeente-allocates-one-year',
    rule: 'FRL-TOEW-1',
    region: 'fryslan',
    description: 'Gives a toewijzing an einddatum of ingangsdatum + 1 year instead of + 2 years',
    table: 'toewijzing.rules',
    name: 'einddatum',
    with: () => (_profile, ingangsdatum) => endAfterYears(ingangsdatum, 1),
  }),
  aanbiederOverride({
    id: 'aanbieder-sends-referrer-name-with-code',
    rule: 'IJW-VOT-4',
    region: 'alkmaar',
    description: 'Fills NaamVerwijzer next to the ZorgverlenerCode of a type 02–05 referrer (CD066)',
    table: 'verzoek.rules',
    name: 'verwijzer',
    with: () => (_profile, v) => ({ Type: v.type as never, ...(v.naam ? { Naam: v.naam } : {}), ...(v.zorgverlenerCode ? { ZorgverlenerCode: v.zorgverlenerCode } : {}) }),
  }),
  gemeenteOverride({
    id: 'gemeente-keeps-unstarted-toewijzing',
    rule: 'ALK-T7',
    region: 'alkmaar',
    description: 'Does not withdraw a toewijzing that has not started 12 months after its ingangsdatum',
    table: 'toewijzing.rules',
    name: 'lapses',
    with: () => () => false,
  }),
];
