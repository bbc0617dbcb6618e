/** JW320: the retour of a JW319 (Antwoordbericht), per FLOWS.md. */
import type { Finding } from '../findings.ts';
import type { Jw319 } from '../messages/jw319.ts';
import type { Jw320 } from '../messages/jw320.ts';
import { technicalRetour, type RetourMeta } from './technical.ts';

/**
 * The JW320 for a received JW319, given what the receiver found in it.
 * @example buildJw320(jw319Model, [], { identificatie: 'R1', dagtekening: '2025-03-11' }) // Header only: accepted
 */
export function buildJw320(heen: Jw319, findings: Finding[], meta: RetourMeta): Jw320 {
  return technicalRetour('JW319', heen, findings, meta);
}
