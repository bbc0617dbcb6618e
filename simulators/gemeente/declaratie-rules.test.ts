/**
 * The declaration model both reference parties apply: dates, product periods (IV078), volumes
 * (TR321/TR322), hour rounding (IV079, the profile's `hoursRounding`), tariffs by year
 * (UTR-DECL-1) and shares (AMS-INT). Algebraic rules are checked as fast-check properties.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { getProfile } from '../../regions/index.ts';
import type { Toewijzing } from '../ledger.ts';
import {
  declProduct, declRegion, inAllocatedUnit, maxVolumeFor, monthEnd, monthOf, monthlyOfYearly, periodsTouched, plusDays, plusMonths, roundHours, share, tariffIn, totalVolumeFor, unitFits,
} from './declaratie-rules.ts';

const day = fc.integer({ min: 0, max: 3 * 365 }).map((n) => plusDays('2024-01-01', n));
const period = fc.tuple(day, fc.integer({ min: 0, max: 200 })).map(([b, n]) => [b, plusDays(b, n)] as const);

describe('roundHours (IV079, declaration.hoursRounding)', () => {
  it('rounds the month\'s minutes: < 30 down, ≥ 30 up, at least 1 hour', () => {
    expect(roundHours(0)).toBe(0);
    expect(roundHours(1)).toBe(1);
    expect(roundHours(89)).toBe(1);
    expect(roundHours(90)).toBe(2);
    expect(roundHours(149)).toBe(2);
    expect(roundHours(150)).toBe(3);
  });
  it('takes the profile\'s parameters', () => {
    expect(roundHours(75, { roundUpFromMinutes: 15, minimumHours: 1 })).toBe(2);
    expect(roundHours(10, { roundUpFromMinutes: 30, minimumHours: 2 })).toBe(2);
    expect(roundHours(75, getProfile('alkmaar').declaration.hoursRounding!.value)).toBe(1);
  });
  it('is monotone and stays within half an hour of the exact figure (property)', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 100_000 }), fc.integer({ min: 0, max: 500 }), (m, more) => {
      const h = roundHours(m);
      expect(roundHours(m + more)).toBeGreaterThanOrEqual(h);
      expect(h).toBeGreaterThanOrEqual(1);
      if (m >= 30) expect(Math.abs(h * 60 - m)).toBeLessThanOrEqual(30);
      expect(Number.isInteger(h)).toBe(true);
    }));
  });
  it('whole hours stay whole (property)', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 2000 }), (h) => {
      expect(roundHours(h * 60)).toBe(h);
    }));
  });
});

describe('periodsTouched (IV078: a partial period counts in full)', () => {
  it('counts days, Monday–Sunday weeks, calendar months, and one for totaal', () => {
    expect(periodsTouched('1', '2025-03-01', '2025-03-31')).toBe(31);
    expect(periodsTouched('2', '2025-03-02', '2025-03-03')).toBe(2); // Sunday, Monday
    expect(periodsTouched('2', '2025-03-03', '2025-03-09')).toBe(1);
    expect(periodsTouched('4', '2025-01-31', '2025-02-01')).toBe(2);
    expect(periodsTouched('4', '2024-12-15', '2025-01-15')).toBe(2);
    expect(periodsTouched('6', '2025-01-01', '2026-12-31')).toBe(1);
    expect(periodsTouched('4', '2025-02-01', '2025-01-31')).toBe(0);
  });
  it('is additive over adjacent days and monotone in the end (property)', () => {
    fc.assert(fc.property(period, ([b, e]) => {
      expect(periodsTouched('1', b, e)).toBe(periodsTouched('1', b, plusDays(e, -1)) + (e > b ? 1 : 1 - periodsTouched('1', b, plusDays(e, -1))));
      for (const f of ['1', '2', '4']) {
        expect(periodsTouched(f, b, plusDays(e, 1))).toBeGreaterThanOrEqual(periodsTouched(f, b, e));
        expect(periodsTouched(f, b, e)).toBeGreaterThanOrEqual(1);
      }
      expect(periodsTouched('2', b, e)).toBeLessThanOrEqual(periodsTouched('1', b, e));
      expect(periodsTouched('4', b, e)).toBeLessThanOrEqual(periodsTouched('2', b, e) + 1);
    }));
  });
  it('splitting a period at a month boundary adds up for months (property)', () => {
    fc.assert(fc.property(period, ([b, e]) => {
      const end = monthEnd(monthOf(b));
      if (end >= e) return;
      expect(periodsTouched('4', b, end) + periodsTouched('4', plusDays(end, 1), e)).toBe(periodsTouched('4', b, e));
    }));
  });
});

describe('volumes (TR321, TR322) and units (TR341)', () => {
  const t = (omvang: Toewijzing['omvang'], einddatum?: string): Toewijzing => ({ nummer: 1, bsn: '999990019', aanbieder: '12345678', gemeente: '0361', product: { categorie: '45', code: '45X01' }, toewijzingsdatum: '2025-01-01', toewijzingstijd: '10:00', ingangsdatum: '2025-01-06', ...(einddatum ? { einddatum } : {}), ...(omvang ? { omvang } : {}) });
  it('maxVolumeFor: volume × periods of the prestatie within the toewijzing', () => {
    expect(maxVolumeFor(t({ volume: 3, eenheid: '04', frequentie: '2' }, '2025-12-31'), '2025-03-01', '2025-03-31')).toBe(3 * 6);
    expect(maxVolumeFor(t({ volume: 40, eenheid: '04', frequentie: '6' }), '2025-03-01', '2025-03-31')).toBe(40);
    expect(maxVolumeFor(t({ volume: 5, eenheid: '04', frequentie: '1' }, '2025-01-10'), '2025-01-01', '2025-01-31')).toBe(5 * 5);
    expect(maxVolumeFor(t(undefined), '2025-03-01', '2025-03-31')).toBeUndefined();
  });
  it('totalVolumeFor: open-ended has no limit; totaal is the volume', () => {
    expect(totalVolumeFor(t({ volume: 3, eenheid: '04', frequentie: '2' }))).toBeUndefined();
    expect(totalVolumeFor(t({ volume: 40, eenheid: '04', frequentie: '6' }))).toBe(40);
    expect(totalVolumeFor(t({ volume: 2, eenheid: '14', frequentie: '4' }, '2025-03-31'))).toBe(6);
  });
  it('the month\'s maximum never exceeds the total (property)', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 50 }), fc.constantFrom('1', '2', '4', '6'), period, (volume, frequentie, [b, e]) => {
      const tw = t({ volume, eenheid: '04', frequentie }, '2027-12-31');
      const max = maxVolumeFor(tw, b < tw.ingangsdatum ? tw.ingangsdatum : b, e)!;
      expect(max).toBeLessThanOrEqual(totalVolumeFor(tw)!);
    }));
  });
  it('minutes on an hours toewijzing fit and count as hours', () => {
    expect(unitFits('04', '01')).toBe(true);
    expect(unitFits('04', '04')).toBe(true);
    expect(unitFits('01', '04')).toBe(false);
    expect(unitFits('14', '04')).toBe(false);
    expect(inAllocatedUnit('04', '01', 90)).toBe(1.5);
    expect(inAllocatedUnit('14', '14', 3)).toBe(3);
  });
});

describe('tariffs and shares (products, tariff.byYear, declarationRule)', () => {
  it('declProduct reads the profile\'s declaration terms', () => {
    const alk = declProduct(getProfile('alkmaar'), '45X01')!;
    expect(alk).toMatchObject({ kind: 'per-unit', eenheid: '04', hoursRounding: true, tariff: 9000 });
    expect(declProduct(getProfile('alkmaar'), '99X99')).toBeUndefined();
    const ams = getProfile('amsterdam').products.find((p) => p.declarationRule.kind === 'percentage-after-start-stop')!;
    expect(declProduct(getProfile('amsterdam'), ams.code)).toMatchObject({ kind: 'percentage', afterStart: expect.any(Number), afterStopPlan: expect.any(Number) });
  });
  it('tariffIn: the year of care where the profile gives one, else the product\'s', () => {
    const p = { code: 'X', category: '45', eenheid: '04', frequentie: '2', kind: 'per-unit' as const, tariff: 100, tariffByYear: { '2025': 110 } };
    expect(tariffIn(p, '2025-12-31')).toBe(110);
    expect(tariffIn(p, '2026-01-01')).toBe(100);
    expect(tariffIn({ ...p, tariffByYear: undefined } as never, '2025-06-01')).toBe(100);
  });
  it('shares round to whole cents, and the start and stop shares add up to the tariff within a cent (property)', () => {
    expect(share(100_000, 0.7)).toBe(70_000);
    expect(monthlyOfYearly(1_200_000)).toBe(100_000);
    fc.assert(fc.property(fc.integer({ min: 0, max: 10_000_000 }), fc.integer({ min: 0, max: 100 }), (tariff, pct) => {
      const a = share(tariff, pct / 100), b = share(tariff, 1 - pct / 100);
      expect(Number.isInteger(a)).toBe(true);
      expect(Math.abs(a + b - tariff)).toBeLessThanOrEqual(1);
    }));
  });
  it('declRegion carries the term after the stop with the rule the profile cites', () => {
    expect(declRegion(getProfile('fryslan'))).toEqual({ maxMonthsAfterStop: 12, maxMonthsAfterStopRule: 'FRL-DECL-4' });
    expect(declRegion(getProfile('alkmaar'))).toEqual({});
  });
});

describe('dates', () => {
  it('plusMonths clamps to the month\'s end and plusDays inverts (property)', () => {
    expect(plusMonths('2025-01-31', 1)).toBe('2025-02-28');
    expect(monthEnd('2024-02')).toBe('2024-02-29');
    fc.assert(fc.property(day, fc.integer({ min: -400, max: 400 }), (d, n) => {
      expect(plusDays(plusDays(d, n), -n)).toBe(d);
    }));
  });
});
