/**
 * A faulty variant of a reference implementation: it breaks exactly one rule, by overriding
 * one check or behaviour of the correct implementation (never a fork of it).
 */
import type { Role } from '../actions.ts';
import type { ReferenceGemeente } from '../gemeente/reference-gemeente.ts';
import type { ReferenceAanbieder } from '../aanbieder/reference-aanbieder.ts';

interface FaultBase {
  id: string;
  /** The catalogue rule, or national rule id (ijw/rules/national-rules.ts, judged, tagged as such), the variant breaks; the suite must catch it with a scenario tagged so. */
  rule: string;
  /** The region whose scenarios catch it. */
  region: string;
  description: string;
  /**
   * Why the variant also fails scenarios of other flows (e.g. every answer is late, so every
   * scenario that waits for one fails). Without it, the suite's smoke scenarios of other flows
   * must still pass under the variant (test/faults.test.ts).
   */
  affectsEveryFlow?: string;
  /** The one policy or check the variant overrides, by table and entry name (simulators/faults/override.ts; table 'profile' names the changed profile paths, 'receives' the refused message); absent on variants not yet expressed as data. */
  overrides?: { table: string; name: string };
}

export type Fault =
  | (FaultBase & { role: 'gemeente'; apply(party: ReferenceGemeente): void })
  | (FaultBase & { role: 'aanbieder'; apply(party: ReferenceAanbieder): void });

export type { Role };
