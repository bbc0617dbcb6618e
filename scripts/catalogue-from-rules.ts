/**
 * Writes regions/catalogue-rules.ts from the national part of shared/RULES.md and each region
 * pack's rules.md (its section of RULES.md), so the typed catalogue is the rule tables and nothing
 * else (`npm run gen:catalogue`; regions/regions.test.ts fails when it is stale). The flow of a
 * rule is not in the tables: national ones come from FLOW below, a region's from its profile.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { loadPacks } from '../regions/packs.ts';
import { nationalPart } from '../regions/rules-table.ts';

const [rulesPath = '../shared/RULES.md', outPath = 'regions/catalogue-rules.ts'] = process.argv.slice(2);

const packs = loadPacks();
/** Seed number → file name, from the seeds next to RULES.md (national rows cite seeds of regions that may have no pack). */
const SEEDS: Record<string, string> = Object.fromEntries(
  readdirSync(join(dirname(rulesPath), 'seeds')).filter((f) => /^\d{3}_.*\.txt$/.test(f)).map((f) => [f.slice(0, 3), f]),
);
const REGION_SEED: Record<string, string> = Object.fromEntries(packs.map((p) => [p.id, p.profile.seed.slice(0, 3)]));
const PREFIX_SCOPE: Record<string, string> = { IJW: 'national', ...Object.fromEntries(packs.map((p) => [p.profile.rulePrefix, p.id])) };
const ALL = ['JW301', 'JW302', 'JW305', 'JW306', 'JW307', 'JW308', 'JW315', 'JW316', 'JW317', 'JW318', 'JW319', 'JW320', 'JW323', 'JW325'];

type Flow = 'toewijzing' | 'start-stop' | 'declaratie' | 'verzoek' | 'retour' | 'algemeen';
/** The part of the message traffic each rule is about (shown per flow in the report): the national rules' here, a region's in its profile (`flows`). */
const FLOW: Record<string, Flow> = {
  'IJW-STOP-': 'start-stop', 'IJW-START-': 'start-stop', 'IJW-RET-': 'retour', 'IJW-VOT-': 'verzoek', 'IJW-STAP-': 'toewijzing',
  'IJW-TOEW-': 'toewijzing', 'IJW-INTREK-': 'toewijzing', 'IJW-WIJZ-': 'toewijzing', 'IJW-DECL-': 'declaratie',
  ...Object.assign({}, ...packs.map((p) => p.profile.flows)),
};

function flowOf(id: string): Flow {
  // The longest matching prefix wins (ALK-VOW-1 before ALK-VOW-, ALK-VOW- before ALK-V).
  const key = Object.keys(FLOW).filter((p) => id.startsWith(p)).sort((a, b) => b.length - a.length)[0];
  if (!key) throw new Error(`${id}: no flow; add a prefix of it to \`flows\` in its pack's profile.yaml (national rules: FLOW in scripts/catalogue-from-rules.ts)`);
  return FLOW[key]!;
}

/** Splits a table row into cells; a '|' inside backticks or parentheses does not occur in RULES.md. */
const cells = (line: string) => line.trim().replace(/^\||\|$/g, '').split('|').map((c) => c.trim());

/** "G, A (optional)", "G (optional: other referrers), A" → roles and optional parts. */
function certifies(cell: string) {
  const roles: string[] = [];
  const optional: { role: string; part?: string }[] = [];
  for (const m of cell.matchAll(/([GA])(?:\s*\(optional(?::\s*([^)]*))?\))?/g)) {
    roles.push(m[1]!);
    if (m[0].includes('optional')) optional.push(m[2] ? { role: m[1]!, part: m[2].trim() } : { role: m[1]! });
  }
  if (!roles.length) throw new Error(`RULES.md: cannot read certifies "${cell}"`);
  return { roles, optional };
}

/** "307→308", "305(3)→306, 305(1)→306", "all", "all but 323/325", "all listed" → message codes. */
function messages(cell: string, text: string): string[] {
  const nums = (s: string) => [...s.matchAll(/\b3(\d\d)\b/g)].map((m) => `JW3${m[1]}`);
  let out: string[];
  if (/^all but/.test(cell)) out = ALL.filter((m) => !nums(cell).includes(m));
  else if (cell === 'all') out = ALL;
  else if (cell === 'all listed') out = nums(text).filter((m) => ALL.includes(m));
  else out = nums(cell);
  out = [...new Set(out)].sort();
  if (!out.length) throw new Error(`RULES.md: cannot read messages "${cell}"`);
  return out;
}

