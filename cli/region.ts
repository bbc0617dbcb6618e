/**
 * Tools for a protocol author (docs/REGION-PACKS.md):
 *
 *   npm run region -- new <id> [--jeugdzorgregio <name>] [--name <name>] [--prefix <XYZ>] [--seed <file>] [--dir <folder>]
 *   npm run region -- check <id> [--no-run] [--variants] [--packs <dirs>]
 *
 * Exit codes of `check`: 0 the pack is complete and its suite passes on the reference parties;
 * 1 the suite does not pass (or is inconclusive); 2 the pack has problems (profile, rule table,
 * citations or coverage; printed one per line); 3 usage (unknown id, bad option).
 * `new` exits 0, or 3 when the pack exists already or an option is wrong.
 */
import { Writable } from 'node:stream';
import { PACKS_OPTION_HELP } from './packs-option.ts';
import { Command } from 'commander';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { stringify } from 'yaml';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const EXIT = { ok: 0, suite: 1, pack: 2, usage: 3 } as const;

function fail(msg: string, code: number): never {
  process.stderr.write(`${msg}\n`);
  process.exit(code);
}

const program = new Command('region').description('Scaffold and check a region pack (regions/<id>/: profile.yaml, rules.md, variants.yaml, features/)').option('--packs <dirs>', PACKS_OPTION_HELP);

