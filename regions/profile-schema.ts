/**
 * The JSON Schema of a region pack's profile.yaml, as data: the loader (regions/packs.ts) validates
 * every profile against it, and `npm run gen:region-schema` publishes it as
 * docs/schemas/region.schema.json (test/region-packs.test.ts keeps that file fresh). It mirrors
 * RegionProfile in regions/types.ts; a field added there is added here too.
 */

type Schema = Record<string, unknown>;

const str = (description?: string): Schema => ({ type: 'string', minLength: 1, ...(description ? { description } : {}) });
const obj = (properties: Record<string, Schema>, required: string[], description?: string): Schema => ({
  type: 'object', additionalProperties: false, properties, required, ...(description ? { description } : {}),
});
/** A value with the clause it comes from (Cited<T>). */
const cited = (value: Schema, description: string): Schema => obj({
  value, source: str('Seed number and section ("004 Bijlage 3"), or "iJw 3.2 …" for a national fact.'), note: str(),
  rule: str('The catalogue rule the policy this value chooses certifies (e.g. ALK-V1); named in the findings. Absent: the national rule or the policy\'s name.'),
}, ['value', 'source'], description);
const int = (description?: string): Schema => ({ type: 'integer', minimum: 0, ...(description ? { description } : {}) });
const citedInt = (description: string) => cited(int(), description);
const citedBool = (description: string) => cited({ type: 'boolean' }, description);
const citedTrue = (description: string) => cited({ const: true }, description);
const codes = (pattern: string): Schema => ({ type: 'array', items: { type: 'string', pattern } });

const MESSAGE = { enum: ['JW301', 'JW302', 'JW305', 'JW306', 'JW307', 'JW308', 'JW315', 'JW316', 'JW317', 'JW318', 'JW319', 'JW320', 'JW323', 'JW325'] };
const FLOW = { enum: ['toewijzing', 'start-stop', 'declaratie', 'verzoek', 'retour', 'algemeen'] };

const municipality = obj({
  code: { type: 'string', pattern: '^\\d{4}$', description: '4-digit CBS code (LDT_Gemeente).' },
  name: str('Name as in the CBS list.'),
  declarationRoute: { enum: ['D', 'F'], description: 'Declaration (D) or invoice (F) route.' },
  processedBy: { type: 'string', pattern: '^\\d{4}$', description: 'CBS code of the municipality that processes this one\'s declarations.' },
  source: str('Where the protocol names it.'), note: str('A remark (e.g. a code the protocol lost, taken from the CBS list).'),
}, ['code', 'name', 'source']);

/** The catalogue rules a share-of-tariff product's claims certify (ShareRules). */
const shareRules = obj({
  share: str('The amount is a contracted share of the tariff.'),
  needsStartStop: str('A claim needs the matching JW305 / JW307.'),
  afterOtherStop: str('After a JW307 with another reden nothing more is claimed.'),
  afterPlannedStop: str('The share after the planned stop is claimed once.'),
}, [], 'The catalogue rule each share check names in its rejections.');

const declarationRule: Schema = {
  description: 'How the product\'s monthly JW323 line is computed.',
  oneOf: [
    obj({ kind: { const: 'per-unit' } }, ['kind']),
    obj({ kind: { const: 'percentage-after-start-stop' }, afterStart: { type: 'number', minimum: 0, maximum: 100 }, afterStopReden: obj({ reden: codes('^\\d{2}$'), percentage: { type: 'number', minimum: 0, maximum: 100 } }, ['reden', 'percentage']), rules: shareRules }, ['kind', 'afterStart', 'afterStopReden']),
    obj({ kind: { const: 'monthly-fraction-of-yearly' }, fraction: { const: 12 } }, ['kind', 'fraction']),
    obj({ kind: { const: 'etmalen' } }, ['kind']),
    obj({ kind: { const: 'full-after-start' }, rules: shareRules }, ['kind']),
    obj({ kind: { const: 'euro-per-week' } }, ['kind']),
  ],
};

const tariff = obj({
  cents: int('Eurocents per `per`.'), per: str('What one tariff buys: uur, etmaal, traject, jaar, eurocent.'),
  example: { type: 'boolean', description: 'True: a stand-in, the protocol gives no figure.' },
  source: str(), note: str(),
  byYear: { type: 'object', propertyNames: { pattern: '^\\d{4}$' }, additionalProperties: int(), description: 'Cents per calendar year of care where the tariff changes with the year.' },
}, ['cents', 'per', 'example', 'source']);

const product = obj({
  code: { type: 'string', pattern: '^[A-Z0-9]{1,5}$', description: 'LDT_ProductCode.' },
  category: { type: 'string', pattern: '^\\d{2}$', description: 'JZ020 productcategorie.' },
  name: str(),
  eenheid: { type: 'string', pattern: '^\\d{2}$', description: 'WJ756 eenheid.' },
  frequentie: { type: 'string', pattern: '^\\d$', description: 'WMO757 frequentie.' },
  declarationRule, tariff,
  hoursRounding: { type: 'boolean', description: 'Hours summed over the month and rounded (declaration.hoursRounding).' },
  defaultVolume: int('Volume a scenario allocates when it names none.'),
  onlyAfter: cited(codes('^[A-Z0-9]{1,5}$'), 'Product codes that must have ended before this product may be allocated.'),
  example: { type: 'boolean', description: 'True: a stand-in code, the protocol names none.' },
  source: str(), note: str(),
}, ['code', 'category', 'name', 'eenheid', 'frequentie', 'declarationRule', 'tariff', 'example', 'source']);

