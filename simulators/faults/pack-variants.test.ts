/**
 * A region pack's faulty variants as data (variants.yaml): the loader validates them and names
 * file, path and what was expected; each form changes exactly its one behaviour on the party's own
 * copy; ids are unique across code and packs.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { getProfile } from '../../regions/index.ts';
import { loadPack, loadPacks, RegionPackError } from '../../regions/packs.ts';
import { ReferenceGemeente } from '../gemeente/reference-gemeente.ts';
import { ReferenceAanbieder } from '../aanbieder/reference-aanbieder.ts';
import { declaratieFlowOf, nationalDeclaratieChecks } from '../gemeente/declaratie.ts';
import { aanbiederDeclaratieFlowOf, referenceDeclaratieRules } from '../aanbieder/declaratie.ts';
import { declProduct } from '../gemeente/declaratie-rules.ts';
import { loadPackVariants, SKIPPABLE, withChanges } from './pack-variants.ts';
import { AANBIEDER_TABLES, GEMEENTE_TABLES } from './override.ts';
import { faults } from './index.ts';
import type { Fault } from './fault.ts';

const tmp = mkdtempSync(join(tmpdir(), 'ijw-pack-variants-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const zlm = loadPacks().find((p) => p.id === 'zuid-limburg')!;
const variants = loadPackVariants(zlm);
const byId = (id: string): Fault => variants.find((v) => v.id === id)!;
const config = (party: string, counterparty: string) => ({ runId: 'pack-variants-test', region: getProfile('zuid-limburg'), party, counterparty, counterpartUrl: 'http://localhost:1', date: '2026-03-03' });
const gemeente = (f?: Fault) => new ReferenceGemeente(config('0935', '12345678'), f ? [f] : []);
const aanbieder = (f?: Fault) => new ReferenceAanbieder(config('12345678', '0935'), f ? [f] : []);

/** A copy of the Zuid-Limburg pack with this variants.yaml; returns what loading it throws. */
let n = 0;
function loadError(yaml: string): RegionPackError {
  const dir = join(tmp, String(n++), 'zuid-limburg');
  cpSync(zlm.dir, dir, { recursive: true });
  writeFileSync(join(dir, 'variants.yaml'), yaml);
  try {
    loadPackVariants(loadPack(dir));
  } catch (e) {
    expect(e).toBeInstanceOf(RegionPackError);
    expect((e as RegionPackError).file).toBe(join(dir, 'variants.yaml'));
    return e as RegionPackError;
  }
  throw new Error('loaded without error');
}
const head = 'id: zlm-test\n  role: gemeente\n  rule: ZLM-CR-1\n  description: test';

