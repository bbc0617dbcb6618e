/**
 * Declarations in a scenario, whichever side the SUT plays: recording care and declaring go to
 * the SUT as actions when it is the provider, and to the harness's own provider when the SUT
 * is the municipality (which may then send what the scenario dictates, deliberately wrong
 * lines included). Assertions read the JW323/JW325 from the transcript.
 */
import type { ConformanceWorld } from './world.ts';
import type { Jw323, Jw323Prestatie } from '../../ijw/messages/jw323.ts';
import type { Jw325 } from '../../ijw/messages/jw325.ts';
import { readMessage } from '../../ijw/messages/registry.ts';
import { retourcodeMeaning } from '../../ijw/codelists/index.ts';
import { settle } from './world.ts';
import { rejectedLines } from './placement.ts';
import { harness, declProduct, euro, type AanbiederDeclaratieFlow, type DeclProduct, type Exchange, type GemeenteDeclaratieFlow, type PrestatieRecord } from './harness.ts';

export const UNIT_CODES: Record<string, string | undefined> = { minutes: '01', hours: '04', etmalen: '14', stuks: '82', eurocents: '83', units: undefined };

export function harnessProvider(w: ConformanceWorld): AanbiederDeclaratieFlow {
  if (w.harnessRole !== 'aanbieder') throw new Error('This step needs the harness to play the provider (a @role:gemeente scenario)');
  return harness(w).provider.declaratie;
}

export function harnessMunicipality(w: ConformanceWorld): GemeenteDeclaratieFlow {
  if (w.harnessRole !== 'gemeente') throw new Error('This step needs the harness to play the municipality (a @role:aanbieder scenario)');
  return harness(w).municipality.declaratie;
}

export const rc = (codes: readonly string[]) => (codes.length ? codes.map((c) => `${c} (${retourcodeMeaning(c) ?? '?'})`).join(', ') : 'none');

export function productOfToewijzing(w: ConformanceWorld, alias: string): DeclProduct {
  const t = w.toewijzing(alias);
  const p = declProduct(w.profile, t.product.code);
  if (!p) throw new Error(`Product ${t.product.code} of toewijzing ${alias} has no declaration rule in the ${w.profile.id} profile`);
  return p;
}

/** What recorded care was besides delivered care: an absence (not declarable) or an intake (not the start of care). */
export type CareKind = { absence?: 'planned' | 'no-show'; intake?: boolean };

export async function recordCare(w: ConformanceWorld, alias: string, begindatum: string, einddatum: string, volume: number, unit: string, kind: CareKind = {}): Promise<void> {
  const { absence, intake } = kind;
  const nummer = w.toewijzingNummer(alias);
  const eenheid = UNIT_CODES[unit];
  if (w.judged === 'aanbieder') {
    // Care is recorded once delivered: the business date first moves to its last day. The unit
    // always travels with the volume ("units": the toewijzing's own).
    if (einddatum > w.date) await w.setDate(einddatum);
    const unitCode = eenheid ?? w.toewijzing(alias).omvang?.eenheid ?? productOfToewijzing(w, alias).eenheid;
    await w.actOrFail({ action: 'record-care', toewijzingNummer: nummer, begindatum, ...(einddatum !== begindatum ? { einddatum } : {}), volume, eenheid: unitCode, ...(absence ? { absence } : {}), ...(intake ? { intake } : {}) });
  } else {
    harnessProvider(w).recordCare(nummer, begindatum, einddatum, volume, eenheid, absence);
  }
}

/** Declares a month: the SUT by action (a refusal is kept in lastAction), or the harness's provider. */
export async function declare(w: ConformanceWorld, month: string, mutate?: (msg: Jw323) => void): Promise<void> {
  w.beginStep();
  if (w.judged === 'aanbieder') {
    if (mutate) throw new Error('A scenario never dictates the content of the SUT\'s declaration');
    await w.act({ action: 'declare', month });
    return;
  }
  const flow = harnessProvider(w);
  if (mutate) flow.mutate = mutate;
  await flow.declare(month);
  await settle();
}

export async function correct(w: ConformanceWorld, alias: string, month: string, volume: number): Promise<void> {
  const line = approvedLine(w, alias, month);
  w.beginStep();
  if (w.judged === 'aanbieder') await w.act({ action: 'correct-declaration', referentieNummer: line.referentieNummer, volume });
  else {
    await harnessProvider(w).correct(line.referentieNummer, volume);
    await settle();
  }
}

/** The approved, not credited debit on a toewijzing for a month, in the harness's books. */
export function approvedLine(w: ConformanceWorld, alias: string, month: string): PrestatieRecord {
  const nummer = w.toewijzingNummer(alias);
  const line = [...w.harness.ledger.prestaties.values()].find((p) => p.toewijzingNummer === nummer && p.debetCredit === 'D' && p.status === 'approved' && !p.credited && p.begindatum.startsWith(month));
  if (!line) throw new Error(`No approved line of ${alias} for ${month} in the harness's books`);
  return line;
}

