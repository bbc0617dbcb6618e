/**
 * One conformance run's realistic traffic against a simulated municipality over HTTP, as a
 * provider would send it: the municipality allocates two toewijzingen (JW301 to the provider
 * simulator), then receives starts, stops and a request for a toewijzing, some of them wrong
 * on purpose, each with the answer the protocol prescribes. Used by the load test and by
 * bench/server.ts. Every message carries an identificatie and a client unique to the run, so
 * an answer meant for another run cannot pass for this run's.
 */
import { messages, readMessage } from '../../ijw/messages/registry.ts';
import { isValidBsn, maskBsn } from '../../ijw/bsn.ts';
import type { Jw305 } from '../../ijw/messages/jw305.ts';
import type { Jw307 } from '../../ijw/messages/jw307.ts';
import type { Jw315 } from '../../ijw/messages/jw315.ts';

export const GEMEENTE = '0361';
export const AANBIEDER = '12345678';
const DATE = '2025-03-03';
const XSD = { BasisschemaXsdVersie: '0.1.0', BerichtXsdVersie: '0.1.0' };

export interface RunIdentity {
  run: string;
  /** Distinct per run within a batch: it goes into identificaties (≤ 12 characters). */
  index: number;
  bsn: string;
  achternaam: string;
}

/** What a step must be answered with. */
export interface Expected {
  status: number;
  /** The retour's code and its RetourCodes, in document order; none for a 400. */
  retour?: string;
  retourcodes?: string[];
}

export interface Step {
  label: string;
  code: string;
  identificatie: string;
  xml: string;
  expected: Expected;
}

export interface StepResult {
  step: Step;
  status: number;
  ms: number;
  /** The retour as read, when the answer was iJw XML. */
  retour?: { code: string; identificatie: string; bsn?: string; retourcodes: string[] };
  problem?: string;
}

/** `count` test BSNs passing the elfproef with distinct last four digits, so masked ones stay distinct. */
export function testBsns(count: number): string[] {
  const out: string[] = [];
  for (let n = 999900006; out.length < count && n <= 999909999; n++) if (isValidBsn(String(n))) out.push(String(n));
  if (out.length < count) throw new RangeError(`only ${out.length} distinct test BSNs available`);
  return out;
}

export function identities(prefix: string, count: number): RunIdentity[] {
  return testBsns(count).map((bsn, index) => ({ run: `${prefix}-${index}`, index, bsn, achternaam: `Load${prefix.replace(/\W/g, '')}R${index}` }));
}

const header = (code: 'JW305' | 'JW307' | 'JW315', id: string) => ({
  BerichtCode: messages[code].berichtCode,
  BerichtVersie: 3,
  BerichtSubversie: 2,
  Afzender: AANBIEDER,
  Ontvanger: GEMEENTE,
  BerichtIdentificatie: { Identificatie: id, Dagtekening: DATE },
  XsdVersie: { ...XSD },
});

const client = (r: RunIdentity) => ({ Bsn: r.bsn, Geboortedatum: { Datum: '2015-05-01', DatumGebruik: '1' }, Geslacht: '2', Naam: { Geslachtsnaam: { Achternaam: r.achternaam } } });
const product = { Categorie: '45', Code: '45X01' };

function start(id: string, r: RunIdentity, toewijzing: number): string {
  const m = { Header: header('JW305', id), Client: { ...client(r), StartProducten: { StartProduct: [{ ToewijzingNummer: toewijzing, Product: product, ToewijzingIngangsdatum: '2025-03-01', Begindatum: DATE, StatusAanlevering: '1' }] } } };
  return messages.JW305.build(m as unknown as Jw305);
}

function stop(id: string, r: RunIdentity, toewijzing: number, einddatum = DATE): string {
  const m = { Header: header('JW307', id), Client: { ...client(r), StopProducten: { StopProduct: [{ ToewijzingNummer: toewijzing, Product: product, ToewijzingIngangsdatum: '2025-03-01', Begindatum: DATE, RedenBeeindiging: '02', Einddatum: einddatum, StatusAanlevering: '1' }] } } };
  return messages.JW307.build(m as unknown as Jw307);
}

