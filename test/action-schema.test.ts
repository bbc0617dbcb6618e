import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { actionsSchema, actionSchemas } from '../simulators/action-schema.ts';
import { ACTION_NAMES } from '../simulators/actions.ts';
import { parseAction } from '../simulators/simulator.ts';
import { brpContact, withBrpContact } from '../simulators/client-xml.ts';
import { actionSince, CONTRACT_VERSION, FIELDS_ADDED, fieldSince } from '../simulators/action-versions.ts';

describe('adapter-protocol action schemas', () => {
  it('cover every action of the protocol', () => {
    expect(Object.keys(actionSchemas).sort()).toEqual([...ACTION_NAMES].sort());
  });

  it('are published current in docs/schemas/actions.schema.json (run npm run gen:action-schema)', () => {
    expect(JSON.parse(readFileSync('docs/schemas/actions.schema.json', 'utf8'))).toEqual(JSON.parse(JSON.stringify(actionsSchema)));
  });

  it('accept a valid action and refuse bad ones with the field named', () => {
    expect(parseAction(JSON.stringify({ action: 'start-care', toewijzingNummer: 12, begindatum: '2025-03-03', date: '2025-03-04' }), 'aanbieder').action).toBe('start-care');
    // begindatum is optional (the SUT then takes the first declarable care, ALK-START-2); the toewijzing is not.
    expect(parseAction(JSON.stringify({ action: 'start-care', toewijzingNummer: 12 }), 'aanbieder').action).toBe('start-care');
    expect(() => parseAction(JSON.stringify({ action: 'start-care', begindatum: '2025-03-03' }), 'aanbieder')).toThrow(/toewijzingNummer/);
    expect(() => parseAction(JSON.stringify({ action: 'start-care', toewijzingNummer: 12, begindatum: '3-3-2025' }), 'aanbieder')).toThrow(/begindatum/);
    expect(() => parseAction(JSON.stringify({ action: 'allocate', client: {}, products: [] }), 'aanbieder')).toThrow(/not for a aanbieder/);
    expect(() => parseAction('{not json', 'gemeente')).toThrow(/not JSON/);
    expect(() => parseAction(JSON.stringify({ action: 'dance' }), 'gemeente')).toThrow(/Unknown action 'dance'/);
  });
});

