/**
 * The municipality's request checks (JW315 products, JW317 extensions) as policies of the profile:
 * each check against the region that sets its policy (valid and invalid), against a region that
 * does not (no rejection), and against a new region that sets the policy with its own rule id
 * (the rejection names that id, never another region's).
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { getProfile } from '../../regions/index.ts';
import type { RegionProfile } from '../../regions/types.ts';
import { emptyLedger, type Ledger, type Toewijzing } from '../ledger.ts';
import { referenceToewijzingRules, plusDays } from './toewijzing-rules.ts';
import { omvangShapeProblem, referenceVerzoekChecks as checks, REQUEST_CHECK_ORDER, type CheckContext, type RequestedProduct } from './verzoek-rules.ts';

const alkmaar = getProfile('alkmaar');
const fryslan = getProfile('fryslan');
const rijnmond = getProfile('rijnmond');
const utrecht = getProfile('utrecht');

/** A region no code knows: Utrecht's profile under a new id, with the given allocation policies. */
function newRegion(allocation: Partial<RegionProfile['allocation']>, extra: Partial<RegionProfile> = {}): RegionProfile {
  return { ...utrecht, id: 'nieuwland' as RegionProfile['id'], name: 'Regio Nieuwland', allocation: { ...utrecht.allocation, ...allocation }, ...extra };
}

const ctx = (profile: RegionProfile, more: Partial<CheckContext> = {}): CheckContext => ({ profile, ledger: emptyLedger(), rules: referenceToewijzingRules, ...more });

const req = (over: Partial<RequestedProduct> = {}): RequestedProduct => ({
  bsn: '999990019',
  aanbieder: '12345678',
  dagtekening: '2025-03-03',
  product: { categorie: '45', code: '45X01' },
  ingangsdatum: '2025-03-10',
  einddatum: '2025-12-31',
  omvang: { volume: 3, eenheid: '04', frequentie: '2' },
  verwijzer: { type: '02', zorgverlenerCode: '01234567' },
  ...over,
});

function toewijzing(over: Partial<Toewijzing>): Toewijzing {
  return { nummer: 1, bsn: '999990019', aanbieder: '12345678', gemeente: '0361', product: { categorie: '45', code: '45X01' }, toewijzingsdatum: '2025-01-01', toewijzingstijd: '10:00', ingangsdatum: '2025-01-01', einddatum: '2025-12-31', ...over };
}

function ledgerWith(...ts: Toewijzing[]): Ledger {
  const l = emptyLedger();
  for (const t of ts) l.toewijzingen.set(t.nummer, t);
  return l;
}

describe('woonplaats (IJW-VOT-7; woonplaatsbeginsel policy)', () => {
  const residence = new Map([['999990019', '0080']]);
  it('passes a client living in the municipality, or without BRP facts', () => {
    expect(checks.woonplaats(ctx(fryslan, { gemeente: '0080', residence }), req())).toBeUndefined();
    expect(checks.woonplaats(ctx(fryslan), req())).toBeUndefined();
  });
  it('rejects with reden 8 naming the responsible municipality, under the profile\'s rule or the national one', () => {
    expect(checks.woonplaats(ctx(fryslan, { gemeente: '0086', residence }), req())).toMatchObject({ reden: '8', rule: 'FRL-VOT-6', gemeente: '0080' });
    expect(checks.woonplaats(ctx(alkmaar, { gemeente: '0361', residence }), req())).toMatchObject({ reden: '8', rule: 'IJW-VOT-7', gemeente: '0080' });
    const nw = newRegion({ woonplaatsbeginsel: { value: true, source: 'test', rule: 'NWL-1' } });
    expect(checks.woonplaats(ctx(nw, { gemeente: '0344', residence }), req())?.rule).toBe('NWL-1');
  });
});

describe('referrer (referrersAllowed / requestReferrers)', () => {
  it('accepts the referrers the region lets request', () => {
    expect(checks.referrer(ctx(alkmaar), req())).toBeUndefined();
    expect(checks.referrer(ctx(fryslan), req({ verwijzer: { type: '04', naam: 'J. de Vries, Jeugdbescherming' } }))).toBeUndefined();
  });
  it('rejects another with reden 4 under the rule the profile cites', () => {
    expect(checks.referrer(ctx(alkmaar), req({ verwijzer: { type: '01' } }))).toMatchObject({ reden: '4', rule: 'ALK-V2' });
    expect(checks.referrer(ctx(fryslan), req({ verwijzer: { type: '02', zorgverlenerCode: '01234567' } }))).toMatchObject({ reden: '4', rule: 'FRL-VOT-3' });
    const nw = newRegion({ referrersAllowed: { value: ['04'], source: 'test', rule: 'NWL-REF' }, requestReferrers: undefined });
    expect(checks.referrer(ctx(nw), req())?.rule).toBe('NWL-REF');
  });
});

