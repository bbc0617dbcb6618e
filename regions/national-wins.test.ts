/**
 * Where a region's text yields to a national rule (shared/RULES.md rows that say so in words),
 * the profile records it as data (`nationalWins`), for the region page and the report: every
 * listed national rule exists in the standard with the text shown, every quoted seed text is in
 * the seed, and every RULES.md row that says a national rule wins over its region's text is listed.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import rulesData from '../../shared/reference/rules.json' with { type: 'json' };
import { catalogue, findRule } from './catalogue.ts';
import { profiles } from './index.ts';
import { NATIONAL_RULE_TEXTS } from './national-texts.ts';

const STANDARD = new Map((rulesData as { id: string; title: string }[]).map((r) => [r.id, r.title]));
/** A row that says its region's text yields: "conflicts with TR387/TR388, which win", "would contradict OP364". */
const YIELDS = /(?:conflicts? with|contradicts?|yields? to|overrides?)[^.]*?\b(?:TR|OP|CD|CS|IV)\d{3}|\bwhich wins?\b/i;
/** Seed text as words: markup, emphasis and line breaks dropped. */
const plain = (s: string) => s.replace(/<[^>]+>/g, '').replace(/[*\\]/g, '').replace(/\s+/g, ' ').trim();

describe('nationalWins', () => {
  const all = Object.values(profiles).flatMap((p) => (p.nationalWins ?? []).map((w) => ({ p, w })));

  it('names national rules of the standard, with the standard\'s text', () => {
    for (const { w } of all) {
      expect(w.national.length, w.rule).toBeGreaterThan(0);
      for (const id of w.national) {
        expect(STANDARD.has(id), `${w.rule}: ${id} is not in shared/reference/rules.json`).toBe(true);
        expect(NATIONAL_RULE_TEXTS[id], `${id}: its text is missing from regions/national-texts.ts`).toBe(STANDARD.get(id));
      }
    }
    for (const [id, text] of Object.entries(NATIONAL_RULE_TEXTS)) expect(text, id).toBe(STANDARD.get(id));
  });

  it('names catalogue rules of the region (or national rules citing its seed), each once', () => {
    for (const { p, w } of all) {
      const r = findRule(w.rule);
      expect(r, `${p.id}: ${w.rule} is not in the catalogue`).toBeDefined();
      expect(r!.scope === p.id || (r!.scope === 'national' && r!.source.includes(p.seed.slice(0, 3))), `${p.id}: ${w.rule} is neither its rule nor a national rule citing seed ${p.seed.slice(0, 3)}`).toBe(true);
      expect(p.nationalWins!.filter((x) => x.rule === w.rule).length, `${p.id}: ${w.rule} listed twice`).toBe(1);
    }
  });

  it('quotes the seed\'s own words', () => {
    for (const { p, w } of all) {
      const seed = plain(readFileSync(join(import.meta.dirname, '..', '..', 'shared', 'seeds', p.seed), 'utf8'));
      for (const part of w.seedText.split(/ … |; /)) expect(seed, `${p.id} ${w.rule}: "${part}" is not in ${p.seed}`).toContain(plain(part));
    }
  });

  it('lists every RULES.md row that says a national rule wins over its region\'s text', () => {
    const rows = catalogue.filter((r) => r.scope !== 'national' && YIELDS.test(r.text));
    expect(rows.map((r) => r.id)).toEqual(expect.arrayContaining(['AMS-PER-1', 'FRL-DECL-1', 'AMS-INT-4', 'RIJ-DECL-1']));
    const missing = rows.filter((r) => !(profiles[r.scope as keyof typeof profiles]?.nationalWins ?? []).some((w) => w.rule === r.id));
    expect(missing.map((r) => `${r.scope} ${r.id}`)).toEqual([]);
  });

  it('covers every region whose RULES.md rows say a national rule wins', () => {
    const regions = new Set(catalogue.filter((r) => r.scope !== 'national' && YIELDS.test(r.text)).map((r) => r.scope));
    expect(regions.size).toBeGreaterThan(0);
    for (const p of Object.values(profiles)) if (regions.has(p.id)) expect(p.nationalWins?.length, p.id).toBeGreaterThan(0);
  });
});
