/** Client facts ↔ the client classes of the messages. */
import type { ClientFacts } from './actions.ts';

export function verkorteNaam(c: ClientFacts) {
  return { Geslachtsnaam: { Achternaam: c.achternaam }, ...(c.voorletters ? { Voorletters: c.voorletters } : {}) };
}

export function volledigeNaam(c: ClientFacts) {
  return { ...verkorteNaam(c), NaamGebruik: '1' as const };
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
