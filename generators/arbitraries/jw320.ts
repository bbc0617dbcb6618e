/** JW320: the retour on a JW319, built from a generated JW319 (see retour.ts for the forms). */
import type fc from 'fast-check';
import type { Jw320 } from '../../ijw/messages/jw320.ts';
import type { MessageConstraints } from './building-blocks.ts';
import { arbJw319 } from './jw319.ts';
import { arbRetour } from './retour.ts';

/**
 * A JW320 that answers a valid JW319: accepted, rejected at level 2 (0001), a Header error, or a
 * class error with one of the codes the receiver of a JW319 can give (9355, 9359, 9360, 9365).
 * @example fc.sample(arbJw320(), 1)
 */
export function arbJw320(constraints?: MessageConstraints): fc.Arbitrary<Jw320> {
  return arbRetour<Jw320>('JW320', arbJw319(constraints), { errorClass: ['Antwoord'], codes: ['9355','9359','9360','9365'] });
}
