/**
 * Rules on the persons of a message: birth dates (TR002, CS139 in 301/305/307/315), names
 * (CS050, CS318) and the contact classes of a JW301 (TR006, TR061, CD005, CD007, CD009, CD025,
 * CD034, CS089). Where element-rules.json puts a rule on a complex element (`Adres_Adres`), its
 * `subElement` says which child the condition is about (CD005 LandCode, CD025 Huis, CD034 Postcode)
 * and the finding names that child, e.g. `…/Adres/LandCode`.
 */
import type { Jw301, Jw301Contact } from '../messages/jw301.ts';
import type { MessageCode } from '../messages/codes.ts';
import type { CdtGeboortedatum, CdtVolledigeNaam } from '../schema/generated/basisschema.ts';
import { defineRule, indexed, yearsBefore, type Finding } from './types.ts';

type WithBirth = 'JW301' | 'JW305' | 'JW307' | 'JW315';
const WITH_BIRTH: readonly WithBirth[] = ['JW301', 'JW305', 'JW307', 'JW315'];

/** Every Geboortedatum of a message with its path: the client's, and in a 301 each relatie's. */
function birthDates(code: MessageCode, model: unknown): [CdtGeboortedatum, string][] {
  const client = (model as { Client?: { Geboortedatum?: CdtGeboortedatum } }).Client;
  const out: [CdtGeboortedatum, string][] = [];
  if (client?.Geboortedatum) out.push([client.Geboortedatum, '/Bericht/Client/Geboortedatum']);
  if (code === 'JW301') {
    for (const [r, p] of indexed((model as Jw301).Client.Relaties?.Relatie, '/Bericht/Client/Relaties', 'Relatie')) if (r.Geboortedatum) out.push([r.Geboortedatum, `${p}/Geboortedatum`]);
  }
  return out;
}

/** TR002's "onbekend": DatumGebruik 3 with Datum 1900-01-01. */
const unknownBirth = (g: CdtGeboortedatum) => g.DatumGebruik === '3' && g.Datum === '1900-01-01';

export const tr002 = defineRule({
  id: 'TR002',
  messages: WITH_BIRTH,
  level: 2,
  retourcode: '0001',
  description: 'Geboortedatum mag niet meer dan 120 jaar voor de Dagtekening liggen, tenzij Geboortedatum onbekend is.',
  check(m, hit, ctx) {
    const limit = yearsBefore(m.Header.BerichtIdentificatie.Dagtekening, 120);
    return birthDates(ctx.message, m)
      .filter(([g]) => g.Datum < limit && !unknownBirth(g))
      .map(([g, p]) => hit(`${p}/Datum`, `expected a Geboortedatum not before ${limit} (120 years before the Dagtekening) unless unknown (DatumGebruik 3, 1900-01-01), got ${g.Datum}`));
  },
});

/** CS139: what Datum must look like for each DatumGebruik (1 day unknown, 2 day and month, 3 all). */
const DATUM_GEBRUIK: Record<string, { test: (d: string) => boolean; shape: string }> = {
  '1': { test: (d) => d.endsWith('-01'), shape: 'YYYY-MM-01' },
  '2': { test: (d) => d.endsWith('-01-01'), shape: 'YYYY-01-01' },
  '3': { test: (d) => d === '1900-01-01', shape: '1900-01-01' },
};

export const cs139 = defineRule({
  id: 'CS139',
  messages: WITH_BIRTH,
  level: 2,
  retourcode: '0001',
  description: 'Voor Geboortedatum geldt dat DatumGebruik en Datum met elkaar in overeenstemming moeten zijn.',
  check(m, hit, ctx) {
    const out: Finding[] = [];
    for (const [g, p] of birthDates(ctx.message, m)) {
      const want = g.DatumGebruik === undefined ? undefined : DATUM_GEBRUIK[g.DatumGebruik];
      if (want && !want.test(g.Datum)) out.push(hit(p, `DatumGebruik ${g.DatumGebruik}: expected a Datum ${want.shape}, got ${g.Datum}`));
    }
    return out;
  },
});

