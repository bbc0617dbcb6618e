/** The shape of an in-message rule and the helpers every rule module shares. */
import type { Finding, FindingLevel } from '../findings.ts';
import type { MessageCode } from '../messages/codes.ts';
import type { MessageModels } from '../messages/registry.ts';

export interface RuleContext {
  /** The receiver's system date (YYYY-MM-DD); TR135 is only checked when it is given. */
  today?: string;
}

/** What a rule's `check` receives besides the model: the context plus the message being judged. */
export interface CheckContext<C extends MessageCode = MessageCode> extends RuleContext {
  message: C;
}

/**
 * One rule of the iJw standard checked inside a single message (RULES-DIGEST.md §1–5).
 * `check` runs only on a model without XSD findings, so every required element is present.
 */
export interface InMessageRule<C extends MessageCode = MessageCode> {
  /** The iJw rule id, e.g. `TR134`. */
  id: string;
  messages: readonly C[];
  /** 2 in-message (XSLT), 4 external source (TR135, TR346). */
  level: 2 | 3 | 4;
  /** The code the receiver returns: 0001 at level 2, the rule's own code otherwise. */
  retourcode: string;
  /** The rule's statement (rules.json title), cited in every finding. */
  description: string;
  check(model: MessageModels[C], ctx: CheckContext<C>): Finding[];
}

/** Declares a rule; `hit` makes one of its findings with the rule's id, level and code. */
export function defineRule<C extends MessageCode>(
  spec: Omit<InMessageRule<C>, 'check'> & { check(model: MessageModels[C], hit: Hit, ctx: CheckContext<C>): Finding[] },
): InMessageRule<C> {
  return {
    ...spec,
    check(model, ctx) {
      const hit: Hit = (path, text) => ({ message: ctx.message, path, rule: spec.id, level: spec.level, retourcode: spec.retourcode, text: `${spec.id}: ${text}` });
      return spec.check(model, hit, ctx);
    },
  };
}

export type Hit = (path: string, text: string) => Finding;
export type { Finding, FindingLevel };

/** Dates are `YYYY-MM-DD`, so string order is date order. */
export const after = (a: string, b: string) => a > b;

/** `date` minus `years` whole years, as YYYY-MM-DD (string order is date order, so 29 Feb needs no care). */
export const yearsBefore = (date: string, years: number) => `${String(Number(date.slice(0, 4)) - years).padStart(4, '0')}${date.slice(4)}`;

/** `[items with their 1-based index path]` of a repeated element. */
export function indexed<T>(items: readonly T[] | undefined, base: string, name: string): [T, string][] {
  return (items ?? []).map((item, i) => [item, `${base}/${name}[${i + 1}]`]);
}

/** The last day of the month of `date` (YYYY-MM-DD). */
export function lastDayOfMonth(date: string): string {
  const [y, m] = date.split('-').map(Number) as [number, number];
  const d = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return `${date.slice(0, 7)}-${String(d).padStart(2, '0')}`;
}

/** Debit adds, credit subtracts (TR358). */
export const signed = (b: { DebetCredit: string } & ({ Bedrag: number } | { TotaalBedrag: number })) =>
  ('Bedrag' in b ? b.Bedrag : b.TotaalBedrag) * (b.DebetCredit === 'C' ? -1 : 1);

/** `3 (D)` / `5 (C)` → readable signed amount for finding texts. */
export const showAmount = (n: number) => `${Math.abs(n)} ${n < 0 ? 'C' : 'D'}`;
