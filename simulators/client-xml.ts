/** Client facts ↔ the client classes of the messages. */
import type { ClientFacts } from './actions.ts';

export function verkorteNaam(c: ClientFacts) {
  return { Geslachtsnaam: { Achternaam: c.achternaam }, ...(c.voorletters ? { Voorletters: c.voorletters } : {}) };
}

export function volledigeNaam(c: ClientFacts) {
  return { ...verkorteNaam(c), NaamGebruik: '1' as const };
}

/**
 * The client's BRP address as the municipality knows it (Contact Soort 01): CD034 wants an Adres
 * there and TR006 a Huis with a Postcode. Client facts carry no address, so a synthetic one is
 * derived from the (test) BSN: the same client always lives at the same place.
 */
export function brpContact(c: ClientFacts) {
  const n = Number(c.bsn.slice(-4));
  const letters = 'ABCDEGHJKLMNPRSTVWXZ';
  return {
    Soort: '01' as const,
    Adres: {
      Huis: { Huisnummer: (n % 250) + 1 },
      Postcode: `${1000 + (n % 9000)}${letters[n % 20]}${letters[Math.floor(n / 20) % 20]}`,
      Straatnaam: 'Teststraat',
      Plaatsnaam: 'Teststad',
      LandCode: 'NL' as const,
    },
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
