/** Unit tests of the provider's declaration policies: batching, crediting outside a shortened or withdrawn toewijzing, the tariff year. */
import { describe, expect, it } from 'vitest';
import { getProfile } from '../../regions/index.ts';
import type { PrestatieRecord, Toewijzing } from '../ledger.ts';
import { declRegion, type DeclProduct } from '../gemeente/declaratie-rules.ts';
import { referenceDeclaratieRules, type CareRecord, type PlannedLine } from './declaratie.ts';
import type { ReferenceAanbieder } from './reference-aanbieder.ts';

const toewijzing = (over: Partial<Toewijzing> = {}): Toewijzing => ({
  nummer: 7, bsn: '999990019', aanbieder: '12345678', gemeente: '0935', product: { categorie: '45', code: '45X01' } as Toewijzing['product'],
  toewijzingsdatum: '2025-03-01', toewijzingstijd: '09:00:00', ingangsdatum: '2025-03-01', einddatum: '2025-12-31', ...over,
});
const line = (begindatum: string, einddatum: string): PrestatieRecord => ({
  referentieNummer: 'R1', bsn: '999990019', toewijzingNummer: 7, categorie: '45', code: '45X01', begindatum, einddatum, volume: 3, eenheid: '04', tarief: 9000, bedrag: 27000, debetCredit: 'D', status: 'approved',
});

describe('crediting what a toewijzing no longer covers', () => {
  const outside = referenceDeclaratieRules.outsideToewijzing;

  it('keeps lines within the toewijzing', () => {
    expect(outside(toewijzing(), line('2025-04-01', '2025-04-30'))).toBe(false);
    expect(outside(toewijzing({ einddatum: '2025-04-30' }), line('2025-04-01', '2025-04-30'))).toBe(false);
  });

  it('credits lines past a shortened einddatum', () => {
    expect(outside(toewijzing({ einddatum: '2025-03-31', redenWijziging: '05' }), line('2025-04-01', '2025-04-30'))).toBe(true);
    expect(outside(toewijzing({ einddatum: '2025-04-15', redenWijziging: '05' }), line('2025-04-01', '2025-04-30'))).toBe(true);
  });

  it('credits every line of a withdrawn toewijzing (einddatum = ingangsdatum, or deleted)', () => {
    expect(outside(toewijzing({ einddatum: '2025-03-01', redenWijziging: '01' }), line('2025-03-01', '2025-03-01'))).toBe(true);
    expect(outside(toewijzing({ redenWijziging: '13' }), line('2025-03-01', '2025-03-31'))).toBe(true);
  });

  it('is chosen by the profile', () => {
    expect(declRegion(getProfile('zuid-limburg')).creditOutsideToewijzing).toBe(true);
    expect(declRegion(getProfile('alkmaar')).creditOutsideToewijzing).toBeUndefined();
  });
});

describe('one declaration per municipality per month', () => {
  it('puts the lines of every client in one batch', () => {
    const lines = [{ t: toewijzing() }, { t: toewijzing({ nummer: 8, bsn: '999990020' }) }] as PlannedLine[];
    expect(referenceDeclaratieRules.batches(lines)).toEqual([lines]);
  });
});

describe('tariff year on the provider side', () => {
  const product: DeclProduct = { code: '54X01', category: '54', eenheid: '82', frequentie: '6', kind: 'per-unit', tariff: 250000, tariffByYear: { '2025': 250000, '2026': 262500 } };
  const care: CareRecord[] = [{ toewijzingNummer: 7, begindatum: '2026-01-12', einddatum: '2026-01-12', volume: 1, eenheid: '82' }];
  const t = toewijzing({ ingangsdatum: '2025-11-01', einddatum: '2026-10-31', omvang: { volume: 1, eenheid: '82', frequentie: '6' } as Toewijzing['omvang'] });
  const a = {} as ReferenceAanbieder;

  it('declares output at the tariff of the year the toewijzing began', () => {
    expect(referenceDeclaratieRules.perUnit(a, t, { ...product, tariffYear: 'toewijzing-start' }, care)).toMatchObject({ tarief: 250000, bedrag: 250000, eenheid: '82' });
  });

  it('declares at the tariff of the year of delivery by default', () => {
    expect(referenceDeclaratieRules.perUnit(a, t, product, care)).toMatchObject({ tarief: 262500, bedrag: 262500 });
  });
});
