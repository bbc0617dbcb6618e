/**
 * The journal on its own (in-process): accepted minus answered is reported after a restart,
 * carried over until removed, a torn last line does not stop a start, one server per journal,
 * and an answer the connection could not take is reported by the running server.
 */
import { appendFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { spawnSync } from 'node:child_process';
import { request } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { Journal, JournalError, NOT_ANSWERED_BEFORE_STOP } from './journal.ts';
import { deliversMessage, peekEnvelope } from './envelope.ts';
import { startSimulatorServer } from './simulator-server.ts';
import { identities, runSteps } from '../test/load/run-flow.ts';

const dirs: string[] = [];
const tempDir = () => {
  const d = mkdtempSync(join(tmpdir(), 'ijw-journal-'));
  dirs.push(d);
  return d;
};
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

const env = (run: string, identificatie: string) => ({ run, code: 'JW305', identificatie, bsn: '*****0006', bytes: 100 });

describe('journal', () => {
  it('reports after a restart exactly what was accepted and not answered, and keeps reporting it', () => {
    const dir = tempDir();
    const j1 = Journal.open(dir);
    expect(j1.carried).toEqual([]);
    const a = j1.accept(env('r1', 'A'));
    const b = j1.accept(env('r1', 'B'));
    const c = j1.accept(env('r2', 'C'));
    j1.answered(b, 200);
    expect(j1.inFlight().map((e) => e.identificatie)).toEqual(['A', 'C']);
    // Closing writes nothing: for the file this is the same as dying here (the lock is tested below).
    j1.close();

    const j2 = Journal.open(dir);
    expect(j2.carried.map((e) => [e.seq, e.run, e.identificatie, e.reason])).toEqual([[a, 'r1', 'A', NOT_ANSWERED_BEFORE_STOP], [c, 'r2', 'C', NOT_ANSWERED_BEFORE_STOP]]);
    expect(j2.carried[0]!.boot).toBe(j1.boot);
    // Numbering goes on, so a new message can never be taken for an old one.
    expect(j2.accept(env('r3', 'D'))).toBe(c + 1);
    j2.close();

    // Compacted at open: only what still matters is in the file, and a third start reports it again.
    const j3 = Journal.open(dir);
    expect(j3.carried.map((e) => e.identificatie)).toEqual(['A', 'C', 'D']);
    expect(readFileSync(j3.file, 'utf8').trim().split('\n')).toHaveLength(3);
    j3.close();
  });

  it('skips a line torn by a crash and says so', () => {
    const dir = tempDir();
    const j = Journal.open(dir);
    j.accept(env('r1', 'A'));
    j.close();
    appendFileSync(join(dir, 'journal.ndjson'), '{"t":"answered","se');
    const again = Journal.open(dir);
    expect(again.unreadableLines).toBe(1);
    expect(again.carried.map((e) => e.identificatie)).toEqual(['A']);
    again.close();
  });

  it('compacts a large journal without losing what is in flight or unanswered', () => {
    const dir = tempDir();
    const j = Journal.open(dir, { compactBytes: 2000, fsync: false });
    const held = j.accept(env('held', 'H'));
    const lost = j.accept(env('lost', 'L'));
    j.unanswered(lost, 'the connection closed before the answer was written');
    for (let i = 0; i < 50; i++) j.answered(j.accept(env('r', `M${i}`)), 200);
    expect(readFileSync(j.file, 'utf8').length).toBeLessThan(2000);
    expect(j.inFlight().map((e) => e.seq)).toEqual([held]);
    j.close();
    const again = Journal.open(dir);
    expect(again.carried.map((e) => [e.identificatie, e.reason])).toEqual([['H', NOT_ANSWERED_BEFORE_STOP], ['L', 'the connection closed before the answer was written']]);
    again.close();
  });

  it('is used by one server at a time; a lock left by a dead process is taken over', () => {
    const dir = tempDir();
    const j = Journal.open(dir);
    expect(() => Journal.open(dir)).toThrow(JournalError);
    j.close();
    const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']).stdout.toString();
    writeFileSync(join(dir, 'journal.lock'), dead);
    const taken = Journal.open(dir);
    expect(readFileSync(join(dir, 'journal.lock'), 'utf8')).toBe(String(process.pid));
    taken.close();
    // A live holder (this test's parent process) keeps it.
    writeFileSync(join(dir, 'journal.lock'), String(process.ppid));
    expect(() => Journal.open(dir)).toThrow(/in use by process/);
  });

  it('keeps envelopes only: BSNs masked, no document', () => {
    const dir = tempDir();
    const [r] = identities('env', 1);
    const step = runSteps(r!)[0]!;
    const j = Journal.open(dir);
    j.accept(peekEnvelope(r!.run, Buffer.from(step.xml)));
    j.close();
    const text = readFileSync(join(dir, 'journal.ndjson'), 'utf8');
    expect(JSON.parse(text)).toMatchObject({ t: 'accepted', run: 'env-0', code: 'JW305', identificatie: step.identificatie, bsn: '*****0006', bytes: Buffer.byteLength(step.xml) });
    expect(text).not.toContain(r!.bsn);
    expect(text).not.toContain(r!.achternaam);
  });
});

describe('envelope', () => {
  it('reads code, identificatie and masked BSN without parsing, and survives anything', () => {
    const doc = '<x:Bericht xmlns:x="http://www.istandaarden.nl/ijw/3_2/jw307/schema"><x:Identificatie>ID-1</x:Identificatie><x:Bsn>999900006</x:Bsn>';
    expect(peekEnvelope('r', Buffer.from(doc))).toEqual({ run: 'r', code: 'JW307', identificatie: 'ID-1', bsn: '*****0006', bytes: doc.length });
    expect(peekEnvelope('r\nx', Buffer.from([0, 255, 60]))).toEqual({ run: 'r?x', code: 'unknown', bytes: 3 });
    expect(deliversMessage('POST', '/berichten')).toBe(true);
    expect(deliversMessage('POST', '/berichten?run=1')).toBe(true);
    expect(deliversMessage('POST', '/conformance/actions')).toBe(false);
    expect(deliversMessage('GET', '/berichten')).toBe(false);
  });
});

describe('journalled server', () => {
  it('reports a message whose sender hung up before the answer was written', { timeout: 20_000 }, async () => {
    const dir = tempDir();
    const warnings: string[] = [];
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    const sim = await startSimulatorServer({ role: 'gemeente', region: 'alkmaar', journalDir: dir, warn: (l) => warnings.push(l), beforeProcessing: () => held });
    try {
      const [r] = identities('hangup', 1);
      const step = runSteps(r!)[0]!;
      const url = new URL(`${sim.url}/berichten`);
      const req = request(url, { method: 'POST', headers: { 'content-type': 'application/xml', 'x-conformance-run': r!.run } });
      req.on('error', () => undefined);
      req.end(step.xml);
      await until(() => sim.journal!.inFlight().length === 1);
      req.destroy();
      await until(() => sim.journal!.unansweredEntries().length === 1);
      release();
      expect(sim.journal!.unansweredEntries()).toMatchObject([{ run: r!.run, code: 'JW305', identificatie: step.identificatie, bsn: '*****0006', reason: 'the connection closed before the answer was written' }]);
      expect(warnings.join('\n')).toContain(`unanswered: run=${r!.run} JW305 identificatie=${step.identificatie} bsn=*****0006`);
      const health = (await (await fetch(`${sim.url}/conformance/health`)).json()) as { unanswered?: number };
      expect(health.unanswered).toBe(1);
    } finally {
      release();
      await sim.close();
    }
  });
});

async function until(ok: () => boolean, ms = 5000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!ok()) {
    if (Date.now() > deadline) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 10));
  }
}
