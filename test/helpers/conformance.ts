/**
 * `runConformance` called in-process, the way the CLI calls it, with a fresh output folder: for
 * tests that judge a run's verdict and outcomes (the CLI's own parsing and exit codes keep their
 * end-to-end tests: test/http-sut.test.ts, test/inconclusive.test.ts). It runs in a worker
 * thread of this process (conformance-pool.ts): cucumber imports the steps through Node's
 * loader, which the test runner's transform does not reach.
 */
import { mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import type { ConformanceOptions, ConformanceResult } from '../../runner/run-conformance.ts';
import { ConformancePool, type PoolOptions } from './conformance-pool.ts';

export const CLI_DEFAULTS = { answerTimeoutMs: 5000, requestTimeoutMs: 15000, harnessHost: '127.0.0.1', inboxListenHost: '127.0.0.1' } as const;

let pool: ConformancePool | undefined;

/** The run with the CLI's defaults; `code` is the exit code the CLI would give. */
export async function conformanceInProcess(opts: Omit<ConformanceOptions, 'outDir' | 'onScenario' | 'onRegion'> & { outDir?: string }): Promise<{ code: number; verdict: ConformanceResult; runDir: string }> {
  pool ??= new ConformancePool(1, { unref: true });
  const outDir = opts.outDir ?? mkdtempSync(join(tmpdir(), 'ijw-run-'));
  const verdict = await pool.run({ ...CLI_DEFAULTS, ...opts, outDir } satisfies PoolOptions);
  return { code: verdict.exitCode, verdict, runDir: verdict.runDir };
}
