/**
 * The catalogue matches shared/RULES.md exactly, and every profile holds only valid codes and
 * cites its sources. RULES.md and the code lists are read here (tests may do I/O; the modules
 * under test may not).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cited } from './check.ts';
import { describe, expect, it } from 'vitest';
import { REGION_IDS, catalogue, citation, findRule, rulesForRegion } from './catalogue.ts';
import { UnknownRegionError, getProfile, profiles } from './index.ts';
import { declarationTerms } from './product.ts';
import type { RegionProfile } from './types.ts';

const shared = (p: string) => fileURLToPath(new URL(`../../shared/${p}`, import.meta.url));
const rulesMd = readFileSync(shared('RULES.md'), 'utf8');
const codelists = JSON.parse(readFileSync(shared('reference/codelists.json'), 'utf8')) as Record<string, { codes: { code: string }[] }>;
const codes = (list: string) => new Set(codelists[list]!.codes.map((c) => c.code));

/** Rule ids of RULES.md: the first cell of every table row. */
const mdIds = [...rulesMd.matchAll(/^\|\s*([A-Z]{3}-[A-Z0-9-]+)\s*\|/gm)].map((m) => m[1]!);

const all = Object.values(profiles) as RegionProfile[];

/**
 * Whether the rule's region has a pack: the catalogue holds RULES.md's national rules and the
 * tables of the packs there are; a region of RULES.md without a pack yet (Zuid-Limburg until its
 * branch lands, issue 17) is not catalogued.
 */
const packed = (id: string) => id.startsWith('IJW-') || all.some((p) => id.startsWith(`${p.rulePrefix}-`));


describe('catalogue', () => {
  it('is generated from the RULES.md beside it (npm run gen:catalogue)', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'catalogue-')), 'catalogue-rules.ts');
    execFileSync(process.execPath, ['--import', './cli/compile-cache.mjs', 'scripts/catalogue-from-rules.ts', shared('RULES.md'), out], { stdio: 'pipe' });
    expect(readFileSync(fileURLToPath(new URL('./catalogue-rules.ts', import.meta.url)), 'utf8'), 'regions/catalogue-rules.ts is stale: run npm run gen:catalogue').toBe(readFileSync(out, 'utf8'));
  });

  it('marks what RULES.md marks: awaiting data, not testable, optional per role', () => {
    expect(catalogue.filter((r) => r.status === 'awaiting-data').map((r) => r.id).sort()).toEqual(['ALK-D8', 'ALK-T3', 'ALK-T6', 'AMS-CTR-1', 'ZLM-TAR-2'].filter(packed));
    expect(catalogue.filter((r) => r.status === 'not-testable').map((r) => r.id).sort()).toEqual(['FRL-ROUTE-1', 'RIJ-DF-1']);
    expect(catalogue.filter((r) => r.status === 'testable')).toHaveLength(packed('ZLM-D1') ? 133 : 122);
    expect(findRule('AMS-INT-4')).toMatchObject({ certifies: ['A', 'G'], optional: [{ role: 'G' }] });
    expect(findRule('FRL-VOT-3')?.optional).toEqual([{ role: 'G', part: 'other referrers' }]);
    expect(findRule('ALK-T3')?.reason).toMatch(/samenloopmatrix/);
    if (packed('ZLM-TAR-2')) expect(findRule('ZLM-TAR-2')?.reason).toMatch(/not public/);
    expect(findRule('ALK-D7')?.certifies).toEqual(['A']);
    expect(findRule('RIJ-LFM-1')?.certifies).toEqual(['G', 'A']);
    expect(findRule('IJW-STOP-3')?.optional).toEqual([{ role: 'A', part: 'after the einddatum' }]);
    expect(citation(findRule('ALK-STOP-1')!)).toBe('SAP Regio Alkmaar §2.4.2');
  });

  it('holds every rule id of RULES.md exactly once, and no others', () => {
    const ids = catalogue.map((r) => r.id);
    expect(mdIds.length).toBeGreaterThan(70);
    expect(new Set(mdIds).size).toBe(mdIds.length);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
    expect([...ids].sort()).toEqual(mdIds.filter(packed).sort());
  });

  it('scopes each rule by its prefix, and names its document and messages', () => {
    const prefix: Record<string, string> = { IJW: 'national', ...Object.fromEntries(all.map((p) => [p.rulePrefix, p.id])) };
    for (const r of catalogue) {
      expect(r.scope, r.id).toBe(prefix[r.id.slice(0, 3)]);
      expect(r.certifies.length, r.id).toBeGreaterThan(0);
      expect(r.messages.length, r.id).toBeGreaterThan(0);
      expect(r.messages.every((m) => /^JW3\d\d$/.test(m)), r.id).toBe(true);
      expect(r.source.trim(), r.id).not.toBe('');
      expect(r.sourceDocument, r.id).toMatch(/^(\d{3}_([0-9a-f]{16}|[a-z-]+)\.txt|iJw 3\.2)$/);
    }
  });

  it('cites the seed of the region for regional rules', () => {
    for (const r of catalogue.filter((x) => x.scope !== 'national')) {
      expect(r.sourceDocument, r.id).toBe(profiles[r.scope]!.seed);
    }
  });

  it('gives a region the national rules and its own', () => {
    const frl = rulesForRegion('fryslan');
    expect(frl.some((r) => r.id === 'IJW-STOP-1')).toBe(true);
    expect(frl.some((r) => r.id === 'FRL-TOEW-1')).toBe(true);
    expect(frl.some((r) => r.scope !== 'national' && r.scope !== 'fryslan')).toBe(false);
    expect(findRule('ALK-D2')?.flow).toBe('declaratie');
    expect(findRule('NOPE-1')).toBeUndefined();
  });
});

