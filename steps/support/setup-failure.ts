/**
 * A set-up step whose message came back rejected names what actually failed: the retour's
 * retourcodes with their meaning and the national rule each code belongs to, and says it is the
 * set-up (issue 16). The rule of a code is the one rule that returns it; 0001 (any in-message rule)
 * and codes several rules share stay without one.
 */
import { NATIONAL_RULES } from '../../ijw/rules/national-rules.ts';
import { retourcodeMeaning } from '../../ijw/codelists/index.ts';

const RULES_OF_CODE = new Map<string, string[]>();
for (const r of NATIONAL_RULES) if (r.retourcode) RULES_OF_CODE.set(r.retourcode, [...(RULES_OF_CODE.get(r.retourcode) ?? []), r.id]);

/** The rule that returns this code, when exactly one does. */
export function ruleOfRetourcode(code: string): string | undefined {
  const rules = RULES_OF_CODE.get(code);
  return rules?.length === 1 ? rules[0] : undefined;
}

/** The rejecting codes of a retour (0200 and 0233 only say checked / not checked). */
export const rejectingCodes = (codes: readonly string[]) => codes.filter((c) => c !== '0200' && c !== '0233');

/** `9019 (TR019: De … )`: each code with its rule, where one rule owns it, and its meaning. */
export function describeRetourcodes(codes: readonly string[]): string {
  return codes.map((c) => {
    const rule = ruleOfRetourcode(c);
    const meaning = retourcodeMeaning(c);
    return `${c}${rule || meaning ? ` (${[rule, meaning].filter(Boolean).join(': ')})` : ''}`;
  }).join(', ');
}
