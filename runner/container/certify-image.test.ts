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
import { TEST_KEY_FILE, ROOT } from '../../test/helpers/certificate.ts';
import { gitState } from '../../reports/certificate/suite-state.ts';
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
    // Only this file's images: other test files run containers of their own at the same time.
    const images = [good, bad].filter((i): i is string => !!i).flatMap((i) => ['--filter', `ancestor=${i}`]);
    return images.length ? execFileSync('docker', ['ps', '-aq', '--filter', 'label=ijw-conformance=1', ...images], { encoding: 'utf8' }).trim() : '';
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

  it('signs a certificate naming the image by its digest (or, in a changed checkout, refuses with exit 4)', { timeout: 420_000 }, async () => {
    const out = mkdtempSync(join(tmpdir(), 'ijw-image-cert-'));
    const cert = join(out, 'cert.json');
    const r = await runCli(
      'cli/conformance.ts',
      ['--region', 'alkmaar', '--role', 'aanbieder', '--sut-image', good!, '--sut-vendor', 'ijw-conformance', '--sut-name', 'reference aanbieder', '--sut-version', '0.1.0', '--certificate', cert, '--sign-key', TEST_KEY_FILE, '--out', out],
      { timeoutMs: 400_000, env: { IJW_SIGN_KEY: '', IJW_SIGN_KEY_FILE: '' } },
    );
    const git = gitState(ROOT);
    if (!git.checkout || git.changed.length) {
      // A developer's tree with changes: the certificate is refused before anything runs.
      expect(r.code, r.stderr).toBe(4);
      expect(r.stderr).toMatch(/No certificate: .*(local changes|git checkout)/);
      return;
    }
    expect(r.code, (r.stdout + r.stderr).slice(-3000)).toBe(0);
    const envelope = JSON.parse(readFileSync(cert, 'utf8'));
    const sut = JSON.parse(Buffer.from(envelope.payload, 'base64').toString()).predicate.sut;
    const id = execFileSync('docker', ['image', 'inspect', '--format', '{{.Id}}', good!], { encoding: 'utf8' }).trim();
    expect(sut).toMatchObject({ kind: 'image', image: good, imageDigest: id, name: 'reference aanbieder' });
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