describe('the changelog of docs/ADAPTER-PROTOCOL.md (issue 16)', () => {
  const doc = readFileSync('docs/ADAPTER-PROTOCOL.md', 'utf8');
  const changelog = doc.slice(doc.indexOf('## Changelog'));
  /** The entry of one version, split into its bullets (a bullet names an action with its fields). */
  const entry = (v: string) => {
    const start = changelog.search(new RegExp(`^### ${v.replace('.', '\\.')}\\b`, 'm'));
    expect(start, `a changelog entry for ${v}`).toBeGreaterThan(-1);
    const rest = changelog.slice(start + 4);
    const end = rest.search(/^### /m);
    return (end === -1 ? rest : rest.slice(0, end)).split(/\n(?=\s*- )/);
  };
  const named = (text: string, name: string) => text.includes(`\`${name}\``);

  /** Every action with its fields: top-level ones, and the nested ones added after their action. */
  const fields: { action: string; field: string }[] = Object.entries(actionSchemas).flatMap(([action, schema]) => [
    ...Object.keys(schema.properties).filter((f) => f !== 'action' && f !== 'date' && !FIELDS_ADDED[`${action} ${f}`]).map((field) => ({ action, field })),
    ...Object.keys(FIELDS_ADDED).filter((k) => k.startsWith(`${action} `)).map((k) => ({ action, field: k.slice(action.length + 1) })),
  ]);

  it('names the version the schema carries', () => {
    expect(doc).toMatch(new RegExp(`^# The adapter protocol, version ${CONTRACT_VERSION.replace('.', '\\.')}$`, 'm'));
    expect(actionsSchema.$id).toContain(`v${CONTRACT_VERSION}/`);
    expect(entry(CONTRACT_VERSION).length).toBeGreaterThan(0);
  });

  it('every field added later exists in the schema', () => {
    for (const k of Object.keys(FIELDS_ADDED)) {
      const [action, path] = k.split(' ') as [string, string];
      let props: Record<string, { properties?: object; items?: { properties?: object } }> | undefined = (actionSchemas as unknown as Record<string, { properties: typeof props }>)[action]?.properties;
      for (const part of path.split('.')) {
        const p = props?.[part];
        expect(p, k).toBeDefined();
        props = (p!.properties ?? p!.items?.properties) as typeof props;
      }
    }
  });

  for (const action of Object.keys(actionSchemas)) {
    it(`names ${action} in the action table and in the entry of ${actionSince(action)}`, () => {
      expect(doc).toMatch(new RegExp(`^\\| [^|\\n]*\`${action}\` [^|\\n]*\\|`, 'm'));
      expect(entry(actionSince(action)).some((b) => named(b, action)), `changelog ${actionSince(action)}`).toBe(true);
    });
  }
  for (const { action, field } of fields) {
    const v = fieldSince(action, field);
    it(`names ${action} ${field} in the document and, with its action, in the entry of ${v}`, () => {
      expect(named(doc.slice(0, doc.indexOf('## Changelog')), field) || named(doc.slice(0, doc.indexOf('## Changelog')), field.split('.').at(-1)!), 'the document').toBe(true);
      expect(entry(v).some((b) => named(b, action) && named(b, field)), `changelog ${v}: a bullet naming \`${action}\` and \`${field}\``).toBe(true);
    });
  }
  it('names every field of every action, nested ones too, in the document', () => {
    type Props = Record<string, { properties?: Props; items?: { properties?: Props } }>;
    const flat = (prefix: string, props: Props | undefined): string[] =>
      Object.entries(props ?? {}).flatMap(([k, v]) => [`${prefix}${k}`, ...flat(`${prefix}${k}.`, v.properties ?? v.items?.properties)]);
    const body = doc.slice(0, doc.indexOf('## Changelog'));
    const missing = Object.entries(actionSchemas).flatMap(([action, schema]) =>
      flat('', (schema as unknown as { properties: Props }).properties)
        .filter((f) => f !== 'action' && !named(body, f) && !named(body, f.split('.').at(-1)!))
        .map((f) => `${action} ${f}`),
    );
    expect(missing).toEqual([]);
  });

  it('gives every action its date since 1.0', () => {
    expect(entry('1.0').some((b) => named(b, 'date'))).toBe(true);
  });
});

describe('allocate: the client with its BRP contact data (1.2)', () => {
  const client = { bsn: '999900006', geboortedatum: '2015-05-01', geslacht: '2' as const, achternaam: 'Jansen' };
  const products = [{ product: { categorie: '45', code: '45X01' }, ingangsdatum: '2025-03-01' }];
  it('requires the address and refuses a malformed one, naming the field', () => {
    expect(() => parseAction(JSON.stringify({ action: 'allocate', client, products }), 'gemeente')).toThrow(/adres/);
    expect(() => parseAction(JSON.stringify({ action: 'allocate', client: { ...client, adres: { straatnaam: 'Laat', huisnummer: 12, postcode: '1811 AB', plaatsnaam: 'Alkmaar' } }, products }), 'gemeente')).toThrow(/postcode/);
    expect(parseAction(JSON.stringify({ action: 'allocate', client: withBrpContact(client), products }), 'gemeente').action).toBe('allocate');
    // The JW315 carries no address: a request's client does not take one.
    expect(() => parseAction(JSON.stringify({ action: 'request-allocation', client: withBrpContact(client), products, verwijzer: { type: '01' } }), 'aanbieder')).toThrow(/adres/);
  });
  it('becomes Contact Soort 01 of the JW301, LandCode NL, the telephone in Telefoon01', () => {
    const adres = { straatnaam: 'Laat', huisnummer: 12, huisletter: 'A', postcode: '1811AB', plaatsnaam: 'Alkmaar' };
    expect(brpContact({ ...client, adres, telefoon: '0725111111' })).toEqual({
      Soort: '01',
      Adres: { Huis: { Huisnummer: 12, Huisletter: 'A' }, Postcode: '1811AB', Straatnaam: 'Laat', Plaatsnaam: 'Alkmaar', LandCode: 'NL' },
      Telefoon: { Telefoon01: { Telefoonnummer: '0725111111', Landnummer: '0031' } },
    });
  });
});
