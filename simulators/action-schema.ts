/**
 * JSON Schemas of the adapter-protocol actions: the public contract vendors implement. The
 * simulators validate every incoming action against them (ajv), and docs/schemas/actions.schema.json
 * is written from them (`npm run gen:action-schema`; a test keeps it current).
 */
import { CONTRACT_VERSION } from './action-versions.ts';
import { REGION_IDS } from '../regions/catalogue.ts';
const date = { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'A business date, YYYY-MM-DD' } as const;
const month = { type: 'string', pattern: '^\\d{4}-\\d{2}$', description: 'A calendar month, YYYY-MM' } as const;
const nummer = { type: 'integer', minimum: 0, maximum: 999999999, description: 'ToewijzingNummer' } as const;
const code = (description: string, pattern = '^[0-9A-Z]{1,5}$') => ({ type: 'string', pattern, description }) as const;

const client = {
  type: 'object',
  description: 'The client (Client class): BSN, birth date, gender, surname',
  required: ['bsn', 'geboortedatum', 'geslacht', 'achternaam'],
  properties: {
    bsn: { type: 'string', pattern: '^\\d{9}$', description: 'Bsn; test BSNs only (elfproef)' },
    geboortedatum: date,
    geslacht: { enum: ['0', '1', '2'], description: 'Geslacht (COD046)' },
    achternaam: { type: 'string', minLength: 1, maxLength: 200 },
    voorletters: { type: 'string', pattern: '^[a-zA-ZÀ-ỳ]{1,6}$' },
  },
  additionalProperties: false,
} as const;

/**
 * The client's BRP address (Contact Soort 01 of the JW301), as a municipality takes it from the
 * BRP (since 1.2). LandCode is NL: CD005 wants a LandCode with the Postcode, CD025 a Huis for NL,
 * CS089 the Dutch postcode format, TR006 Huis and Postcode (or a Telefoon).
 */
const adres = {
  type: 'object',
  description: 'The client\'s BRP address (JW301 Contact Soort 01, LandCode NL)',
  required: ['straatnaam', 'huisnummer', 'postcode', 'plaatsnaam'],
  properties: {
    straatnaam: { type: 'string', minLength: 1, maxLength: 24, pattern: '\\S', description: 'Adres/Straatnaam' },
    huisnummer: { type: 'integer', minimum: 0, maximum: 99999, description: 'Adres/Huis/Huisnummer' },
    huisletter: { type: 'string', pattern: '^[A-Za-z]$', description: 'Adres/Huis/Huisletter' },
    huisnummerToevoeging: { type: 'string', pattern: '^[0-9A-Za-z]{1,4}$', description: 'Adres/Huis/HuisnummerToevoeging' },
    postcode: { type: 'string', pattern: '^[1-9][0-9]{3}[A-Z]{2}$', description: 'Adres/Postcode: a Dutch postcode, 9999XX (CS089)' },
    plaatsnaam: { type: 'string', minLength: 1, maxLength: 80, pattern: '\\S', description: 'Adres/Plaatsnaam' },
  },
  additionalProperties: false,
} as const;

/** The client of `allocate`: the client facts plus the contact data the BRP gives a municipality (since 1.2). */
const brpClient = {
  ...client,
  description: 'The client (Client class) with its BRP contact data: BSN, birth date, gender, surname, address, optionally a telephone number',
  required: [...client.required, 'adres'],
  properties: {
    ...client.properties,
    adres,
    telefoon: { type: 'string', pattern: '^0[0-9]{9}$', description: 'A Dutch telephone number, 10 digits (Contact/Telefoon/Telefoon01/Telefoonnummer, Landnummer 0031)' },
  },
} as const;

const product = {
  type: 'object',
  required: ['categorie'],
  properties: { categorie: code('ProductCategorie (JZ020)', '^\\d{2}$'), code: code('ProductCode') },
  additionalProperties: false,
} as const;

