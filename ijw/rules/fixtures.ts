/**
 * Hand-written, realistic messages that break no rule (test BSNs, dates in 2025), for the rule,
 * validation and retour tests. Each call returns a fresh copy to mutate.
 */
import type { Jw301 } from '../messages/jw301.ts';
import type { Jw305 } from '../messages/jw305.ts';
import type { Jw307 } from '../messages/jw307.ts';
import type { Jw315 } from '../messages/jw315.ts';
import type { Jw317 } from '../messages/jw317.ts';
import type { Jw319 } from '../messages/jw319.ts';
import type { Jw323 } from '../messages/jw323.ts';
import type { Jw325 } from '../messages/jw325.ts';
import type { MessageCode } from '../messages/codes.ts';
import type { MessageModels } from '../messages/registry.ts';

export const BSN = '999900006';
export const BSN2 = '999900109';
export const AANBIEDER = '12345678';
export const GEMEENTE = '0361';
export const DAGTEKENING = '2025-03-10';
const XSD = { BasisschemaXsdVersie: '0.1.0', BerichtXsdVersie: '0.1.0' };

function header<B extends string>(berichtCode: B, fromGemeente: boolean, id: string) {
  return {
    BerichtCode: berichtCode,
    BerichtVersie: 3,
    BerichtSubversie: 2,
    Afzender: fromGemeente ? GEMEENTE : AANBIEDER,
    Ontvanger: fromGemeente ? AANBIEDER : GEMEENTE,
    BerichtIdentificatie: { Identificatie: id, Dagtekening: DAGTEKENING },
    XsdVersie: { ...XSD },
  };
}

// IV009, CS139: DatumGebruik 1 (day unknown) puts 01 for the day.
const geboorte = { Datum: '2014-06-01', DatumGebruik: '1' as const };
const verkorteNaam = { Geslachtsnaam: { Achternaam: 'Jansen' }, Voornamen: 'Sanne', Voorletters: 'S' };

export function jw301(): Jw301 {
  return {
    Header: header('436', true, 'TW2025-0001'),
    Client: {
      Bsn: BSN,
      Geboortedatum: { ...geboorte },
      Geslacht: '2',
      Naam: { Geslachtsnaam: { Achternaam: 'Jansen' }, Voornamen: 'Sanne', Voorletters: 'S', NaamGebruik: '1' },
      Relaties: { Relatie: [{ Nummer: 'R1', Soort: '03', Geboortedatum: { Datum: '1985-02-11' }, Naam: { Geslachtsnaam: { Achternaam: 'Jansen' }, Voorletters: 'M', NaamGebruik: '1' }, Contact: { Soort: '04', Telefoon: { Telefoon01: { Telefoonnummer: '0612345678', Landnummer: '0031' } }, Periode: { Begindatum: '2025-01-01', Einddatum: '2025-12-31' } } }] },
      Contactgegevens: { Contact: [{ Soort: '01', Adres: { Huis: { Huisnummer: 12 }, Postcode: '1811AB', Straatnaam: 'Laat', Plaatsnaam: 'Alkmaar', LandCode: 'NL' } }] },
      ToegewezenProducten: {
        ToegewezenProduct: [
          { ToewijzingNummer: 2025001, ReferentieAanbieder: 'VOT-2025-01', Product: { Categorie: '45', Code: '45A01' }, Toewijzingsdatum: '2025-03-07', Toewijzingstijd: '10:15:00', Ingangsdatum: '2025-03-01', Einddatum: '2025-08-31', Omvang: { Volume: 4, Eenheid: '04', Frequentie: '2' } },
          { ToewijzingNummer: 2025002, Product: { Categorie: '41' }, Toewijzingsdatum: '2025-03-07', Toewijzingstijd: '10:15:00', Ingangsdatum: '2025-04-01', Einddatum: '2025-12-31', Budget: 150000 },
        ],
      },
    },
  };
}