program
  .command('new <id>')
  .description('scaffold a pack: profile with stand-ins to replace, an empty rule table, a commented variants.yaml, an example feature')
  .option('--jeugdzorgregio <name>', 'fill in the municipalities of this jeugdzorgregio of the CBS list')
  .option('--name <name>', 'the region\'s name')
  .option('--prefix <XYZ>', 'the prefix of its rule ids (3 capitals)')
  .option('--seed <file>', 'file name of the protocol text in shared/seeds/ (NNN_name.txt)')
  .option('--dir <folder>', 'where to create the pack folder (default regions/; put it in IJW_REGION_PACKS when elsewhere)')
  .action(async (id: string, o: { jeugdzorgregio?: string; name?: string; prefix?: string; seed?: string; dir?: string }) => {
    if (!/^[a-z][a-z0-9-]*$/.test(id)) fail(`The id '${id}' must be lower case letters, digits and '-' (it becomes the folder, --region and @region:${id}).`, EXIT.usage);
    const dir = join(resolve(o.dir ?? join(ROOT, 'regions')), id);
    if (existsSync(join(dir, 'profile.yaml'))) fail(`${dir} already holds a pack.`, EXIT.usage);
    const { jeugdzorgregios, municipalitiesOf } = await import('../regions/packs.ts');
    const prefix = o.prefix ?? id.replace(/[^a-z]/g, '').slice(0, 3).toUpperCase();
    if (!/^[A-Z]{3}$/.test(prefix)) fail(`--prefix must be 3 capitals, e.g. ${id.slice(0, 3).toUpperCase()}.`, EXIT.usage);
    const seed = o.seed ?? `999_${id}.txt`;
    const name = o.name ?? o.jeugdzorgregio ?? id;
    let municipalities: unknown[] = [{ code: '0000', name: 'REPLACE: a municipality', source: 'REPLACE: where the protocol names it' }];
    if (o.jeugdzorgregio) {
      const found = municipalitiesOf(o.jeugdzorgregio);
      if (!found.length) fail(`No jeugdzorgregio '${o.jeugdzorgregio}' in the CBS list. Known: ${jeugdzorgregios().join(', ')}.`, EXIT.usage);
      municipalities = found.map((m) => ({ ...m, source: `CBS 2026, jeugdzorgregio ${o.jeugdzorgregio}` }));
    }
    const standIn = 'Stand-in from the national standard: replace with the protocol\'s value and its clause, or keep and say so.';
    const profile = {
      id, name, shortName: name, protocolTitle: `REPLACE: the protocol's own title`, rulePrefix: prefix,
      flows: { [`${prefix}-`]: 'algemeen' },
      seed,
      municipalities,
      messages: { value: ['JW301', 'JW302', 'JW305', 'JW306', 'JW307', 'JW308', 'JW315', 'JW316', 'JW317', 'JW318', 'JW319', 'JW320', 'JW323', 'JW325'], source: 'iJw 3.2', note: standIn },
      deadlines: {
        retour: { value: 3, source: 'iJw 3.2 OP090 (reference/FLOWS.md)', note: standIn },
        answerRequest: { value: 5, source: 'iJw 3.2 OP090x2 (reference/FLOWS.md)', note: standIn },
        start: { value: 5, source: 'iJw 3.2 OP090x3 (reference/FLOWS.md)', note: standIn },
        stop: { value: 5, source: 'iJw 3.2 OP090x3 (reference/FLOWS.md)', note: standIn },
        declarationAnswer: { value: 10, source: 'iJw 3.2 OP090x4 (reference/FLOWS.md)', note: standIn },
      },
      products: [{
        code: '45X01', category: '45', name: 'Ambulante jeugdhulp (stand-in)', eenheid: '04', frequentie: '2',
        declarationRule: { kind: 'per-unit' },
        tariff: { cents: 9000, per: 'uur', example: true, source: 'stand-in', note: 'The protocol gives no tariff: a stand-in for the simulators.' },
        defaultVolume: 3, example: true, source: 'stand-in', note: 'Replace with the protocol\'s products, or keep as a stand-in.',
      }],
      allocation: {
        referrersAllowed: { value: ['01', '02', '03', '04', '05', '06', '08'], source: 'iJw 3.2 COD327', note: standIn },
        stackingAllowed: { value: false, source: 'iJw 3.2 (IJW-STAP-1)', note: 'National rule.' },
      },
      startStop: {},
      declaration: {
        period: { value: 'month', source: 'iJw 3.2', note: standIn },
        periodFromStartStop: { value: 'none', source: 'iJw 3.2 TR387/TR388', note: standIn },
      },
      open: [],
    };
    mkdirSync(join(dir, 'features'), { recursive: true });
    writeFileSync(join(dir, 'profile.yaml'), `# Region pack profile: see docs/REGION-PACKS.md; validated against docs/schemas/region.schema.json.\n# Every REPLACE and every stand-in note is for you to fill in from the protocol.\n${stringify(profile, { lineWidth: 0 })}`);
    writeFileSync(join(dir, 'rules.md'), `## ${name} (\`${id}\`; seed ${seed.slice(0, 3)})\n\n| id | rule | certifies | messages | source |\n|---|---|---|---|---|\n`);
    writeFileSync(join(dir, 'variants.yaml'), `# Faulty variants (docs/REGION-PACKS.md, "Faulty variants"; schema docs/schemas/variants.schema.json):
# each breaks one rule of rules.md for one role, and a scenario tagged with that rule must catch it.
# \`npm run region -- check ${id}\` lists every testable rule × role without one; add --variants to run them.
# Each variant has exactly one of skip (a check never rejects, a policy does nothing),
# profile (the party runs with these profile values changed; null removes one) or refuses (a message).
#
# - id: ${prefix.toLowerCase()}-gemeente-accepts-partial-credit
#   role: gemeente
#   rule: ${prefix}-CR-1
#   description: Approves a credit of part of a line
#   skip: declaratie.checks.creditInFull
#
# - id: ${prefix.toLowerCase()}-aanbieder-output-at-delivery-year
#   role: aanbieder
#   rule: ${prefix}-TAR-1
#   description: Declares output products at the tariff of the year of delivery
#   profile:
#     declaration.tariffYear: null
#
# - id: ${prefix.toLowerCase()}-aanbieder-refuses-vow-answer
#   role: aanbieder
#   rule: ${prefix}-MSG-1
#   description: Does not take the JW319 the region uses
#   refuses: JW319
`);
    writeFileSync(join(dir, 'features', 'example.feature'), `@region:${id}
Feature: ${name}: an example to replace
  Replace this with the region's own scenarios: one or more per rule of rules.md and role,
  tagged @rule:${prefix}-… and @role:gemeente or @role:aanbieder (docs/REGION-PACKS.md, "Features").

  Background:
    Given the date is 2025-03-03

  @role:aanbieder @rule:IJW-RET-1
  Scenario: The provider's start is accepted
    Given toewijzing "T1" for client "Lotte" from 2025-03-01 to 2025-12-31
    And the date is 2025-03-06
    When the provider under test starts care on "T1" on 2025-03-05
    Then the JW306 is accepted
`);
    process.stdout.write(`Created ${dir}/ (profile.yaml, rules.md, variants.yaml, features/example.feature).\n${o.dir ? `Add its parent folder to IJW_REGION_PACKS, then: ` : 'Then: '}npm run region -- check ${id}\n`);
  });

