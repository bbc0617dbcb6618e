/**
 * The national rule table: for every rule of `NATIONAL_RULES`, what this project does with it.
 * In-message rules are `checked` (the messages come from the rule registry, so the table cannot
 * claim a check that does not run), `enforced-by-xsd`, or `not-applicable`; cross-message and
 * external-source rules are `judged` (by whom, where), `not-yet` (could be judged, is not: none
 * today), or `not-applicable` (a harness cannot, with the reason).
 * `npm run validate -- --rules` prints it; `catalogue.test.ts` keeps it complete.
 *
 * @example nationalRuleTable().filter((r) => r.status === 'not-yet').map((r) => r.id)
 */
import type { MessageCode } from '../messages/codes.ts';
import { inMessageRules } from './index.ts';
import { NATIONAL_RULES, type Controleniveau, type NationalRule } from './national-rules.ts';

/** Who judges a cross-message rule: a reference party on receipt, `validate` itself, or a scenario step on what the SUT sends. */
export type Judge = 'gemeente' | 'aanbieder' | 'validate' | 'scenario';

export type RuleStatus =
  | { status: 'checked' }
  | { status: 'enforced-by-xsd'; reason: string }
  | { status: 'not-applicable'; reason: string }
  /** `testedBy`: the catalogue ids (regions/catalogue.ts) or this national id whose scenarios exercise the rule; test/rule-coverage.test.ts holds it to the feature tags. */
  | { status: 'judged'; by: readonly Judge[]; where: string; testedBy: readonly string[]; certifies?: readonly ('gemeente' | 'aanbieder')[] }
  | { status: 'not-yet'; reason: string };

export type StatusName = RuleStatus['status'];

const checked = { status: 'checked' } as const;
const xsd = (reason: string): RuleStatus => ({ status: 'enforced-by-xsd', reason });
/**
 * `certifies`: whose software a scenario of the rule judges, when that is not the judging party:
 * the JW325 rules are the municipality's (it sends the JW325), judged by the receiving provider.
 */
const judged = (by: readonly Judge[], where: string, testedBy: readonly string[] = [], certifies?: readonly ('gemeente' | 'aanbieder')[]): RuleStatus => ({ status: 'judged', by, where, testedBy, ...(certifies ? { certifies } : {}) });
const na = (reason: string): RuleStatus => ({ status: 'not-applicable', reason });

const START_STOP = 'simulators/gemeente/start-stop.ts';
const DECLARATIE = 'simulators/gemeente/declaratie.ts';
const VERZOEK_G = 'simulators/gemeente/verzoek.ts';
const TOEWIJZING_A = 'simulators/aanbieder/reference-aanbieder.ts (referenceToewijzingChecks, on receipt of the JW301)';
const NO_CODELESS = 'No scenario: the regions that use the JW317 allocate specific products only (Alkmaar ALK-T1, Fryslân §8.1), so no toewijzing without a product (code) exists where a VOW can be sent';
const VERZOEK_A = 'simulators/aanbieder/verzoek.ts (the JW319 → JW320)';
const ANSWER_325 = 'simulators/aanbieder/declaratie.ts (referenceAnswerChecks): a JW325 has no retour, so the provider judges it against the JW323 it names, as sent (ReferenceParty.judgeAnswer), and steps/support/judge.ts reports each mismatch as the municipality\'s finding';

