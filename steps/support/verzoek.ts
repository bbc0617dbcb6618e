/**
 * Requests (JW315/JW317) and their answers (JW301/JW319), whichever side the SUT plays. When the
 * SUT is the municipality the harness's provider sends what the scenario dictates (wrong
 * requests included); when the SUT is the provider it is asked through actions and decides the
 * content itself. Answers are awaited werkdag by werkdag up to the deadline, so a late answer
 * shows as late rather than as missing.
 */
import type { ConformanceWorld } from './world.ts';
import { settle } from './world.ts';
import { productOf, omvangOf } from './allocate.ts';
import { readMessage } from '../../ijw/messages/registry.ts';
import type { Jw301, Jw301ToegewezenProduct } from '../../ijw/messages/jw301.ts';
import type { Jw315 } from '../../ijw/messages/jw315.ts';
import type { Jw317 } from '../../ijw/messages/jw317.ts';
import type { Jw319 } from '../../ijw/messages/jw319.ts';
import { addWerkdagen } from '../../ijw/calendar/werkdagen.ts';
import { harness, plusDays, type Exchange } from './harness.ts';

export interface VerwijzerInput {
  type: string;
  naam?: string;
  organisatie?: string;
  zorgverlenerCode?: string;
}

export interface RequestInput {
  alias: string;
  client: string;
  product?: string;
  /** Leave the product code out (category only), to test specific allocation (ALK-T1). */
  noProductCode?: boolean;
  ingangsdatum: string;
  /** 'none' in a table: leave it out. */
  einddatum?: string;
  volume?: number;
  noVolume?: boolean;
  verwijzer?: VerwijzerInput;
  locatiecode?: string;
  problematiek?: 'enkelvoudig' | 'meervoudig';
  intakedatum?: string;
}

interface VerzoekState {
  /** Scenario alias → ReferentieAanbieder. */
  refs: Map<string, string>;
  /** Location codes registered with the municipality in this scenario (FRL-VOT-5). */
  locations: Set<string>;
}

const states = new WeakMap<ConformanceWorld, VerzoekState>();

export function state(w: ConformanceWorld): VerzoekState {
  let s = states.get(w);
  if (!s) states.set(w, (s = { refs: new Map(), locations: new Set() }));
  return s;
}

export function refOf(w: ConformanceWorld, alias: string): string {
  const r = state(w).refs.get(alias);
  if (!r) throw new Error(`Request "${alias}" was not sent in this scenario`);
  return r;
}

/** A referrer the region accepts for a VOT: GI with name and organisation in Fryslân, else the first statutory type with an AGB code. */
export function defaultVerwijzer(w: ConformanceWorld): VerwijzerInput {
  const allowed = w.profile.allocation.requestReferrers?.value ?? w.profile.allocation.referrersAllowed.value;
  const type = allowed[0] ?? '02';
  if (w.profile.allocation.referrerNameAndOrganisation?.value.includes(type)) return { type, naam: 'J. de Vries', organisatie: 'Jeugdbescherming Noord' };
  return ['02', '03', '04', '05'].includes(type) ? { type, zorgverlenerCode: '01234567' } : { type };
}

/** An example location code for regions that put one in the commentary (the protocol gives none). */
export const DEFAULT_LOCATIE = 'LOC-0001';

function normalise(w: ConformanceWorld, r: RequestInput) {
  const code = r.product ?? w.profile.products[0]!.code;
  const p = productOf(w, code);
  const locatie = r.locatiecode === 'none' ? undefined : r.locatiecode ?? (w.profile.allocation.locationCodeInCommentary?.value ? DEFAULT_LOCATIE : undefined);
  const einddatum = r.einddatum === 'none' ? undefined : r.einddatum;
  return {
    product: r.noProductCode ? { categorie: p.category } : { categorie: p.category, code: p.code },
    omvang: r.noVolume ? undefined : omvangOf(w, code, r.volume),
    einddatum,
    locatie,
    verwijzer: r.verwijzer ?? defaultVerwijzer(w),
  };
}