/** The names of a 301 that are a VolledigeNaam: the client's and each relatie's. */
function fullNames(m: Jw301): [CdtVolledigeNaam, string][] {
  return [[m.Client.Naam, '/Bericht/Client/Naam'], ...indexed(m.Client.Relaties?.Relatie, '/Bericht/Client/Relaties', 'Relatie').map(([r, p]) => [r.Naam, `${p}/Naam`] as [CdtVolledigeNaam, string])];
}

export const cs050 = defineRule({
  id: 'CS050',
  messages: ['JW301'],
  level: 2,
  retourcode: '0001',
  description: 'Als Partnernaam gevuld is, dan NaamGebruik vullen met waarde 1, 2, 3 of 4. Anders waarde 1 of 6 vullen.',
  check(m, hit) {
    const out: Finding[] = [];
    for (const [n, p] of fullNames(m)) {
      const allowed = n.Partnernaam ? ['1', '2', '3', '4'] : ['1', '6'];
      if (!allowed.includes(n.NaamGebruik)) out.push(hit(`${p}/NaamGebruik`, `${n.Partnernaam ? 'with' : 'without'} a Partnernaam: expected NaamGebruik ${allowed.join(', ')}, got ${n.NaamGebruik}`));
    }
    return out;
  },
});

export const cs318 = defineRule({
  id: 'CS318',
  messages: ['JW301'],
  level: 2,
  retourcode: '0001',
  description: 'NaamGebruik 6 (Niet-natuurlijk persoon) niet vullen.',
  check: (m, hit) => (m.Client.Naam.NaamGebruik === '6' ? [hit('/Bericht/Client/Naam/NaamGebruik', 'the client is a natural person: expected any NaamGebruik but 6, got 6')] : []),
});

export const cd007 = defineRule({
  id: 'CD007',
  messages: ['JW301'],
  level: 2,
  retourcode: '0001',
  description: 'Als Communicatie / Vorm de waarde 1 (tolk taal) heeft, dan (Taal) verplicht vullen, anders leeglaten.',
  check(m, hit) {
    const c = m.Client.Communicatie;
    if (!c) return [];
    const path = '/Bericht/Client/Communicatie/Taal';
    if (c.Vorm === '1' && !c.Taal) return [hit(path, 'Communicatie Vorm 1 (tolk taal): expected a Taal, got none')];
    if (c.Vorm !== '1' && c.Taal) return [hit(path, `Communicatie Vorm ${c.Vorm}: expected no Taal, got '${c.Taal}'`)];
    return [];
  },
});

/** Every Contact of a 301 with its path: the client's (Contactgegevens) and each relatie's. */
function contacts(m: Jw301): [Jw301Contact, string][] {
  return [
    ...indexed(m.Client.Contactgegevens.Contact, '/Bericht/Client/Contactgegevens', 'Contact'),
    ...indexed(m.Client.Relaties?.Relatie, '/Bericht/Client/Relaties', 'Relatie').map(([r, p]) => [r.Contact, `${p}/Contact`] as [Jw301Contact, string]),
  ];
}

/** A rule over every Contact of a 301: `judge` returns the finding's path suffix and text, or nothing. */
function contactRule(id: string, description: string, judge: (c: Jw301Contact) => [suffix: string, text: string] | undefined) {
  return defineRule({
    id,
    messages: ['JW301'],
    level: 2,
    retourcode: '0001',
    description,
    check(m, hit) {
      const out: Finding[] = [];
      for (const [c, p] of contacts(m)) {
        const j = judge(c);
        if (j) out.push(hit(`${p}${j[0]}`, j[1]));
      }
      return out;
    },
  });
}

