/**
 * What makes the suite trustworthy: every faulty variant of the reference implementations is
 * judged non-conformant by a scenario tagged with exactly the rule it breaks, and the correct
 * implementations pass every scenario of every region.
 *
 * To stay fast, a variant runs only on the scenarios of its region and role that carry its rule,
 * plus the `@smoke` scenarios (a correct happy path per role), which must still pass: a variant
 * that breaks everything proves nothing about its rule. The rule-level mutation score
 * (testable rule × role pairs with a caught variant) is printed at the end. The variants run
 * in-process on a pool of worker threads (IJW_TEST_WORKERS, default 2); `IJW_FAULTS=id,id`
 * runs only those variants (the score then covers only them).
 */
import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { faults as allFaults } from '../simulators/faults/index.ts';
import { REGION_IDS, catalogue, type RegionId, findRule, isOptionalFor, type Certifies, type Flow } from '../regions/catalogue.ts';
import { NATIONAL_RULES } from '../ijw/rules/national-rules.ts';
import { statusOf } from '../ijw/rules/catalogue.ts';
import { VERDICT_TEXT } from '../runner/verdicts.ts';
import type { ConformanceResult } from '../runner/run-conformance.ts';
import { ConformancePool, type PoolOptions } from './helpers/conformance-pool.ts';

const only = process.env.IJW_FAULTS?.split(',').map((s) => s.trim()).filter(Boolean);
const faults = only?.length ? allFaults.filter((f) => only.includes(f.id)) : allFaults;
const pool = new ConformancePool();
afterAll(() => pool.close());

