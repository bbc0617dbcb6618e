import { describe, expect, it } from 'vitest';
import { EXIT_CODE, overallVerdict, verdicts, type ScenarioOutcome } from './verdicts.ts';

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
