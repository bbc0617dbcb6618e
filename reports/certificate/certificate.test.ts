/**
 * Certificates (issue 19): the DSSE encoding against the spec, a certificate of the recorded
 * passing run verifies with its report, and every kind of tampering (a report byte, verdict.json,
 * a missing file, the payload, the signature, the keyid, the payload type, any byte of the
 * envelope, another key, a changed key) is refused saying what does not match.
 */
import { generateKeyPairSync } from 'node:crypto';
import { appendFileSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { IN_TOTO_PAYLOAD_TYPE, keyFingerprint, pae, publicKeyFromPem, signEnvelope, verifyEnvelope } from './dsse.ts';
import { CertificateError } from './errors.ts';
import { CERTIFICATE_FILE, PREDICATE_TYPE, STATEMENT_TYPE, type Statement } from './statement.ts';
import { describeCertificate, verifyCertificate } from './verify.ts';
import { certify, copyRun, testKey, TEST_KEY_FINGERPRINT } from '../../test/helpers/certificate.ts';

const codeOf = (f: () => unknown): string => {
  try {
    f();
  } catch (e) {
    if (e instanceof CertificateError) return `${e.code}: ${e.message}`;
    throw e;
  }
  return 'verified';
};

describe('DSSE', () => {
  it('encodes PAE as the DSSE v1 spec does', () => {
    // The spec's example: PAE("http://example.com/HelloWorld", "hello world").
    expect(pae('http://example.com/HelloWorld', Buffer.from('hello world')).toString()).toBe('DSSEv1 29 http://example.com/HelloWorld 11 hello world');
    // Lengths are in bytes, not characters.
    expect(pae('t', Buffer.from('é')).toString()).toBe('DSSEv1 1 t 2 é');
  });

  it('names a key by the SHA-256 of its SubjectPublicKeyInfo, as openssl computes it', () => {
    expect(keyFingerprint(testKey().key)).toBe(TEST_KEY_FINGERPRINT);
    expect(keyFingerprint(testKey().publicKey)).toBe(TEST_KEY_FINGERPRINT);
  });

  it('signs and verifies; another key or another payload type does not verify', () => {
    const { key, publicKey } = testKey();
    const env = signEnvelope(IN_TOTO_PAYLOAD_TYPE, Buffer.from('{"a":1}'), key);
    expect(verifyEnvelope(env, publicKey).toString()).toBe('{"a":1}');
    expect(codeOf(() => verifyEnvelope(env, testKey('other-signing.key').publicKey))).toMatch(/^BAD_SIGNATURE: .*no signature is by key/);
    expect(codeOf(() => verifyEnvelope({ ...env, payloadType: 'application/json' }, publicKey))).toMatch(/^BAD_SIGNATURE/);
  });

  it('refuses keys that are not Ed25519', () => {
    const { publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    expect(codeOf(() => publicKeyFromPem(publicKey.export({ type: 'spki', format: 'pem' }).toString(), 'ec.pub'))).toMatch(/^BAD_KEY: ec.pub is a ec key/);
  });
});

describe('a certificate of the recorded passing run', async () => {
  const runDir = copyRun('pass');
  const issued = await certify(runDir);
  const text = readFileSync(issued.outFile, 'utf8');
  const { publicKey } = testKey();

  it('is an in-toto statement in a DSSE envelope naming every report file', () => {
    expect(issued.envelope.payloadType).toBe(IN_TOTO_PAYLOAD_TYPE);
    expect(issued.envelope.signatures[0]!.keyid).toBe(TEST_KEY_FINGERPRINT);
    const s = issued.statement;
    expect(s._type).toBe(STATEMENT_TYPE);
    expect(s.predicateType).toBe(PREDICATE_TYPE);
    expect(s.subject.map((x) => x.name)).toEqual(['index.html', 'junit.xml', 'run.json', 'summary.json', 'utrecht.ndjson', 'verdict.json']);
    expect(readFileSync(join(runDir, CERTIFICATE_FILE), 'utf8')).toBe(text);
  });

  it('states suite, system, run, verdicts and rules from the report model (summary.json)', () => {
    const p = issued.statement.predicate;
    const summary = JSON.parse(readFileSync(join(runDir, 'summary.json'), 'utf8'));
    expect(p.verdict).toBe('conformant');
    expect(p.verdicts).toEqual(summary.verdicts.map(({ conformant: _c, ...v }: { conformant: boolean }) => v));
    expect(p.rules[0]!.rules.map((r) => [r.id, r.status])).toEqual(summary.regions[0].rules.map((r: { id: string; status: string }) => [r.id, r.status]));
    expect(p.suite.regions).toEqual([{ region: 'utrecht', name: 'Gemeente Utrecht', protocol: { title: 'Backofficevragen Gemeente Utrecht', seed: '000_adbb5a33ba09fdd8.txt', version: null, date: null } }]);
    expect(p.sut).toMatchObject({ vendor: 'Test BV', name: 'Jeugd Suite', version: '2.4.1', kind: 'reference' });
    expect(p.certificate.complete).toBe(true);
    expect(Date.parse(p.certificate.validUntil) - Date.parse(p.certificate.issuedAt)).toBe(365 * 86_400_000);
  });

  it('puts the key fingerprint and what it covers at the top of the HTML report', () => {
    const html = readFileSync(join(runDir, 'index.html'), 'utf8');
    expect(html).toContain('id="certificate"');
    expect(html).toContain('8554 0bbe fdd3 9935');
    expect(html.indexOf('id="certificate"')).toBeLessThan(html.indexOf('id="overall-verdict"'));
    expect(html).toContain('Test BV Jeugd Suite 2.4.1: utrecht as gemeente, aanbieder');
  });

  it('verifies with its report and prints what it states', () => {
    const v = verifyCertificate({ envelopeText: text, publicKey, reportDir: runDir });
    expect(v.expired).toBe(false);
    expect(v.uncovered).toEqual([]);
    const lines = describeCertificate(v).join('\n');
    expect(lines).toContain('Test BV Jeugd Suite 2.4.1');
    expect(lines).toMatch(/utrecht\s+gemeente\s+CONFORMANT/);
    expect(lines).toContain('every SHA-256 matches');
  });

  it('refuses a changed byte of a report file, naming the file', () => {
    const dir = copyRunWithCert();
    const html = join(dir, 'index.html');
    const bytes = readFileSync(html);
    const mid = Math.floor(bytes.length / 2);
    bytes[mid] = bytes[mid]! ^ 1;
    writeFileSync(html, bytes);
    expect(codeOf(() => verifyCertificate({ envelopeText: text, publicKey, reportDir: dir }))).toMatch(/^FILE_MISMATCH: .*index\.html has SHA-256 [0-9a-f]{64}, the certificate states/);
  });

  it('refuses a changed verdict.json and summary.json', () => {
    for (const name of ['verdict.json', 'summary.json']) {
      const dir = copyRunWithCert();
      const file = join(dir, name);
      writeFileSync(file, readFileSync(file, 'utf8').replace('"conformant"', '"not-conformant"'));
      expect(codeOf(() => verifyCertificate({ envelopeText: text, publicKey, reportDir: dir }))).toMatch(new RegExp(`^FILE_MISMATCH: .*${name.replace('.', '\\.')} has SHA-256`));
    }
  });

  it('refuses a report with a file missing, and names a file added as not covered', () => {
    const dir = copyRunWithCert();
    rmSync(join(dir, 'utrecht.ndjson'));
    expect(codeOf(() => verifyCertificate({ envelopeText: text, publicKey, reportDir: dir }))).toMatch(/^FILE_MISMATCH: .*utrecht\.ndjson is missing/);
    const dir2 = copyRunWithCert();
    appendFileSync(join(dir2, 'extra.txt'), 'x');
    expect(verifyCertificate({ envelopeText: text, publicKey, reportDir: dir2 }).uncovered).toEqual(['extra.txt']);
  });

  it('refuses a payload that says something else, even re-encoded', () => {
    const env = JSON.parse(text);
    const statement = JSON.parse(Buffer.from(env.payload, 'base64').toString()) as Statement;
    statement.predicate.sut.version = '9.9.9';
    env.payload = Buffer.from(JSON.stringify(statement)).toString('base64');
    expect(codeOf(() => verifyCertificate({ envelopeText: `${JSON.stringify(env, null, 2)}\n`, publicKey }))).toMatch(/^BAD_SIGNATURE: .*signature by key 85540bbe.* does not match the envelope/);
  });

  it('refuses a changed signature, keyid or payload type', () => {
    const tweak = (f: (env: { payloadType: string; signatures: { keyid: string; sig: string }[] }) => void) => {
      const env = JSON.parse(text);
      f(env);
      return codeOf(() => verifyCertificate({ envelopeText: `${JSON.stringify(env, null, 2)}\n`, publicKey }));
    };
    expect(tweak((e) => (e.signatures[0]!.sig = Buffer.from(Buffer.from(e.signatures[0]!.sig, 'base64').map((b, i) => (i === 5 ? b ^ 1 : b))).toString('base64')))).toMatch(/^BAD_SIGNATURE/);
    expect(tweak((e) => (e.signatures[0]!.keyid = 'f'.repeat(64)))).toMatch(/^BAD_ENVELOPE: The signature verifies, but its keyid/);
    expect(tweak((e) => (e.payloadType = 'application/json'))).toMatch(/^BAD_ENVELOPE: .*payloadType application\/json/);
  });

  it('refuses any single changed byte of the envelope file', () => {
    const bytes = Buffer.from(text, 'utf8');
    const accepted: number[] = [];
    for (let i = 0; i < bytes.length; i++) {
      const changed = Buffer.from(bytes);
      // Another printable character: a letter where there was none, else a different letter.
      changed[i] = bytes[i] === 0x41 ? 0x42 : 0x41;
      try {
        verifyCertificate({ envelopeText: changed.toString('latin1'), publicKey });
        accepted.push(i);
      } catch (e) {
        if (!(e instanceof CertificateError)) throw e;
      }
    }
    expect(accepted, 'byte positions whose change was accepted').toEqual([]);
  });

  it('refuses another key, and a public key with one byte changed', () => {
    expect(codeOf(() => verifyCertificate({ envelopeText: text, publicKey: testKey('other-signing.key').publicKey }))).toMatch(/^BAD_SIGNATURE: .*no signature is by key/);
    const pem = testKey().publicPem;
    // The last base64 characters before the footer are the raw key bytes.
    const at = pem.indexOf('\n-----END') - 3;
    const changed = pem.slice(0, at) + (pem[at] === 'A' ? 'B' : 'A') + pem.slice(at + 1);
    expect(codeOf(() => verifyCertificate({ envelopeText: text, publicKey: publicKeyFromPem(changed, 'changed.pub') }))).toMatch(/^BAD_SIGNATURE/);
  });

  it('is expired a year after issue', async () => {
    const old = await certify(copyRun('pass'), { issuedAt: new Date(Date.now() - 366 * 86_400_000) });
    const v = verifyCertificate({ envelopeText: readFileSync(old.outFile, 'utf8'), publicKey });
    expect(v.expired).toBe(true);
    expect(describeCertificate(v).join('\n')).toContain('EXPIRED');
  });

  /** A fresh copy of the certified run folder, to tamper with. */
  function copyRunWithCert(): string {
    const dir = copyRun('pass');
    for (const s of issued.statement.subject) writeFileSync(join(dir, s.name), readFileSync(join(runDir, s.name)));
    return dir;
  }
});

describe('a failing run', () => {
  it('gets no certificate', async () => {
    await expect(certify(copyRun('fail'))).rejects.toMatchObject({ code: 'NOT_CERTIFIABLE', message: expect.stringMatching(/verdict is NOT CONFORMANT; only a CONFORMANT run is certified/) });
  });

  it('gets none when verdict.json disagrees with the report', async () => {
    const dir = copyRun('pass');
    writeFileSync(join(dir, 'verdict.json'), JSON.stringify({ verdict: 'inconclusive' }));
    await expect(certify(dir)).rejects.toMatchObject({ code: 'NOT_CERTIFIABLE', message: expect.stringMatching(/verdict\.json: inconclusive/) });
  });
});
