/**
 * The provider's declaration policies: the monthly per-unit line (IJW-DECL-3; hour rounding by
 * the profile's `hoursRounding`, ALK-D2; tariff of the year of care, UTR-DECL-1), the shares of a
 * percentage product (AMS-INT), what care is declarable and starts care, and when a month is due.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { getProfile } from '../../regions/index.ts';
import type { RegionProfile } from '../../regions/types.ts';
import { declProduct } from '../gemeente/declaratie-rules.ts';
import type { Toewijzing } from '../ledger.ts';
import { referenceDeclaratieRules as rules, type CareRecord } from './declaratie.ts';

const party = (region: RegionProfile) => ({ config: { region } }) as never;
const alkmaar = getProfile('alkmaar');
const utrecht = getProfile('utrecht');
const t: Toewijzing = { nummer: 1, bsn: '999990019', aanbieder: '12345678', gemeente: '0361', product: { categorie: '45', code: '45X01' }, toewijzingsdatum: '2025-01-01', toewijzingstijd: '10:00', ingangsdatum: '2025-01-01', omvang: { volume: 3, eenheid: '04', frequentie: '2' } };
const care = (volume: number, eenheid = '01', over: Partial<CareRecord> = {}): CareRecord => ({ toewijzingNummer: 1, begindatum: '2025-03-03', einddatum: '2025-03-03', volume, eenheid, ...over });

describe('perUnit', () => {
  const alk = declProduct(alkmaar, '45X01')!;
  it('with hour rounding: the month\'s minutes summed and rounded once, at the hourly tariff', () => {
    expect(rules.perUnit(party(alkmaar), t, alk, [care(50), care(40)])).toEqual({ volume: 2, eenheid: '04', tarief: 9000, bedrag: 18000 });
    expect(rules.perUnit(party(alkmaar), t, alk, [care(20)])).toMatchObject({ volume: 1 });
  });
  it('takes the rounding parameters from the profile', () => {
    const strict = { ...alkmaar, declaration: { ...alkmaar.declaration, hoursRounding: { value: { roundUpFromMinutes: 15, minimumHours: 1 }, source: 'test' } } };
    expect(rules.perUnit(party(strict), t, alk, [care(75)])).toMatchObject({ volume: 2 });
    expect(rules.perUnit(party(alkmaar), t, alk, [care(75)])).toMatchObject({ volume: 1 });
  });
  it('without rounding: minutes at the hourly tariff / 60, rounded at the end (IV081)', () => {
    const plain = { ...alk, hoursRounding: undefined } as typeof alk;
    expect(rules.perUnit(party(alkmaar), t, plain, [care(50), care(40)])).toEqual({ volume: 90, eenheid: '01', tarief: 150, bedrag: 13500 });
  });
  it('the tariff of the year of care', () => {
    const utr = declProduct(utrecht, utrecht.products[0]!.code)!;
    const dec = rules.perUnit(party(utrecht), t, utr, [care(2, '04', { begindatum: '2025-12-01', einddatum: '2025-12-01' })])!;
    const jan = rules.perUnit(party(utrecht), t, utr, [care(2, '04', { begindatum: '2026-01-05', einddatum: '2026-01-05' })])!;
    expect(dec.tarief).toBe(utr.tariffByYear!['2025']);
    expect(jan.tarief).toBe(utr.tariffByYear!['2026']);
  });
  it('the amount is volume × tariff (property)', () => {
    fc.assert(fc.property(fc.array(fc.integer({ min: 1, max: 600 }), { minLength: 1, maxLength: 8 }), (mins) => {
      const line = rules.perUnit(party(alkmaar), t, alk, mins.map((m) => care(m)))!;
      expect(line.bedrag).toBe(line.volume * line.tarief!);
    }));
  });
});

describe('shares, declarable care, the month', () => {
  const ams = getProfile('amsterdam');
  const pct = declProduct(ams, ams.products.find((p) => p.declarationRule.kind === 'percentage-after-start-stop')!.code)!;
  it('start share, and the stop share only after reden 31', () => {
    expect(rules.startShare(pct)).toBe(0.7);
    expect(rules.stopShare(pct, '31')).toBe(0.3);
    expect(rules.stopShare(pct, '32')).toBe(0);
    expect(rules.claimUnit(pct)).toBe('83');
  });
  it('absence is not declarable; an intake does not start care', () => {
    expect(rules.declarable(care(60, '01', { absence: 'no-show' }))).toBe(false);
    expect(rules.declarable(care(60, '01', { intake: true }))).toBe(true);
    expect(rules.startsCare(care(60, '01', { intake: true }))).toBe(false);
    expect(rules.startsCare(care(60))).toBe(true);
  });
  it('a month is declared after it has ended', () => {
    expect(rules.notDeclarableYet('2025-03', '2025-03-31')).toMatch(/has not ended/);
    expect(rules.notDeclarableYet('2025-03', '2025-04-01')).toBeUndefined();
  });
});
