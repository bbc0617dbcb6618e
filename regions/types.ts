/**
 * The shape of a region profile: what one regional protocol (shared/seeds/) adds to the national
 * iJw 3.2 standard, as typed data. Every value taken from a protocol carries its citation
 * (`source`: seed number + section, e.g. "004 §2.7.1 lid 3"); what a protocol leaves open is
 * left undefined and listed in `open`, never invented. Pure types: no I/O.
 */
import type { Flow, RegionId } from './catalogue.ts';

export type { RegionId } from './catalogue.ts';

/** A value with the clause it comes from. */
export interface Cited<T> {
  value: T;
  /** Seed number and section ("004 Bijlage 3"), or "iJw 3.2 …" for a national fact. */
  source: string;
  note?: string;
  /** The catalogue rule (shared/RULES.md) the policy this value parameterises certifies, e.g. 'ALK-V1'; named in verdicts and rejections. */
  rule?: string;
}

/** Something the protocol leaves open, garbles or contradicts; the profile says so instead of guessing. */
export interface OpenPoint {
  topic: string;
  open: string;
  source: string;
}

export type MessageCode =
  | 'JW301' | 'JW302' | 'JW305' | 'JW306' | 'JW307' | 'JW308' | 'JW315' | 'JW316'
  | 'JW317' | 'JW318' | 'JW319' | 'JW320' | 'JW323' | 'JW325';

export interface Municipality {
  /** 4-digit CBS code (LDT_Gemeente). */
  code: string;
  name: string;
  /** Rijnmond: declaration (D) or invoice (F) route. */
  declarationRoute?: 'D' | 'F';
  /** Fryslân: CBS code of the municipality that processes this one's declarations. */
  processedBy?: string;
  source: string;
  note?: string;
}

/** A municipality a seed names that no longer exists in the CBS list (merged); kept for the record, never used in messages. */
export interface FormerMunicipality extends Municipality {
  mergedInto: string;
  mergedOn: string;
}

/**
 * The catalogue rules a share-of-tariff product's claims certify, named in the municipality's
 * rejections (Amsterdam: AMS-INT-1…4, AMS-BEH-1, AMS-DYS-1). Absent: the check's name.
 */
export interface ShareRules {
  /** The amount is a contracted share of the tariff. */
  share?: string;
  /** A claim needs the matching JW305 / JW307 and is made once per start or stop. */
  needsStartStop?: string;
  /** After a JW307 with another reden nothing more is claimed. */
  afterOtherStop?: string;
  /** The share after the planned stop is claimed once. */
  afterPlannedStop?: string;
}

/** How a product's monthly JW323 line is computed. */
export type DeclarationRule =
  /** GeleverdVolume × ProductTarief in the allocated unit. */
  | { kind: 'per-unit' }
  /** A share of the trajectory tariff after the JW305, the rest after a JW307 with one of the given redenen (Amsterdam). */
  | { kind: 'percentage-after-start-stop'; afterStart: number; afterStopReden: { reden: string[]; percentage: number }; rules?: ShareRules }
  /** Per month 1/12 of the yearly tariff: eenheid 82, volume 1 (Amsterdam Duurzaam, Verblijf). */
  | { kind: 'monthly-fraction-of-yearly'; fraction: 12 }
  /** Etmalen of the month × etmaalprijs (Amsterdam Kortdurend verblijf, Fryslân). */
  | { kind: 'etmalen' }
  /** 100% of the tariff after the JW305, nothing after the stop (Amsterdam Dyslexie diagnostiek). */
  | { kind: 'full-after-start'; rules?: ShareRules }
  /** Eenheid 83: the volume is the amount in eurocents, per week (Rijnmond arrangements). */
  | { kind: 'euro-per-week' };

export interface Tariff {
  /** Eurocents per `per`. */
  cents: number;
  /** What one tariff buys: 'uur', 'etmaal', 'traject', 'jaar', 'eurocent'. */
  per: string;
  /** True when the protocol gives no figure and this one is made up for the simulators. */
  example: boolean;
  source: string;
  note?: string;
  /** Cents per year of care where the tariff changes with the year (Utrecht: "tarieven ... van het jaar waarover u ... declareert"); `cents` for other years. */
  byYear?: Record<string, number>;
}

