/**
 * Restart safety of `npm run simulate --journal DIR`, for real: the server runs as its own
 * process, is killed with SIGKILL while messages are in flight (held there by the test-only
 * delay hook, so the window is deterministic), and started again on the same journal. Every
 * message the client saw answered, or that reached the journal, must be either answered or
 * listed as unanswered, and nothing else. SIGTERM drains what is in flight before exiting,
 * and a drain that runs out of time leaves the rest reported.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { tmpdir } from 'node:os';
import { afterEach, describe, expect, it } from 'vitest';
import { deliver, identities, runSteps, type RunIdentity, type Step, type StepResult } from './run-flow.ts';
import type { UnansweredEntry } from '../../simulators/journal.ts';

const ROOT = resolve(import.meta.dirname, '..', '..');

interface Simulate {
  child: ChildProcessWithoutNullStreams;
  url: string;
  out: () => string;
  exited: Promise<number | null>;
}

const children: ChildProcessWithoutNullStreams[] = [];
const dirs: string[] = [];
afterEach(() => {
  for (const c of children.splice(0)) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** `npm run simulate` as one process (node on cli/simulate.ts, as the npm script), so a signal reaches the server, not a wrapper. */
async function simulate(journal: string, extra: string[] = [], env: Record<string, string> = {}): Promise<Simulate> {
  const child = spawn(process.execPath, ['--import', './cli/compile-cache.mjs', join(ROOT, 'cli', 'simulate.ts'), '--region', 'alkmaar', '--as', 'gemeente', '--port', '0', '--quiet', '--journal', journal, ...extra], {
    cwd: ROOT,
    env: { ...process.env, ...env },
  });
  children.push(child);
  let out = '';
  child.stdout.on('data', (d) => (out += d));
  child.stderr.on('data', (d) => (out += d));
  const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
  const url = await new Promise<string>((ok, fail) => {
    const timer = setTimeout(() => fail(new Error(`no start within 20 s:\n${out}`)), 20_000);
    const look = () => {
      const m = /listening on (http:\/\/\S+?);/.exec(out);
      if (m) {
        clearTimeout(timer);
        ok(m[1]!);
      }
    };
    child.stdout.on('data', look);
    void exited.then((code) => fail(new Error(`exited ${code} before listening:\n${out}`)));
  });
  return { child, url, out: () => out, exited };
}

const journalDir = () => {
  const d = mkdtempSync(join(tmpdir(), 'ijw-restart-'));
  dirs.push(d);
  return d;
};

/** The `accepted` records in the journal file as it is now. */
function journalled(dir: string): { run: string; identificatie?: string }[] {
  const file = join(dir, 'journal.ndjson');
  if (!existsSync(file)) return [];
  return readFileSync(file, 'utf8').split('\n').filter((l) => l.startsWith('{"t":"accepted"')).map((l) => JSON.parse(l) as { run: string; identificatie?: string });
}

