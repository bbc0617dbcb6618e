/**
 * Jeugdhulp Rijnmond (GRJR): factsheet berichtenverkeer, April 2019 (seed 001). Arrangements are
 * allocated as a weekly amount in euros (eenheid 83, frequentie 2). Written for the JW303D/303F
 * and 304; iJw 3.x uses the JW323/325. Three of the seed's municipalities merged into Voorne aan
 * Zee (1992) on 1 January 2023, which the seed predates: see `formerMunicipalities` and `open`.
 */
import { product, type ProductInput } from './product.ts';
import type { Municipality, Product, RegionProfile } from './types.ts';

const src = (section: string) => `001 ${section}`;
const TABLE = src('JW 303 table');

const route = (code: string, name: string, declarationRoute: 'D' | 'F'): Municipality => ({ code, name, declarationRoute, source: TABLE });

const euroTariff = {
  cents: 1, per: 'eurocent', example: false, source: `${src('Codes (eenheid 83 Euro\'s)')}; iJw 3.2 IV024`,
  note: 'In eenheid 83 the volume is the amount in eurocents; the weekly amount per arrangement is in the GRJR administratieprotocol, not in the seed.',
};

/** An arrangement: eenheid 83 (euro), frequentie 2 (week). */
function arrangement(code: string, name: string): Product {
  const input: ProductInput = {
    code, category: code.slice(0, 2), name, eenheid: '83', frequentie: '2',
    declarationRule: { kind: 'euro-per-week' }, tariff: euroTariff, defaultVolume: 50000, example: false,
    source: src('Codes'),
    note: 'Category = the first two digits of the product code (not stated in the seed). defaultVolume is an example weekly amount (€500.00).',
  };
  return product(input);
}