describe('profiles', () => {
  const cbs = codes('CBS_Gemeentecodes');
  const jz020 = codes('JZ020');
  const wj756 = codes('WJ756');
  const wmo757 = codes('WMO757');
  const cod327 = codes('COD327');

  it('has one profile per region id, under its own id', () => {
    expect(Object.keys(profiles).sort()).toEqual([...REGION_IDS].sort());
    for (const id of REGION_IDS) expect(getProfile(id).id).toBe(id);
  });

  it.each(all.map((p) => [p.id, p] as const))('%s: municipality codes are 4 digits and in the CBS list', (_, p) => {
    expect(p.municipalities.length).toBeGreaterThan(0);
    for (const m of p.municipalities) {
      expect(m.code, m.name).toMatch(/^\d{4}$/);
      expect(cbs.has(m.code), `${m.code} ${m.name}`).toBe(true);
      if (m.processedBy) expect(p.municipalities.some((x) => x.code === m.processedBy), m.name).toBe(true);
    }
    expect(new Set(p.municipalities.map((m) => m.code)).size).toBe(p.municipalities.length);
  });

  it.each(all.map((p) => [p.id, p] as const))('%s: products use valid category, eenheid and frequentie codes', (_, p) => {
    expect(p.products.length).toBeGreaterThan(0);
    for (const x of p.products) {
      expect(jz020.has(x.category), `${x.code} category ${x.category}`).toBe(true);
      expect(wj756.has(x.eenheid), `${x.code} eenheid ${x.eenheid}`).toBe(true);
      expect(wmo757.has(x.frequentie), `${x.code} frequentie ${x.frequentie}`).toBe(true);
      expect(x.code.length, x.code).toBeLessThanOrEqual(5);
      expect(Number.isInteger(x.tariff.cents) && x.tariff.cents > 0, x.code).toBe(true);
      expect(x.declaration).toEqual(declarationTerms(x.declarationRule, x.tariff, x.declaration.hoursRounding));
    }
  });

  it.each(all.map((p) => [p.id, p] as const))('%s: referrers are COD327 codes', (_, p) => {
    for (const c of [...p.allocation.referrersAllowed.value, ...(p.allocation.requestReferrers?.value ?? [])]) expect(cod327.has(c), c).toBe(true);
  });

  it.each(all.map((p) => [p.id, p] as const))('%s: every cited value has a non-empty source', (_, p) => {
    const nodes = cited(p, p.id);
    expect(nodes.length).toBeGreaterThan(10);
    const missing = nodes.filter(({ node }) => typeof node.source !== 'string' || node.source.trim() === '').map((n) => n.path);
    expect(missing).toEqual([]);
  });

  it('holds what RULES.md names per region', () => {
    const alk = profiles.alkmaar!;
    expect(alk.municipalities.map((m) => m.code).sort()).toEqual(['0361', '0373', '0383', '0399', '0450', '1980']);
    expect([alk.deadlines.retour.value, alk.deadlines.answerRequest?.value, alk.deadlines.start.value, alk.deadlines.stop.value, alk.deadlines.declarationAnswer.value]).toEqual([3, 5, 5, 5, 10]);
    expect(alk.allocation.retroactiveLimit?.value).toEqual({ months: 1 });
    expect(alk.allocation.vervalperiodeMonths?.value).toBe(12);
    expect(alk.allocation.requestReferrers?.value).not.toContain('01');
    expect(alk.declaration.correctionMonths?.value).toBe(2);
    expect(alk.declaration.hoursRounding?.value).toEqual({ roundUpFromMinutes: 30, minimumHours: 1 });

    const ams = profiles.amsterdam!;
    const rule = (name: string) => ams.products.find((x) => x.name.startsWith(name))!;
    expect(rule('Intensief').declarationRule).toEqual({ kind: 'percentage-after-start-stop', afterStart: 70, afterStopReden: { reden: ['31'], percentage: 30 }, rules: { share: 'AMS-INT-1', needsStartStop: 'AMS-INT-4', afterOtherStop: 'AMS-INT-3', afterPlannedStop: 'AMS-INT-2' } });
    expect(rule('Intensief').eenheid).toBe('83');
    expect(rule('Behandeling').declarationRule.kind).toBe('percentage-after-start-stop');
    expect([rule('Duurzaam').declarationRule.kind, rule('Duurzaam').eenheid, rule('Duurzaam').defaultVolume]).toEqual(['monthly-fraction-of-yearly', '82', 1]);
    expect(rule('Verblijf').declarationRule.kind).toBe('monthly-fraction-of-yearly');
    expect(rule('Kortdurend').declarationRule.kind).toBe('etmalen');
    expect(rule('Dyslexie').declarationRule.kind).toBe('full-after-start');
    expect(ams.deadlines.declarationAnswer.value).toBe(10);
    expect(ams.declaration.creditBeforeDebit?.value).toBe(true);
    expect(ams.municipalities.map((m) => m.code)).toContain('0363');

    const rij = profiles.rijnmond!;
    for (const c of ['44A03', '43A01', '43A06', '43B16', '43B13', '44A01', '44A13', '44A14', '41A02', '45A02', '46A00', '50A00']) {
      const x = rij.products.find((y) => y.code === c)!;
      expect([x.eenheid, x.frequentie, x.declarationRule.kind], c).toEqual(['83', '2', 'euro-per-week']);
    }
    const lfm = rij.products.find((y) => y.code === '45A48')!;
    expect([lfm.eenheid, lfm.frequentie]).toEqual(['82', '6']);
    expect(rij.municipalities.filter((m) => m.declarationRoute === 'D').map((m) => m.name)).toEqual(['Rotterdam']);
    expect(rij.formerMunicipalities?.filter((m) => m.declarationRoute === 'D').map((m) => m.name)).toEqual(['Hellevoetsluis', 'Westvoorne']);
    expect([rij.deadlines.answerRequest?.value, rij.deadlines.answerRequestExtended?.value, rij.deadlines.retour.value, rij.deadlines.start.value]).toEqual([10, 20, 5, 5]);
    expect([rij.startStop.careStartWithinWerkdagen?.value, rij.startStop.maxWeeksWithoutCare?.value, rij.startStop.lapseAfterWeeks?.value]).toEqual([10, 4, 8]);

    const frl = profiles.fryslan!;
    expect(frl.municipalities).toHaveLength(18);
    expect(frl.municipalities.filter((m) => m.processedBy === '0080').map((m) => m.code).sort()).toEqual(['0060', '0080', '0088', '1891', '1970']);
    expect(frl.products.map((x) => [x.code, x.eenheid, x.frequentie, x.declarationRule.kind])).toEqual([
      ['43A12', '14', '2', 'etmalen'], ['43A70', '14', '2', 'etmalen'], ['43A71', '14', '2', 'etmalen'],
    ]);
    expect(frl.products.every((x) => x.tariff.example)).toBe(true);
    expect(frl.allocation.referrersAllowed.value).toEqual(['01', '04', '08']);
    expect(frl.allocation.retroactiveLimit?.value).toEqual({ weeks: 4 });
    expect(frl.allocation.toewijzingDuration?.value).toEqual({ years: 2 });
    expect(frl.allocation.stackingAllowed.value).toBe(false);
    expect([frl.deadlines.verzoekRetour?.value, frl.deadlines.answerRequest?.value, frl.deadlines.inOnderzoekWeeks?.value]).toEqual([3, 5, 2]);
    expect(frl.startStop.careStartWithinWeeks?.value).toBe(3);
    expect(frl.declaration.maxMonthsAfterStop?.value).toBe(12);
    // FRL-DECL-1 v3: TR387/TR388 win over the seed's start/stop bounds.
    expect(frl.declaration.periodFromStartStop.value).toBe('none');

    const utr = profiles.utrecht!;
    expect(utr.municipalities.map((m) => m.code)).toEqual(['0344']);
    // UTR-MSG-1 v3: the national answer to a JW315 is used; the JW317 is not.
    expect(utr.messages.value).toEqual(expect.arrayContaining(['JW319', 'JW320']));
    expect(utr.messages.value).not.toContain('JW317');
    expect([utr.deadlines.answerRequest?.value, utr.deadlines.start.value, utr.deadlines.stop.value]).toEqual([5, 5, 5]);
  });

  it('marks every made-up product code or tariff as an example', () => {
    for (const p of all) {
      for (const x of p.products) {
        if (/X\d\d$/.test(x.code)) expect(x.example, `${p.id} ${x.code}`).toBe(true);
      }
    }
  });
});

describe('getProfile', () => {
  it('throws UnknownRegionError naming the valid ids', () => {
    let err: unknown;
    try {
      getProfile('nope');
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(UnknownRegionError);
    const e = err as UnknownRegionError;
    expect(e.code).toBe('UNKNOWN_REGION');
    expect(e.message).toContain("'nope'");
    for (const id of REGION_IDS) expect(e.message).toContain(id);
  });
});
