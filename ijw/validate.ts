/**
 * Validation of a message: structure and datatypes (level 1, from the schema engine), then the
 * in-message rules (level 2, retourcode 0001), and optionally the official XSDs.
 */
import { readMessage, type MessageModels } from './messages/registry.ts';
import type { MessageCode } from './messages/codes.ts';
import type { Finding } from './findings.ts';
import { IjwError } from './errors.ts';
import { inMessageRules, type RuleContext } from './rules/index.ts';
import type { OfficialXsd } from './xsd/official-xsd.ts';

export interface ValidationReport {
  code?: MessageCode;
  model?: unknown;
  findings: Finding[];
  valid: boolean;
}

/** In-message rule findings of a structurally valid model. */
export function validateModel<C extends MessageCode>(code: C, model: MessageModels[C] | unknown, ctx: RuleContext = {}): Finding[] {
  const out: Finding[] = [];
  for (const rule of inMessageRules) {
    if (rule.messages !== 'all' && !rule.messages.includes(code)) continue;
    for (const f of rule.check(model as Record<string, unknown>, code, ctx)) {
      out.push({ message: code, path: f.path, rule: rule.id, level: 2, retourcode: '0001', text: `${rule.description}: ${f.text}` });
    }
  }
  return out;
}

/** Validates XML text; unreadable input becomes a finding with rule 'XML', never an exception. */
export async function validateMessage(xml: string | Uint8Array, opts: RuleContext & { xsd?: OfficialXsd } = {}): Promise<ValidationReport> {
  let read;
  try {
    read = readMessage(xml);
  } catch (e) {
    // No message type is known yet: the finding names the document instead.
    if (e instanceof IjwError) return { findings: [{ message: 'document' as MessageCode, path: '/', rule: 'XML', level: 1, text: `${e.code}: ${e.message}` }], valid: false };
    throw e;
  }
  const findings = [...read.findings];
  if (findings.length === 0) findings.push(...validateModel(read.code, read.model, opts));
  if (opts.xsd) findings.push(...(await opts.xsd.validate(typeof xml === 'string' ? xml : new TextDecoder().decode(xml), read.code)));
  return { code: read.code, model: read.model, findings, valid: findings.length === 0 };
}
