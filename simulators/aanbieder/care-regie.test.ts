/**
 * The provider's own decisions from its care (ALK-START-2: the start of care; ALK-R3: when a pause
 * becomes a temporary stop, by the profile's `temporaryStopAfterMonths`).
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { getProfile } from '../../regions/index.ts';
import type { RegionProfile } from '../../regions/types.ts';
import type { StartRecord, Toewijzing } from '../ledger.ts';
import { plusDays } from '../gemeente/toewijzing-rules.ts';
import { referenceCareRegieRules as rules } from './care-regie.ts';
import type { CareRecord } from './declaratie.ts';

const alkmaar = getProfile('alkmaar');
const t: Toewijzing = { nummer: 1, bsn: '999990019', aanbieder: '12345678', gemeente: '0361', product: { categorie: '45', code: '45X01' }, toewijzingsdatum: '2025-01-01', toewijzingstijd: '10:00', ingangsdatum: '2025-01-01', einddatum: '2026-12-31' };
const start: StartRecord = { bsn: t.bsn, toewijzingNummer: 1, begindatum: '2025-01-06', deleted: false, stops: [] };
const withMonths = (n: number | undefined): RegionProfile => ({ ...alkmaar, startStop: { ...alkmaar.startStop, temporaryStopAfterMonths: n === undefined ? undefined : { value: n, source: 'test' } } });

describe('startDate (ALK-START-2)', () => {
  const care = (d: string): CareRecord => ({ toewijzingNummer: 1, begindatum: d, einddatum: d, volume: 60, eenheid: '01' });
  it('is the first care after the last stop, not after today', () => {
    expect(rules.startDate([care('2025-02-10'), care('2025-02-03')], undefined, '2025-03-01')).toBe('2025-02-03');
    expect(rules.startDate([care('2025-02-03'), care('2025-03-10')], '2025-02-28', '2025-03-31')).toBe('2025-03-10');
    expect(rules.startDate([care('2025-04-01')], undefined, '2025-03-31')).toBeUndefined();
  });
});

describe('pauseToReport (ALK-R3, temporaryStopAfterMonths)', () => {
  it('after two whole calendar months without care (Alkmaar), from the last day of care', () => {
    expect(rules.pauseToReport(alkmaar, t, start, '2025-01-20', '2025-03-31')).toBeUndefined();
    expect(rules.pauseToReport(alkmaar, t, start, '2025-01-20', '2025-04-01')).toBe('2025-01-20');
  });
  it('never where the profile sets no term, nor once the toewijzing ended', () => {
    expect(rules.pauseToReport(withMonths(undefined), t, start, '2025-01-20', '2026-01-01')).toBeUndefined();
    expect(rules.pauseToReport(alkmaar, { ...t, einddatum: '2025-03-15' }, start, '2025-01-20', '2025-06-01')).toBeUndefined();
  });
  it('the term is a parameter: n months without care, not n - 1 (property)', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 6 }), fc.integer({ min: 0, max: 27 }), (n, d) => {
      const last = plusDays('2025-01-01', d);
      const due = `${String(2025 + Math.floor(n / 12)).padStart(4, '0')}-${String(((n) % 12) + 2).padStart(2, '0')}-01`;
      expect(rules.pauseToReport(withMonths(n), t, start, last, due)).toBe(last);
      expect(rules.pauseToReport(withMonths(n), t, start, last, plusDays(due, -1))).toBeUndefined();
    }));
  });
});
