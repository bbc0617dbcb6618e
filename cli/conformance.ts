/**
 * npm run conformance -- --region <id|all> [--role gemeente|aanbieder|both] [--sut URL] …
 * A thin wrapper over runConformance (which also runs a --sut-image container for the run's
 * length): parse options, show progress, print the verdict, exit
 * 0 only when conformant, 1 when not, 2 on a usage error or an unreachable SUT, 3 when the
 * run is inconclusive (a harness or transport error kept a scenario from being judged), 4 when
 * `--certificate` was asked for a run the suite does not certify (docs/CERTIFICATES.md).
 */
import { PACKS_OPTION_HELP } from './packs-option.ts';
import { Command, InvalidArgumentError, Option } from 'commander';
import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { checkSutOptions, parseRegions, runConformance, HARNESS_VERSION, ROOT } from '../runner/run-conformance.ts';
import { REGION_IDS } from '../regions/catalogue.ts';
import { HarnessError } from '../runner/sut-client.ts';
import { VERDICT_TEXT, type ScenarioOutcome } from '../runner/verdicts.ts';
import { CertificateError } from '../reports/certificate/errors.ts';
import { parseArgs } from './parse-args.ts';

/** Exit code when `--certificate` was asked for a run the suite does not certify. */
const EXIT_NOT_CERTIFIED = 4;

const positiveInt = (name: string) => (v: string) => {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0) throw new InvalidArgumentError(`${name} must be a whole number ≥ 0`);
  return n;
};

const program = new Command('conformance')
  .description('Certify a system against a region\'s iJw 3.2 protocol; without --sut the built-in reference implementations are tested (self-test).')
  .requiredOption('--region <id>', `a region pack id (${REGION_IDS.join(', ')}), a comma list, or all; more packs through --packs or IJW_REGION_PACKS=dir1:dir2`)
  .addOption(new Option('--role <role>', 'whose software is judged').choices(['gemeente', 'aanbieder', 'both']).default('both'))
  .option('--sut <url>', 'base URL of the system under test (adapter protocol); requires --role gemeente|aanbieder')
  .option('--sut-image <image>', 'run the system under test from this container image (testcontainers)')
  .option('--sut-image-tar <file>', 'load the image from a tarball first (docker save output)')
  .option('--sut-port <port>', 'the port the SUT listens on inside the container', positiveInt('--sut-port'), 8080)
  .option('--sut-health-path <path>', 'HTTP path that answers 200 when the SUT is ready', '/conformance/health')
  .option('--sut-env <KEY=VALUE>', 'environment variable for the SUT container (repeatable)', (v: string, acc: string[]) => [...acc, v], [] as string[])
  .option('--sut-startup-timeout <ms>', 'how long the container may take to become healthy', positiveInt('--sut-startup-timeout'), 60000)
  .option('--packs <dirs>', PACKS_OPTION_HELP)
  .option('--tags <expr>', 'extra cucumber tag expression, e.g. "@rule:IJW-STOP-1"')
  .option('--parallel <n>', 'cucumber workers per region', positiveInt('--parallel'), 0)
  .option('--out <dir>', 'where reports go (a folder per run, plus latest/)', 'reports/out')
  .option('--junit <file>', 'also copy the JUnit XML to this path')
  .option('--answer-timeout <ms>', 'how long to wait for a message the SUT sends on its own', positiveInt('--answer-timeout'), 5000)
  .option('--request-timeout <ms>', 'how long one request to the SUT may take', positiveInt('--request-timeout'), 15000)
  .option('--harness-host <host>', 'the address the SUT uses to reach the harness inbox', '127.0.0.1')
  .option('--inbox-listen <host>', 'the interface the harness inbox listens on', '127.0.0.1')
  .option('--inbox-port <port>', 'a fixed port for the harness inbox (default: a free one)', positiveInt('--inbox-port'))
  .option('--no-mask', 'show BSNs unmasked in the reports')
  .option('--certificate <file>', 'write a signed certificate of a complete, conformant run (docs/CERTIFICATES.md)')
  .option('--sign-key <pem>', 'Ed25519 private key (PEM file) to sign the certificate; or $IJW_SIGN_KEY_FILE / $IJW_SIGN_KEY')
  .option('--sut-vendor <name>', 'for the certificate: who makes the system under test')
  .option('--sut-name <name>', 'for the certificate: the product name of the system under test')
  .option('--sut-version <version>', 'for the certificate: the version of the system under test')
  .addOption(new Option('--fault <id...>', 'self-test: run the reference implementations with these faulty variants').hideHelp())
  .version(HARNESS_VERSION)
  .showHelpAfterError()
  .exitOverride();

