/**
 * A faulty variant of a reference implementation: it breaks exactly one rule, by overriding
 * one check or behaviour of the correct implementation (never a fork of it).
 */
import type { Role } from '../actions.ts';
import type { ReferenceGemeente } from '../gemeente/reference-gemeente.ts';
import type { ReferenceAanbieder } from '../aanbieder/reference-aanbieder.ts';

interface FaultBase {
  id: string;
  /** The catalogue rule the variant breaks; the suite must catch it with a scenario tagged so. */
  rule: string;
  /** The region whose scenarios catch it. */
  region: string;
  description: string;
}

export type Fault =
  | (FaultBase & { role: 'gemeente'; apply(party: ReferenceGemeente): void })
  | (FaultBase & { role: 'aanbieder'; apply(party: ReferenceAanbieder): void });

export type { Role };
