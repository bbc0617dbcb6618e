/**
 * Issues the certificate of a finished run: refuses a verdict other than CONFORMANT, renders
 * the HTML report again with the certificate's key and coverage at its top, hashes every
 * report file into an in-toto statement, signs it in a DSSE envelope and writes it to `outFile`
 * and, as `certificate.dsse.json`, beside the reports.
 *
 * @example
 *   const { fingerprint } = await issueCertificate({ runDir, outFile: 'cert.json', key, suite, sut, options });
 */
import type { KeyObject } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { loadReportModel, type VerdictLabel } from '../model.ts';
import { writeReports } from '../write-reports.ts';
import type { CertificateBanner } from './banner.ts';
import { IN_TOTO_PAYLOAD_TYPE, keyFingerprint, signEnvelope, type DsseEnvelope } from './dsse.ts';
import { assertCertifiable, refusalsAfterRun } from './eligibility.ts';
import { CERTIFICATE_FILE, VALIDITY_DAYS, buildStatement, type CertifiedSut, type Statement } from './statement.ts';
import type { CatalogueState } from './suite-state.ts';

export interface IssueOptions {
  runDir: string;
  outFile: string;
  key: KeyObject;
  suite: { version: string; commit: string; catalogue: CatalogueState };
  /** What the vendor says of the SUT; kind, url and image come from run.json. */
  sut: Pick<CertifiedSut, 'vendor' | 'name' | 'version'> & Partial<Pick<CertifiedSut, 'imageDigest' | 'repoDigests'>>;
  options: Record<string, unknown>;
  maskBsn?: boolean;
  issuedAt?: Date;
}

export interface Issued {
  envelope: DsseEnvelope;
  statement: Statement;
  fingerprint: string;
  files: string[];
}

export async function issueCertificate(o: IssueOptions): Promise<Issued> {
  const issuedAt = o.issuedAt ?? new Date();
  let model = await loadReportModel(o.runDir, o.maskBsn === undefined ? {} : { maskBsn: o.maskBsn });
  const verdictFile = join(o.runDir, 'verdict.json');
  const runnerVerdict = existsSync(verdictFile) ? (JSON.parse(readFileSync(verdictFile, 'utf8')) as { verdict?: VerdictLabel }).verdict : undefined;
  assertCertifiable(refusalsAfterRun(model.verdict, runnerVerdict));

  const fingerprint = keyFingerprint(o.key);
  const run = model.run;
  const sut: CertifiedSut = {
    vendor: o.sut.vendor,
    name: o.sut.name,
    version: o.sut.version,
    kind: run.sut.kind,
    ...(run.sut.kind === 'image' ? { image: run.sut.image } : {}),
    ...(o.sut.imageDigest ? { imageDigest: o.sut.imageDigest } : {}),
    ...(o.sut.repoDigests?.length ? { repoDigests: o.sut.repoDigests } : {}),
    // An image's URL is a port mapped for this run only: the image and its digest name it.
    ...(run.sut.kind === 'http' ? { url: run.sut.url } : {}),
  };
  const banner: CertificateBanner = {
    fingerprint,
    file: CERTIFICATE_FILE,
    sut: [sut.vendor, sut.name, sut.version].filter(Boolean).join(' '),
    regions: model.regions.map((r) => r.region),
    roles: run.roles,
    suite: { version: o.suite.version, commit: o.suite.commit, rulesVersion: o.suite.catalogue.rulesVersion },
    validUntil: new Date(issuedAt.getTime() + VALIDITY_DAYS * 86_400_000).toISOString(),
  };
  // The report names the certificate before the statement hashes it.
  model = (await writeReports(o.runDir, { ...(o.maskBsn === undefined ? {} : { maskBsn: o.maskBsn }), certificate: banner })).model;
  const statement = buildStatement({ runDir: o.runDir, model, suite: o.suite, sut, options: o.options, issuedAt });
  const envelope = signEnvelope(IN_TOTO_PAYLOAD_TYPE, Buffer.from(JSON.stringify(statement), 'utf8'), o.key);
  const text = `${JSON.stringify(envelope, null, 2)}\n`;
  const beside = join(o.runDir, CERTIFICATE_FILE);
  writeFileSync(beside, text);
  mkdirSync(dirname(o.outFile), { recursive: true });
  if (basename(o.outFile) !== CERTIFICATE_FILE || dirname(o.outFile) !== o.runDir) writeFileSync(o.outFile, text);
  return { envelope, statement, fingerprint, files: statement.subject.map((s) => s.name) };
}
