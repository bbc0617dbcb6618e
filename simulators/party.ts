/**
 * What both reference parties share: identity and business date, the send and receive
 * pipelines of the adapter protocol, the transcript, and messages scheduled for a later
 * business date. A party never throws on bad input: it answers with an HTTP problem or a
 * retour, and keeps running.
 */
import { messages, readMessage, type MessageModels, type ReadAnyResult } from '../ijw/messages/registry.ts';
import { isHeen, RETOUR_OF, type MessageCode } from '../ijw/messages/codes.ts';
import type { Finding } from '../ijw/findings.ts';
import { formatFinding } from '../ijw/findings.ts';
import { IjwError } from '../ijw/errors.ts';
import { validateModel } from '../ijw/validate.ts';
import { buildRetour } from '../ijw/retour/index.ts';
import type { RegionProfile } from '../regions/types.ts';
import { getProfile } from '../regions/index.ts';
import { maskBsnsInText } from '../ijw/bsn.ts';
import { addWerkdagen } from '../ijw/calendar/werkdagen.ts';
import { ActionRefused, type Action, type Role } from './actions.ts';
import type { Fault } from './faults/fault.ts';
import { productCodeFinding, productCodeFits, productsOf, type ProductCodeCheck } from './product-codes.ts';

export const XSD_VERSIE = { BasisschemaXsdVersie: '0.1.0', BerichtXsdVersie: '0.1.0' } as const;

export interface PartyConfig {
  runId: string;
  region: RegionProfile;
  /** Own identity: CBS code (gemeente) or AGB code (aanbieder). */
  party: string;
  counterparty: string;
  /** Base URL of the counterpart (its POST /berichten lives below it). */
  counterpartUrl: string;
  date: string;
  /** Scenario id to put on outgoing requests, when known. */
  scenarioId?: string;
}

/** One message crossing the wire, as seen by this party. */
export interface Exchange {
  seq: number;
  at: string;
  businessDate: string;
  direction: 'sent' | 'received';
  code: MessageCode;
  xml: string;
  httpStatus?: number;
  retourcodes: string[];
  /**
   * For a received heen message: what this party found wrong with it (the reasons behind the
   * retourcodes of its retour, or the XSD errors behind a 400), so a failure can name them.
   */
  findings?: Finding[];
}

/** What the receive pipeline answers on the wire. */
export interface HttpAnswer {
  status: 200 | 202 | 400 | 422 | 500;
  /** iJw XML (200) or a JSON problem (400/422). */
  body?: string;
  contentType?: string;
}

/** A handler's judgement of a received heen message: cross-message findings and what to do if accepted. */
export interface Judgement {
  findings: Finding[];
  /** Apply the message to the state; only called when there are no findings. */
  commit?: () => void;
  /** Follow-ups once the retour is out (e.g. a JW301 after a JW315). */
  after?: () => Promise<void>;
}

export type Handler<C extends MessageCode> = (msg: MessageModels[C], xml: string) => Judgement | Promise<Judgement>;
export type Handlers = { [C in MessageCode]?: Handler<C> };

interface Scheduled {
  due: string;
  label: string;
  run: () => Promise<void>;
}

export type ExchangeListener = (e: Exchange) => void;

export abstract class ReferenceParty {
  abstract readonly role: Role;
  config: PartyConfig;
  readonly transcript: Exchange[] = [];
  protected readonly faults: ReadonlySet<string>;
  private seq = 0;
  private idSeq = 0;
  private scheduled: Scheduled[] = [];
  /** TR056: identifications received, per sender and message type, with the date first seen. */
  private readonly seenIds = new Map<string, string>();
  private listeners: ExchangeListener[] = [];
  /**
   * Werkdagen by which retours are deferred: 0 answers at once (200 with the retour). A faulty
   * variant sets it to answer with 202 and deliver the retour later.
   */
  retourDelayWerkdagen = 0;
  /** Messages this party does not take although its region uses them: empty on the reference, a faulty variant's override (simulators/faults/override.ts). */
  readonly refuses = new Set<MessageCode>();
  /** The fetch to use; the harness passes one that carries its headers. */
  fetchImpl: typeof fetch = (...a) => fetch(...a);

  /** A faulty variant's change to this party's own copy of its region profile (simulators/faults/pack-variants.ts); the shared profile stays untouched. */
  private profileChange: ((p: RegionProfile) => RegionProfile) | undefined;

  constructor(config: PartyConfig, faults: readonly Fault[] = []) {
    this.config = config;
    this.faults = new Set(faults.map((f) => f.id));
  }

