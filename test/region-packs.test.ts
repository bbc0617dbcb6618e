/**
 * The region packs (regions/<id>/, docs/REGION-PACKS.md): each pack's rule table is its section of
 * shared/RULES.md, the published schema and the shipped CBS list are current, a broken profile
 * gets an error naming file, path and what was expected, no code lists the region ids, and a pack
 * copied to a temporary folder under a new id and municipality runs through the catalogue,
 * --region, the report and the docs without any code change.
 */
import { execFileSync, spawnSync } from 'node:child_process';
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

describe('a pack outside the repository, under a new id and municipality', () => {
  // Utrecht's pack, renamed: id voorbeeld, rule prefix VBD, municipality 0307 (Amersfoort).
  const packsDir = join(tmp, 'packs');
  const dir = join(packsDir, 'voorbeeld');
  cpSync(join(ROOT, 'regions', 'utrecht'), dir, { recursive: true });
  const rename = (s: string) => s.replace(/UTR-/g, 'VBD-').replace(/@region:utrecht\b/g, '@region:voorbeeld').replace(/\(`utrecht`;/g, '(`voorbeeld`;').replace(/\b0344\b/g, '0307');
  const profile = parse(readFileSync(join(dir, 'profile.yaml'), 'utf8'));
  profile.id = 'voorbeeld';
  profile.name = 'Regio Voorbeeld';
  profile.shortName = 'Voorbeeld';
  profile.rulePrefix = 'VBD';
  profile.flows = Object.fromEntries(Object.entries(profile.flows).map(([k, v]) => [k.replace('UTR-', 'VBD-'), v]));
  profile.municipalities = [{ code: '0307', name: 'Amersfoort', source: 'test: a municipality of its own' }];
  writeFileSync(join(dir, 'profile.yaml'), stringify(profile));
  writeFileSync(join(dir, 'rules.md'), rename(readFileSync(join(dir, 'rules.md'), 'utf8')));
  for (const f of readdirSync(join(dir, 'features'))) writeFileSync(join(dir, 'features', f), rename(readFileSync(join(dir, 'features', f), 'utf8')));
  const env = { ...process.env, IJW_REGION_PACKS: packsDir };
  const tsx = (code: string) => execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', code], { cwd: ROOT, env, encoding: 'utf8' });

  it('is catalogued, named and documented', () => {
    const out = JSON.parse(tsx(`
      const { REGION_IDS, rulesForRegion, PROTOCOL_NAMES } = await import('./regions/catalogue.ts');
      const { actionSchemas } = await import('./simulators/action-schema.ts');
      const { regionDocs } = await import('./scripts/write-region-docs.ts');
      const { regionComparison } = await import('./reports/region-comparison.ts');
      const docs = regionDocs();
      console.log(JSON.stringify({
        ids: REGION_IDS, own: rulesForRegion('voorbeeld').filter((r) => r.scope === 'voorbeeld').map((r) => r.id),
        enum: actionSchemas.configure.properties.region.enum,
        page: docs.get('docs/regions/voorbeeld.md') ?? '', index: docs.get('docs/regions/README.md') ?? '',
        cmp: regionComparison(['utrecht', 'voorbeeld']),
      }));`));
    expect(out.ids).toContain('voorbeeld');
    expect(out.own).toEqual(expect.arrayContaining(['VBD-VOT-1', 'VBD-DECL-1', 'VBD-CODES']));
    expect(out.enum).toContain('voorbeeld');
    expect(out.page).toContain('Regio Voorbeeld');
    expect(out.page).toContain('0307');
    expect(out.index).toContain('voorbeeld');
    expect(out.cmp).toContain('Voorbeeld');
    expect(out.cmp).toContain('VBD-VOT-1');
  });

  it('runs with --packs and --region on the reference parties, and the report names it', () => {
    const outDir = join(tmp, 'out');
    const { IJW_REGION_PACKS: _none, ...plain } = process.env;
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'cli/conformance.ts', '--packs', packsDir, '--region', 'voorbeeld', '--out', outDir], { cwd: ROOT, env: plain, encoding: 'utf8' });
    expect(run.status, `${run.stdout}\n${run.stderr}`).toBe(0);
    expect(run.stdout).toMatch(/voorbeeld\s+gemeente\s+CONFORMANT/);
    expect(run.stdout).toMatch(/voorbeeld\s+aanbieder\s+CONFORMANT/);
    const html = readFileSync(join(outDir, 'latest', 'index.html'), 'utf8');
    expect(html).toContain('Regio Voorbeeld');
    expect(html).toContain('VBD-DECL-1');
  }, 240_000);
});