program
  .command('check <id>')
  .description('validate the profile, the rule table, citations and coverage per role, then run the pack\'s suite on the reference parties')
  .option('--no-run', 'skip the run on the reference parties')
  .option('--variants', 'also run each faulty variant of the region on its rule\'s scenarios and @smoke, and say whether it is caught')
  .option('--packs <dirs>', PACKS_OPTION_HELP)
  .action(async (id: string, o: { run: boolean; variants?: boolean }) => {
    const { checkPack } = await import('../regions/check.ts');
    let result;
    try {
      result = checkPack(id);
    } catch (e) {
      const err = e as Error & { code?: string };
      if (err.code === 'UNKNOWN_REGION') fail(err.message, EXIT.usage);
      if (err.code === 'REGION_PACK') fail(`The profile is not valid.\n${err.message}`, EXIT.pack);
      throw e;
    }
    for (const line of result.notes) process.stdout.write(`  note: ${line}\n`);
    const { variantGaps } = await import('../regions/check.ts');
    // A variants.yaml that does not load is among the problems already.
    const { variants, gaps } = await variantGaps(id).catch(() => ({ variants: [], gaps: [] }));
    for (const line of gaps) process.stdout.write(`  note: ${line}\n`);
    if (result.problems.length) {
      process.stdout.write(`${id}: ${result.problems.length} problem(s) to fix in the pack:\n${result.problems.map((p) => `  - ${p}`).join('\n')}\n`);
      process.exit(EXIT.pack);
    }
    process.stdout.write(`${id}: profile, rule table, citations and coverage are complete (${result.rules} rules, ${result.scenarios} scenarios).\n`);
    if (!o.run) process.exit(EXIT.ok);
    const { runConformance } = await import('../runner/run-conformance.ts');
    let uncaught = 0;
    if (o.variants) {
      // Each variant on its rule's scenarios and the smoke scenarios: caught when a scenario tagged with its rule fails.
      const { mkdtempSync, rmSync } = await import('node:fs');
      const { tmpdir } = await import('node:os');
      const scratch = mkdtempSync(join(tmpdir(), 'ijw-variants-'));
      process.stdout.write(`Running the ${variants.length} faulty variant(s) of ${id}, each on its rule's scenarios and @smoke:\n`);
      for (const v of variants) {
        const r = await runConformance({ regions: [id], role: v.role, faults: [v.id], tags: `@rule:${v.rule} or @smoke`, outDir: scratch, noReports: true, cucumberOutput: new Writable({ write: (_c, _e, done) => done() }) });
        const caught = r.outcomes.some((x) => x.outcome === 'fail' && x.rules.includes(v.rule));
        if (!caught) uncaught++;
        process.stdout.write(`  ${v.id} (${v.role}, ${v.rule}): ${caught ? 'caught' : `NOT caught: no scenario tagged @rule:${v.rule} fails for a ${v.role === 'gemeente' ? 'municipality' : 'provider'} that ${v.description[0]!.toLowerCase()}${v.description.slice(1)}`}\n`);
      }
      rmSync(scratch, { recursive: true, force: true });
    }
    const res = await runConformance({ regions: [id], role: 'both', outDir: join(ROOT, 'reports', 'out') });
    for (const v of res.verdicts) process.stdout.write(`  ${v.role}: ${v.verdict} (${v.passed} passed, ${v.failed} failed, ${v.errored} errors)\n`);
    const bad = res.outcomes.filter((x) => x.outcome === 'fail' || x.outcome === 'error');
    for (const x of bad.slice(0, 20)) process.stdout.write(`  ✗ ${x.name} (${x.role ?? '?'}): ${(x.message ?? '').split('\n')[0]}\n`);
    process.stdout.write(`Report: ${join(res.runDir, 'index.html')}\n`);
    process.exit(res.exitCode === 0 && uncaught === 0 ? EXIT.ok : EXIT.suite);
  });

await program.parseAsync();