export const tr006 = contactRule('TR006', 'De berichtklasse Contact moet een berichtelement Telefoon, en/of de combinatie Huis en Postcode bevatten.', (c) =>
  c.Telefoon || (c.Adres?.Huis && c.Adres.Postcode) ? undefined : ['', `Contact Soort ${c.Soort}: expected a Telefoon or an Adres with Huis and Postcode, got neither`],
);

/** CD005 is on LandCode (element-rules.json `subElement`): filled if and only if the Postcode is. */
export const cd005 = contactRule('CD005', 'Als Postcode gevuld is, dan (LandCode) verplicht vullen, anders leeg laten.', (c) => {
  const a = c.Adres;
  if (!a) return undefined;
  if (a.Postcode && !a.LandCode) return ['/Adres/LandCode', `Postcode ${a.Postcode}: expected a LandCode, got none`];
  if (!a.Postcode && a.LandCode) return ['/Adres/LandCode', `no Postcode: expected no LandCode, got ${a.LandCode}`];
  return undefined;
});

/** CD025 is on Huis: required when the LandCode is NL. */
export const cd025 = contactRule('CD025', 'Als Adres / LandCode de waarde NL (Nederland) heeft, dan (Huis) verplicht vullen.', (c) =>
  c.Adres?.LandCode === 'NL' && !c.Adres.Huis ? ['/Adres/Huis', 'LandCode NL: expected a Huis, got none'] : undefined,
);

/** A Dutch postcode: four digits, the first not 0, and two capital letters, no space. */
const NL_POSTCODE = /^[1-9][0-9]{3}[A-Z]{2}$/;

export const cs089 = contactRule('CS089', 'Als LandCode de waarde NL (Nederland) heeft, dan moet het formaat overeenkomen met dat van een Nederlandse postcode.', (c) =>
  c.Adres?.LandCode === 'NL' && c.Adres.Postcode !== undefined && !NL_POSTCODE.test(c.Adres.Postcode)
    ? ['/Adres/Postcode', `LandCode NL: expected a Dutch postcode 9999XX (first digit 1-9, capitals, no space), got '${c.Adres.Postcode}'`]
    : undefined,
);

/** CD034 is on Postcode: required for Soort 01 (BRP-adres) and 03 (verblijfadres), with or without an Adres around it. */
export const cd034 = contactRule('CD034', 'Als Soort adres de waarde 1 (BRP-adres) of 3 (verblijfadres) heeft, dan (Postcode) verplicht vullen.', (c) =>
  (c.Soort === '01' || c.Soort === '03') && !c.Adres?.Postcode ? ['/Adres/Postcode', `Contact Soort ${c.Soort}: expected an Adres with a Postcode, got ${c.Adres ? 'an Adres without one' : 'no Adres'}`] : undefined,
);

export const cd009 = contactRule('CD009', 'Alleen als Soort adres de waarde 04 (tijdelijk adres) heeft, is vullen (van Periode) toegestaan.', (c) =>
  c.Soort !== '04' && c.Periode ? ['/Periode', `Contact Soort ${c.Soort}: expected no Periode (only a tijdelijk adres, 04, has one), got one`] : undefined,
);

export const tr061 = defineRule({
  id: 'TR061',
  messages: ['JW301'],
  level: 2,
  retourcode: '0001',
  description: "Bij een Client moet minimaal één Adres voorkomen waarvan Soort de waarde '01' (BRP-adres), '02' (Correspondentie-adres) of '03' (Verblijfadres) heeft.",
  check(m, hit) {
    const soorten = m.Client.Contactgegevens.Contact.map((c) => c.Soort);
    return soorten.some((s) => s === '01' || s === '02' || s === '03') ? [] : [hit('/Bericht/Client/Contactgegevens', `expected a Contact of Soort 01, 02 or 03, got Soort ${soorten.join(', ')}`)];
  },
});

export const persoonRules = [tr002, cs139, cs050, cs318, cd007, tr006, tr061, cd005, cd025, cs089, cd034, cd009];
