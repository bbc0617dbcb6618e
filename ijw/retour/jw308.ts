/** JW308: the retour of a JW307 (Stop zorg), per FLOWS.md. */
import type { Finding } from '../findings.ts';
import type { Jw307 } from '../messages/jw307.ts';
import type { Jw308 } from '../messages/jw308.ts';
import { technicalRetour, type RetourMeta } from './technical.ts';

/**
 * The JW308 for a received JW307, given what the receiver found in it.
 * @example buildJw308(jw307Model, [], { identificatie: 'R1', dagtekening: '2025-03-11' }) // Header only: accepted
 */
export function buildJw308(heen: Jw307, findings: Finding[], meta: RetourMeta): Jw308 {
  return technicalRetour('JW307', heen, findings, meta);
}
