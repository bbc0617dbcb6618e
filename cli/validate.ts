/**
 * npm run validate -- FILE… [--json] [--today YYYY-MM-DD] [--xsd DIR]
 * Prints the findings per file; exit 0 when every file is valid, 1 when any is not, 2 on a
 * usage error.
 */
import { Command } from 'commander';
import { readFileSync, existsSync, statSync } from 'node:fs';
import { validateMessage } from '../ijw/validate.ts';
import { formatFinding } from '../ijw/findings.ts';
import { configuredXsdDir, loadOfficialXsd } from '../ijw/xsd/official-xsd.ts';

const program = new Command('validate')
  .description('Validate iJw 3.2 messages: structure, datatypes, code lists and in-message rules (and the official XSDs with --xsd)')
  .argument('<files...>', 'XML files')
  .option('--json', 'print the findings as JSON')
  .option('--today <date>', 'the system date for TR135 (Dagtekening not in the future)')
  .option('--xsd <dir>', 'also validate against the official XSDs in this folder (or IJW_XSD_DIR)')
  .showHelpAfterError()
  .exitOverride();

async function main(): Promise<number> {
  try {
    program.parse(process.argv);
  } catch (e) {
    return (e as { exitCode?: number }).exitCode === 0 ? 0 : 2;
  }
  const o = program.opts<{ json?: boolean; today?: string; xsd?: string }>();
  if (o.today && !/^\d{4}-\d{2}-\d{2}$/.test(o.today)) {
    process.stderr.write(`error: --today must be YYYY-MM-DD, got '${o.today}'\n`);
    return 2;
  }
  const missing = program.args.filter((f) => !existsSync(f) || !statSync(f).isFile());
  if (missing.length) {
    process.stderr.write(`error: cannot read ${missing.join(', ')}\n`);
    return 2;
  }
  const dir = configuredXsdDir(o.xsd);
  let xsd;
  try {
    xsd = dir ? loadOfficialXsd(dir) : undefined;
  } catch (e) {
    process.stderr.write(`error: ${(e as Error).message}\n`);
    return 2;
  }
  const results = [];
  for (const file of program.args) {
    const r = await validateMessage(readFileSync(file), { ...(o.today ? { today: o.today } : {}), ...(xsd ? { xsd } : {}) });
    results.push({ file, code: r.code, valid: r.valid, findings: r.findings });
  }
  if (o.json) process.stdout.write(`${JSON.stringify(results, null, 2)}\n`);
  else {
    for (const r of results) {
      process.stdout.write(`${r.valid ? 'OK     ' : 'INVALID'} ${r.file}${r.code ? ` (${r.code})` : ''}\n`);
      for (const f of r.findings) process.stdout.write(`  ${formatFinding(f)}\n`);
    }
    const bad = results.filter((r) => !r.valid).length;
    process.stdout.write(`\n${results.length - bad} valid, ${bad} invalid\n`);
  }
  return results.every((r) => r.valid) ? 0 : 1;
}

main().then((code) => process.exit(code), (e) => {
  process.stderr.write(`internal error: ${(e as Error).stack ?? e}\n`);
  process.exit(2);
});
