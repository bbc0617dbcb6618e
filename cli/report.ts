/**
 * npm run report -- --from reports/out/latest [--no-mask]
 * Re-renders index.html, junit.xml and summary.json of a run from its stored cucumber
 * messages (no scenario runs again). Exit 0 when written, 2 on a usage error or a directory
 * that is not a run.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Command } from 'commander';

const program = new Command('report')
  .description('Re-render the HTML, JUnit XML and JSON reports of a conformance run from its stored cucumber messages')
  .requiredOption('--from <dir>', 'the run directory (holds run.json and <region>.ndjson), e.g. reports/out/latest')
  .option('--no-mask', 'show BSNs unmasked (default: masked, e.g. *****0006)')
  .showHelpAfterError()
  .exitOverride();

async function main(): Promise<void> {
  try {
    program.parse(process.argv);
  } catch (e) {
    process.exit((e as { exitCode?: number }).exitCode === 0 ? 0 : 2);
  }
  const o = program.opts<{ from: string; mask: boolean }>();
  const dir = resolve(o.from);
  if (!existsSync(join(dir, 'run.json'))) {
    process.stderr.write(`error: ${dir} has no run.json, so it is not a conformance run directory.\n  Point --from at a directory written by \`npm run conformance\`, e.g. reports/out/latest.\n`);
    process.exit(2);
  }
  // Imported only now, so a wrong --from is reported before anything heavy loads.
  const { writeReports } = await import('../reports/write-reports.ts');
  const { ReportError } = await import('../reports/model.ts');
  try {
    const out = await writeReports(dir, { maskBsn: o.mask });
    process.stdout.write(`${out.model.conformant ? 'conformant' : 'not conformant'}\n  ${out.html}\n  ${out.junit}\n  ${out.summary}\n`);
  } catch (e) {
    if (e instanceof ReportError) {
      process.stderr.write(`error [${e.code}]: ${e.message}\n`);
      process.exit(2);
    }
    throw e;
  }
}

await main();
