import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { create } from 'xmlbuilder2';
import type { XMLBuilder } from 'xmlbuilder2/lib/interfaces.js';
import { jw305 } from '../messages/jw305.ts';
import { messages } from '../messages/registry.ts';
import { arbAnyMessage } from '../../generators/arbitraries/index.ts';
import { BASISSCHEMA_NAMESPACE, type ComplexType } from './types.ts';
import { nsOf, type SchemaContext } from './decoder.ts';

/** How messages were built with xmlbuilder2 before buildXml wrote text itself: the reference it must equal. */
function viaXmlbuilder2(code: keyof typeof messages, model: unknown, pretty: boolean): string {
  const def = messages[code];
  const ctx: SchemaContext = { code, namespace: def.namespace };
  const prefix = code.toLowerCase();
  const doc = create({ version: '1.0', encoding: 'UTF-8' });
  const top = doc.ele(ctx.namespace, `${prefix}:${def.root.name}`).att('http://www.w3.org/2000/xmlns/', 'xmlns:ijw', BASISSCHEMA_NAMESPACE);
  const emit = (parent: XMLBuilder, type: ComplexType, m: Record<string, unknown>) => {
    for (const decl of type.children) {
      const v = m[decl.name];
      if (v === undefined || v === null) continue;
      for (const item of Array.isArray(v) ? v : [v]) {
        const el = parent.ele(nsOf(ctx, decl), decl.ns === 'msg' ? `${prefix}:${decl.name}` : `ijw:${decl.name}`);
        if (decl.type.kind === 'complex') emit(el, decl.type, item as Record<string, unknown>);
        else el.txt(String(item).replaceAll('&', '&amp;'));
      }
    }
  };
  emit(top, def.root.type as ComplexType, model as Record<string, unknown>);
  return doc.end({ prettyPrint: pretty, indent: '  ' });
}

const model = (achternaam: string) => ({
  Header: { BerichtCode: '438', BerichtVersie: 3, BerichtSubversie: 2, Afzender: '12345678', Ontvanger: '0361', BerichtIdentificatie: { Identificatie: 'A1', Dagtekening: '2025-03-03' }, XsdVersie: { BasisschemaXsdVersie: '0.1.0', BerichtXsdVersie: '0.1.0' } },
  Client: { Bsn: '999900006', Geboortedatum: { Datum: '2015-01-01' }, Geslacht: '1' as const, Naam: { Geslachtsnaam: { Achternaam: achternaam } }, StartProducten: { StartProduct: [{ ToewijzingNummer: 1, Begindatum: '2025-03-03', StatusAanlevering: '1' as const }] } },
});

describe('schema engine', () => {
  it.each(['A &amp; B', 'Jansen & Zn', '&O;1', '<b>', 'é "quoted"'])('keeps text %s intact through build and parse', (name) => {
    expect(jw305.parse(jw305.build(model(name))).Client.Naam.Geslachtsnaam.Achternaam).toBe(name);
  });

  it('writes every message byte for byte as xmlbuilder2 did, pretty-printed or not', () => {
    fc.assert(
      fc.property(arbAnyMessage(), fc.boolean(), ({ code, model }, pretty) => {
        expect(messages[code].build(model as never, { pretty })).toBe(viaXmlbuilder2(code, model, pretty));
      }),
      { numRuns: 150 },
    );
    const m = model('A & <B> "C" \'D\' é');
    for (const pretty of [true, false]) expect(jw305.build(m, { pretty })).toBe(viaXmlbuilder2('JW305', m, pretty));
  });

  it('refuses to build a model that breaks the XSD, naming the element', () => {
    const m = model('X');
    (m.Client.StartProducten.StartProduct[0] as Record<string, unknown>).Begindatum = '2025-02-30';
    expect(() => jw305.build(m)).toThrow(/Begindatum '2025-02-30' is not an existing date/);
  });
});