/** Registers a location code of the provider for products with the municipality (action `register-location`). */
export async function registerLocation(w: ConformanceWorld, locatiecode: string, productCodes: string[]): Promise<void> {
  state(w).locations.add(locatiecode);
  if (w.harnessRole === 'gemeente') {
    const l = harness(w).municipality.verzoek.locations;
    l.set(locatiecode, new Set([...(l.get(locatiecode) ?? []), ...productCodes]));
    return;
  }
  await w.actOrFail({ action: 'register-location', locatiecode, productCodes });
}

/** The provider requests a toewijzing (JW315). */
export async function request(w: ConformanceWorld, r: RequestInput): Promise<void> {
  w.beginStep();
  const client = w.client(r.client);
  const n = normalise(w, r);
  if (w.judged === 'gemeente') {
    // A location code the harness uses is one the municipality gave the provider (FRL-VOT-5): registered once per scenario.
    if (n.locatie && n.product.code && !state(w).locations.has(n.locatie)) await registerLocation(w, n.locatie, [n.product.code]);
    // The harness's provider sends exactly this request, right or wrong.
    const v = n.verwijzer;
    const naam = [v.naam, v.organisatie].filter(Boolean).join(', ');
    await harness(w).provider.verzoek.send315(client, [{
      referentieAanbieder: r.alias,
      product: n.product,
      ingangsdatum: r.ingangsdatum,
      einddatum: n.einddatum,
      omvang: n.omvang,
      commentaar: n.locatie,
      verwijzer: { Type: v.type as never, ...(naam ? { Naam: naam } : {}), ...(v.zorgverlenerCode ? { ZorgverlenerCode: v.zorgverlenerCode } : {}) },
    }]);
    state(w).refs.set(r.alias, r.alias);
    await settle();
    return;
  }
  await w.act({
    action: 'request-allocation',
    client,
    products: [{ product: n.product, ingangsdatum: r.ingangsdatum, ...(n.einddatum ? { einddatum: n.einddatum } : {}), ...(n.omvang ? { omvang: n.omvang } : {}), ...(n.locatie ? { locatiecode: n.locatie } : {}) }],
    verwijzer: n.verwijzer,
    ...(r.problematiek ? { problematiek: r.problematiek } : {}),
    ...(r.intakedatum ? { intakedatum: r.intakedatum } : {}),
  });
  const got = await w.awaitReceived('JW315', w.mark, w.lastAction?.ok && !w.actionMessageMissing ? w.expectMs() : 0);
  if (got?.read.code === 'JW315') state(w).refs.set(r.alias, got.read.model.Client.AangevraagdeProducten.AangevraagdProduct[0]!.ReferentieAanbieder);
}

