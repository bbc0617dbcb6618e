/**
 * Verifies a certificate: the envelope is as issued, a signature by the given public key
 * verifies over the DSSE PAE of the payload, the payload is a certificate statement, and (with
 * a report folder) every report file it names has the SHA-256 it states. Each failure is a
 * CertificateError saying what does not match.
 *
 * @example
 *   const v = verifyCertificate({ envelopeText, publicKey, reportDir: 'reports/out/latest' });
 *   describeCertificate(v).forEach((l) => console.log(l));
 */
import type { KeyObject } from 'node:crypto';
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { IN_TOTO_PAYLOAD_TYPE, asEnvelope, keyFingerprint, verifyEnvelope, type DsseEnvelope } from './dsse.ts';
import { CertificateError } from './errors.ts';
import { asStatement, reportSubjects, sha256File, type Statement } from './statement.ts';

export interface Verified {
  statement: Statement;
  envelope: DsseEnvelope;
  fingerprint: string;
  /** Whether the report files were checked (a report folder was given). */
  filesChecked: boolean;
  /** Files in the report folder the certificate does not name (not covered by it). */
  uncovered: string[];
  expired: boolean;
}

/** Parses the envelope file as issued: JSON, the DSSE shape, and byte for byte the layout we write. */
export function parseEnvelope(text: string, where: string): DsseEnvelope {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (e) {
    throw new CertificateError('BAD_ENVELOPE', `${where} is not JSON: ${(e as Error).message}`);
  }
  const env = asEnvelope(parsed, where);
  const extra = Object.keys(env).filter((k) => !['payloadType', 'payload', 'signatures'].includes(k));
  if (extra.length) throw new CertificateError('BAD_ENVELOPE', `${where} has fields a DSSE envelope does not: ${extra.join(', ')}`);
  // DSSE signs the payload, not the wrapper; holding the wrapper to its issued layout makes every changed byte count.
  if (`${JSON.stringify(env, null, 2)}\n` !== text) throw new CertificateError('BAD_ENVELOPE', `${where} is not laid out as it was issued: bytes outside the signed payload were changed`);
  return env;
}

export function verifyCertificate(o: { envelopeText: string; where?: string; publicKey: KeyObject; reportDir?: string; now?: Date }): Verified {
  const where = o.where ?? 'the certificate';
  const envelope = parseEnvelope(o.envelopeText, where);
  if (envelope.payloadType !== IN_TOTO_PAYLOAD_TYPE) throw new CertificateError('BAD_ENVELOPE', `${where} has payloadType ${envelope.payloadType}, expected ${IN_TOTO_PAYLOAD_TYPE}`);
  const payload = verifyEnvelope(envelope, o.publicKey);
  const fingerprint = keyFingerprint(o.publicKey);
  // The keyid is not signed (DSSE): it must still name the key that signed, or a reader is misled.
  const signedBy = envelope.signatures.map((s) => s.keyid);
  if (!signedBy.includes(fingerprint)) throw new CertificateError('BAD_ENVELOPE', `The signature verifies, but its keyid (${signedBy.join(', ')}) does not name the key that made it (${fingerprint}): the envelope was changed`);
  let json: unknown;
  try {
    json = JSON.parse(payload.toString('utf8'));
  } catch (e) {
    throw new CertificateError('BAD_STATEMENT', `The signed payload is not JSON: ${(e as Error).message}`);
  }
  const statement = asStatement(json);
  let uncovered: string[] = [];
  if (o.reportDir) {
    if (!existsSync(o.reportDir) || !statSync(o.reportDir).isDirectory()) throw new CertificateError('USAGE', `--report ${o.reportDir} is not a folder`);
    const problems: string[] = [];
    for (const s of statement.subject) {
      const file = join(o.reportDir, s.name);
      if (!existsSync(file)) problems.push(`${s.name} is missing`);
      else {
        const actual = sha256File(file);
        if (actual !== s.digest.sha256) problems.push(`${s.name} has SHA-256 ${actual}, the certificate states ${s.digest.sha256}`);
      }
    }
    if (problems.length) throw new CertificateError('FILE_MISMATCH', `The report does not match the certificate: ${problems.join('; ')}`);
    const named = new Set(statement.subject.map((s) => s.name));
    uncovered = reportSubjects(o.reportDir).map((s) => s.name).filter((n) => !named.has(n));
  }
  const expired = Date.parse(statement.predicate.certificate.validUntil) < (o.now ?? new Date()).getTime();
  return { statement, envelope, fingerprint, filesChecked: !!o.reportDir, uncovered, expired };
}

/** What the certificate states, as lines for a person. */
export function describeCertificate(v: Verified): string[] {
  const p = v.statement.predicate;
  const sut = p.sut;
  const lines = [
    `Signed by key  ${v.fingerprint}`,
    `Issued         ${p.certificate.issuedAt}, valid until ${p.certificate.validUntil}${v.expired ? '  EXPIRED' : ''}`,
    `System         ${[sut.vendor, sut.name, sut.version].filter(Boolean).join(' ')} (${sut.kind}${sut.image ? ` ${sut.image}` : ''}${sut.imageDigest ? ` ${sut.imageDigest}` : ''}${sut.url ? ` ${sut.url}` : ''})`,
    `Suite          ijw-conformance ${p.suite.version}, commit ${p.suite.commit}, rule catalogue v${p.suite.rulesVersion}${p.suite.catalogue.checkedAgainstRulesMd ? ' (checked against RULES.md)' : ''}, iJw ${p.suite.ijwVersion}`,
    ...p.suite.regions.map((r) => `  ${r.region.padEnd(12)} ${r.protocol.title}${r.protocol.version ? `, version ${r.protocol.version}` : ''}${r.protocol.date ? `, ${r.protocol.date}` : ''}${!r.protocol.version && !r.protocol.date ? ' (the protocol states no version or date)' : ''}`),
    `Run            ${p.run.runId}, ${p.run.startedAt} – ${p.run.finishedAt}, harness ${p.run.harnessVersion}`,
    `Verdict        ${p.verdict.toUpperCase()}`,
    ...p.verdicts.map((x) => `  ${x.region.padEnd(12)} ${x.role.padEnd(10)} ${x.verdict.toUpperCase().padEnd(14)} mandatory ${x.mandatory.passed}/${x.mandatory.total} passed, optional ${x.optional.passed}/${x.optional.total}`),
    `Rules          ${p.rules.map((r) => `${r.region}: ${r.rules.length} (${r.rules.filter((x) => x.status === 'pass').length} pass)`).join(', ')}`,
    `Report files   ${v.statement.subject.length}${v.filesChecked ? ', every SHA-256 matches' : ' (not checked: give --report <dir>)'}`,
    ...(v.uncovered.length ? [`  not covered by the certificate: ${v.uncovered.join(', ')}`] : []),
  ];
  return lines;
}
