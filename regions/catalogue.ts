/**
 * The rule catalogue of shared/RULES.md as typed data: every rule the conformance suite tests,
 * with its stable id, whose software it judges, the messages involved, the protocol clause it
 * comes from and the flow it belongs to. Scenarios tag these ids (`@rule:ALK-T2`); reports show
 * rule → scenario → verdict. Pure data: no I/O.
 *
 * `source` is RULES.md's source column; for regional rules it is prefixed with the seed number
 * (e.g. "004 §2.4.1") so every citation names its document. `messages` for regional rules is
 * read from the rule text plus the messages the rule is checked on (RULES.md has no column).
 *
 * @example
 *   findRule('ALK-T2')?.source            // "004 T-2, T-4"
 *   rulesForRegion('fryslan').length      // national + FRL-*
 */

export type RegionId = 'alkmaar' | 'amsterdam' | 'rijnmond' | 'fryslan' | 'utrecht';

export const REGION_IDS: readonly RegionId[] = ['alkmaar', 'amsterdam', 'rijnmond', 'fryslan', 'utrecht'];

/** Which part of the message traffic a rule is about. */
export type Flow = 'toewijzing' | 'start-stop' | 'declaratie' | 'verzoek' | 'retour' | 'algemeen';

/** Whose software the rule judges: G = municipality (gemeente), A = provider (aanbieder). */
export type Certifies = 'G' | 'A';

export interface CatalogueRule {
  id: string;
  scope: 'national' | RegionId;
  text: string;
  certifies: Certifies[];
  /** Message codes the rule is checked on, e.g. ['JW307', 'JW308']. */
  messages: string[];
  /** The clause, e.g. "004 §2.4.2 lid 2"; national rules may cite several seeds. */
  source: string;
  /** File name of the (first) seed cited, or 'iJw 3.2' for the national standard. */
  sourceDocument: string;
  flow: Flow;
}

function rule(id: string, scope: CatalogueRule['scope'], flow: Flow, certifies: Certifies[], messages: string[], source: string, sourceDocument: string, text: string): CatalogueRule {
  return { id, scope, text, certifies, messages, source, sourceDocument, flow };
}

