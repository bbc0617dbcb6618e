/**
 * What makes the suite trustworthy: every faulty variant of the reference implementations is
 * judged non-conformant by a scenario tagged with exactly the rule it breaks, and the correct
 * implementations pass every scenario of every region.
 */
import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { faults } from '../simulators/faults/index.ts';
import { runCli } from './helpers/run-cli.ts';

interface Verdict {
  conformant: boolean;
  verdicts: { region: string; role: string; conformant: boolean; passed: number; failed: number }[];
  outcomes: { name: string; rules: string[]; outcome: string; role?: string; message?: string }[];
}

async function conformance(args: string[]): Promise<{ code: number | null; verdict: Verdict; stderr: string; stdout: string }> {
  const out = mkdtempSync(join(tmpdir(), 'ijw-faults-'));
  const r = await runCli('cli/conformance.ts', [...args, '--out', out], { timeoutMs: 280_000 });
  const runDir = readdirSync(out).find((d) => d !== 'latest');
  if (!runDir) throw new Error(`no run directory: ${r.stderr}\n${r.stdout}`);
  return { code: r.code, verdict: JSON.parse(readFileSync(join(out, runDir, 'verdict.json'), 'utf8')), stderr: r.stderr, stdout: r.stdout };
}

describe('faulty variants are caught', () => {
  it('has at least 12 faulty variants, each for a different rule or region', () => {
    expect(faults.length).toBeGreaterThanOrEqual(12);
    expect(new Set(faults.map((f) => f.id)).size).toBe(faults.length);
  });

  for (const fault of faults) {
    it(`${fault.id} (${fault.role}, ${fault.region}) fails ${fault.rule}`, { timeout: 300_000 }, async () => {
      const { code, verdict } = await conformance(['--region', fault.region, '--role', fault.role, '--fault', fault.id]);
      expect(code, 'exit code of a non-conformant run').toBe(1);
      expect(verdict.conformant).toBe(false);
      const caught = verdict.outcomes.filter((o) => o.outcome === 'fail' && o.rules.includes(fault.rule));
      expect(caught.map((o) => o.name), `no failing scenario tagged @rule:${fault.rule}; failures: ${JSON.stringify(verdict.outcomes.filter((o) => o.outcome !== 'pass').map((o) => [o.name, o.rules, o.outcome, o.message?.slice(0, 200)]))}`).not.toEqual([]);
      expect(verdict.outcomes.filter((o) => o.outcome === 'error').map((o) => [o.name, o.message])).toEqual([]);
    });
  }
});

describe('the correct reference implementations', () => {
  it('pass every scenario of every region and role', { timeout: 600_000 }, async () => {
    const { code, verdict, stdout } = await conformance(['--region', 'all']);
    const bad = verdict.outcomes.filter((o) => o.outcome !== 'pass').map((o) => [o.name, o.role, o.outcome, o.message?.slice(0, 300)]);
    expect(bad).toEqual([]);
    expect(verdict.verdicts).toHaveLength(10);
    expect(verdict.verdicts.every((v) => v.conformant && v.passed > 0)).toBe(true);
    expect(code).toBe(0);
    expect(stdout).toContain('CONFORMANT');
  });
});
