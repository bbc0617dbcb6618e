/**
 * Amsterdam-Amstelland and Zaanstreek-Waterland: declaration factsheet (seed 003). Written for
 * the JW303/304; in iJw 3.x the same rules apply to the JW323/325. The factsheet is about
 * declarations only: what it does not cover falls back on the national standard (cited as
 * such) or is listed as open. Product codes and tariffs are not in the seed: examples.
 */
import { product } from './product.ts';
import type { Municipality, RegionProfile } from './types.ts';

const src = (section: string) => `003 ${section}`;
const WHEN = '"Wat mag u wanneer declareren?"';
const cbs = (code: string, name: string, region: string): Municipality => ({
  code, name, source: `CBS 2026 (shared/reference/codelists.json CBS_Gemeentecodes, jeugdzorgregio ${region})`,
});

export const amsterdam: RegionProfile = {
  id: 'amsterdam',
  name: 'Amsterdam-Amstelland en Zaanstreek-Waterland',
  seed: '003_444f632912c4daad.txt',
  protocol: { date: { value: '2020-03-30', source: '003 Scope factsheet "Geldt vanaf 30 mrti 2020"' } },
  municipalities: [
    cbs('0363', 'Amsterdam', 'Amsterdam-Amstelland'),
    cbs('0358', 'Aalsmeer', 'Amsterdam-Amstelland'),
    cbs('0362', 'Amstelveen', 'Amsterdam-Amstelland'),
    cbs('0384', 'Diemen', 'Amsterdam-Amstelland'),
    cbs('0437', 'Ouder-Amstel', 'Amsterdam-Amstelland'),
    cbs('0451', 'Uithoorn', 'Amsterdam-Amstelland'),
    cbs('0479', 'Zaanstad', 'Zaanstreek-Waterland'),
    cbs('0385', 'Edam-Volendam', 'Zaanstreek-Waterland'),
    cbs('0415', 'Landsmeer', 'Zaanstreek-Waterland'),
    cbs('0431', 'Oostzaan', 'Zaanstreek-Waterland'),
    cbs('0439', 'Purmerend', 'Zaanstreek-Waterland'),
    cbs('0852', 'Waterland', 'Zaanstreek-Waterland'),
    cbs('0880', 'Wormerland', 'Zaanstreek-Waterland'),
  ],
  messages: {
    value: ['JW301', 'JW302', 'JW305', 'JW306', 'JW307', 'JW308', 'JW323', 'JW325'],
    source: src('Definitie declaratiebericht, Eigenschappen van de JW303, Werkafspraken'),
    note: 'The factsheet names the 301, 305, 307 and the declaration (303/304, now 323/325); whether 315–320 are used is not stated.',
  },
  deadlines: {
    retour: { value: 3, source: 'iJw 3.2 OP090 (reference/FLOWS.md)', note: 'The factsheet sets no retour deadlines; national rule.' },
    start: { value: 5, source: 'iJw 3.2 OP271 (reference/FLOWS.md)', note: 'Not in the factsheet; national rule.' },
    stop: { value: 5, source: 'iJw 3.2 OP272 (reference/FLOWS.md)', note: 'Not in the factsheet; national rule.' },
    declarationAnswer: { value: 10, source: src('Werkafspraak 1') },
  },
  products: [
    product({
      code: '45X10', category: '45', name: 'Intensief', eenheid: '83', frequentie: '6',
      declarationRule: { kind: 'percentage-after-start-stop', afterStart: 70, afterStopReden: { reden: ['31'], percentage: 30 }, rules: { share: 'AMS-INT-1', needsStartStop: 'AMS-INT-4', afterOtherStop: 'AMS-INT-3', afterPlannedStop: 'AMS-INT-2' } },
      tariff: { cents: 600000, per: 'traject', example: true, source: src(WHEN), note: 'The contracted tariff is not in the seed; example.' },
      defaultVolume: 600000, example: true,
      source: src(`${WHEN}, table "Intensief en Perspectief"`),
      note: 'Claims in eenheid 83 with volume and amount in eurocents; the toewijzing volume is the tariff in eurocents. Code, category and frequency are examples.',
    }),
    product({
      code: '45X11', category: '45', name: 'Perspectief', eenheid: '83', frequentie: '6',
      declarationRule: { kind: 'percentage-after-start-stop', afterStart: 70, afterStopReden: { reden: ['31'], percentage: 30 }, rules: { share: 'AMS-INT-1', needsStartStop: 'AMS-INT-4', afterOtherStop: 'AMS-INT-3', afterPlannedStop: 'AMS-INT-2' } },
      tariff: { cents: 900000, per: 'traject', example: true, source: src(WHEN), note: 'Example tariff.' },
      defaultVolume: 900000, example: true,
      source: src(`${WHEN}, table "Intensief en Perspectief"`),
      note: 'Code, category and frequency are examples.',
    }),
    product({
      code: '45X12', category: '45', name: 'Behandeling', eenheid: '83', frequentie: '6',
      declarationRule: { kind: 'percentage-after-start-stop', afterStart: 70, afterStopReden: { reden: ['31'], percentage: 30 }, rules: { share: 'AMS-BEH-1', needsStartStop: 'AMS-INT-4', afterOtherStop: 'AMS-BEH-1', afterPlannedStop: 'AMS-BEH-1' } },
      tariff: { cents: 300000, per: 'traject', example: true, source: src(WHEN), note: 'Example tariff.' },
      defaultVolume: 300000, example: true,
      source: src(WHEN),
      note: 'The seed gives the percentages but no field table for this product; eenheid 83 as for the other percentage claims. Code, category and frequency are examples.',
    }),
    product({
      code: '45X13', category: '45', name: 'Duurzaam', eenheid: '82', frequentie: '4',
      declarationRule: { kind: 'monthly-fraction-of-yearly', fraction: 12 },
      tariff: { cents: 1200000, per: 'jaar', example: true, source: src(WHEN), note: 'Example yearly tariff; one twelfth is claimed per month.' },
      defaultVolume: 1, example: true,
      source: src(`${WHEN}, table "Intensiteit Duurzaam"`),
      note: 'Eenheid 82, volume 1, ProductTarief = yearly tariff / 12, also in the last month whatever the reden. Code, category and frequency are examples.',
    }),
    product({
      code: '43X14', category: '43', name: 'Verblijf', eenheid: '82', frequentie: '4',
      declarationRule: { kind: 'monthly-fraction-of-yearly', fraction: 12 },
      tariff: { cents: 6000000, per: 'jaar', example: true, source: src(WHEN), note: 'Example yearly tariff.' },
      defaultVolume: 1, example: true,
      source: src(`${WHEN}, table "Product Verblijf"`),
      note: 'Same rule as the intensity Duurzaam. Code, category and frequency are examples.',
    }),
    product({
      code: '44X15', category: '44', name: 'Kortdurend verblijf', eenheid: '14', frequentie: '2',
      declarationRule: { kind: 'etmalen' },
      tariff: { cents: 25000, per: 'etmaal', example: true, source: src(WHEN), note: 'Example tariff per etmaal.' },
      defaultVolume: 7, example: true,
      source: src(`${WHEN}, table "Kortdurend verblijf"`),
      note: 'Etmalen per month × contracted tariff, also after the stop. Code, category and frequency are examples.',
    }),
    product({
      code: '45X16', category: '45', name: 'Dyslexie diagnostiek', eenheid: '83', frequentie: '6',
      declarationRule: { kind: 'full-after-start', rules: { share: 'AMS-DYS-1', needsStartStop: 'AMS-INT-4' } },
      tariff: { cents: 120000, per: 'traject', example: true, source: src(WHEN), note: 'Example tariff.' },
      defaultVolume: 120000, example: true,
      source: src(WHEN),
      note: '100% after the JW305, nothing after the stop. The seed gives no unit; eenheid 83 as for the other percentage claims. Code, category and frequency are examples.',
    }),
  ],
  allocation: {
    referrersAllowed: { value: ['01', '02', '03', '04', '05', '06', '08'], source: 'iJw 3.2 COD327', note: 'The factsheet says nothing about referrers; the national list applies.' },
    stackingAllowed: { value: false, source: 'iJw 3.2 (IJW-STAP-1)', note: 'Not in the factsheet; national rule.' },
  },
  startStop: {
    stopRequired: { value: true, source: src('footnote ** of the Intensief en Perspectief table, Werkafspraak 3'), note: 'The 30% and the declarable period rest on the 305 and 307.' },
  },
  declaration: {
    period: { value: 'month', source: src('field tables: Declaratieperiode') },
    creditBeforeDebit: { value: true, source: src('Werkafspraak 2') },
    periodFromStartStop: { value: 'bounds-if-known', source: src('"Product periode", Werkafspraak 3'), note: 'The seed: ProductPeriode on or after the start and on or before the stop. It yields to TR387/TR388 (the month, bounded only by the toewijzing; a period bounded by the start or stop gets 9387/9388), so neither party applies it (AMS-PER-1).' },
  },
  open: [
    { topic: 'products and tariffs', open: 'The factsheet names product groups (Intensief, Perspectief, Behandeling, Duurzaam, Verblijf, Kortdurend verblijf, Dyslexie diagnostiek) but no product codes ("SPIC, zie JW301"), categories, frequencies or tariffs. All are examples.', source: src('field tables') },
    { topic: 'units', open: 'Units are given for Intensief & Perspectief (83), Duurzaam/Verblijf (82) and Kortdurend verblijf (etmaal) only; Behandeling and Dyslexie diagnostiek have none.', source: src(WHEN) },
    { topic: 'ProductTarief for 83', open: 'The Intensief & Perspectief table says "Producttarief is het totaal tarief van de SPIC" while claims are in eenheid 83 (volume = eurocents), where a ProductTarief has no role. Read (RULES.md v3, AMS-INT-5): the SPIC tariff is the basis of the 70%/30% share, and ProductTarief stays empty (CD087; a filled one rejects the whole 323 with 0001), so TR418 (0611) applies only to lines in another unit.', source: `${src('table "Intensief en Perspectief", footnote *')}; iJw 3.2 CD087` },
    { topic: 'checks after the fact', open: 'Whether the ProductPeriode is checked against the 305/307 at once or only afterwards: "mogelijk achteraf" for the begin date, "alleen achteraf" for the end date.', source: src('"Product periode"') },
    { topic: 'municipalities', open: 'The factsheet names no municipalities; the profile takes the CBS list of the two youth-care regions.', source: src('Scope factsheet') },
    { topic: 'other messages and deadlines', open: 'Allocation (315–320), retour, start and stop deadlines are not covered; the national rules are used.', source: src('Scope factsheet') },
    { topic: 'message version', open: 'Written for JW303/304; RULES.md applies the same rules to JW323/325.', source: src('title') },
  ],
  nationalWins: [
    {
      rule: 'AMS-PER-1',
      national: ['TR387', 'TR388'],
      seedText: 'Eerste dag binnen de declaratieperiode, waarop hulp is geboden. Deze dag ligt logischerwijs op of na de Startdatum zorg. … Laatste dag binnen de declaratieperiode, waarop hulp is geboden. Deze dag ligt logischerwijs op of voor de Stopdatum zorg.',
      source: src('"Product periode" rows of the three tables'),
      why: 'The rows date from the iJw 2.4 JW303. TR387/TR388 are binding technical rules: the ProductPeriode is the calendar month, bounded only by the toewijzing (IV089: not by the start or stop of care). A period bounded by the start or stop of care gets 9387/9388.',
    },
    {
      rule: 'AMS-INT-4',
      national: ['OP364'],
      seedText: 'Hiervoor dienen wel de Start-zorg (iJW305) en Stop-zorg (iJW307) te zijn verstuurd.',
      source: src('footnote ** of "Wat mag u wanneer declareren"'),
      why: 'OP364: start and stop are no condition for payment. The provider still sends the 70% claim only after the JW305 and the 30% only after the JW307 with reden 31; the municipality\'s rejection of a claim without them is optional and never demanded.',
    },
    {
      rule: 'AMS-INT-5',
      national: ['CD087'],
      seedText: 'Producttarief is het totaal tarief van de SPIC',
      source: src('table "Intensief en Perspectief", footnote *'),
      why: 'Written for the iJw 2.4 JW303. CD087 fills ProductTarief only when the eenheid is not 83; Intensief & Perspectief is claimed in eenheid 83, so ProductTarief stays empty (a filled one rejects the whole JW323 with 0001). The SPIC tariff is read as the basis of the 70%/30% share.',
    },
  ],
};
