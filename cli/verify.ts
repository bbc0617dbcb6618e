/**
 * npm run verify -- <certificate> --public-key <pem> [--report <dir>]
 * Checks a certificate's envelope and signature, its statement, and with --report every report
 * file's SHA-256; prints what it states. Exit 0 when it verifies and is in date, 1 when anything
 * does not match (the message says what) or it has expired, 2 on a usage error.
 */
import { Command } from 'commander';
import { existsSync, readFileSync } from 'node:fs';
import { publicKeyFromFile } from '../reports/certificate/dsse.ts';
import { CertificateError } from '../reports/certificate/errors.ts';
import { describeCertificate, verifyCertificate } from '../reports/certificate/verify.ts';
import { parseArgs } from './parse-args.ts';

const program = new Command('verify')
  .description('Verify a conformance certificate (DSSE envelope of an in-toto statement) and, with --report, the report files it names.')
  .argument('<certificate>', 'the certificate file (certificate.dsse.json)')
  .requiredOption('--public-key <pem>', 'the Ed25519 public key (PEM) the certificate must be signed with')
  .option('--report <dir>', 'the run\'s report folder: every file the certificate names must have its SHA-256')
  .showHelpAfterError()
  .exitOverride();

function main(): number {
  const earlyExit = parseArgs(program);
  if (earlyExit !== undefined) return earlyExit;
  const [file] = program.args as [string];
  const o = program.opts<{ publicKey: string; report?: string }>();
  if (!existsSync(file)) throw new CertificateError('USAGE', `${file} does not exist`);
  const publicKey = publicKeyFromFile(o.publicKey);
  const v = verifyCertificate({ envelopeText: readFileSync(file, 'utf8'), where: file, publicKey, ...(o.report ? { reportDir: o.report } : {}) });
  process.stdout.write(`${describeCertificate(v).join('\n')}\n`);
  if (v.expired) {
    process.stdout.write(`\nEXPIRED: the certificate verifies, but its validity ended on ${v.statement.predicate.certificate.validUntil}\n`);
    return 1;
  }
  process.stdout.write(`\nVERIFIED: signature, statement${v.filesChecked ? ' and every report file' : ''} match\n`);
  return 0;
}

try {
  process.exit(main());
} catch (e) {
  if (e instanceof CertificateError) {
    process.stderr.write(`NOT VERIFIED (${e.code}): ${e.message}\n`);
    process.exit(e.code === 'USAGE' ? 2 : 1);
  }
  process.stderr.write(`internal error: ${(e as Error).stack ?? e}\n`);
  process.exit(2);
}