/** The provider requests a change (JW317): as dictated by the scenario when the SUT is the municipality. */
export async function requestChange(w: ConformanceWorld, alias: string, clientAlias: string, change: { changed?: { toewijzing: string; einddatum?: string; volume?: number; ingangsdatum?: string }[]; added?: { product: string; ingangsdatum: string; einddatum?: string }[]; leaveOut?: string[] }): Promise<void> {
  w.beginStep();
  const client = w.client(clientAlias);
  const changed = (change.changed ?? []).map((c) => {
    const t = w.harness.ledger.toewijzingen.get(w.toewijzingNummer(c.toewijzing));
    const omvang = c.volume !== undefined && t?.omvang ? { ...t.omvang, volume: c.volume } : undefined;
    return { toewijzingNummer: w.toewijzingNummer(c.toewijzing), ...(c.einddatum ? { einddatum: c.einddatum } : {}), ...(omvang ? { omvang } : {}), ...(c.ingangsdatum ? { ingangsdatum: c.ingangsdatum } : {}) };
  });
  const added = (change.added ?? []).map((p) => {
    const pr = productOf(w, p.product);
    return { product: { categorie: pr.category, code: pr.code }, ingangsdatum: p.ingangsdatum, ...(p.einddatum ? { einddatum: p.einddatum } : {}), omvang: omvangOf(w, p.product) };
  });
  if (w.judged === 'gemeente') {
    const flow = harness(w).provider.verzoek;
    if (change.leaveOut?.length) {
      // A deliberately incomplete VOW (TR349): the named toewijzingen are left out.
      const out = new Set(change.leaveOut.map((a) => w.toewijzingNummer(a)));
      const keep = [...w.harness.ledger.toewijzingen.values()].filter((t) => t.bsn === client.bsn && !out.has(t.nummer) && !changed.some((c) => c.toewijzingNummer === t.nummer) && (!t.einddatum || t.einddatum >= w.date));
      await flow.send317(client.bsn, {
        referentieAanbieder: alias, redenVerzoek: '2', ongewijzigd: keep.map((t) => ({ ToewijzingNummer: t.nummer })),
        teWijzigen: changed.map((c) => {
          const t = w.harness.ledger.toewijzingen.get(c.toewijzingNummer)!;
          return { ToewijzingNummer: c.toewijzingNummer, GewensteIngangsdatum: c.ingangsdatum ?? t.ingangsdatum, ...(c.einddatum ?? t.einddatum ? { Einddatum: (c.einddatum ?? t.einddatum)! } : {}) };
        }),
        nieuw: [],
      });
    } else {
      // The harness sends what the scenario dictates, also a change its own rules would not send (FRL-VOW-1).
      const own = flow.rules;
      flow.rules = { ...own, mayChange: () => undefined, changeDate: () => undefined };
      try {
        await flow.requestChange({ client, referentieAanbieder: alias, changed, added });
      } catch (e) {
        throw new Error(`The harness could not build the VOW the scenario describes: ${(e as Error).message}`);
      } finally {
        flow.rules = own;
      }
    }
    state(w).refs.set(alias, alias);
    await settle();
    return;
  }
  await w.act({ action: 'request-change', client, changed, added });
  const got = await w.awaitReceived('JW317', w.mark, w.lastAction?.ok && !w.actionMessageMissing ? w.expectMs() : 0);
  if (got?.read.code === 'JW317') state(w).refs.set(alias, got.read.model.Client.Verzoek.ReferentieAanbieder);
}

// ------------------------------------------------------------------ reading the exchange

function dagtekening(xml: string): string {
  return /<(?:[\w-]+:)?Dagtekening>([^<]+)</.exec(xml)?.[1] ?? '';
}

/** The request message (315 or 317) carrying a reference, either direction. */
export function requestExchange(w: ConformanceWorld, ref: string): Exchange | undefined {
  return w.transcript.find((e) => (e.code === 'JW315' || e.code === 'JW317') && e.xml.includes(`>${ref}<`) && e.httpStatus !== 400);
}

/** The date a request counts from: its Dagtekening. */
export function requestDate(w: ConformanceWorld, alias: string): string {
  const e = requestExchange(w, refOf(w, alias));
  if (!e) w.fail({ rule: w.rules.join(', '), expected: `a request "${alias}"`, actual: 'no JW315/JW317 with its ReferentieAanbieder', text: `Request "${alias}" was never delivered` });
  return dagtekening(e.xml);
}

/** The municipality's messages in the scenario (301/319), in the direction the municipality sends. */
export function fromGemeente(w: ConformanceWorld, code: 'JW301' | 'JW319'): Exchange[] {
  const dir = w.judged === 'gemeente' ? 'received' : 'sent';
  return w.transcript.filter((e) => e.code === code && e.direction === dir);
}

export function answers319(w: ConformanceWorld, ref: string): { e: Exchange; m: Jw319 }[] {
  return fromGemeente(w, 'JW319').flatMap((e) => {
    const r = safeRead(e.xml);
    return r?.code === 'JW319' && r.model.Antwoord.ReferentieAanbieder === ref ? [{ e, m: r.model }] : [];
  });
}