function request(id: string, r: RunIdentity, referentie: string): string {
  const m = { Header: header('JW315', id), Client: { ...client(r), AangevraagdeProducten: { AangevraagdProduct: [{ ReferentieAanbieder: referentie, Product: { Categorie: '45', Code: '45X02' }, ToewijzingIngangsdatum: '2025-04-01', ToewijzingEinddatum: '2025-09-30', Omvang: { Volume: 4, Eenheid: '04', Frequentie: '6' }, Verwijzer: { Type: '02', ZorgverlenerCode: '01234567' } }] } } };
  return messages.JW315.build(m as unknown as Jw315);
}

/**
 * The messages of one run after the two toewijzingen (1001, 1002) exist, in order, with their
 * due answers: the nine of the flow, or `count` (fewer of them, or more: further starts on
 * an unknown toewijzing, each processed in full and refused with 9019 whatever came before).
 */
export function runSteps(r: RunIdentity, batch = 0, count = 9): Step[] {
  const id = (n: number) => `B${batch}R${r.index}M${n}`;
  const s = (label: string, code: string, n: number, xml: string, expected: Expected): Step => ({ label, code, identificatie: id(n), xml, expected });
  const flow = flowSteps(r, id, s);
  for (let n = flow.length + 1; n <= count; n++) flow.push(s('another start on an unknown toewijzing (TR019)', 'JW305', n, start(id(n), r, 1099), { status: 200, retour: 'JW306', retourcodes: ['0200', '9019', '0200'] }));
  return flow.slice(0, count);
}

function flowSteps(r: RunIdentity, id: (n: number) => string, s: (label: string, code: string, n: number, xml: string, expected: Expected) => Step): Step[] {
  return [
    s('start on toewijzing 1001', 'JW305', 1, start(id(1), r, 1001), { status: 200, retour: 'JW306', retourcodes: [] }),
    // 0200 on the header and the client: the message was processed; the product carries the rejection.
    s('the same start again (TR074)', 'JW305', 2, start(id(2), r, 1001), { status: 200, retour: 'JW306', retourcodes: ['0200', '9074', '0200'] }),
    s('a stop without a start (TR382)', 'JW307', 3, stop(id(3), r, 1002), { status: 200, retour: 'JW308', retourcodes: ['0200', '9069', '0200'] }),
    s('a start on an unknown toewijzing (TR019)', 'JW305', 4, start(id(4), r, 1099), { status: 200, retour: 'JW306', retourcodes: ['0200', '9019', '0200'] }),
    s('a stop dated after the Dagtekening (TR134)', 'JW307', 5, stop(id(5), r, 1001, '2025-03-20'), { status: 200, retour: 'JW308', retourcodes: ['0001'] }),
    s('stop on toewijzing 1001', 'JW307', 6, stop(id(6), r, 1001), { status: 200, retour: 'JW308', retourcodes: [] }),
    s('a request for a toewijzing', 'JW315', 7, request(id(7), r, `${id(7)}-V1`), { status: 200, retour: 'JW316', retourcodes: [] }),
    s('a second request while the first is open (TR374)', 'JW315', 8, request(id(8), r, `${id(8)}-V2`), { status: 200, retour: 'JW316', retourcodes: ['0200', '0233', '9374'] }),
    // Not well-formed, yet it names itself: the journal can still say which message it was.
    { label: 'malformed XML', code: 'JW305', identificatie: id(9), xml: `<jw305:Bericht xmlns:jw305="http://www.istandaarden.nl/ijw/3_2/jw305/schema"><jw305:Header><jw305:Identificatie>${id(9)}</jw305:Identificatie></jw305:Bericht>`, expected: { status: 400 } },
  ];
}

export interface Urls {
  gemeente: string;
  aanbieder: string;
}

const post = (url: string, body: string, run: string, type: string) =>
  fetch(url, { method: 'POST', headers: { 'content-type': type, 'x-conformance-run': run }, body, signal: AbortSignal.timeout(30_000) });

/** Performs an action; throws with the server's problem when it is not 200. */
export async function act(url: string, run: string, action: object): Promise<void> {
  const res = await post(`${url}/conformance/actions`, JSON.stringify(action), run, 'application/json');
  if (res.status !== 200) throw new Error(`${run}: action ${JSON.stringify(action).slice(0, 60)} answered ${res.status}: ${await res.text()}`);
}

