/**
 * Issue 17: what differs between regions is a policy the profile chooses, never a branch on the
 * region's id. This test reads every TypeScript source outside the tests and fails on a
 * comparison with a region id (`=== 'alkmaar'`, `case 'fryslan':`, `profile.id !== …`,
 * `['a', 'b'].includes(region.id)`, `switch (profile.id)`), naming file and line.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REGION_IDS } from '../regions/catalogue.ts';

const ROOT = join(import.meta.dirname, '..');
const SKIP_DIRS = new Set(['node_modules', 'test', 'features', 'docs', '.git', 'dist', 'reports-out']);
// Zuid-Limburg is catalogued before its profile exists; a branch on it is as wrong as on the others.
const IDS = [...new Set([...REGION_IDS, 'zuid-limburg'])].map((id) => id.replace(/[-]/g, '\\-')).join('|');

export const BRANCH_PATTERNS: { name: string; re: RegExp }[] = [
  { name: 'comparison with a region id', re: new RegExp(`[!=]==?\\s*['"\`](${IDS})['"\`]|['"\`](${IDS})['"\`]\\s*[!=]==?`) },
  { name: 'case on a region id', re: new RegExp(`case\\s+['"\`](${IDS})['"\`]`) },
  { name: 'comparison of a region\'s id', re: /\b(profile|region|Region|Profile)\.id\s*[!=]==?|[!=]==?\s*[\w.]*\b(profile|region)\.id\b/ },
  { name: 'switch on a region\'s id', re: /switch\s*\(\s*[\w.]*\b(profile|region|p)\.id\s*\)/ },
  { name: 'list of region ids tested for membership', re: new RegExp(`\\[[^\\]]*['"\`](${IDS})['"\`][^\\]]*\\]\\s*\\.\\s*(includes|indexOf|some)\\(`) },
];

function sources(dir: string, out: string[] = []): string[] {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    if (e.name.startsWith('.') || SKIP_DIRS.has(e.name)) continue;
    const p = join(dir, e.name);
    if (e.isDirectory()) sources(p, out);
    else if (/\.(ts|mts|cts)$/.test(e.name) && !/\.test\.ts$/.test(e.name) && !e.name.endsWith('.d.ts')) out.push(p);
  }
  return out;
}

/** Every line of `text` that branches on a region id, with the pattern it matched. */
export function regionBranches(text: string): { line: number; pattern: string; code: string }[] {
  const found: { line: number; pattern: string; code: string }[] = [];
  text.split('\n').forEach((code, i) => {
    const bare = code.replace(/^\s*(\*|\/\/).*$/, ''); // comments may mention a region
    for (const { name, re } of BRANCH_PATTERNS) if (re.test(bare)) found.push({ line: i + 1, pattern: name, code: code.trim() });
  });
  return found;
}

describe('no branch on a region id outside tests (issue 17)', () => {
  it('the patterns catch the shapes a region branch takes', () => {
    for (const bad of [
      "if (profile.id === 'alkmaar') x();",
      "const r = profile.id==='alkmaar' ? 'ALK-V1' : 'FRL-VOT-2';",
      "if ('fryslan' !== region) return;",
      "  case 'utrecht':",
      'if (w.profile.id !== other) return;',
      'switch (this.profile.id) {',
      "if (['amsterdam', 'rijnmond'].includes(p.region)) y();",
      "if (id === 'zuid-limburg') z();",
    ]) expect(regionBranches(bad), bad).not.toEqual([]);
    for (const fine of [
      "export const alkmaar: RegionProfile = { id: 'alkmaar',",
      'return faults.find((f) => f.id === id);',
      "// profile.id === 'alkmaar' was a branch once",
      "if (profile.allocation.vowNotRetroactive?.value) return t.ingangsdatum;",
    ]) expect(regionBranches(fine), fine).toEqual([]);
  });

  it('no source file outside the tests branches on a region id', () => {
    const hits = sources(ROOT).flatMap((f) => regionBranches(readFileSync(f, 'utf8')).map((h) => `${relative(ROOT, f)}:${h.line} (${h.pattern}): ${h.code}`));
    expect(hits, `make these a policy the profile chooses (docs/REGION-POLICIES.md):\n${hits.join('\n')}`).toEqual([]);
  });
});