describe('loading variants.yaml', () => {
  it('turns each variant into a Fault of the pack\'s region', () => {
    expect(variants.length).toBeGreaterThan(0);
    for (const v of variants) expect(v.region).toBe('zuid-limburg');
    expect(byId('zlm-gemeente-accepts-partial-credit')).toMatchObject({ role: 'gemeente', rule: 'ZLM-CR-1', overrides: { table: 'declaratie.checks', name: 'creditInFull' } });
    expect(byId('zlm-aanbieder-output-at-delivery-year')).toMatchObject({ role: 'aanbieder', rule: 'ZLM-TAR-1', overrides: { table: 'profile', name: 'declaration.tariffYear' } });
  });

  it('includes every pack\'s variants in the faults list, ids unique across code and packs', () => {
    for (const v of variants) expect(faults.map((f) => f.id)).toContain(v.id);
    const ids = faults.map((f) => f.id);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
  });

  it('a pack without variants.yaml has none', () => {
    expect(loadPackVariants(loadPacks().find((p) => p.id === 'utrecht')!)).toEqual([]);
  });

  it('names the path and what was expected for a schema error', () => {
    const e = loadError(`- ${head}\n  skip: declaratie.checks.creditInFull\n  role2: x\n- id: zlm-test-2\n  role: municipality\n  rule: ZLM-CR-1\n  description: test\n  refuses: JW317\n`);
    expect(e.problems).toEqual(expect.arrayContaining([
      expect.objectContaining({ path: '0', expected: expect.stringMatching(/^expected unknown field 'role2'/) }),
      { path: '1.role', expected: 'expected one of "gemeente", "aanbieder"' },
    ]));
  });

  it('demands exactly one of skip, profile, refuses', () => {
    expect(loadError(`- ${head}\n`).problems).toEqual([{ path: '0', expected: 'expected exactly one of skip, profile, refuses' }]);
    expect(loadError(`- ${head}\n  skip: declaratie.checks.unit\n  refuses: JW317\n`).problems).toEqual([{ path: '0', expected: 'expected exactly one of skip, profile, refuses (found skip, refuses)' }]);
  });

  it('refuses a skip of an entry that is not a check, naming the allowed entries', () => {
    const e = loadError(`- ${head}\n  skip: toewijzing.rules.einddatum\n`);
    expect(e.problems).toEqual([{ path: '0.skip', expected: "expected a skippable entry of toewijzing.rules (stacksOn, lapses, endedBy), found 'einddatum'" }]);
    expect(loadError(`- ${head}\n  skip: agb.rules.moves\n`).problems[0]!.expected).toMatch(/^expected a table of the gemeente with skippable entries \(verzoek\.checks, .*\), found 'agb\.rules'$/);
    // A provider table named for the municipality.
    expect(loadError(`- ${head}\n  skip: declaratie.rules.alreadyDeclared\n`).problems[0]!.path).toBe('0.skip');
  });

  it('refuses a profile change the schema does not allow, or a path the profile lacks', () => {
    expect(loadError(`- ${head}\n  profile:\n    declaration.creditsInFullOnly.value: false\n`).problems).toEqual([
      { path: '0.profile', expected: 'the changed profile must still pass the schema: at declaration.creditsInFullOnly.value: expected the value true' },
    ]);
    expect(loadError(`- ${head}\n  profile:\n    nosuch.field: 1\n`).problems).toEqual([{ path: '0.profile', expected: "expected a path of profile.yaml: 'nosuch.field': the profile has no 'nosuch' there" }]);
    expect(loadError(`- ${head}\n  profile:\n    rulePrefix: null\n`).problems[0]!.expected).toMatch(/still pass the schema: .*missing field 'rulePrefix'/);
  });

  it('refuses a message the region does not use, a duplicate id, and bad YAML', () => {
    expect(loadError(`- ${head}\n  refuses: JW399\n`).problems[0]).toEqual({ path: '0.refuses', expected: expect.stringMatching(/^expected a message the region uses \(JW301, .*\), found 'JW399'$/) });
    expect(loadError(`- ${head}\n  refuses: JW317\n- ${head}\n  refuses: JW317\n`).problems).toEqual([{ path: '1.id', expected: "expected an id of its own: 'zlm-test' is used twice" }]);
    expect(loadError('- id: [unclosed\n').message).toMatch(/variants\.yaml: at line \d+: expected valid YAML/);
  });
});

