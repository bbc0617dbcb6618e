/**
 * `runConformance` called in this thread, the way the CLI calls it, with a fresh output folder:
 * for tests that judge a run's verdict and outcomes (the CLI's own parsing and exit codes have
 * their end-to-end tests: test/http-sut.test.ts, test/inconclusive.test.ts).
 */
import { mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { runConformance, type ConformanceOptions, type ConformanceResult } from '../../runner/run-conformance.ts';

export const CLI_DEFAULTS = { answerTimeoutMs: 5000, requestTimeoutMs: 15000, harnessHost: '127.0.0.1', inboxListenHost: '127.0.0.1' } as const;

/** The run with the CLI's defaults; `code` is the exit code the CLI would give. */
export async function conformanceInProcess(opts: Omit<ConformanceOptions, 'outDir'> & { outDir?: string }): Promise<{ code: number; verdict: ConformanceResult; runDir: string }> {
  const outDir = opts.outDir ?? mkdtempSync(join(tmpdir(), 'ijw-run-'));
  const verdict = await runConformance({ ...CLI_DEFAULTS, ...opts, outDir });
  return { code: verdict.exitCode, verdict, runDir: verdict.runDir };
}
