import { describe, expect, it } from 'vitest';
import { jw305 } from '../messages/jw305.ts';

const model = (achternaam: string) => ({
  Header: { BerichtCode: '438', BerichtVersie: 3, BerichtSubversie: 2, Afzender: '12345678', Ontvanger: '0361', BerichtIdentificatie: { Identificatie: 'A1', Dagtekening: '2025-03-03' }, XsdVersie: { BasisschemaXsdVersie: '0.1.0', BerichtXsdVersie: '0.1.0' } },
  Client: { Bsn: '999900006', Geboortedatum: { Datum: '2015-01-01' }, Geslacht: '1' as const, Naam: { Geslachtsnaam: { Achternaam: achternaam } }, StartProducten: { StartProduct: [{ ToewijzingNummer: 1, Begindatum: '2025-03-03', StatusAanlevering: '1' as const }] } },
});

describe('schema engine', () => {
  it.each(['A &amp; B', 'Jansen & Zn', '&O;1', '<b>', 'é "quoted"'])('keeps text %s intact through build and parse', (name) => {
    expect(jw305.parse(jw305.build(model(name))).Client.Naam.Geslachtsnaam.Achternaam).toBe(name);
  });

  it('refuses to build a model that breaks the XSD, naming the element', () => {
    const m = model('X');
    (m.Client.StartProducten.StartProduct[0] as Record<string, unknown>).Begindatum = '2025-02-30';
    expect(() => jw305.build(m)).toThrow(/Begindatum '2025-02-30' is not an existing date/);
  });
});
