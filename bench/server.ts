/**
 * The simulator server's throughput and latency over real HTTP on loopback: `runs` concurrent
 * runs, each delivering `messagesPerRun` messages one after another to the simulated
 * municipality (the load test's flow: starts, stops, requests, some refused on purpose). The
 * client runs in the same process, so on 2 cores the figures are those of server and client
 * together. Set-up (configure, allocate) and a warm-up round are not timed: the figures are
 * those of a warm server.
 *
 *   npm run bench:server [-- --runs 60 --messages 9 --journal]
 * prints one line; bench/run.ts calls benchServer().
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';
import { startSimulatorServer } from '../simulators/simulator-server.ts';
import { act, checkResult, deliverAll, identities, runSteps, setUpRun, type RunIdentity, type Urls } from '../test/load/run-flow.ts';

export interface ServerBenchResult {
  messages: number;
  seconds: number;
  perSecond: number;
  p50ms: number;
  p99ms: number;
  /** Highest resident set of the process (server and client) sampled during the timed round, MiB. */
  rssMB: number;
}

export class BenchFailure extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BenchFailure';
  }
}

/** Runs the benchmark; `journal` also measures the write-ahead journal (fsync per message). */
export async function benchServer(opts: { runs?: number; messagesPerRun?: number; journal?: boolean } = {}): Promise<ServerBenchResult> {
  const runs = opts.runs ?? 60;
  const perRun = opts.messagesPerRun ?? 9;
  if (!Number.isInteger(runs) || runs < 1 || !Number.isInteger(perRun) || perRun < 1) throw new RangeError('runs and messagesPerRun must be positive integers');
  const dir = opts.journal ? mkdtempSync(join(tmpdir(), 'ijw-bench-journal-')) : undefined;
  const gemeente = await startSimulatorServer({ role: 'gemeente', region: 'alkmaar', maxRuns: runs + 100, ...(dir ? { journalDir: dir } : {}) });
  const aanbieder = await startSimulatorServer({ role: 'aanbieder', region: 'alkmaar', maxRuns: runs + 100 });
  const urls: Urls = { gemeente: gemeente.url, aanbieder: aanbieder.url };
  try {
    // Two rounds as wide as the timed one: a single one still leaves a tail of one-off costs
    // (connections, optimisation) of several hundred ms in the first timed round.
    for (const w of [0, 1]) await round(urls, identities(`warm${w}`, runs), w, Math.min(perRun, 9));
    const { latencies, seconds, rss } = await round(urls, identities('bench', runs), 2, perRun);
    latencies.sort((a, b) => a - b);
    const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))]!;
    return {
      messages: latencies.length,
      seconds: round3(seconds),
      perSecond: Math.round(latencies.length / seconds),
      p50ms: round3(at(0.5)),
      p99ms: round3(at(0.99)),
      rssMB: Math.round(rss / 2 ** 20),
    };
  } finally {
    await gemeente.close();
    await aanbieder.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  }
}

/** Sets up every run, then times their messages delivered concurrently; every answer must be the due one. */
async function round(urls: Urls, runs: RunIdentity[], batch: number, perRun: number): Promise<{ latencies: number[]; seconds: number; rss: number }> {
  await Promise.all(runs.map((r) => setUpRun(urls, r)));
  const steps = runs.map((r) => runSteps(r, batch, perRun));
  // Sampled, not the process's lifetime peak: bench/run.ts measures larger things first.
  let rss = process.memoryUsage().rss;
  const sampler = setInterval(() => (rss = Math.max(rss, process.memoryUsage().rss)), 20);
  const t0 = performance.now();
  const results = await Promise.all(runs.map((r, i) => deliverAll(urls.gemeente, r.run, steps[i]!))).finally(() => clearInterval(sampler));
  const seconds = (performance.now() - t0) / 1000;
  rss = Math.max(rss, process.memoryUsage().rss);
  const wrong = results.flatMap((rs, i) => rs.map((x) => checkResult(runs[i]!, x)).filter(Boolean));
  if (wrong.length) throw new BenchFailure(`${wrong.length} wrong answer(s), first: ${wrong[0]}`);
  await Promise.all(runs.map((r) => Promise.all([act(urls.gemeente, r.run, { action: 'end-run' }), act(urls.aanbieder, r.run, { action: 'end-run' })])));
  return { latencies: results.flat().map((x) => x.ms), seconds, rss };
}

const round3 = (n: number) => Math.round(n * 1000) / 1000;

export function formatServerBench(r: ServerBenchResult, label = 'simulator server'): string {
  return `${label}: ${r.messages} messages in ${r.seconds.toFixed(2)} s = ${r.perSecond} messages/s; latency p50 ${r.p50ms.toFixed(1)} ms, p99 ${r.p99ms.toFixed(1)} ms; RSS ${r.rssMB} MB`;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const arg = (name: string) => {
    const i = process.argv.indexOf(name);
    return i > 0 ? Number(process.argv[i + 1]) : undefined;
  };
  const journal = process.argv.includes('--journal');
  const runs = arg('--runs');
  const messagesPerRun = arg('--messages');
  const r = await benchServer({ ...(runs ? { runs } : {}), ...(messagesPerRun ? { messagesPerRun } : {}), journal });
  console.log(formatServerBench(r, `simulator server (${runs ?? 60} runs${journal ? ', journal' : ''})`));
}