/**
 * The declaration terms as the reference simulators read them (simulators/gemeente/declaratie-rules.ts),
 * derived from `declarationRule` and `tariff` by `product()`; never written by hand.
 */
export interface DeclarationTerms {
  kind: 'per-unit' | 'percentage' | 'monthly-of-yearly' | 'euro';
  /** Cents: per unit, the trajectory tariff (percentage) or the yearly tariff (monthly-of-yearly). */
  tariff: number;
  /** Fraction (0.7) claimable after the JW305 (percentage). */
  afterStart?: number;
  /** Fraction (0.3) claimable after a JW307 with reden 31 (percentage). */
  afterStopPlan?: number;
  /** ALK-D2: hours summed over the month and rounded. */
  hoursRounding?: boolean;
  /** Cents per year of care, where the tariff changes with the year (UTR-DECL-1). */
  tariffByYear?: Record<string, number>;
  /** The rules the share checks name (percentage). */
  rules?: ShareRules;
}

export interface Product {
  /** LDT_ProductCode (1–5 characters). */
  code: string;
  /** JZ020 productcategorie (2 digits). */
  category: string;
  name: string;
  /** WJ756 eenheid: '01' minuut, '04' uur, '14' etmaal, '16' dagdeel, '82' stuks (output), '83' euro, '84' stuks (inspanning). */
  eenheid: string;
  /** WMO757 frequentie: '1' dag, '2' week, '4' maand, '6' totaal binnen geldigheidsduur. */
  frequentie: string;
  declarationRule: DeclarationRule;
  tariff: Tariff;
  /** Derived view for the simulators (see DeclarationTerms). */
  declaration: DeclarationTerms;
  /** Volume a scenario allocates when it names none. */
  defaultVolume?: number;
  /** The product may only be allocated after one of these products has ended (Rijnmond 45A48). */
  onlyAfter?: Cited<string[]>;
  /** True when the protocol names no product code and this code (and category) is made up. */
  example: boolean;
  source: string;
  note?: string;
}

export interface Deadlines {
  /** Werkdagen for the technical retours 302/306/308/316/318/320 (where the protocol differs per message, see the specific fields). */
  retour: Cited<number>;
  /** Werkdagen for the 302 when it differs from `retour`. */
  toewijzingRetour?: Cited<number>;
  /** Werkdagen for the 306/308 when they differ from `retour`. */
  startRetour?: Cited<number>;
  stopRetour?: Cited<number>;
  /** Werkdagen for the 316 when it differs from `retour`. */
  verzoekRetour?: Cited<number>;
  /** Werkdagen for the 301/319 after a 315/317. */
  answerRequest?: Cited<number>;
  /** Werkdagen for the 301 after a 315 when parental authority must be checked (Rijnmond). */
  answerRequestExtended?: Cited<number>;
  /** Weeks after a 319 "in onderzoek" for the final 301/319. */
  inOnderzoekWeeks?: Cited<number>;
  /** Werkdagen for the 305 after the actual start. */
  start: Cited<number>;
  /** Werkdagen for the 307 after the actual end. */
  stop: Cited<number>;
  /** Werkdagen for the 325 after the 323. */
  declarationAnswer: Cited<number>;
  /** Calendar days for the 325 after the 323, where a protocol counts in weeks (Rijnmond: 2 weeks). */
  declarationAnswerDays?: Cited<number>;
  /** Werkdagen for the provider's 315 after the intake / assessment. */
  requestAfterIntake?: Cited<number>;
}