  /** Runs this party, now and after every configure, with `change` applied to its own copy of the region profile. */
  changeOwnProfile(change: (p: RegionProfile) => RegionProfile): void {
    this.profileChange = change;
    this.config = { ...this.config, region: change(this.config.region) };
  }

  private ownProfile(p: RegionProfile): RegionProfile {
    return this.profileChange ? this.profileChange(p) : p;
  }

  get date(): string {
    return this.config.date;
  }

  protected has(fault: string): boolean {
    return this.faults.has(fault);
  }

  onExchange(l: ExchangeListener): void {
    this.listeners.push(l);
  }

  /** A message identification unique per party and message type (TR056), at most 12 characters. */
  protected nextId(): string {
    this.idSeq++;
    return `${this.role === 'gemeente' ? 'G' : 'A'}${this.date.replaceAll('-', '').slice(2)}${String(this.idSeq).padStart(5, '0')}`;
  }

  protected header<C extends MessageCode>(code: C): Record<string, unknown> {
    const id = this.nextId();
    return {
      BerichtCode: messages[code].berichtCode,
      BerichtVersie: 3,
      BerichtSubversie: 2,
      Afzender: this.config.party,
      Ontvanger: this.config.counterparty,
      BerichtIdentificatie: { Identificatie: id, Dagtekening: this.date },
      XsdVersie: { ...XSD_VERSIE },
    };
  }

  // ---------------------------------------------------------------- receiving

  /** The receive pipeline: read → XSD → in-message rules → the handler → retour. Never throws. */
  async receive(xml: string): Promise<HttpAnswer> {
    try {
      return await this.receiveUnsafe(xml);
    } catch (e) {
      const msg = e instanceof Error ? e.message : String(e);
      return problem(500, 'internal error in the reference implementation', maskBsnsInText(msg));
    }
  }

  private async receiveUnsafe(xml: string): Promise<HttpAnswer> {
    let read: ReadAnyResult;
    try {
      read = readMessage(xml);
    } catch (e) {
      if (e instanceof IjwError) return problem(400, e.code === 'UNKNOWN_MESSAGE' ? 'not an iJw 3.2 message' : 'not well-formed XML', e.message);
      throw e;
    }
    const { code } = read;
    if (read.findings.length) {
      this.record('received', code, xml, 400, read.findings);
      return problem(400, `${code} breaks the XSD (no retour is sent)`, read.findings.map(formatFinding).join('\n'));
    }
    if (!this.accepts(code)) {
      this.record('received', code, xml, 400);
      return problem(400, `${code} is not a message a ${this.role} receives`, `A ${this.role} receives ${this.receivable().join(', ')}`);
    }
    const inMessage = this.validateMessage(code, read.model, { today: this.date });
    if (isHeen(code)) {
      let judgement: Judgement;
      const duplicate = this.duplicateId(code, read.model);
      const productCodes = this.productCodeFindings(code, read.model);
      // TR135 (8848, level 4): a Dagtekening after the receiver's date rejects the message on its Header.
      const future = this.futureDagtekening(inMessage);
      if (inMessage.some((f) => f.level === 2)) judgement = { findings: inMessage };
      else if (future.length) judgement = { findings: future };
      else if (duplicate) judgement = { findings: [duplicate] };
      else if (productCodes.length) judgement = { findings: productCodes };
      else judgement = await this.judge(code, read.model, xml);
      const findings = judgement.findings;
      if (findings.length === 0) judgement.commit?.();
      if (judgement.after && findings.length === 0) this.afterwards.push(judgement.after);
      if (this.retourDelayWerkdagen > 0) {
        this.record('received', code, xml, 202, findings);
        const due = addWerkdagen(this.date, this.retourDelayWerkdagen);
        this.schedule(due, `${RETOUR_OF[code]} for ${code}`, async () => {
          await this.sendXml(RETOUR_OF[code], this.retourFor(code, read.model, findings));
        });
        return { status: 202 };
      }
      const retour = this.retourFor(code, read.model, findings);
      this.record('received', code, xml, 200, findings);
      this.record('sent', RETOUR_OF[code], retour, 200);
      return { status: 200, body: retour, contentType: 'application/xml' };
    }
    // A retour or answer to something this party sent; an answer without a retour of its own (the JW325) is judged here.
    this.record('received', code, xml, 202, this.judgeAnswer(code, read.model));
    await this.onRetour(code, read.model);
    return { status: 202 };
  }