describe('referrerName (referrerNameAndOrganisation)', () => {
  const gi = { type: '04' };
  it('asks name and organisation only for the listed types of a region that sets the policy', () => {
    expect(checks.referrerName(ctx(fryslan), req({ verwijzer: { ...gi, naam: 'J. de Vries, Jeugdbescherming Noord' } }))).toBeUndefined();
    expect(checks.referrerName(ctx(fryslan), req({ verwijzer: gi }))).toMatchObject({ reden: '4', rule: 'FRL-VOT-3' });
    expect(checks.referrerName(ctx(fryslan), req({ verwijzer: { ...gi, naam: '   ' } }))?.rule).toBe('FRL-VOT-3');
    expect(checks.referrerName(ctx(alkmaar), req({ verwijzer: gi }))).toBeUndefined();
    expect(checks.referrerName(ctx(fryslan), req({ verwijzer: { type: '08' } }))).toBeUndefined();
  });
});

describe('retroactive (retroactiveLimit)', () => {
  it('allows a start up to the limit before the Dagtekening and rejects one further back', () => {
    expect(checks.retroactive(ctx(alkmaar), req({ dagtekening: '2025-03-31', ingangsdatum: '2025-02-28' }))).toBeUndefined();
    expect(checks.retroactive(ctx(alkmaar), req({ dagtekening: '2025-03-31', ingangsdatum: '2025-02-27' }))).toMatchObject({ reden: '4', rule: 'ALK-V1' });
    expect(checks.retroactive(ctx(fryslan), req({ dagtekening: '2025-03-31', ingangsdatum: '2025-03-03' }))).toBeUndefined();
    expect(checks.retroactive(ctx(fryslan), req({ dagtekening: '2025-03-31', ingangsdatum: '2025-03-02' }))).toMatchObject({ rule: 'FRL-VOT-2' });
    expect(checks.retroactive(ctx(utrecht), req({ dagtekening: '2025-03-31', ingangsdatum: '2020-01-01' }))).toBeUndefined();
  });
  it('a new region with a limit gets its own rule id, not Fryslân\'s', () => {
    const nw = newRegion({ retroactiveLimit: { value: { weeks: 2 }, source: 'test', rule: 'NWL-V1' } });
    expect(checks.retroactive(ctx(nw), req({ dagtekening: '2025-03-31', ingangsdatum: '2025-03-01' }))?.rule).toBe('NWL-V1');
  });
  it('is monotone: a later start than an accepted one is accepted too (property)', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 90 }), fc.integer({ min: 0, max: 90 }), (back, later) => {
      const dag = '2025-06-15';
      const earlier = req({ dagtekening: dag, ingangsdatum: plusDays(dag, -back) });
      const laterReq = req({ dagtekening: dag, ingangsdatum: plusDays(dag, -back + later) });
      if (!checks.retroactive(ctx(fryslan), earlier)) expect(checks.retroactive(ctx(fryslan), laterReq)).toBeUndefined();
      expect(checks.retroactive(ctx(fryslan), earlier) === undefined).toBe(back <= 28);
    }));
  });
});

