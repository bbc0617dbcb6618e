/**
 * The simulator server under load, over real HTTP on loopback: batches of 60 concurrent runs,
 * each delivering its own starts, stops and requests (some wrong on purpose) to the simulated
 * municipality. Every message gets an answer, the answer is the due one and for that run's own
 * message, each run's state holds exactly its own messages, and once the runs are ended
 * (end-run) the heap after GC stays flat from batch to batch. Bounded: about 20 s on 2 cores.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulatorServer, type SimulatorServer } from '../../simulators/simulator-server.ts';
import { maskBsn } from '../../ijw/bsn.ts';
import { act, checkResult, driveRun, identities, type RunIdentity, type StepResult, type Urls } from './run-flow.ts';

const RUNS = 60;
const BATCHES = 3;
/** Heap growth after GC from batch 1 to batch 3 that counts as runs not released. */
const LEAK_BOUND = 3 * 2 ** 20;

let gemeente: SimulatorServer;
let aanbieder: SimulatorServer;
let urls: Urls;

beforeAll(async () => {
  gemeente = await startSimulatorServer({ role: 'gemeente', region: 'alkmaar' });
  aanbieder = await startSimulatorServer({ role: 'aanbieder', region: 'alkmaar' });
  urls = { gemeente: gemeente.url, aanbieder: aanbieder.url };
});
afterAll(async () => {
  await gemeente?.close();
  await aanbieder?.close();
});

/** A real full GC whatever flags vitest started the worker with. */
function collector(): () => void {
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
}

async function heapAfterGc(gc: () => void): Promise<number> {
  for (let i = 0; i < 3; i++) {
    gc();
    await new Promise((r) => setImmediate(r));
  }
  return process.memoryUsage().heapUsed;
}

interface Exchange { direction: string; code: string; xml: string; retourcodes: string[] }

const transcript = async (run: string): Promise<Exchange[]> =>
  (await (await fetch(`${urls.gemeente}/conformance/transcript`, { headers: { 'x-conformance-run': run } })).json()) as Exchange[];

/**
 * Waits for the run's follow-ups (the JW301 ending toewijzing 1001 after the stop, ALK §3.1.3;
 * the JW301 honouring the request) and returns the municipality's transcript.
 */
async function settledTranscript(run: string): Promise<Exchange[]> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const t = await transcript(run);
    const sent301 = t.filter((e) => e.direction === 'sent' && e.code === 'JW301').length;
    const got302 = t.filter((e) => e.direction === 'received' && e.code === 'JW302').length;
    if ((sent301 === 3 && got302 === 3) || Date.now() > deadline) return t;
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** What is wrong with a run's state: anything not its own, or any of its messages missing. */
function checkTranscript(r: RunIdentity, results: StepResult[], t: Exchange[]): string[] {
  const wrong: string[] = [];
  const ids = (e: Exchange) => [...e.xml.matchAll(/<(?:[\w-]+:)?Identificatie>([^<]+)</g)].map((m) => m[1]!);
  const received = t.filter((e) => e.direction === 'received' && ['JW305', 'JW307', 'JW315'].includes(e.code)).map((e) => ids(e)[0]);
  const delivered = results.filter((x) => x.step.expected.status === 200).map((x) => x.step.identificatie);
  if (JSON.stringify(received) !== JSON.stringify(delivered)) wrong.push(`${r.run}: received ${received.join(',')}, delivered ${delivered.join(',')}`);
  const counts = t.map((e) => `${e.direction} ${e.code}`).reduce<Record<string, number>>((c, k) => ({ ...c, [k]: (c[k] ?? 0) + 1 }), {});
  const due = { 'sent JW301': 3, 'received JW302': 3, 'received JW305': 3, 'sent JW306': 3, 'received JW307': 3, 'sent JW308': 3, 'received JW315': 2, 'sent JW316': 2 };
  if (JSON.stringify(counts, Object.keys(due).sort()) !== JSON.stringify(due, Object.keys(due).sort())) wrong.push(`${r.run}: exchanged ${JSON.stringify(counts)}`);
  for (const e of t) {
    // Masked in the transcript: the last four digits are distinct per run.
    const bsns = [...e.xml.matchAll(/<(?:[\w-]+:)?Bsn>([^<]+)</g)].map((m) => m[1]!);
    if (bsns.some((b) => b !== maskBsn(r.bsn))) wrong.push(`${r.run}: ${e.direction} ${e.code} names client ${bsns.join(',')}`);
    const names = [...e.xml.matchAll(/<(?:[\w-]+:)?Achternaam>([^<]+)</g)].map((m) => m[1]!);
    if (names.some((n) => n !== r.achternaam)) wrong.push(`${r.run}: ${e.direction} ${e.code} names ${names.join(',')}`);
    // A retour's first Identificatie is that of the message it answers: this run's.
    if (e.direction === 'sent' && ['JW306', 'JW308', 'JW316'].includes(e.code) && !new RegExp(`^B\\d+R${r.index}M\\d+$`).test(ids(e)[0] ?? '')) wrong.push(`${r.run}: ${e.code} answers ${ids(e)[0]}`);
  }
  return wrong;
}