  /** The in-message rules (XSLT level) a received message is checked on; a faulty variant may replace it. */
  validateMessage = validateModel;
  /**
   * TR056 (retourcode 9056): an Identificatie is unique per sender and message type. The first
   * message with an identification is judged as usual; a later one with the same is rejected.
   */
  protected duplicateId(code: MessageCode, model: unknown): Finding | undefined {
    const h = (model as { Header?: { Afzender?: string; BerichtIdentificatie?: { Identificatie?: string; Dagtekening?: string } } }).Header;
    const id = h?.BerichtIdentificatie?.Identificatie;
    if (!h || !id) return undefined;
    const key = `${h.Afzender}|${code}|${id}`;
    const first = this.seenIds.get(key);
    if (first === undefined) {
      this.seenIds.set(key, h.BerichtIdentificatie?.Dagtekening ?? '');
      return undefined;
    }
    return crossFinding(code, '/Bericht/Header/BerichtIdentificatie/Identificatie', 'TR056', '9056', `Identificatie ${id} was already used by ${h.Afzender} for a ${code} (dated ${first}): an Identificatie is unique per sender and message type`);
  }

  /** TR135 (8848): the in-message findings of a Dagtekening in the future (the rule object judges it against the business date); a faulty variant may replace it. */
  protected futureDagtekening(inMessage: Finding[]): Finding[] {
    return inMessage.filter((f) => f.rule === 'TR135');
  }

  /** TR381 (S329): whether a ProductCode fits its ProductCategorie by the region's product list; a faulty variant may replace it. */
  productCodeFits: ProductCodeCheck = productCodeFits;

  /** TR381 on the products of a message with a technical retour (a JW323's lines are judged per line by the municipality). */
  private productCodeFindings(code: MessageCode, model: unknown): Finding[] {
    return productsOf(code, model).flatMap((p) => {
      const why = this.productCodeFits(this.config.region, p.categorie, p.code);
      return why ? [productCodeFinding(code, p.path, why)] : [];
    });
  }

  /** Follow-ups queued by accepted messages; run by the transport after answering. */
  readonly afterwards: (() => Promise<void>)[] = [];

  async runAfterwards(): Promise<void> {
    while (this.afterwards.length) await this.afterwards.shift()!();
  }

  protected retourFor(code: MessageCode, model: unknown, findings: Finding[]): string {
    const retourCode = RETOUR_OF[code as keyof typeof RETOUR_OF];
    const retour = buildRetour({ code, model } as never, findings, { identificatie: this.nextId(), dagtekening: this.date });
    return (messages[retourCode].build as (m: unknown) => string)(retour);
  }

  protected judge(code: MessageCode, model: unknown, xml: string): Judgement | Promise<Judgement> {
    const h = this.handlers()[code] as Handler<MessageCode> | undefined;
    if (!h) return { findings: [] };
    return h(model as never, xml);
  }

  /**
   * The cross-message rules on an answer this party received that has no retour to carry a
   * rejection (the JW325: TR337, TR366, TR367, TR371, TR376, TR304). The findings go on the
   * received exchange, where the harness's judge reports them as the SUT's (steps/support/judge.ts).
   */
  protected judgeAnswer(_code: MessageCode, _model: unknown): Finding[] {
    return [];
  }

  protected abstract handlers(): Handlers;
  /** Handle a retour (302, 306 …) or an answer (319, 325) to something sent earlier. */
  protected abstract onRetour(code: MessageCode, model: unknown): Promise<void>;

  protected receivable(): MessageCode[] {
    return (Object.keys(this.handlers()) as MessageCode[]).filter((c) => !this.refuses.has(c));
  }

  protected accepts(code: MessageCode): boolean {
    return this.receivable().includes(code) || this.retoursAccepted().includes(code);
  }

  protected abstract retoursAccepted(): MessageCode[];

  // ---------------------------------------------------------------- sending

  /**
   * Builds and delivers a message to the counterpart. A 200 answer is its retour: it goes
   * through this party's own receive pipeline, like a later POST would.
   */
  async send<C extends MessageCode>(code: C, model: MessageModels[C]): Promise<{ status: number; answer?: ReadAnyResult; problem?: string }> {
    const xml = (messages[code].build as (m: unknown) => string)(model);
    return this.sendXml(code, xml);
  }

