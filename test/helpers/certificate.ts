/** Shared by the certificate tests: the test keys and a certified copy of the recorded passing run. */
import { createPublicKey, type KeyObject } from 'node:crypto';
import { copyFileSync, cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { privateKeyFromPem } from '../../reports/certificate/dsse.ts';
import { issueCertificate, type IssueOptions, type Issued } from '../../reports/certificate/issue.ts';

export const ROOT = resolve(import.meta.dirname, '..', '..');
export const RUNS = join(ROOT, 'test', 'fixtures', 'reports', 'runs');
export const KEYS = join(ROOT, 'test', 'fixtures', 'certificate');
export const TEST_KEY_FILE = join(KEYS, 'test-signing.key');
/** openssl pkey -in test-signing.key -pubout -outform DER | sha256sum */
export const TEST_KEY_FINGERPRINT = '85540bbefdd39935c5514679faabc0c9af1b26c59752e7ef3943378e00a2d13a';

export function testKey(name = 'test-signing.key'): { key: KeyObject; publicKey: KeyObject; publicPem: string } {
  const key = privateKeyFromPem(readFileSync(join(KEYS, name), 'utf8'), name);
  const publicKey = createPublicKey(key);
  return { key, publicKey, publicPem: publicKey.export({ type: 'spki', format: 'pem' }).toString() };
}

/** Copies a recorded run (pass or fail) to a temp folder with the verdict.json the runner writes beside it. */
export function copyRun(mode: 'pass' | 'fail', into = mkdtempSync(join(tmpdir(), 'ijw-cert-'))): string {
  const dir = join(into, `run-${mode}`);
  cpSync(join(RUNS, mode), dir, { recursive: true });
  const verdict = mode === 'pass' ? 'conformant' : 'not-conformant';
  writeFileSync(join(dir, 'verdict.json'), `${JSON.stringify({ conformant: mode === 'pass', verdict }, null, 2)}\n`);
  return dir;
}

export async function certify(runDir: string, over: Partial<IssueOptions> = {}): Promise<Issued & { outFile: string }> {
  const outFile = over.outFile ?? join(runDir, '..', 'cert.json');
  const issued = await issueCertificate({
    runDir,
    outFile,
    key: testKey().key,
    suite: { version: '0.1.0', commit: 'a'.repeat(40), catalogue: { rulesVersion: '3', checked: false, reason: 'test' } },
    sut: { vendor: 'Test BV', name: 'Jeugd Suite', version: '2.4.1' },
    options: { region: 'utrecht', role: 'both' },
    ...over,
  });
  return { ...issued, outFile };
}

/** A folder of four certificates: Jeugd Suite by two suite versions, an expired one, and one signed by another key. */
export async function certificateFolder(): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'ijw-certs-'));
  const catalogue = { rulesVersion: '3', checked: false as const, reason: 'test' };
  const put = async (name: string, over: Parameters<typeof certify>[1]) => copyFileSync((await certify(copyRun('pass'), over)).outFile, join(dir, name));
  await put('jeugd-old.json', { suite: { version: '0.1.0', commit: 'a'.repeat(40), catalogue } });
  await put('jeugd-new.json', { suite: { version: '0.10.0', commit: 'b'.repeat(40), catalogue } });
  await put('zorg-expired.json', { sut: { vendor: 'Zorg & Co <script>alert(1)</script>', name: 'ZorgPlan "XL"', version: '1.0' }, issuedAt: new Date(Date.now() - 400 * 86_400_000) });
  await put('foreign.json', { key: testKey('other-signing.key').key, sut: { vendor: 'Elders', name: 'Other', version: '1' } });
  return dir;
}

