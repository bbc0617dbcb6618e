/**
 * Scenario results and verdicts from the cucumber message stream: a closed set of outcomes
 * (pass, fail, skip, omit, error) where fail means the SUT broke a rule and error means the
 * harness or the transport failed.
 */
import type { Envelope, Pickle, TestStepResult } from '@cucumber/messages';

export type Outcome = 'pass' | 'fail' | 'skip' | 'omit' | 'error';
export type Role = 'gemeente' | 'aanbieder';

export interface ScenarioOutcome {
  pickleId: string;
  name: string;
  uri: string;
  tags: string[];
  role?: Role;
  rules: string[];
  mandatory: boolean;
  outcome: Outcome;
  message?: string;
}

/**
 * The verdict on a role: `not-conformant` when a mandatory scenario failed (the SUT broke a
 * rule), `inconclusive` when nothing failed but the harness could not judge everything (an
 * error of the harness or the transport, a skipped scenario, nothing selected), `conformant`
 * when every mandatory scenario passed.
 */
export type VerdictLabel = 'conformant' | 'not-conformant' | 'inconclusive';

/** How a verdict is printed: console, HTML, JUnit. */
export const VERDICT_TEXT: Record<VerdictLabel, string> = { conformant: 'CONFORMANT', 'not-conformant': 'NOT CONFORMANT', inconclusive: 'INCONCLUSIVE' };

/** Exit codes of `npm run conformance` (2 is a usage error or an unreachable SUT). */
export const EXIT_CODE: Record<VerdictLabel, 0 | 1 | 3> = { conformant: 0, 'not-conformant': 1, inconclusive: 3 };

/** The verdict of several: any not conformant wins, then any inconclusive. */
export function overallVerdict(vs: readonly { verdict: VerdictLabel }[]): VerdictLabel {
  if (vs.some((v) => v.verdict === 'not-conformant')) return 'not-conformant';
  if (!vs.length || vs.some((v) => v.verdict === 'inconclusive')) return 'inconclusive';
  return 'conformant';
}

export interface RoleVerdict {
  region: string;
  role: Role;
  verdict: VerdictLabel;
  conformant: boolean;
  passed: number;
  failed: number;
  errored: number;
  skipped: number;
  optionalFailed: number;
}

/** Folds envelopes into scenario outcomes as they arrive. */
export class OutcomeCollector {
  private pickles = new Map<string, Pickle>();
  private testCases = new Map<string, string>();
  private started = new Map<string, { testCaseId: string; results: TestStepResult[] }>();
  readonly outcomes: ScenarioOutcome[] = [];
  total = 0;

  add(e: Envelope): ScenarioOutcome | undefined {
    if (e.pickle) {
      this.pickles.set(e.pickle.id, e.pickle);
    } else if (e.testCase) {
      this.testCases.set(e.testCase.id, e.testCase.pickleId);
      this.total++;
    } else if (e.testCaseStarted) {
      this.started.set(e.testCaseStarted.id, { testCaseId: e.testCaseStarted.testCaseId, results: [] });
    } else if (e.testStepFinished) {
      this.started.get(e.testStepFinished.testCaseStartedId)?.results.push(e.testStepFinished.testStepResult);
    } else if (e.testCaseFinished && !e.testCaseFinished.willBeRetried) {
      const s = this.started.get(e.testCaseFinished.testCaseStartedId);
      const pickle = s && this.pickles.get(this.testCases.get(s.testCaseId) ?? '');
      if (!s || !pickle) return undefined;
      const o = outcomeOf(pickle, s.results);
      this.outcomes.push(o);
      return o;
    }
    return undefined;
  }
}

function outcomeOf(p: Pickle, results: TestStepResult[]): ScenarioOutcome {
  const tags = p.tags.map((t) => t.name);
  const failed = results.find((r) => r.status === 'FAILED' || r.status === 'AMBIGUOUS' || r.status === 'UNDEFINED');
  let outcome: Outcome = 'pass';
  let message: string | undefined;
  if (failed) {
    message = failed.exception?.message ?? failed.message ?? failed.status;
    const isAssertion = failed.status === 'FAILED' && (failed.exception?.type === 'AssertionError' || failed.exception?.type === 'ConformanceFailure' || /^AssertionError/.test(failed.message ?? ''));
    outcome = isAssertion ? 'fail' : 'error';
    if (failed.status === 'UNDEFINED') message = 'A step has no definition';
  } else if (results.some((r) => r.status === 'SKIPPED' || r.status === 'PENDING')) outcome = 'skip';
  const role = tags.find((t) => t.startsWith('@role:'))?.slice(6) as Role | undefined;
  return {
    pickleId: p.id,
    name: p.name,
    uri: p.uri,
    tags,
    ...(role ? { role } : {}),
    rules: tags.filter((t) => t.startsWith('@rule:')).map((t) => t.slice(6)),
    mandatory: !tags.includes('@optional'),
    outcome,
    ...(message ? { message } : {}),
  };
}

export function verdicts(region: string, outcomes: readonly ScenarioOutcome[], roles: readonly Role[]): RoleVerdict[] {
  return roles.map((role) => {
    const mine = outcomes.filter((o) => o.role === role);
    const mandatory = mine.filter((o) => o.mandatory);
    const v = {
      region,
      role,
      passed: mandatory.filter((o) => o.outcome === 'pass').length,
      failed: mandatory.filter((o) => o.outcome === 'fail').length,
      errored: mandatory.filter((o) => o.outcome === 'error').length,
      skipped: mandatory.filter((o) => o.outcome === 'skip' || o.outcome === 'omit').length,
      optionalFailed: mine.filter((o) => !o.mandatory && o.outcome !== 'pass').length,
    };
    const conformant = v.passed > 0 && v.failed === 0 && v.errored === 0 && v.skipped === 0;
    const verdict: VerdictLabel = v.failed > 0 ? 'not-conformant' : conformant ? 'conformant' : 'inconclusive';
    return { ...v, verdict, conformant };
  });
}
