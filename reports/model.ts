/**
 * The report model: a run directory (`run.json` + one cucumber-messages NDJSON per region)
 * folded into what the HTML, JUnit and JSON writers render. The writers see only this model,
 * never the cucumber runtime, so a stored run re-renders exactly.
 *
 * @example
 *   const model = await loadReportModel('reports/out/latest');
 *   model.regions[0].verdicts[0].conformant; // true when every mandatory scenario passed
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type {
  Attachment,
  Envelope,
  GherkinDocument,
  Pickle,
  PickleStep,
  TestCase,
  TestStepResult,
} from '@cucumber/messages';
import { citation, findRule, rulesForRegion, type CatalogueRule, type Flow, type OptionalPart, type RegionId } from '../regions/catalogue.ts';
import { maskBsnsInText } from '../ijw/bsn.ts';
import { NATIONAL_RULES } from '../ijw/rules/national-rules.ts';
import { countOutcomes, OUTCOMES, outcomeOf, overallVerdict, roleVerdictOf, type Outcome, type OutcomeCounts, type VerdictLabel } from './verdict.ts';

/** Closed set of scenario verdicts: fail = the SUT broke a rule, error = the harness or transport failed (decided in reports/verdict.ts). */
export type Verdict = Outcome;
export const VERDICTS = OUTCOMES;
export type Role = 'gemeente' | 'aanbieder';
export type StepStatus = 'passed' | 'failed' | 'skipped' | 'pending' | 'undefined' | 'ambiguous' | 'unknown';
/**
 * A rule's status in the matrix: the worst result of its scenarios, or not covered by any; a rule
 * the catalogue marks as awaiting data or not testable through messages shows that instead, and
 * `not-selected` marks a rule whose every scenario a `--tags` run left out (it may well be covered).
 */
export type RuleStatus = 'pass' | 'fail' | 'error' | 'skip' | 'not-covered' | 'not-selected' | 'awaiting-data' | 'not-testable';
export const RULE_STATUSES = ['pass', 'fail', 'error', 'skip', 'not-covered', 'not-selected', 'awaiting-data', 'not-testable'] as const satisfies readonly RuleStatus[];
export const FLOWS = ['toewijzing', 'start-stop', 'declaratie', 'verzoek', 'retour', 'algemeen'] as const satisfies readonly Flow[];

export const EXCHANGE_MEDIA_TYPE = 'application/vnd.ijw.exchange+json';
export const FINDING_MEDIA_TYPE = 'application/vnd.ijw.finding+json';
export const ACTION_MEDIA_TYPE = 'application/vnd.ijw.action+json';

export type SutInfo =
  | { kind: 'reference'; faults?: string[] }
  | { kind: 'http'; url: string }
  | { kind: 'image'; image: string; url?: string };

/** `run.json`, as the runner writes it (docs/ARCHITECTURE.md). */
export interface RunJson {
  runId: string;
  startedAt: string;
  finishedAt: string;
  harnessVersion: string;
  ijwVersion: string;
  sut: SutInfo;
  roles: Role[];
  maskBsn: boolean;
  /** The `--tags` expression of a run that selected scenarios. */
  tags?: string;
  regions: { region: string; messages: string }[];
}

/** One message exchanged in a scenario (the `application/vnd.ijw.exchange+json` attachment). */
export interface ExchangeRecord {
  seq: number;
  at: string;
  businessDate: string;
  from: { role: Role; id: string; played: 'harness' | 'sut' };
  to: { role: Role; id: string; played: 'harness' | 'sut' };
  messageCode: string;
  transport: 'in-process' | 'http';
  httpStatus?: number;
  xml: string;
  retourcodes: string[];
}

/**
 * An action the harness asked of the SUT (the `application/vnd.ijw.action+json` attachment,
 * attached by the step that acted): drawn as a note on the SUT's lane of the sequence diagram.
 */
export interface ActionRecord {
  /** The seq of the last message exchanged before the action (0: none yet). */
  afterSeq: number;
  at: string;
  businessDate: string;
  /** The adapter-protocol action as sent (`{ action: 'stop-care', toewijzingNummer, … }`). */
  action: { action: string } & Record<string, unknown>;
  ok: boolean;
  status: number;
  /** The SUT's reason when it refused. */
  problem?: string;
  /** Index into the scenario's steps of the step that acted (derived by the model). */
  step?: number;
}

/** A failed assertion (the `application/vnd.ijw.finding+json` attachment). */
export interface FindingRecord {
  rule: string;
  expected: string;
  actual: string;
  text: string;
}

