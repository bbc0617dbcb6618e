/**
 * The control actions of the adapter protocol (ADAPTER.md), as typed JSON. Field names follow
 * the iJw element names (ToewijzingNummer → toewijzingNummer). JSON schemas generated from
 * these live in docs/ADAPTER-PROTOCOL.md.
 */
export type Role = 'gemeente' | 'aanbieder';

export interface ClientFacts {
  bsn: string;
  geboortedatum: string;
  geslacht: '0' | '1' | '2';
  achternaam: string;
  voorletters?: string;
  /** What a municipality knows from the BRP (set by `allocate`); without it, the reference parties derive a synthetic address. */
  adres?: AdresFacts;
  telefoon?: string;
}

/** The client's BRP address, as `allocate` gives it (since 1.2); the JW301 carries it as Contact Soort 01, LandCode NL. */
export interface AdresFacts {
  straatnaam: string;
  huisnummer: number;
  huisletter?: string;
  huisnummerToevoeging?: string;
  postcode: string;
  plaatsnaam: string;
}

/** A client with the contact data a municipality takes from the BRP. */
export interface BrpClientFacts extends ClientFacts {
  adres: AdresFacts;
  /** A Dutch telephone number (10 digits). */
  telefoon?: string;
}

export interface ProductFacts {
  categorie: string;
  code?: string;
}

export interface OmvangFacts {
  volume: number;
  eenheid: string;
  frequentie: string;
}

