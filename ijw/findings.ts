/** A finding: one thing wrong with a message, as the receiver of the message would judge it. */
import type { MessageCode } from './messages/codes.ts';

export type FindingLevel = 1 | 2 | 3 | 4;

export interface Finding {
  message: MessageCode;
  /** Element path, e.g. `/Bericht/Client/StartProducten/StartProduct[1]/Begindatum`. */
  path: string;
  /** `XSD` for a structure or datatype error, else the rule id (`TR134`, `CS002`, `ALK-T2` …). */
  rule: string;
  /** 1 XSD, 2 in-message (XSLT), 3 cross-message, 4 external source. */
  level: FindingLevel;
  /** The retourcode the receiver must return; none for XSD errors (no retour is sent). */
  retourcode?: string;
  text: string;
}

/** One line per finding, for logs and the `validate` command. */
export function formatFinding(f: Finding): string {
  const rc = f.retourcode ? ` retourcode ${f.retourcode}` : f.level === 1 ? ' (XSD: no retour, error to the sender)' : '';
  return `${f.message} ${f.path}: [${f.rule}${rc}] ${f.text}`;
}