interface Opts {
  region: string; role: 'gemeente' | 'aanbieder' | 'both'; sut?: string; sutImage?: string; sutImageTar?: string; sutPort: number; sutHealthPath: string; sutEnv: string[]; sutStartupTimeout: number;
  tags?: string; parallel: number; out: string; junit?: string; answerTimeout: number; requestTimeout: number; harnessHost: string; inboxListen: string; inboxPort?: number; mask: boolean; fault?: string[];
  certificate?: string; signKey?: string; sutVendor?: string; sutName?: string; sutVersion?: string;
}

const icon: Record<string, string> = { pass: '✓', fail: '✗', error: '!', skip: '-', omit: '-' };

async function main(): Promise<number> {
  const earlyExit = parseArgs(program);
  if (earlyExit !== undefined) return earlyExit;
  const o = program.opts<Opts>();
  const regions = parseRegions(o.region);
  checkSutOptions({ sut: o.sut, container: !!(o.sutImage || o.sutImageTar), role: o.role });
  // Refuse a certificate before minutes of running, where the run's shape already rules it out.
  const certify = o.certificate
    ? (await import('../reports/certificate/for-run.ts')).prepareCertificate({ ...o, certificate: o.certificate, root: ROOT, harnessVersion: HARNESS_VERSION, options: certifiedOptions(o) })
    : undefined;
  if (certify && 'refused' in certify) {
    process.stderr.write(`error: ${certify.refused} Nothing was run (exit code ${EXIT_NOT_CERTIFIED}).\n`);
    return EXIT_NOT_CERTIFIED;
  }
  const image = o.sutImage ?? o.sutImageTar;
  const who = image ?? o.sut ? `${image ?? o.sut} as ${o.role}` : 'the built-in reference implementations';
  process.stderr.write(`ijw-conformance ${HARNESS_VERSION}: iJw 3.2, region ${regions.join(', ')}, judging ${who}\n`);
  let failedLines: string[] = [];
  try {
    const result = await runConformance({
      regions,
      role: o.role,
      ...(o.sut ? { sut: o.sut } : {}),
      ...(image
        ? { container: { ...(o.sutImage ? { image: o.sutImage } : {}), ...(o.sutImageTar ? { imageTar: o.sutImageTar } : {}), port: o.sutPort, healthPath: o.sutHealthPath, env: o.sutEnv, startupTimeoutMs: o.sutStartupTimeout } }
        : {}),
      ...(o.tags ? { tags: o.tags } : {}),
      parallel: o.parallel,
      outDir: resolve(process.cwd() === ROOT ? ROOT : process.cwd(), o.out),
      ...(o.fault ? { faults: o.fault } : {}),
      answerTimeoutMs: o.answerTimeout,
      requestTimeoutMs: o.requestTimeout,
      harnessHost: o.harnessHost,
      inboxListenHost: o.inboxListen,
      ...(o.inboxPort ? { inboxPort: o.inboxPort } : {}),
      maskBsn: o.mask,
      onRegion: (region, total) => process.stderr.write(`\n${region}: ${total} scenarios\n`),
      onScenario: (s: ScenarioOutcome & { region: string; index: number; total: number }) => {
        // features/national/x.feature → national/x; regions/<id>/features/x.feature → <id>/x
        const feature = s.uri.replace(/^features\//, '').replace(/^regions\/([^/]+)\/features\//, '$1/').replace(/\.feature$/, '');
        process.stderr.write(`  ${icon[s.outcome]} [${s.index}/${s.total}] ${feature} › ${s.name}${s.role ? ` (${s.role})` : ''}\n`);
        if (s.outcome === 'fail' || s.outcome === 'error') failedLines.push(`  ${s.region} ${s.role ?? ''} ${s.outcome.toUpperCase()}: ${s.name}\n      ${(s.message ?? '').split('\n').join('\n      ')}`);
      },
    });
    if (failedLines.length) process.stdout.write(`\nFailures:\n${failedLines.join('\n')}\n`);
    process.stdout.write('\nVerdict\n');
    const width = Math.max(10, ...result.verdicts.map((v) => v.region.length));
    for (const v of result.verdicts) {
      process.stdout.write(
        `  ${v.region.padEnd(width)} ${v.role.padEnd(10)} ${VERDICT_TEXT[v.verdict].padEnd(14)}  mandatory: ${v.passed} passed, ${v.failed} failed, ${v.errored} errors, ${v.skipped} skipped${v.optionalFailed ? ` (optional not passed: ${v.optionalFailed})` : ''}\n`,
      );
    }
    if (result.verdict === 'inconclusive') process.stdout.write(`\nINCONCLUSIVE: the harness could not judge every scenario (errors above are the harness's or the transport's, not a verdict on your system); exit code 3\n`);
    const html = join(result.runDir, 'index.html');
    if (existsSync(html)) process.stdout.write(`\nReport: ${html}\n        ${join(resolve(o.out), 'latest', 'index.html')}\n`);
    // The certificate first: the JUnit copied is then the file it names.
    let exitCode: number = result.exitCode;
    if (certify && 'issue' in certify) {
      try {
        // The image by digest, not by the tag or the port mapped for this run.
        const imageDigest = result.containerImage ? await (await import('../runner/container/image-digest.ts')).imageDigest(result.containerImage) : undefined;
        const issued = await certify.issue(result.runDir, imageDigest ? { imageDigest: imageDigest.id, repoDigests: imageDigest.repoDigests } : {});
        process.stdout.write(`Certificate: ${resolve(o.certificate!)}\n             key fingerprint ${issued.fingerprint}, ${issued.files.length} report files\n`);
      } catch (e) {
        if (!(e instanceof CertificateError && e.code === 'NOT_CERTIFIABLE')) throw e;
        process.stdout.write(`\n${e.message}\n`);
        if (exitCode === 0) exitCode = EXIT_NOT_CERTIFIED;
      }
    }
    if (o.junit) {
      mkdirSync(dirname(resolve(o.junit)), { recursive: true });
      copyFileSync(join(result.runDir, 'junit.xml'), o.junit);
      process.stdout.write(`JUnit:  ${resolve(o.junit)}\n`);
    }
    return exitCode;
  } finally {
    failedLines = [];
  }
}

/** What the certificate records of the options: those that shape the verdict; of --sut-env only the names (values may be secrets). */
function certifiedOptions(o: Opts): Record<string, unknown> {
  return {
    region: o.region, role: o.role, parallel: o.parallel, answerTimeoutMs: o.answerTimeout, requestTimeoutMs: o.requestTimeout, maskBsn: o.mask,
    ...(o.sutImage || o.sutImageTar ? { sutPort: o.sutPort, sutHealthPath: o.sutHealthPath, sutStartupTimeoutMs: o.sutStartupTimeout } : {}),
    ...(o.sutEnv.length ? { sutEnv: o.sutEnv.map((e) => e.split('=')[0]) } : {}),
  };
}

main().then(
  (code) => process.exit(code),
  (e) => {
    if (e instanceof HarnessError || (e instanceof CertificateError && (e.code === 'BAD_KEY' || e.code === 'USAGE'))) {
      process.stderr.write(`error: ${e.message}\n`);
      process.exit(2);
    }
    if ((e as { code?: string }).code === 'CONTAINER_ENGINE_UNAVAILABLE' || (e as { code?: string }).code === 'UNKNOWN_FAULT') {
      process.stderr.write(`error: ${(e as Error).message}\n`);
      process.exit(2);
    }
    process.stderr.write(`internal error: ${(e as Error).stack ?? e}\n`);
    process.exit(2);
  },
);
