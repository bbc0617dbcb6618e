/**
 * Regio Alkmaar: Standaard administratieprotocol (SAP) inspanningsgericht, iJw 3.x, basis for the
 * 2023 youth-care contracts (seed 004). Local agreements are the C-, D-, R-, T-, V- numbers of
 * chapter 4. The seed has no product catalogue: the products below are examples.
 */
import { product } from './product.ts';
import type { RegionProfile } from './types.ts';

const src = (section: string) => `004 ${section}`;

const hourTariff = { cents: 9000, per: 'uur', example: true, source: src('§2.7.1 lid 2, D-2'), note: 'The seed gives no tariffs (they are set yearly, D-2); €90.00 per hour is an example (a whole number of cents per minute).' };

export const alkmaar: RegionProfile = {
  id: 'alkmaar',
  name: 'Regio Alkmaar',
  seed: '004_851268eb17787ddc.txt',
  protocol: { version: { value: '2.1 (basisversie inkoop 2023, on SAP inspanningsgericht 3.0.4)', source: '004 page footer "BASISVERSIE INKOOP JEUGHULP AMBULANT EN VERBLIJF 2023 VERSIE 2.1"' } },
  municipalities: [
    { code: '0361', name: 'Alkmaar', source: src('Bijlage 1; CBS 2026'), note: 'The seed table lost this code (ALK-CODES); from the CBS list.' },
    { code: '1980', name: 'Dijk en Waard', source: src('Bijlage 1; CBS 2026'), note: 'The seed table lost this code (ALK-CODES); from the CBS list.' },
    { code: '0373', name: 'Bergen (NH.)', source: src('Bijlage 1') },
    { code: '0383', name: 'Castricum', source: src('Bijlage 1') },
    { code: '0399', name: 'Heiloo', source: src('Bijlage 1') },
    { code: '0450', name: 'Uitgeest', source: src('Bijlage 1') },
  ],
  messages: {
    value: ['JW301', 'JW302', 'JW305', 'JW306', 'JW307', 'JW308', 'JW315', 'JW316', 'JW317', 'JW318', 'JW319', 'JW320', 'JW323', 'JW325'],
    source: src('§2.2, §3'),
    note: 'The VOW (317/318) was not used until 31-12-2022; its use from 2023 was still to be agreed (§3).',
  },
  deadlines: {
    retour: { value: 3, source: src('§2.3.1, §2.3.2.2, §2.4.1 lid 2, §2.4.2 lid 3, Bijlage 3') },
    answerRequest: { value: 5, source: src('§2.3.2.2, Bijlage 3 (301, 319)') },
    inOnderzoekWeeks: { value: 8, source: src('§2.3.2.2, Bijlage 3'), note: 'Counted from the Dagtekening of the 315.' },
    start: { value: 5, source: src('§2.4.1 lid 1'), note: 'After a retroactive toewijzing: within 5 werkdagen of receiving the 301.' },
    stop: { value: 5, source: src('§2.4.2 lid 1'), note: 'Also when care ends on the planned einddatum.' },
    declarationAnswer: { value: 10, source: src('§2.7.2 lid 1, Bijlage 3 (325)') },
    requestAfterIntake: { value: 5, source: src('§2.3.2.1, Bijlage 3 (315)') },
  },
  products: [
    product({
      code: '45X01', category: '45', name: 'Ambulante begeleiding (example)', eenheid: '04', frequentie: '2',
      declarationRule: { kind: 'per-unit' }, tariff: hourTariff, hoursRounding: true, defaultVolume: 3, example: true,
      source: src('§2.3 (specific allocation, eenheid uur), §2.7.1 lid 2–3'),
      note: 'Example product: the seed refers to a separate product catalogue (T-6) and gives no codes.',
    }),
    product({
      code: '45X02', category: '45', name: 'Ambulante behandeling (example)', eenheid: '04', frequentie: '6',
      declarationRule: { kind: 'per-unit' }, tariff: hourTariff, hoursRounding: true, defaultVolume: 40, example: true,
      source: src('§2.3, Bijlage 6 (frequentie totaal binnen geldigheidsduur)'),
      note: 'Example product.',
    }),
    product({
      code: '45X03', category: '45', name: 'Groepsbegeleiding per bijeenkomst (example)', eenheid: '84', frequentie: '4',
      declarationRule: { kind: 'per-unit' },
      tariff: { cents: 6500, per: 'stuk', example: true, source: src('§1 (tarief per stuk), D-2'), note: 'Example tariff.' },
      defaultVolume: 4, example: true,
      source: src('§1 Inspanningsgerichte uitvoeringsvariant, Bijlage 6 (stuks inspanning)'),
      note: 'Example product.',
    }),
    product({
      code: '46X01', category: '46', name: 'Ambulante crisishulpverlening (example code)', eenheid: '04', frequentie: '2',
      declarationRule: { kind: 'per-unit' }, tariff: hourTariff, hoursRounding: true, defaultVolume: 6, example: true,
      source: src('§2.4 (crisis products)'),
      note: 'The seed names the product, not its code, unit or frequency.',
    }),
    product({
      code: '46X02', category: '46', name: 'Crisisopvang Intramuraal (Herstelgericht) (example code)', eenheid: '14', frequentie: '2',
      declarationRule: { kind: 'etmalen' },
      tariff: { cents: 32000, per: 'etmaal', example: true, source: src('D-2'), note: 'Example tariff.' },
      defaultVolume: 7, example: true,
      source: src('§2.4 (crisis products), Bijlage 6 (etmaal)'),
      note: 'The seed names the product, not its code, unit or frequency.',
    }),
  ],
  allocation: {
    vowNotRetroactive: { value: true, source: src('§3.1.8, §5.1'), rule: 'ALK-VOW-1', note: '"mag in principe niet met terugwerkende kracht Toewijzen": a VOW honoured after its desired ingangsdatum starts on the honour date (ALK-VOW-1, ALK-VOW-3).' },
    referrersAllowed: { value: ['01', '02', '03', '04', '05', '08'], source: src('§2.3.1, §2.3.2, §2.3.2.1 footnote 4, V-2'), rule: 'ALK-V2', note: 'No self-referral (06) or other non-statutory referrer.' },
    requestReferrers: { value: ['02', '03', '04', '05', '08'], source: src('§2.3.2.1, V-2'), rule: 'ALK-V2', note: 'No VOT on a municipal referral (01): the municipality allocates directly.' },
    specificOnly: { value: true, source: src('§2.3, T-1'), rule: 'ALK-T1' },
    einddatumRequired: { value: true, source: src('T-2, T-4'), rule: 'ALK-T2', note: 'Toewijzingseinddatum and Volume always filled in every AangevraagdProduct (315), ToegewezenProduct (301), NieuwProduct and TeWijzigenProduct (317); an OngewijzigdProduct carries only its ToewijzingNummer (ALK-T2).' },
    retroactiveLimit: { value: { months: 1 }, source: src('V-1'), rule: 'ALK-V1', note: 'Dagtekening of the 315 minus the requested ingangsdatum.' },
    vervalperiodeMonths: { value: 12, source: src('T-7, §2.3.1'), note: 'Withdrawn without consulting the provider.' },
    stackingAllowed: { value: false, source: src('§2.3.2.1, §2.3.2.2, T-3'), note: 'Corrected toewijzingen (einddatum = ingangsdatum) do not count.' },
    extension: { value: 'new-toewijzing', source: src('§3.2.3') },
    omvangShapes: {
      value: { '01': ['1', '2', '4', '6'], '04': ['1', '2', '4', '6'], '14': ['2', '4', '6'], '16': ['2', '4', '6'], '84': ['2', '4', '6'] },
      source: src('§2.3, §2.3.2.1, Bijlage 6'),
      rule: 'ALK-T8',
      note: 'Specific toewijzing: ProductCategorie and ProductCode filled, Budget empty, Volume filled; minuut (01) or uur (04) per dag, week, maand or totaal binnen geldigheidsduur; etmaal (14), dagdeel (16) or stuks inspanning (84) per week, maand or totaal, not per dag. The three copies of the table are OCR-damaged but agree on this reading (ALK-T8).',
    },
  },
  startStop: {
    temporaryStopAfterMonths: { value: 2, source: src('R-3 as quoted in §3.1, §3.1.1'), note: '§4.3.3 says one or more months; RULES.md (ALK-R3) follows §3.1.1. See open points.' },
    endToewijzingAfterStop: { value: true, source: src('§3.1.3'), note: 'After a definitive early stop the municipality sends a 301 with an adjusted einddatum.' },
    stopRequired: { value: true, source: src('§2.4.2 lid 1, lid 4') },
  },
  declaration: {
    period: { value: 'month', source: src('§2.7.1 lid 1') },
    dueBy: { value: 'the last day of the month following the month declared', source: src('§2.7.1 lid 1') },
    dueMonthsAfter: { value: 1, source: src('§2.7.1 lid 1') },
    batchPerMunicipality: { value: true, source: src('§2.7.1 lid 5') },
    correctionMonths: { value: 2, source: src('§2.7.3 lid 2'), note: 'Corrections of approved lines, counted from the approval.' },
    hoursRounding: { value: { roundUpFromMinutes: 30, minimumHours: 1 }, source: src('§2.7.1 lid 3, lid 9'), note: 'Summed over the month, rounded once at the end (IV079).' },
    brokenPeriodFullVolume: { value: true, source: src('§2.7.1 lid 10 (IV078)') },
    absenceDeclarable: { value: false, source: src('§2.6, D-6'), note: 'Exceptions for youth care with stay: Bijlage A.' },
    creditRejected: { value: false, source: src('§2.7.3 lid 1') },
    periodFromStartStop: { value: 'none', source: src('§2.4.3, R-2'), note: 'The start is the first declarable activity, but the seed sets no check of the ProductPeriode against the 305/307.' },
  },
  open: [
    { topic: 'municipality codes', open: 'The Bijlage 1 table is garbled: the codes of Alkmaar and Dijk en Waard are lost and the remaining codes sit next to the wrong names (0373 Alkmaar, 0383 Dijk en Waard). The profile uses the CBS codes (ALK-CODES).', source: src('Bijlage 1') },
    { topic: 'temporary stop', open: '§3.1 and §3.1.1 require a temporary stop after two or more consecutive months without care; §4.3.3 (R-3) says one or more months. The profile follows §3.1.1 as RULES.md does.', source: src('§3.1.1, §4.3.3') },
    { topic: 'products and tariffs', open: 'No product codes, units, frequencies or tariffs: they are in a separate product catalogue (T-6) and tariff list (D-2). All products here are examples.', source: src('T-6, D-2') },
    { topic: 'samenloop', open: 'Which products may not be combined is in a separate Samenloopmatrix (Bijlage B), not in the seed.', source: src('T-3, Bijlage B') },
    { topic: 'toewijzing duration', open: 'No maximum duration of a toewijzing (only that an einddatum is always filled).', source: src('T-2') },
    { topic: 'VOW', open: 'The Verzoek om Wijziging was not used until 31-12-2022; agreements on its use from 2023 were still to be made.', source: src('§3') },
    { topic: 'declaration answer', open: 'Bijlage 3 still lists the old 304 with 20 werkdagen next to the 325 with 10 werkdagen; the 325 applies in iJw 3.x.', source: src('Bijlage 3') },
  ],
  nationalWins: [
    {
      rule: 'IJW-STAP-1',
      national: ['CS336'],
      seedText: 'Gecorrigeerde Toewijzingen (waarvan de einddatum gelijk is aan de begindatum en de reden wijziging gelijk is aan 01), maken geen onderdeel uit van de bepaling of er sprake is van stapeling/overlap.',
      source: src('§2.3.2.1, Bijlage 2'),
      why: 'RedenWijziging 01 is withdrawn in iJw 3.2 (CS336: a JW301 with it is rejected with 0001); a toewijzing is deleted with einddatum = ingangsdatum and RedenWijziging 13 "Verwijderd", and such deleted toewijzingen do not count for stacking.',
    },
  ],
};
