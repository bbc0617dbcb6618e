/**
 * The region packs (regions/<id>/, docs/REGION-PACKS.md): each pack's rule table is its section of
 * shared/RULES.md, the published schema and the shipped CBS list are current, a broken profile
 * gets an error naming file, path and what was expected, and no code lists the region ids. A
 * pack copied under a new id and municipality running through the catalogue, --region, the
 * report and the docs without any code change: test/region-pack-outside.test.ts (it runs the suite).
 */
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { REGION_IDS } from '../regions/catalogue.ts';
import { packs } from '../regions/index.ts';
import { loadPack, RegionPackError } from '../regions/packs.ts';
import { rulesSection } from '../regions/rules-table.ts';
import { REGION_SCHEMA_PATH, regionSchemaText, VARIANTS_SCHEMA_PATH, variantsSchemaText } from '../scripts/write-region-schema.ts';

const ROOT = resolve(import.meta.dirname, '..');
const SHARED = resolve(ROOT, '..', 'shared');
const rulesMd = readFileSync(join(SHARED, 'RULES.md'), 'utf8');
const tmp = mkdtempSync(join(tmpdir(), 'region-packs-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('region packs', () => {
  it('finds a pack per folder of regions/', () => {
    expect(REGION_IDS.length).toBeGreaterThanOrEqual(5);
    for (const id of REGION_IDS) expect(packs[id]!.dir).toBe(join(ROOT, 'regions', id));
  });

  it.each(REGION_IDS.map((id) => [id]))('%s: rules.md equals its section of shared/RULES.md', (id) => {
    expect(readFileSync(packs[id]!.rulesPath, 'utf8'), `regions/${id}/rules.md differs from RULES.md's section for \`${id}\``).toBe(rulesSection(rulesMd, id));
  });

  it('publishes the current profile schema (npm run gen:region-schema)', () => {
    expect(readFileSync(join(ROOT, REGION_SCHEMA_PATH), 'utf8'), `${REGION_SCHEMA_PATH} is stale: run npm run gen:region-schema`).toBe(regionSchemaText());
    expect(readFileSync(join(ROOT, VARIANTS_SCHEMA_PATH), 'utf8'), `${VARIANTS_SCHEMA_PATH} is stale: run npm run gen:region-schema`).toBe(variantsSchemaText());
  });

  it('ships the CBS list with jeugdzorgregio as in shared/reference/codelists.json', () => {
    const source = JSON.parse(readFileSync(join(SHARED, 'reference', 'codelists.json'), 'utf8')).CBS_Gemeentecodes.codes as { code: string; omschrijving: string; jeugdzorgregio: string }[];
    const shipped = JSON.parse(readFileSync(join(ROOT, 'regions', 'cbs-municipalities.json'), 'utf8')).municipalities;
    expect(shipped).toEqual(source.map((c) => ({ code: c.code, name: c.omschrijving, jeugdzorgregio: c.jeugdzorgregio })));
  });

  it('names the file, the path and what was expected when a profile is wrong', () => {
    const dir = join(tmp, 'broken', 'utrecht');
    cpSync(packs.utrecht!.dir, dir, { recursive: true });
    const profile = parse(readFileSync(join(dir, 'profile.yaml'), 'utf8'));
    profile.deadlines.start.value = 'five';
    profile.messages.value.push('JW399');
    delete profile.rulePrefix;
    profile.allocation.stackingAlowed = profile.allocation.stackingAllowed;
    writeFileSync(join(dir, 'profile.yaml'), stringify(profile));
    let err: unknown;
    try { loadPack(dir); } catch (e) { err = e; }
    expect(err).toBeInstanceOf(RegionPackError);
    const e = err as RegionPackError;
    expect(e.file).toBe(join(dir, 'profile.yaml'));
    expect(e.message).toContain(join(dir, 'profile.yaml'));
    expect(e.problems).toEqual(expect.arrayContaining([
      { path: 'deadlines.start.value', expected: 'expected: must be integer' },
      expect.objectContaining({ path: 'messages.value.12', expected: expect.stringMatching(/^expected one of "JW301", .*"JW325"$/) }),
      expect.objectContaining({ path: '(top level)', expected: expect.stringMatching(/^expected missing field 'rulePrefix'/) }),
      expect.objectContaining({ path: 'allocation', expected: expect.stringMatching(/^expected unknown field 'stackingAlowed' \(allowed: .*stackingAllowed/) }),
    ]));
    writeFileSync(join(dir, 'profile.yaml'), 'id: utrecht\nname: [unclosed\n');
    expect(() => loadPack(dir)).toThrow(/profile\.yaml: at line \d+: expected valid YAML/);
  });

  it('resolves municipalities given as a jeugdzorgregio through the CBS list', () => {
    const dir = join(tmp, 'jzr', 'utrecht');
    cpSync(packs.utrecht!.dir, dir, { recursive: true });
    const profile = parse(readFileSync(join(dir, 'profile.yaml'), 'utf8'));
    profile.municipalities = { jeugdzorgregio: 'Zuid-Limburg', source: 'test' };
    writeFileSync(join(dir, 'profile.yaml'), stringify(profile));
    const ms = loadPack(dir).profile.municipalities;
    expect(ms.length).toBe(16);
    expect(ms.map((m) => m.code)).toContain('0935'); // Maastricht
    profile.municipalities = { jeugdzorgregio: 'Atlantis', source: 'test' };
    writeFileSync(join(dir, 'profile.yaml'), stringify(profile));
    expect(() => loadPack(dir)).toThrow(/municipalities\.jeugdzorgregio: expected a jeugdzorgregio of the CBS list, found 'Atlantis'/);
  });

  it('no code outside regions/<id>/ and the tests lists the region ids', () => {
    // A list: two region ids as string literals next to each other in an array, union or object
    // (comments, such as @example lines, may name several).
    const ids = REGION_IDS.map((id) => id.replace(/[-]/g, '\\-')).join('|');
    const list = new RegExp(`(['"\`](${ids})['"\`]\\s*[,|]\\s*['"\`](${ids})['"\`])|(\\b(${ids})\\s*:\\s*[^,{}]+,\\s*(${ids})\\s*:)`);
    const skip = /(^|\/)(node_modules|\.git|reports\/out|regions\/[a-z-]+)(\/|$)|\.test\.ts$|^test\/|^regions\/catalogue-rules\.ts$/;
    const files: string[] = [];
    const walk = (d: string) => {
      for (const f of readdirSync(d)) {
        const p = join(d, f);
        const rel = relative(ROOT, p);
        if (skip.test(rel)) continue;
        if (statSync(p).isDirectory()) walk(p);
        else if (/\.(ts|cjs|mjs|js)$/.test(f)) files.push(rel);
      }
    };
    walk(ROOT);
    const hits = files.flatMap((f) => readFileSync(join(ROOT, f), 'utf8').split('\n').map((l, i) => [l, i] as const).filter(([l]) => list.test(l) && !/^\s*(\*|\/\/)/.test(l)).map(([l, i]) => `${f}:${i + 1}: ${l.trim().slice(0, 120)}`));
    expect(hits).toEqual([]);
  });
});
