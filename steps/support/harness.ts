/**
 * The one door from the steps to the harness's own parties. A scenario judges one party; the
 * harness plays the other, and steps reach it only through `harness(w).provider` or
 * `harness(w).municipality`: the party itself (send, allocate, start and stop care) and the
 * state of its flows (requests, declarations, AGB changes, care-regie). Asking for the party
 * the harness does not play is an error in the feature, named as such.
 *
 * It also passes on the standard's date and tariff arithmetic the simulators use, so a check
 * in a step computes what the rule says exactly as the reference parties do.
 */
import type { ConformanceWorld } from './world.ts';
import type { ReferenceAanbieder } from '../../simulators/aanbieder/reference-aanbieder.ts';
import type { ReferenceGemeente } from '../../simulators/gemeente/reference-gemeente.ts';
import { aanbiederVerzoekFlowOf, type AanbiederVerzoekFlow } from '../../simulators/aanbieder/verzoek.ts';
import { aanbiederDeclaratieFlowOf, type AanbiederDeclaratieFlow } from '../../simulators/aanbieder/declaratie.ts';
import { careRegieFlowOf, type CareRegieFlow } from '../../simulators/aanbieder/care-regie.ts';
import { verzoekFlowOf, type GemeenteVerzoekFlow } from '../../simulators/gemeente/verzoek.ts';
import { declaratieFlowOf, type GemeenteDeclaratieFlow } from '../../simulators/gemeente/declaratie.ts';
import { agbFlowOf, type GemeenteAgbFlow } from '../../simulators/gemeente/agb.ts';

export type { ReferenceAanbieder, ReferenceGemeente, AanbiederDeclaratieFlow, GemeenteDeclaratieFlow, AanbiederVerzoekFlow, GemeenteVerzoekFlow };
export type { Exchange } from '../../simulators/party.ts';
export type { Toewijzing, PrestatieRecord } from '../../simulators/ledger.ts';
export type { OmvangFacts, Role } from '../../simulators/actions.ts';
export { declProduct, euro, maxDate, maxVolumeFor, monthEnd, monthlyOfYearly, monthStart, share, tariffFor, UNIT_NAMES, type DeclProduct } from '../../simulators/gemeente/declaratie-rules.ts';
export { endAfterYears, overlaps, plusDays } from '../../simulators/gemeente/toewijzing-rules.ts';
export { omvangShapeProblem } from '../../simulators/gemeente/verzoek-rules.ts';

/** The harness's provider: what steps may ask of it. */
export interface HarnessProvider {
  /** The party: startCare, stopCare, sendXml, its ledger and transcript. */
  party: ReferenceAanbieder;
  /** Requests (JW315/JW317): send315, send317, requestChange, and the rules it requests by. */
  verzoek: AanbiederVerzoekFlow;
  declaratie: AanbiederDeclaratieFlow;
  /** The care-regie it keeps (AGB changes it has been told of). */
  careRegie: CareRegieFlow;
}

/** The harness's municipality: what steps may ask of it. */
export interface HarnessMunicipality {
  /** The party: allocate, changeToewijzing, changeProduct, sendXml, its ledger and transcript. */
  party: ReferenceGemeente;
  /** Requests it answers: send319, answerRequest, the locations and residences it knows. */
  verzoek: GemeenteVerzoekFlow;
  declaratie: GemeenteDeclaratieFlow;
  agb: GemeenteAgbFlow;
}

export interface Harness {
  readonly provider: HarnessProvider;
  readonly municipality: HarnessMunicipality;
}

export function harness(w: ConformanceWorld): Harness {
  return {
    get provider(): HarnessProvider {
      if (w.harnessRole !== 'aanbieder') throw new Error(`This step needs the harness to play the provider (a @role:gemeente scenario), but the scenario judges the ${w.judged}`);
      const a = w.harness as ReferenceAanbieder;
      return {
        party: a,
        get verzoek() { return aanbiederVerzoekFlowOf(a); },
        get declaratie() { return aanbiederDeclaratieFlowOf(a); },
        get careRegie() { return careRegieFlowOf(a); },
      };
    },
    get municipality(): HarnessMunicipality {
      if (w.harnessRole !== 'gemeente') throw new Error(`This step needs the harness to play the municipality (a @role:aanbieder scenario), but the scenario judges the ${w.judged}`);
      const g = w.harness as ReferenceGemeente;
      return {
        party: g,
        get verzoek() { return verzoekFlowOf(g); },
        get declaratie() { return declaratieFlowOf(g); },
        get agb() { return agbFlowOf(g); },
      };
    },
  };
}
