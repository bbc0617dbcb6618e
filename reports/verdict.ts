/**
 * The one place that decides outcomes and verdicts. A scenario is `fail` when the SUT broke a
 * rule, `error` when the harness or the transport failed; a role is NOT CONFORMANT when a
 * mandatory scenario failed, CONFORMANT when every mandatory scenario passed (and there was one),
 * INCONCLUSIVE otherwise. The runner (exit code, console, verdict.json: runner/verdicts.ts) and
 * the report model (summary.json, JUnit, HTML: reports/model.ts) both take their answer from here.
 */
import type { TestStepResult } from '@cucumber/messages';

/** Closed set of scenario outcomes: fail = the SUT broke a rule, error = the harness or transport failed. */
export type Outcome = 'pass' | 'fail' | 'skip' | 'omit' | 'error';
export const OUTCOMES = ['pass', 'fail', 'error', 'skip', 'omit'] as const satisfies readonly Outcome[];

/** `inconclusive`: nothing failed, but the harness could not judge every scenario (exit code 3). */
export type VerdictLabel = 'conformant' | 'not-conformant' | 'inconclusive';

/** How a verdict is printed: console, HTML, JUnit. */
export const VERDICT_TEXT: Record<VerdictLabel, string> = { conformant: 'CONFORMANT', 'not-conformant': 'NOT CONFORMANT', inconclusive: 'INCONCLUSIVE' };

/** Exit codes of `npm run conformance` (2 is a usage error or an unreachable SUT). */
export const EXIT_CODE: Record<VerdictLabel, 0 | 1 | 3> = { conformant: 0, 'not-conformant': 1, inconclusive: 3 };

/** The step statuses that stop a scenario; the first such step decides its outcome. */
export function isStopping(status: TestStepResult['status']): boolean {
  return status === 'FAILED' || status === 'AMBIGUOUS' || status === 'UNDEFINED';
}

/**
 * Whether a failed step is the SUT's failure (a ConformanceFailure, or any assertion) rather than
 * the harness's: the step attached a finding, or threw an AssertionError.
 */
export function isAssertionFailure(r: Pick<TestStepResult, 'status' | 'exception' | 'message'>, hasFinding = false): boolean {
  if (r.status !== 'FAILED') return false;
  if (hasFinding) return true;
  const type = r.exception?.type ?? '';
  return type === 'AssertionError' || type === 'ConformanceFailure' || /^AssertionError\b/.test(r.message ?? '') || /^AssertionError\b/.test(r.exception?.stackTrace ?? '');
}

/**
 * The outcome of one attempt of a scenario from its step results in order (a step without a
 * result: status `UNKNOWN`). `hasFinding`: the attempt attached a finding
 * (`application/vnd.ijw.finding+json`). Without an attempt the scenario was not run (`omit`).
 */
export function outcomeOf(results: readonly Pick<TestStepResult, 'status' | 'exception' | 'message'>[] | undefined, hasFinding = false): Outcome {
  if (!results) return 'omit';
  const i = results.findIndex((r) => isStopping(r.status));
  if (i >= 0) return isAssertionFailure(results[i]!, hasFinding) ? 'fail' : 'error';
  if (results.some((r) => r.status === 'SKIPPED' || r.status === 'PENDING')) return 'skip';
  if (results.every((r) => r.status === 'PASSED')) return 'pass';
  return 'omit';
}

export interface OutcomeCounts {
  total: number;
  passed: number;
  failed: number;
  errored: number;
  /** Skipped and omitted. */
  skipped: number;
}

export function countOutcomes(outcomes: readonly Outcome[]): OutcomeCounts {
  return {
    total: outcomes.length,
    passed: outcomes.filter((o) => o === 'pass').length,
    failed: outcomes.filter((o) => o === 'fail').length,
    errored: outcomes.filter((o) => o === 'error').length,
    skipped: outcomes.filter((o) => o === 'skip' || o === 'omit').length,
  };
}

/** The verdict on a role from its mandatory scenarios: conformant needs at least one, every one passed. */
export function roleVerdictOf(mandatory: OutcomeCounts): { verdict: VerdictLabel; conformant: boolean } {
  const conformant = mandatory.total > 0 && mandatory.passed === mandatory.total;
  return { verdict: mandatory.failed > 0 ? 'not-conformant' : conformant ? 'conformant' : 'inconclusive', conformant };
}

/** The verdict of several: any not conformant wins, then any inconclusive (or none at all). */
export function overallVerdict(vs: readonly { verdict: VerdictLabel }[]): VerdictLabel {
  if (vs.some((v) => v.verdict === 'not-conformant')) return 'not-conformant';
  if (!vs.length || vs.some((v) => v.verdict === 'inconclusive')) return 'inconclusive';
  return 'conformant';
}