/** What the project does with each national rule. In-message rules not listed here fail the test. */
export const RULE_STATUS: Readonly<Record<string, RuleStatus>> = {
  // ---- in-message (XSLT level): the XSD patterns make these unbreakable in a message that reaches the rules
  CS015: xsd('the XSD fixes BerichtSubversie with the pattern "2"; the rule object still checks models built in code'),
  CS025: xsd('the XSD fixes BerichtVersie with the pattern "3"; the rule object still checks models built in code'),
  CS319: xsd('the XSD restricts DeclaratieNummer to the pattern ([a-zA-Z0-9])+'),

  // ---- cross-message: start and stop (the municipality on receipt of a JW305/JW307)
  TR019: judged(['gemeente'], `${START_STOP} (9019, output- and effort-based regions)`, ['IJW-START-3']),
  TR063: judged(['gemeente'], `${START_STOP} (9063)`, ['IJW-START-2', 'IJW-STOP-3']),
  TR071: judged(['gemeente'], `${START_STOP} (9071)`, ['IJW-START-2']),
  TR074: judged(['gemeente'], `${START_STOP} (9074)`, ['TR074']),
  TR326: judged(['gemeente'], `${START_STOP} (9326)`, ['IJW-START-1']),
  TR382: judged(['gemeente', 'aanbieder'], `${START_STOP} (9069); the reference aanbieder refuses to send a stop without a start`, ['IJW-STOP-1']),
  TR413: judged(['gemeente'], `${START_STOP} (9413)`, ['IJW-STOP-2']),
  TR414: judged(['gemeente'], `${START_STOP} (9414)`, ['IJW-STOP-2']),
  TR415: judged(['gemeente'], `${START_STOP} (9415)`, ['IJW-STOP-2']),

  // ---- cross-message: declaration (the municipality on receipt of a JW323, answered in the JW325)
  TR307: judged(['gemeente'], `${DECLARATIE} (9307)`, ['IJW-DECL-2']),
  TR308: judged(['gemeente'], `${DECLARATIE} (9308)`, ['IJW-DECL-2']),
  TR314: judged(['gemeente'], `${DECLARATIE} (8021)`, ['IJW-DECL-6']),
  TR319: judged(['gemeente'], `${DECLARATIE} (9319)`, ['IJW-DECL-7']),
  TR321: judged(['gemeente'], `${DECLARATIE} with simulators/gemeente/declaratie-rules.ts (9321)`, ['IJW-DECL-2']),
  TR322: judged(['gemeente'], `${DECLARATIE} with simulators/gemeente/declaratie-rules.ts (9322)`, ['IJW-DECL-2']),
  TR323: judged(['gemeente'], `${DECLARATIE} (8017)`, ['IJW-DECL-4']),
  TR333: judged(['gemeente'], `${DECLARATIE} (9333, the whole declaration)`, ['IJW-DECL-6']),
  TR338: judged(['gemeente'], `${DECLARATIE} (9338)`, ['IJW-DECL-2']),
  TR339: judged(['gemeente'], `${DECLARATIE} (9339)`, ['IJW-DECL-2']),
  TR340: judged(['gemeente'], `${DECLARATIE} (9340)`, ['IJW-DECL-2']),
  TR341: judged(['gemeente'], `${DECLARATIE} with simulators/gemeente/declaratie-rules.ts (9341)`, ['IJW-DECL-2']),
  TR384: judged(['gemeente'], `${DECLARATIE} (9384)`, ['IJW-DECL-2', 'TR384']),
  TR389: judged(['gemeente'], `${DECLARATIE} (9389)`, ['IJW-DECL-4']),
  TR390: judged(['gemeente'], `${DECLARATIE} (9390)`, ['IJW-DECL-4']),
  TR418: judged(['gemeente'], `${DECLARATIE} (0611, the region profile's contracted tariffs)`, ['FRL-DECL-1', 'UTR-DECL-1', 'TR418']),
  TR318: na('"if care was delivered in every DeclaratiePeriode" is a fact of the provider\'s administration: a receiver cannot tell a gap in care from a late declaration'),
  TR369: judged(['gemeente'], `${DECLARATIE} (9369: approved, not credited debit volumes plus the line against the toewijzing's Budget); no scenario yet: a Budget toewijzing has no product code (CD077 leaves its Omvang empty, CD041 needs one with a code) and the reference provider declares only products of the region's list, so it cannot yet declare on one`),
  TR387: judged(['gemeente'], `${DECLARATIE} (9387; the start of care is no bound, IV089, also where a regional text says so: AMS-PER-1, FRL-DECL-1)`, ['TR387']),
  TR388: judged(['gemeente'], `${DECLARATIE} (9388; likewise the stop of care is no bound)`, ['TR388']),
  TR304: judged(['gemeente', 'aanbieder'], `${DECLARATIE} (8187 on each line of a Client whose Bsn has no toewijzing or request here, before TR338) on a JW323; on a JW325 by simulators/aanbieder/declaratie.ts (a Client whose Bsn is not in the JW323). Not on the JW317: a TeWijzigenProduct or OngewijzigdProduct of an unknown client is refused with 9351/9350 (TR350/TR351), and a VOW with only new products for an unknown client is not refused`, ['TR304'], ['gemeente']),

  // ---- cross-message: the declaration answer (a JW325 has no retour message)
  TR337: judged(['aanbieder'], `${ANSWER_325} (DeclaratieIdentificatie: Identificatie and Dagtekening)`, ['TR337'], ['gemeente']),
  TR366: judged(['aanbieder'], `${ANSWER_325} (9366)`, ['TR366'], ['gemeente']),
  TR367: judged(['aanbieder'], `${ANSWER_325} (9367: Bsn, VorigReferentieNummer, ToewijzingNummer, product, period, volume, unit, tariff, amount)`, ['TR367'], ['gemeente']),
  TR371: judged(['aanbieder'], `${ANSWER_325} (XsdVersieDeclaratie)`, ['TR371'], ['gemeente']),
  TR376: judged(['aanbieder'], `${ANSWER_325} (DeclaratieNummer)`, ['TR376'], ['gemeente']),

  // ---- cross-message: requests and their answers
  TR347: judged(['gemeente'], `${VERZOEK_G} (9347)`, ['IJW-VOT-10']),
  TR349: judged(['gemeente'], `${VERZOEK_G} with simulators/gemeente/toewijzing-rules.ts (9349)`, ['ALK-VOW-1']),
  TR350: judged(['gemeente'], `${VERZOEK_G} (9350)`, ['TR350']),
  TR351: judged(['gemeente'], `${VERZOEK_G} (9351)`, ['FRL-VOW-1']),
  TR357: judged(['gemeente'], `${VERZOEK_G} (9357)`, ['TR357']),
  TR361: judged(['gemeente'], `${VERZOEK_G} (9361)`, ['TR361']),
  TR374: judged(['gemeente'], `${VERZOEK_G} (9374)`, ['IJW-VOT-9']),
  TR355: judged(['aanbieder'], `${VERZOEK_A} (9355)`, ['IJW-VOT-11']),
  TR359: judged(['aanbieder'], `${VERZOEK_A} (9359)`, ['TR359']),
  TR360: judged(['aanbieder'], `${VERZOEK_A} (9360)`, ['IJW-VOT-12']),
  TR365: judged(['aanbieder'], `${VERZOEK_A} (9365)`, ['TR365']),
  TR373: judged(['gemeente'], `${VERZOEK_G} (referenceVowTechnicalChecks: 9373 on the GewensteIngangsdatum when the Budget or a total, Frequentie 6, changes); the reference aanbieder asks such a change from the Ingangsdatum`, ['TR373']),
  TR375: judged(['gemeente'], `${VERZOEK_G} (referenceVowTechnicalChecks: 9375). ${NO_CODELESS}`),
  TR411: judged(['gemeente'], `${VERZOEK_G} (referenceVowTechnicalChecks: 9411)`, ['TR411']),
  TR412: judged(['gemeente'], `${VERZOEK_G} (referenceVowTechnicalChecks: 9412). ${NO_CODELESS}`),

  // ---- cross-message: toewijzing (the provider on receipt of a JW301)
  TR379: judged(['scenario'], 'steps/verzoek.steps.ts asserts it on the municipality\'s JW301 (one honouring product, ReferentieAanbieder once); the reference aanbieder does not answer 9379', ['IJW-VOT-13']),
  TR332: judged(['aanbieder'], `${TOEWIJZING_A} (9332 on the ToewijzingNummer: a number of this municipality it holds for another client or product)`, ['TR332']),
  TR385: judged(['aanbieder'], `${TOEWIJZING_A} (9385 on the RedenWijziging 13 of a toewijzing with approved, not credited prestaties in its books)`, ['TR385']),

  // ---- every heen message
  TR056: judged(['gemeente', 'aanbieder', 'scenario'], 'simulators/party.ts refuses a repeated Identificatie per sender and message type with 9056 on the Header (duplicateId, before the handlers); steps/support/judge.ts reports one in what the SUT sends, JW325 included', ['TR056']),

  // ---- external sources
  TR135: judged(['gemeente', 'aanbieder', 'validate'], 'ijw/rules/generic.ts at level 4 (8848) against the receiver\'s date: the parties pass the scenario\'s business date and reject the message on its Header (simulators/party.ts futureDagtekening), validate takes --today', ['TR135']),
  TR346: judged(['gemeente', 'validate'], `ijw/rules/declaratie.ts at level 4 (9346) when ProductTarief is given, and ${DECLARATIE} on receipt`, ['FRL-DECL-1']),
  TR378: na('needs the CBS municipality register as it was on the Ingangsdatum; the region profiles name only their own municipalities'),
  TR381: judged(['gemeente', 'aanbieder'], 'simulators/product-codes.ts (productCodeFits) at level 4 (S329): the region profile is the product code list in use, so a ProductCode it lists under another category is refused; the party applies it to the products of a JW301/305/307/315/317 before its handlers (simulators/party.ts), and the municipality to each JW323 line (simulators/gemeente/declaratie.ts). A code absent from the profile is a contract question (reden 3 on a request), not S329', ['TR381']),
};