/** Configures both sides for the run and lets the municipality allocate toewijzingen 1001 and 1002. */
export async function setUpRun(urls: Urls, r: RunIdentity): Promise<void> {
  await act(urls.aanbieder, r.run, { action: 'configure', date: DATE, harnessUrl: urls.gemeente, region: 'alkmaar', party: AANBIEDER, counterparty: GEMEENTE });
  await act(urls.gemeente, r.run, { action: 'configure', date: DATE, harnessUrl: urls.aanbieder, region: 'alkmaar', party: GEMEENTE, counterparty: AANBIEDER });
  const p = (code: string) => ({ product: { categorie: '45', code }, ingangsdatum: '2025-03-01', einddatum: '2025-12-31', omvang: { volume: 10, eenheid: '04', frequentie: '2' } });
  await act(urls.gemeente, r.run, { action: 'allocate', client: { bsn: r.bsn, geboortedatum: '2015-05-01', geslacht: '2', achternaam: r.achternaam, adres: { straatnaam: 'Laat', huisnummer: 12, postcode: '1811AB', plaatsnaam: 'Alkmaar' } }, products: [p('45X01'), p('45X03')] });
}

/** Delivers one message and reads what came back. */
export async function deliver(gemeenteUrl: string, run: string, step: Step): Promise<StepResult> {
  const t0 = performance.now();
  const res = await post(`${gemeenteUrl}/berichten`, step.xml, run, 'application/xml');
  const text = await res.text();
  const ms = performance.now() - t0;
  if (res.status !== 200 || !text.startsWith('<')) return { step, status: res.status, ms, problem: text };
  const read = readMessage(text);
  const h = read.model.Header as { BerichtIdentificatie: { Identificatie: string } };
  const bsn = (read.model as { Client?: { Bsn?: string } }).Client?.Bsn;
  return {
    step,
    status: res.status,
    ms,
    retour: { code: read.code, identificatie: h.BerichtIdentificatie.Identificatie, ...(bsn ? { bsn } : {}), retourcodes: [...text.matchAll(/<(?:[\w-]+:)?RetourCode>([^<]+)</g)].map((m) => m[1]!) },
  };
}

/** Delivers the steps one after another, as one provider would. */
export async function deliverAll(gemeenteUrl: string, run: string, steps: Step[]): Promise<StepResult[]> {
  const results: StepResult[] = [];
  for (const step of steps) results.push(await deliver(gemeenteUrl, run, step));
  return results;
}

/** The run's whole traffic: set-up, every step in order, then the next werkdag (the request is decided). */
export async function driveRun(urls: Urls, r: RunIdentity, batch = 0): Promise<StepResult[]> {
  await setUpRun(urls, r);
  const results = await deliverAll(urls.gemeente, r.run, runSteps(r, batch));
  await act(urls.gemeente, r.run, { action: 'set-date', date: '2025-03-04' });
  return results;
}

/** What is wrong with a result, or undefined when it is the due answer to this run's message. */
export function checkResult(r: RunIdentity, res: StepResult): string | undefined {
  const e = res.step.expected;
  const where = `${r.run} ${res.step.identificatie} (${res.step.label})`;
  if (res.status !== e.status) return `${where}: HTTP ${res.status}, expected ${e.status}: ${res.problem?.slice(0, 200)}`;
  if (!e.retour) return res.retour ? `${where}: a retour where none is due` : undefined;
  if (!res.retour) return `${where}: no retour`;
  if (res.retour.code !== e.retour) return `${where}: ${res.retour.code}, expected ${e.retour}`;
  if (res.retour.identificatie !== res.step.identificatie) return `${where}: the retour answers ${res.retour.identificatie}`;
  // An accepted retour is its header only; a rejection names the client.
  if (res.retour.bsn !== undefined && res.retour.bsn !== r.bsn) return `${where}: the retour is for client ${maskBsn(res.retour.bsn ?? '?????????')}`;
  if (JSON.stringify(res.retour.retourcodes) !== JSON.stringify(e.retourcodes)) return `${where}: retourcodes ${res.retour.retourcodes.join(',') || 'none'}, expected ${e.retourcodes?.join(',') || 'none'}`;
  return undefined;
}