describe('simulator server under load', () => {
  it(`${BATCHES} batches of ${RUNS} concurrent runs: nothing lost, nothing mixed, every answer due, memory released`, { timeout: 60_000 }, async () => {
    const gc = collector();
    const heap: number[] = [];
    const seconds: number[] = [];
    for (let batch = 0; batch <= BATCHES; batch++) {
      const t0 = performance.now();
      const runs = identities(`load${batch}`, RUNS);
      const outcomes = await Promise.allSettled(runs.map((r) => driveRun(urls, r, batch)));
      const failed = outcomes.flatMap((o, i) => (o.status === 'rejected' ? [`${runs[i]!.run}: ${String(o.reason)}`] : []));
      expect(failed).toEqual([]);
      const results = outcomes.map((o) => (o as PromiseFulfilledResult<StepResult[]>).value);
      // Every message answered (9 per run), each with the answer due to that very message.
      expect(results.flat()).toHaveLength(RUNS * 9);
      expect(results.flatMap((rs, i) => rs.map((x) => checkResult(runs[i]!, x)).filter(Boolean))).toEqual([]);
      const wrong = (await Promise.all(runs.map(async (r, i) => checkTranscript(r, results[i]!, await settledTranscript(r.run))))).flat();
      expect(wrong).toEqual([]);
      // The runs are over: both sides forget them.
      await Promise.all(runs.map(async (r) => {
        await act(urls.gemeente, r.run, { action: 'end-run' });
        await act(urls.aanbieder, r.run, { action: 'end-run' });
      }));
      expect(gemeente.simulator.runCount).toBe(0);
      expect(aanbieder.simulator.runCount).toBe(0);
      expect(await transcript(runs[0]!.run)).toEqual([]);
      seconds.push((performance.now() - t0) / 1000);
      heap.push(await heapAfterGc(gc));
    }
    const mb = heap.map((h) => +(h / 2 ** 20).toFixed(1));
    console.log(`load: ${RUNS} runs x 9 messages per batch; batch seconds ${seconds.map((s) => s.toFixed(1)).join(', ')}; heap after GC MB ${mb.join(', ')}`);
    // Batch 0 warms up (JIT, caches); after it the heap must not climb with each batch. GC
    // noise is about ±0.6 MB; held runs would add about 4.5 MB per batch (the test below).
    expect(heap[BATCHES]! - heap[1]!).toBeLessThan(LEAK_BOUND);
  });

  it('without end-run the runs are held, and that is what the heap bound above would catch', { timeout: 30_000 }, async () => {
    const gc = collector();
    const before = await heapAfterGc(gc);
    const runs = identities('held', RUNS);
    await Promise.all(runs.map((r) => driveRun(urls, r, 9)));
    await Promise.all(runs.map((r) => settledTranscript(r.run)));
    const after = await heapAfterGc(gc);
    expect(gemeente.simulator.runCount).toBe(RUNS);
    console.log(`load: ${RUNS} runs held retain ${((after - before) / 2 ** 20).toFixed(1)} MB`);
    // Two such batches (batch 1 to 3) exceed the bound.
    expect(2 * (after - before)).toBeGreaterThan(LEAK_BOUND);
    await Promise.all(runs.map((r) => Promise.all([act(urls.gemeente, r.run, { action: 'end-run' }), act(urls.aanbieder, r.run, { action: 'end-run' })])));
  });
});
