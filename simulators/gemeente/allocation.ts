/** Building the JW301 a municipality sends: every toewijzing of the client at that provider (OP087). */
import type { Jw301, Jw301ToegewezenProduct } from '../../ijw/messages/jw301.ts';
import type { ClientFacts } from '../actions.ts';
import { brpContact, clientIdentity, volledigeNaam } from '../client-xml.ts';
import type { Ledger, Toewijzing } from '../ledger.ts';

export function toegewezenProduct(t: Toewijzing, includeReferentie: boolean): Jw301ToegewezenProduct {
  return {
    ToewijzingNummer: t.nummer,
    ...(includeReferentie && t.referentieAanbieder ? { ReferentieAanbieder: t.referentieAanbieder } : {}),
    Product: { Categorie: t.product.categorie as never, ...(t.product.code ? { Code: t.product.code } : {}) },
    Toewijzingsdatum: t.toewijzingsdatum,
    Toewijzingstijd: t.toewijzingstijd,
    Ingangsdatum: t.ingangsdatum,
    ...(t.einddatum ? { Einddatum: t.einddatum } : {}),
    ...(t.redenWijziging ? { RedenWijziging: t.redenWijziging as never } : {}),
    ...(t.omvang ? { Omvang: { Volume: t.omvang.volume, Eenheid: t.omvang.eenheid as never, Frequentie: t.omvang.frequentie as never } } : {}),
    ...(t.budget !== undefined ? { Budget: t.budget } : {}),
    ...(t.commentaar ? { Commentaar: t.commentaar } : {}),
  };
}

/**
 * The toewijzingen a 301 for this client must carry on `date`: those valid on or after the
 * date, plus those changed since the last 301 (OP087). ReferentieAanbieder only the first time (TR379).
 */
export function toewijzingenFor301(ledger: Ledger, bsn: string, aanbieder: string, date: string, firstTime: ReadonlySet<number>): Jw301ToegewezenProduct[] {
  return [...ledger.toewijzingen.values()]
    .filter((t) => t.bsn === bsn && t.aanbieder === aanbieder)
    .filter((t) => t.changed || firstTime.has(t.nummer) || !t.einddatum || t.einddatum >= date)
    .sort((a, b) => a.nummer - b.nummer)
    .map((t) => toegewezenProduct(t, firstTime.has(t.nummer)));
}

export function build301(header: Record<string, unknown>, client: ClientFacts, products: Jw301ToegewezenProduct[]): Jw301 {
  return {
    Header: header as unknown as Jw301['Header'],
    Client: {
      ...clientIdentity(client),
      Naam: volledigeNaam(client),
      Contactgegevens: { Contact: [brpContact(client)] },
      ToegewezenProducten: { ToegewezenProduct: products },
    } as Jw301['Client'],
  };
}
