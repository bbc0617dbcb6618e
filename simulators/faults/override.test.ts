/**
 * Faulty variants as data: an override swaps one named entry of one party's own table, gets the
 * correct entry to wrap, leaves the shared reference tables and other parties alone, and declares
 * what it overrides.
 */
import { describe, expect, it } from 'vitest';
import { getProfile } from '../../regions/index.ts';
import { ReferenceGemeente } from '../gemeente/reference-gemeente.ts';
import { ReferenceAanbieder } from '../aanbieder/reference-aanbieder.ts';
import { referenceVerzoekChecks } from '../gemeente/verzoek-rules.ts';
import { verzoekFlowOf } from '../gemeente/verzoek.ts';
import { aanbiederVerzoekFlowOf } from '../aanbieder/verzoek.ts';
import { AANBIEDER_TABLES, GEMEENTE_TABLES, aanbiederOverride, gemeenteOverride, refusesMessage } from './override.ts';
import { faults } from './index.ts';

const config = (party: string, counterparty: string) => ({ runId: 'override-test', region: getProfile('fryslan'), party, counterparty, counterpartUrl: 'http://localhost:1', date: '2025-03-03' });

describe('override()', () => {
  const variant = gemeenteOverride({
    id: 'test-ignores-retroactive-limit', rule: 'FRL-VOT-2', region: 'fryslan', description: 'test',
    table: 'verzoek.checks', name: 'retroactive', with: () => () => undefined,
  });
  it('declares the table and entry it overrides, and its role', () => {
    expect(variant).toMatchObject({ role: 'gemeente', rule: 'FRL-VOT-2', overrides: { table: 'verzoek.checks', name: 'retroactive' } });
  });
  it('changes only the faulty party\'s own copy', () => {
    const faulty = new ReferenceGemeente(config('0080', '12345678'), [variant]);
    const honest = new ReferenceGemeente(config('0080', '12345678'));
    expect(verzoekFlowOf(faulty).checks.retroactive).not.toBe(referenceVerzoekChecks.retroactive);
    expect(verzoekFlowOf(honest).checks.retroactive).toBe(referenceVerzoekChecks.retroactive);
    expect(verzoekFlowOf(faulty).checks.referrer).toBe(referenceVerzoekChecks.referrer);
  });
  it('hands the correct entry to `with`, bound, so a variant can wrap it', () => {
    let seen: unknown;
    const wrap = aanbiederOverride({
      id: 'test-wraps', rule: 'FRL-VOT-2', region: 'fryslan', description: 'test', table: 'verzoek.rules', name: 'retroactive',
      with: (honest) => (profile, ingangsdatum, today) => (seen = honest(profile, ingangsdatum, today)) && undefined,
    });
    const a = new ReferenceAanbieder(config('12345678', '0080'), [wrap]);
    expect(aanbiederVerzoekFlowOf(a).rules.retroactive(getProfile('fryslan'), '2025-01-01', '2025-03-03')).toBeUndefined();
    expect(seen).toMatch(/^FRL-VOT-2/);
  });
  it('refusesMessage makes the party refuse a message its region uses', () => {
    const v = refusesMessage({ id: 'test-refuses-317', role: 'gemeente', rule: 'FRL-MSG-1', region: 'fryslan', description: 'test', message: 'JW317' });
    const g = new ReferenceGemeente(config('0080', '12345678'), [v]);
    expect(g.refuses.has('JW317')).toBe(true);
    expect(new ReferenceGemeente(config('0080', '12345678')).refuses.size).toBe(0);
  });
});

describe('the variants', () => {
  it('no variant patches a prototype', async () => {
    const { readdirSync, readFileSync } = await import('node:fs');
    const dir = import.meta.dirname;
    const src = readdirSync(dir).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts')).map((f) => readFileSync(`${dir}/${f}`, 'utf8')).join('\n');
    expect(src).not.toMatch(/getPrototypeOf|\.prototype\b|Object\.setPrototypeOf/);
  });
  it('are filed by flow, not by region', async () => {
    const { readdirSync } = await import('node:fs');
    const files = readdirSync(import.meta.dirname).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'));
    for (const region of ['alkmaar', 'amsterdam', 'rijnmond', 'fryslan', 'utrecht', 'frlutr']) expect(files.some((f) => f.includes(region)), region).toBe(false);
  });
  it('every override names an entry that exists on the party it targets, and replaces it', () => {
    for (const f of faults.filter((x) => x.overrides && x.overrides.table !== 'receives' && x.overrides.table !== 'profile')) {
      const { table, name } = f.overrides!;
      const party = f.role === 'gemeente' ? new ReferenceGemeente(config('0080', '12345678')) : new ReferenceAanbieder(config('12345678', '0080'));
      const tables = (f.role === 'gemeente' ? GEMEENTE_TABLES : AANBIEDER_TABLES) as unknown as Record<string, (p: never) => Record<string, unknown>>;
      expect(tables[table], `${f.id}: table ${table}`).toBeDefined();
      const entries = tables[table]!(party as never);
      const before = entries[name];
      expect(typeof before, `${f.id}: ${table}.${name}`).toBe('function');
      f.apply(party as never);
      expect(entries[name], `${f.id} replaces ${table}.${name}`).not.toBe(before);
    }
  });
});