export interface Allocation {
  /** A VOW is never honoured retroactively: a change starts no earlier than the honour date (+1 day where it replaces a toewijzing ending on it). */
  vowNotRetroactive?: Cited<true>;
  /** COD327 codes of referrers whose referral may lead to a toewijzing in this region. */
  referrersAllowed: Cited<string[]>;
  /** COD327 codes for which the provider may send a 315 (the rest is allocated by the municipality directly). */
  requestReferrers?: Cited<string[]>;
  /** Referrer types (COD327) for which the Verwijzer carries the referrer's name and organisation in Naam, never a ZorgverlenerCode (Fryslân 04, FRL-VOT-3). */
  referrerNameAndOrganisation?: Cited<string[]>;
  /** The municipality checks a 315 on the woonplaatsbeginsel under a regional rule (`rule`, e.g. FRL-VOT-6); without it the national IJW-VOT-7. */
  woonplaatsbeginsel?: Cited<true>;
  /** Only single-problem (enkelvoudig) cases go through a 315; a multi-problem case goes to the municipality (Rijnmond, RIJ-VOT-1). */
  singleProblemOnly?: Cited<true>;
  /** Only specific toewijzingen (product code always filled). */
  specificOnly?: Cited<boolean>;
  /** Einddatum and Volume always filled in 315/317/301. */
  einddatumRequired?: Cited<boolean>;
  /** How far the requested ingangsdatum may lie before the request's Dagtekening. */
  retroactiveLimit?: Cited<{ months?: number; weeks?: number }>;
  /** Fixed duration of a toewijzing (einddatum = ingangsdatum + duration). */
  toewijzingDuration?: Cited<{ years: number }>;
  /** A toewijzing not started within this many months is withdrawn. */
  vervalperiodeMonths?: Cited<number>;
  /** Same product, same provider, overlapping period. */
  stackingAllowed: Cited<boolean>;
  /** Whether these products may run alongside any other youth care (Fryslân: no). */
  combinableWithOtherCare?: Cited<boolean>;
  /** The provider puts the location code in the 315's product commentary; it comes back in the 301's commentary (Fryslân). */
  locationCodeInCommentary?: Cited<boolean>;
  /** How a running toewijzing is extended. */
  extension?: Cited<'new-toewijzing' | 'change-einddatum'>;
  /**
   * The conditions on extending a toewijzing with a JW317 (with `extension` 'change-einddatum'):
   * only for an external referrer (the municipal access extends with a JW301), with the same
   * Omvang, and not once the einddatum has passed (Fryslân, FRL-VOW-1).
   */
  vowExtension?: Cited<{ externalReferrerOnly: boolean; sameOmvang: boolean; beforeEinddatum: boolean }>;
  /** The message the provider asks a follow-up (vervolg) of a toewijzing with: a new JW315 (Rijnmond) or a JW317. */
  continuationRequest?: Cited<'JW315' | 'JW317'>;
  /** Each product's eenheid and frequentie are fixed by the region's code table: requests and toewijzingen use exactly those (Rijnmond "Codes"). */
  unitFromCodeTable?: Cited<true>;
  /** The provider sends a JW315 only as the main contractor (hoofdaannemer), never as a subcontractor (Rijnmond). */
  mainContractorOnly?: Cited<true>;
  /**
   * The Omvang shapes a specific toewijzing may have in 315, 317 and 301: eenheid → allowed
   * frequenties, with Volume filled and Budget empty (ALK-T8).
   */
  omvangShapes?: Cited<Record<string, string[]>>;
}

export interface StartStop {
  /** Care must start within this many werkdagen of the 301's ingangsdatum (or send date, if later). */
  careStartWithinWerkdagen?: Cited<number>;
  /** Care must start within this many weeks of the 301's ingangsdatum. */
  careStartWithinWeeks?: Cited<number>;
  /** More than this many weeks without care must be reported as a temporary stop. */
  maxWeeksWithoutCare?: Cited<number>;
  /** Care not delivered for this many consecutive months must be reported as a temporary stop (reden 20). */
  temporaryStopAfterMonths?: Cited<number>;
  /** After a temporary stop the toewijzing lapses when care has not resumed within this many weeks. */
  lapseAfterWeeks?: Cited<number>;
  /** After a definitive stop the municipality ends the toewijzing with a new 301. */
  endToewijzingAfterStop?: Cited<true>;
  /** A 307 is due also when care ends on the planned einddatum; every 305 is followed by a 307. */
  stopRequired?: Cited<boolean>;
  /**
   * The 305 and 307 are mandatory for every toewijzing care is delivered on: the provider reports
   * the start once care is delivered and the end once it ended, also as planned (Rijnmond).
   */
  startStopMandatory?: Cited<true>;
  /** With support agreed less often than weekly no temporary stop is needed after `maxWeeksWithoutCare`; a period is claimed only if support was delivered in it (Rijnmond). */
  lowFrequencyException?: Cited<true>;
}

