/** JW316: the retour on a JW315, built from a generated JW315 (see retour.ts for the forms). */
import type fc from 'fast-check';
import type { Jw316 } from '../../ijw/messages/jw316.ts';
import type { MessageConstraints } from './building-blocks.ts';
import { arbJw315 } from './jw315.ts';
import { arbRetour } from './retour.ts';

/**
 * A JW316 that answers a valid JW315: accepted, rejected at level 2 (0001), a Header error, or a
 * class error with one of the codes the receiver of a JW315 can give (9347, 9374).
 * @example fc.sample(arbJw316(), 1)
 */
export function arbJw316(constraints?: MessageConstraints): fc.Arbitrary<Jw316> {
  return arbRetour<Jw316>('JW316', arbJw315(constraints), { errorClass: ['AangevraagdProduct'], codes: ['9347','9374'] });
}
