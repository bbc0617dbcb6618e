/**
 * One-off migration of feature files written for the old step texts (issue 17, steps by flow
 * and actor): "the provider …" / "the municipality …" become "the harness's provider …" or
 * "the provider under test …" (and the same for the municipality) by the scenario's @role tag,
 * and the folded near-duplicates take the one text that is left ("is asked to stop care" →
 * "stops care", "per frequentie" → "with frequentie", …). Facts that send nothing keep their
 * text. Rewrites the files in place and lists what it could not decide.
 *
 *   npx tsx scripts/name-step-actors.ts regions/zuid-limburg/features [more folders or files]
 */
import { readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const FACTS = [/^provider delivered /, /^municipality is "/];
const FOLDS: [RegExp, string][] = [
  [/^provider is asked to stop care on /, 'provider stops care on '],
  [/^provider is asked to withdraw the stop of /, 'provider withdraws the stop of '],
  [/^provider is asked to request change /, 'provider requests change '],
  [/^municipality is asked to allocate /, 'municipality allocates '],
  [/^(provider requests (?:toewijzing|change) .*) per frequentie /, '$1 with frequentie '],
  [/^(provider requests toewijzing "[^"]*") of product code ("[^"]*"), which is not contracted, (for client "[^"]*" from \S+ to \S+)$/, '$1 of product $2 $3, which is not contracted'],
];
const STEP = /^(\s*(?:Given|When|Then|And|But|\*) )(.*)$/;
/** Texts that changed without a party at their start. */
const PLAIN: [RegExp, string][] = [
  [/ lasts 2 years$/, ' lasts as long as the region allows'],
  [/ an Omvang Bijlage 6 allows/, ' an Omvang of a shape the region allows'],
  [/ an Omvang Bijlage 6 does not allow$/, ' an Omvang of a shape the region does not allow'],
];

function files(p: string): string[] {
  return statSync(p).isDirectory() ? readdirSync(p).flatMap((f) => files(join(p, f))) : p.endsWith('.feature') ? [p] : [];
}

function migrate(file: string): { changed: number; problems: string[] } {
  const text = readFileSync(file, 'utf8');
  const allRoles = [...new Set([...text.matchAll(/@role:(\w+)/g)].map((m) => m[1]!))];
  let featureRoles: string[] = [];
  let pending: string[] = [];
  let role: string | undefined;
  let background = false;
  let changed = 0;
  const problems: string[] = [];
  const out = text.split('\n').map((line, i) => {
    const s = line.trim();
    if (s.startsWith('@')) pending.push(...[...s.matchAll(/@role:(\w+)/g)].map((m) => m[1]!));
    else if (s.startsWith('Feature:')) [featureRoles, pending] = [pending, []];
    else if (s.startsWith('Rule:')) pending = [];
    else if (s.startsWith('Background:')) [background, role, pending] = [true, undefined, []];
    else if (/^(Scenario|Example:)/.test(s)) {
      const rs = [...new Set(pending.length ? pending : featureRoles)];
      [background, role, pending] = [false, rs.length === 1 ? rs[0] : undefined, []];
    } else if (s.startsWith('Examples')) {
      if (pending.length === 1) role = pending[0];
      pending = [];
    }
    const r = role ?? (background && allRoles.length === 1 ? allRoles[0] : undefined);
    /** A step text with its actor named, or undefined when it names no party or states a fact. */
    const name = (text: string): string | undefined => {
      let t = text;
      for (const [re, to] of PLAIN) t = t.replace(re, to);
      const p = /^the (provider|municipality) (.*)$/.exec(t);
      if (!p || /^the (provider|municipality) under test /.test(t)) return t === text ? undefined : t;
      let body = `${p[1]} ${p[2]}`;
      if (FACTS.some((f) => f.test(body))) return t === text ? undefined : t;
      for (const [re, to] of FOLDS) body = body.replace(re, to);
      const [who, ...rest] = body.split(' ');
      if (!r) {
        problems.push(`${file}:${i + 1}: no single @role for "${text}"`);
        return undefined;
      }
      changed++;
      return `${(who === 'provider') === (r === 'aanbieder') ? `the ${who} under test` : `the harness's ${who}`} ${rest.join(' ')}`;
    };
    if (s.startsWith('|')) {
      // An Examples cell may hold a whole step.
      return line.replace(/(\|\s*)([^|]*?)(\s*)(?=\|)/g, (all, open: string, cell: string, close: string) => {
        const n = /^the (provider|municipality) /.test(cell) ? name(cell) : undefined;
        return n ? `${open}${n}${close}` : all;
      });
    }
    const m = STEP.exec(line);
    if (!m) return line;
    const n = name(m[2]!);
    return n ? `${m[1]}${n}` : line;
  });
  const joined = out.join('\n');
  if (joined !== text) writeFileSync(file, joined);
  return { changed, problems };
}

const targets = process.argv.slice(2).flatMap(files);
if (!targets.length) {
  process.stderr.write('usage: npx tsx scripts/name-step-actors.ts <features folder or file>…\n');
  process.exit(2);
}
let problems = 0;
for (const f of targets) {
  const r = migrate(f);
  process.stdout.write(`${f}: ${r.changed} steps name their actor\n`);
  for (const p of r.problems) process.stderr.write(`  ${p}\n`);
  problems += r.problems.length;
}
process.exit(problems ? 1 : 0);
