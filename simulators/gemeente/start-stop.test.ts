/**
 * The municipality's judgement of JW305/JW307 (TR019, TR063, TR071, TR074, TR326, TR382,
 * TR413–TR415, OP379): each check, and judgeStart/judgeStop on a ledger (all-or-nothing: the
 * ledger given is never changed).
 */
import { describe, expect, it } from 'vitest';
import type { Jw305 } from '../../ijw/messages/jw305.ts';
import type { Jw307 } from '../../ijw/messages/jw307.ts';
import { emptyLedger, type Ledger, type StartRecord } from '../ledger.ts';
import { judgeStart, judgeStop, nationalStartStopChecks as checks } from './start-stop.ts';
import { referenceAgbRules } from './agb.ts';

const BSN = '999990019';
const AGB = '12345678';

function ledger(): Ledger {
  const l = emptyLedger();
  l.toewijzingen.set(1, { nummer: 1, bsn: BSN, aanbieder: AGB, gemeente: '0361', product: { categorie: '45', code: '45X01' }, toewijzingsdatum: '2025-01-01', toewijzingstijd: '10:00', ingangsdatum: '2025-01-01', einddatum: '2025-12-31' });
  return l;
}
const start = (p: { tnr?: number; begin?: string; status?: '1' | '3' }) =>
  ({ Header: { Afzender: AGB }, Client: { Bsn: BSN, StartProducten: { StartProduct: [{ ToewijzingNummer: p.tnr ?? 1, Begindatum: p.begin ?? '2025-02-01', StatusAanlevering: p.status ?? '1' }] } } }) as unknown as Jw305;
const stop = (p: { begin?: string; eind: string; reden: string; status?: '1' | '3' }) =>
  ({ Header: { Afzender: AGB }, Client: { Bsn: BSN, StopProducten: { StopProduct: [{ ToewijzingNummer: 1, Begindatum: p.begin ?? '2025-02-01', Einddatum: p.eind, RedenBeeindiging: p.reden, StatusAanlevering: p.status ?? '1' }] } } }) as unknown as Jw307;
const codes = (r: { findings: { retourcode?: string }[] }) => r.findings.map((f) => f.retourcode);

describe('the checks', () => {
  const s = (stops: StartRecord['stops'] = []): StartRecord => ({ bsn: BSN, toewijzingNummer: 1, begindatum: '2025-02-01', deleted: false, stops });
  it('map each condition to its retourcode', () => {
    expect(checks.stopNeedsStart(undefined)).toBe('9069');
    expect(checks.keyUnique(s())).toBe('9074');
    expect(checks.oneCurrentStart(s())).toBe('9326');
    expect(checks.linked(false)).toBe('9019');
    expect(checks.startDeletable(undefined)).toBe('9063');
    expect(checks.startDeletable(s([{ einddatum: '2025-03-01', reden: '31', deleted: false }]))).toBe('9071');
    expect(checks.startDeletable(s())).toBeUndefined();
    expect(checks.stopDeletable(undefined)).toBe('9063');
    expect(checks.restart([s([{ einddatum: '2025-03-01', reden: '31', deleted: false }])])).toBeUndefined();
  });
  it('stopSequence: nothing after a definitive stop, one temporary stop per key, no earlier einddatum', () => {
    const p = (eind: string, reden: string) => ({ Einddatum: eind, RedenBeeindiging: reden }) as never;
    expect(checks.stopSequence(s([{ einddatum: '2025-03-01', reden: '31', deleted: false }]), p('2025-04-01', '20'))).toBe('9415');
    expect(checks.stopSequence(s([{ einddatum: '2025-03-01', reden: '20', deleted: false }]), p('2025-04-01', '20'))).toBe('9413');
    expect(checks.stopSequence(s([{ einddatum: '2025-03-01', reden: '20', deleted: false }]), p('2025-02-15', '31'))).toBe('9414');
    expect(checks.stopSequence(s([{ einddatum: '2025-03-01', reden: '20', deleted: false }]), p('2025-04-01', '31'))).toBeUndefined();
    expect(checks.stopSequence(s([{ einddatum: '2025-03-01', reden: '31', deleted: true }]), p('2025-04-01', '31'))).toBeUndefined();
  });
});

describe('judgeStart / judgeStop', () => {
  it('accepts a linked start, refuses a second current one (9326), an unlinked one (9019), the same key again (9074)', () => {
    const l = ledger();
    const first = judgeStart(l, start({}), checks);
    expect(first.findings).toEqual([]);
    expect(l.starts).toEqual([]); // the copy changes, not the ledger given
    expect(codes(judgeStart(first.next, start({ begin: '2025-03-01' }), checks))).toEqual(['9326']);
    expect(codes(judgeStart(first.next, start({}), checks))).toEqual(['9074']);
    expect(codes(judgeStart(l, start({ tnr: 9 }), checks))).toEqual(['9019']);
  });
  it('a stop needs its start (9069); after a stop the start cannot be deleted (9071), after a definitive stop a new start is allowed (OP379)', () => {
    const l = judgeStart(ledger(), start({}), checks).next;
    expect(codes(judgeStop(ledger(), stop({ eind: '2025-03-01', reden: '31' }), checks))).toEqual(['9069']);
    const stopped = judgeStop(l, stop({ eind: '2025-03-01', reden: '31' }), checks);
    expect(stopped.findings).toEqual([]);
    expect(codes(judgeStart(stopped.next, start({ status: '3' }), checks))).toEqual(['9071']);
    expect(judgeStart(stopped.next, start({ begin: '2025-04-01' }), checks).findings).toEqual([]);
  });
  it('deleting a stop that was sent works; one that was not is 9063', () => {
    const l = judgeStop(judgeStart(ledger(), start({}), checks).next, stop({ eind: '2025-03-01', reden: '20' }), checks).next;
    expect(judgeStop(l, stop({ eind: '2025-03-01', reden: '20', status: '3' }), checks).findings).toEqual([]);
    expect(codes(judgeStop(l, stop({ eind: '2025-03-02', reden: '20', status: '3' }), checks))).toEqual(['9063']);
  });
});

describe('AGB change (ALK-AGB-1)', () => {
  const t = ledger().toewijzingen.get(1)!;
  it('moves a toewijzing running on the switch date, not one with totaal or budget, and ends the old one the day before', () => {
    expect(referenceAgbRules.moves(t, AGB, '2025-07-01')).toBe(true);
    expect(referenceAgbRules.moves({ ...t, omvang: { volume: 40, eenheid: '04', frequentie: '6' } }, AGB, '2025-07-01')).toBe(false);
    expect(referenceAgbRules.moves({ ...t, budget: 1000 }, AGB, '2025-07-01')).toBe(false);
    expect(referenceAgbRules.moves({ ...t, einddatum: '2025-06-30' }, AGB, '2025-07-01')).toBe(false);
    expect(referenceAgbRules.moves(t, '87654321', '2025-07-01')).toBe(false);
    expect(referenceAgbRules.oldEnd('2025-07-01')).toBe('2025-06-30');
  });
});
