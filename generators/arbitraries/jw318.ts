/** JW318: the retour on a JW317, built from a generated JW317 (see retour.ts for the forms). */
import type fc from 'fast-check';
import type { Jw318 } from '../../ijw/messages/jw318.ts';
import type { MessageConstraints } from './building-blocks.ts';
import { arbJw317 } from './jw317.ts';
import { arbRetour } from './retour.ts';

/**
 * A JW318 that answers a valid JW317: accepted, rejected at level 2 (0001), a Header error, or a
 * class error with one of the codes the receiver of a JW317 can give (9351, 9357, 9373, 9411, 9412, 9375).
 * @example fc.sample(arbJw318(), 1)
 */
export function arbJw318(constraints?: MessageConstraints): fc.Arbitrary<Jw318> {
  return arbRetour<Jw318>('JW318', arbJw317(constraints), { errorClass: ['TeWijzigenProduct','OngewijzigdProduct'], codes: ['9351','9357','9373','9411','9412','9375'] });
}