export const rijnmond: RegionProfile = {
  id: 'rijnmond',
  name: 'Jeugdhulp Rijnmond (GRJR)',
  seed: '001_f23cacf840279e7e.txt',
  protocol: { date: { value: '2019-04', source: '001 title "April 2019"' } },
  municipalities: [
    route('0599', 'Rotterdam', 'D'),
    route('0613', 'Albrandswaard', 'F'),
    route('0489', 'Barendrecht', 'F'),
    route('0502', 'Capelle aan den IJssel', 'F'),
    route('1924', 'Goeree-Overflakkee', 'F'),
    route('0542', 'Krimpen aan den IJssel', 'F'),
    route('1621', 'Lansingerland', 'F'),
    route('0556', 'Maassluis', 'F'),
    route('1930', 'Nissewaard', 'F'),
    route('0597', 'Ridderkerk', 'F'),
    route('0606', 'Schiedam', 'F'),
    route('0622', 'Vlaardingen', 'F'),
    {
      code: '1992', name: 'Voorne aan Zee', source: 'CBS 2026 (shared/reference/codelists.json CBS_Gemeentecodes, jeugdzorgregio Rijnmond)',
      note: 'Formed on 2023-01-01 from Brielle (F), Hellevoetsluis (D) and Westvoorne (D); the seed predates it, so its route is open.',
    },
  ],
  formerMunicipalities: [
    { code: '0501', name: 'Brielle', declarationRoute: 'F', source: TABLE, mergedInto: '1992', mergedOn: '2023-01-01', note: 'The seed prints 501. TR378 allows an older CBS list current on the (Toewijzing)Ingangsdatum, so 0501 stays valid for an ingangsdatum before 2023-01-01; the reference CBS list holds only 1992 and cannot check that, and scenarios use later dates.' },
    { code: '0530', name: 'Hellevoetsluis', declarationRoute: 'D', source: TABLE, mergedInto: '1992', mergedOn: '2023-01-01', note: 'The seed prints 530. TR378 allows an older CBS list current on the (Toewijzing)Ingangsdatum, so 0530 stays valid for an ingangsdatum before 2023-01-01; the reference CBS list holds only 1992 and cannot check that, and scenarios use later dates.' },
    { code: '0614', name: 'Westvoorne', declarationRoute: 'D', source: TABLE, mergedInto: '1992', mergedOn: '2023-01-01', note: 'The seed prints 614. TR378 allows an older CBS list current on the (Toewijzing)Ingangsdatum, so 0614 stays valid for an ingangsdatum before 2023-01-01; the reference CBS list holds only 1992 and cannot check that, and scenarios use later dates.' },
  ],
  messages: {
    value: ['JW301', 'JW302', 'JW305', 'JW306', 'JW307', 'JW308', 'JW315', 'JW316', 'JW319', 'JW320', 'JW323', 'JW325'],
    source: `${src('Type berichten')}; iJw 3.2 OP274, OP344 (RULES.md v3 RIJ-LFM-1)`,
    note: 'The seed describes 315/316, 301/302, 305–308 and 303/304 (now 323/325); 317–320 are not mentioned. A 315 that is not honoured is refused with a 319 with VerzoekAntwoord 1 (OP274, OP344; RULES.md v3 RIJ-LFM-1), so 319/320 are used; the 317 is not (a vervolg is a new 315, RIJ-VOT-2).',
  },
  deadlines: {
    retour: { value: 5, source: src('JW 302, JW 306, JW 308'), note: '302, 306 and 308 within 5 werkdagen; the seed gives no deadline for the 316.' },
    answerRequest: { value: 10, source: src('JW 301'), note: 'After the 315 and a check on the woonplaatsbeginsel.' },
    answerRequestExtended: { value: 20, source: src('JW 301'), note: 'When parental authority must be requested from the court.' },
    start: { value: 5, source: src('JW 305') },
    stop: { value: 5, source: src('JW 307'), note: 'Also when care ended according to plan.' },
    declarationAnswer: { value: 10, source: `${src('JW 304 ("binnen 2 weken")')}; iJw 3.2 OP090x4`, note: 'The seed says 2 weeks for the old 304; the 325 is due within 10 werkdagen nationally.' },
    declarationAnswerDays: { value: 14, source: src('JW 304 ("reageert binnen 2 weken")'), note: 'Two weeks = 14 calendar days (RIJ-TERM-2); stricter than 10 werkdagen when a public holiday falls in them.' },
    requestAfterIntake: { value: 10, source: src('JW 315') },
  },
  products: [
    arrangement('44A03', 'A Pleegzorg'),
    arrangement('43A01', 'B1 Opname'),
    arrangement('43A06', 'B2 Opname'),
    arrangement('43B16', 'B3 Opname'),
    arrangement('43B13', 'B4 Opname'),
    arrangement('44A01', 'C1 Langdurig verblijf'),
    arrangement('44A13', 'C2 Langdurig verblijf'),
    arrangement('44A14', 'C3 Langdurig verblijf'),
    arrangement('41A02', 'D Steun, hulp of behandeling'),
    arrangement('45A02', 'E Ambulante hulpverlening'),
    arrangement('46A00', 'F Crisis hulp'),
    arrangement('50A00', 'G Opt-out'),
    product({
      code: '45A48', category: '45', name: 'H Laag frequente medicatie', eenheid: '82', frequentie: '6',
      declarationRule: { kind: 'per-unit' },
      tariff: { cents: 15000, per: 'stuk', example: true, source: src('Laagfrequente medicatie declareren'), note: 'The seed gives no tariff; example.' },
      defaultVolume: 4, example: false,
      onlyAfter: { value: ['43A01', '43A06', '43B16', '43B13', '41A02', '45A02'], rule: 'RIJ-LFM-1', source: src('Laagfrequente medicatie declareren'), note: 'Only after an arrangement B, D or E has ended.' },
      source: src('Codes'),
      note: 'Inspanningsgericht, with its own administration and invoicing rules (not in the seed). Category = first two digits of the code. defaultVolume is an example.',
    }),
  ],
  allocation: {
    referrersAllowed: { value: ['01', '02', '03', '04', '05', '06', '08'], source: 'iJw 3.2 COD327', note: 'The seed names the huisarts and other external referrers but gives no list; the national list applies.' },
    requestReferrers: { value: ['02', '03', '04', '05', '08'], source: src('JW 315'), note: 'External referrers with a referral letter, single-problem cases only, main contractor only; multi-problem cases go to the municipality. The codes are the national statutory non-municipal referrers.' },
    specificOnly: { value: true, source: src('JW 301 ("de specifieke toewijzing")') },
    stackingAllowed: { value: false, source: 'iJw 3.2 (IJW-STAP-1)', note: 'Which arrangements may run together is in the GRJR administratieprotocol, not in the seed.' },
    continuationRequest: { value: 'JW315', rule: 'RIJ-VOT-2', source: src('JW 315 ("Voor een vervolg op een arrangement … stuurt de zorgaanbieder opnieuw een JW315")'), note: 'RIJ-VOT-2: a follow-up is a new request, not a JW317.' },
    unitFromCodeTable: { value: true, source: src('Codes (table: product code, eenheid, frequentie)'), rule: 'RIJ-PROD-1', note: 'RIJ-PROD-1.' },
    mainContractorOnly: { value: true, source: src('JW 315 ("Indien zorg wordt verleend door een onderaannemer, stuurt alleen de hoofdaannemer een 315-bericht")'), rule: 'RIJ-VOT-1' },
    singleProblemOnly: { value: true, source: src('JW 315 ("Wanneer er sprake is van meervoudige problematiek moet de cliënt worden doorgestuurd naar de gemeente")'), rule: 'RIJ-VOT-1' },
  },
  startStop: {
    careStartWithinWerkdagen: { value: 10, source: src('JW 305'), note: 'Counted from the 301 begindatum, or from its send date if that is later. Not tested (RIJ-START-1): the start is the provider\'s act, which a scenario dictates, and the seed gives no consequence for a late start.' },
    maxWeeksWithoutCare: { value: 4, source: src('Afwezigheid'), note: 'Unless a lower frequency than weekly was agreed: then at least once per CAK period.' },
    lapseAfterWeeks: { value: 8, source: `${src('Afwezigheid')}; iJw 3.2 OP186`, note: 'Read from the temporary stop; the lapse is read as a 301 ending the toewijzing (the exception to IJW-STOP-4). The seed gives neither the einddatum nor the message; an einddatum in the past needs the provider\'s agreement (OP186) (RIJ-ABS-1).' },
    stopRequired: { value: true, source: src('JW 307, JW 303') },
    startStopMandatory: { value: true, source: src('JW 303 ("De 305- en 307-berichten zijn verplicht"), JW 307 ("ook verzonden worden nadat de zorg volgens plan beëindigd is")'), note: 'RIJ-DECL-1, RIJ-STOP-1.' },
    lowFrequencyException: { value: true, source: src('Afwezigheid ("Als uitzondering geldt …")'), note: 'RIJ-ABS-2.' },
  },
  declaration: {
    period: { value: 'month', source: 'iJw 3.2 CS340', note: 'The seed describes 4-weekly declarations per CAK period, within 6 werkdagen after it; iJw 3.x declares per calendar month.' },
    periodFromStartStop: { value: 'required', source: src('JW 303'), note: '305 and 307 are mandatory; the municipality may use them to fix the declarable period afterwards (not tested, OP364). The ProductPeriode itself follows TR387/TR388.' },
  },
  open: [
    { topic: 'merged municipalities', open: 'Brielle (501, F), Hellevoetsluis (530, D) and Westvoorne (614, D) merged into Voorne aan Zee (1992) on 2023-01-01; the seed predates it, so the route of 1992 is not known (two D, one F).', source: TABLE },
    { topic: 'municipality codes', open: 'The seed prints codes without leading zeros (613, 489 …); the profile pads them to the 4-digit CBS form.', source: TABLE },
    { topic: 'declaration period', open: 'The seed uses 4-weekly CAK periods and a deadline of 6 werkdagen after the period; iJw 3.x declaration periods are calendar months and the seed sets no monthly deadline.', source: src('JW 303') },
    { topic: 'weekly amounts', open: 'Weekly amounts, durations and allowed combinations of arrangements are in the GRJR administratieprotocol, not in the seed.', source: src('Codes') },
    { topic: '316 deadline', open: 'No deadline for the 316 (national: 3 werkdagen).', source: src('JW 316') },
    { topic: 'ending the toewijzing', open: 'The reden of a 307 "kan aanleiding zijn" to end the toewijzing: the municipality may, not must.', source: src('JW 307') },
    { topic: 'laagfrequente medicatie', open: 'Its "andere regels rondom administratie en facturatie" are not in the seed.', source: src('Laagfrequente medicatie declareren') },
  ],
  nationalWins: [
    {
      rule: 'RIJ-DECL-1',
      national: ['OP364'],
      seedText: 'De 305- en 307-berichten zijn verplicht. De gemeente kan deze berichten gebruiken voor het bepalen van de declarabele periode.',
      source: src('JW 303'),
      why: 'OP364: start and stop are no condition for payment, for every municipality. The provider must send them (tested); a rejection in the JW325 because a 305 or 307 is missing or the period lies outside them is not tested (IJW-DECL-8).',
    },
    {
      rule: 'RIJ-TERM-1',
      national: ['OP090', 'OP274'],
      seedText: 'Na ontvangst van een 315-bericht en een controle op woonplaatsbeginsel stuurt de gemeente dit bericht binnen 10 werkdagen … Het 302-bericht betreft het retourbericht op de toewijzing. De zorgaanbieder stuurt dit bericht binnen 5 werkdagen aan de gemeente.',
      source: src('JW 301–308'),
      why: 'The shorter national limits also apply: every retour within 3 werkdagen (OP090), and a JW301 or JW319 within 5 werkdagen of the JW315 (OP274), so a JW301 after the fifth werkdag is preceded by a JW319 with VerzoekAntwoord 2.',
    },
  ],
};
