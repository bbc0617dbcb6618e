/**
 * runConformance: the programmatic API behind `npm run conformance` (and the tests). It runs
 * cucumber once per region (national + regional features), collects the message stream into
 * the run directory, computes the verdict per region and role, and renders the reports.
 */
import { randomUUID } from 'node:crypto';
import { Writable } from 'node:stream';
import { mkdirSync, writeFileSync, createWriteStream, rmSync, cpSync, existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadConfiguration, loadSupport, runCucumber } from '@cucumber/cucumber/api';
import type { Envelope } from '@cucumber/messages';
import { REGION_IDS, type RegionId } from '../regions/catalogue.ts';
import { packs } from '../regions/index.ts';
import { EXIT_CODE, OutcomeCollector, overallVerdict, verdicts, type Role, type RoleVerdict, type ScenarioOutcome, type VerdictLabel } from './verdicts.ts';
import { HarnessError, waitForSut } from './sut-client.ts';
import { defaultParams, type SutTarget, type WorldParams } from '../steps/support/params.ts';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const HARNESS_VERSION: string = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version;

export interface ConformanceOptions {
  regions: RegionId[];
  role: Role | 'both';
  /** Base URL of the vendor's system; absent: the built-in reference implementations. */
  sut?: string;
  /** For reports: a container image the SUT runs from. */
  sutImage?: string;
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
  /** Keep cucumber's own output off the console (the caller reports the outcomes). */
  quiet?: boolean;
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
}

let supportLibrary: Awaited<ReturnType<typeof loadSupport>> | undefined;

export function parseRegions(arg: string): RegionId[] {
  if (arg === 'all') return [...REGION_IDS];
  const ids = arg.split(',').map((s) => s.trim().toLowerCase());
  for (const id of ids) {
    if (!(REGION_IDS as readonly string[]).includes(id)) throw new HarnessError('USAGE', `Unknown region '${id}'. Choose one of: ${REGION_IDS.join(', ')}, all`);
  }
  return ids as RegionId[];
}

export async function runConformance(opts: ConformanceOptions): Promise<ConformanceResult> {
  const runId = new Date().toISOString().replace(/[-:]/g, '').replace(/\..*/, '').replace('T', '-') + '-' + randomUUID().slice(0, 8);
  const runDir = resolve(opts.outDir, runId);
  mkdirSync(runDir, { recursive: true });
  const roles: Role[] = opts.role === 'both' ? ['gemeente', 'aanbieder'] : [opts.role];
  if (opts.sut && opts.role === 'both') throw new HarnessError('USAGE', 'With --sut, say which role the system under test plays: --role gemeente or --role aanbieder');
  if (opts.sut) await waitForSut(opts.sut, opts.requestTimeoutMs ?? 15000);
  const sut: SutTarget = opts.sut ? { kind: 'http', url: opts.sut, role: roles[0]! } : { kind: 'reference', ...(opts.faults?.length ? { faults: opts.faults } : {}) };
  const startedAt = new Date().toISOString();
  const all: (ScenarioOutcome & { region: RegionId })[] = [];
  const regionFiles: { region: RegionId; messages: string }[] = [];
  const allVerdicts: RoleVerdict[] = [];

  for (const region of opts.regions) {
    const file = `${region}.ndjson`;
    regionFiles.push({ region, messages: file });
    const params: WorldParams = defaultParams({
      region,
      sut,
      runId,
      ...(opts.answerTimeoutMs ? { answerTimeoutMs: opts.answerTimeoutMs } : {}),
      ...(opts.requestTimeoutMs ? { requestTimeoutMs: opts.requestTimeoutMs } : {}),
      ...(opts.harnessHost ? { harnessHost: opts.harnessHost } : {}),
      ...(opts.inboxListenHost ? { inboxListenHost: opts.inboxListenHost } : {}),
      ...(opts.inboxPort ? { inboxPort: opts.inboxPort } : {}),
    });
    const tagExpr = [`(@national or @region:${region})`, `(${roles.map((r) => `@role:${r}`).join(' or ')})`, ...(opts.tags ? [`(${opts.tags})`] : [])].join(' and ');
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
          parallel: opts.parallel ?? 0,
          format: [],
          publish: false,
        } as never,
      },
      { cwd: ROOT },
    );
    // Step definitions register on import, which happens once per process: keep the library.
    if ((opts.parallel ?? 0) === 0) {
      supportLibrary ??= await loadSupport(runConfiguration, { cwd: ROOT });
      (runConfiguration as { support?: unknown }).support = supportLibrary;
    }
    const out = createWriteStream(join(runDir, file));
    const collector = new OutcomeCollector();
    let announced = false;
    let regionAnnounced = false;
    let index = 0;
    const result = await runCucumber(runConfiguration, { cwd: ROOT, stdout: opts.quiet ? new Writable({ write: (_c, _e, done) => done() }) : process.stdout, stderr: process.stderr }, (e: Envelope) => {
      out.write(`${JSON.stringify(e)}\n`);
      if (e.testRunStarted && !announced) announced = true;
      if (e.testCaseStarted && !regionAnnounced && collector.total) {
        regionAnnounced = true;
        opts.onRegion?.(region, collector.total);
      }
      const o = collector.add(e);
      if (o) {
        const item = { ...o, region };
        all.push(item);
        opts.onScenario?.({ ...item, index: ++index, total: collector.total });
      }
    });
    await new Promise<void>((r) => out.end(r));
    if (!result.success && collector.outcomes.length === 0) {
      throw new HarnessError('USAGE', `Cucumber could not run the ${region} features (see the errors above)`);
    }
    allVerdicts.push(...verdicts(region, collector.outcomes, roles));
  }

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
  if (!opts.noReports) {
    const { writeReports } = await import('../reports/write-reports.ts');
    await writeReports(runDir, { maskBsn: opts.maskBsn ?? true });
  }
  const latest = join(resolve(opts.outDir), 'latest');
  rmSync(latest, { recursive: true, force: true });
  cpSync(runDir, latest, { recursive: true });
  return { runId, runDir, verdicts: allVerdicts, outcomes: all, conformant: verdict === 'conformant', verdict, exitCode: EXIT_CODE[verdict] };
}
