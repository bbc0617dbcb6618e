/**
 * The certificate from the command line: `conformance --certificate` refuses a partial run
 * before running anything (exit 4) and needs a key (exit 2); `npm run verify` prints what a
 * certificate states and exits 0, refuses a tampered report or another key with exit 1 and the
 * reason; a certificate of a real conformant reference run of utrecht verifies with its report.
 */
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './helpers/run-cli.ts';
import { certify, copyRun, KEYS, TEST_KEY_FILE, testKey } from './helpers/certificate.ts';

const noKeyEnv = { IJW_SIGN_KEY: '', IJW_SIGN_KEY_FILE: '' };

describe('conformance --certificate', () => {
  it('refuses a --tags subset before running anything, with exit code 4', { timeout: 60_000 }, async () => {
    const out = mkdtempSync(join(tmpdir(), 'ijw-cert-out-'));
    const r = await runCli('cli/conformance.ts', ['--region', 'utrecht', '--tags', '@smoke', '--certificate', join(out, 'c.json'), '--sign-key', TEST_KEY_FILE, '--out', out], { env: noKeyEnv });
    expect(r.code, r.stderr).toBe(4);
    expect(r.stderr).toMatch(/No certificate: --tags "@smoke" selects a subset of the scenarios; only a complete run is certified/);
    expect(r.stderr).toMatch(/Nothing was run \(exit code 4\)/);
    expect(readdirSync(out)).toEqual([]);
  });

  it('needs a signing key, and never takes one on the command line', { timeout: 60_000 }, async () => {
    const out = mkdtempSync(join(tmpdir(), 'ijw-cert-out-'));
    const r = await runCli('cli/conformance.ts', ['--region', 'utrecht', '--certificate', join(out, 'c.json'), '--out', out], { env: noKeyEnv });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--certificate needs a signing key: --sign-key <pem file>, or \$IJW_SIGN_KEY_FILE/);
    const bad = join(out, 'not-a-key.pem');
    writeFileSync(bad, 'hello');
    const r2 = await runCli('cli/conformance.ts', ['--region', 'utrecht', '--certificate', join(out, 'c.json'), '--out', out], { env: { IJW_SIGN_KEY_FILE: bad, IJW_SIGN_KEY: '' } });
    expect(r2.code).toBe(2);
    expect(r2.stderr).toMatch(/not-a-key\.pem is not a PEM private key/);
  });

  it('needs --sut-name and --sut-version for a system under test', { timeout: 60_000 }, async () => {
    const out = mkdtempSync(join(tmpdir(), 'ijw-cert-out-'));
    const r = await runCli('cli/conformance.ts', ['--region', 'utrecht', '--role', 'aanbieder', '--sut', 'http://127.0.0.1:9', '--certificate', join(out, 'c.json'), '--sign-key', TEST_KEY_FILE, '--out', out], { env: noKeyEnv });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--certificate needs --sut-name and --sut-version/);
  });
});

describe('a certificate of a real reference run', () => {
  it('of utrecht (both roles, every scenario) verifies with its report', { timeout: 300_000 }, async () => {
    // The run through the CLI; the certificate from the module, so a developer's uncommitted
    // changes (refused by the CLI, tested above) do not decide this test.
    const out = mkdtempSync(join(tmpdir(), 'ijw-cert-real-'));
    const r = await runCli('cli/conformance.ts', ['--region', 'utrecht', '--out', out], { timeoutMs: 280_000 });
    expect(r.code, r.stderr.slice(-2000)).toBe(0);
    const runDir = join(out, readdirSync(out).find((d) => d !== 'latest')!);
    const issued = await certify(runDir, { outFile: join(out, 'cert.json') });
    expect(issued.statement.predicate.verdicts.map((v) => [v.role, v.verdict])).toEqual([['gemeente', 'conformant'], ['aanbieder', 'conformant']]);
    expect(issued.statement.predicate.run.businessDates.utrecht!.length).toBeGreaterThan(0);
    expect(issued.statement.predicate.rules[0]!.rules.length).toBeGreaterThan(50);
    const pub = join(out, 'region.pub');
    writeFileSync(pub, testKey().publicPem);
    const v = await runCli('cli/verify.ts', [join(out, 'cert.json'), '--report', runDir, '--public-key', pub]);
    expect(v.code, v.stderr).toBe(0);
    expect(v.stdout).toMatch(/Report files\s+6, every SHA-256 matches/);
  });
});

describe('npm run verify', async () => {
  const runDir = copyRun('pass');
  const { outFile } = await certify(runDir);
  const pub = join(runDir, '..', 'region.pub');
  writeFileSync(pub, testKey().publicPem);

  it('prints what the certificate states and exits 0', { timeout: 60_000 }, async () => {
    const r = await runCli('cli/verify.ts', [outFile, '--report', runDir, '--public-key', pub]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/Signed by key\s+85540bbefdd39935/);
    expect(r.stdout).toMatch(/System\s+Test BV Jeugd Suite 2\.4\.1 \(reference\)/);
    expect(r.stdout).toMatch(/utrecht\s+Backofficevragen Gemeente Utrecht \(the protocol states no version or date\)/);
    expect(r.stdout).toMatch(/VERIFIED: signature, statement and every report file match/);
  });

  it('exits 1 naming what does not match: a report file, the key', { timeout: 60_000 }, async () => {
    const junit = join(runDir, 'junit.xml');
    const before = readFileSync(junit, 'utf8');
    writeFileSync(junit, before.replace('<testsuites', '<testsuites '));
    const r = await runCli('cli/verify.ts', [outFile, '--report', runDir, '--public-key', pub]);
    writeFileSync(junit, before);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/NOT VERIFIED \(FILE_MISMATCH\): The report does not match the certificate: junit\.xml has SHA-256/);
    const other = await runCli('cli/verify.ts', [outFile, '--public-key', join(KEYS, 'other-signing.key')]);
    expect(other.code).toBe(1);
    expect(other.stderr).toMatch(/NOT VERIFIED \(BAD_SIGNATURE\)/);
  });

  it('exits 2 without --public-key', { timeout: 60_000 }, async () => {
    const r = await runCli('cli/verify.ts', [outFile]);
    expect(r.code).toBe(2);
  });
});
