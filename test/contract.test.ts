/**
 * The harness keeps its own contract (issue 10): a stand-in SUT that uses exactly the freedoms
 * the adapter protocol gives it (retours 202 now and to the inbox later, set-date performed in
 * a background job, per-run state that refuses a second configure) is judged conformant with
 * --parallel 4, for a region per role; too short an --answer-timeout fails it, naming the
 * message waited for and how long; and each faulty variant of points 5–8 is caught on its rule
 * with a failure that names what is wrong.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { ConformancePool, type PoolOptions } from './helpers/conformance-pool.ts';
import { CLI_DEFAULTS } from './helpers/conformance.ts';
import { startContractSut, type ContractVariant, type StartedContractSut } from './stand-in/contract-sut.ts';

interface Outcome { name: string; rules: string[]; outcome: string; role?: string; message?: string }
interface VerdictJson { conformant: boolean; verdict: string; verdicts: { region: string; role: string; passed: number; failed: number; errored: number }[]; outcomes: Outcome[] }

const started: StartedContractSut[] = [];
// One thread, suites at once: the SUT's deliberate delays, not the CPU, take their time.
const pool = new ConformancePool(1, { jobsPerWorker: 4 });
afterAll(async () => {
  await Promise.all(started.map((s) => s.close()));
  await pool.close();
});

async function sut(role: 'gemeente' | 'aanbieder', delayMs: number, variant?: ContractVariant, backgroundActions = false): Promise<StartedContractSut> {
  const s = await startContractSut({ role, delayMs, backgroundActions, ...(variant ? { variant } : {}) });
  started.push(s);
  return s;
}

async function certify(url: string, opts: Omit<PoolOptions, 'sut' | 'outDir'>): Promise<{ code: number; verdict: VerdictJson; out: string }> {
  const verdict = await pool.run({ ...CLI_DEFAULTS, ...opts, sut: url, outDir: mkdtempSync(join(tmpdir(), 'ijw-contract-')) });
  return { code: verdict.exitCode, verdict, out: JSON.stringify(notPassed(verdict)) };
}

const notPassed = (v: VerdictJson) => v.outcomes.filter((o) => o.outcome !== 'pass').map((o) => [o.name, o.outcome, o.message?.slice(0, 400)]);

describe.concurrent('a SUT that uses the contract\'s freedoms', () => {
  // Many event-loop turns: the harness must wait for what it expects, not for a time (steps
  // never sleep a fixed time, test/no-fixed-waits.test.ts; they once slept 50–500 ms).
  const DELAY = 300;
  const ANSWER_TIMEOUT = 2500;
  // Four cucumber workers, four inboxes, four scenarios in flight at once against one SUT.
  const PARALLEL = 4;

  for (const [region, role] of [['utrecht', 'gemeente'], ['utrecht', 'aanbieder']] as const) {
    it(`is conformant in ${region} as ${role}, with --parallel ${PARALLEL} and every retour, decision and action ${DELAY} ms late`, { timeout: 300_000 }, async () => {
      const s = await sut(role, DELAY, undefined, true);
      // The answer timeout as many times the delay as the CLI's default is times 600 ms: a claim
      // that something is not sent waits it out in full, since a background job may still send.
      const { code, verdict, out } = await certify(s.url, { regions: [region], role, parallel: PARALLEL, answerTimeoutMs: ANSWER_TIMEOUT });
      expect(notPassed(verdict), out.slice(-3000)).toEqual([]);
      expect(code).toBe(0);
      expect(verdict.verdict).toBe('conformant');
      // Every scenario had its own run id: none was configured twice.
      expect(s.reconfigured).toEqual([]);
      expect(s.configured).toBe(verdict.outcomes.length);
    });
  }

  it('fails when --answer-timeout is shorter than its delay, naming the message waited for and how long', { timeout: 120_000 }, async () => {
    const s = await sut('aanbieder', 1500);
    const { code, verdict } = await certify(s.url, { regions: ['alkmaar'], role: 'aanbieder', tags: '@rule:IJW-INTREK-1', answerTimeoutMs: 300 });
    expect(code).toBe(1);
    const failed = verdict.outcomes.filter((o) => o.outcome === 'fail');
    expect(failed.length).toBeGreaterThan(0);
    for (const f of failed) expect(f.message).toMatch(/no JW302 for JW301 \S+ \(HTTP 202\) after waiting \d+ ms/);
  });
});

describe('a SUT that answers 400 to a valid action (issue 16)', () => {
  it('fails the scenario, naming the action, the contract version that introduced it and the answer; not INCONCLUSIVE', { timeout: 120_000 }, async () => {
    const s = await sut('aanbieder', 0, 'refuses-change-agb');
    const { code, verdict, out } = await certify(s.url, { regions: ['alkmaar'], role: 'aanbieder', tags: '@rule:ALK-AGB-1', answerTimeoutMs: 1500 });
    expect(code, out.slice(-2000)).toBe(1);
    expect(verdict.verdict).toBe('not-conformant');
    const failed = verdict.outcomes.filter((o) => o.outcome === 'fail');
    expect(failed.length, JSON.stringify(notPassed(verdict))).toBeGreaterThan(0);
    for (const f of failed) {
      expect(f.message).toMatch(/^\[ADAPTER\] The SUT did not take the action 'change-agb' \(introduced in adapter protocol 1\.1\): it answered HTTP 400 \(unknown action: 'change-agb' is not an action of this system\)/m);
      expect(f.message).toMatch(/affects: ALK-AGB-1/);
    }
    expect(verdict.outcomes.filter((o) => o.outcome === 'error')).toEqual([]);
  });
});

describe('a municipality that puts TR304\'s 8187 on the Client (issue 16)', () => {
  it('is conformant: 0233 on the lines and the code on the Client is a placement the standard allows', { timeout: 120_000 }, async () => {
    const s = await sut('gemeente', 0, 'client-level-8187');
    const { code, verdict, out } = await certify(s.url, { regions: ['alkmaar'], role: 'gemeente', tags: '@rule:TR304', answerTimeoutMs: 1500 });
    expect(code, `${out.slice(-2000)}\n${JSON.stringify(notPassed(verdict))}`).toBe(0);
    expect(verdict.outcomes.length).toBeGreaterThan(0);
  });
});

describe.concurrent('faulty variants of the contract are caught on their rule', () => {
  const cases: { variant: ContractVariant; role: 'gemeente' | 'aanbieder'; tags: string; rule: RegExp; text: RegExp }[] = [
    // Point 5: the retour in the HTTP answer is read like any other message.
    { variant: 'retour-breaks-xsd', role: 'aanbieder', tags: '@rule:IJW-INTREK-1', rule: /^\[XSD\] JW302 /m, text: /XsdVersieRetour/ },
    // Point 6: the withdrawn toewijzing's JW301 gets no JW302; the first one's does not count.
    { variant: 'second-301-unanswered', role: 'aanbieder', tags: '@rule:IJW-INTREK-1', rule: /JW301 \S+ got no JW302|no JW302 for JW301/, text: /HTTP 202\) after waiting \d+ ms/ },
    // Point 7: a VOT to Bergen sent to Alkmaar.
    { variant: 'wrong-ontvanger', role: 'aanbieder', tags: '@rule:ALK-CODES', rule: /^\[IJW-ADDR\] JW315 \S+ \/Bericht\/Header\/Ontvanger/m, text: /Ontvanger 0361/ },
    // Point 8: two JW301s with one Identificatie.
    { variant: 'repeated-identificatie', role: 'gemeente', tags: '@rule:IJW-INTREK-1', rule: /^\[TR056 · 9056\] JW301 G00000000001 /m, text: /Identificatie G00000000001 again/ },
  ];
  for (const c of cases) {
    it(`${c.variant} (${c.role}) is caught`, { timeout: 120_000 }, async () => {
      const s = await sut(c.role, 50, c.variant);
      const { code, verdict, out } = await certify(s.url, { regions: ['alkmaar'], role: c.role, tags: c.tags, answerTimeoutMs: 1500 });
      expect(code, out.slice(-2000)).toBe(1);
      const failed = verdict.outcomes.filter((o) => o.outcome === 'fail');
      expect(failed.length, JSON.stringify(notPassed(verdict))).toBeGreaterThan(0);
      expect(failed.some((f) => c.rule.test(f.message ?? '') && c.text.test(f.message ?? '')), JSON.stringify(failed.map((f) => f.message))).toBe(true);
      expect(verdict.outcomes.filter((o) => o.outcome === 'error')).toEqual([]);
    });
  }
});
