/** JW308: the retour on a JW307, built from a generated JW307 (see retour.ts for the forms). */
import type fc from 'fast-check';
import type { Jw308 } from '../../ijw/messages/jw308.ts';
import type { MessageConstraints } from './building-blocks.ts';
import { arbJw307 } from './jw307.ts';
import { arbRetour } from './retour.ts';

/**
 * A JW308 that answers a valid JW307: accepted, rejected at level 2 (0001), a Header error, or a
 * class error with one of the codes the receiver of a JW307 can give (9063, 9074, 9069, 9413, 9414, 9415, 9019).
 * @example fc.sample(arbJw308(), 1)
 */
export function arbJw308(constraints?: MessageConstraints): fc.Arbitrary<Jw308> {
  return arbRetour<Jw308>('JW308', arbJw307(constraints), { errorClass: ['StopProduct'], codes: ['9063','9074','9069','9413','9414','9415','9019'] });
}