export interface StepReport {
  /** `Given `, `When `, `And ` … as written; `Hook` for a failing hook. */
  keyword: string;
  text: string;
  docString?: string;
  dataTable?: string[][];
  status: StepStatus;
  durationMs: number;
  /** The error message of a failed step. */
  error?: string;
  /** Wall-clock window of the step (ISO), to place the messages exchanged during it. */
  startedAt?: string;
  finishedAt?: string;
}

/** Why a scenario did not pass, in words. */
export interface FailureExplained {
  kind: 'fail' | 'error';
  /** The rule broken (from the finding); absent for harness errors without a finding. */
  rule?: string;
  expected?: string;
  actual?: string;
  /** One sentence: what went wrong. */
  text: string;
  /** The step where it happened. */
  step?: string;
  /** Full error message (stack trace for errors). */
  detail?: string;
}

export interface ScenarioReport {
  /** Stable within the run (the pickle id). */
  id: string;
  name: string;
  feature: string;
  uri: string;
  tags: string[];
  role?: Role;
  rules: string[];
  flows: Flow[];
  mandatory: boolean;
  verdict: Verdict;
  startedAt?: string;
  durationMs: number;
  steps: StepReport[];
  failure?: FailureExplained;
  exchanges: ExchangeRecord[];
  /** Actions the harness asked of the SUT, in order (runs recorded before they were attached have none). */
  actions: ActionRecord[];
}

export type Counts = OutcomeCounts;
export type { VerdictLabel };

export interface RoleVerdict {
  region: string;
  role: Role;
  verdict: VerdictLabel;
  /** True only when every mandatory scenario of the role passed (and there was one). */
  conformant: boolean;
  mandatory: Counts;
  optional: Counts;
}

export interface RuleRow {
  id: string;
  text: string;
  flow: Flow;
  scope: string;
  certifies: ('G' | 'A')[];
  messages: string[];
  /** Section in the source document, e.g. `§2.4.2`. */
  source: string;
  sourceDocument: string;
  /** The protocol's name and section, e.g. "SAP Regio Alkmaar §2.4.2". */
  citation: string;
  /** Roles (G/A) for which the rule, or the part named, is optional. */
  optional: OptionalPart[];
  /** Why an awaiting or untestable rule has no scenario. */
  reason?: string;
  /** False for a rule a scenario cites that the region's catalogue does not list. */
  inCatalogue: boolean;
  scenarios: { id: string; name: string; role?: Role; verdict: Verdict; mandatory: boolean }[];
  status: RuleStatus;
}

export interface FlowCount {
  flow: Flow;
  pass: number;
  fail: number;
  error: number;
  skip: number;
  omit: number;
}

export interface FeatureReport {
  name: string;
  uri: string;
  scenarios: ScenarioReport[];
}

export interface RegionReport {
  region: string;
  messagesFile: string;
  verdicts: RoleVerdict[];
  features: FeatureReport[];
  scenarios: ScenarioReport[];
  matrix: RuleRow[];
  flows: FlowCount[];
}

export interface ReportModel {
  run: RunJson & { sutLabel: string };
  /** Whether BSNs were masked in this model. */
  masked: boolean;
  conformant: boolean;
  verdict: VerdictLabel;
  regions: RegionReport[];
}

export type ReportErrorCode = 'NO_RUN_JSON' | 'BAD_RUN_JSON' | 'MISSING_MESSAGES' | 'BAD_MESSAGES';

export class ReportError extends Error {
  readonly code: ReportErrorCode;

  constructor(code: ReportErrorCode, message: string) {
    super(message);
    this.code = code;
    this.name = 'ReportError';
  }
}

/** Reads and checks `run.json` of a run directory. */
export function readRunJson(runDir: string): RunJson {
  const file = join(runDir, 'run.json');
  if (!existsSync(file)) {
    throw new ReportError('NO_RUN_JSON', `No run.json in ${runDir}: this is not a run directory. Point --from at a directory written by \`npm run conformance\` (e.g. reports/out/latest).`);
  }
  let run: RunJson;
  try {
    run = JSON.parse(readFileSync(file, 'utf8')) as RunJson;
  } catch (e) {
    throw new ReportError('BAD_RUN_JSON', `${file} is not valid JSON: ${(e as Error).message}`);
  }
  if (!run || typeof run.runId !== 'string' || !Array.isArray(run.regions) || !run.sut) {
    throw new ReportError('BAD_RUN_JSON', `${file} lacks runId, sut or regions; expected the shape in docs/ARCHITECTURE.md`);
  }
  return run;
}

