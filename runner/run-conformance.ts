/**
 * runConformance: the programmatic API behind `npm run conformance` (and the tests). It starts
 * the SUT's container when asked, runs cucumber once per region (national + regional features;
 * regions at once in worker threads against the reference parties), collects the message
 * stream into the run directory, computes the verdict per region and role, and renders the
 * reports. Re-entrant: everything a run holds is its own (runner/region-run.ts,
 * steps/support/run-scope.ts), so calls may follow each other or overlap in one process.
 */
import { randomUUID } from 'node:crypto';
import { mkdirSync, writeFileSync, rmSync, cpSync, readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join, resolve } from 'node:path';
import { REGION_IDS, type RegionId } from '../regions/catalogue.ts';
import { EXIT_CODE, overallVerdict, verdicts, type Role, type RoleVerdict, type ScenarioOutcome, type VerdictLabel } from './verdicts.ts';
import { HarnessError, waitForSut } from './sut-client.ts';
import type { SutTarget } from '../steps/support/params.ts';
import { ROOT, runRegion, type RegionJob, type RegionRunResult } from './region-run.ts';
import { runRegionsInWorkers } from './region-workers.ts';
import type { SutForRunOptions } from './container/for-run.ts';

export { ROOT };
export const HARNESS_VERSION: string = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version;

export interface ConformanceOptions {
  regions: RegionId[];
  role: Role | 'both';
  /** Base URL of the vendor's system; absent: the built-in reference implementations. */
  sut?: string;
  /** For reports: a container image the SUT runs from (set from `container` when that is given). */
  sutImage?: string;
  /** Run the SUT from a container image for the run's length (`--sut-image`): started, judged, stopped. */
  container?: Omit<SutForRunOptions, 'inboxPort'>;
  /** Extra cucumber tag expression. */
  tags?: string;
  parallel?: number;
  /** Where runs go; each run gets `<outDir>/<runId>/` and `<outDir>/latest/`. */
  outDir: string;
  /** Faulty variants of the reference implementations (self-test). */
  faults?: string[];
  answerTimeoutMs?: number;
  requestTimeoutMs?: number;
  harnessHost?: string;
  inboxListenHost?: string;
  inboxPort?: number;
  maskBsn?: boolean;
  /** Called for each finished scenario. */
  onScenario?: (o: ScenarioOutcome & { region: RegionId; index: number; total: number }) => void;
  onRegion?: (region: RegionId, total: number) => void;
  /** Skip rendering HTML/JUnit/summary (the caller renders). */
  noReports?: boolean;
  /**
   * Regions run at once in this many worker threads against the reference parties (default: one
   * per core, at most one per region; 1: one after the other in this thread). A SUT over HTTP
   * always has its regions one after the other, as before.
   */
  regionWorkers?: number;
  /** Where cucumber's own progress (dots and totals) goes; default stdout. */
  cucumberOutput?: NodeJS.WritableStream;
}

export interface ConformanceResult {
  runId: string;
  runDir: string;
  verdicts: RoleVerdict[];
  outcomes: (ScenarioOutcome & { region: RegionId })[];
  conformant: boolean;
  verdict: VerdictLabel;
  /** 0 conformant, 1 not conformant, 3 inconclusive (a harness error: no verdict on the SUT). */
  exitCode: 0 | 1 | 3;
  /** The image the SUT ran from, as the engine names it (with `container`): what a certificate names by digest. */
  containerImage?: string;
}

export function parseRegions(arg: string): RegionId[] {
  if (arg === 'all') return [...REGION_IDS];
  const ids = arg.split(',').map((s) => s.trim().toLowerCase());
  for (const id of ids) {
    if (!(REGION_IDS as readonly string[]).includes(id)) throw new HarnessError('USAGE', `Unknown region '${id}'. Choose one of: ${REGION_IDS.join(', ')}, all`);
  }
  return ids as RegionId[];
}

/** The usage errors of how a SUT is named: the CLI checks them before anything else (a certificate's refusal included). */
export function checkSutOptions(o: { sut?: string | undefined; container?: boolean; role: Role | 'both' }): void {
  if ((o.sut || o.container) && o.role === 'both') throw new HarnessError('USAGE', 'With --sut or --sut-image, say which role the system under test plays: --role gemeente or --role aanbieder');
  if (o.sut && !/^https?:\/\/[^/]+/.test(o.sut)) throw new HarnessError('USAGE', `--sut must be an http(s) base URL, got '${o.sut}'`);
}

export async function runConformance(opts: ConformanceOptions): Promise<ConformanceResult> {
  checkSutOptions({ sut: opts.sut, container: !!opts.container, role: opts.role });
  if (!opts.container) return run(opts);
  // The container lives exactly as long as the run: the inbox port it is told must be the one the harness listens on.
  const { startSutForRun } = await import('./container/for-run.ts');
  const sut = await startSutForRun({ ...opts.container, ...(opts.inboxPort ? { inboxPort: opts.inboxPort } : {}) });
  try {
    const result = await run(
      { ...opts, sut: sut.url, sutImage: opts.sutImage ?? opts.container.image ?? opts.container.imageTar!, harnessHost: sut.harnessHost, inboxListenHost: sut.inboxListenHost, inboxPort: sut.inboxPort },
      async (runDir, verdict) => {
        if (verdict === 'conformant') return;
        const logs = await sut.logs().catch(() => '');
        if (logs) writeFileSync(join(runDir, 'sut-container.log'), logs);
      },
    );
    return { ...result, containerImage: sut.image };
  } finally {
    await sut.stop();
  }
}