export function jw305(): Jw305 {
  return {
    Header: header('438', false, 'ST2025-0001'),
    Client: {
      Bsn: BSN,
      Geboortedatum: { ...geboorte },
      Geslacht: '2',
      Naam: { ...verkorteNaam },
      StartProducten: {
        StartProduct: [
          { ToewijzingNummer: 2025001, Product: { Categorie: '45', Code: '45A01' }, ToewijzingIngangsdatum: '2025-03-01', Begindatum: '2025-03-03', StatusAanlevering: '1' },
          { ToewijzingNummer: 2025003, Product: { Categorie: '41', Code: '41A05' }, ToewijzingIngangsdatum: '2025-02-01', Begindatum: '2025-02-03', StatusAanlevering: '1' },
        ],
      },
    },
  };
}

export function jw307(): Jw307 {
  return {
    Header: header('440', false, 'SP2025-0001'),
    Client: {
      Bsn: BSN,
      Geboortedatum: { ...geboorte },
      Geslacht: '2',
      Naam: { ...verkorteNaam },
      StopProducten: {
        StopProduct: [
          { ToewijzingNummer: 2025003, Product: { Categorie: '41', Code: '41A05' }, ToewijzingIngangsdatum: '2025-02-01', Begindatum: '2025-02-03', RedenBeeindiging: '02', Einddatum: '2025-03-07', StatusAanlevering: '1' },
        ],
      },
    },
  };
}

export function jw315(): Jw315 {
  return {
    Header: header('446', false, 'VOT2025-0001'),
    Client: {
      Bsn: BSN,
      Geboortedatum: { ...geboorte },
      Geslacht: '2',
      Naam: { ...verkorteNaam },
      AangevraagdeProducten: {
        AangevraagdProduct: [
          { ReferentieAanbieder: 'VOT-2025-01', Product: { Categorie: '45', Code: '45A01' }, ToewijzingIngangsdatum: '2025-04-01', ToewijzingEinddatum: '2025-06-30', Omvang: { Volume: 4, Eenheid: '04', Frequentie: '2' }, Verwijzer: { Type: '02', ZorgverlenerCode: '01234567' } },
          { ReferentieAanbieder: 'VOT-2025-02', Product: { Categorie: '45', Code: '45A01' }, ToewijzingIngangsdatum: '2025-07-01', ToewijzingEinddatum: '2025-12-31', Omvang: { Volume: 2, Eenheid: '04', Frequentie: '2' }, Verwijzer: { Type: '03', Naam: 'Dr. De Vries' } },
          { ReferentieAanbieder: 'VOT-2025-03', BeschikkingNummer: 2025017, Product: { Categorie: '41' }, BeschikkingIngangsdatum: '2025-03-01', ToewijzingIngangsdatum: '2025-04-01', ToewijzingEinddatum: '2025-12-31', Budget: 100000, Verwijzer: { Type: '01' } },
        ],
      },
    },
  };
}

export function jw317(): Jw317 {
  return {
    Header: header('486', false, 'VOW2025-0001'),
    Client: {
      Bsn: BSN,
      Verzoek: {
        ReferentieAanbieder: 'VOW-2025-01',
        RedenVerzoek: '1',
        OngewijzigdeProducten: { OngewijzigdProduct: [{ ToewijzingNummer: 2025002 }] },
        TeWijzigenProducten: { TeWijzigenProduct: [{ ToewijzingNummer: 2025001, GewensteIngangsdatum: '2025-03-01', Einddatum: '2025-12-31', Omvang: { Volume: 6, Eenheid: '04', Frequentie: '2' } }] },
        NieuweProducten: { NieuwProduct: [{ Product: { Categorie: '54', Code: '54001' }, GewensteIngangsdatum: '2025-04-01', Einddatum: '2025-09-30', Omvang: { Volume: 1, Eenheid: '14', Frequentie: '6' } }] },
      },
    },
  };
}

export function jw319(): Jw319 {
  return {
    Header: header('488', true, 'AW2025-0001'),
    Antwoord: { ReferentieAanbieder: 'VOT-2025-01', VerzoekAntwoord: '1', RedenAfwijzingVerzoek: '8', Woonplaatsbeginsel: { Gemeente: '0363' } },
  };
}

/**
 * A February 2025 declaration for two clients: 3 debits and 1 credit of an earlier line.
 * Total = 22000 + 5000 + 12500 − 11000 = 28500 D.
 */