/** One row of the printed table. */
export interface RuleRow extends NationalRule {
  status: StatusName;
  /** For `checked`: the messages a rule object checks; for `judged`: who judges. */
  checkedOn?: readonly MessageCode[];
  by?: readonly Judge[];
  /** Where it is judged, or why not; for `checked`, the rule object's statement when it says more than the title. */
  note?: string;
}

const checkedOn = new Map<string, MessageCode[]>();
const statedAs = new Map<string, string>();
for (const rule of inMessageRules) {
  checkedOn.set(rule.id, [...new Set([...(checkedOn.get(rule.id) ?? []), ...rule.messages])]);
  statedAs.set(rule.id, rule.description);
}

/** Rules with a rule object are `checked` unless listed otherwise; the rest take `RULE_STATUS`. */
export function statusOf(id: string): RuleStatus | undefined {
  return RULE_STATUS[id] ?? (checkedOn.has(id) ? checked : undefined);
}

/** The messages a rule object checks `id` on (empty when none). */
export function messagesChecked(id: string): readonly MessageCode[] {
  return checkedOn.get(id) ?? [];
}

/** Every national rule with its status, in the order of `NATIONAL_RULES` (by level, then id). */
export function nationalRuleTable(): RuleRow[] {
  return NATIONAL_RULES.map((r): RuleRow => {
    const s = statusOf(r.id);
    if (!s) return { ...r, status: 'not-yet', note: 'no status recorded (catalogue.test.ts fails on this)' };
    // A rule object's statement names the element a condition is about, e.g. "(Huis) verplicht vullen".
    if (s.status === 'checked') return { ...r, status: s.status, checkedOn: messagesChecked(r.id), ...(statedAs.get(r.id) !== r.title ? { note: statedAs.get(r.id) } : {}) };
    if (s.status === 'judged') return { ...r, status: s.status, by: s.by, note: s.where };
    return { ...r, status: s.status, note: s.reason };
  });
}