// ------------------------------------------------------------------ reading the exchange

export interface Seen<T> {
  exchange: Exchange;
  model: T;
}

function seen<T>(w: ConformanceWorld, code: 'JW323' | 'JW325', from: number): Seen<T>[] {
  return w.transcript
    .slice(from)
    .filter((e) => e.code === code && e.httpStatus !== 400)
    .map((exchange) => {
      const r = readMessage(exchange.xml);
      return { exchange, model: r.model as T };
    });
}

/** JW323s in this step (or the scenario), sent by whichever side declared. */
export const declarations = (w: ConformanceWorld, from = w.mark) => seen<Jw323>(w, 'JW323', from);
export const answers = (w: ConformanceWorld, from = w.mark) => seen<Jw325>(w, 'JW325', from);

export function lastDeclaration(w: ConformanceWorld): Seen<Jw323> {
  const d = declarations(w).at(-1) ?? declarations(w, 0).at(-1);
  if (!d) {
    const refused = w.lastAction && !w.lastAction.ok ? ` (the action was refused: ${w.lastAction.problem?.detail ?? w.lastAction.status})` : '';
    w.fail({ rule: w.rules.join(', '), expected: 'a JW323 from the provider', actual: `no JW323${refused}`, text: 'The provider sent no declaration' });
  }
  return d;
}

/** The JW325 answering the latest declaration; waits for it when the answer comes later. */
export async function lastAnswer(w: ConformanceWorld): Promise<Seen<Jw325>> {
  const d = lastDeclaration(w);
  const id = d.model.Header.BerichtIdentificatie.Identificatie;
  const a = await w.until(() => answers(w, 0).find((x) => x.model.Header.DeclaratieIdentificatie.Identificatie === id));
  if (a) return a;
  return w.fail({ rule: w.rules.join(', '), expected: `a JW325 answering declaration ${id}`, actual: 'none received', text: 'The declaration was not answered' });
}

export function linesOf(msg: Jw323, nummer: number): Jw323Prestatie[] {
  return msg.Declaratie.Clienten.Client.flatMap((c) => c.Prestaties.Prestatie).filter((p) => p.ToewijzingNummer === nummer);
}

export function describeLine(p: Jw323Prestatie): string {
  return `${p.IngediendBedrag.DebetCredit} ${p.ProductCategorie}/${p.ProductCode} ${p.ProductPeriode.Begindatum}–${p.ProductPeriode.Einddatum} volume ${p.GeleverdVolume} eenheid ${p.Eenheid}${p.ProductTarief !== undefined ? ` tarief ${euro(p.ProductTarief)}` : ''} bedrag ${euro(p.IngediendBedrag.Bedrag)}`;
}

/**
 * Rejected prestaties of a JW325 with the codes that reject them: a client-level code (TR304's
 * 8187) counts for each line of that client whether it stands on the line or on the Client with
 * 0233 on the line (FLOWS.md; steps/support/placement.ts).
 */
export const rejectedIn = rejectedLines;

const signed = (t: { TotaalBedrag: number; DebetCredit: string }) => (t.DebetCredit === 'C' ? -t.TotaalBedrag : t.TotaalBedrag);

/** IJW-DECL-1 / TR342: toegekend = ingediend − the rejected lines; the 325's ingediend is the 323's. */
export function checkTotals(w: ConformanceWorld, d: Jw323, a: Jw325): void {
  const ant = a.DeclaratieAntwoord;
  if (!ant) return;
  const ingediend = signed(d.Declaratie.TotaalIngediendBedrag);
  if (signed(ant.TotaalIngediendBedrag) !== ingediend) {
    w.fail({ rule: 'IJW-DECL-1', expected: `TotaalIngediendBedrag ${euro(ingediend)} (as declared)`, actual: euro(signed(ant.TotaalIngediendBedrag)), text: 'The JW325 misstates the declared total' });
  }
  const rejected = rejectedIn(a).reduce((s, p) => s + (p.dc === 'C' ? -p.bedrag : p.bedrag), 0);
  const declarationRejected = ant.RetourCodes.RetourCode.some((c) => c !== '0200' && c !== '8001');
  const expected = declarationRejected ? 0 : ingediend - rejected;
  if (signed(ant.TotaalToegekendBedrag) !== expected) {
    w.fail({ rule: 'IJW-DECL-1', expected: `TotaalToegekendBedrag ${euro(expected)} (declared ${euro(ingediend)} minus rejected lines ${euro(rejected)})`, actual: euro(signed(ant.TotaalToegekendBedrag)), text: 'The JW325 totals do not add up (TR342)' });
  }
}
