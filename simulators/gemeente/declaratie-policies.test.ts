/**
 * Unit tests of the declaration policies a profile chooses (regions/types.ts `declaration`):
 * the tariff year per eenheid and "only full credits". The conformance scenarios exercise them
 * end to end; these pin the business rule itself.
 */
import { describe, expect, it } from 'vitest';
import { getProfile } from '../../regions/index.ts';
import type { RegionProfile } from '../../regions/types.ts';
import type { Jw323Prestatie } from '../../ijw/messages/jw323.ts';
import type { PrestatieRecord, Toewijzing } from '../ledger.ts';
import { declProduct, declRegion, tariffFor, type DeclProduct } from './declaratie-rules.ts';
import { ApprovedPrestaties, nationalDeclaratieChecks, type LineContext } from './declaratie.ts';

const product: DeclProduct = { code: 'P1', category: '54', eenheid: '82', frequentie: '6', kind: 'per-unit', tariff: 1000, tariffByYear: { '2025': 1000, '2026': 1100 } };
const t = { ingangsdatum: '2025-11-01' };

describe('tariff year policy', () => {
  it('takes the year of delivery by default', () => {
    expect(tariffFor(product, t, '2026-01-10')).toBe(1100);
    expect(tariffFor(product, t, '2025-12-10')).toBe(1000);
  });

  it("takes the year of the toewijzing's ingangsdatum for toewijzing-start", () => {
    const p = { ...product, tariffYear: 'toewijzing-start' as const };
    expect(tariffFor(p, t, '2026-01-10')).toBe(1000);
    expect(tariffFor(p, { ingangsdatum: '2026-02-01' }, '2026-03-10')).toBe(1100);
  });

  it('falls back to the product tariff for a year without one', () => {
    expect(tariffFor(product, t, '2027-01-10')).toBe(1000);
  });

  it('is read per eenheid from the profile', () => {
    const profile: RegionProfile = {
      ...getProfile('utrecht'),
      declaration: { ...getProfile('utrecht').declaration, tariffYear: { value: { '04': 'toewijzing-start' }, source: 'test' } },
    };
    expect(declProduct(profile, '45X01')?.tariffYear).toBe('toewijzing-start');
    expect(declProduct(getProfile('utrecht'), '45X01')?.tariffYear).toBeUndefined();
    const zlm = getProfile('zuid-limburg');
    expect(zlm.products.map((p) => [p.eenheid, declProduct(zlm, p.code)?.tariffYear ?? 'delivery'])).toEqual([['04', 'delivery'], ['82', 'toewijzing-start'], ['14', 'delivery']]);
  });
});

const debit: PrestatieRecord = {
  referentieNummer: 'R1', bsn: '999990019', toewijzingNummer: 7, categorie: '45', code: '45X01', begindatum: '2025-03-01', einddatum: '2025-03-31',
  volume: 3, eenheid: '04', tarief: 9000, bedrag: 27000, debetCredit: 'D', status: 'approved',
};

function creditLine(over: { volume?: number; bedrag?: number; einddatum?: string } = {}): Jw323Prestatie {
  const volume = over.volume ?? 3;
  return {
    ProductReferentie: { ReferentieNummer: 'R2', VorigReferentieNummer: 'R1' }, ToewijzingNummer: 7, ProductCategorie: '45' as never, ProductCode: '45X01',
    ProductPeriode: { Begindatum: '2025-03-01', Einddatum: over.einddatum ?? '2025-03-31' }, GeleverdVolume: volume, Eenheid: '04' as never, ProductTarief: 9000,
    IngediendBedrag: { Bedrag: over.bedrag ?? volume * 9000, DebetCredit: 'C' as never },
  };
}

function ctx(p: Jw323Prestatie, creditsInFullOnly: boolean): LineContext {
  return { p, approved: new ApprovedPrestaties([debit]), region: creditsInFullOnly ? { creditsInFullOnly } : {}, t: {} as Toewijzing } as unknown as LineContext;
}

describe('only full credits policy', () => {
  it('accepts a credit that repeats its debit in full', () => {
    expect(nationalDeclaratieChecks.creditInFull(ctx(creditLine(), true))).toBeUndefined();
  });

  it('rejects a credit of part of the volume, amount or period', () => {
    for (const c of [creditLine({ volume: 1 }), creditLine({ bedrag: 100 }), creditLine({ einddatum: '2025-03-15' })]) {
      const r = nationalDeclaratieChecks.creditInFull(ctx(c, true));
      expect(r?.retourcode).toBe('8017');
      expect(r?.text).toMatch(/only full credits/);
    }
  });

  it('leaves a partial credit alone where the region has no such policy (IV085)', () => {
    expect(nationalDeclaratieChecks.creditInFull(ctx(creditLine({ volume: 1 }), false))).toBeUndefined();
  });

  it('is read from the profile', () => {
    expect(declRegion(getProfile('zuid-limburg')).creditsInFullOnly).toBe(true);
    expect(declRegion(getProfile('utrecht')).creditsInFullOnly).toBeUndefined();
  });
});
