/**
 * The municipality's judgement of JW305 and JW307 (national rules TR019, TR063, TR071, TR074,
 * TR326, TR382, TR413–TR415). Each check is a named function so a faulty variant can replace
 * exactly one of them.
 */
import type { Jw305, Jw305StartProduct } from '../../ijw/messages/jw305.ts';
import type { Jw307, Jw307StopProduct } from '../../ijw/messages/jw307.ts';
import type { Finding } from '../../ijw/findings.ts';
import { crossFinding } from '../party.ts';
import { cloneLedger, isCurrent, isDeleted, liveStops, type Ledger, type StartRecord, type StopRecord } from '../ledger.ts';

export interface StartStopChecks {
  /** TR382 → 9069: a stop needs a start with the same key. */
  stopNeedsStart(start: StartRecord | undefined): string | undefined;
  /** TR074 → 9074: a new start's key (Bsn, ToewijzingNummer, Begindatum) was not delivered before (a deleted one does not count). */
  keyUnique(earlier: StartRecord | undefined): string | undefined;
  /** TR326 → 9326: at most one current start per toewijzing. */
  oneCurrentStart(current: StartRecord | undefined): string | undefined;
  /** TR413/TR414/TR415 on a new stop for a start that already has one. */
  stopSequence(start: StartRecord, stop: Jw307StopProduct): string | undefined;
  /** TR019 → 9019: a start or stop links to a toewijzing of that client at that provider. */
  linked(isLinked: boolean): string | undefined;
  /** TR063/TR071 → 9063/9071: a start can be deleted if it was sent and has no stop. */
  startDeletable(start: StartRecord | undefined): string | undefined;
  /** TR063 → 9063: a stop can be deleted if it was sent (IJW-STOP-3). */
  stopDeletable(stop: StopRecord | undefined): string | undefined;
  /** OP379: after any stop a new start is allowed (IJW-STOP-5); `earlier` are the toewijzing's earlier starts. */
  restart(earlier: StartRecord[]): string | undefined;
}

export const nationalStartStopChecks: StartStopChecks = {
  stopNeedsStart: (start) => (start ? undefined : '9069'),
  keyUnique: (earlier) => (earlier ? '9074' : undefined),
  oneCurrentStart: (current) => (current ? '9326' : undefined),
  stopSequence(start, stop) {
    const live = liveStops(start);
    if (live.some((s) => s.reden !== '20')) return '9415';
    if (stop.RedenBeeindiging === '20' && live.some((s) => s.reden === '20')) return '9413';
    if (live.some((s) => s.einddatum > stop.Einddatum)) return '9414';
    return undefined;
  },
  linked: (isLinked) => (isLinked ? undefined : '9019'),
  startDeletable: (start) => (!start ? '9063' : liveStops(start).length ? '9071' : undefined),
  stopDeletable: (stop) => (stop ? undefined : '9063'),
  restart: () => undefined,
};

const RULE_OF: Record<string, string> = { '9019': 'TR019', '9063': 'TR063', '9069': 'TR382', '9071': 'TR071', '9074': 'TR074', '9326': 'TR326', '9413': 'TR413', '9414': 'TR414', '9415': 'TR415' };
const TEXT_OF: Record<string, string> = {
  '9019': 'the product cannot be linked to a toewijzing (ToewijzingNummer unknown for this client and provider)',
  '9063': 'there is no earlier delivery with the same key to delete',
  '9069': 'there is no current start with the same key (Bsn, ToewijzingNummer, Begindatum)',
  '9071': 'the start cannot be deleted: a stop was already sent for it',
  '9074': 'a delivery with the same key was already received',
  '9326': 'the current delivery has not been stopped yet: a second start is not allowed',
  '9413': 'a temporary stop (reden 20) already exists for this key',
  '9414': 'Einddatum is before the Einddatum of the current stop on this key',
  '9415': 'a definitive stop already exists for this key',
};

function finding(code: 'JW305' | 'JW307', path: string, rc: string): Finding {
  return crossFinding(code, path, RULE_OF[rc] ?? rc, rc, TEXT_OF[rc] ?? rc);
}

