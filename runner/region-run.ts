/**
 * One region of a conformance run: cucumber over the national and the region's features, its
 * message stream written to `<runDir>/<region>.ndjson`, and its scenario outcomes. Runs in the
 * calling thread or in a worker thread (region-workers.ts); holds nothing between calls.
 */
import { createWriteStream, existsSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadConfiguration, loadSupport, runCucumber } from '@cucumber/cucumber/api';
import type { Envelope } from '@cucumber/messages';
import type { RegionId } from '../regions/catalogue.ts';
import { packs } from '../regions/index.ts';
import { OutcomeCollector, type Role, type ScenarioOutcome } from './verdicts.ts';
import { HarnessError } from './sut-client.ts';
import { defaultParams, type WorldParams } from '../steps/support/params.ts';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** What a region run needs; plain data, so it crosses to a worker thread as it is. */
export interface RegionJob {
  region: RegionId;
  runDir: string;
  roles: Role[];
  /** World parameters apart from the defaults. */
  params: Partial<WorldParams> & Pick<WorldParams, 'region' | 'sut' | 'runId'>;
  tags?: string;
  parallel: number;
}

export interface RegionRunResult {
  region: RegionId;
  outcomes: ScenarioOutcome[];
}

export interface RegionRunProgress {
  /** Where cucumber's own progress goes (default: this process's stdout). */
  stdout?: NodeJS.WritableStream;
  onRegion?(total: number): void;
  onScenario?(o: ScenarioOutcome & { index: number; total: number }): void;
}

type SupportLibrary = Awaited<ReturnType<typeof loadSupport>>;
let stepLibrary: Promise<SupportLibrary> | undefined;

/**
 * The step definitions and hooks. They register when their modules are imported, which an ES
 * module is once per thread, so they are loaded once and shared: code, not state (a run's state
 * lives in its scope, steps/support/run-scope.ts). A promise, so calls that overlap share one load.
 */
function steps(runConfiguration: Parameters<typeof loadSupport>[0]): Promise<SupportLibrary> {
  stepLibrary ??= loadSupport(runConfiguration, { cwd: ROOT });
  return stepLibrary;
}

export async function runRegion(job: RegionJob, progress: RegionRunProgress = {}): Promise<RegionRunResult> {
  const { region, roles } = job;
  const params: WorldParams = defaultParams(job.params);
  const tagExpr = [`(@national or @region:${region})`, `(${roles.map((r) => `@role:${r}`).join(' or ')})`, ...(job.tags ? [`(${job.tags})`] : [])].join(' and ');
  // The region's features live in its pack (regions/<id>/features, or a pack in IJW_REGION_PACKS).
  const own = packs[region]!.featuresDir;
  const ownGlob = (own.startsWith(ROOT + sep) ? relative(ROOT, own).split(sep).join('/') : own) + '/**/*.feature';
  const paths = ['features/national/**/*.feature', ...(existsSync(own) ? [ownGlob] : [])];
  const { runConfiguration } = await loadConfiguration(
    {
      file: false,
      provided: {
        paths,
        import: ['steps/**/*.ts'],
        tags: tagExpr,
        worldParameters: params as unknown as Record<string, unknown>,
        parallel: job.parallel,
        format: [],
        publish: false,
      } as never,
    },
    { cwd: ROOT },
  );
  // With cucumber's own workers (--parallel) each loads the steps itself, by this library's coordinates and ids.
  (runConfiguration as { support?: unknown }).support = await steps(runConfiguration);
  const out = createWriteStream(join(job.runDir, `${region}.ndjson`));
  const collector = new OutcomeCollector();
  let regionAnnounced = false;
  let index = 0;
  const result = await runCucumber(runConfiguration, { cwd: ROOT, stdout: (progress.stdout ?? process.stdout) as NodeJS.WriteStream, stderr: process.stderr }, (e: Envelope) => {
    out.write(`${JSON.stringify(e)}\n`);
    if (e.testCaseStarted && !regionAnnounced && collector.total) {
      regionAnnounced = true;
      progress.onRegion?.(collector.total);
    }
    const o = collector.add(e);
    if (o) progress.onScenario?.({ ...o, index: ++index, total: collector.total });
  });
  await new Promise<void>((r) => out.end(r));
  if (!result.success && collector.outcomes.length === 0) {
    throw new HarnessError('USAGE', `Cucumber could not run the ${region} features (see the errors above)`);
  }
  return { region, outcomes: collector.outcomes };
}
