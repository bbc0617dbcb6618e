/**
 * In-message rules: typed rule objects for every national condition, constraint and in-message
 * technical rule (catalogue.ts lists them all with their status), registered per message type.
 * Level 2 rules reject the whole message (retour: Header with 0001); TR135 and TR346 are
 * external-source rules (level 4) with their own codes. Every finding cites its rule id.
 */
import type { Finding } from '../findings.ts';
import type { MessageCode } from '../messages/codes.ts';
import type { MessageModels } from '../messages/registry.ts';
import type { InMessageRule, RuleContext } from './types.ts';
import { genericRules } from './generic.ts';
import { toewijzingRules } from './toewijzing.ts';
import { verzoekRules } from './verzoek.ts';
import { declaratieRules } from './declaratie.ts';
import { persoonRules } from './persoon.ts';
import { productTermsRules } from './product-terms.ts';
import { withSharedRows } from './prestaties.ts';

export type { InMessageRule, RuleContext, CheckContext } from './types.ts';

/**
 * The version of this rule set, put in `XsltVersie` of a retour that rejects a message on an
 * in-message rule (FLOWS.md: mandatory then). It follows the XSD release it implements.
 */
export const RULESET_VERSIE = '0.1.0';

/** Every in-message rule. */
export const inMessageRules: readonly InMessageRule[] = [...genericRules, ...persoonRules, ...toewijzingRules, ...productTermsRules, ...verzoekRules, ...declaratieRules] as readonly InMessageRule[];

const byMessage = new Map<MessageCode, InMessageRule[]>();
for (const rule of inMessageRules) for (const c of rule.messages) byMessage.set(c, [...(byMessage.get(c) ?? []), rule]);

/** The rules that apply to one message type. @example rulesFor('JW307').map((r) => r.id) */
export function rulesFor<C extends MessageCode>(code: C): readonly InMessageRule<C>[] {
  return (byMessage.get(code) ?? []) as unknown as InMessageRule<C>[];
}

/**
 * The findings of every in-message rule on a model that has no XSD findings.
 * @example checkRules('JW305', model, { today: '2025-03-01' }) // [] when the message is fine
 */
export function checkRules<C extends MessageCode>(code: C, model: MessageModels[C], ctx: RuleContext = {}): Finding[] {
  return withSharedRows(() => rulesFor(code).flatMap((rule) => rule.check(model, { ...ctx, message: code })));
}