export interface Declaration {
  period: Cited<'month'>;
  /** When the 323 is due, in words (e.g. "by the last day of the following month"). */
  dueBy?: Cited<string>;
  /** Months after the declared month the 323 is due (Alkmaar: 1 = by the end of the following month). */
  dueMonthsAfter?: Cited<number>;
  /** Batches per month per municipality. */
  batchPerMunicipality?: Cited<boolean>;
  /** Corrections of approved lines are due within this many months of the approval. */
  correctionMonths?: Cited<number>;
  /** A declaration more than this many months after the 307 is rejected. */
  maxMonthsAfterStop?: Cited<number>;
  /** Hours: remaining minutes < 30 down, ≥ 30 up, at least 1 hour. */
  hoursRounding?: Cited<{ roundUpFromMinutes: number; minimumHours: number }>;
  /** Broken period (IV078): the full volume of a partial week or month may be declared. */
  brokenPeriodFullVolume?: Cited<boolean>;
  /** Absence (planned or no-show) is not declarable. */
  absenceDeclarable?: Cited<boolean>;
  /** Within one file a client's credit line precedes the debit line. */
  creditBeforeDebit?: Cited<boolean>;
  /** Rejected lines are not credited. */
  creditRejected?: Cited<boolean>;
  /**
   * Which calendar year's tariff (Tariff.byYear) applies, per eenheid (WJ756): the year of delivery
   * (the ProductPeriode) or the year of the toewijzing's ingangsdatum. Eenheden not listed: delivery.
   */
  tariffYear?: Cited<Record<string, 'delivery' | 'toewijzing-start'>>;
  /** A credit repeats the approved debit in full (product, period, volume, amount); the municipality rejects a partial credit. */
  creditsInFullOnly?: Cited<true>;
  /** After a JW301 shortens or withdraws a toewijzing, the provider credits every approved line outside it, at the latest in its next declaration. */
  creditOutsideToewijzing?: Cited<true>;
  /**
   * How the seed ties the ProductPeriode to the JW305/JW307: not at all, within them when known, or
   * only with a start. A record of the seed's text only: the parties follow TR387/TR388, which win
   * (AMS-PER-1, FRL-DECL-1).
   */
  periodFromStartStop: Cited<'none' | 'bounds-if-known' | 'required'>;
}

/**
 * A catalogue row where a national rule wins over the region's own text (shared/RULES.md: "…
 * conflicts with TR387/TR388, which win"): what the scenarios demand follows the national rule,
 * and the conflict is shown to the region's protocol authors (region page, report).
 */
export interface NationalWin {
  /** The catalogue rule whose row records the conflict (a regional id, or a national IJW id citing this region's seed). */
  rule: string;
  /** The national rules that win, as ids of shared/reference/rules.json. */
  national: string[];
  /** The region's own words the row cites (Dutch, quoted from the seed; "…" marks a cut). */
  seedText: string;
  /** Where in the seed. */
  source: string;
  /** Why the national rule wins and what the scenarios therefore demand. */
  why: string;
}

export interface RegionProfile {
  id: RegionId;
  name: string;
  /** Short name, e.g. in the region comparison ("Fryslân"). */
  shortName: string;
  /** The protocol's own title, shown in citations instead of its seed number. */
  protocolTitle: string;
  /** The prefix of the region's rule ids in its rules.md ("ALK"). */
  rulePrefix: string;
  /** Rule-id prefix → the flow its rules belong to; the longest matching prefix wins. */
  flows: Record<string, Flow>;
  /** File name of the seed in shared/seeds/. */
  seed: string;
  /** The protocol's own version and date, where its text states them (a certificate names them). */
  protocol?: { version?: Cited<string>; date?: Cited<string> };
  municipalities: Municipality[];
  formerMunicipalities?: FormerMunicipality[];
  messages: Cited<MessageCode[]>;
  deadlines: Deadlines;
  products: Product[];
  allocation: Allocation;
  startStop: StartStop;
  declaration: Declaration;
  /** What the protocol leaves open, garbles or contradicts. */
  open: OpenPoint[];
  /** Rows where a national rule wins over the region's text (absent: none). */
  nationalWins?: NationalWin[];
}
