/**
 * Gemeente Utrecht (0344): back-office FAQ on the iJw messages in use (seed 000). Written for the
 * JW303/304; iJw 3.x uses the JW323/325. The table predates iJw 3.0 and lists no 317–320; a
 * request that cannot be processed is closed with the national JW319 (OP274, OP344), besides the
 * back office's contact outside the messages. The seed has no products or tariffs: the product is an example.
 */
import { product } from './product.ts';
import type { RegionProfile } from './types.ts';

const src = (section: string) => `000 ${section}`;

export const utrecht: RegionProfile = {
  id: 'utrecht',
  name: 'Gemeente Utrecht',
  seed: '000_adbb5a33ba09fdd8.txt',
  municipalities: [
    { code: '0344', name: 'Utrecht', source: src('"Wat is de gemeentecode van de gemeente Utrecht?"') },
  ],
  messages: {
    value: ['JW301', 'JW302', 'JW305', 'JW306', 'JW307', 'JW308', 'JW315', 'JW316', 'JW319', 'JW320', 'JW323', 'JW325'],
    source: `${src('message table')}; OP274`,
    note: 'The table lists Jw303/Jw304, which are the 323/325 in iJw 3.x. It predates iJw 3.0, which introduced 317–320: the national answer to a JW315 (JW319/JW320, OP274) is added (UTR-MSG-1); that the provider sends no JW317 is a reading of the table, not a statement of the seed (optional).',
  },
  deadlines: {
    retour: { value: 3, source: 'iJw 3.2 OP090 (reference/FLOWS.md)', note: 'The seed sets no retour deadlines; national rule.' },
    answerRequest: { value: 5, source: src('"Hoe loopt de toegang tot aanvullende jeugdhulp?"'), note: 'The 301 after an approved 315.' },
    start: { value: 5, source: src('"Wanneer stuur ik start- (JW305) of stopberichten (JW307)?"'), note: 'Intake or orientation is not the start.' },
    stop: { value: 5, source: src('"Wanneer stuur ik start- (JW305) of stopberichten (JW307)?"') },
    declarationAnswer: { value: 10, source: 'iJw 3.2 OP090x4 (reference/FLOWS.md)', note: 'The seed only says approved lines are paid within 30 days; national rule for the 325.' },
  },
  products: [
    product({
      code: '45X01', category: '45', name: 'Aanvullende jeugdhulp ambulant (example)', eenheid: '04', frequentie: '2',
      declarationRule: { kind: 'per-unit' },
      tariff: {
        cents: 9000, per: 'uur', example: true, byYear: { '2025': 9000, '2026': 9300 },
        source: src('"Wat moet ik invullen in een declaratiebericht (JW303)?"'),
        note: 'Tariffs come from the year\'s tariff list or contract ("tarieven uit de tarievenlijst of het geldende contract van het jaar waarover u de geleverde jeugdhulp declareert"), not in the seed; examples for 2025 and 2026.',
      },
      defaultVolume: 3, example: true,
      source: src('"Wat moet ik invullen in een declaratiebericht (JW303)?"'),
      note: 'Example product: the seed refers to the tariff list of the year for codes, units and tariffs.',
    }),
  ],
  allocation: {
    referrersAllowed: { value: ['01', '02', '03', '04', '05', '08'], source: src('"Hoe loopt de toegang tot aanvullende jeugdhulp?"'), note: 'Buurtteams (01), huisarts, jeugdarts, medisch specialist, rechter or gecertificeerde instelling.' },
    requestReferrers: { value: ['02', '03', '04', '05', '08'], source: src('"Hoe loopt de toegang tot aanvullende jeugdhulp?"'), note: 'A buurtteam toewijzing leads to a 301 directly; the other referrers go through a 315.' },
    stackingAllowed: { value: false, source: 'iJw 3.2 (IJW-STAP-1)', note: 'Not in the seed; national rule.' },
  },
  startStop: {
    stopRequired: { value: true, source: src('"Waarom maakt de gemeente Utrecht gebruik van start- (JW305) en stopberichten (JW307)?"'), note: 'Every 305 is followed by a 307.' },
  },
  declaration: {
    period: { value: 'month', source: src('"Wanneer stuur ik een declaratiebericht (JW303)?"') },
    dueBy: { value: 'preferably within 1 month after the month declared', source: src('"Wanneer stuur ik een declaratiebericht (JW303)?"'), note: 'A preference, not a deadline.' },
    creditRejected: { value: false, source: src('"Hoe krijg ik reactie van de gemeente Utrecht op mijn declaratiebericht (JW303)?"') },
    periodFromStartStop: { value: 'none', source: src('"Wat moet ik invullen in een declaratiebericht (JW303)?"'), note: 'The seed ties the declaration to the month of care, not to the 305/307.' },
  },
  open: [
    { topic: 'products and tariffs', open: 'Product codes, units and tariffs come from the tariff list or contract of the year, not in the seed; the product is an example.', source: src('"Wat moet ik invullen in een declaratiebericht (JW303)?"') },
    { topic: 'rejected request', open: 'The seed says only that the back office contacts the provider outside the messages when a 315 cannot be processed; the request is closed with a JW319 (VerzoekAntwoord 1, OP274, OP344) within the national 5 werkdagen, and the seed names no reden (UTR-VOT-1).', source: src('"Hoe loopt de toegang tot aanvullende jeugdhulp?"') },
    { topic: 'deadlines', open: 'No retour deadlines and no deadline for the declaration answer; the national rules are used.', source: src('message table') },
    { topic: 'message version', open: 'Written for JW303/304; RULES.md applies it to JW323/325.', source: src('message table') },
    { topic: 'beschikkingsnummer', open: 'The seed puts the beschikkingsnummer "zowel in het toewijzingsbericht als in de verwijsbrief"; the iJw 3.2 JW301 has no element for it (only the JW315 carries a BeschikkingNummer), so UTR-TOEW-2 and UTR-VOT-1 are tested on the unique ToewijzingNummer only.', source: src('"Hoe loopt de toegang tot aanvullende jeugdhulp?"') },
  ],
  nationalWins: [
    {
      rule: 'UTR-VOT-1',
      national: ['OP274', 'OP344'],
      seedText: 'De backoffice zorg neemt buiten het berichtenverkeer om contact met u op wanneer uw verzoek niet kan worden verwerkt.',
      source: src('"Hoe loopt de toegang tot aanvullende jeugdhulp?"'),
      why: 'OP274 and OP344 have every JW315 answered with a JW301 or a JW319; the contact outside the messages does not replace that answer, so a request that cannot be processed is closed with a JW319 with VerzoekAntwoord 1 (which also ends it for TR374).',
    },
  ],
};