const deadlines = obj({
  retour: citedInt('Werkdagen for the technical retours.'), toewijzingRetour: citedInt('Werkdagen for the 302.'),
  startRetour: citedInt('Werkdagen for the 306.'), stopRetour: citedInt('Werkdagen for the 308.'), verzoekRetour: citedInt('Werkdagen for the 316.'),
  answerRequest: citedInt('Werkdagen for the 301/319 after a 315/317.'), answerRequestExtended: citedInt('Werkdagen for the 301 when parental authority must be checked.'),
  inOnderzoekWeeks: citedInt('Weeks after a 319 "in onderzoek" for the final answer.'),
  start: citedInt('Werkdagen for the 305 after the actual start.'), stop: citedInt('Werkdagen for the 307 after the actual end.'),
  declarationAnswer: citedInt('Werkdagen for the 325 after the 323.'), declarationAnswerDays: citedInt('Calendar days for the 325 after the 323.'),
  requestAfterIntake: citedInt('Werkdagen for the 315 after the intake.'),
}, ['retour', 'start', 'stop', 'declarationAnswer'], 'Deadlines (werkdagen unless named otherwise).');

const allocation = obj({
  vowNotRetroactive: citedTrue('A VOW is never honoured retroactively.'),
  referrersAllowed: cited(codes('^\\d{2}$'), 'COD327 referrers whose referral may lead to a toewijzing.'),
  requestReferrers: cited(codes('^\\d{2}$'), 'COD327 referrers for which the provider may send a 315.'),
  specificOnly: citedBool('Only specific toewijzingen.'), einddatumRequired: citedBool('Einddatum and Volume always filled.'),
  retroactiveLimit: cited(obj({ months: int(), weeks: int() }, []), 'How far the requested ingangsdatum may lie before the Dagtekening.'),
  toewijzingDuration: cited(obj({ years: int() }, ['years']), 'Fixed duration of a toewijzing.'),
  vervalperiodeMonths: citedInt('A toewijzing not started within this many months is withdrawn.'),
  stackingAllowed: citedBool('Same product, same provider, overlapping period.'),
  combinableWithOtherCare: citedBool('Whether the products may run alongside other youth care.'),
  locationCodeInCommentary: citedBool('Location code in the 315\'s product commentary, back in the 301\'s.'),
  extension: cited({ enum: ['new-toewijzing', 'change-einddatum'] }, 'How a running toewijzing is extended.'),
  continuationRequest: cited({ enum: ['JW315', 'JW317'] }, 'The message a follow-up is requested with.'),
  unitFromCodeTable: citedTrue('Eenheid and frequentie fixed by the region\'s code table.'),
  mainContractorOnly: citedTrue('The provider sends a 315 only as main contractor.'),
  referrerNameAndOrganisation: cited(codes('^\\d{2}$'), 'COD327 referrers whose name and organisation go in Verwijzer/Naam, with ZorgverlenerCode empty.'),
  woonplaatsbeginsel: citedTrue('The municipality checks a 315 on the woonplaatsbeginsel under a regional rule (`rule`); without it the national IJW-VOT-7.'),
  singleProblemOnly: citedTrue('Only single-problem cases go through a 315.'),
  vowExtension: cited(obj({ externalReferrerOnly: { type: 'boolean' }, sameOmvang: { type: 'boolean' }, beforeEinddatum: { type: 'boolean' } }, ['externalReferrerOnly', 'sameOmvang', 'beforeEinddatum']), 'How a 317 may extend a toewijzing.'),
  omvangShapes: cited({ type: 'object', additionalProperties: codes('^\\d$') }, 'Eenheid → allowed frequenties of a specific toewijzing.'),
}, ['referrersAllowed', 'stackingAllowed'], 'Toewijzing and request rules.');

const startStop = obj({
  careStartWithinWerkdagen: citedInt('Care starts within this many werkdagen.'), careStartWithinWeeks: citedInt('Care starts within this many weeks.'),
  maxWeeksWithoutCare: citedInt('More weeks without care: temporary stop.'), temporaryStopAfterMonths: citedInt('Months without care before a temporary stop (reden 20).'),
  lapseAfterWeeks: citedInt('Weeks after a temporary stop before the toewijzing lapses.'),
  endToewijzingAfterStop: citedTrue('After a definitive stop the municipality ends the toewijzing with a 301.'),
  stopRequired: citedBool('Every 305 is followed by a 307.'), startStopMandatory: citedTrue('305 and 307 mandatory for every toewijzing delivered on.'),
  lowFrequencyException: citedTrue('Support agreed less often than weekly needs no temporary stop.'),
}, [], 'Start and stop (JW305/JW307).');