export type Action =
  | { action: 'configure'; date: string; harnessUrl: string; region: string; party: string; counterparty: string; role?: Role }
  | { action: 'set-date'; date: string }
  | {
      action: 'request-allocation'; date?: string; client: ClientFacts; referentieAanbieder?: string;
      /** locatiecode: the care location (Fryslân puts it in the product commentary, FRL-VOT-5). */
      products: { product: ProductFacts; ingangsdatum: string; einddatum?: string; omvang?: OmvangFacts; commentaar?: string; locatiecode?: string }[];
      /** organisatie: the referrer's organisation (Fryslân, GI referral: name and organisation, FRL-VOT-3). */
      verwijzer: { type: string; naam?: string; organisatie?: string; zorgverlenerCode?: string };
      /** Rijnmond (RIJ-VOT-1): only single-problem cases, by the main contractor, within 10 werkdagen of the intake. */
      intakedatum?: string; problematiek?: 'enkelvoudig' | 'meervoudig'; hoofdaannemer?: boolean;
    }
  | { action: 'request-change'; date?: string; client: ClientFacts; referentieAanbieder?: string; redenVerzoek?: string; /** Informative: the provider lists every current toewijzing itself (TR349). */ unchanged?: number[]; changed: { toewijzingNummer: number; einddatum?: string; omvang?: OmvangFacts; ingangsdatum?: string }[]; added: { product: ProductFacts; ingangsdatum: string; einddatum?: string; omvang?: OmvangFacts; locatiecode?: string }[] }
  | {
      action: 'start-care'; date?: string; toewijzingNummer: number;
      /** Without begindatum the SUT takes the start of care itself from the care it recorded (Alkmaar: the first declarable care, ALK-START-2). */
      begindatum?: string;
      /** Support agreed with the client less often than once a week (Rijnmond RIJ-ABS-2: no temporary stop after four weeks without care). */
      lagereFrequentie?: boolean;
    }
  /** A follow-up (vervolg) of a toewijzing is wanted: the provider asks for it with the message its region prescribes (Rijnmond: a new JW315, RIJ-VOT-2). */
  | { action: 'request-continuation'; date?: string; toewijzingNummer: number; einddatum: string; verwijzer?: { type: string; naam?: string; organisatie?: string; zorgverlenerCode?: string } }
  | { action: 'stop-care'; date?: string; toewijzingNummer: number; einddatum: string; redenBeeindiging: string; begindatum?: string }
  | { action: 'withdraw-start'; date?: string; toewijzingNummer: number; begindatum?: string }
  | { action: 'withdraw-stop'; date?: string; toewijzingNummer: number; begindatum?: string }
  /** volume in eenheid (WJ756), which the harness always sends (the toewijzing's unit unless the scenario names another). */
  | { action: 'record-care'; date?: string; toewijzingNummer: number; begindatum: string; einddatum?: string; volume: number; eenheid: string; /** Care planned but not delivered: not declarable (ALK-D4). */ absence?: 'planned' | 'no-show'; /** An intake, kennismaking or orientation: not the start of care (UTR-START-1). */ intake?: boolean }
  | { action: 'declare'; date?: string; month: string /* YYYY-MM */ }
  | { action: 'correct-declaration'; date?: string; referentieNummer: string; volume: number }
  | { action: 'allocate'; date?: string; client: BrpClientFacts; products: { product: ProductFacts; ingangsdatum: string; einddatum?: string; omvang?: OmvangFacts; budget?: number; referentieAanbieder?: string; commentaar?: string }[] }
  | { action: 'answer-request'; date?: string; referentieAanbieder: string; verzoekAntwoord: '1' | '2'; redenAfwijzing?: string; woonplaatsGemeente?: string }
  /** redenWijziging: absent, the municipality chooses the code that fits (JZ002). */
  | { action: 'change-allocation'; date?: string; toewijzingNummer: number; einddatum: string; redenWijziging?: string }
  /**
   * The provider's AGB code changes on `ingangsdatum` (1 January or 1 July in Alkmaar, ALK-AGB-1), as
   * agreed in writing outside the messages. A gemeente ends the toewijzingen on the old AGB and
   * allocates them anew on the new one; an aanbieder stops and starts accordingly.
   */
  | { action: 'change-agb'; date?: string; oudeAgb: string; nieuweAgb: string; ingangsdatum: string }
  /** From ingangsdatum the care continues as another product (or eenheid/frequentie): the gemeente decides how its 301 says so (IJW-WIJZ-1). */
  | { action: 'change-product'; date?: string; toewijzingNummer: number; ingangsdatum: string; einddatum?: string; product: ProductFacts; omvang: OmvangFacts }
  /** A BRP fact for the woonplaatsbeginsel: the municipality where the client lived (before a placement in verblijf) (FRL-VOT-6, IJW-VOT-7). */
  | { action: 'record-residence'; date?: string; bsn: string; gemeente: string }
  /** The provider's location with this code is registered for these products (Fryslân §2: a location code per location and woonvorm, FRL-VOT-5). */
  | { action: 'register-location'; date?: string; locatiecode: string; productCodes: string[] }
  /** The run is over: forget all of its state (optional for a SUT; the simulators free memory with it). */
  | { action: 'end-run'; date?: string };

export type ActionName = Action['action'];

export const ACTION_NAMES: readonly ActionName[] = [
  'configure', 'set-date', 'request-allocation', 'request-change', 'request-continuation', 'start-care', 'stop-care', 'withdraw-start',
  'withdraw-stop', 'record-care', 'declare', 'correct-declaration', 'allocate', 'answer-request', 'change-allocation', 'change-agb', 'change-product', 'record-residence', 'register-location', 'end-run',
];

/** Which side may receive which action (ADAPTER.md table). */
export const ACTIONS_FOR: Record<Role, readonly ActionName[]> = {
  aanbieder: ['configure', 'set-date', 'request-allocation', 'request-change', 'request-continuation', 'start-care', 'stop-care', 'withdraw-start', 'withdraw-stop', 'record-care', 'declare', 'correct-declaration', 'change-agb', 'end-run'],
  gemeente: ['configure', 'set-date', 'allocate', 'answer-request', 'change-allocation', 'change-product', 'change-agb', 'record-residence', 'register-location', 'end-run'],
};

/** A refusal of an action the party cannot perform (HTTP 422). */
export class ActionRefused extends Error {
  readonly code = 'ACTION_REFUSED';
  constructor(message: string) {
    super(message);
    this.name = 'ActionRefused';
  }
}