const sameKey = (s: StartRecord, bsn: string, tnr: number | undefined, begin: string) => !s.deleted && s.bsn === bsn && s.toewijzingNummer === tnr && s.begindatum === begin;

function linkedToewijzing(ledger: Ledger, bsn: string, aanbieder: string, tnr: number | undefined): boolean {
  if (tnr === undefined) return false;
  const t = ledger.toewijzingen.get(tnr);
  return !!t && t.bsn === bsn && t.aanbieder === aanbieder && !isDeleted(t);
}

/** Judges a JW305 against a copy of the ledger; the copy becomes the ledger only on acceptance. */
export function judgeStart(ledger: Ledger, msg: Jw305, checks: StartStopChecks): { findings: Finding[]; next: Ledger } {
  const next = cloneLedger(ledger);
  const bsn = msg.Client.Bsn;
  const findings: Finding[] = [];
  msg.Client.StartProducten.StartProduct.forEach((p: Jw305StartProduct, i) => {
    const path = `/Bericht/Client/StartProducten/StartProduct[${i + 1}]`;
    const tnr = p.ToewijzingNummer;
    const unlinked = checks.linked(linkedToewijzing(next, bsn, msg.Header.Afzender, tnr));
    if (unlinked) return void findings.push(finding('JW305', path, unlinked));
    if (p.StatusAanlevering === '3') {
      const s = next.starts.find((x) => sameKey(x, bsn, tnr, p.Begindatum));
      const no = checks.startDeletable(s);
      if (no) return void findings.push(finding('JW305', path, no));
      if (s) s.deleted = true;
      return;
    }
    // TR074: the key is unique across all earlier messages, also once that start was stopped (a deleted one does not count).
    const dup = checks.keyUnique(next.starts.find((x) => sameKey(x, bsn, tnr, p.Begindatum)));
    if (dup) return void findings.push(finding('JW305', path, dup));
    const rc = checks.oneCurrentStart(next.starts.find((x) => x.bsn === bsn && x.toewijzingNummer === tnr && isCurrent(x))) ?? checks.restart(next.starts.filter((x) => x.bsn === bsn && x.toewijzingNummer === tnr && !x.deleted));
    if (rc) return void findings.push(finding('JW305', path, rc));
    next.starts.push({ bsn, toewijzingNummer: tnr!, begindatum: p.Begindatum, deleted: false, stops: [] });
  });
  return { findings, next };
}

/** Judges a JW307 against a copy of the ledger. */
export function judgeStop(ledger: Ledger, msg: Jw307, checks: StartStopChecks): { findings: Finding[]; next: Ledger } {
  const next = cloneLedger(ledger);
  const bsn = msg.Client.Bsn;
  const findings: Finding[] = [];
  msg.Client.StopProducten.StopProduct.forEach((p: Jw307StopProduct, i) => {
    const path = `/Bericht/Client/StopProducten/StopProduct[${i + 1}]`;
    const tnr = p.ToewijzingNummer;
    const unlinked = checks.linked(linkedToewijzing(next, bsn, msg.Header.Afzender, tnr));
    if (unlinked) return void findings.push(finding('JW307', path, unlinked));
    const start = next.starts.find((x) => sameKey(x, bsn, tnr, p.Begindatum));
    if (p.StatusAanlevering === '3') {
      const stop = start && liveStops(start).find((s) => s.einddatum === p.Einddatum && s.reden === p.RedenBeeindiging);
      const no = checks.stopDeletable(stop);
      if (no) return void findings.push(finding('JW307', path, no));
      if (stop) stop.deleted = true;
      return;
    }
    const rc = checks.stopNeedsStart(start);
    if (rc) return void findings.push(finding('JW307', path, rc));
    if (!start) return;
    const seq = checks.stopSequence(start, p);
    if (seq) return void findings.push(finding('JW307', path, seq));
    start.stops.push({ einddatum: p.Einddatum, reden: p.RedenBeeindiging, deleted: false });
  });
  return { findings, next };
}
