/**
 * A region pack kept outside the repository, under a new id, rule prefix and municipality (a copy
 * of Utrecht's): catalogued, named and documented, and a real conformance run through --packs on
 * the reference parties, both roles CONFORMANT, with no code change. In the `suite` project: it
 * runs the suite (test/region-packs.test.ts holds the packs' static checks).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';

const ROOT = resolve(import.meta.dirname, '..');
const tmp = mkdtempSync(join(tmpdir(), 'region-pack-outside-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

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
