/**
 * Retour builders (FLOWS.md, IV028/IV032/IV087): one module per retour, and `buildRetour` that
 * picks the right one for a received heen message.
 */
import type { Finding } from '../findings.ts';
import type { HeenCode } from '../messages/codes.ts';
import type { MessageModels } from '../messages/registry.ts';
import type { Jw323 } from '../messages/jw323.ts';
import type { Jw325 } from '../messages/jw325.ts';
import { RetourError, technicalRetour, type RetourMeta, type RetourOf, type TechnicalHeen } from './technical.ts';
import { buildJw325 } from './jw325.ts';

export { buildJw302 } from './jw302.ts';
export { buildJw306 } from './jw306.ts';
export { buildJw308 } from './jw308.ts';
export { buildJw316 } from './jw316.ts';
export { buildJw318 } from './jw318.ts';
export { buildJw320 } from './jw320.ts';
export { buildJw325, totaalBedrag } from './jw325.ts';
export { RetourError, XSD_VERSIE, type RetourMeta, type RetourOf } from './technical.ts';

/** A received heen message, discriminated by its code. */
export type Heen = { [C in HeenCode]: { code: C; model: MessageModels[C] } }[HeenCode];

/**
 * The retour of a received heen message (or, for a JW323, the JW325), given the findings of
 * the receiver (paths into the heen message). Throws RetourError for XSD findings (no retour).
 * @example buildRetour({ code: 'JW305', model }, [], { identificatie: 'R1', dagtekening: '2025-03-11' }) // Header only
 */
export function buildRetour<C extends HeenCode>(heen: { code: C; model: MessageModels[C] }, findings: Finding[], meta: RetourMeta): MessageModels[RetourOf<C>] {
  const h = heen as Heen;
  if (h.code === 'JW323') return buildJw325(h.model, findings, meta) as MessageModels[RetourOf<C>];
  if (!isTechnical(h.code)) throw new RetourError('NOT_A_HEEN_MESSAGE', `${String(h.code)} is not a heen message: it gets no retour`);
  return technicalRetour(h.code, h.model as MessageModels[TechnicalHeen], findings, meta) as MessageModels[RetourOf<C>];
}

const TECHNICAL = new Set<string>(['JW301', 'JW305', 'JW307', 'JW315', 'JW317', 'JW319']);
const isTechnical = (c: string): c is TechnicalHeen => TECHNICAL.has(c);

/** The JW325 of a JW323 (kept under its earlier name for callers such as the bench). */
export function build325(d: Jw323, findings: Finding[], meta: RetourMeta): Jw325 {
  return buildJw325(d, findings, meta);
}
