/**
 * npm run certificates -- <folder of certificates> --out <dir> --public-key <pem> [--public-key …]
 * Writes `<dir>/index.html`, the public list of certified systems, and copies every listed
 * certificate to `<dir>/certificates/`. A certificate that verifies with none of the keys is not
 * listed and is named on stderr. Exit 0 when every certificate was listed, 1 when one was
 * refused, 2 on a usage error.
 */
import { Command } from 'commander';
import { copyFileSync, existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { publicKeyFromFile } from '../reports/certificate/dsse.ts';
import { CertificateError } from '../reports/certificate/errors.ts';
import { collectCertificates, renderListPage } from '../reports/certificate/list-page.ts';
import { parseArgs } from './parse-args.ts';

const program = new Command('certificates')
  .description('Build the public HTML list of certified systems from a folder of certificates.')
  .argument('<folder>', 'folder of certificate files (*.json, DSSE envelopes)')
  .requiredOption('--out <dir>', 'where index.html and certificates/ go')
  .requiredOption('--public-key <pem>', 'an Ed25519 public key (PEM) the certificates are signed with (repeatable)', (v: string, acc: string[] | undefined) => [...(acc ?? []), v])
  .option('--title <text>', 'the page title', 'Certified iJw 3.2 systems')
  .showHelpAfterError()
  .exitOverride();

function main(): number {
  const earlyExit = parseArgs(program);
  if (earlyExit !== undefined) return earlyExit;
  const [folder] = program.args as [string];
  const o = program.opts<{ out: string; publicKey: string[]; title: string }>();
  if (!existsSync(folder) || !statSync(folder).isDirectory()) throw new CertificateError('USAGE', `${folder} is not a folder`);
  const keys = o.publicKey.map(publicKeyFromFile);
  const list = collectCertificates(folder, keys);
  const out = resolve(o.out);
  mkdirSync(join(out, 'certificates'), { recursive: true });
  for (const c of list.listed) copyFileSync(join(folder, c.file), join(out, 'certificates', c.file));
  writeFileSync(join(out, 'index.html'), renderListPage(list, { title: o.title }));
  for (const r of list.rejected) process.stderr.write(`not listed: ${r.file}: ${r.reason}\n`);
  const marked = list.listed.filter((c) => c.expired || c.supersededBy).length;
  process.stdout.write(`${join(out, 'index.html')}: ${list.listed.length} certificate(s) listed (${marked} expired or superseded), ${list.rejected.length} refused\n`);
  return list.rejected.length ? 1 : 0;
}

try {
  process.exit(main());
} catch (e) {
  if (e instanceof CertificateError) {
    process.stderr.write(`error: ${e.message}\n`);
    process.exit(e.code === 'USAGE' ? 2 : 1);
  }
  process.stderr.write(`internal error: ${(e as Error).stack ?? e}\n`);
  process.exit(2);
}