describe('productCode, einddatumAndVolume, omvang (specificOnly, einddatumRequired, omvangShapes)', () => {
  it('productCode: a specific-only region rejects a request without code', () => {
    expect(checks.productCode(ctx(alkmaar), req())).toBeUndefined();
    expect(checks.productCode(ctx(alkmaar), req({ product: { categorie: '45' } }))).toMatchObject({ reden: '4', rule: 'ALK-T1' });
    expect(checks.productCode(ctx(utrecht), req({ product: { categorie: '45' } }))).toBeUndefined();
  });
  it('einddatumAndVolume: both are required where the profile says so', () => {
    expect(checks.einddatumAndVolume(ctx(alkmaar), req())).toBeUndefined();
    expect(checks.einddatumAndVolume(ctx(alkmaar), req({ einddatum: undefined }))).toMatchObject({ rule: 'ALK-T2' });
    expect(checks.einddatumAndVolume(ctx(alkmaar), req({ omvang: undefined }))).toMatchObject({ rule: 'ALK-T2' });
    expect(checks.einddatumAndVolume(ctx(utrecht), req({ einddatum: undefined }))).toBeUndefined();
  });
  it('omvang: eenheid with its frequenties, no Budget', () => {
    expect(checks.omvang(ctx(alkmaar), req())).toBeUndefined();
    expect(checks.omvang(ctx(alkmaar), req({ omvang: { volume: 2, eenheid: '14', frequentie: '1' } }))).toMatchObject({ rule: 'ALK-T8' });
    expect(checks.omvang(ctx(alkmaar), req({ omvang: { volume: 2, eenheid: '83', frequentie: '2' } }))).toMatchObject({ rule: 'ALK-T8' });
    expect(checks.omvang(ctx(alkmaar), req({ budget: 100 }))).toMatchObject({ rule: 'ALK-T8' });
    expect(checks.omvang(ctx(utrecht), req({ omvang: { volume: 2, eenheid: '14', frequentie: '1' } }))).toBeUndefined();
  });
  it('omvangShapeProblem agrees with the shape table for every eenheid × frequentie (property)', () => {
    const shapes = alkmaar.allocation.omvangShapes!.value;
    fc.assert(fc.property(fc.constantFrom('01', '04', '14', '16', '82', '83', '84'), fc.constantFrom('1', '2', '4', '6'), (eenheid, frequentie) => {
      const ok = omvangShapeProblem(alkmaar, { volume: 1, eenheid, frequentie }) === undefined;
      expect(ok).toBe(!!shapes[eenheid]?.includes(frequentie));
    }));
  });
});

describe('locationCode (locationCodeInCommentary)', () => {
  const locations = new Map([['LOC-1', new Set(['43A12'])]]);
  const p = req({ product: { categorie: '43', code: '43A12' }, commentaar: 'LOC-1' });
  it('needs the code in the commentary, and a registered one for the product', () => {
    expect(checks.locationCode(ctx(fryslan), p)).toBeUndefined();
    expect(checks.locationCode(ctx(fryslan, { locations }), p)).toBeUndefined();
    expect(checks.locationCode(ctx(fryslan), { ...p, commentaar: undefined })).toMatchObject({ rule: 'FRL-VOT-5' });
    expect(checks.locationCode(ctx(fryslan, { locations }), { ...p, commentaar: 'LOC-2' })?.text).toMatch(/not a registered location/);
    expect(checks.locationCode(ctx(fryslan, { locations }), { ...p, product: { categorie: '43', code: '43A70' } })?.text).toMatch(/registered for 43A12/);
    expect(checks.locationCode(ctx(alkmaar), { ...p, commentaar: undefined })).toBeUndefined();
  });
});

describe('contracted, unit, onlyAfter (products, unitFromCodeTable, onlyAfter)', () => {
  it('contracted: a product the profile does not list is reden 3', () => {
    expect(checks.contracted(ctx(alkmaar), req())).toBeUndefined();
    expect(checks.contracted(ctx(alkmaar), req({ product: { categorie: '45', code: '45Z99' } }))).toMatchObject({ reden: '3' });
  });
  it('unit: where the code table fixes them, eenheid and frequentie must match', () => {
    const pr = rijnmond.products.find((x) => !x.onlyAfter)!;
    const ok = req({ product: { categorie: pr.category, code: pr.code }, omvang: { volume: 1, eenheid: pr.eenheid, frequentie: pr.frequentie } });
    expect(checks.unit(ctx(rijnmond), ok)).toBeUndefined();
    const other = pr.frequentie === '4' ? '2' : '4';
    expect(checks.unit(ctx(rijnmond), { ...ok, omvang: { ...ok.omvang!, frequentie: other } })).toMatchObject({ rule: 'RIJ-PROD-1' });
    expect(checks.unit(ctx(alkmaar), { ...req(), omvang: { volume: 1, eenheid: '01', frequentie: '1' } })).toBeUndefined();
  });
  it('onlyAfter: the product follows an arrangement that ended before its start', () => {
    const pr = rijnmond.products.find((x) => x.onlyAfter)!;
    const before = pr.onlyAfter!.value[0]!;
    const p = req({ product: { categorie: pr.category, code: pr.code }, ingangsdatum: '2025-06-01' });
    expect(checks.onlyAfter(ctx(rijnmond), p)).toMatchObject({ rule: 'RIJ-LFM-1' });
    const ended = toewijzing({ product: { categorie: before.slice(0, 2), code: before }, ingangsdatum: '2025-01-01', einddatum: '2025-05-31' });
    expect(checks.onlyAfter(ctx(rijnmond, { ledger: ledgerWith(ended) }), p)).toBeUndefined();
    const withdrawn = { ...ended, einddatum: ended.ingangsdatum };
    expect(checks.onlyAfter(ctx(rijnmond, { ledger: ledgerWith(withdrawn) }), p)).toBeDefined();
    const running = { ...ended, einddatum: '2025-12-31' };
    expect(checks.onlyAfter(ctx(rijnmond, { ledger: ledgerWith(running) }), p)).toBeDefined();
  });
});

