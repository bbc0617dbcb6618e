/**
 * The municipality's allocation policies: the einddatum (toewijzingDuration), stacking
 * (stackingAllowed, combinableWithOtherCare), the start of an honoured change (vowNotRetroactive),
 * the vervalperiode and the ending of other care where products run alone.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { getProfile } from '../../regions/index.ts';
import { emptyLedger, type Toewijzing } from '../ledger.ts';
import { counts, endAfterYears, overlaps, plusDays, referenceToewijzingRules as rules, sameProduct } from './toewijzing-rules.ts';

const alkmaar = getProfile('alkmaar');
const fryslan = getProfile('fryslan');
const utrecht = getProfile('utrecht');

const day = fc.integer({ min: 0, max: 3 * 365 }).map((n) => plusDays('2024-01-01', n));

function tw(over: Partial<Toewijzing>): Toewijzing {
  return { nummer: 1, bsn: '999990019', aanbieder: '12345678', gemeente: '0361', product: { categorie: '45', code: '45X01' }, toewijzingsdatum: '2025-01-01', toewijzingstijd: '10:00', ingangsdatum: '2025-01-01', einddatum: '2025-12-31', ...over };
}
const ledger = (...ts: Toewijzing[]) => {
  const l = emptyLedger();
  for (const t of ts) l.toewijzingen.set(t.nummer, t);
  return l;
};

describe('einddatum (toewijzingDuration)', () => {
  it('a fixed duration overrides the requested einddatum; elsewhere the requested one stays', () => {
    expect(rules.einddatum(fryslan, '2025-03-01', '2025-06-30')).toBe(endAfterYears('2025-03-01', 2));
    expect(rules.einddatum(alkmaar, '2025-03-01', '2025-06-30')).toBe('2025-06-30');
    expect(rules.einddatum(alkmaar, '2025-03-01', undefined)).toBeUndefined();
  });
  it('endAfterYears ends the day before the anniversary and after the start (property)', () => {
    fc.assert(fc.property(day, fc.integer({ min: 1, max: 5 }), (d, y) => {
      const e = endAfterYears(d, y);
      expect(e > d).toBe(true);
      expect(Number(e.slice(0, 4)) - Number(d.slice(0, 4))).toBeLessThanOrEqual(y);
    }));
  });
});

describe('overlaps', () => {
  it('is symmetric, and an open end overlaps everything after the start (property)', () => {
    fc.assert(fc.property(day, day, day, day, (a, b, c, d) => {
      const x = { from: a < b ? a : b, to: a < b ? b : a }, y = { from: c < d ? c : d, to: c < d ? d : c };
      expect(overlaps(x, y)).toBe(overlaps(y, x));
      expect(overlaps(x, y)).toBe(x.from <= y.to && y.from <= x.to);
      expect(overlaps({ from: x.from }, { from: y.from, to: y.to })).toBe(y.to >= x.from);
    }));
  });
});

describe('stacksOn (stackingAllowed; combinableWithOtherCare)', () => {
  const cand = { bsn: '999990019', aanbieder: '12345678', product: { categorie: '45', code: '45X01' }, ingangsdatum: '2025-06-01', einddatum: '2025-08-31' };
  it('finds the same product at the same provider in an overlapping period', () => {
    expect(rules.stacksOn(ledger(tw({})), alkmaar, cand)?.nummer).toBe(1);
    expect(rules.stacksOn(ledger(tw({ aanbieder: '87654321' })), alkmaar, cand)).toBeUndefined();
    expect(rules.stacksOn(ledger(tw({ product: { categorie: '45', code: '45X02' } })), alkmaar, cand)).toBeUndefined();
    expect(rules.stacksOn(ledger(tw({ einddatum: '2025-05-31' })), alkmaar, cand)).toBeUndefined();
  });
  it('a deleted toewijzing (einddatum = ingangsdatum with a reden) does not count', () => {
    const deleted = tw({ ingangsdatum: '2025-06-01', einddatum: '2025-06-01', redenWijziging: '13' });
    expect(counts(deleted)).toBe(false);
    expect(rules.stacksOn(ledger(deleted), alkmaar, cand)).toBeUndefined();
  });
  it('where products run alone, any care of the client stacks', () => {
    expect(rules.stacksOn(ledger(tw({ aanbieder: '87654321', product: { categorie: '43', code: '43A12' } })), fryslan, cand)?.nummer).toBe(1);
  });
  it('sameProduct compares codes, or categories where a code is missing', () => {
    expect(sameProduct({ categorie: '45', code: 'A' }, { categorie: '45', code: 'B' })).toBe(false);
    expect(sameProduct({ categorie: '45' }, { categorie: '45', code: 'B' })).toBe(true);
    expect(sameProduct({ categorie: '45' }, { categorie: '43' })).toBe(false);
  });
});

describe('vowIngangsdatum (vowNotRetroactive)', () => {
  it('keeps the desired date where the region allows retroactive changes', () => {
    expect(rules.vowIngangsdatum(utrecht, '2025-01-01', '2025-03-01', true)).toBe('2025-01-01');
  });
  it('never before the honour date (+1 day when it replaces a toewijzing), never earlier than desired (property)', () => {
    fc.assert(fc.property(day, day, fc.boolean(), (desired, honour, replaces) => {
      const d = rules.vowIngangsdatum(alkmaar, desired, honour, replaces);
      expect(d >= desired).toBe(true);
      expect(d >= (replaces ? plusDays(honour, 1) : honour)).toBe(true);
      expect(d === desired || d === (replaces ? plusDays(honour, 1) : honour)).toBe(true);
    }));
  });
});

describe('lapses (vervalperiodeMonths)', () => {
  it('withdraws a toewijzing that has not started within the vervalperiode', () => {
    const t = tw({ ingangsdatum: '2024-01-15', einddatum: '2026-12-31' });
    expect(rules.lapses(alkmaar, t, false, '2025-01-16')).toBe(true);
    expect(rules.lapses(alkmaar, t, false, '2025-01-15')).toBe(false);
    expect(rules.lapses(alkmaar, t, true, '2025-06-01')).toBe(false);
    expect(rules.lapses(utrecht, t, false, '2030-01-01')).toBe(false);
  });
});

describe('endedBy (combinableWithOtherCare false)', () => {
  const cand = { bsn: '999990019', aanbieder: '12345678', product: { categorie: '43', code: '43A12' }, ingangsdatum: '2025-06-01', einddatum: '2027-05-31' };
  it('ends running other care that began earlier, only where products run alone', () => {
    const other = tw({ product: { categorie: '45', code: '45X01' } });
    expect(rules.endedBy(ledger(other), fryslan, cand).map((t) => t.nummer)).toEqual([1]);
    expect(rules.endedBy(ledger(other), alkmaar, cand)).toEqual([]);
    expect(rules.endedBy(ledger(tw({ product: cand.product })), fryslan, cand)).toEqual([]);
    expect(rules.endedBy(ledger(tw({ ingangsdatum: '2025-07-01' })), fryslan, cand)).toEqual([]);
  });
});
