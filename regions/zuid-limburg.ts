/**
 * Jeugdhulp Zuid-Limburg (16 municipalities): the region's public pages on declaring and
 * crediting (seed 005). They predate iJw 3.0 and speak of the 303D; in iJw 3.x the JW323/JW325
 * take its place. The contracted tariffs (DVO bijlage 1) and the product code table are not
 * public: products and tariffs here are stand-ins, marked `example: true`, per calendar year, so
 * that the tariff year rule (ZLM-TAR-1) can be tested across a year boundary.
 */
import { product } from './product.ts';
import type { RegionProfile, Tariff } from './types.ts';

const src = (section: string) => `005 ${section}`;
const DECL = src('Declareren');
const CRED = src('Crediteren');
const CBS = 'reference/codelists.json (CBS gemeenten, jeugdzorgregio Zuid-Limburg)';

const TARIFF_NOTE = 'Stand-in: the contracted tariffs are in DVO bijlage 1, which is not public. The seed says only that the tariff "ieder kalenderjaar kan wijzigen"; these figures exist so that the year rule (ZLM-TAR-1) can be tested.';
const standIn = (per: string, y2025: number, y2026: number): Tariff => ({
  cents: y2025, per, example: true, byYear: { '2025': y2025, '2026': y2026 }, source: DECL, note: TARIFF_NOTE,
});
const PRODUCT_NOTE = 'Stand-in code and category: the Productcodetabel Jeugdhulp is a poster on the region\'s page whose codes are not in the seed.';

