/** JW306: the retour of a JW305 (Start zorg), per FLOWS.md. */
import type { Finding } from '../findings.ts';
import type { Jw305 } from '../messages/jw305.ts';
import type { Jw306 } from '../messages/jw306.ts';
import { technicalRetour, type RetourMeta } from './technical.ts';

/**
 * The JW306 for a received JW305, given what the receiver found in it.
 * @example buildJw306(jw305Model, [], { identificatie: 'R1', dagtekening: '2025-03-11' }) // Header only: accepted
 */
export function buildJw306(heen: Jw305, findings: Finding[], meta: RetourMeta): Jw306 {
  return technicalRetour('JW305', heen, findings, meta);
}
