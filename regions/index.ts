/**
 * The region profiles, one per regional protocol, and the lookup by id.
 *
 * @example
 *   getProfile('fryslan').deadlines.answerRequest?.value   // 5
 *   getProfile('nope')                                     // throws UnknownRegionError
 */
import { alkmaar } from './alkmaar.ts';
import { amsterdam } from './amsterdam.ts';
import { REGION_IDS, type RegionId } from './catalogue.ts';
import { fryslan } from './fryslan.ts';
import { rijnmond } from './rijnmond.ts';
import type { RegionProfile } from './types.ts';
import { utrecht } from './utrecht.ts';
import { zuidLimburg } from './zuid-limburg.ts';

export * from './types.ts';
export { REGION_IDS, catalogue, findRule, rulesForRegion, type CatalogueRule, type Flow } from './catalogue.ts';

/** Typed against RegionId, so a region without a profile does not compile. */
export const profiles = { alkmaar, amsterdam, rijnmond, fryslan, utrecht, 'zuid-limburg': zuidLimburg } as const satisfies Record<RegionId, RegionProfile>;

export class UnknownRegionError extends Error {
  readonly code = 'UNKNOWN_REGION';
  readonly region: string;

  constructor(region: string) {
    super(`Unknown region '${region}'. Valid region ids: ${REGION_IDS.join(', ')}. Pass one of them (e.g. --region alkmaar).`);
    this.region = region;
    this.name = 'UnknownRegionError';
  }
}

export function isRegionId(id: string): id is RegionId {
  return (REGION_IDS as readonly string[]).includes(id);
}

/** The profile of a region; throws UnknownRegionError for an id that is not one of REGION_IDS. */
export function getProfile(id: string): RegionProfile {
  if (!isRegionId(id)) throw new UnknownRegionError(id);
  return profiles[id];
}
