/**
 * The region profiles, one per region pack (regions/<id>/profile.yaml, see regions/packs.ts), and
 * the lookup by id.
 *
 * @example
 *   getProfile('fryslan').deadlines.answerRequest?.value   // 5
 *   getProfile('nope')                                     // throws UnknownRegionError
 */
import { REGION_IDS, type RegionId } from './catalogue.ts';
import { loadPacks, type RegionPack } from './packs.ts';
import type { RegionProfile } from './types.ts';

export * from './types.ts';
export { REGION_IDS, catalogue, findRule, rulesForRegion, type CatalogueRule, type Flow } from './catalogue.ts';

const packList = loadPacks();

/** Every loaded pack by id. */
export const packs: Readonly<Record<RegionId, RegionPack>> = Object.freeze(Object.fromEntries(packList.map((p) => [p.id, p])));

/** Every loaded profile by id. */
export const profiles: Readonly<Record<RegionId, RegionProfile>> = Object.freeze(Object.fromEntries(packList.map((p) => [p.id, p.profile])));

export class UnknownRegionError extends Error {
  readonly code = 'UNKNOWN_REGION';
  readonly region: string;
  constructor(region: string) {
    super(`Unknown region '${region}'. Valid region ids: ${REGION_IDS.join(', ')}. Pass one of them (e.g. --region ${REGION_IDS[0] ?? '<id>'}), or add a pack (docs/REGION-PACKS.md).`);
    this.name = 'UnknownRegionError';
    this.region = region;
  }
}

export function isRegionId(id: string): id is RegionId {
  return (REGION_IDS as readonly string[]).includes(id);
}

/** The profile of a region; throws UnknownRegionError for an id that is not one of REGION_IDS. */
export function getProfile(id: string): RegionProfile {
  if (!isRegionId(id)) throw new UnknownRegionError(id);
  return profiles[id]!;
}
