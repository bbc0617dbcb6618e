/**
 * The region reference for vendors (issue 10, point 17) is generated from the region profiles
 * and must be current: regenerate with `npm run gen:docs` when a profile or the catalogue changes.
 */
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './helpers/run-cli.ts';
import { regionDocs } from '../scripts/write-region-docs.ts';
import { optionalScenarios } from '../scripts/region-docs.ts';
import { REGION_IDS } from '../regions/catalogue.ts';
import { getProfile } from '../regions/index.ts';

describe('docs/regions', () => {
  const docs = regionDocs();

  it('has a page per region, an index and the field table of the pack format', () => {
    expect([...docs.keys()].sort()).toEqual([...REGION_IDS.map((id) => `docs/regions/${id}.md`), 'docs/regions/README.md', 'docs/REGION-PACKS.md'].sort());
  });

  for (const [path, text] of docs) {
    it(`${path} is current (npm run gen:docs)`, () => {
      expect(existsSync(join(ROOT, path)), `${path} is missing: run npm run gen:docs`).toBe(true);
      expect(readFileSync(join(ROOT, path), 'utf8'), `${path} is stale: run npm run gen:docs`).toBe(text);
    });
  }

  it('states the tariffs the reference parties apply, the units and the deadlines', () => {
    const alkmaar = docs.get('docs/regions/alkmaar.md')!;
    expect(alkmaar).toContain('| 45X01 (**stand-in**) | 45 (Jeugdhulp ambulant) | Ambulante begeleiding (example) | 04 (Uur) | 2 (Per week) |');
    expect(alkmaar).toContain('€ 90,00 per uur (**stand-in**: the protocol gives no figure)');
    expect(alkmaar).toMatch(/\| JW301 or JW319 after a JW315\/JW317 \| 5 \|/);
    expect(alkmaar).toContain('| 1980 | Dijk en Waard |');
  });

  it('shows, per region, where a national rule wins over the protocol, with both texts', () => {
    const fryslan = docs.get('docs/regions/fryslan.md')!;
    expect(fryslan).toContain('## Where a national rule wins over the protocol');
    const wins = fryslan.slice(fryslan.indexOf('## Where a national rule wins over the protocol'));
    const row = wins.split('\n').find((l) => l.startsWith('| FRL-DECL-1 |'))!;
    expect(row).toContain('“ProductPeriode Begindatum: Begin van de maand of datum start-zorg als dat later is');
    expect(row).toContain('TR387: “De Begindatum van een ProductPeriode is altijd de eerste dag van de kalendermaand');
    expect(row).toContain('TR388: “De Einddatum van een ProductPeriode');
    expect(docs.get('docs/regions/utrecht.md')!.split('## Where a national rule wins')[1]).toMatch(/\| UTR-VOT-1 \| “De backoffice zorg neemt buiten het berichtenverkeer om contact[^|]*\| OP274, OP344 \|/);
    for (const id of REGION_IDS) expect(docs.get(`docs/regions/${id}.md`), id).toContain('## Where a national rule wins over the protocol');
  });

  it('says per product code and tariff whether it is the protocol\'s or a stand-in, and how a vendor configures them (issue 16)', () => {
    for (const p of REGION_IDS.map((id) => getProfile(id))) {
      const doc = docs.get(`docs/regions/${p.id}.md`)!;
      expect(doc).toContain('**How to configure them.**');
      for (const x of p.products) {
        expect(doc, `${p.id} ${x.code}`).toContain(`| ${x.example ? `${x.code} (**stand-in**)` : x.code} |`);
        const standIns = doc.match(new RegExp(`^- ${'Tariffs that are stand-ins'}: (.*)$`, 'm'))?.[1] ?? '';
        expect(standIns.includes(`${x.code} €`), `${p.id} ${x.code} tariff`).toBe(x.tariff.example);
      }
    }
  });

  it('finds @optional scenarios, on the scenario or on the feature', () => {
    expect(optionalScenarios('Feature: f\n  @optional @role:gemeente\n  Scenario: a\n  Scenario: b\n')).toEqual(['a']);
    expect(optionalScenarios('@optional\nFeature: f\n  Scenario Outline: c\n')).toEqual(['c']);
  });
});