/** Parses an NDJSON file of cucumber envelopes. */
export function readEnvelopes(file: string): Envelope[] {
  if (!existsSync(file)) throw new ReportError('MISSING_MESSAGES', `The messages file ${file} named in run.json does not exist`);
  const out: Envelope[] = [];
  const lines = readFileSync(file, 'utf8').split('\n');
  lines.forEach((line, i) => {
    if (!line.trim()) return;
    try {
      out.push(JSON.parse(line) as Envelope);
    } catch (e) {
      throw new ReportError('BAD_MESSAGES', `${file} line ${i + 1} is not JSON: ${(e as Error).message}`);
    }
  });
  return out;
}

export function sutLabel(sut: SutInfo): string {
  switch (sut.kind) {
    case 'reference':
      return sut.faults?.length ? `reference implementation with faults: ${sut.faults.join(', ')}` : 'reference implementation';
    case 'http':
      return sut.url;
    case 'image':
      return sut.url ? `${sut.image} (${sut.url})` : sut.image;
  }
}

/**
 * Builds the model of a run directory. BSNs are masked when `maskBsn` is true (default: what
 * run.json asked, else true).
 */
export async function loadReportModel(runDir: string, opts: { maskBsn?: boolean } = {}): Promise<ReportModel> {
  const run = readRunJson(runDir);
  const regions = run.regions.map((r) => buildRegion(r.region, r.messages, readEnvelopes(join(runDir, r.messages)), run.roles, run.tags));
  const all = regions.flatMap((r) => r.verdicts);
  const model: ReportModel = {
    run: { ...run, sutLabel: sutLabel(run.sut) },
    masked: false,
    conformant: overallVerdict(all) === 'conformant',
    verdict: overallVerdict(all),
    regions,
  };
  const mask = opts.maskBsn ?? run.maskBsn ?? true;
  return mask ? maskModel(model) : model;
}

/** Every string in the model through maskBsnsInText: XML, step text, messages, names, tags. */
export function maskModel(model: ReportModel): ReportModel {
  const masked = deepMapStrings(model, maskBsnsInText) as ReportModel;
  masked.masked = true;
  return masked;
}

function deepMapStrings(v: unknown, f: (s: string) => string): unknown {
  if (typeof v === 'string') return f(v);
  if (Array.isArray(v)) return v.map((x) => deepMapStrings(x, f));
  if (v && typeof v === 'object') {
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, deepMapStrings(x, f)]));
  }
  return v;
}

interface Attempt {
  testCaseId: string;
  startedAt?: string;
  finishedAt?: string;
  results: Map<string, TestStepResult>;
  /** Start and finish timestamps per test step. */
  times: Map<string, { startedAt?: string; finishedAt?: string }>;
  attachments: Attachment[];
}

