/** JW306: the retour on a JW305, built from a generated JW305 (see retour.ts for the forms). */
import type fc from 'fast-check';
import type { Jw306 } from '../../ijw/messages/jw306.ts';
import type { MessageConstraints } from './building-blocks.ts';
import { arbJw305 } from './jw305.ts';
import { arbRetour } from './retour.ts';

/**
 * A JW306 that answers a valid JW305: accepted, rejected at level 2 (0001), a Header error, or a
 * class error with one of the codes the receiver of a JW305 can give (9063, 9074, 9326, 9019).
 * @example fc.sample(arbJw306(), 1)
 */
export function arbJw306(constraints?: MessageConstraints): fc.Arbitrary<Jw306> {
  return arbRetour<Jw306>('JW306', arbJw305(constraints), { errorClass: ['StartProduct'], codes: ['9063','9074','9326','9019'] });
}
