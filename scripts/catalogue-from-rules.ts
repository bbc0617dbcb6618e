/**
 * Writes regions/catalogue-rules.ts from shared/RULES.md, so the typed catalogue is RULES.md and
 * nothing else (`npm run gen:catalogue`; regions/regions.test.ts fails when it is stale).
 * The flow of a rule is not in RULES.md: it comes from FLOW below, the one thing kept by hand.
 */
import { readFileSync, writeFileSync } from 'node:fs';

const [rulesPath = '../shared/RULES.md', outPath = 'regions/catalogue-rules.ts'] = process.argv.slice(2);

const SEEDS: Record<string, string> = {
  '000': '000_adbb5a33ba09fdd8.txt',
  '001': '001_f23cacf840279e7e.txt',
  '002': '002_faae22c90523055e.txt',
  '003': '003_444f632912c4daad.txt',
  '004': '004_851268eb17787ddc.txt',
  '005': '005_zuid-limburg.txt',
};
const REGION_SEED: Record<string, string> = { alkmaar: '004', amsterdam: '003', rijnmond: '001', fryslan: '002', utrecht: '000', 'zuid-limburg': '005' };
const PREFIX_SCOPE: Record<string, string> = { IJW: 'national', ALK: 'alkmaar', AMS: 'amsterdam', RIJ: 'rijnmond', FRL: 'fryslan', UTR: 'utrecht', ZLM: 'zuid-limburg' };
const ALL = ['JW301', 'JW302', 'JW305', 'JW306', 'JW307', 'JW308', 'JW315', 'JW316', 'JW317', 'JW318', 'JW319', 'JW320', 'JW323', 'JW325'];

type Flow = 'toewijzing' | 'start-stop' | 'declaratie' | 'verzoek' | 'retour' | 'algemeen';
/** The part of the message traffic each rule is about (shown per flow in the report). */
const FLOW: Record<string, Flow> = {
  'IJW-STOP-': 'start-stop', 'IJW-START-': 'start-stop', 'IJW-RET-': 'retour', 'IJW-VOT-': 'verzoek', 'IJW-STAP-': 'toewijzing',
  'IJW-TOEW-': 'toewijzing', 'IJW-INTREK-': 'toewijzing', 'IJW-WIJZ-': 'toewijzing', 'IJW-DECL-': 'declaratie',
  'ALK-TERM-': 'retour', 'ALK-START-': 'start-stop', 'ALK-STOP-': 'start-stop', 'ALK-C': 'start-stop', 'ALK-T': 'toewijzing',
  'ALK-V': 'verzoek', 'ALK-R': 'start-stop', 'ALK-D': 'declaratie', 'ALK-VOW-1': 'verzoek', 'ALK-VOW-': 'toewijzing',
  'ALK-AGB-': 'toewijzing', 'ALK-CODES': 'algemeen',
  'AMS-': 'declaratie',
  'RIJ-PROD-1': 'toewijzing', 'RIJ-PROD-': 'declaratie', 'RIJ-VOT-': 'verzoek', 'RIJ-TERM-1': 'retour', 'RIJ-TERM-': 'declaratie',
  'RIJ-START-': 'start-stop', 'RIJ-STOP-': 'start-stop', 'RIJ-ABS-': 'start-stop', 'RIJ-LFM-': 'toewijzing', 'RIJ-DF-': 'declaratie',
  'RIJ-DECL-': 'declaratie',
  'FRL-MSG-': 'algemeen', 'FRL-ROUTE-': 'declaratie', 'FRL-VOT-': 'verzoek', 'FRL-TOEW-': 'toewijzing', 'FRL-VOW-': 'verzoek',
  'FRL-STAP-': 'toewijzing', 'FRL-PROD-': 'toewijzing', 'FRL-START-': 'start-stop', 'FRL-STOP-': 'start-stop', 'FRL-DECL-': 'declaratie',
  'FRL-CODES': 'algemeen',
  'UTR-MSG-': 'algemeen', 'UTR-VOT-': 'verzoek', 'UTR-TOEW-': 'toewijzing', 'UTR-START-': 'start-stop', 'UTR-STOP-': 'start-stop',
  'UTR-DECL-': 'declaratie', 'UTR-CODES': 'algemeen',
  'ZLM-CODES': 'algemeen', 'ZLM-D': 'declaratie', 'ZLM-TAR-': 'declaratie', 'ZLM-CR-': 'declaratie', 'ZLM-INTREK-': 'toewijzing',
};

function flowOf(id: string): Flow {
  // The longest matching prefix wins (ALK-VOW-1 before ALK-VOW-, ALK-VOW- before ALK-V).
  const key = Object.keys(FLOW).filter((p) => id.startsWith(p)).sort((a, b) => b.length - a.length)[0];
  if (!key) throw new Error(`RULES.md: no flow for ${id}; add it to FLOW in scripts/catalogue-from-rules.ts`);
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
for (const line of readFileSync(rulesPath, 'utf8').split('\n')) {
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
  const scope = PREFIX_SCOPE[id.slice(0, 3)]!;
  if (status !== 'not-testable' && scope !== region) throw new Error(`RULES.md: ${id} is listed under ${region}`);
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
writeFileSync(outPath, `// Generated from shared/RULES.md by scripts/catalogue-from-rules.ts (npm run gen:catalogue). Do not edit.
import type { CatalogueRule } from './catalogue.ts';

export const RULES_VERSION = ${JSON.stringify(/\(version (\d+)\)/.exec(readFileSync(rulesPath, 'utf8'))?.[1] ?? '?')};

export const catalogueRules: readonly CatalogueRule[] = [
${body}
] as CatalogueRule[];
`);
console.log(`${outPath}: ${rows.length} rules (${rows.filter((r) => r.status === 'testable').length} testable, ${rows.filter((r) => r.status === 'awaiting-data').length} awaiting data, ${rows.filter((r) => r.status === 'not-testable').length} not testable)`);
