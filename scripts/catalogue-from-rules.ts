/**
 * Writes regions/catalogue-rules.ts from the national part of shared/RULES.md and each region
 * pack's rules.md (its section of RULES.md), so the typed catalogue is the rule tables and nothing
 * else (`npm run gen:catalogue`; regions/regions.test.ts fails when it is stale). The flow of a
 * rule is not in the tables: national ones are in regions/rules-parser.ts, a region's in its profile.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { loadPacks } from '../regions/packs.ts';
import { parseRuleTables } from '../regions/rules-parser.ts';
import { nationalPart } from '../regions/rules-table.ts';

const [rulesPath = '../shared/RULES.md', outPath = 'regions/catalogue-rules.ts'] = process.argv.slice(2);

// Only the packs in the repository: one in IJW_REGION_PACKS is read at run time (regions/catalogue.ts).
const packs = loadPacks({});
/** Seed number → file name, from the seeds next to RULES.md (national rows cite seeds of regions that may have no pack). */
const seeds: Record<string, string> = Object.fromEntries(
  readdirSync(join(dirname(rulesPath), 'seeds')).filter((f) => /^\d{3}_.*\.txt$/.test(f)).map((f) => [f.slice(0, 3), f]),
);
const rulesMd = readFileSync(rulesPath, 'utf8');
// RULES.md's national part, then each pack's own table (regions/<id>/rules.md).
const tables = [{ file: rulesPath, text: nationalPart(rulesMd) }, ...packs.map((p) => ({ file: p.rulesPath, text: existsSync(p.rulesPath) ? readFileSync(p.rulesPath, 'utf8') : '' }))];
const rows = parseRuleTables(tables, { seeds, packs: packs.map((p) => ({ id: p.id, rulePrefix: p.profile.rulePrefix, seed: p.profile.seed, flows: p.profile.flows })) });

const body = rows.map((r) => `  ${JSON.stringify(r)},`).join('\n');
writeFileSync(outPath, `// Generated from shared/RULES.md (national part) and regions/*/rules.md by scripts/catalogue-from-rules.ts (npm run gen:catalogue). Do not edit.
import type { CatalogueRule } from './catalogue.ts';

export const RULES_VERSION = ${JSON.stringify(/\(version (\d+)\)/.exec(readFileSync(rulesPath, 'utf8'))?.[1] ?? '?')};

export const catalogueRules: readonly CatalogueRule[] = [
${body}
] as CatalogueRule[];
`);
console.log(`${outPath}: ${rows.length} rules (${rows.filter((r) => r.status === 'testable').length} testable, ${rows.filter((r) => r.status === 'awaiting-data').length} awaiting data, ${rows.filter((r) => r.status === 'not-testable').length} not testable)`);