describe('stacking (stackingAllowed, combinableWithOtherCare)', () => {
  it('rejects the same product at the same provider for an overlapping period with reden 6', () => {
    const l = ledgerWith(toewijzing({}));
    expect(checks.stacking(ctx(alkmaar, { ledger: l }), req())).toMatchObject({ reden: '6', rule: 'IJW-STAP-1' });
    expect(checks.stacking(ctx(alkmaar, { ledger: l }), req({ ingangsdatum: '2026-01-01', einddatum: '2026-06-30' }))).toBeUndefined();
    expect(checks.stacking(ctx(alkmaar, { ledger: l }), req(), new Set([1]))).toBeUndefined();
    expect(checks.stacking(ctx(alkmaar, { ledger: l }), req({ product: { categorie: '45', code: '45X02' } }))).toBeUndefined();
  });
  it('where products run alone any overlapping care stacks, under the profile\'s rule', () => {
    const l = ledgerWith(toewijzing({ product: { categorie: '45', code: '45X02' } }));
    expect(checks.stacking(ctx(fryslan, { ledger: l }), req({ product: { categorie: '43', code: '43A12' } }))).toMatchObject({ rule: 'FRL-STAP-1' });
  });
});

describe('extension (extension change-einddatum + vowExtension)', () => {
  const t = toewijzing({ omvang: { volume: 3, eenheid: '14', frequentie: '2' } });
  it('lets an external referrer extend with the same Omvang before the einddatum', () => {
    expect(checks.extension(ctx(fryslan), t, { einddatum: '2026-12-31', omvang: t.omvang }, '2025-06-01', true)).toBeUndefined();
  });
  it('refuses after the einddatum (reden 1), on the municipal route, or with another Omvang', () => {
    expect(checks.extension(ctx(fryslan), t, { einddatum: '2026-12-31' }, '2026-01-05', true)).toMatchObject({ reden: '1', rule: 'FRL-VOW-1' });
    expect(checks.extension(ctx(fryslan), t, { einddatum: '2026-12-31' }, '2025-06-01', false)).toMatchObject({ reden: '4', rule: 'FRL-VOW-1' });
    expect(checks.extension(ctx(fryslan), t, { omvang: { volume: 4, eenheid: '14', frequentie: '2' } }, '2025-06-01', true)).toMatchObject({ rule: 'FRL-VOW-1' });
  });
  it('a region that extends by changing the einddatum without conditions refuses nothing; each condition is a parameter', () => {
    const free = newRegion({ extension: { value: 'change-einddatum', source: 'test' } });
    expect(checks.extension(ctx(free), t, { einddatum: '2026-12-31' }, '2026-01-05', false)).toBeUndefined();
    const onlyExternal = newRegion({ extension: { value: 'change-einddatum', source: 'test' }, vowExtension: { value: { externalReferrerOnly: true, sameOmvang: false, beforeEinddatum: false }, source: 'test', rule: 'NWL-VOW' } });
    expect(checks.extension(ctx(onlyExternal), t, { einddatum: '2026-12-31' }, '2026-01-05', true)).toBeUndefined();
    expect(checks.extension(ctx(onlyExternal), t, { einddatum: '2026-12-31' }, '2025-06-01', false)?.rule).toBe('NWL-VOW');
    expect(checks.extension(ctx(alkmaar), t, { einddatum: '2026-12-31' }, '2026-01-05', false)).toBeUndefined();
  });
});

describe('the order of the JW315 checks', () => {
  it('names every per-product check once', () => {
    expect(new Set(REQUEST_CHECK_ORDER).size).toBe(REQUEST_CHECK_ORDER.length);
    for (const name of REQUEST_CHECK_ORDER) expect(typeof checks[name]).toBe('function');
  });
  it('a valid request passes every check in every region whose policies it meets', () => {
    for (const name of REQUEST_CHECK_ORDER) expect(checks[name](ctx(alkmaar), req()), name).toBeUndefined();
  });
});