/** Folds one region's envelopes into its report. Exported for tests. */
export function buildRegion(region: string, messagesFile: string, envelopes: readonly Envelope[], roles: readonly Role[], tags?: string): RegionReport {
  const docs = new Map<string, GherkinDocument>();
  const pickles = new Map<string, Pickle>();
  const testCases = new Map<string, TestCase>();
  const hookIds = new Set<string>();
  // The last attempt per test case wins: a verdict never depends on retries, but a stored run may have them.
  const attempts = new Map<string, Attempt>();
  const attemptByTestCase = new Map<string, string>();
  for (const e of envelopes) {
    if (e.gherkinDocument?.uri) docs.set(e.gherkinDocument.uri, e.gherkinDocument);
    else if (e.pickle) pickles.set(e.pickle.id, e.pickle);
    else if (e.hook) hookIds.add(e.hook.id);
    else if (e.testCase) testCases.set(e.testCase.id, e.testCase);
    else if (e.testCaseStarted) {
      attempts.set(e.testCaseStarted.id, { testCaseId: e.testCaseStarted.testCaseId, startedAt: isoOf(e.testCaseStarted.timestamp), results: new Map(), times: new Map(), attachments: [] });
      attemptByTestCase.set(e.testCaseStarted.testCaseId, e.testCaseStarted.id);
    } else if (e.testStepStarted) {
      attempts.get(e.testStepStarted.testCaseStartedId)?.times.set(e.testStepStarted.testStepId, { startedAt: isoOf(e.testStepStarted.timestamp) });
    } else if (e.testStepFinished) {
      const a = attempts.get(e.testStepFinished.testCaseStartedId);
      a?.results.set(e.testStepFinished.testStepId, e.testStepFinished.testStepResult);
      const t = a?.times.get(e.testStepFinished.testStepId);
      if (t) t.finishedAt = isoOf(e.testStepFinished.timestamp);
    } else if (e.attachment?.testCaseStartedId) {
      attempts.get(e.attachment.testCaseStartedId)?.attachments.push(e.attachment);
    } else if (e.testCaseFinished) {
      const a = attempts.get(e.testCaseFinished.testCaseStartedId);
      if (a) a.finishedAt = isoOf(e.testCaseFinished.timestamp);
    }
  }

  const keywords = stepKeywords([...docs.values()]);
  const scenarios: ScenarioReport[] = [];
  // Pickles without a test case were filtered out (other role or region): not part of the run.
  for (const tc of testCases.values()) {
    const pickle = pickles.get(tc.pickleId);
    if (!pickle) continue;
    const attemptId = attemptByTestCase.get(tc.id);
    scenarios.push(buildScenario(pickle, tc, attemptId ? attempts.get(attemptId) : undefined, docs.get(pickle.uri), keywords));
  }

  const features: FeatureReport[] = [];
  for (const s of scenarios) {
    let f = features.find((x) => x.uri === s.uri);
    if (!f) features.push((f = { name: s.feature, uri: s.uri, scenarios: [] }));
    f.scenarios.push(s);
  }

  return {
    region,
    messagesFile,
    verdicts: roles.map((role) => roleVerdict(region, role, scenarios)),
    features,
    scenarios,
    matrix: ruleMatrix(region, scenarios, tags),
    flows: flowCounts(scenarios),
  };
}

