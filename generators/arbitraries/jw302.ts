/** JW302: the retour on a JW301, built from a generated JW301 (see retour.ts for the forms). */
import type fc from 'fast-check';
import type { Jw302 } from '../../ijw/messages/jw302.ts';
import type { MessageConstraints } from './building-blocks.ts';
import { arbJw301 } from './jw301.ts';
import { arbRetour } from './retour.ts';

/**
 * A JW302 that answers a valid JW301: accepted, rejected at level 2 (0001), a Header error, or a
 * class error with one of the codes the receiver of a JW301 can give (9379).
 * @example fc.sample(arbJw302(), 1)
 */
export function arbJw302(constraints?: MessageConstraints): fc.Arbitrary<Jw302> {
  return arbRetour<Jw302>('JW302', arbJw301(constraints), { errorClass: ['ToegewezenProduct'], codes: ['9379'] });
}
