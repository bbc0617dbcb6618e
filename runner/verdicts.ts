/**
 * Scenario results and verdicts from the cucumber message stream: a closed set of outcomes
 * (pass, fail, skip, omit, error) where fail means the SUT broke a rule and error means the
 * harness or the transport failed.
 */
import type { Envelope, Pickle, TestStepResult } from '@cucumber/messages';
import { countOutcomes, outcomeOf as decideOutcome, roleVerdictOf, type Outcome, type VerdictLabel } from '../reports/verdict.ts';

// The decisions live in reports/verdict.ts, shared with the report model; this module folds the
// cucumber stream into scenario outcomes as the run goes.
export { EXIT_CODE, overallVerdict, VERDICT_TEXT, type Outcome, type VerdictLabel } from '../reports/verdict.ts';
export type Role = 'gemeente' | 'aanbieder';

/** The media type of a failed assertion's finding (steps/support/world.ts). */
const FINDING_MEDIA_TYPE = 'application/vnd.ijw.finding+json';

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
  private started = new Map<string, { testCaseId: string; results: TestStepResult[]; finding: boolean }>();
  readonly outcomes: ScenarioOutcome[] = [];
  total = 0;

  add(e: Envelope): ScenarioOutcome | undefined {
    if (e.pickle) {
      this.pickles.set(e.pickle.id, e.pickle);
    } else if (e.testCase) {
      this.testCases.set(e.testCase.id, e.testCase.pickleId);
      this.total++;
    } else if (e.testCaseStarted) {
      this.started.set(e.testCaseStarted.id, { testCaseId: e.testCaseStarted.testCaseId, results: [], finding: false });
    } else if (e.attachment?.mediaType === FINDING_MEDIA_TYPE && e.attachment.testCaseStartedId) {
      const s = this.started.get(e.attachment.testCaseStartedId);
      if (s) s.finding = true;
    } else if (e.testStepFinished) {
      this.started.get(e.testStepFinished.testCaseStartedId)?.results.push(e.testStepFinished.testStepResult);
    } else if (e.testCaseFinished && !e.testCaseFinished.willBeRetried) {
      const s = this.started.get(e.testCaseFinished.testCaseStartedId);
      const pickle = s && this.pickles.get(this.testCases.get(s.testCaseId) ?? '');
      if (!s || !pickle) return undefined;
      const o = scenarioOutcome(pickle, s.results, s.finding);
      this.outcomes.push(o);
      return o;
    }
    return undefined;
  }
}

function scenarioOutcome(p: Pickle, results: TestStepResult[], finding: boolean): ScenarioOutcome {
  const tags = p.tags.map((t) => t.name);
  const outcome = decideOutcome(results, finding);
  const stopped = results.find((r) => r.status === 'FAILED' || r.status === 'AMBIGUOUS' || r.status === 'UNDEFINED');
  const message = stopped?.status === 'UNDEFINED' ? 'A step has no definition' : stopped ? (stopped.exception?.message ?? stopped.message ?? stopped.status) : undefined;
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
    const mandatory = countOutcomes(mine.filter((o) => o.mandatory).map((o) => o.outcome));
    return {
      region,
      role,
      ...roleVerdictOf(mandatory),
      passed: mandatory.passed,
      failed: mandatory.failed,
      errored: mandatory.errored,
      skipped: mandatory.skipped,
      optionalFailed: mine.filter((o) => !o.mandatory && o.outcome !== 'pass').length,
    };
  });
}
