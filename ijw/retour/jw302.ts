/** JW302: the retour of a JW301 (Toewijzing), per FLOWS.md. */
import type { Finding } from '../findings.ts';
import type { Jw301 } from '../messages/jw301.ts';
import type { Jw302 } from '../messages/jw302.ts';
import { technicalRetour, type RetourMeta } from './technical.ts';

/**
 * The JW302 for a received JW301, given what the receiver found in it.
 * @example buildJw302(jw301Model, [], { identificatie: 'R1', dagtekening: '2025-03-11' }) // Header only: accepted
 */
export function buildJw302(heen: Jw301, findings: Finding[], meta: RetourMeta): Jw302 {
  return technicalRetour('JW301', heen, findings, meta);
}
