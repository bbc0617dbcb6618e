/**
 * Every rule of the catalogue (shared/RULES.md, as regions/catalogue.ts) is tested by at least
 * one scenario, every @rule tag names a known rule, and every scenario says whose software it
 * judges and which region it belongs to.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { catalogue } from '../regions/catalogue.ts';

function featureFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? featureFiles(p) : p.endsWith('.feature') ? [p] : [];
  });
}

interface ScenarioTags { file: string; name: string; tags: string[] }

/** Scenarios with their own and their feature's tags. */
function scenarios(): ScenarioTags[] {
  const out: ScenarioTags[] = [];
  for (const file of featureFiles('features')) {
    let featureTags: string[] = [];
    let pending: string[] = [];
    let seenFeature = false;
    for (const raw of readFileSync(file, 'utf8').split('\n')) {
      const line = raw.trim();
      if (line.startsWith('@')) pending.push(...line.split(/\s+/).filter((t) => t.startsWith('@')));
      else if (/^Feature:/.test(line)) {
        featureTags = pending;
        pending = [];
        seenFeature = true;
      } else if (/^Scenario( Outline)?:/.test(line) && seenFeature) {
        out.push({ file, name: line.replace(/^Scenario( Outline)?:\s*/, ''), tags: [...featureTags, ...pending] });
        pending = [];
      } else if (line && !line.startsWith('#')) pending = line.startsWith('Examples') ? pending : [];
    }
  }
  return out;
}

/**
 * Rules that no scenario can judge, with the reason. Both are routing agreements from the iJw 2.x
 * era (303D/303F, and which municipality processes a declaration): in iJw 3.x there is one
 * JW323 per municipality and the route is not visible in any message.
 */
const NOT_TESTABLE: Record<string, string> = {
  'RIJ-DF-1': 'declaration vs invoice route (303D/303F) has no counterpart in the iJw 3.x messages; kept as profile data (declarationRoute)',
  'FRL-ROUTE-1': 'which municipality processes a declaration is back-office routing, not visible in a JW323/JW325; kept as profile data (processedBy)',
};

describe('rule coverage', () => {
  const all = scenarios();
  const ids = new Set(catalogue.map((r) => r.id));

  it('finds scenarios', () => {
    expect(all.length).toBeGreaterThan(20);
  });

  it('every @rule tag names a rule of the catalogue', () => {
    const unknown = all.flatMap((s) => s.tags.filter((t) => t.startsWith('@rule:') && !ids.has(t.slice(6))).map((t) => `${s.file}: ${s.name}: ${t}`));
    expect(unknown).toEqual([]);
  });

  it('every scenario has one @role and a region or @national tag', () => {
    const bad = all.filter((s) => s.tags.filter((t) => t.startsWith('@role:')).length !== 1 || !s.tags.some((t) => t === '@national' || t.startsWith('@region:')));
    expect(bad.map((s) => `${s.file}: ${s.name}`)).toEqual([]);
  });

  it('regional scenarios live in their region folder and test rules of their region or national ones', () => {
    const bad = all.filter((s) => {
      const region = s.tags.find((t) => t.startsWith('@region:'))?.slice(8);
      if (!region) return !s.file.includes('features/national/');
      const rules = s.tags.filter((t) => t.startsWith('@rule:')).map((t) => catalogue.find((r) => r.id === t.slice(6)));
      return !s.file.includes(`features/${region}/`) || rules.some((r) => r && r.scope !== 'national' && r.scope !== region);
    });
    expect(bad.map((s) => `${s.file}: ${s.name}`)).toEqual([]);
  });

  it('every rule of the catalogue is tested by at least one scenario', () => {
    const tagged = new Set(all.flatMap((s) => s.tags.filter((t) => t.startsWith('@rule:')).map((t) => t.slice(6))));
    expect(catalogue.filter((r) => !tagged.has(r.id) && !NOT_TESTABLE[r.id]).map((r) => r.id)).toEqual([]);
    // A reason is only kept while the rule really has no scenario.
    expect(Object.keys(NOT_TESTABLE).filter((id) => tagged.has(id))).toEqual([]);
  });
});