const omvang = {
  type: 'object',
  required: ['volume', 'eenheid', 'frequentie'],
  properties: { volume: { type: 'integer', minimum: 0 }, eenheid: code('Eenheid (WJ756)', '^\\d{2}$'), frequentie: code('Frequentie (WMO757)', '^\\d$') },
  additionalProperties: false,
} as const;

const requestedProduct = {
  type: 'object',
  required: ['product', 'ingangsdatum'],
  properties: { product, ingangsdatum: date, einddatum: date, omvang, commentaar: { type: 'string', minLength: 1 }, locatiecode: { type: 'string', minLength: 1, maxLength: 40, description: 'The care location; Fryslân: goes in the product commentary (FRL-VOT-5)' } },
  additionalProperties: false,
} as const;

function action(name: string, description: string, properties: Record<string, unknown> = {}, required: string[] = []) {
  return {
    type: 'object',
    description,
    required: ['action', ...required],
    properties: { action: { const: name }, date, ...properties },
    additionalProperties: false,
  } as const;
}

export const actionSchemas = {
  configure: action('configure', 'Forget all state of this run; use harnessUrl as the counterpart, region as the profile, party as own identity (CBS or AGB code), counterparty as the other\'s, date as today', {
    harnessUrl: { type: 'string', pattern: '^https?://' },
    region: { enum: [...REGION_IDS], description: 'A region pack id (regions/<id>/)' },
    party: { type: 'string', pattern: '^(\\d{4}|\\d{8})$' },
    counterparty: { type: 'string', pattern: '^(\\d{4}|\\d{8})$' },
    role: { enum: ['gemeente', 'aanbieder'], description: 'The role the SUT plays (informative)' },
  }, ['date', 'harnessUrl', 'region', 'party', 'counterparty']),
  'set-date': action('set-date', 'Move the business date (Dagtekening of what is sent from now on)', {}, ['date']),
  'request-allocation': action('request-allocation', 'aanbieder: send a JW315 for the client, products and referrer', {
    client,
    referentieAanbieder: { type: 'string', minLength: 1, maxLength: 36 },
    products: { type: 'array', minItems: 1, items: requestedProduct },
    verwijzer: { type: 'object', required: ['type'], properties: { type: code('Verwijzer type (COD327)', '^\\d{2}$'), naam: { type: 'string' }, organisatie: { type: 'string', description: 'The referrer\'s organisation (Fryslân GI referral, FRL-VOT-3)' }, zorgverlenerCode: { type: 'string', pattern: '^\\d{8}$' } }, additionalProperties: false },
    intakedatum: { ...date, description: 'Date of the intake (Rijnmond: the JW315 within 10 werkdagen of it, RIJ-VOT-1)' },
    problematiek: { enum: ['enkelvoudig', 'meervoudig'], description: 'Rijnmond: only single-problem cases go through a JW315 (RIJ-VOT-1)' },
    hoofdaannemer: { type: 'boolean', description: 'Rijnmond: only the main contractor sends the JW315 (RIJ-VOT-1)' },
  }, ['client', 'products', 'verwijzer']),
  'request-change': action('request-change', 'aanbieder: send a JW317 with the complete desired situation', {
    client,
    referentieAanbieder: { type: 'string', minLength: 1, maxLength: 36 },
    redenVerzoek: code('RedenVerzoek (WJ758)', '^\\d$'),
    unchanged: { type: 'array', items: nummer, description: 'Informative and optional (the harness does not send it): the provider lists every current toewijzing of the client itself, as OngewijzigdProduct or TeWijzigenProduct (TR349)' },
    changed: { type: 'array', items: { type: 'object', required: ['toewijzingNummer'], properties: { toewijzingNummer: nummer, ingangsdatum: date, einddatum: date, omvang }, additionalProperties: false } },
    added: { type: 'array', items: requestedProduct },
  }, ['client', 'changed', 'added']),
  'request-continuation': action('request-continuation', 'aanbieder: a follow-up (vervolg) of this toewijzing is wanted until einddatum; ask the municipality for it with the message the region prescribes (Rijnmond: a new JW315 for the same product from the day after the current einddatum, RIJ-VOT-2; elsewhere a JW317)', {
    toewijzingNummer: nummer,
    einddatum: { ...date, description: 'The desired end of the follow-up' },
    verwijzer: { type: 'object', required: ['type'], properties: { type: code('Verwijzer type (COD327)', '^\\d{2}$'), naam: { type: 'string' }, organisatie: { type: 'string' }, zorgverlenerCode: { type: 'string', pattern: '^\\d{8}$' } }, additionalProperties: false, description: 'The referrer of the follow-up; without it, the referrer of the original request' },
  }, ['toewijzingNummer', 'einddatum']),
  'start-care': action('start-care', 'aanbieder: send a JW305 for the toewijzing with this Begindatum; without begindatum the SUT takes the start of care itself from the care it recorded (Alkmaar: the day of the first declarable care, ALK-START-2)', { toewijzingNummer: nummer, begindatum: { ...date, description: 'Begindatum of the care; optional: when left out, the SUT decides it from the recorded care' }, lagereFrequentie: { type: 'boolean', description: 'Support is agreed with the client less often than once a week (Rijnmond: then no temporary stop after four weeks without care, RIJ-ABS-2)' } }, ['toewijzingNummer']),
  'stop-care': action('stop-care', 'aanbieder: send a JW307 with Einddatum and RedenBeeindiging', { toewijzingNummer: nummer, einddatum: date, redenBeeindiging: code('RedenBeeindiging (JZ588)', '^\\d{2}$'), begindatum: date }, ['toewijzingNummer', 'einddatum', 'redenBeeindiging']),
  'withdraw-start': action('withdraw-start', 'aanbieder: resend that start with StatusAanlevering 3', { toewijzingNummer: nummer, begindatum: date }, ['toewijzingNummer']),
  'withdraw-stop': action('withdraw-stop', 'aanbieder: resend that stop with StatusAanlevering 3', { toewijzingNummer: nummer, begindatum: date }, ['toewijzingNummer']),
  'record-care': action('record-care', 'aanbieder: record care delivered from begindatum (to einddatum), never after the business date, for a later declaration: volume in eenheid', { toewijzingNummer: nummer, begindatum: date, einddatum: date, volume: { type: 'integer', minimum: 0, description: 'How much care, in eenheid' }, eenheid: code('Eenheid (WJ756) of volume: 01 minuut, 04 uur, 14 etmaal, 82 stuks, 83 eurocent …', '^\\d{2}$'), absence: { enum: ['planned', 'no-show'], description: 'The care was planned but the client was absent (cancelled ≥ 24 h before, or a no-show): not declarable' }, intake: { type: 'boolean', description: 'An intake, kennismaking or orientation: recorded, but not the start of care (UTR-START-1)' } }, ['toewijzingNummer', 'begindatum', 'volume', 'eenheid']),
  declare: action('declare', 'aanbieder: send the JW323 for a month from the recorded care, by the region\'s rules', { month }, ['month']),
  'correct-declaration': action('correct-declaration', 'aanbieder: credit an approved line and declare the corrected one', { referentieNummer: { type: 'string', minLength: 1, maxLength: 20 }, volume: { type: 'integer', minimum: 0 } }, ['referentieNummer', 'volume']),
  allocate: action('allocate', 'gemeente: send a JW301 with the client, its BRP contact data (Contact Soort 01 with this Adres, LandCode NL; the telefoon when given) and products', {
    client: brpClient,
    products: { type: 'array', minItems: 1, items: { type: 'object', required: ['product', 'ingangsdatum'], properties: { ...requestedProduct.properties, budget: { type: 'integer', minimum: 0 }, referentieAanbieder: { type: 'string', minLength: 1, maxLength: 36 } }, additionalProperties: false } },
  }, ['client', 'products']),
  'answer-request': action('answer-request', 'gemeente: answer a JW315/JW317 with a JW319', {
    referentieAanbieder: { type: 'string', minLength: 1, maxLength: 36 },
    verzoekAntwoord: { enum: ['1', '2'], description: '1 afgewezen, 2 in onderzoek (WJ760)' },
    redenAfwijzing: code('RedenAfwijzingVerzoek (WJ759)', '^\\d$'),
    woonplaatsGemeente: { type: 'string', pattern: '^\\d{4}$' },
  }, ['referentieAanbieder', 'verzoekAntwoord']),
  'change-allocation': action('change-allocation', 'gemeente: resend a toewijzing withdrawn (einddatum = ingangsdatum) or shortened, with a RedenWijziging: the one given, or without one the code the municipality finds fitting', { toewijzingNummer: nummer, einddatum: date, redenWijziging: code('RedenWijziging (JZ002); absent: the municipality chooses', '^\\d{2}$') }, ['toewijzingNummer', 'einddatum']),
  'change-agb': action('change-agb', 'both: the provider\'s AGB code changes from oudeAgb to nieuweAgb on ingangsdatum (agreed in writing, outside the messages; Alkmaar: 1 January or 1 July, ALK-AGB-1). A gemeente ends the toewijzingen on the old AGB (JW301 with an adjusted einddatum) and sends them anew on the new AGB (JW301); an aanbieder stops care on the old ones (JW307) and starts it on the new ones (JW305, sent as the new AGB)', {
    oudeAgb: { type: 'string', pattern: '^\\d{8}$', description: 'The AGB code until the change' },
    nieuweAgb: { type: 'string', pattern: '^\\d{8}$', description: 'The AGB code from ingangsdatum on' },
    ingangsdatum: { ...date, description: 'The first day on the new AGB code' },
  }, ['oudeAgb', 'nieuweAgb', 'ingangsdatum']),
  'change-product': action('change-product', 'gemeente: from ingangsdatum on, the care of this toewijzing continues as another product (or in another eenheid or frequentie), until einddatum; the SUT decides how its JW301 says so (IJW-WIJZ-1)', { toewijzingNummer: nummer, ingangsdatum: date, einddatum: date, product, omvang }, ['toewijzingNummer', 'ingangsdatum', 'product', 'omvang']),
  'record-residence': action('record-residence', 'gemeente: a fact from the BRP for the woonplaatsbeginsel: the client (by BSN) lived in this municipality (for youth care with stay: just before the placement); judge the client\'s requests by it', {
    bsn: { type: 'string', pattern: '^\\d{9}$', description: 'Bsn of the client' },
    gemeente: { type: 'string', pattern: '^\\d{4}$', description: 'CBS code of the municipality of residence' },
  }, ['bsn', 'gemeente']),
  'register-location': action('register-location', 'gemeente: the provider\'s location with this location code is registered for these products (Fryslân §2: a code per location and woonvorm); a request naming another code for a product gets no toewijzing', {
    locatiecode: { type: 'string', minLength: 1, maxLength: 40 },
    productCodes: { type: 'array', minItems: 1, items: code('ProductCode') },
  }, ['locatiecode', 'productCodes']),
  'end-run': action('end-run', 'both, optional: the run is over; forget all of its state (a later request with the same run id starts afresh). A SUT without per-run state may answer 200 and do nothing'),
} as const;

/** One schema for any action, as published in docs/schemas/actions.schema.json. */
export const actionsSchema = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  $id: `https://ijw-conformance/adapter-protocol/v${CONTRACT_VERSION}/actions.schema.json`,
  title: `iJw conformance adapter protocol v${CONTRACT_VERSION}: control actions (POST /conformance/actions)`,
  oneOf: Object.values(actionSchemas),
} as const;