const declaration = obj({
  period: cited({ const: 'month' }, 'Declaration period.'), dueBy: cited(str(), 'When the 323 is due, in words.'),
  dueMonthsAfter: citedInt('Months after the declared month the 323 is due.'), batchPerMunicipality: citedBool('One batch per month per municipality.'),
  correctionMonths: citedInt('Months within which approved lines may be corrected.'), maxMonthsAfterStop: citedInt('Months after the 307 a declaration is still accepted.'),
  hoursRounding: cited(obj({ roundUpFromMinutes: int(), minimumHours: int() }, ['roundUpFromMinutes', 'minimumHours']), 'Rounding of hours.'),
  brokenPeriodFullVolume: citedBool('A partial week or month may be declared in full.'), absenceDeclarable: citedBool('Absence is declarable.'),
  creditBeforeDebit: citedBool('Credit line before debit line for a client.'), creditRejected: citedBool('Rejected lines are credited.'),
  tariffYear: cited({ type: 'object', propertyNames: { pattern: '^\\d{2}$' }, additionalProperties: { enum: ['delivery', 'toewijzing-start'] } }, 'Per eenheid (WJ756), which calendar year\'s tariff applies: of the delivery, or of the toewijzing\'s ingangsdatum.'),
  creditsInFullOnly: citedTrue('A credit repeats the approved debit in full; a partial credit is rejected.'),
  creditOutsideToewijzing: citedTrue('After a 301 shortens or withdraws a toewijzing, the provider credits every approved line outside it by its next declaration.'),
  periodFromStartStop: cited({ enum: ['none', 'bounds-if-known', 'required'] }, 'How the seed ties the ProductPeriode to the 305/307 (a record; TR387/TR388 win).'),
}, ['period', 'periodFromStartStop'], 'Declaration (JW323/JW325).');

export const regionProfileSchema: Schema = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  $id: 'https://ijw-conformance/schemas/region.schema.json',
  title: 'iJw conformance region pack profile (regions/<id>/profile.yaml)',
  description: 'What one regional protocol adds to iJw 3.2. Every value carries its citation (source) or is marked as a stand-in (example: true). See docs/REGION-PACKS.md.',
  ...obj({
    id: { type: 'string', pattern: '^[a-z][a-z0-9-]*$', description: 'The region id: the pack\'s folder name, --region, @region:<id>.' },
    name: str('Full name of the region (report, vendor page).'),
    shortName: str('Short name (region comparison).'),
    protocolTitle: str('The protocol\'s own title, used in citations instead of its seed number.'),
    rulePrefix: { type: 'string', pattern: '^[A-Z]{3}$', description: 'The prefix of the region\'s rule ids (ALK for ALK-T2).' },
    flows: { type: 'object', minProperties: 1, propertyNames: { pattern: '^[A-Z]{3}-' }, additionalProperties: FLOW, description: 'Rule-id prefix → flow; the longest matching prefix wins.' },
    seed: { type: 'string', pattern: '^\\d{3}_[^/]+\\.txt$', description: 'File name of the protocol text in shared/seeds/.' },
    protocol: obj({ version: cited(str(), 'The protocol\'s own version.'), date: cited(str(), 'The protocol\'s own date.') }, [], 'Version and date where the protocol states them.'),
    municipalities: {
      description: 'The municipalities: a list with CBS codes, or a jeugdzorgregio of the CBS list (shared/reference/codelists.json).',
      oneOf: [
        { type: 'array', minItems: 1, items: municipality },
        obj({ jeugdzorgregio: str('Name as in the CBS list\'s jeugdzorgregio column.'), source: str(), note: str() }, ['jeugdzorgregio', 'source']),
      ],
    },
    formerMunicipalities: { type: 'array', description: 'Municipalities the protocol names that have merged since (kept for the record, never used in messages).', items: { ...municipality, properties: { ...(municipality.properties as object), mergedInto: str('CBS code of the municipality it merged into.'), mergedOn: str('Date of the merger.') }, required: ['code', 'name', 'source', 'mergedInto', 'mergedOn'] } },
    messages: cited({ type: 'array', minItems: 1, items: MESSAGE }, 'The messages the region uses.'),
    deadlines, products: { type: 'array', items: product }, allocation, startStop, declaration,
    open: { type: 'array', items: obj({ topic: str(), open: str(), source: str() }, ['topic', 'open', 'source']), description: 'What the protocol leaves open, garbles or contradicts.' },
    nationalWins: { type: 'array', items: obj({ rule: str(), national: { type: 'array', items: str() }, seedText: str(), source: str(), why: str() }, ['rule', 'national', 'seedText', 'source', 'why']) },
  }, ['id', 'name', 'shortName', 'protocolTitle', 'rulePrefix', 'flows', 'seed', 'municipalities', 'messages', 'deadlines', 'products', 'allocation', 'startStop', 'declaration', 'open']),
};
