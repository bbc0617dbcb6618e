import { describe, expect, it } from 'vitest';
import { EXIT_CODE, OutcomeCollector, overallVerdict, verdicts, type ScenarioOutcome } from './verdicts.ts';
import { outcomeOf as decide, roleVerdictOf } from '../reports/verdict.ts';
import { loadReportModel } from '../reports/model.ts';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const o = (outcome: ScenarioOutcome['outcome'], mandatory = true): ScenarioOutcome => ({ pickleId: outcome, name: outcome, uri: 'x.feature', tags: [], role: 'aanbieder', rules: [], mandatory, outcome });

describe('verdicts', () => {
  it('a failure is not conformant (exit 1), whatever else happened', () => {
    const [v] = verdicts('alkmaar', [o('pass'), o('error'), o('fail')], ['aanbieder']);
    expect(v!.verdict).toBe('not-conformant');
    expect(EXIT_CODE[overallVerdict([v!])]).toBe(1);
  });

  it('a harness error without a failure is inconclusive (exit 3), not a verdict on the SUT', () => {
    const [v] = verdicts('alkmaar', [o('pass'), o('error')], ['aanbieder']);
    expect(v!.verdict).toBe('inconclusive');
    expect(v!.conformant).toBe(false);
    expect(EXIT_CODE[overallVerdict([v!])]).toBe(3);
  });

  it('nothing judged is inconclusive; every mandatory pass is conformant (exit 0)', () => {
    expect(verdicts('alkmaar', [], ['aanbieder'])[0]!.verdict).toBe('inconclusive');
    const [v] = verdicts('alkmaar', [o('pass'), o('fail', false)], ['aanbieder']);
    expect(v!.verdict).toBe('conformant');
    expect(EXIT_CODE[overallVerdict([v!])]).toBe(0);
  });

  it('over several verdicts: any not conformant wins, then any inconclusive', () => {
    expect(overallVerdict([{ verdict: 'conformant' }, { verdict: 'inconclusive' }])).toBe('inconclusive');
    expect(overallVerdict([{ verdict: 'inconclusive' }, { verdict: 'not-conformant' }])).toBe('not-conformant');
    expect(overallVerdict([])).toBe('inconclusive');
  });
});

describe('one decision for the runner and the report (issue 16)', () => {
  const pickle = { id: 'p1', uri: 'x.feature', name: 'S', language: 'en', astNodeIds: [], steps: [], tags: [{ name: '@role:aanbieder', astNodeId: '' }] };
  const run = (result: { status: 'FAILED' | 'PASSED'; exception?: { type: string; message: string } }, finding: boolean) => {
    const c = new OutcomeCollector();
    const envelopes = [
      { pickle },
      { testCase: { id: 'tc1', pickleId: 'p1', testSteps: [] } },
      { testCaseStarted: { id: 'tcs1', testCaseId: 'tc1', attempt: 0, timestamp: { seconds: 0, nanos: 0 } } },
      ...(finding ? [{ attachment: { mediaType: 'application/vnd.ijw.finding+json', body: '{}', contentEncoding: 'IDENTITY', testCaseStartedId: 'tcs1', testStepId: 's1' } }] : []),
      { testStepFinished: { testCaseStartedId: 'tcs1', testStepId: 's1', testStepResult: { ...result, duration: { seconds: 0, nanos: 0 } }, timestamp: { seconds: 0, nanos: 0 } } },
      { testCaseFinished: { testCaseStartedId: 'tcs1', willBeRetried: false, timestamp: { seconds: 0, nanos: 0 } } },
    ];
    let out;
    for (const e of envelopes) out = c.add(e as never) ?? out;
    return out!.outcome;
  };
  it('a failed step that attached a finding is the SUT\'s failure, whatever it threw; without one only an AssertionError is', () => {
    expect(run({ status: 'FAILED', exception: { type: 'Error', message: 'x' } }, true)).toBe('fail');
    expect(decide([{ status: 'FAILED' as never, exception: { type: 'Error', message: 'x' } }], true)).toBe('fail');
    expect(run({ status: 'FAILED', exception: { type: 'Error', message: 'x' } }, false)).toBe('error');
    expect(run({ status: 'FAILED', exception: { type: 'AssertionError', message: 'x' } }, false)).toBe('fail');
    expect(run({ status: 'PASSED' }, false)).toBe('pass');
  });
  it('the runner\'s role verdict is the shared one', () => {
    const mandatory = { total: 2, passed: 1, failed: 0, errored: 1, skipped: 0 };
    expect(verdicts('alkmaar', [o('pass'), o('error')], ['aanbieder'])[0]).toMatchObject(roleVerdictOf(mandatory));
  });
});

describe('the runner and the report model agree on recorded runs', () => {
  for (const run of ['pass', 'fail']) {
    it(`${run}: the same outcome per scenario and the same verdict per role`, async () => {
      const dir = resolve(import.meta.dirname, '..', 'test', 'fixtures', 'reports', 'runs', run);
      const model = await loadReportModel(dir, { maskBsn: false });
      for (const region of model.regions) {
        const c = new OutcomeCollector();
        for (const line of readFileSync(join(dir, region.messagesFile), 'utf8').split('\n').filter(Boolean)) c.add(JSON.parse(line));
        const byName = new Map(c.outcomes.map((o) => [o.pickleId, o.outcome]));
        expect(c.outcomes.length).toBeGreaterThan(0);
        for (const s of region.scenarios.filter((x) => x.verdict !== 'omit')) expect(byName.get(s.id), s.name).toBe(s.verdict);
        const runner = verdicts(region.region, c.outcomes, model.run.roles);
        expect(runner.map((v) => [v.role, v.verdict, v.conformant])).toEqual(region.verdicts.map((v) => [v.role, v.verdict, v.conformant]));
        expect(overallVerdict(runner)).toBe(model.verdict);
      }
    });
  }
});