/** Counts per level and status, e.g. `{ 'bericht inhoud (xslt)': { checked: 60, … } }`. */
export function ruleTableCounts(rows = nationalRuleTable()): Record<Controleniveau, Partial<Record<StatusName, number>>> {
  const out: Record<Controleniveau, Partial<Record<StatusName, number>>> = { 'bericht inhoud (xslt)': {}, berichtoverstijgend: {}, 'externe bron': {} };
  for (const r of rows) out[r.niveau][r.status] = (out[r.niveau][r.status] ?? 0) + 1;
  return out;
}

const LEVEL_TITLE: Record<Controleniveau, string> = {
  'bericht inhoud (xslt)': 'In-message rules (conditie, constraint, technische regel on message content): the receiver returns 0001',
  berichtoverstijgend: 'Cross-message rules (technische regel, berichtoverstijgend): the receiver returns the rule\'s code',
  'externe bron': 'External-source rules (technische regel, externe bron)',
};

const short = (m: readonly string[]) => m.map((c) => c.slice(2)).join(',');
const clip = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

/** The table as readable text, one block per level with its counts. */
export function formatRuleTable(rows = nationalRuleTable()): string {
  const counts = ruleTableCounts(rows);
  const out: string[] = [];
  for (const level of Object.keys(LEVEL_TITLE) as Controleniveau[]) {
    const these = rows.filter((r) => r.niveau === level);
    const summary = Object.entries(counts[level]).map(([s, n]) => `${n} ${s}`).join(', ');
    out.push(`${LEVEL_TITLE[level]}: ${these.length} (${summary})`, '');
    for (const r of these) {
      const what = r.status === 'checked' ? `checked on ${short(r.checkedOn ?? [])}${r.note ? `: ${r.note}` : ''}` : r.status === 'judged' ? `judged by ${(r.by ?? []).join(', ')}: ${r.note}` : `${r.status}: ${r.note}`;
      out.push(`  ${r.id.padEnd(6)} ${(r.retourcode ?? '-').padEnd(5)} ${short(r.messages).padEnd(31)} ${clip(r.title, 90)}`);
      out.push(`  ${''.padEnd(13)}→ ${what}`);
    }
    out.push('');
  }
  return out.join('\n');
}