async function until(ok: () => boolean, what: string, ms = 10_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!ok()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

async function unansweredOf(url: string): Promise<UnansweredEntry[]> {
  return ((await (await fetch(`${url}/conformance/unanswered`)).json()) as { unanswered: UnansweredEntry[] }).unanswered;
}

/** Each run's first messages, delivered at once; resolves with what the client saw of each. */
function sendAll(url: string, runs: RunIdentity[], perRun: number): Promise<{ r: RunIdentity; step: Step; result?: StepResult; error?: string }[]> {
  return Promise.all(runs.flatMap((r) => runSteps(r).slice(0, perRun).map(async (step) => {
    try {
      return { r, step, result: await deliver(url, r.run, step) };
    } catch (e) {
      return { r, step, error: String((e as Error).cause ?? e) };
    }
  })));
}

const key = (run: string, id: string | undefined) => `${run}/${id}`;

/**
 * 'ok' when the client got the answer to that very message: its retour (these runs have no
 * toewijzingen, so every start is refused with 9019, which is fine here), or a 400 for malformed XML.
 */
function answeredOwn(f: { step: Step; result?: StepResult; error?: string }): string {
  if (f.error) return `${f.step.identificatie}: ${f.error}`;
  const r = f.result!;
  if (f.step.expected.status === 400) return r.status === 400 ? 'ok' : `${f.step.identificatie}: HTTP ${r.status}`;
  return r.status === 200 && r.retour?.identificatie === f.step.identificatie ? 'ok' : `${f.step.identificatie}: HTTP ${r.status} answering ${r.retour?.identificatie}`;
}

describe('simulate --journal: restart safety', () => {
  it('after SIGKILL with messages in flight, the restart reports exactly those unanswered', { timeout: 60_000 }, async () => {
    const dir = journalDir();
    const first = await simulate(dir, [], { IJW_SIMULATE_TEST_DELAY_MS: '600000', IJW_SIMULATE_TEST_DELAY_RUNS: 'held-' });
    // Answered before the kill: these must never be reported.
    const fast = await sendAll(first.url, identities('fast', 4), 3);
    expect(fast.map(answeredOwn)).toEqual(fast.map(() => 'ok'));
    // Held in flight (journalled, not answered), a malformed one among them.
    const heldRuns = identities('held', 5);
    const heldSteps = heldRuns.flatMap((r) => runSteps(r).slice(0, 2).map((s) => ({ r, s }))).concat([{ r: heldRuns[0]!, s: runSteps(heldRuns[0]!).at(-1)! }]);
    const held = Promise.all(heldSteps.map(({ r, s }) => deliver(first.url, r.run, s).then(() => 'answered', (e: Error) => String(e.cause ?? e))));
    await until(() => journalled(dir).filter((e) => e.run.startsWith('held-')).length === heldSteps.length, 'the held messages in the journal');
    first.child.kill('SIGKILL');
    expect(await first.exited).toBeNull();
    // The client saw none of the held ones answered.
    expect((await held).filter((h) => h === 'answered')).toEqual([]);

    const accepted = journalled(dir);
    const second = await simulate(dir);
    const listed = await unansweredOf(second.url);
    const answeredKeys = new Set(fast.map((f) => key(f.r.run, f.step.identificatie)));
    // Everything that reached the journal is answered or listed; what is listed is exactly what was held.
    for (const e of accepted) expect(answeredKeys.has(key(e.run, e.identificatie)) || listed.some((u) => key(u.run, u.identificatie) === key(e.run, e.identificatie))).toBe(true);
    expect(listed.map((u) => key(u.run, u.identificatie)).sort()).toEqual(heldSteps.map(({ r, s }) => key(r.run, s.identificatie)).sort());
    expect(listed.map((u) => u.code)).toEqual(heldSteps.map(() => 'JW305'));
    // The malformed one names no client.
    expect(listed.filter((u) => !u.bsn).map((u) => u.identificatie)).toEqual([heldSteps.at(-1)!.s.identificatie]);
    for (const u of listed.filter((x) => x.bsn)) expect(u.bsn).toBe(`*****${heldRuns.find((r) => r.run === u.run)!.bsn.slice(-4)}`);
    // One clear line per message at start, BSN masked; no full BSN anywhere in the output or the journal.
    for (const { r, s } of heldSteps) expect(second.out()).toContain(`unanswered: run=${r.run} JW305 identificatie=${s.identificatie}`);
    const bsns = [...heldRuns, ...identities('fast', 4)].map((r) => r.bsn);
    for (const text of [second.out(), readFileSync(join(dir, 'journal.ndjson'), 'utf8')]) expect(bsns.filter((b) => text.includes(b))).toEqual([]);
    expect(((await (await fetch(`${second.url}/conformance/health`)).json()) as { unanswered: number }).unanswered).toBe(heldSteps.length);

    // The restarted server works, and its own answered messages are not added to the list.
    const after = await sendAll(second.url, identities('after', 2), 2);
    expect(after.map(answeredOwn)).toEqual(['ok', 'ok', 'ok', 'ok']);
    expect(await unansweredOf(second.url)).toHaveLength(heldSteps.length);
    second.child.kill('SIGTERM');
    expect(await second.exited).toBe(0);
    // Still reported by a third life: a second crash cannot lose the report.
    const third = await simulate(dir);
    expect((await unansweredOf(third.url)).map((u) => u.identificatie)).toEqual(listed.map((u) => u.identificatie));
    third.child.kill('SIGTERM');
    expect(await third.exited).toBe(0);
  });

  it('on SIGTERM stops accepting, answers what is in flight, then exits 0', { timeout: 60_000 }, async () => {
    const dir = journalDir();
    const server = await simulate(dir, [], { IJW_SIMULATE_TEST_DELAY_MS: '1500' });
    const runs = identities('drain', 3);
    const inFlight = sendAll(server.url, runs, 2);
    await until(() => journalled(dir).length === 6, 'six messages in the journal');
    server.child.kill('SIGTERM');
    await until(() => server.out().includes('SIGTERM: stopping'), 'the server to stop accepting');
    // Not accepted any more: refused, and nothing of it in the journal.
    const late = await sendAll(server.url, identities('late', 1), 1);
    expect(late[0]!.result?.status === 503 || late[0]!.error !== undefined).toBe(true);
    const seen = await inFlight;
    expect(seen.map(answeredOwn)).toEqual(seen.map(() => 'ok'));
    expect(await server.exited).toBe(0);
    expect(server.out()).toContain('stopped: every accepted message answered');
    expect(journalled(dir).some((e) => e.run.startsWith('late-'))).toBe(false);
    const again = await simulate(dir);
    expect(await unansweredOf(again.url)).toEqual([]);
    again.child.kill('SIGTERM');
    await again.exited;
  });

  it('when the drain time runs out, exits 1 and the next start reports what was left', { timeout: 60_000 }, async () => {
    const dir = journalDir();
    const server = await simulate(dir, ['--drain-timeout', '300'], { IJW_SIMULATE_TEST_DELAY_MS: '600000' });
    const runs = identities('stuck', 2);
    void sendAll(server.url, runs, 1);
    await until(() => journalled(dir).length === 2, 'two messages in the journal');
    server.child.kill('SIGTERM');
    expect(await server.exited).toBe(1);
    expect(server.out()).toMatch(/unanswered: run=stuck-0 JW305 .*drain time exceeded/);
    const again = await simulate(dir);
    expect((await unansweredOf(again.url)).map((u) => [u.run, u.reason])).toEqual(runs.map((r) => [r.run, 'the server shut down before answering (drain time exceeded)']));
    again.child.kill('SIGTERM');
    await again.exited;
  });
});