async function run(opts: ConformanceOptions, beforeLatest?: (runDir: string, verdict: VerdictLabel) => Promise<void>): Promise<ConformanceResult> {
  const runId = new Date().toISOString().replace(/[-:]/g, '').replace(/\..*/, '').replace('T', '-') + '-' + randomUUID().slice(0, 8);
  const runDir = resolve(opts.outDir, runId);
  mkdirSync(runDir, { recursive: true });
  const roles: Role[] = opts.role === 'both' ? ['gemeente', 'aanbieder'] : [opts.role];
  if (opts.sut) await waitForSut(opts.sut, opts.requestTimeoutMs ?? 15000);
  const sut: SutTarget = opts.sut ? { kind: 'http', url: opts.sut, role: roles[0]! } : { kind: 'reference', ...(opts.faults?.length ? { faults: opts.faults } : {}) };
  const startedAt = new Date().toISOString();
  // The report writers load while the regions run (in workers, this thread waits meanwhile).
  const reports = opts.noReports ? undefined : import('../reports/write-reports.ts');
  const regionFiles = opts.regions.map((region) => ({ region, messages: `${region}.ndjson` }));
  const jobs: RegionJob[] = opts.regions.map((region) => ({
    region,
    runDir,
    roles,
    params: {
      region,
      sut,
      runId,
      ...(opts.answerTimeoutMs ? { answerTimeoutMs: opts.answerTimeoutMs } : {}),
      ...(opts.requestTimeoutMs ? { requestTimeoutMs: opts.requestTimeoutMs } : {}),
      ...(opts.harnessHost ? { harnessHost: opts.harnessHost } : {}),
      ...(opts.inboxListenHost ? { inboxListenHost: opts.inboxListenHost } : {}),
      ...(opts.inboxPort ? { inboxPort: opts.inboxPort } : {}),
    },
    ...(opts.tags ? { tags: opts.tags } : {}),
    parallel: opts.parallel ?? 0,
  }));
  const progress: RegionProgress = {
    ...(opts.cucumberOutput ? { stdout: opts.cucumberOutput } : {}),
    onRegion: (region: RegionId, total: number) => opts.onRegion?.(region, total),
    onScenario: (o: ScenarioOutcome & { region: RegionId; index: number; total: number }) => opts.onScenario?.(o),
  };
  // Against the reference parties the regions are independent CPU work: one worker thread each, up to a core each.
  const workers = Math.min(opts.regionWorkers ?? availableParallelism(), jobs.length);
  const results: RegionRunResult[] =
    sut.kind === 'reference' && workers > 1 && (opts.parallel ?? 0) === 0 ? await runRegionsInWorkers(jobs, workers, progress) : await sequential(jobs, progress);
  const all: (ScenarioOutcome & { region: RegionId })[] = results.flatMap((r) => r.outcomes.map((o) => ({ ...o, region: r.region })));
  const allVerdicts: RoleVerdict[] = results.flatMap((r) => verdicts(r.region, r.outcomes, roles));

  const run = {
    runId,
    startedAt,
    finishedAt: new Date().toISOString(),
    harnessVersion: HARNESS_VERSION,
    ijwVersion: '3.2',
    sut: opts.sutImage ? { kind: 'image', image: opts.sutImage, ...(opts.sut ? { url: opts.sut } : {}) } : opts.sut ? { kind: 'http', url: opts.sut } : { kind: 'reference', ...(opts.faults?.length ? { faults: opts.faults } : {}) },
    roles,
    maskBsn: opts.maskBsn ?? true,
    ...(opts.tags ? { tags: opts.tags } : {}),
    regions: regionFiles,
  };
  writeFileSync(join(runDir, 'run.json'), `${JSON.stringify(run, null, 2)}\n`);
  // The verdict as the runner computed it (the exit code's basis), for scripts and tests.
  const verdict = overallVerdict(allVerdicts);
  writeFileSync(join(runDir, 'verdict.json'), `${JSON.stringify({ conformant: verdict === 'conformant', verdict, verdicts: allVerdicts, outcomes: all }, null, 2)}\n`);
  if (reports) {
    const { writeReports } = await reports;
    await writeReports(runDir, { maskBsn: opts.maskBsn ?? true });
  }
  await beforeLatest?.(runDir, verdict);
  const latest = join(resolve(opts.outDir), 'latest');
  rmSync(latest, { recursive: true, force: true });
  cpSync(runDir, latest, { recursive: true });
  return { runId, runDir, verdicts: allVerdicts, outcomes: all, conformant: verdict === 'conformant', verdict, exitCode: EXIT_CODE[verdict] };
}

/** The regions one after the other in this thread (a SUT over HTTP, cucumber's own --parallel, or one region). */
async function sequential(jobs: RegionJob[], progress: RegionProgress): Promise<RegionRunResult[]> {
  const results: RegionRunResult[] = [];
  for (const job of jobs) results.push(await runRegion(job, { ...(progress.stdout ? { stdout: progress.stdout } : {}), onRegion: (total) => progress.onRegion(job.region, total), onScenario: (o) => progress.onScenario({ ...o, region: job.region }) }));
  return results;
}

export interface RegionProgress {
  stdout?: NodeJS.WritableStream;
  onRegion(region: RegionId, total: number): void;
  onScenario(o: ScenarioOutcome & { region: RegionId; index: number; total: number }): void;
}
