/**
 * A retourcode is pinned only where the rule says which (DESIGN: "a retourcode is pinned only where
 * the rule row or the national rule it cites names one"). Every retourcode a scenario's Then steps
 * demand (`… with retourcode "9340"`, also through an Examples column) must be named by the text
 * of one of the scenario's @rule rows (shared/RULES.md via regions/catalogue.ts), be the retourcode
 * of a national rule such a row cites (TRnnn, CSnnn, CDnnn in its text or source), or be the
 * retourcode of a national rule the scenario tags itself (@rule:TR387). Codes in Given and When
 * steps are facts the harness dictates, not verdicts, and are not audited.
 */
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { findRule } from '../regions/catalogue.ts';
import { packs } from '../regions/index.ts';
import { NATIONAL_RULES } from '../ijw/rules/national-rules.ts';

function featureFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? featureFiles(p) : p.endsWith('.feature') ? [p] : [];
  });
}

/** An Examples row: its cells by column, and the tags of its Examples block. */
interface Row { cells: Record<string, string>; tags: string[] }
interface Scenario { file: string; line: number; name: string; tags: string[]; thens: string[]; examples: Row[] }

/** Each scenario with its own and its feature's tags, its Then steps (And/But after a Then) and its Examples rows. */
function scenarios(files: string[]): Scenario[] {
  const out: Scenario[] = [];
  for (const file of files) {
    let featureTags: string[] = [];
    let pending: string[] = [];
    let current: Scenario | undefined;
    let keyword = '';
    let header: string[] | undefined;
    let inExamples = false;
    let blockTags: string[] = [];
    readFileSync(file, 'utf8').split('\n').forEach((raw, i) => {
      const line = raw.trim();
      if (!line || line.startsWith('#')) return;
      if (line.startsWith('@')) {
        pending.push(...line.split(/\s+/).filter((t) => t.startsWith('@')));
        return;
      }
      if (/^Feature:/.test(line)) {
        featureTags = pending;
        pending = [];
        return;
      }
      if (/^(Background|Rule):/.test(line)) {
        current = undefined;
        return;
      }
      if (/^Scenario( Outline| Template)?:/.test(line)) {
        current = { file, line: i + 1, name: line.replace(/^Scenario( Outline| Template)?:\s*/, ''), tags: [...featureTags, ...pending], thens: [], examples: [] };
        out.push(current);
        pending = [];
        keyword = '';
        inExamples = false;
        return;
      }
      if (!current) return;
      if (/^(Examples|Scenarios):/.test(line)) {
        // Tags above an Examples block belong to its rows, not to the next scenario.
        blockTags = pending;
        pending = [];
        inExamples = true;
        header = undefined;
        return;
      }
      if (line.startsWith('|')) {
        if (!inExamples) return; // a step's data table
        const cells = line.slice(1, -1).split('|').map((c) => c.trim());
        if (!header) header = cells;
        else current.examples.push({ cells: Object.fromEntries(header.map((h, j) => [h, cells[j] ?? ''])), tags: blockTags });
        return;
      }
      const m = /^(Given|When|Then|And|But|\*)\s+(.*)$/.exec(line);
      if (!m) return;
      if (m[1] === 'Given' || m[1] === 'When' || m[1] === 'Then') keyword = m[1];
      if (keyword === 'Then') current.thens.push(m[2]!);
    });
  }
  return out;
}

const PINNED = /retourcode "([0-9A-Z]{4})"/g;

/** The retourcodes a scenario's Then steps demand, per Examples row of an outline, with the tags that row runs under. */
function pinnedCodes(s: Scenario): { code: string; tags: string[] }[] {
  const rows: Row[] = s.examples.length ? s.examples : [{ cells: {}, tags: [] }];
  const out: { code: string; tags: string[] }[] = [];
  for (const row of rows) {
    for (const step of s.thens) {
      const text = step.replace(/<([^>]+)>/g, (whole, col: string) => row.cells[col] ?? whole);
      for (const m of text.matchAll(PINNED)) out.push({ code: m[1]!, tags: [...s.tags, ...row.tags] });
    }
  }
  return out;
}

const NATIONAL_CODE = new Map(NATIONAL_RULES.filter((r) => r.retourcode).map((r) => [r.id, r.retourcode!]));
const NATIONAL_ID = /\b(?:TR|CS|CD)\d{3}\b/g;

/** The retourcodes a rule tag names: in a catalogue row's text, or as the code of a national rule the row cites or the tag is. */
function codesNamedBy(ruleId: string): Set<string> {
  const named = new Set<string>();
  const row = findRule(ruleId);
  if (!row) {
    const code = NATIONAL_CODE.get(ruleId);
    if (code) named.add(code);
    return named;
  }
  for (const m of row.text.matchAll(/\b(?:\d{4}|S\d{3})\b/g)) named.add(m[0]);
  for (const m of `${row.text} ${row.source}`.matchAll(NATIONAL_ID)) {
    const code = NATIONAL_CODE.get(m[0]);
    if (code) named.add(code);
  }
  return named;
}

describe('pinned retourcodes', () => {
  const all = scenarios([...featureFiles('features'), ...Object.values(packs).flatMap((p) => (existsSync(p.featuresDir) ? featureFiles(p.featuresDir) : []))]);

  it('finds the pinned codes, also those of an Examples column', () => {
    const pinned = all.flatMap(pinnedCodes).map((p) => p.code);
    expect(pinned).toContain('9340');
    // features/national/declaratie.feature pins 9307 … 9341 through its `code` column.
    expect(pinned).toContain('9338');
    expect(pinned).toContain('9413');
  });

  it('every pinned retourcode is named by a @rule row of its scenario, a national rule the row cites, or a national rule tagged', () => {
    const bad = all.flatMap((s) =>
      pinnedCodes(s).flatMap(({ code, tags }) => {
        const rules = tags.filter((t) => t.startsWith('@rule:')).map((t) => t.slice(6));
        return rules.some((id) => codesNamedBy(id).has(code)) ? [] : [`${s.file}:${s.line} ${s.name}: ${code} is named by none of ${rules.join(', ') || '(no @rule)'}`];
      }),
    );
    expect(bad).toEqual([]);
  });
});
