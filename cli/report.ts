/**
 * npm run report -- --from reports/out/latest [--no-mask]
 * npm run report -- --catalogue [--out DIR] [--region alkmaar,fryslan]
 *
 * --from re-renders index.html, junit.xml and summary.json of a run from its stored cucumber
 * messages (no scenario runs again). --catalogue writes `DIR/catalogue.html` (default DIR:
 * reports/out/catalogue): the rules × regions comparison and the region profiles from the rule
 * catalogue and the profiles alone, without running anything. Exit 0 when written, 2 on a usage
 * error or a directory that is not a run.
 */
import { PACKS_OPTION_HELP } from './packs-option.ts';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Command } from 'commander';
import { parseArgs } from './parse-args.ts';

const ROOT = resolve(import.meta.dirname, '..');

const program = new Command('report')
  .description('Re-render the HTML, JUnit XML and JSON reports of a conformance run from its stored cucumber messages, or write the region comparison from the rule catalogue alone')
  .option('--from <dir>', 'the run directory (holds run.json and <region>.ndjson), e.g. reports/out/latest')
  .option('--no-mask', 'show BSNs unmasked (default: masked, e.g. *****0006)')
  .option('--catalogue', 'write the rules × regions comparison and the region profiles (catalogue.html) without running anything')
  .option('--out <dir>', 'with --catalogue: where catalogue.html goes', 'reports/out/catalogue')
  .option('--region <ids>', 'with --catalogue: the regions to compare, comma-separated, or all', 'all')
  .option('--packs <dirs>', PACKS_OPTION_HELP)
  .showHelpAfterError()
  .exitOverride();

function usage(message: string): never {
  process.stderr.write(`error: ${message}\n  Usage: npm run report -- --from reports/out/latest | npm run report -- --catalogue [--out DIR]\n`);
  process.exit(2);
}

async function catalogue(o: { out: string; region: string }): Promise<void> {
  const { REGION_IDS } = await import('../regions/catalogue.ts');
  const regions = o.region === 'all' ? [...REGION_IDS] : o.region.split(',').map((r) => r.trim());
  const unknown = regions.filter((r) => !(REGION_IDS as readonly string[]).includes(r));
  if (unknown.length) usage(`unknown region ${unknown.join(', ')}; valid: ${REGION_IDS.join(', ')} or all`);
  const { renderCatalogueHtml } = await import('../reports/region-comparison.ts');
  const dir = resolve(o.out);
  mkdirSync(dir, { recursive: true });
  const file = join(dir, 'catalogue.html');
  const harnessVersion = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;
  writeFileSync(file, renderCatalogueHtml({ generatedAt: new Date().toISOString(), harnessVersion, regions }));
  process.stdout.write(`rule catalogue compared across ${regions.join(', ')}\n  ${file}\n`);
}

async function main(): Promise<void> {
  const earlyExit = parseArgs(program);
  if (earlyExit !== undefined) process.exit(earlyExit);
  const o = program.opts<{ from?: string; mask: boolean; catalogue?: boolean; out: string; region: string }>();
  if (o.catalogue && o.from) usage('give either --from (re-render a run) or --catalogue (no run), not both');
  if (o.catalogue) return catalogue(o);
  if (!o.from) usage('say which run to render with --from DIR, or use --catalogue');
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
