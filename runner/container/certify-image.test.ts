/**
 * End to end with a container engine: the containerised reference provider is certified
 * through --sut-image (the command), a faulty one is not (runConformance in-process, which runs
 * the container for the run's length), and no container is left behind. CI builds the images
 * (.ci/run); without them or an engine the test skips visibly.
 */
import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { runCli } from '../../test/helpers/run-cli.ts';
import { checkContainerEngine } from './sut-container.ts';
import { conformanceInProcess } from '../../test/helpers/conformance.ts';

const good = process.env.IJW_TEST_REFERENCE_IMAGE;
const bad = process.env.IJW_TEST_FAULTY_IMAGE;
let engine = false;
try {
  await checkContainerEngine(3000);
  engine = true;
} catch {
  engine = false;
}
const ready = engine && !!good && !!bad;
if (!ready) console.log('SKIPPED: --sut-image certification needs a container engine and IJW_TEST_REFERENCE_IMAGE/IJW_TEST_FAULTY_IMAGE (built by .ci/run)');

function leftovers(): string {
  try {
    return execFileSync('docker', ['ps', '-aq', '--filter', 'label=ijw-conformance=1'], { encoding: 'utf8' }).trim();
  } catch {
    return '';
  }
}

async function certify(image: string) {
  const out = mkdtempSync(join(tmpdir(), 'ijw-image-'));
  const r = await runCli('cli/conformance.ts', ['--region', 'alkmaar', '--role', 'aanbieder', '--sut-image', image, '--out', out], { timeoutMs: 400_000 });
  const run = readdirSync(out).find((d) => d !== 'latest');
  const verdict = run ? JSON.parse(readFileSync(join(out, run, 'verdict.json'), 'utf8')) : undefined;
  return { code: r.code, verdict, log: r.stdout + r.stderr };
}

describe.skipIf(!ready)('certifying a container image', () => {
  it('certifies the containerised reference provider', { timeout: 420_000 }, async () => {
    const { code, verdict, log } = await certify(good!);
    expect(code, log.slice(-3000)).toBe(0);
    expect(verdict.conformant).toBe(true);
    expect(leftovers()).toBe('');
  });

  it('does not certify the faulty image, and catches its rule', { timeout: 420_000 }, async () => {
    const { code, verdict } = await conformanceInProcess({
      regions: ['alkmaar'],
      role: 'aanbieder',
      container: { image: bad!, port: 8080, healthPath: '/conformance/health', env: [], startupTimeoutMs: 60_000 },
    });
    expect(code).toBe(1);
    expect(verdict.outcomes.some((o: { outcome: string; rules: string[] }) => o.outcome === 'fail' && o.rules.includes('IJW-STOP-1'))).toBe(true);
    expect(leftovers()).toBe('');
  });
});
