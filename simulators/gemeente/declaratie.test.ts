/**
 * The municipality's share-of-tariff checks (Amsterdam: AMS-INT-1…4, AMS-BEH-1) and the term after
 * the stop (Fryslân: FRL-DECL-4) as policies: the rules they name come from the profile.
 */
import { describe, expect, it } from 'vitest';
import { getProfile } from '../../regions/index.ts';
import type { StartRecord, Toewijzing } from '../ledger.ts';
import { declProduct, declRegion, share } from './declaratie-rules.ts';
import { ApprovedPrestaties, nationalDeclaratieChecks as checks, type LineContext } from './declaratie.ts';

const ams = getProfile('amsterdam');
const frl = getProfile('fryslan');
const t: Toewijzing = { nummer: 1, bsn: '999990019', aanbieder: '12345678', gemeente: '0363', product: { categorie: '45', code: '45X10' }, toewijzingsdatum: '2025-01-01', toewijzingstijd: '10:00', ingangsdatum: '2025-01-01', einddatum: '2025-12-31' };

function ctx(code: string, bedrag: number, starts: StartRecord[], over: Partial<LineContext> = {}): LineContext {
  return {
    msg: { Header: { BerichtIdentificatie: { Dagtekening: '2025-06-02' } } } as never,
    client: { Bsn: t.bsn } as never,
    p: { ProductCode: code, ProductCategorie: '45', IngediendBedrag: { Bedrag: bedrag }, ProductPeriode: { Begindatum: '2025-05-01', Einddatum: '2025-05-31' } } as never,
    aanbieder: t.aanbieder,
    t: { ...t, product: { categorie: '45', code } },
    product: declProduct(ams, code),
    region: declRegion(ams),
    starts,
    approved: new ApprovedPrestaties(),
    delivered: new Set(),
    stopDagtekening: new Map(),
    clientKnown: true,
    productCodeFits: () => undefined,
    ...over,
  };
}
const started: StartRecord = { bsn: t.bsn, toewijzingNummer: 1, begindatum: '2025-02-01', deleted: false, stops: [] };
const stopped = (reden: string): StartRecord => ({ ...started, stops: [{ einddatum: '2025-05-15', reden, deleted: false }] });

describe('share claims (declarationRule percentage-after-start-stop + rules)', () => {
  const intensief = declProduct(ams, '45X10')!;
  const seventy = share(intensief.tariff!, 0.7), thirty = share(intensief.tariff!, 0.3);
  it('a contracted share passes; another amount is rejected under the profile\'s share rule', () => {
    expect(checks.claimIsContractedShare(ctx('45X10', seventy, [started]))).toBeUndefined();
    expect(checks.claimIsContractedShare(ctx('45X10', seventy + 1, [started]))).toMatchObject({ retourcode: '0611', rule: 'AMS-INT-1' });
    expect(checks.claimIsContractedShare(ctx('45X12', 1, [started]))).toMatchObject({ rule: 'AMS-BEH-1' });
  });
  it('the start share needs a JW305', () => {
    expect(checks.startClaimNeedsStart(ctx('45X10', seventy, [started]))).toBeUndefined();
    expect(checks.startClaimNeedsStart(ctx('45X10', seventy, []))).toMatchObject({ rule: 'AMS-INT-4' });
  });
  it('the stop share needs a JW307 with reden 31; after another reden nothing more is claimed', () => {
    expect(checks.stopClaimNeedsPlannedStop(ctx('45X10', thirty, [stopped('31')]))).toBeUndefined();
    expect(checks.stopClaimNeedsPlannedStop(ctx('45X10', thirty, [started]))).toMatchObject({ rule: 'AMS-INT-4' });
    expect(checks.stopClaimNeedsPlannedStop(ctx('45X10', thirty, [stopped('33')]))).toMatchObject({ rule: 'AMS-INT-3' });
    expect(checks.stopClaimNeedsPlannedStop(ctx('45X12', share(declProduct(ams, '45X12')!.tariff!, 0.3), [stopped('33')]))).toMatchObject({ rule: 'AMS-BEH-1' });
  });
});

describe('declarationTerm (declaration.maxMonthsAfterStop)', () => {
  const base = (dagtekening: string, region = declRegion(frl)) =>
    ctx('43A12', 0, [stopped('31')], { region, msg: { Header: { BerichtIdentificatie: { Dagtekening: dagtekening } } } as never, stopDagtekening: new Map([[`${t.bsn}/1/2025-05-15`, '2025-05-16']]) });
  it('rejects a declaration more than the term after the JW307 with 9319, under the profile\'s rule', () => {
    expect(checks.declarationTerm(base('2026-05-16'))).toBeUndefined();
    expect(checks.declarationTerm(base('2026-05-17'))).toMatchObject({ retourcode: '9319', rule: 'FRL-DECL-4' });
    expect(checks.declarationTerm(base('2030-01-01', declRegion(ams)))).toBeUndefined();
  });
});

describe('ApprovedPrestaties', () => {
  const rec = (ref: string, toewijzingNummer: number) =>
    ({ referentieNummer: ref, toewijzingNummer, debetCredit: 'D', status: 'approved', bsn: t.bsn, categorie: '45', code: '45X10', begindatum: '2025-05-01', einddatum: '2025-05-31', volume: 1, eenheid: '14', bedrag: 100 }) as const;
  it('lists a toewijzing\'s approved records oldest first, from one record to many, and finds them by ReferentieNummer', () => {
    const a = new ApprovedPrestaties([rec('R1', 1)]);
    expect(a.on(1).map((r) => r.referentieNummer)).toEqual(['R1']);
    expect(a.on(2)).toEqual([]);
    a.add(rec('R2', 1));
    a.add(rec('R3', 1));
    a.add(rec('R1', 2));
    expect(a.on(1).map((r) => r.referentieNummer)).toEqual(['R1', 'R2', 'R3']);
    expect(a.on(2).map((r) => r.referentieNummer)).toEqual(['R1']);
    // The first record with a ReferentieNummer is the one it names.
    expect(a.referentie('R1')?.toewijzingNummer).toBe(1);
    expect(a.has('R3') && !a.has('R4')).toBe(true);
  });
});
