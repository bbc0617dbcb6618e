/** JW318: the retour of a JW317 (Verzoek om wijziging), per FLOWS.md. */
import type { Finding } from '../findings.ts';
import type { Jw317 } from '../messages/jw317.ts';
import type { Jw318 } from '../messages/jw318.ts';
import { technicalRetour, type RetourMeta } from './technical.ts';

/**
 * The JW318 for a received JW317, given what the receiver found in it.
 * @example buildJw318(jw317Model, [], { identificatie: 'R1', dagtekening: '2025-03-11' }) // Header only: accepted
 */
export function buildJw318(heen: Jw317, findings: Finding[], meta: RetourMeta): Jw318 {
  return technicalRetour('JW317', heen, findings, meta);
}