  async sendXml(code: MessageCode, xml: string): Promise<{ status: number; answer?: ReadAnyResult; problem?: string }> {
    const url = `${this.config.counterpartUrl.replace(/\/$/, '')}/berichten`;
    // Recorded before delivery: a counterpart may post its retour before it answers this request.
    const sent = this.record('sent', code, xml);
    let res: Response;
    try {
      res = await this.fetchImpl(url, {
        method: 'POST',
        headers: { 'content-type': 'application/xml; charset=utf-8', 'x-conformance-run': this.config.runId, ...(this.config.scenarioId ? { 'x-conformance-scenario': this.config.scenarioId } : {}) },
        body: xml,
      });
    } catch (e) {
      throw new DeliveryError(url, e);
    }
    sent.httpStatus = res.status;
    const text = await res.text();
    if (res.status === 200 && text.trim().startsWith('<')) {
      let answer: ReadAnyResult | undefined;
      try {
        answer = readMessage(text);
      } catch {
        /* recorded below as an unreadable answer */
      }
      this.record('received', answer?.code ?? RETOUR_OF[code as keyof typeof RETOUR_OF] ?? code, text, 200, answer && answer.findings.length === 0 ? this.judgeAnswer(answer.code, answer.model) : undefined);
      if (answer && answer.findings.length === 0) await this.onRetour(answer.code, answer.model);
      return { status: 200, ...(answer ? { answer } : { problem: 'unreadable answer' }) };
    }
    return { status: res.status, ...(res.status >= 400 ? { problem: text } : {}) };
  }

  protected record(direction: Exchange['direction'], code: MessageCode, xml: string, httpStatus?: number, findings?: Finding[]): Exchange {
    const e: Exchange = {
      seq: ++this.seq,
      at: new Date().toISOString(),
      businessDate: this.date,
      direction,
      code,
      xml,
      ...(httpStatus !== undefined ? { httpStatus } : {}),
      // Only the retours' XSDs have a RetourCode (a heen message with one breaks its XSD): no
      // search through a 64 MB declaration; and one plain search first, not the pattern.
      retourcodes: !isHeen(code) && xml.includes('RetourCode>') ? [...xml.matchAll(/<(?:[\w-]+:)?RetourCode>\s*([^<\s]+)\s*</g)].map((m) => m[1]!) : [],
      ...(findings?.length ? { findings } : {}),
    };
    this.transcript.push(e);
    for (const l of this.listeners) l(e);
    return e;
  }

  // ---------------------------------------------------------------- time and actions

  /** Runs messages scheduled up to the new business date (late answers of faulty variants). */
  async setDate(date: string): Promise<void> {
    this.config.date = date;
    const due = this.scheduled.filter((s) => s.due <= date).sort((a, b) => a.due.localeCompare(b.due));
    this.scheduled = this.scheduled.filter((s) => s.due > date);
    for (const s of due) await s.run();
  }

  schedule(due: string, label: string, run: () => Promise<void>): void {
    this.scheduled.push({ due, label, run });
  }

  /** Performs one adapter-protocol action. Throws ActionRefused when it cannot. */
  async act(action: Action): Promise<void> {
    // A server forgets the whole party on end-run; a party used directly forgets its business state.
    if (action.action === 'end-run') {
      this.seenIds.clear();
      return this.reset();
    }
    if (action.action !== 'configure' && action.date) await this.setDate(action.date);
    if (action.action === 'set-date') return;
    if (action.action === 'configure') {
      this.config = { ...this.config, region: this.ownProfile(getProfile(action.region)), party: action.party, counterparty: action.counterparty, counterpartUrl: action.harnessUrl, date: action.date };
      this.seenIds.clear();
      this.reset();
      return;
    }
    await this.perform(action);
    await this.runAfterwards();
  }

  protected abstract perform(action: Action): Promise<void>;
  /** Forget all business state (configure). */
  protected abstract reset(): void;

  protected refuse(message: string): never {
    throw new ActionRefused(message);
  }
}

export class DeliveryError extends Error {
  readonly code = 'DELIVERY_FAILED';
  constructor(url: string, cause: unknown) {
    super(`Could not deliver to ${url}: ${cause instanceof Error ? cause.message : String(cause)}`);
    this.name = 'DeliveryError';
  }
}

export function problem(status: 400 | 422 | 500, error: string, detail: string): HttpAnswer {
  return { status, body: JSON.stringify({ error, detail }), contentType: 'application/json' };
}

/** A cross-message finding (level 3) for a handler. */
export function crossFinding(code: MessageCode, path: string, rule: string, retourcode: string, text: string): Finding {
  return { message: code, path, rule, level: 3, retourcode, text };
}