export function honouring301(w: ConformanceWorld, ref: string): { e: Exchange; m: Jw301; products: Jw301ToegewezenProduct[] } | undefined {
  for (const e of fromGemeente(w, 'JW301')) {
    const r = safeRead(e.xml);
    if (r?.code !== 'JW301') continue;
    const products = r.model.Client.ToegewezenProducten.ToegewezenProduct.filter((p) => p.ReferentieAanbieder === ref);
    if (products.length) return { e, m: r.model, products };
  }
  return undefined;
}

/** The latest ToegewezenProduct with this number in any 301 of the municipality. */
export function latestToegewezen(w: ConformanceWorld, nummer: number): { e: Exchange; p: Jw301ToegewezenProduct } | undefined {
  for (const e of [...fromGemeente(w, 'JW301')].reverse()) {
    const r = safeRead(e.xml);
    if (r?.code !== 'JW301') continue;
    const p = r.model.Client.ToegewezenProducten.ToegewezenProduct.find((x) => x.ToewijzingNummer === nummer);
    if (p) return { e, p };
  }
  return undefined;
}

export function all301Products(w: ConformanceWorld, from = 0): Jw301ToegewezenProduct[][] {
  return fromGemeente(w, 'JW301').filter((e) => w.transcript.indexOf(e) >= from).flatMap((e) => {
    const r = safeRead(e.xml);
    return r?.code === 'JW301' ? [r.model.Client.ToegewezenProducten.ToegewezenProduct] : [];
  });
}

export function lastSutMessage<C extends 'JW315' | 'JW317'>(w: ConformanceWorld, code: C): (C extends 'JW315' ? Jw315 : Jw317) {
  const e = w.transcript.filter((x) => x.code === code && x.direction === 'received').at(-1);
  if (!e) w.fail({ rule: w.rules.join(', '), expected: `a ${code} from the provider`, actual: w.lastAction && !w.lastAction.ok ? `the action was refused: ${w.lastAction.problem?.detail ?? ''}` : `no ${code}`, text: `The provider sent no ${code}` });
  return readMessage(e.xml).model as never;
}

/** The message of a document, or undefined when it cannot be read (the judge reports that). */
export function safeRead(xml: string) {
  try {
    return readMessage(xml);
  } catch {
    return undefined;
  }
}

// ------------------------------------------------------------------ waiting for answers

/**
 * Moves the business date one werkdag at a time up to `deadline`, until `found` yields. The
 * scenario's date ends on the day the answer came (or on the deadline).
 */
export async function untilDeadline<T>(w: ConformanceWorld, deadline: string, found: () => T | undefined, finalWaitMs = w.expectMs()): Promise<T | undefined> {
  for (;;) {
    await settle();
    const quick = found();
    if (quick !== undefined) return quick;
    // On the deadline the SUT has every day it may use: wait (returning at once) for what it decides.
    if (w.date >= deadline) return w.until(found, finalWaitMs);
    const next = addWerkdagen(w.date, 1);
    await w.setDate(next > deadline ? deadline : next);
  }
}

export function deadlineWerkdagen(from: string, n: number): string {
  return addWerkdagen(from, n);
}

export function deadlineWeeks(from: string, weeks: number): string {
  return plusDays(from, weeks * 7);
}

/** The harness municipality (aanbieder-judged scenarios) or the SUT through `answer-request`. */
export async function answerRequest(w: ConformanceWorld, alias: string, antwoord: '1' | '2', reden?: string, woonplaatsGemeente?: string): Promise<void> {
  w.beginStep();
  const ref = refOf(w, alias);
  if (w.judged === 'aanbieder') {
    await harness(w).municipality.verzoek.answerRequest(ref, antwoord, reden, woonplaatsGemeente);
    await settle();
    return;
  }
  await w.actOrFail({ action: 'answer-request', referentieAanbieder: ref, verzoekAntwoord: antwoord, ...(reden ? { redenAfwijzing: reden } : {}), ...(woonplaatsGemeente ? { woonplaatsGemeente } : {}) });
}