export const catalogue: readonly CatalogueRule[] = Object.freeze([
  rule("IJW-STOP-1", "national", "start-stop", ["G"], ["JW307", "JW308"], "004 §2.4.2 lid 2; 001 \"307 kan alleen…\"; 000", "004_851268eb17787ddc.txt", "A stop (JW307) for a toewijzing without a current start (JW305) is rejected; the JW308 carries retourcode 9069 (TR382) on that StopProduct"),
  rule("IJW-START-1", "national", "start-stop", ["G"], ["JW305", "JW306"], "004 §3.1.2", "004_851268eb17787ddc.txt", "At most one current start per toewijzing: a second JW305 while a start is current (no stop after it) is rejected with 9326 (TR326)"),
  rule("IJW-START-2", "national", "start-stop", ["A", "G"], ["JW305", "JW306"], "004 §3.1.2", "004_851268eb17787ddc.txt", "A start is corrected by resending it with StatusAanlevering \"verwijderen\" and then sending a new start; deleting what was never sent gets 9063 (TR063), deleting a start that already has a stop gets 9071"),
  rule("IJW-STOP-2", "national", "start-stop", ["A", "G"], ["JW305", "JW307"], "004 §3.1.1, §3.1.2", "004_851268eb17787ddc.txt", "Temporary stop: JW307 with reden 20, later a new JW305, later a final JW307; two stops in a row (temporary then final) are accepted; a second temporary stop on the same key gets 9413, a later stop with an earlier end date 9414, a new stop after a definitive one 9415"),
  rule("IJW-STOP-3", "national", "start-stop", ["A", "G"], ["JW307", "JW308"], "004 §3.1.2", "004_851268eb17787ddc.txt", "A wrongly sent stop is withdrawn with StatusAanlevering \"verwijderen\" while the toewijzing has not ended"),
  rule("IJW-RET-1", "national", "retour", ["A", "G"], ["JW301", "JW302", "JW305", "JW306", "JW307", "JW308", "JW315", "JW316", "JW317", "JW318", "JW319", "JW320", "JW323", "JW325"], "004 §2.2, Bijlage 3", "004_851268eb17787ddc.txt", "Every received 301, 305, 307, 315, 317, 319 gets a technical retour (302, 306, 308, 316, 318, 320) that copies Afzender/Ontvanger and refers to the original's identification; a fully accepted message gets a retour with only the Header (see reference/FLOWS.md)"),
  rule("IJW-RET-2", "national", "retour", ["G", "A"], ["JW301", "JW302", "JW305", "JW306", "JW307", "JW308", "JW315", "JW316", "JW317", "JW318", "JW319", "JW320", "JW323", "JW325"], "004 §2.2", "004_851268eb17787ddc.txt", "A message that breaks the XSD or a technical rule is rejected as a whole (XSD error: an error to the sender, no retour; in-message rule: Header-only retour with 0001), and nothing from it is processed"),
  rule("IJW-VOT-1", "national", "verzoek", ["A", "G"], ["JW301", "JW302", "JW315", "JW316"], "004 Bijlage 5", "004_851268eb17787ddc.txt", "VOT happy flow: 315 → 316, then 301 → 302"),
  rule("IJW-VOT-2", "national", "verzoek", ["G"], ["JW319", "JW320"], "004 Bijlage 5", "004_851268eb17787ddc.txt", "VOT rejected: 315 → 316, then 319 (VerzoekAntwoord 1, with reden) → 320"),
  rule("IJW-VOT-3", "national", "verzoek", ["G"], ["JW301", "JW319"], "004 §2.3.2.2", "004_851268eb17787ddc.txt", "VOT under investigation: 319 with VerzoekAntwoord 2, then within 8 weeks of the request either 301 or 319 (1)"),
  rule("IJW-VOT-4", "national", "verzoek", ["A", "G"], ["JW315"], "004 §2.3.2.1", "004_851268eb17787ddc.txt", "Referrer fields: type verwijzer 02–05 with ZorgverlenerCode ⇒ no NaamVerwijzer (CD066); 02–05 without ZorgverlenerCode ⇒ NaamVerwijzer filled (CD067); other types ⇒ no ZorgverlenerCode (CD068)"),
  rule("IJW-STAP-1", "national", "toewijzing", ["G"], ["JW301", "JW315", "JW317"], "004 §2.3.2.2, Bijlage 2", "004_851268eb17787ddc.txt", "Stacking: the same product code at the same provider for an overlapping period is refused; corrected toewijzingen (einddatum = ingangsdatum, RedenWijziging 01) do not count"),
  rule("IJW-INTREK-1", "national", "toewijzing", ["G", "A"], ["JW301", "JW302"], "004 §3.2.1, §3.2.2", "004_851268eb17787ddc.txt", "Withdrawing a toewijzing = resending it with einddatum = ingangsdatum and a RedenWijziging; shortening = an earlier einddatum"),
  rule("IJW-DECL-1", "national", "declaratie", ["G"], ["JW323", "JW325"], "004 §2.7.2", "004_851268eb17787ddc.txt", "A declaration line is approved or rejected as a whole (100%); the 325 reports ingediend and toegekend totals and each rejected line with its retourcode; a fully approved declaration gets 8001"),
  rule("IJW-DECL-2", "national", "declaratie", ["G", "A"], ["JW323", "JW325"], "003; 002 §8; 004 §2.7.1", "003_444f632912c4daad.txt", "Declared product and period must fall within a valid toewijzing for that client, product and provider; otherwise the line is rejected (9338 no toewijzing, 9307/9308 period, 9339/9340/9341 category/code/unit, 9321/9322 volume)"),
  rule("IJW-DECL-3", "national", "declaratie", ["A", "G"], ["JW323"], "004 §2.7.1 lid 2; 001", "004_851268eb17787ddc.txt", "Declare in the unit of the toewijzing (hours allocated may be declared in minutes)"),
  rule("IJW-DECL-4", "national", "declaratie", ["A", "G"], ["JW323"], "004 §2.7.3; 003 Werkafspraak 2", "004_851268eb17787ddc.txt", "Correction of an approved line: a credit line with the same content, a new ReferentieNummer and VorigReferentieNummer = the approved line's, plus the corrected debit line in the same message; credit before debit for a client (8017 credit without approved debit, 9390 credited twice, 9389 new debit before credit)"),
  rule("IJW-DECL-5", "national", "declaratie", ["A"], ["JW323"], "004 §2.7.3; 000", "004_851268eb17787ddc.txt", "Rejected lines are not credited; the corrected line is sent in the same or next period"),
  rule("IJW-DECL-6", "national", "declaratie", ["A", "G"], ["JW323"], "004 §2.7.1 lid 6; 000", "004_851268eb17787ddc.txt", "Each declaration message has a DeclaratieNummer unique per provider (9333)"),
  rule("IJW-DECL-7", "national", "declaratie", ["A", "G"], ["JW323"], "004 Bijlage 2; 003", "004_851268eb17787ddc.txt", "Monthly declaration periods run from the first to the last day of a calendar month"),
  rule("ALK-TERM-1", "alkmaar", "retour", ["G", "A"], ["JW301", "JW302", "JW306", "JW308", "JW315", "JW316", "JW317", "JW318", "JW319", "JW320", "JW325"], "004 §2.3, §2.4, §2.7.2, Bijlage 3", "004_851268eb17787ddc.txt", "Response deadlines: 302, 306, 308, 316, 318, 320 within 3 werkdagen; 301 or 319 within 5 werkdagen of the 315/317; 325 within 10 werkdagen"),
  rule("ALK-START-1", "alkmaar", "start-stop", ["A"], ["JW301", "JW305"], "004 §2.4.1", "004_851268eb17787ddc.txt", "JW305 within 5 werkdagen of the actual start; if allocated retroactively, within 5 werkdagen of receiving the 301"),
  rule("ALK-STOP-1", "alkmaar", "start-stop", ["A"], ["JW307"], "004 §2.4.2", "004_851268eb17787ddc.txt", "JW307 within 5 werkdagen after care ended, with reden beëindiging, also when ending on the planned einddatum"),
  rule("ALK-T1", "alkmaar", "toewijzing", ["G", "A"], ["JW301", "JW315", "JW317"], "004 T-1", "004_851268eb17787ddc.txt", "Specific allocation only: every 301, 315, 317 has a product code"),
  rule("ALK-T2", "alkmaar", "toewijzing", ["G", "A"], ["JW301", "JW315", "JW317"], "004 T-2, T-4", "004_851268eb17787ddc.txt", "Toewijzingseinddatum and Volume are always filled in 315, 317, 301"),
  rule("ALK-T7", "alkmaar", "toewijzing", ["G"], ["JW301", "JW305"], "004 T-7", "004_851268eb17787ddc.txt", "A toewijzing not started within 12 months of its ingangsdatum is withdrawn"),
  rule("ALK-V1", "alkmaar", "verzoek", ["G", "A"], ["JW315"], "004 V-1", "004_851268eb17787ddc.txt", "A VOT may be retroactive by at most 1 month (Dagtekening minus requested ingangsdatum)"),
  rule("ALK-V2", "alkmaar", "verzoek", ["G", "A"], ["JW315"], "004 V-2", "004_851268eb17787ddc.txt", "No VOT on a municipal referral (verwijzer 01) or a non-statutory referrer"),
  rule("ALK-R3", "alkmaar", "start-stop", ["A"], ["JW305", "JW307"], "004 R-3, §3.1.1", "004_851268eb17787ddc.txt", "Care not delivered for two or more consecutive months must be reported as a temporary stop (reden 20)"),
  rule("ALK-D1", "alkmaar", "declaratie", ["A"], ["JW323"], "004 §2.7.1 lid 1, 5", "004_851268eb17787ddc.txt", "Monthly declaration via 323, due by the last day of the following month; batches per month per municipality"),
  rule("ALK-D2", "alkmaar", "declaratie", ["A", "G"], ["JW323"], "004 §2.7.1 lid 3", "004_851268eb17787ddc.txt", "Hours rounding: remaining minutes < 30 round down, ≥ 30 round up, minimum 1 hour"),
  rule("ALK-D3", "alkmaar", "declaratie", ["A", "G"], ["JW323"], "004 §2.7.1 lid 10", "004_851268eb17787ddc.txt", "Broken period (IV078): in a partial week or month the provider may declare up to the full allocated volume for that week or month"),
  rule("ALK-D4", "alkmaar", "declaratie", ["A"], ["JW323"], "004 D-6, §2.6", "004_851268eb17787ddc.txt", "Absence (planned or no-show) is not declarable"),
  rule("ALK-D5", "alkmaar", "declaratie", ["A"], ["JW323"], "004 §2.7.3 lid 2", "004_851268eb17787ddc.txt", "Corrections of approved lines within 2 months of approval"),
  rule("ALK-VOW-1", "alkmaar", "verzoek", ["G", "A"], ["JW317"], "004 §3.1, §3.1.8", "004_851268eb17787ddc.txt", "A 317 holds the complete desired situation (unchanged, changed and new products) with ingangsdatum in the future; it is judged as a whole"),
  rule("ALK-VOW-2", "alkmaar", "toewijzing", ["G"], ["JW301", "JW317"], "004 §3.2, §3.2.3", "004_851268eb17787ddc.txt", "Extension is done with a new toewijzing, not by changing the einddatum; volume changes likewise"),
  rule("ALK-STOP-2", "alkmaar", "start-stop", ["G"], ["JW301"], "004 §3.1.3", "004_851268eb17787ddc.txt", "After a definitive early stop the municipality sends a 301 with an adjusted einddatum"),
  rule("ALK-CODES", "alkmaar", "algemeen", ["G", "A"], ["JW301", "JW302", "JW305", "JW306", "JW307", "JW308", "JW315", "JW316", "JW317", "JW318", "JW319", "JW320", "JW323", "JW325"], "004 Bijlage 1", "004_851268eb17787ddc.txt", "The region's municipalities: Alkmaar, Dijk en Waard, Bergen (0373), Castricum (0383), Heiloo (0399), Uitgeest (0450). The seed's table lost the codes of Alkmaar and Dijk en Waard; the CBS list gives 0361 and 1980"),
  rule("AMS-INT-1", "amsterdam", "declaratie", ["A", "G"], ["JW305", "JW323", "JW325"], "003 \"Wat mag u wanneer declareren\"", "003_444f632912c4daad.txt", "Intensief & Perspectief: after JW305, claim 70% of the contracted tariff"),
  rule("AMS-INT-2", "amsterdam", "declaratie", ["A", "G"], ["JW307", "JW323", "JW325"], "003 idem", "003_444f632912c4daad.txt", "Intensief & Perspectief: after JW307 with reden 31 (volgens plan), claim the remaining 30%"),
  rule("AMS-INT-3", "amsterdam", "declaratie", ["A", "G"], ["JW307", "JW323", "JW325"], "003 idem", "003_444f632912c4daad.txt", "Intensief & Perspectief: after JW307 with any other reden, no further claim"),
  rule("AMS-INT-4", "amsterdam", "declaratie", ["G"], ["JW305", "JW307", "JW325"], "003 \"Hiervoor dienen wel…\"", "003_444f632912c4daad.txt", "A 70% or 30% claim without the matching 305 / 307 is rejected"),
  rule("AMS-INT-5", "amsterdam", "declaratie", ["A", "G"], ["JW323"], "003 table \"Intensief en Perspectief\"", "003_444f632912c4daad.txt", "Claims in eenheid 83 (euro); volume and amount in eurocents"),
  rule("AMS-DUUR-1", "amsterdam", "declaratie", ["A", "G"], ["JW307", "JW323", "JW325"], "003 tables", "003_444f632912c4daad.txt", "Duurzaam and Verblijf: per month 1/12 of the yearly tariff, eenheid 82 (stuks), volume 1, including the last month whatever the stop reason"),
  rule("AMS-KV-1", "amsterdam", "declaratie", ["A", "G"], ["JW323", "JW325"], "003 tables", "003_444f632912c4daad.txt", "Kortdurend verblijf: etmalen per month × contracted tariff"),
  rule("AMS-DYS-1", "amsterdam", "declaratie", ["A", "G"], ["JW305", "JW307", "JW323", "JW325"], "003 table", "003_444f632912c4daad.txt", "Dyslexie diagnostiek: 100% after JW305, nothing after the stop"),
  rule("AMS-BEH-1", "amsterdam", "declaratie", ["A", "G"], ["JW305", "JW307", "JW323", "JW325"], "003 table", "003_444f632912c4daad.txt", "Behandeling: 70% after JW305, 30% after JW307 reden 31, nothing after other redenen"),
  rule("AMS-PER-1", "amsterdam", "declaratie", ["A", "G"], ["JW305", "JW307", "JW323"], "003 \"Product periode\"", "003_444f632912c4daad.txt", "ProductPeriode begins on or after the start date and ends on or before the stop date, within the declaratieperiode"),
  rule("AMS-TERM-1", "amsterdam", "declaratie", ["G"], ["JW323", "JW325"], "003 Werkafspraak 1", "003_444f632912c4daad.txt", "The declaration answer comes within 10 werkdagen"),
  rule("AMS-CRED-1", "amsterdam", "declaratie", ["A"], ["JW323"], "003 Werkafspraak 2", "003_444f632912c4daad.txt", "Within one file, a client's credit line comes before the debit line"),
  rule("RIJ-PROD-1", "rijnmond", "toewijzing", ["G", "A"], ["JW301", "JW315"], "001 Codes", "001_f23cacf840279e7e.txt", "Arrangement product codes (44A03, 43A01, 43A06, 43B16, 43B13, 44A01, 44A13, 44A14, 41A02, 45A02, 46A00, 50A00) are allocated in eenheid 83 (euro) per week (frequentie 2); 45A48 (laagfrequente medicatie) in eenheid 82 (stuks), frequentie 6"),
  rule("RIJ-PROD-2", "rijnmond", "declaratie", ["A", "G"], ["JW301", "JW323", "JW325"], "001 Codes", "001_f23cacf840279e7e.txt", "Declare in the unit of the 301"),
  rule("RIJ-VOT-1", "rijnmond", "verzoek", ["A"], ["JW315"], "001 JW 315", "001_f23cacf840279e7e.txt", "Only single-problem (enkelvoudig) cases go through a 315, sent within 10 werkdagen after the intake, by the main contractor only"),
  rule("RIJ-TERM-1", "rijnmond", "retour", ["G", "A"], ["JW301", "JW302", "JW306", "JW308", "JW315"], "001 JW 301–308", "001_f23cacf840279e7e.txt", "301 within 10 werkdagen of the 315 (20 when parental authority must be checked); 302 within 5 werkdagen; 306 and 308 within 5 werkdagen"),
  rule("RIJ-START-1", "rijnmond", "start-stop", ["A"], ["JW301", "JW305"], "001 JW 305", "001_f23cacf840279e7e.txt", "Care starts within 10 werkdagen of the 301 begindatum (counted from the 301's send date if that is later); JW305 within 5 werkdagen of the start"),
  rule("RIJ-ABS-1", "rijnmond", "start-stop", ["A", "G"], ["JW301", "JW305", "JW307"], "001 Afwezigheid", "001_f23cacf840279e7e.txt", "More than four weeks without care ⇒ temporary stop (307); resumption within 8 weeks with a 305; after 8 weeks the toewijzing lapses"),
  rule("RIJ-LFM-1", "rijnmond", "toewijzing", ["G"], ["JW301", "JW315"], "001 Laagfrequente medicatie", "001_f23cacf840279e7e.txt", "Laagfrequente medicatie (45A48) only after an arrangement B, D or E has ended"),
  rule("RIJ-DF-1", "rijnmond", "declaratie", ["G", "A"], ["JW323", "JW325"], "001 JW 303 table", "001_f23cacf840279e7e.txt", "Declaration (D) or invoice (F) route per municipality: Hellevoetsluis, Rotterdam, Westvoorne D; the other twelve F (codes in the table)"),
  rule("RIJ-DECL-1", "rijnmond", "declaratie", ["G"], ["JW305", "JW307", "JW323", "JW325"], "001 JW 303", "001_f23cacf840279e7e.txt", "305 and 307 are mandatory; the municipality may use them to fix the declarable period"),
  rule("FRL-MSG-1", "fryslan", "algemeen", ["G", "A"], ["JW301", "JW302", "JW305", "JW306", "JW307", "JW308", "JW315", "JW316", "JW317", "JW318", "JW319", "JW320", "JW323", "JW325"], "002 §3", "002_faae22c90523055e.txt", "Message set 315/316, 317/318, 319/320, 301/302, 305/306, 307/308, 323/325, senders as in the table"),
  rule("FRL-ROUTE-1", "fryslan", "declaratie", ["G", "A"], ["JW323", "JW325"], "002 §3.1", "002_faae22c90523055e.txt", "Declarations for 0080, 0060, 0088, 1891, 1970 are processed by Leeuwarden; the other 13 municipalities process their own"),
  rule("FRL-VOT-1", "fryslan", "verzoek", ["G"], ["JW301", "JW316", "JW319"], "002 §3.2", "002_faae22c90523055e.txt", "316 within 3 werkdagen; 301 or 319 within 5 werkdagen; after a 319 \"in onderzoek\" a final 319 or 301 within 2 weeks"),
  rule("FRL-VOT-2", "fryslan", "verzoek", ["G", "A"], ["JW315", "JW319"], "002 §3.2 lid 6", "002_faae22c90523055e.txt", "Requested start may not be more than 4 weeks before the request date"),
  rule("FRL-VOT-3", "fryslan", "verzoek", ["G", "A"], ["JW301", "JW315"], "002 §4", "002_faae22c90523055e.txt", "Allowed referrers 01, 04, 08; with 04 the referrer's name and organisation are required"),
  rule("FRL-VOT-4", "fryslan", "verzoek", ["A"], ["JW301", "JW315"], "002 §4.1", "002_faae22c90523055e.txt", "Municipal access (verwijzer 01 via gebiedsteam) gets a 301 directly; the provider sends no 315"),
  rule("FRL-VOT-5", "fryslan", "verzoek", ["G", "A"], ["JW301", "JW315"], "002 §2, §3.2 lid 8", "002_faae22c90523055e.txt", "The location code goes in the 315's product commentary and comes back in the 301's commentary; it must match the product"),
  rule("FRL-TOEW-1", "fryslan", "toewijzing", ["G"], ["JW301"], "002 §5.1", "002_faae22c90523055e.txt", "Every toewijzing ends at ingangsdatum + 2 years"),
  rule("FRL-VOW-1", "fryslan", "verzoek", ["G", "A"], ["JW301", "JW315", "JW317", "JW319"], "002 §5.3", "002_faae22c90523055e.txt", "A 317 may extend a toewijzing only for an external referrer, same volume, location and frequency, and not retroactively (once the einddatum has passed a new 315 is needed); the toewijzing is changed, no new toewijzingsnummer"),
  rule("FRL-STAP-1", "fryslan", "toewijzing", ["G"], ["JW301", "JW315"], "002 §5.4", "002_faae22c90523055e.txt", "These products cannot be stacked with any other youth care"),
  rule("FRL-PROD-1", "fryslan", "toewijzing", ["G", "A"], ["JW301", "JW315", "JW317", "JW323"], "002 §6", "002_faae22c90523055e.txt", "43A12, 43A70, 43A71: eenheid 14 (etmaal), frequentie 2 (week)"),
  rule("FRL-START-1", "fryslan", "start-stop", ["A", "G"], ["JW301", "JW305", "JW306"], "002 §7.1", "002_faae22c90523055e.txt", "Care starts within 3 weeks of the 301 ingangsdatum; 305 within 5 werkdagen of the start; 306 within 3 werkdagen"),
  rule("FRL-STOP-1", "fryslan", "start-stop", ["A", "G"], ["JW301", "JW307", "JW308"], "002 §7.2", "002_faae22c90523055e.txt", "307 within 5 werkdagen with a reden from the national list; 308 within 5 werkdagen; after the stop the municipality ends the toewijzing with a 301"),
  rule("FRL-DECL-1", "fryslan", "declaratie", ["A", "G"], ["JW305", "JW307", "JW323", "JW325"], "002 §8.1", "002_faae22c90523055e.txt", "323 per month: eenheid 14, GeleverdVolume = etmalen, ProductTarief = etmaalprijs, amount = volume × tarief; ProductPeriode from max(month start, start date) to min(month end, stop date)"),
  rule("FRL-DECL-2", "fryslan", "declaratie", ["G"], ["JW301", "JW323", "JW325"], "002 §8", "002_faae22c90523055e.txt", "No payment without a valid toewijzing"),
  rule("FRL-DECL-3", "fryslan", "declaratie", ["G"], ["JW323", "JW325"], "002 §8.4", "002_faae22c90523055e.txt", "325 within 10 werkdagen; all correct lines are approved"),
  rule("FRL-DECL-4", "fryslan", "declaratie", ["G"], ["JW307", "JW323", "JW325"], "002 §8.7", "002_faae22c90523055e.txt", "Declarations more than one year after the 307 are rejected"),
  rule("UTR-MSG-1", "utrecht", "algemeen", ["G", "A"], ["JW301", "JW302", "JW305", "JW306", "JW307", "JW308", "JW315", "JW316", "JW323", "JW325"], "000 message table", "000_adbb5a33ba09fdd8.txt", "Message set 301/302, 305/306, 307/308, 315/316 and the declaration (323/325 in iJw 3.x)"),
  rule("UTR-VOT-1", "utrecht", "verzoek", ["G"], ["JW301", "JW315", "JW319"], "000 Toegang", "000_adbb5a33ba09fdd8.txt", "After an approved 315 the 301 comes within 5 werkdagen with a unique beschikkings- and toewijzingsnummer; a request that cannot be processed is handled outside the messages (no 319)"),
  rule("UTR-START-1", "utrecht", "start-stop", ["A"], ["JW305", "JW306"], "000 start/stop", "000_adbb5a33ba09fdd8.txt", "305 within 5 werkdagen after the actual start; intake or orientation does not count as start"),
  rule("UTR-STOP-1", "utrecht", "start-stop", ["A"], ["JW305", "JW307", "JW308"], "000 start/stop", "000_adbb5a33ba09fdd8.txt", "307 within 5 werkdagen after the actual end, with the actual end date and reden; every 305 is followed by a 307"),
  rule("UTR-DECL-1", "utrecht", "declaratie", ["A", "G"], ["JW323"], "000 declaratie", "000_adbb5a33ba09fdd8.txt", "Monthly declaration per client per product for the month of care, with the product codes, unit and tariffs of that year; unique invoice number"),
  rule("UTR-DECL-2", "utrecht", "declaratie", ["G"], ["JW323", "JW325"], "000 declaratie", "000_adbb5a33ba09fdd8.txt", "The answer reports approval or rejection per line with a retourcode; rejected lines need not be credited"),
]);

const byId = new Map(catalogue.map((r) => [r.id, r]));

/** The rules a region applies: the national ones plus its own. */
export function rulesForRegion(region: RegionId): CatalogueRule[] {
  return catalogue.filter((r) => r.scope === 'national' || r.scope === region);
}

/** The rule with this id, or undefined. */
export function findRule(id: string): CatalogueRule | undefined {
  return byId.get(id);
}