function buildScenario(pickle: Pickle, tc: TestCase, attempt: Attempt | undefined, doc: GherkinDocument | undefined, keywords: Map<string, string>): ScenarioReport {
  const tags = pickle.tags.map((t) => t.name);
  const rules = tags.filter((t) => t.startsWith('@rule:')).map((t) => t.slice(6));
  const role = tags.find((t) => t.startsWith('@role:'))?.slice(6);
  const pickleSteps = new Map(pickle.steps.map((s) => [s.id, s]));
  const steps: StepReport[] = [];
  let seenPickleStep = false;
  let failedStep: { step: StepReport; result: TestStepResult; testStepId: string } | undefined;
  const stepIndex = new Map<string, number>();
  for (const ts of tc.testSteps) {
    const result = attempt?.results.get(ts.id);
    const status = statusOf(result);
    const ps = ts.pickleStepId ? pickleSteps.get(ts.pickleStepId) : undefined;
    let step: StepReport;
    if (ps) {
      seenPickleStep = true;
      step = pickleStepReport(ps, keywords, status, result);
    } else {
      // Hooks are plumbing: show one only when it broke, so the error has a place.
      if (status !== 'failed' && status !== 'ambiguous' && status !== 'undefined') continue;
      step = { keyword: 'Hook', text: seenPickleStep ? 'After hook' : 'Before hook', status, durationMs: durationMs(result) };
    }
    if (result && status !== 'passed' && status !== 'skipped' && (result.exception?.message || result.message)) {
      step.error = stripAnsi(result.exception?.message ?? result.message ?? '');
    }
    if (!failedStep && (status === 'failed' || status === 'ambiguous' || status === 'undefined') && result) failedStep = { step, result, testStepId: ts.id };
    const time = attempt?.times.get(ts.id);
    if (time?.startedAt) step.startedAt = time.startedAt;
    if (time?.finishedAt) step.finishedAt = time.finishedAt;
    stepIndex.set(ts.id, steps.length);
    steps.push(step);
  }

  const findings = (attempt?.attachments ?? []).filter((a) => a.mediaType === FINDING_MEDIA_TYPE).map((a) => ({ testStepId: a.testStepId, finding: parseJson<FindingRecord>(a) }));
  const exchanges = (attempt?.attachments ?? [])
    .filter((a) => a.mediaType === EXCHANGE_MEDIA_TYPE)
    .map((a) => parseJson<ExchangeRecord>(a))
    .filter((x): x is ExchangeRecord => !!x && typeof x.messageCode === 'string' && typeof x.xml === 'string')
    .map((x) => ({ ...x, retourcodes: Array.isArray(x.retourcodes) ? x.retourcodes : [] }))
    .sort((a, b) => a.seq - b.seq);
  const actions = (attempt?.attachments ?? [])
    .filter((a) => a.mediaType === ACTION_MEDIA_TYPE)
    .map((a) => ({ record: parseJson<ActionRecord>(a), step: a.testStepId ? stepIndex.get(a.testStepId) : undefined }))
    .filter((x): x is { record: ActionRecord; step: number | undefined } => !!x.record && typeof x.record.action?.action === 'string')
    .map(({ record, step }) => ({ ...record, ...(step !== undefined ? { step } : {}) }));

  const verdict: Verdict = outcomeOf(attempt ? tc.testSteps.map((ts) => attempt.results.get(ts.id) ?? { status: 'UNKNOWN' as TestStepResult['status'] }) : undefined, findings.some((f) => !!f.finding));
  let failure: FailureExplained | undefined;
  if (attempt && failedStep) {
    const { step, result, testStepId } = failedStep;
    const finding = (findings.find((f) => f.testStepId === testStepId) ?? findings.at(-1))?.finding ?? undefined;
    const where = `${step.keyword.trim()} ${step.text}`;
    const message = stripAnsi(result.exception?.message ?? result.message ?? '');
    if (result.status === 'UNDEFINED') failure = { kind: 'error', text: `The step "${step.text}" has no step definition (a harness problem, not the system under test)`, step: where };
    else if (result.status === 'AMBIGUOUS') failure = { kind: 'error', text: `The step "${step.text}" matches more than one step definition`, step: where, detail: message };
    else if (verdict === 'fail' && finding) failure = { kind: 'fail', rule: finding.rule, expected: finding.expected, actual: finding.actual, text: finding.text, step: where, detail: message };
    else if (verdict === 'fail') failure = { kind: 'fail', ...(rules.length ? { rule: rules.join(', ') } : {}), text: firstLine(message) || 'An assertion failed', step: where, detail: message };
    else failure = { kind: 'error', text: `The harness or the transport failed: ${firstLine(message) || 'unknown error'}`, step: where, detail: stripAnsi(result.message ?? message) };
  }

  const flows = [...new Set(rules.map((r) => findRule(r)?.flow).filter((f): f is Flow => !!f))];
  return {
    id: pickle.id,
    name: pickle.name,
    feature: doc?.feature?.name ?? pickle.uri,
    uri: pickle.uri,
    tags,
    ...(role === 'gemeente' || role === 'aanbieder' ? { role } : {}),
    rules,
    flows: flows.length ? flows : ['algemeen'],
    mandatory: !tags.includes('@optional'),
    verdict,
    ...(attempt?.startedAt ? { startedAt: attempt.startedAt } : {}),
    durationMs: attempt?.startedAt && attempt.finishedAt ? Date.parse(attempt.finishedAt) - Date.parse(attempt.startedAt) : steps.reduce((n, s) => n + s.durationMs, 0),
    steps,
    ...(failure ? { failure } : {}),
    exchanges,
    actions,
  };
}

function pickleStepReport(ps: PickleStep, keywords: Map<string, string>, status: StepStatus, result: TestStepResult | undefined): StepReport {
  const keyword = keywords.get(ps.astNodeIds[0] ?? '') ?? `${ps.type === 'Context' ? 'Given' : ps.type === 'Action' ? 'When' : ps.type === 'Outcome' ? 'Then' : '*'} `;
  return {
    keyword,
    text: ps.text,
    ...(ps.argument?.docString ? { docString: ps.argument.docString.content } : {}),
    ...(ps.argument?.dataTable ? { dataTable: ps.argument.dataTable.rows.map((r) => r.cells.map((c) => c.value)) } : {}),
    status,
    durationMs: durationMs(result),
  };
}

function roleVerdict(region: string, role: Role, scenarios: ScenarioReport[]): RoleVerdict {
  const mine = scenarios.filter((s) => s.role === role);
  const mandatory = counts(mine.filter((s) => s.mandatory));
  return { region, role, ...roleVerdictOf(mandatory), mandatory, optional: counts(mine.filter((s) => !s.mandatory)) };
}

function counts(list: ScenarioReport[]): Counts {
  return countOutcomes(list.map((s) => s.verdict));
}

