/**
 * Builds a profile product and derives the simulators' view of its declaration terms from the
 * declaration rule, so the two can never disagree.
 *
 * @example
 *   product({ code: '43A12', category: '43', name: 'Jeugdhulp plus', eenheid: '14', frequentie: '2',
 *     declarationRule: { kind: 'etmalen' }, tariff, example: false, source: '002 §6' })
 */
import type { DeclarationRule, DeclarationTerms, Product, Tariff } from './types.ts';

export type ProductInput = Omit<Product, 'declaration'> & { hoursRounding?: boolean };

/** The simulators' reading of a declaration rule (see simulators/gemeente/declaratie-rules.ts). */
export function declarationTerms(rule: DeclarationRule, tariff: Tariff, hoursRounding = false): DeclarationTerms {
  const terms = termsOf(rule, tariff, hoursRounding);
  return tariff.byYear ? { ...terms, tariffByYear: tariff.byYear } : terms;
}

function termsOf(rule: DeclarationRule, tariff: Tariff, hoursRounding: boolean): DeclarationTerms {
  switch (rule.kind) {
    case 'per-unit':
    case 'etmalen':
      return { kind: 'per-unit', tariff: tariff.cents, ...(hoursRounding ? { hoursRounding: true } : {}) };
    case 'percentage-after-start-stop':
      // Only reden 31 is tracked by the simulators' share model; a protocol naming other redenen would need it extended.
      return { kind: 'percentage', tariff: tariff.cents, afterStart: rule.afterStart / 100, afterStopPlan: rule.afterStopReden.percentage / 100, ...(rule.rules ? { rules: rule.rules } : {}) };
    case 'full-after-start':
      return { kind: 'percentage', tariff: tariff.cents, afterStart: 1, ...(rule.rules ? { rules: rule.rules } : {}) };
    case 'monthly-fraction-of-yearly':
      return { kind: 'monthly-of-yearly', tariff: tariff.cents };
    case 'euro-per-week':
      return { kind: 'euro', tariff: tariff.cents };
  }
}

export function product(input: ProductInput): Product {
  const { hoursRounding, ...p } = input;
  return { ...p, declaration: declarationTerms(p.declarationRule, p.tariff, hoursRounding) };
}
