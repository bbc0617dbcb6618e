/**
 * The provider's request policies (what it may send as a JW315 or JW317, and how it fills it),
 * chosen by the profile: each against the region that sets it, one that does not, and a new region
 * that sets it with its own rule id.
 */
import { describe, expect, it } from 'vitest';
import { getProfile } from '../../regions/index.ts';
import type { RegionProfile } from '../../regions/types.ts';
import { ActionRefused } from '../actions.ts';
import type { Toewijzing } from '../ledger.ts';
import { referenceAanbiederVerzoekRules as rules } from './verzoek.ts';

const alkmaar = getProfile('alkmaar');
const fryslan = getProfile('fryslan');
const rijnmond = getProfile('rijnmond');
const utrecht = getProfile('utrecht');
const newRegion = (allocation: Partial<RegionProfile['allocation']>): RegionProfile => ({ ...utrecht, id: 'nieuwland' as RegionProfile['id'], name: 'Regio Nieuwland', allocation: { ...utrecht.allocation, ...allocation } });

type Request = Parameters<typeof rules.mayRequest>[1];
const request = (over: Partial<Request> = {}): Request => ({
  action: 'request-allocation',
  client: { bsn: '999990019', geboortedatum: '2015-01-01', geslacht: '1', achternaam: 'Jansen' },
  products: [{ product: { categorie: '45', code: '45X01' }, ingangsdatum: '2025-03-10', einddatum: '2025-12-31', omvang: { volume: 3, eenheid: '04', frequentie: '2' } }],
  verwijzer: { type: '02', zorgverlenerCode: '01234567' },
  ...over,
});
const t: Toewijzing = { nummer: 7, bsn: '999990019', aanbieder: '12345678', gemeente: '0080', product: { categorie: '43', code: '43A12' }, toewijzingsdatum: '2025-01-01', toewijzingstijd: '10:00', ingangsdatum: '2025-01-01', einddatum: '2025-12-31', omvang: { volume: 3, eenheid: '14', frequentie: '2' } };

describe('verwijzer (CD066–CD068; referrerNameAndOrganisation)', () => {
  it('fills a ZorgverlenerCode, else the name, for statutory referrers', () => {
    expect(rules.verwijzer(alkmaar, { type: '02', zorgverlenerCode: '01234567' })).toEqual({ Type: '02', ZorgverlenerCode: '01234567' });
    expect(rules.verwijzer(alkmaar, { type: '04', naam: 'J. de Vries' })).toEqual({ Type: '04', Naam: 'J. de Vries' });
    expect(() => rules.verwijzer(alkmaar, { type: '03' })).toThrow(ActionRefused);
    expect(rules.verwijzer(alkmaar, { type: '08' })).toEqual({ Type: '08' });
  });
  it('puts name and organisation in Naam where the profile asks it, and refuses without them', () => {
    expect(rules.verwijzer(fryslan, { type: '04', naam: 'J. de Vries', organisatie: 'Jeugdbescherming Noord', zorgverlenerCode: '01234567' })).toEqual({ Type: '04', Naam: 'J. de Vries, Jeugdbescherming Noord' });
    expect(() => rules.verwijzer(fryslan, { type: '04', naam: 'J. de Vries' })).toThrow(/FRL-VOT-3/);
    const nw = newRegion({ referrerNameAndOrganisation: { value: ['05'], source: 'test', rule: 'NWL-REF' } });
    expect(() => rules.verwijzer(nw, { type: '05', naam: 'Arts' })).toThrow(/NWL-REF/);
  });
});

describe('mayRequest (message set, requestReferrers, singleProblemOnly, mainContractorOnly, retroactiveLimit, locationCodeInCommentary, omvangShapes)', () => {
  it('lets a valid request go', () => {
    expect(rules.mayRequest(alkmaar, request(), '2025-03-03')).toBeUndefined();
  });
  it('refuses a referrer that may not lead to a request, naming the profile\'s rule', () => {
    expect(rules.mayRequest(alkmaar, request({ verwijzer: { type: '01' } }), '2025-03-03')).toMatch(/ALK-V2/);
    expect(rules.mayRequest(fryslan, request({ verwijzer: { type: '01' } }), '2025-03-03')).toMatch(/FRL-VOT-4/);
    expect(rules.mayRequest(utrecht, request({ verwijzer: { type: '01' } }), '2025-03-03')).toMatch(/\(profile\)/);
  });
  it('single-problem and main-contractor policies', () => {
    const rij = request({ products: [{ product: { categorie: '43', code: rijnmond.products[0]!.code }, ingangsdatum: '2025-03-10', einddatum: '2025-12-31' }] });
    expect(rules.mayRequest(rijnmond, { ...rij, problematiek: 'meervoudig' }, '2025-03-03')).toMatch(/^RIJ-VOT-1: a multi-problem/);
    expect(rules.mayRequest(rijnmond, { ...rij, hoofdaannemer: false }, '2025-03-03')).toMatch(/^RIJ-VOT-1: only the main contractor/);
    expect(rules.mayRequest(alkmaar, request({ problematiek: 'meervoudig', hoofdaannemer: false }), '2025-03-03')).toBeUndefined();
  });
  it('retroactive limit, location code and Omvang shape', () => {
    expect(rules.mayRequest(alkmaar, request({ products: [{ ...request().products[0]!, ingangsdatum: '2025-01-01' }] }), '2025-03-03')).toMatch(/^ALK-V1/);
    expect(rules.mayRequest(alkmaar, request({ products: [{ ...request().products[0]!, omvang: { volume: 1, eenheid: '14', frequentie: '1' } }] }), '2025-03-03')).toMatch(/^ALK-T8/);
    const frl = request({ verwijzer: { type: '08' }, products: [{ product: { categorie: '43', code: '43A12' }, ingangsdatum: '2025-03-10' }] });
    expect(rules.mayRequest(fryslan, frl, '2025-03-03')).toMatch(/^FRL-VOT-5/);
    expect(rules.mayRequest(fryslan, { ...frl, products: [{ ...frl.products[0]!, locatiecode: 'LOC-1' }] }, '2025-03-03')).toBeUndefined();
  });
});

