/**
 * Validation of a message as its receiver judges it: structure and datatypes (level 1, the
 * schema engine), then, only when the structure is valid, the in-message rules (level 2 ⇒
 * 0001; TR135/TR346 level 4), and the official XSDs when a copy is given.
 */
import { readMessage, type MessageModels } from './messages/registry.ts';
import type { MessageCode } from './messages/codes.ts';
import type { Finding } from './findings.ts';
import { IjwError } from './errors.ts';
import { DEFAULT_LIMITS, type ReadLimits } from './xml/safe-xml.ts';
import { checkRules, type RuleContext } from './rules/index.ts';
import type { OfficialXsd } from './xsd/official-xsd.ts';

export interface ValidationReport {
  /** The message type, when the document element was recognised. */
  code?: MessageCode;
  /** The model as far as it could be read (complete only without level-1 findings). */
  model?: unknown;
  findings: Finding[];
  /** No findings at all. */
  valid: boolean;
}

export interface ValidateOptions extends RuleContext {
  /** Also validate against a copy of the official XSDs (libxml2). */
  xsd?: OfficialXsd;
  /** Size and depth limits of the XML reader (defaults: DEFAULT_LIMITS). */
  limits?: ReadLimits;
}

/** The path and message of a finding about a document that is not (yet) a known message. */
const DOCUMENT = 'document' as MessageCode;

/**
 * The in-message rule findings of a model that has no XSD findings (no XML involved).
 * @example validateModel('JW305', model, { today: '2025-03-10' }) // [] when it is fine
 */
export function validateModel<C extends MessageCode>(code: C, model: MessageModels[C] | undefined, ctx: RuleContext = {}): Finding[] {
  // A read result without a model (unreadable XML) has nothing to judge: say so rather than pass it.
  if (model === undefined) throw new IjwError('MESSAGE_INVALID', `validateModel(${code}): no model given (read the message first and look at its XSD findings)`);
  return checkRules(code, model, ctx);
}

/**
 * Validates an XML document. Never throws on bad input: unreadable XML (not well-formed, DTDs,
 * entities, too large or deep, an unknown root) becomes one finding with rule `XML`.
 * @example const r = await validateMessage(xml, { today: '2025-03-10' }); r.valid
 */
export async function validateMessage(xml: string | Uint8Array, opts: ValidateOptions = {}): Promise<ValidationReport> {
  let code: MessageCode;
  let model: unknown;
  let findings: Finding[];
  try {
    ({ code, model, findings } = readMessage(xml, opts.limits ?? DEFAULT_LIMITS));
  } catch (e) {
    if (e instanceof IjwError) return { findings: [{ message: DOCUMENT, path: '/', rule: 'XML', level: 1, text: `${e.code}: ${e.message}` }], valid: false };
    throw e;
  }
  // concat, not push(...): a 100,000-line declaration can have more findings than a call has arguments.
  if (findings.length === 0) findings = checkRules(code, model as MessageModels[typeof code], opts);
  if (opts.xsd) findings = findings.concat(await opts.xsd.validate(typeof xml === 'string' ? xml : new TextDecoder().decode(xml), code));
  return { code, model, findings, valid: findings.length === 0 };
}