export function jw323(): Jw323 {
  return {
    Header: header('490', false, 'DCL2025-0002'),
    Declaratie: {
      DeclaratieNummer: 'D2025002',
      DeclaratiePeriode: { Begindatum: '2025-02-01', Einddatum: '2025-02-28' },
      DeclaratieDagtekening: '2025-03-05',
      TotaalIngediendBedrag: { TotaalBedrag: 28500, DebetCredit: 'D' },
      Clienten: {
        Client: [
          {
            Bsn: BSN,
            Prestaties: {
              Prestatie: [
                { ProductReferentie: { ReferentieNummer: 'P2025-0201' }, ToewijzingNummer: 2025003, ProductCategorie: '41', ProductCode: '41A05', ProductPeriode: { Begindatum: '2025-02-03', Einddatum: '2025-02-28' }, GeleverdVolume: 4, Eenheid: '04', ProductTarief: 5500, IngediendBedrag: { Bedrag: 22000, DebetCredit: 'D' } },
                { ProductReferentie: { ReferentieNummer: 'P2025-0202' }, ToewijzingNummer: 2025004, ProductCategorie: '54', ProductCode: '54001', ProductPeriode: { Begindatum: '2025-02-01', Einddatum: '2025-02-28' }, GeleverdVolume: 5000, Eenheid: '83', IngediendBedrag: { Bedrag: 5000, DebetCredit: 'D' } },
              ],
            },
          },
          {
            Bsn: BSN2,
            Prestaties: {
              Prestatie: [
                { ProductReferentie: { ReferentieNummer: 'P2025-0203' }, ToewijzingNummer: 2025010, ProductCategorie: '45', ProductCode: '45A01', ProductPeriode: { Begindatum: '2025-02-01', Einddatum: '2025-02-28' }, GeleverdVolume: 5, Eenheid: '04', ProductTarief: 2500, IngediendBedrag: { Bedrag: 12500, DebetCredit: 'D' } },
                { ProductReferentie: { ReferentieNummer: 'P2025-0204', VorigReferentieNummer: 'P2025-0104' }, ToewijzingNummer: 2025010, ProductCategorie: '45', ProductCode: '45A01', ProductPeriode: { Begindatum: '2025-01-01', Einddatum: '2025-01-31' }, GeleverdVolume: 4, Eenheid: '04', ProductTarief: 2750, IngediendBedrag: { Bedrag: 11000, DebetCredit: 'C' } },
              ],
            },
          },
        ],
      },
    },
  };
}

/**
 * The answer to `jw323()`: the credit line P2025-0204 (11000 C) rejected, the rest approved.
 * Toegekend = 28500 + 11000 = 39500 D, so Σ rejected (−11000) = 28500 − 39500 (TR342).
 */
export function jw325(): Jw325 {
  const decl = jw323();
  const credit = decl.Declaratie.Clienten.Client[1]!.Prestaties.Prestatie[1]!;
  return {
    Header: {
      ...header('491', true, 'DA2025-0002'),
      DeclaratieIdentificatie: { ...decl.Header.BerichtIdentificatie },
      XsdVersieDeclaratie: { ...XSD },
      RetourCodes: { RetourCode: ['0200'] },
    },
    DeclaratieAntwoord: {
      DeclaratieNummer: decl.Declaratie.DeclaratieNummer,
      TotaalIngediendBedrag: { ...decl.Declaratie.TotaalIngediendBedrag },
      TotaalToegekendBedrag: { TotaalBedrag: 39500, DebetCredit: 'D' },
      Clienten: { Client: [{ Bsn: BSN2, Prestaties: { Prestatie: [{ ...structuredClone(credit), RetourCodes: { RetourCode: ['9390'] } }] }, RetourCodes: { RetourCode: ['0200'] } }] },
      RetourCodes: { RetourCode: ['0200'] },
    },
  };
}

/** The heen messages above by code. */
export const heenFixtures = { JW301: jw301, JW305: jw305, JW307: jw307, JW315: jw315, JW317: jw317, JW319: jw319, JW323: jw323 } as const satisfies Partial<{ [C in MessageCode]: () => MessageModels[C] }>;

/** Every message the rules judge, the heen messages and the declaration answer. */
export const ruleFixtures = { ...heenFixtures, JW325: jw325 } as const;
