/**
 * A vendor points the suite at an HTTP system: here the simulator server plays the vendor's
 * provider over real HTTP on loopback, correct and faulty (runConformance in-process); an
 * unreachable SUT or an unknown region is a usage error of the command (its exit code, end to end).
 */
import { afterAll, describe, expect, it } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';
import { ROOT, runCli } from './helpers/run-cli.ts';
import { conformanceInProcess } from './helpers/conformance.ts';
import { REGION_IDS, type RegionId } from '../regions/catalogue.ts';

const children: ChildProcess[] = [];

function startSimulator(args: string[]): Promise<string> {
  return new Promise((res, rej) => {
    const child = spawn(resolve(ROOT, 'node_modules/.bin/tsx'), [resolve(ROOT, 'cli/simulate.ts'), '--port', '0', '--quiet', ...args], { cwd: ROOT });
    children.push(child);
    let out = '';
    child.stdout.on('data', (d) => {
      out += d;
      const m = /listening on (http:\/\/\S+)/.exec(out);
      if (m) res(m[1]!);
    });
    child.on('exit', (code) => rej(new Error(`simulator exited ${code}: ${out}`)));
  });
}

afterAll(() => {
  for (const c of children) c.kill('SIGTERM');
});

async function certify(url: string, region: RegionId) {
  const { code, verdict } = await conformanceInProcess({ regions: [region], role: 'aanbieder', sut: url });
  return { code, verdict, out: JSON.stringify(verdict.outcomes.filter((o) => o.outcome !== 'pass')) };
}

describe('certifying a system over HTTP', () => {
  it('judges the correct provider conformant', { timeout: 300_000 }, async () => {
    const url = await startSimulator(['--region', 'utrecht', '--as', 'aanbieder']);
    const { code, verdict, out } = await certify(url, 'utrecht');
    expect(verdict?.outcomes.filter((o) => o.outcome !== 'pass'), out.slice(-3000)).toEqual([]);
    expect(code).toBe(0);
  });

  it('judges a faulty provider not conformant, on the rule it breaks', { timeout: 300_000 }, async () => {
    const url = await startSimulator(['--region', 'alkmaar', '--as', 'aanbieder', '--fault', 'aanbieder-stops-without-start']);
    const { code, verdict } = await certify(url, 'alkmaar');
    expect(code).toBe(1);
    expect(verdict!.outcomes.some((o) => o.outcome === 'fail' && o.rules.includes('IJW-STOP-1'))).toBe(true);
  });

  it('exits 2 with a clear message when the SUT is unreachable', { timeout: 60_000 }, async () => {
    const r = await runCli('cli/conformance.ts', ['--region', 'alkmaar', '--role', 'aanbieder', '--sut', 'http://127.0.0.1:9', '--request-timeout', '1500'], { timeoutMs: 50_000 });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/not reachable/);
  });

  it('exits 2 on an unknown region, naming the valid ones', async () => {
    const r = await runCli('cli/conformance.ts', ['--region', 'groningen'], { timeoutMs: 50_000 });
    expect(r.code).toBe(2);
    // Every pack is named, from the packs themselves.
    expect(r.stderr).toContain(`Choose one of: ${REGION_IDS.join(', ')}, all`);
  });
});