describe('retroactive, einddatum, commentaar, changeDate', () => {
  it('retroactive: the profile\'s limit and rule; none without a limit', () => {
    expect(rules.retroactive(fryslan, '2025-02-02', '2025-03-03')).toMatch(/^FRL-VOT-2/);
    expect(rules.retroactive(fryslan, '2025-02-03', '2025-03-03')).toBeUndefined();
    expect(rules.retroactive(utrecht, '2020-01-01', '2025-03-03')).toBeUndefined();
    expect(rules.retroactive(newRegion({ retroactiveLimit: { value: { months: 2 }, source: 'test', rule: 'NWL-V1' } }), '2024-12-31', '2025-03-03')).toMatch(/^NWL-V1/);
  });
  it('einddatum: the given one, else the fixed duration', () => {
    expect(rules.einddatum(alkmaar, { product: { categorie: '45' }, ingangsdatum: '2025-03-01', einddatum: '2025-06-30' })).toBe('2025-06-30');
    expect(rules.einddatum(fryslan, { product: { categorie: '43' }, ingangsdatum: '2025-03-01' })).toBe('2027-02-28');
    expect(rules.einddatum(alkmaar, { product: { categorie: '45' }, ingangsdatum: '2025-03-01' })).toBeUndefined();
  });
  it('commentaar: the location code where the region puts it there', () => {
    expect(rules.commentaar(fryslan, { product: { categorie: '43' }, ingangsdatum: '2025-03-01', locatiecode: 'LOC-1', commentaar: 'x' })).toBe('LOC-1');
    expect(rules.commentaar(alkmaar, { product: { categorie: '45' }, ingangsdatum: '2025-03-01', locatiecode: 'LOC-1', commentaar: 'x' })).toBe('x');
  });
  it('changeDate: a change not after today goes to the municipality where VOWs are never retroactive', () => {
    expect(rules.changeDate(alkmaar, '2025-03-03', '2025-03-03')).toMatch(/^ALK-VOW-1/);
    expect(rules.changeDate(alkmaar, '2025-03-04', '2025-03-03')).toBeUndefined();
    expect(rules.changeDate(utrecht, '2025-01-01', '2025-03-03')).toBeUndefined();
  });
});

describe('mayChange (message set, vowExtension)', () => {
  const same = { toewijzingNummer: 7, einddatum: '2026-12-31', omvang: t.omvang };
  it('extends with the same Omvang before the einddatum for an external referrer', () => {
    expect(rules.mayChange(fryslan, t, same, '2025-06-01', true)).toBeUndefined();
  });
  it('refuses each condition under the profile\'s rule', () => {
    expect(rules.mayChange(fryslan, t, same, '2026-01-05', true)).toMatch(/^FRL-VOW-1: .*ended/);
    expect(rules.mayChange(fryslan, t, same, '2025-06-01', false)).toMatch(/^FRL-VOW-1: .*gebiedsteam/);
    expect(rules.mayChange(fryslan, t, { ...same, omvang: { volume: 5, eenheid: '14', frequentie: '2' } }, '2025-06-01', true)).toMatch(/^FRL-VOW-1: an extension keeps/);
    expect(rules.mayChange(alkmaar, t, same, '2026-01-05', false)).toBeUndefined();
  });
  it('a region without the JW317 does not send one', () => {
    const noVow = { ...utrecht, messages: { ...utrecht.messages, value: utrecht.messages.value.filter((m) => m !== 'JW317') } };
    expect(rules.mayChange(noVow, t, same, '2025-06-01', true)).toMatch(/does not use the JW317/);
  });
});
