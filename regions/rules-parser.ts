/**
 * Reads rule tables in the format of shared/RULES.md into catalogue rules: RULES.md's national
 * part and each pack's rules.md. Used by scripts/catalogue-from-rules.ts (which writes
 * regions/catalogue-rules.ts) and, at run time, for a pack outside the repository whose rules the
 * generated catalogue does not hold.
 *
 * @example
 *   parseRuleTables([{ file: 'rules.md', text }], { seeds: {}, packs: [{ id: 'x', rulePrefix: 'XXX', seed: '009_x.txt', flows: { 'XXX-': 'algemeen' } }] })
 */
import type { CatalogueRule, Certifies, Flow, OptionalPart, RuleStatus } from './catalogue.ts';

export interface TableContext {
  /** Seed number → file name, for the documents national rows cite. */
  seeds: Readonly<Record<string, string>>;
  /** The packs whose tables are read (their rule prefix, seed file and flows). */
  packs: readonly { id: string; rulePrefix: string; seed: string; flows: Readonly<Record<string, Flow>> }[];
}

const ALL = ['JW301', 'JW302', 'JW305', 'JW306', 'JW307', 'JW308', 'JW315', 'JW316', 'JW317', 'JW318', 'JW319', 'JW320', 'JW323', 'JW325'];

/** The part of the message traffic each national rule is about (shown per flow in the report); a region's flows are in its profile. */
const NATIONAL_FLOW: Record<string, Flow> = {
  'IJW-STOP-': 'start-stop', 'IJW-START-': 'start-stop', 'IJW-RET-': 'retour', 'IJW-VOT-': 'verzoek', 'IJW-STAP-': 'toewijzing',
  'IJW-TOEW-': 'toewijzing', 'IJW-INTREK-': 'toewijzing', 'IJW-WIJZ-': 'toewijzing', 'IJW-DECL-': 'declaratie',
};

function flowOf(id: string, flows: Record<string, Flow>): Flow {
  // The longest matching prefix wins (ALK-VOW-1 before ALK-VOW-, ALK-VOW- before ALK-V).
  const key = Object.keys(flows).filter((p) => id.startsWith(p)).sort((a, b) => b.length - a.length)[0];
  if (!key) throw new Error(`${id}: no flow; add a prefix of it to \`flows\` in its pack's profile.yaml`);
  return flows[key]!;
}

/** Splits a table row into cells; a '|' inside backticks or parentheses does not occur in RULES.md. */
const cells = (line: string) => line.trim().replace(/^\||\|$/g, '').split('|').map((c) => c.trim());

/** "G, A (optional)", "G (optional: other referrers), A" → roles and optional parts. */
function certifies(cell: string) {
  const roles: Certifies[] = [];
  const optional: OptionalPart[] = [];
  for (const m of cell.matchAll(/([GA])(?:\s*\(optional(?::\s*([^)]*))?\))?/g)) {
    roles.push(m[1] as Certifies);
    if (m[0].includes('optional')) optional.push(m[2] ? { role: m[1] as Certifies, part: m[2].trim() } : { role: m[1] as Certifies });
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
function nationalDocument(source: string, seeds: Readonly<Record<string, string>>): string {
  const m = /\b(\d{3})\b/.exec(source);
  return m && seeds[m[1]!] ? seeds[m[1]!]! : 'iJw 3.2';
}

/** The rules of the tables, in order; an error names the file and the row. */
export function parseRuleTables(tables: readonly { file: string; text: string }[], ctx: TableContext): CatalogueRule[] {
  const rows: CatalogueRule[] = [];
  const prefixScope: Record<string, string> = { IJW: 'national', ...Object.fromEntries(ctx.packs.map((p) => [p.rulePrefix, p.id])) };
  const seedOf: Record<string, string> = Object.fromEntries(ctx.packs.map((p) => [p.id, p.seed]));
  const flows: Record<string, Flow> = { ...NATIONAL_FLOW, ...Object.assign({}, ...ctx.packs.map((p) => p.flows)) };
  let region = 'national';
  let status: RuleStatus = 'testable';
  let header: string[] = [];
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
    const scope = prefixScope[id.slice(0, 3)];
    if (!scope) throw new Error(`${file}: ${id} has a prefix no pack declares (rulePrefix in profile.yaml)`);
    if (status !== 'not-testable' && scope !== region) throw new Error(`${file}: ${id} is listed under ${region}`);
    const seedFile = scope === 'national' ? undefined : seedOf[scope]!;
    const seed = seedFile?.slice(0, 3);
    const withSeed = (s: string) => (seed && !s.startsWith(seed) ? `${seed} ${s}` : s);
    if (status === 'not-testable') {
      // id | rule | reason | source: whose software and which messages follow from the rule text.
      const [, text, reason, source] = c as [string, string, string, string];
      // Both not-testable rules are declaration routing agreements: the JW323 and its JW325.
      rows.push({ id, scope, flow: flowOf(id, flows), status, certifies: ['G', 'A'], optional: [], messages: ['JW323', 'JW325'], source: withSeed(source), sourceDocument: seedFile!, text, reason });
      continue;
    }
    const [, text, cert, msgs] = c as [string, string, string, string];
    const awaiting = status === 'awaiting-data';
    const col = (name: string) => header.indexOf(name);
    const source = c[col('source')]!;
    // Without a "missing data" column the awaiting row's reason is its source's note ("…; the product list is … not public").
    const reason = awaiting ? (col('missing data') >= 0 ? c[col('missing data')] : source) : undefined;
    const { roles, optional } = certifies(cert);
    if (awaiting && !reason) throw new Error(`${file}: ${id} awaits data but says not which`);
    rows.push({
      id, scope, flow: flowOf(id, flows), status, certifies: roles, optional, messages: messages(msgs, text),
      source: withSeed(source), sourceDocument: seedFile ?? nationalDocument(source, ctx.seeds), text,
      ...(reason ? { reason } : {}),
    });
  }
  return rows;
}
