/** JW316: the retour of a JW315 (Verzoek om toewijzing), per FLOWS.md. */
import type { Finding } from '../findings.ts';
import type { Jw315 } from '../messages/jw315.ts';
import type { Jw316 } from '../messages/jw316.ts';
import { technicalRetour, type RetourMeta } from './technical.ts';

/**
 * The JW316 for a received JW315, given what the receiver found in it.
 * @example buildJw316(jw315Model, [], { identificatie: 'R1', dagtekening: '2025-03-11' }) // Header only: accepted
 */
export function buildJw316(heen: Jw315, findings: Finding[], meta: RetourMeta): Jw316 {
  return technicalRetour('JW315', heen, findings, meta);
}