/** The seed a national source cites first ("004 §2.4.2 lid 2; 001 …"), or the national standard. */
function nationalDocument(source: string): string {
  const m = /\b(00\d)\b/.exec(source);
  return m ? SEEDS[m[1]!]! : 'iJw 3.2';
}

interface Row { id: string; scope: string; flow: Flow; status: string; certifies: string[]; optional: { role: string; part?: string }[]; messages: string[]; source: string; sourceDocument: string; text: string; reason?: string }

const rows: Row[] = [];
let region = 'national';
let status = 'testable';
let header: string[] = [];
const rulesMd = readFileSync(rulesPath, 'utf8');
// RULES.md's national part, then each pack's own table (regions/<id>/rules.md).
const tables = [{ file: rulesPath, text: nationalPart(rulesMd) }, ...packs.map((p) => ({ file: p.rulesPath, text: existsSync(p.rulesPath) ? readFileSync(p.rulesPath, 'utf8') : '' }))];
for (const { file, text: table } of tables) for (const line of table.split('\n')) {
  const h2 = /^## (.*)/.exec(line);
  if (h2) {
    status = /^Not testable/.test(h2[1]!) ? 'not-testable' : 'testable';
    const id = /`([a-z][a-z-]*)`/.exec(h2[1]!);
    region = id ? id[1]! : 'national';
    continue;
  }
  if (/^### Rules awaiting data/.test(line)) { status = 'awaiting-data'; continue; }
  // The header names the columns: an awaiting-data table may or may not have a "missing data" column.
  if (/^\|\s*id\s*\|/.test(line)) { header = cells(line); continue; }
  const idm = /^\|\s*([A-Z]{3}-[A-Z0-9-]+)\s*\|/.exec(line);
  if (!idm) continue;
  const c = cells(line);
  const id = c[0]!;
  const scope = PREFIX_SCOPE[id.slice(0, 3)];
  if (!scope) throw new Error(`${file}: ${id} has a prefix no pack declares (rulePrefix in profile.yaml)`);
  if (status !== 'not-testable' && scope !== region) throw new Error(`${file}: ${id} is listed under ${region}`);
  const seed = scope === 'national' ? undefined : REGION_SEED[scope]!;
  const withSeed = (s: string) => (seed && !s.startsWith(seed) ? `${seed} ${s}` : s);
  if (status === 'not-testable') {
    // id | rule | reason | source: whose software and which messages follow from the rule text.
    const [, text, reason, source] = c as [string, string, string, string];
    // Both not-testable rules are declaration routing agreements: the JW323 and its JW325.
    rows.push({ id, scope, flow: flowOf(id), status, certifies: ['G', 'A'], optional: [], messages: ['JW323', 'JW325'], source: withSeed(source), sourceDocument: SEEDS[seed!]!, text, reason });
    continue;
  }
  const [, text, cert, msgs] = c as [string, string, string, string];
  const awaiting = status === 'awaiting-data';
  const col = (name: string) => header.indexOf(name);
  const source = c[col('source')]!;
  // Without a "missing data" column the awaiting row's reason is its source's note ("…; the product list is … not public").
  const reason = awaiting ? (col('missing data') >= 0 ? c[col('missing data')] : source) : undefined;
  const { roles, optional } = certifies(cert);
  rows.push({
    id, scope, flow: flowOf(id), status, certifies: roles, optional, messages: messages(msgs, text),
    source: withSeed(source), sourceDocument: seed ? SEEDS[seed]! : nationalDocument(source), text,
    ...(reason ? { reason } : {}),
  });
}

const body = rows.map((r) => `  ${JSON.stringify(r)},`).join('\n');
writeFileSync(outPath, `// Generated from shared/RULES.md (national part) and regions/*/rules.md by scripts/catalogue-from-rules.ts (npm run gen:catalogue). Do not edit.
import type { CatalogueRule } from './catalogue.ts';

export const RULES_VERSION = ${JSON.stringify(/\(version (\d+)\)/.exec(readFileSync(rulesPath, 'utf8'))?.[1] ?? '?')};

export const catalogueRules: readonly CatalogueRule[] = [
${body}
] as CatalogueRule[];
`);
console.log(`${outPath}: ${rows.length} rules (${rows.filter((r) => r.status === 'testable').length} testable, ${rows.filter((r) => r.status === 'awaiting-data').length} awaiting data, ${rows.filter((r) => r.status === 'not-testable').length} not testable)`);