export const zuidLimburg: RegionProfile = {
  id: 'zuid-limburg',
  name: 'Jeugdhulp Zuid-Limburg',
  seed: '005_zuid-limburg.txt',
  municipalities: [
    ['0888', 'Beek (L.)'], ['1954', 'Beekdaelen'], ['0899', 'Brunssum'], ['1903', 'Eijsden-Margraten'],
    ['1729', 'Gulpen-Wittem'], ['0917', 'Heerlen'], ['0928', 'Kerkrade'], ['0882', 'Landgraaf'],
    ['0935', 'Maastricht'], ['0938', 'Meerssen'], ['0965', 'Simpelveld'], ['1883', 'Sittard-Geleen'],
    ['0971', 'Stein (L.)'], ['0981', 'Vaals'], ['0994', 'Valkenburg aan de Geul'], ['0986', 'Voerendaal'],
  ].map(([code, name]) => ({ code: code!, name: name!, source: CBS, note: 'The seed names no municipalities; ZLM-CODES takes them from the CBS list.' })),
  messages: {
    value: ['JW301', 'JW302', 'JW305', 'JW306', 'JW307', 'JW308', 'JW315', 'JW316', 'JW317', 'JW318', 'JW319', 'JW320', 'JW323', 'JW325'],
    source: `${DECL}; ${CRED}; iJw 3.2`,
    note: 'The pages name the 301 and the 303D (the JW323/JW325 in iJw 3.x) only; the other messages are the national standard.',
  },
  deadlines: {
    retour: { value: 3, source: 'iJw 3.2 OP090 (reference/FLOWS.md)', note: 'The seed sets no retour deadlines; national rule.' },
    answerRequest: { value: 5, source: 'iJw 3.2 OP274 (reference/FLOWS.md)', note: 'Not in the seed; national rule.' },
    start: { value: 5, source: 'iJw 3.2 OP271 (reference/FLOWS.md)', note: 'Not in the seed; national rule.' },
    stop: { value: 5, source: 'iJw 3.2 OP272 (reference/FLOWS.md)', note: 'Not in the seed; national rule.' },
    declarationAnswer: { value: 10, source: 'iJw 3.2 OP090x4 (reference/FLOWS.md)', note: 'Not in the seed; national rule.' },
  },
  products: [
    product({
      code: '45X01', category: '45', name: 'Jeugdhulp ambulant (stand-in)', eenheid: '04', frequentie: '2',
      declarationRule: { kind: 'per-unit' }, tariff: standIn('uur', 9000, 9400),
      defaultVolume: 3, example: true, source: DECL, note: `${PRODUCT_NOTE} An hourly product (eenheid 04): the tariff of the year of delivery.`,
    }),
    product({
      code: '54X01', category: '54', name: 'Jeugdhulp output (stand-in)', eenheid: '82', frequentie: '6',
      declarationRule: { kind: 'per-unit' }, tariff: standIn('traject', 250000, 262500),
      defaultVolume: 1, example: true, source: DECL, note: `${PRODUCT_NOTE} An output-financed product (eenheid 82): the tariff of the year of the toewijzing's ingangsdatum.`,
    }),
    product({
      code: '43X01', category: '43', name: 'Jeugdhulp verblijf (stand-in)', eenheid: '14', frequentie: '4',
      declarationRule: { kind: 'etmalen' }, tariff: standIn('etmaal', 20000, 21000),
      defaultVolume: 31, example: true, source: DECL, note: `${PRODUCT_NOTE} An etmaal product (eenheid 14): the tariff of the year of delivery.`,
    }),
  ],
  allocation: {
    referrersAllowed: { value: ['01', '02', '03', '04', '05', '06', '08'], source: 'iJw 3.2 COD327', note: 'The seed names no referrers; every national referrer type.' },
    stackingAllowed: { value: false, source: 'iJw 3.2 (IJW-STAP-1)', note: 'Not in the seed; national rule.' },
  },
  startStop: {},
  declaration: {
    period: { value: 'month', source: DECL, note: '"De aanbieder declareert maandelijks na afloop van een kalendermaand" (ZLM-D1).' },
    dueBy: { value: 'at the latest in the month after the declared month', source: DECL, note: '"Dit doet de aanbieder uiterlijk in de daaropvolgende maand" (ZLM-D2); the pages name no consequence of a later declaration.' },
    dueMonthsAfter: { value: 1, source: DECL },
    batchPerMunicipality: { value: true, source: DECL, note: '"in batches per maand per gemeente. Een 303D-bericht kan declaratieregels van één of meerdere cliënten bevatten" (ZLM-D4).' },
    tariffYear: {
      value: { '82': 'toewijzing-start', '14': 'delivery', '04': 'delivery', '01': 'delivery' },
      source: DECL,
      note: '"Voor output gefinancierde producten is het tarief van toepassing dat betrekking heeft op de ingangsdatum van de toewijzing. Voor etmaal- en uur gefinancierde producten … het kalenderjaar van de levering" (ZLM-TAR-1).',
    },
    creditsInFullOnly: { value: true, source: CRED, note: '"Een declaratie kan alleen volledig gecrediteerd worden. Een gedeeltelijke creditering is niet mogelijk!" (ZLM-CR-1).' },
    creditOutsideToewijzing: { value: true, source: CRED, note: '"Als de toewijzing … wordt ingekort en inmiddels goedgekeurde declaratieregels zouden daardoor buiten de toewijzingsperiode vallen, dan crediteert de aanbieder de desbetreffende declaratieregels"; likewise for a withdrawn toewijzing (ZLM-CR-2, ZLM-CR-3).' },
    periodFromStartStop: { value: 'none', source: DECL, note: 'The pages tie the declaration to the calendar month, not to the 305/307.' },
  },
  open: [
    { topic: 'products and tariffs', open: 'The product codes (Productcodetabel Jeugdhulp, a poster) and the contracted tariffs per calendar year (DVO bijlage 1) are not in the seed; the three products and their 2025/2026 tariffs are stand-ins.', source: src('Algemene uitvoeringsafspraken') },
    { topic: 'degressive tariff', open: 'Which products have a degressive tariff is in DVO bijlage 1, not public: ZLM-TAR-2 awaits data.', source: DECL },
    { topic: 'message version', open: 'Written for the 303D; RULES.md applies it to the JW323/JW325.', source: DECL },
    { topic: 'deadlines', open: 'No retour, start/stop or answer deadlines in the seed; the national rules are used.', source: DECL },
    { topic: 'withdrawing a declared toewijzing', open: 'The pages have the municipality withdraw a toewijzing (einddatum = ingangsdatum) on which the provider has declared, and the provider credit afterwards. TR385 (9385) forbids deleting a toewijzing with approved, not credited lines with RedenWijziging 13, so such a withdrawal gives another reden (the scenarios use 05, herbeoordeling verkorting) (ZLM-CR-3).', source: CRED },
    { topic: 'late declaration', open: 'The pages name no consequence for a declaration after the following month: the municipality\'s handling of one is not tested (ZLM-D2).', source: DECL },
  ],
};