/** A run against the reference parties with the variants given, in a thread of the pool. */
async function conformance(opts: Omit<PoolOptions, 'outDir'>): Promise<{ code: number; verdict: ConformanceResult }> {
  const outDir = mkdtempSync(join(tmpdir(), 'ijw-faults-'));
  try {
    const verdict = await pool.run({ ...opts, outDir });
    return { code: verdict.exitCode, verdict };
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}

const ROLE: Record<string, Certifies> = { gemeente: 'G', aanbieder: 'A' };

/** A national rule id (no catalogue rule) that its scenarios tag: judged by a reference party, testedBy itself. */
function nationalJudged(id: string): { by: readonly string[] } | undefined {
  if (findRule(id)) return undefined;
  const st = statusOf(id);
  // `by`: whose software the rule's scenarios judge (a JW325 rule: the municipality's, judged by the provider).
  return st?.status === 'judged' && st.testedBy.includes(id) ? { by: st.certifies ?? st.by } : undefined;
}

/** The flow of a catalogue rule, or of a national rule by its messages. */
function flowOf(id: string): Flow | undefined {
  const r = findRule(id);
  if (r) return r.flow;
  const m = NATIONAL_RULES.find((x) => x.id === id)?.messages ?? [];
  if (m.some((c) => c === 'JW323' || c === 'JW325')) return 'declaratie';
  if (m.some((c) => c === 'JW305' || c === 'JW307')) return 'start-stop';
  if (m.some((c) => c === 'JW315' || c === 'JW317' || c === 'JW319')) return 'verzoek';
  if (m.includes('JW301')) return 'toewijzing';
  return undefined;
}
const caught = new Set<string>();

describe('faulty variants are caught', () => {
  it('each variant has its own id and breaks a testable rule that certifies its role', () => {
    expect(new Set(allFaults.map((f) => f.id)).size).toBe(allFaults.length);
    const bad = allFaults.filter((f) => {
      const national = nationalJudged(f.rule);
      if (national) return !national.by.includes(f.role);
      const r = findRule(f.rule);
      return !r || r.status !== 'testable' || !r.certifies.includes(ROLE[f.role]!) || (r.scope !== 'national' && r.scope !== f.region);
    });
    expect(bad.map((f) => `${f.id}: ${f.rule} (${f.role}, ${f.region})`)).toEqual([]);
  });

  it('every testable, non-optional rule × role pair, and every judged national rule × role, has a variant (each is run below)', () => {
    const declared = new Set(allFaults.map((f) => `${f.rule} (${ROLE[f.role]})`));
    const due = catalogue.filter((r) => r.status === 'testable').flatMap((r) => r.certifies.filter((c) => !isOptionalFor(r, c)).map((c) => `${r.id} (${c})`));
    const national = NATIONAL_RULES.filter((r) => r.niveau !== 'bericht inhoud (xslt)').flatMap((r) => (nationalJudged(r.id)?.by ?? []).filter((b) => b === 'gemeente' || b === 'aanbieder').map((b) => `${r.id} (${ROLE[b]})`));
    expect([...due, ...national].filter((p) => !declared.has(p))).toEqual([]);
  });

  describe.concurrent('each variant', () => {
    for (const fault of faults) {
      it(`${fault.id} (${fault.role}, ${fault.region}) fails ${fault.rule}`, { timeout: 300_000 }, async () => {
        // The variant's report is not looked at here: only its verdict (reports/ has its own tests).
        const { code, verdict } = await conformance({ regions: [fault.region as RegionId], role: fault.role, faults: [fault.id], tags: `@rule:${fault.rule} or @smoke`, noReports: true });
        const failed = verdict.outcomes.filter((o) => o.outcome !== 'pass').map((o) => [o.name, o.rules, o.outcome, o.message?.slice(0, 300)]);
        expect(code, `exit code of a non-conformant run; not passed: ${JSON.stringify(failed)}`).toBe(1);
        const hits = verdict.outcomes.filter((o) => o.outcome === 'fail' && o.rules.includes(fault.rule));
        expect(hits.map((o) => o.name), `no failing scenario tagged @rule:${fault.rule}; not passed: ${JSON.stringify(failed)}`).not.toEqual([]);
        expect(verdict.outcomes.filter((o) => o.outcome === 'error').map((o) => [o.name, o.message])).toEqual([]);
        // The control: smoke scenarios of other flows than the rule's still pass.
        if (!fault.affectsEveryFlow) {
          const flow = flowOf(fault.rule);
          const control = verdict.outcomes.filter((o) => !o.rules.some((id) => id === fault.rule || flowOf(id) === flow));
          expect(control.length, 'no control scenario ran').toBeGreaterThan(0);
          const broken = control.filter((o) => o.outcome !== 'pass').map((o) => [o.name, o.message?.slice(0, 300)]);
          expect(broken, 'a smoke scenario of another flow failed: the variant breaks more than its rule').toEqual([]);
        }
        caught.add(`${fault.rule} (${ROLE[fault.role]})`);
      });
    }
  });

  afterAll(() => {
    // Pairs where the rule is optional for the role cannot be caught: optional scenarios do not count.
    const due = catalogue.filter((r) => r.status === 'testable').flatMap((r) => r.certifies.filter((c) => !isOptionalFor(r, c)).map((c) => `${r.id} (${c})`));
    const byRegion = new Map<string, { due: number; caught: number }>();
    for (const pair of due) {
      const scope = findRule(pair.split(' ')[0]!)!.scope;
      const e = byRegion.get(scope) ?? { due: 0, caught: 0 };
      e.due++;
      if (caught.has(pair)) e.caught++;
      byRegion.set(scope, e);
    }
    const lines = [...byRegion].map(([scope, e]) => `  ${scope.padEnd(10)} ${e.caught}/${e.due}`);
    console.log(`Rule-level mutation score: ${[...caught].filter((p) => due.includes(p)).length}/${due.length} testable rule × role pairs have a caught variant (${faults.length} variants)\n${lines.join('\n')}`);
    // National cross-message rules no catalogue rule covers (tagged with their national id), per judging role.
    const national = NATIONAL_RULES.filter((r) => r.niveau !== 'bericht inhoud (xslt)').flatMap((r) => (nationalJudged(r.id)?.by ?? []).filter((b) => b === 'gemeente' || b === 'aanbieder').map((b) => `${r.id} (${ROLE[b]})`));
    console.log(`National cross-message rules (tagged by their national id): ${[...caught].filter((p) => national.includes(p)).length}/${national.length} rule × role pairs have a caught variant`);
  });
});

describe('the correct reference implementations', () => {
  it('pass every scenario of every region and role', { timeout: 600_000 }, async () => {
    const { code, verdict } = await conformance({ regions: [...REGION_IDS], role: 'both' });
    const bad = verdict.outcomes.filter((o) => o.outcome !== 'pass').map((o) => [o.name, o.role, o.outcome, o.message?.slice(0, 300)]);
    expect(bad).toEqual([]);
    expect(verdict.verdicts).toHaveLength(12);
    expect(verdict.verdicts.every((v) => v.conformant && v.passed > 0)).toBe(true);
    expect(code).toBe(0);
    expect(verdict.verdicts.map((v) => VERDICT_TEXT[v.verdict])).toEqual(verdict.verdicts.map(() => 'CONFORMANT'));
  });
});
