/** Client facts ↔ the client classes of the messages. */
import type { AdresFacts, BrpClientFacts, ClientFacts } from './actions.ts';

export function verkorteNaam(c: ClientFacts) {
  return { Geslachtsnaam: { Achternaam: c.achternaam }, ...(c.voorletters ? { Voorletters: c.voorletters } : {}) };
}

export function volledigeNaam(c: ClientFacts) {
  return { ...verkorteNaam(c), NaamGebruik: '1' as const };
}

/**
 * A synthetic BRP address for a (test) client, derived from its BSN so the same client always
 * lives at the same place: what the harness gives in `allocate` (adapter protocol 1.2), and what
 * the reference municipality takes for a client it learned of from a JW315 (which carries no address).
 */
export function brpAdres(c: ClientFacts): AdresFacts {
  const n = Number(c.bsn.slice(-4));
  const letters = 'ABCDEGHJKLMNPRSTVWXZ';
  return {
    straatnaam: 'Teststraat',
    huisnummer: (n % 250) + 1,
    postcode: `${1000 + (n % 9000)}${letters[n % 20]}${letters[Math.floor(n / 20) % 20]}`,
    plaatsnaam: 'Teststad',
  };
}

/** The client with the contact data a municipality takes from the BRP (the `allocate` action's client). */
export function withBrpContact(c: ClientFacts): BrpClientFacts {
  return { ...c, adres: c.adres ?? brpAdres(c), ...(c.telefoon ? { telefoon: c.telefoon } : {}) };
}

/**
 * The client's BRP address as the municipality knows it (Contact Soort 01, LandCode NL): CD034
 * wants a Postcode there, CD005 a LandCode with it, CD025 a Huis for NL, TR006 Huis and Postcode;
 * a telephone number given with it goes in Telefoon01 (Landnummer 0031).
 */
export function brpContact(c: ClientFacts) {
  const a = c.adres ?? brpAdres(c);
  return {
    Soort: '01' as const,
    Adres: {
      Huis: { Huisnummer: a.huisnummer, ...(a.huisletter ? { Huisletter: a.huisletter } : {}), ...(a.huisnummerToevoeging ? { HuisnummerToevoeging: a.huisnummerToevoeging } : {}) },
      Postcode: a.postcode,
      Straatnaam: a.straatnaam,
      Plaatsnaam: a.plaatsnaam,
      LandCode: 'NL' as const,
    },
    ...(c.telefoon ? { Telefoon: { Telefoon01: { Telefoonnummer: c.telefoon, Landnummer: '0031' } } } : {}),
  };
}

export function clientIdentity(c: ClientFacts) {
  return { Bsn: c.bsn, Geboortedatum: { Datum: c.geboortedatum }, Geslacht: c.geslacht };
}

export function clientFromMessage(m: { Bsn: string; Geboortedatum: { Datum: string }; Geslacht: string; Naam: { Geslachtsnaam: { Achternaam: string }; Voorletters?: string } }): ClientFacts {
  return {
    bsn: m.Bsn,
    geboortedatum: m.Geboortedatum.Datum,
    geslacht: m.Geslacht as ClientFacts['geslacht'],
    achternaam: m.Naam.Geslachtsnaam.Achternaam,
    ...(m.Naam.Voorletters ? { voorletters: m.Naam.Voorletters } : {}),
  };
}
