/**
 * npm run validate -- FILE… [--json] [--today YYYY-MM-DD] [--xsd DIR]
 * npm run validate -- --rules [--json]
 * A thin wrapper over `validateMessage`: the findings per file (structure, datatypes, in-message
 * rules, and the official XSDs with --xsd or IJW_XSD_DIR). Exit 0 when every file is valid,
 * 1 when any is not, 2 on a usage error (no files, a file that cannot be read, a bad option).
 * `--rules` prints the national rule table instead (ijw/rules/catalogue.ts) and exits 0.
 */
import { Command } from 'commander';
import { readFileSync, statSync } from 'node:fs';
import { validateMessage } from '../ijw/validate.ts';
import { formatRuleTable, nationalRuleTable, ruleTableCounts } from '../ijw/rules/catalogue.ts';
import { formatFinding } from '../ijw/findings.ts';
import { configuredXsdDir, loadOfficialXsd, type OfficialXsd } from '../ijw/xsd/official-xsd.ts';
import { parseArgs } from './parse-args.ts';

class UsageError extends Error {
  readonly code = 'USAGE';
}

const program = new Command('validate')
  .description('Validate iJw 3.2 messages: structure, datatypes, code lists and in-message rules (and the official XSDs with --xsd)')
  .argument('[files...]', 'XML files to validate')
  .option('--json', 'print a JSON array: one { file, code, valid, findings } per file')
  .option('--rules', 'print the national rule table: every iJw rule a message can break, with what this tool does with it')
  .option('--today <date>', 'the system date (YYYY-MM-DD) for TR135: a Dagtekening after it is refused with 8848')
  .option('--xsd <dir>', 'also validate against the official XSDs in this folder (default: $IJW_XSD_DIR)')
  .showHelpAfterError('(run with --help for usage)')
  .exitOverride();

function isDate(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(s);
}

function readAll(files: string[]): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  const problems: string[] = [];
  for (const f of files) {
    try {
      if (!statSync(f).isFile()) throw new Error('not a file');
      out.set(f, readFileSync(f));
    } catch (e) {
      problems.push(`${f} (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
    }
  }
  if (problems.length) throw new UsageError(`cannot read ${problems.join(', ')}`);
  return out;
}

async function main(argv: string[]): Promise<number> {
  const earlyExit = parseArgs(program, argv);
  if (earlyExit !== undefined) return earlyExit;
  const o = program.opts<{ json?: boolean; today?: string; xsd?: string; rules?: boolean }>();
  if (o.rules) {
    const rows = nationalRuleTable();
    process.stdout.write(o.json ? `${JSON.stringify({ counts: ruleTableCounts(rows), rules: rows }, null, 2)}\n` : formatRuleTable(rows));
    return 0;
  }
  let xsd: OfficialXsd | undefined;
  let files: Map<string, Buffer>;
  try {
    if (program.args.length === 0) throw new UsageError("missing required argument 'files' (or --rules for the rule table); run with --help for usage");
    if (o.today !== undefined && !isDate(o.today)) throw new UsageError(`--today must be an existing date YYYY-MM-DD, got '${o.today}'`);
    files = readAll(program.args);
    const dir = configuredXsdDir(o.xsd);
    xsd = dir ? loadOfficialXsd(dir) : undefined;
  } catch (e) {
    process.stderr.write(`error: ${(e as Error).message}\n`);
    return 2;
  }
  const results = [];
  for (const [file, bytes] of files) {
    const r = await validateMessage(bytes, { ...(o.today ? { today: o.today } : {}), ...(xsd ? { xsd } : {}) });
    results.push({ file, code: r.code, valid: r.valid, findings: r.findings });
  }
  if (o.json) process.stdout.write(`${JSON.stringify(results, null, 2)}\n`);
  else {
    for (const r of results) {
      const what = r.code ? ` (${r.code})` : '';
      process.stdout.write(r.valid ? `OK      ${r.file}${what}\n` : `INVALID ${r.file}${what}: ${r.findings.length} finding${r.findings.length === 1 ? '' : 's'}\n`);
      for (const f of r.findings) process.stdout.write(`  ${formatFinding(f)}\n`);
    }
    const bad = results.filter((r) => !r.valid).length;
    process.stdout.write(`\n${results.length - bad} valid, ${bad} invalid${xsd ? ` (official XSDs: ${xsd.dir})` : ''}\n`);
  }
  return results.every((r) => r.valid) ? 0 : 1;
}

main(process.argv).then(
  (code) => process.exit(code),
  (e) => {
    process.stderr.write(`internal error (a bug in the harness, not in your message): ${(e as Error).stack ?? e}\n`);
    process.exit(2);
  },
);
