/**
 * Fryslân, 18 Frisian municipalities: administratieprotocol Jeugdhulp Plus / Open3Milieu,
 * version 1.1, iJw 3.2 (seed 002). Etmaal products allocated for two years; Leeuwarden processes
 * the declarations of five municipalities. Section 10 (tariffs) has no figures: example tariffs.
 */
import { product } from './product.ts';
import type { Municipality, RegionProfile } from './types.ts';

const src = (section: string) => `002 ${section}`;

const LEEUWARDEN = '0080';
const byLeeuwarden = (code: string, name: string): Municipality => ({ code, name, processedBy: LEEUWARDEN, source: src('§3.1') });
const own = (code: string, name: string): Municipality => ({ code, name, processedBy: code, source: src('§3.1') });

const etmaalTariff = (cents: number) => ({
  cents, per: 'etmaal', example: true, source: src('§8.1, §10'),
  note: 'An integral etmaalprijs is contracted (§8.1), but §10 lists no figures; example.',
});

export const fryslan: RegionProfile = {
  id: 'fryslan',
  name: 'Fryslân (Jeugdhulp Plus / Open3Milieu)',
  seed: '002_faae22c90523055e.txt',
  protocol: { version: { value: '1.1', source: '002 title page "Versie 1.1"' }, date: { value: '2024-01-01', source: '002 version table "Geldig per datum 01-01-2024"' } },
  municipalities: [
    byLeeuwarden('0080', 'Leeuwarden'),
    byLeeuwarden('0060', 'Ameland'),
    byLeeuwarden('0088', 'Schiermonnikoog'),
    byLeeuwarden('1891', 'Dantumadiel'),
    byLeeuwarden('1970', 'Noardeast-Fryslân'),
    own('0059', 'Achtkarspelen'),
    own('0074', 'Heerenveen'),
    own('0085', 'Ooststellingwerf'),
    own('0086', 'Opsterland'),
    own('0072', 'Harlingen'),
    own('0090', 'Smallingerland'),
    own('0093', 'Terschelling'),
    own('0096', 'Vlieland'),
    own('0098', 'Weststellingwerf'),
    own('0737', 'Tytsjerksteradiel'),
    own('1900', 'Súdwest-Fryslân'),
    own('1940', 'De Fryske Marren'),
    own('1949', 'Waadhoeke'),
  ],
  messages: {
    value: ['JW301', 'JW302', 'JW305', 'JW306', 'JW307', 'JW308', 'JW315', 'JW316', 'JW317', 'JW318', 'JW319', 'JW320', 'JW323', 'JW325'],
    source: src('§3'),
  },
  deadlines: {
    retour: { value: 3, source: src('§3.2 lid 1 (316), §7.1 (306)'), note: 'The seed sets none for the 302, 318 and 320; national 3 werkdagen.' },
    verzoekRetour: { value: 3, source: src('§3.2 lid 1') },
    startRetour: { value: 3, source: src('§7.1') },
    stopRetour: { value: 5, source: src('§7.2'), note: 'The seed gives the 308 5 werkdagen; the national 3 werkdagen (OP090) also apply, so the scenarios demand 3 (FRL-STOP-1).' },
    answerRequest: { value: 5, source: src('§3.2') },
    inOnderzoekWeeks: { value: 2, source: src('§3.2'), note: 'After the 319 "in onderzoek" the final 319 or 301 within 2 weeks (national: 8 weeks).' },
    start: { value: 5, source: src('§7.1') },
    stop: { value: 5, source: src('§7.2'), note: 'Counted from when it is clear that care has stopped.' },
    declarationAnswer: { value: 10, source: src('§8.4') },
  },
  products: [
    product({
      code: '43A12', category: '43', name: 'Jeugdhulp plus', eenheid: '14', frequentie: '2',
      declarationRule: { kind: 'etmalen' }, tariff: etmaalTariff(60000), defaultVolume: 7, example: false,
      source: src('§6, §8.1'), note: 'Uitvoeringsvariant inspanningsgericht; category = first two digits of the code (not stated in the seed).',
    }),
    product({
      code: '43A70', category: '43', name: 'Open3Milieu KWV 4', eenheid: '14', frequentie: '2',
      declarationRule: { kind: 'etmalen' }, tariff: etmaalTariff(45000), defaultVolume: 7, example: false,
      source: src('§6, §8.1'), note: 'Category = first two digits of the code (not stated in the seed).',
    }),
    product({
      code: '43A71', category: '43', name: 'Open3Milieu KWV 6', eenheid: '14', frequentie: '2',
      declarationRule: { kind: 'etmalen' }, tariff: etmaalTariff(50000), defaultVolume: 7, example: false,
      source: src('§6, §8.1'), note: 'Category = first two digits of the code (not stated in the seed).',
    }),
  ],
  allocation: {
    referrersAllowed: { value: ['01', '04', '08'], source: src('§4'), rule: 'FRL-VOT-3', note: 'With 04 the referrer\'s name and organisation are required.' },
    requestReferrers: { value: ['04', '08'], source: src('§3.2 lid 3, §4, §4.1, §4.3'), rule: 'FRL-VOT-4', note: 'Municipal access (01, gebiedsteam) gets a 301 directly without a 315; a GI placement goes through a 315. §3.2 checks the referrer of a 315 against the §4 list, so 08 may send one too; §4 does not describe its route.' },
    specificOnly: { value: true, source: src('§8.1 (specifiek inspanningsgericht)') },
    retroactiveLimit: { value: { weeks: 4 }, source: src('§3.2 lid 6'), rule: 'FRL-VOT-2', note: 'Requested start at most 4 weeks before the request date.' },
    toewijzingDuration: { value: { years: 2 }, source: src('§5.1'), note: 'Einddatum = ingangsdatum + 2 years.' },
    stackingAllowed: { value: false, source: src('§5.4') },
    combinableWithOtherCare: { value: false, source: src('§5.4'), rule: 'FRL-STAP-1', note: 'A running toewijzing for another type of care is ended in consultation.' },
    locationCodeInCommentary: { value: true, source: src('§2, §3.2 lid 8'), rule: 'FRL-VOT-5', note: 'The location code must match the product.' },
    referrerNameAndOrganisation: { value: ['04'], source: src('§4'), rule: 'FRL-VOT-3', note: 'A GI referral names the referrer and the organisation in the Verwijzer\'s Naam (CD066: no ZorgverlenerCode next to it).' },
    woonplaatsbeginsel: { value: true, source: src('§3.2 lid 2'), rule: 'FRL-VOT-6', note: 'The rejection itself follows IJW-VOT-7 (reden 8, class Woonplaatsbeginsel).' },
    vowExtension: { value: { externalReferrerOnly: true, sameOmvang: true, beforeEinddatum: true }, source: src('§5.3'), rule: 'FRL-VOW-1', note: 'Gebiedsteam referral: a 301 with the new einddatum; external referrer: a 317 with the same volume and frequency, not after the einddatum.' },
    extension: { value: 'change-einddatum', source: src('§5.3'), note: 'Gebiedsteam referral: a 301 with the new einddatum; external referrer: a 317 with the same volume, location and frequency, not retroactively; no new toewijzingsnummer.' },
  },
  startStop: {
    careStartWithinWeeks: { value: 3, source: src('§7.1'), note: 'Counted from the 301 ingangsdatum. Not tested (FRL-START-1): the start is the provider\'s act, and the seed names no consequence of a late one.' },
    endToewijzingAfterStop: { value: true, source: src('§7.2'), note: 'After a definitive stop the municipality ends the toewijzing with a 301; after a temporary stop (reden 20) it sends none (IJW-STOP-4).' },
    stopRequired: { value: true, source: src('§7.2') },
  },
  declaration: {
    period: { value: 'month', source: src('§8, §8.1') },
    maxMonthsAfterStop: { value: 12, source: src('§8.7'), rule: 'FRL-DECL-4', note: 'One year after the 307 was sent.' },
    periodFromStartStop: { value: 'none', source: `${src('§8.1')}; TR387, TR388`, note: 'The seed bounds the ProductPeriode by the start and stop of care; TR387/TR388 bound it by the toewijzing only, and win (FRL-DECL-1, nationalWins).' },
  },
  open: [
    { topic: 'tariffs', open: '§10 announces the tariffs (incl. VAT, from 1 January 2024) but the extracted text has no figures; the etmaalprijzen here are examples.', source: src('§10') },
    { topic: 'referrer 08', open: 'Referrer 08 is allowed (§4) but §4.1–4.3 describe only the gebiedsteam (301 directly) and GI (315) routes.', source: src('§4') },
    { topic: 'other referrers', open: 'A 315 with another referrer (e.g. huisarts) leads to consultation between municipality and referrer rather than a rejection rule.', source: src('§4.2') },
    { topic: 'absence', open: 'On return home regular financing continues for at most 3 months, extendable by 3 at the municipality\'s discretion; how that shows in the 323 is not specified.', source: src('§8.3') },
    { topic: 'retour deadlines', open: 'No deadline for the 302, 318 and 320 (national 3 werkdagen); §7.2 gives the 308 5 werkdagen, but the national 3 werkdagen (OP090) also apply, so it is due within 3 (FRL-STOP-1).', source: src('§7.2') },
    { topic: 'start within 3 weeks', open: '§7.1 obliges care to start within 3 weeks of the ingangsdatum but names no consequence in any message; the limit is not tested (FRL-START-1): the scenarios check that the provider reports the actual start itself (start-care without a begindatum).', source: src('§7.1') },
    { topic: 'location codes', open: '§2 gives every location and woonvorm a code, but the codes are not in the seed; the harness registers the example codes it uses with the municipality (action register-location). A JW317 has no commentary, so "de locatie blijft gelijk" (§5.3) cannot be broken in one: the location is checked on the Commentaar of the JW301 that honours the extension (FRL-VOW-1).', source: src('§2, §5.3') },
    { topic: 'extension after the einddatum', open: '§5.3 asks a new JW315 once the einddatum has passed; a JW317 on such a toewijzing is refused nationally with 9351 in the JW318 (TR351: no current toewijzing), so no JW319 follows.', source: src('§5.3') },
    { topic: 'product category', open: 'The product table gives codes, units and frequencies but no JZ020 category; the profile takes the first two digits of the code (43).', source: src('§6') },
  ],
  nationalWins: [
    {
      rule: 'FRL-DECL-1',
      national: ['TR387', 'TR388'],
      seedText: 'ProductPeriode Begindatum: Begin van de maand of datum start-zorg als dat later is; ProductPeriode Einddatum: Eind van de maand of datum stop-zorg als dat eerder is',
      source: src('§8.1'),
      why: 'TR387/TR388 are binding technical rules: the ProductPeriode is the calendar month, bounded only by the toewijzing\'s Ingangsdatum and Einddatum, not by the start or stop of care (IV089). A period bounded by the start or stop of care gets 9387/9388.',
    },
    {
      rule: 'FRL-STOP-1',
      national: ['OP090'],
      seedText: 'De gemeente zal dit bericht technisch controleren en op basis daarvan binnen 5 werkdagen een retourbericht JW308 versturen.',
      source: src('§7.2'),
      why: 'OP090 gives every technical retour 3 werkdagen; the shorter national limit applies, so the JW308 is due within 3 werkdagen.',
    },
    {
      rule: 'FRL-VOT-3',
      national: ['CD066'],
      seedText: 'Bij de waarden 04 moet ook de naam en organisatienaam van de persoon of instantie die een jeugdige en/of gezin heeft doorverwezen aan gegeven te worden in het bericht.',
      source: src('§4'),
      why: 'CD066 forbids a Verwijzer Naam next to a ZorgverlenerCode for referrer types 02–05, so with 04 the name and organisation go in Naam and the ZorgverlenerCode stays empty (a JW315 with both: 0001).',
    },
  ],
};
