/**
 * The regions compared: rules × regions from the catalogue, results from a run, the region
 * profiles, and `npm run report -- --catalogue`.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { catalogue, REGION_IDS } from '../regions/catalogue.ts';
import { runCli } from '../test/helpers/run-cli.ts';
import { loadReportModel } from './model.ts';
import { regionComparison, renderCatalogueHtml } from './region-comparison.ts';

/** The rules of the regions with a pack (the catalogue holds no others). */
const shown = catalogue.filter((r) => r.scope === 'national' || (REGION_IDS as readonly string[]).includes(r.scope));

const RUNS = resolve(import.meta.dirname, '..', 'test', 'fixtures', 'reports', 'runs');
const tmp = mkdtempSync(join(tmpdir(), 'ijw-comparison-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** The `<tr>` of a rule in the comparison. */
const row = (html: string, id: string) => new RegExp(`<tr [^>]*id="cmp-${id}">[^]*?</tr>`).exec(html)?.[0] ?? '';
/** Its cells, one per region after the rule and text columns. */
const cells = (tr: string) => [...tr.matchAll(/<td class="(cmp-(?:na|cell)[^"]*)"[^>]*>([^]*?)<\/td>/g)].map((m) => ({ cls: m[1]!, html: m[2]! }));

describe('rules × regions', () => {
  const html = regionComparison(REGION_IDS);

  it('has one row per rule of the catalogue, with the protocol’s words and its clause', () => {
    expect(html.match(/<tr data-scope=/g)).toHaveLength(shown.length);
    const r = row(html, 'IJW-STOP-1');
    expect(r).toContain(catalogue.find((x) => x.id === 'IJW-STOP-1')!.text.slice(0, 40));
    expect(r).toContain('SAP Regio Alkmaar §2.4.2 lid 2');
  });

  it('shows a regional rule only in its region, and how each role is judged', () => {
    const alk = catalogue.find((r) => r.scope === 'alkmaar' && r.status === 'testable' && !r.optional.length)!;
    const cs = cells(row(html, alk.id));
    expect(cs.map((c) => c.cls.startsWith('cmp-na'))).toEqual(REGION_IDS.map((g) => g !== 'alkmaar'));
    expect(cs[0]!.html).toContain('mandatory');
    const optional = catalogue.find((r) => r.optional.some((o) => !o.part))!;
    expect(row(html, optional.id)).toMatch(/<span class="how optional"><b>[GA]<\/b> optional/);
    const awaiting = catalogue.find((r) => r.status === 'awaiting-data')!;
    expect(row(html, awaiting.id)).toContain('awaiting data');
    expect(row(html, awaiting.id)).toContain(awaiting.reason!.slice(0, 30).replace(/"/g, '&quot;'));
  });

  it('names the regional rules that add to or depart from a national rule, per region', () => {
    const cs = cells(row(html, 'IJW-DECL-8'));
    const byRegion = Object.fromEntries(REGION_IDS.map((g, i) => [g, cs[i]!.html]));
    expect(byRegion.amsterdam).toMatch(/regional: .*AMS-INT-4/);
    expect(byRegion.fryslan).toContain('FRL-DECL-1');
    expect(byRegion.utrecht).not.toContain('regional:');
    expect(row(html, 'IJW-DECL-8')).toContain('data-differs="yes"');
    expect(row(html, 'IJW-START-1')).toContain('data-differs="no"');
  });

  it('shows the result per region and role from a run, and what the run did not cover', async () => {
    const model = await loadReportModel(join(RUNS, 'fail'));
    const withResults = regionComparison(['utrecht', 'alkmaar'], { results: model.regions, ruleHref: (g, id) => `#${g}-${id}` });
    const [utrecht, alkmaar] = cells(row(withResults, 'IJW-STOP-1'));
    expect(utrecht!.cls).toContain('r-fail');
    expect(utrecht!.html).toContain('<a href="#utrecht-IJW-STOP-1">');
    expect(utrecht!.html).toMatch(/<span class="pill fail"[^>]*>G ✗ 0\/1<\/span>/);
    expect(utrecht!.html).toMatch(/<span class="pill not-covered"[^>]*>A –<\/span>/);
    expect(alkmaar!.html).toContain('not in this run');
    expect(row(withResults, 'IJW-STOP-1')).toContain('data-result="fail"');
  });
});

describe('region profiles compared', () => {
  const html = regionComparison(REGION_IDS);
  it('lists deadlines, terms, products with tariffs and municipalities per region, each with its source', () => {
    expect(html).toMatch(/JW325 after the 323<\/th><td>10 werkdagen[^]*?004 §2\.7\.2 lid 1/);
    expect(html).toContain('<code>45X01</code> <span class="ex">example</span>');
    expect(html).toContain('€90.00 per uur');
    expect(html).toContain('70% after the 305, 30% after a 307 with reden 31');
    expect(html).toContain('<code>0361</code> Alkmaar');
    expect(html).toMatch(/stacking allowed <small>\(toewijzing\)<\/small><\/th><td>no/);
  });
});

describe('where a national rule wins over a protocol', () => {
  const html = regionComparison(REGION_IDS);
  it('lists the rows per region with the protocol\'s words and the national rule\'s text', () => {
    const table = /<table class="cmp national-wins"[^]*?<\/table>/.exec(html)?.[0] ?? '';
    expect(table).toContain('id="win-fryslan-FRL-DECL-1"');
    expect(table).toContain('Begin van de maand of datum start-zorg als dat later is');
    expect(table).toMatch(/<code>TR387<\/code> <q lang="nl">De Begindatum van een ProductPeriode is altijd de eerste dag/);
    for (const [region, rule] of [['amsterdam', 'AMS-PER-1'], ['amsterdam', 'AMS-INT-5'], ['rijnmond', 'RIJ-DECL-1'], ['utrecht', 'UTR-VOT-1'], ['alkmaar', 'IJW-STAP-1']]) {
      expect(table, `${region} ${rule}`).toContain(`id="win-${region}-${rule}"`);
    }
  });
});

describe('npm run report -- --catalogue', () => {
  it('writes one self-contained page without running anything', async () => {
    const out = join(tmp, 'cat');
    const r = await runCli('cli/report.ts', ['--catalogue', '--out', out]);
    expect(r.code, r.stderr).toBe(0);
    const file = join(out, 'catalogue.html');
    expect(existsSync(file)).toBe(true);
    const html = readFileSync(file, 'utf8');
    expect(html).not.toMatch(/\b(?:src|href)\s*=\s*["']?(?:https?:)?\/\//i);
    expect(html).not.toMatch(/<link\b|@import|@font-face|url\(/i);
    expect(html.match(/<tr data-scope=/g)).toHaveLength(shown.length);
    expect(renderCatalogueHtml({ generatedAt: '2025-03-03T10:00:00Z', regions: ['fryslan'] })).not.toContain('id="cmp-ALK-');
  });

  it('refuses --from with --catalogue, and an unknown region, with exit 2', async () => {
    expect((await runCli('cli/report.ts', ['--catalogue', '--from', tmp])).code).toBe(2);
    const r = await runCli('cli/report.ts', ['--catalogue', '--region', 'groningen', '--out', join(tmp, 'x')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/unknown region groningen/);
  });
});