describe('each form changes exactly its behaviour on the party\'s own copy', () => {
  it('skip: the named check never rejects; the others and other parties are untouched', () => {
    const faulty = gemeente(byId('zlm-gemeente-accepts-partial-credit'));
    const checks = declaratieFlowOf(faulty).checks;
    expect(checks.creditInFull({} as never)).toBeUndefined();
    expect(checks.creditInFull).not.toBe(nationalDeclaratieChecks.creditInFull);
    for (const k of Object.keys(checks) as (keyof typeof checks)[]) if (k !== 'creditInFull') expect(checks[k], k).toBe(declaratieFlowOf(gemeente()).checks[k]);
    expect(declaratieFlowOf(gemeente()).checks.creditInFull).toBe(nationalDeclaratieChecks.creditInFull);
  });

  it('skip of a provider policy: declares the running month, answers false / nothing as SKIPPABLE says', () => {
    const honest = aanbiederDeclaratieFlowOf(aanbieder()).rules;
    expect(honest.notDeclarableYet('2026-03', '2026-03-15')).toBeTypeOf('string');
    const faulty = aanbiederDeclaratieFlowOf(aanbieder(byId('zlm-aanbieder-declares-running-month'))).rules;
    expect(faulty.notDeclarableYet('2026-03', '2026-03-15')).toBeUndefined();
    expect(faulty.alreadyDeclared).toBe(referenceDeclaratieRules.alreadyDeclared);
    const again = aanbiederDeclaratieFlowOf(aanbieder(byId('zlm-aanbieder-declares-in-terms'))).rules;
    expect(honest.alreadyDeclared(new Set(['x']), 'x')).toBe(true);
    expect(again.alreadyDeclared(new Set(['x']), 'x')).toBe(false);
  });

  it('profile: the party runs with its own changed copy, also after configure; the shared profile is untouched', async () => {
    const shared = getProfile('zuid-limburg');
    const before = structuredClone(shared);
    const faulty = gemeente(byId('zlm-gemeente-output-at-delivery-year'));
    expect(faulty.config.region.declaration.tariffYear).toBeUndefined();
    expect(declProduct(faulty.config.region, '54X01')?.tariffYear).toBeUndefined();
    expect(declProduct(gemeente().config.region, '54X01')?.tariffYear).toBe('toewijzing-start');
    const { tariffYear: _gone, ...rest } = shared.declaration;
    expect(faulty.config.region).toEqual({ ...shared, declaration: rest });
    await faulty.act({ action: 'configure', region: 'zuid-limburg', party: '0935', counterparty: '12345678', harnessUrl: 'http://localhost:1', date: '2026-03-03' } as never);
    expect(faulty.config.region.declaration.tariffYear).toBeUndefined();
    expect(getProfile('zuid-limburg')).toEqual(before);
    expect(getProfile('zuid-limburg').declaration.tariffYear).toBeDefined();
    // Another region's profile is not changed.
    await faulty.act({ action: 'configure', region: 'utrecht', party: '0344', counterparty: '12345678', harnessUrl: 'http://localhost:1', date: '2026-03-03' } as never);
    expect(faulty.config.region).toBe(getProfile('utrecht'));
  });

  it('refuses: the party does not take the message', () => {
    const dir = join(tmp, 'refuses', 'zuid-limburg');
    cpSync(zlm.dir, dir, { recursive: true });
    writeFileSync(join(dir, 'variants.yaml'), `- id: zlm-test-refuses\n  role: aanbieder\n  rule: ZLM-CODES\n  description: test\n  refuses: JW301\n`);
    const [v] = loadPackVariants(loadPack(dir));
    expect(v).toMatchObject({ role: 'aanbieder', region: 'zuid-limburg', overrides: { table: 'receives', name: 'JW301' } });
    expect([...aanbieder(v).refuses]).toEqual(['JW301']);
    expect(aanbieder().refuses.size).toBe(0);
  });

  it('withChanges sets and removes dotted paths on a copy', () => {
    const data = { a: { b: 1, c: 2 } };
    expect(withChanges(data, { 'a.b': null, 'a.d': [3] })).toEqual({ a: { c: 2, d: [3] } });
    expect(data).toEqual({ a: { b: 1, c: 2 } });
  });

  it('every skippable entry exists on the reference party and is a function', () => {
    const g = gemeente();
    const a = aanbieder();
    for (const [role, tables] of Object.entries(SKIPPABLE)) {
      for (const [table, entries] of Object.entries(tables)) {
        const get = (role === 'gemeente' ? GEMEENTE_TABLES : AANBIEDER_TABLES) as unknown as Record<string, (p: unknown) => Record<string, unknown>>;
        expect(get[table], `${role} ${table}`).toBeDefined();
        const t = get[table]!(role === 'gemeente' ? g : a);
        for (const name of Object.keys(entries)) expect(typeof t[name], `${role} ${table}.${name}`).toBe('function');
      }
    }
  });
});