function ruleMatrix(region: string, scenarios: ScenarioReport[], tags?: string): RuleRow[] {
  const known = rulesForRegion(region as RegionId);
  const rows: RuleRow[] = known.map((r) => ruleRow(r, true, scenarios, tags));
  // Rules a scenario cites that the region's catalogue does not list still get a row.
  const cited = [...new Set(scenarios.flatMap((s) => s.rules))].filter((id) => !known.some((r) => r.id === id));
  for (const id of cited) {
    const r = findRule(id);
    // A national iJw rule no catalogue rule covers (`@rule:TR387`): its text from the national rule table.
    const national = r ? undefined : NATIONAL_RULES.find((x) => x.id === id);
    rows.push(
      ruleRow(
        r ?? { id, scope: 'national', text: national ? national.title : 'Not in the rule catalogue', certifies: [], optional: [], status: 'testable', messages: [...(national?.messages ?? [])], source: national ? `iJw 3.2 ${id}` : '', sourceDocument: national ? 'iJw 3.2' : '', flow: 'algemeen' },
        false,
        scenarios,
      ),
    );
  }
  return rows;
}

function ruleRow(r: CatalogueRule, inCatalogue: boolean, scenarios: ScenarioReport[], tags?: string): RuleRow {
  const mine = scenarios.filter((s) => s.rules.includes(r.id));
  const v = mine.map((s) => s.verdict);
  const status: RuleStatus = !mine.length ? (r.status !== 'testable' ? r.status : tags ? 'not-selected' : 'not-covered') : v.includes('fail') ? 'fail' : v.includes('error') ? 'error' : v.every((x) => x === 'pass') ? 'pass' : 'skip';
  return {
    id: r.id,
    text: r.text,
    flow: r.flow,
    scope: r.scope,
    certifies: [...r.certifies],
    messages: [...r.messages],
    source: r.source,
    sourceDocument: r.sourceDocument,
    citation: r.sourceDocument ? citation(r) : '',
    optional: r.optional.map((o) => ({ ...o })),
    ...(r.reason ? { reason: r.reason } : {}),
    inCatalogue,
    scenarios: mine.map((s) => ({ id: s.id, name: s.name, ...(s.role ? { role: s.role } : {}), verdict: s.verdict, mandatory: s.mandatory })),
    status,
  };
}

function flowCounts(scenarios: ScenarioReport[]): FlowCount[] {
  const out: FlowCount[] = [];
  for (const flow of FLOWS) {
    const mine = scenarios.filter((s) => s.flows.includes(flow));
    if (!mine.length) continue;
    const c: FlowCount = { flow, pass: 0, fail: 0, error: 0, skip: 0, omit: 0 };
    for (const s of mine) c[s.verdict]++;
    out.push(c);
  }
  return out;
}

/** Keyword of every step in the Gherkin documents, by AST node id. */
function stepKeywords(docs: GherkinDocument[]): Map<string, string> {
  const out = new Map<string, string>();
  type Child = { background?: { steps: { id: string; keyword: string }[] }; scenario?: { steps: { id: string; keyword: string }[] }; rule?: { children: Child[] } };
  const visit = (children: readonly Child[]) => {
    for (const c of children) {
      for (const s of c.background?.steps ?? []) out.set(s.id, s.keyword);
      for (const s of c.scenario?.steps ?? []) out.set(s.id, s.keyword);
      if (c.rule) visit(c.rule.children);
    }
  };
  for (const d of docs) visit((d.feature?.children ?? []) as readonly Child[]);
  return out;
}

function statusOf(r: TestStepResult | undefined): StepStatus {
  const s = (r?.status ?? 'UNKNOWN').toLowerCase();
  return (['passed', 'failed', 'skipped', 'pending', 'undefined', 'ambiguous'] as const).find((x) => x === s) ?? 'unknown';
}

function durationMs(r: TestStepResult | undefined): number {
  if (!r?.duration) return 0;
  return Math.round((r.duration.seconds * 1000 + r.duration.nanos / 1e6) * 1000) / 1000;
}

function isoOf(t: { seconds: number; nanos: number } | undefined): string | undefined {
  return t ? new Date(t.seconds * 1000 + Math.floor(t.nanos / 1e6)).toISOString() : undefined;
}

function parseJson<T>(a: Attachment): T | undefined {
  try {
    const body = a.contentEncoding === 'BASE64' ? Buffer.from(a.body, 'base64').toString('utf8') : a.body;
    return JSON.parse(body) as T;
  } catch {
    return undefined;
  }
}

function firstLine(s: string): string {
  return s.split('\n').find((l) => l.trim())?.trim() ?? '';
}

// eslint-disable-next-line no-control-regex
const ANSI = /\u001b\[[0-9;]*m/g;
export function stripAnsi(s: string): string {
  return s.replace(ANSI, '');
}
