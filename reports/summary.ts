/**
 * `summary.json`: the machine-readable verdict of a run, for scripts and CI. The shape is
 * `Summary` below (documented in reports/README.md); `schema` changes when it breaks.
 *
 * @example
 *   const s: Summary = JSON.parse(readFileSync('reports/out/latest/summary.json', 'utf8'));
 *   if (!s.conformant) process.exit(1);
 */
import type { Counts, ReportModel, Role, RuleStatus, SutInfo, Verdict, VerdictLabel } from './model.ts';
import type { Flow } from '../regions/catalogue.ts';

export const SUMMARY_SCHEMA = 'ijw-conformance/summary@1';

/**
 * The summary of one run.
 * - `conformant`: every region × role verdict is conformant (the runner's exit code 0).
 * - `verdicts[]`: one per region and role judged; `mandatory` counts decide `conformant`
 *   (`skipped` includes omitted scenarios); `@optional` scenarios are counted apart.
 * - `regions[].rules[]`: every rule of the region's catalogue, plus rules a scenario cites
 *   that the catalogue does not list (`inCatalogue: false`); `status` is the worst result of
 *   its scenarios (fail > error > skip > pass) or `not-covered` when no scenario tests it.
 */
export interface Summary {
  schema: typeof SUMMARY_SCHEMA;
  run: {
    runId: string;
    startedAt: string;
    finishedAt: string;
    harnessVersion: string;
    ijwVersion: string;
    sut: SutInfo & { label: string };
    roles: Role[];
    bsnMasked: boolean;
  };
  conformant: boolean;
  /** `inconclusive` (exit code 3): nothing failed, but a harness or transport error kept a scenario from being judged. */
  verdict: VerdictLabel;
  verdicts: { region: string; role: Role; conformant: boolean; verdict: VerdictLabel; mandatory: Counts; optional: Counts }[];
  regions: {
    region: string;
    /** All scenarios of the region by verdict. */
    counts: Record<Verdict, number> & { total: number };
    rules: { id: string; flow: Flow; scope: string; inCatalogue: boolean; status: RuleStatus; scenarios: { name: string; feature: string; role?: Role; mandatory: boolean; verdict: Verdict }[] }[];
    /** Scenarios that did not pass, with the reason in words. */
    problems: { name: string; feature: string; role?: Role; verdict: Verdict; rule?: string; text: string; expected?: string; actual?: string }[];
  }[];
}

/** Builds the summary from the report model. */
export function buildSummary(model: ReportModel): Summary {
  const { run } = model;
  return {
    schema: SUMMARY_SCHEMA,
    run: {
      runId: run.runId,
      startedAt: run.startedAt,
      finishedAt: run.finishedAt,
      harnessVersion: run.harnessVersion,
      ijwVersion: run.ijwVersion,
      sut: { ...run.sut, label: run.sutLabel },
      roles: run.roles,
      bsnMasked: model.masked,
    },
    conformant: model.conformant,
    verdict: model.verdict,
    verdicts: model.regions.flatMap((r) => r.verdicts.map((v) => ({ region: v.region, role: v.role, conformant: v.conformant, verdict: v.verdict, mandatory: v.mandatory, optional: v.optional }))),
    regions: model.regions.map((r) => {
      const counts = { total: r.scenarios.length, pass: 0, fail: 0, error: 0, skip: 0, omit: 0 };
      for (const s of r.scenarios) counts[s.verdict]++;
      const feature = new Map(r.scenarios.map((s) => [s.id, s.feature]));
      return {
        region: r.region,
        counts,
        rules: r.matrix.map((m) => ({
          id: m.id,
          flow: m.flow,
          scope: m.scope,
          inCatalogue: m.inCatalogue,
          status: m.status,
          scenarios: m.scenarios.map((s) => ({ name: s.name, feature: feature.get(s.id) ?? '', ...(s.role ? { role: s.role } : {}), mandatory: s.mandatory, verdict: s.verdict })),
        })),
        problems: r.scenarios
          .filter((s) => s.verdict !== 'pass')
          .map((s) => ({
            name: s.name,
            feature: s.feature,
            ...(s.role ? { role: s.role } : {}),
            verdict: s.verdict,
            ...(s.failure?.rule ? { rule: s.failure.rule } : {}),
            text: s.failure?.text ?? (s.verdict === 'skip' ? 'skipped' : 'not run'),
            ...(s.failure?.expected !== undefined ? { expected: s.failure.expected } : {}),
            ...(s.failure?.actual !== undefined ? { actual: s.failure.actual } : {}),
          })),
      };
    }),
  };
}

export function renderSummary(model: ReportModel): string {
  return `${JSON.stringify(buildSummary(model), null, 2)}\n`;
}
