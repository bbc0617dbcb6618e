/**
 * The judge of every message the system under test sends, whatever path it takes (the body of
 * an HTTP answer or a POST to the harness's inbox): the official XSD, the in-message rules,
 * its addressing, TR056, and, for a retour or a JW325, the message it answers. It also pairs
 * each message with its retour, so a step asks for *that* message's retour, and waits for
 * retours still due without polling or fixed sleeps.
 *
 * @example
 *   const judge = new ExchangeJudge({ harnessId: () => '0361', sutId: () => '12345678', today: () => '2025-03-03' });
 *   party.onExchange((e) => judge.observe(e));
 *   const retour = await judge.awaitRetour(sent301, 5000); // the JW302 that refers to it, or undefined
 */
import { readMessage, type ReadAnyResult } from '../../ijw/messages/registry.ts';
import { isHeen, RETOUR_OF, type HeenCode, type MessageCode } from '../../ijw/messages/codes.ts';
import { validateModel } from '../../ijw/validate.ts';
import type { Exchange } from '../../simulators/party.ts';

/** What the harness found wrong with a message from the SUT (or with the pairing of its retours). */
export interface ContractFinding {
  /** The rule actually broken: `XSD`, an in-message rule (`TR101` …), `TR056`, `IJW-RET-1`, `IJW-ADDR`, a JW325's cross-message rule (`TR366` …). */
  rule: string;
  /** The message, e.g. `JW302 A25030300002` (code and Identificatie). */
  message: string;
  path: string;
  retourcode?: string;
  expected: string;
  actual: string;
  text: string;
}

export interface JudgeContext {
  /** The identity of the party the harness plays (the SUT's counterparty). */
  harnessId(): string;
  /** The identity the SUT was configured with. */
  sutId(): string;
  /** Identities agreed later in the scenario outside the messages (a new AGB code, ALK-AGB-1). */
  agreedIds?(): { sut: readonly string[]; harness: readonly string[] };
  /** The business date (for in-message rules on dates). */
  today(): string;
}

const HEEN_OF: Partial<Record<MessageCode, HeenCode>> = Object.fromEntries(Object.entries(RETOUR_OF).map(([h, r]) => [r, h]));

interface Header {
  Afzender?: string;
  Ontvanger?: string;
  BerichtIdentificatie?: { Identificatie?: string; Dagtekening?: string };
  IdentificatieRetour?: string;
  DeclaratieIdentificatie?: { Identificatie?: string; Dagtekening?: string };
}

/** What a message says about itself, read once. */
interface Info {
  read?: ReadAnyResult;
  unreadable?: string;
  header?: Header;
  /** Its own identification (IdentificatieRetour for a technical retour). */
  id?: string;
  /** For a retour or a JW325: the identification of the message it answers. */
  ref?: { id?: string; dagtekening?: string };
}

/** `JW302 A25030300002`: how failures name a message. */
export function messageName(code: string, info: { id?: string } | undefined): string {
  return info?.id ? `${code} ${info.id}` : code;
}

export class ExchangeJudge {
  private readonly infos = new WeakMap<Exchange, Info>();
  /** Heen message (either direction) → its retour / JW325. */
  private readonly retours = new Map<Exchange, Exchange>();
  private readonly sentHeen: Exchange[] = [];
  private readonly receivedHeen: Exchange[] = [];
  private readonly ids = new Map<string, Exchange>();
  private readonly unreported: ContractFinding[] = [];
  private readonly all: ContractFinding[] = [];
  private waiters = new Set<() => void>();
  /** Every Afzender the harness's party has sent as in this scenario (it may play several municipalities). */
  private readonly harnessSenders = new Set<string>();

  private readonly ctx: JudgeContext;

  constructor(ctx: JudgeContext) {
    this.ctx = ctx;
  }

  /** Every exchange of the harness's party, in order (party.onExchange). */
  observe(e: Exchange): void {
    const info = this.info(e);
    if (e.direction === 'received') this.judgeFromSut(e, info);
    else {
      if (info.header?.Afzender) this.harnessSenders.add(info.header.Afzender);
      if (isHeen(e.code)) this.sentHeen.push(e);
      else this.pair(e, info, this.receivedHeen, false);
    }
    for (const wake of [...this.waiters]) wake();
  }

  /** Findings not yet reported, oldest first; taking them marks them reported. */
  takeFindings(): ContractFinding[] {
    return this.unreported.splice(0);
  }

  /** Every finding of the scenario (reported or not). */
  get findings(): readonly ContractFinding[] {
    return this.all;
  }

  /** The retour (or JW325) that answers this heen message, when it has come. */
  retourTo(heen: Exchange): Exchange | undefined {
    return this.retours.get(heen);
  }

  /** Parsed header facts of an exchange (for failure texts). */
  describe(e: Exchange): string {
    return messageName(e.code, this.info(e));
  }

  /** Waits until `test` holds after some exchange, or `timeoutMs` passes; returns its last value. */
  async until<T>(test: () => T | undefined, timeoutMs: number): Promise<T | undefined> {
    const now = test();
    if (now !== undefined || timeoutMs <= 0) return now;
    return new Promise<T | undefined>((resolve) => {
      const done = (v: T | undefined) => {
        clearTimeout(timer);
        this.waiters.delete(wake);
        resolve(v);
      };
      const wake = () => {
        const v = test();
        if (v !== undefined) done(v);
      };
      const timer = setTimeout(() => done(test()), timeoutMs);
      this.waiters.add(wake);
    });
  }

  /** The retour of a heen message, waiting up to `timeoutMs` for it. */
  awaitRetour(heen: Exchange, timeoutMs: number): Promise<Exchange | undefined> {
    return this.until(() => this.retours.get(heen), timeoutMs);
  }

  /** Heen messages the harness sent that the SUT took in (HTTP 200/202) and has not answered yet. */
  outstanding(): Exchange[] {
    return this.sentHeen.filter((h) => (h.httpStatus === 200 || h.httpStatus === 202) && !this.retours.has(h));
  }

  /** Waits until every retour still due has come, or `timeoutMs` passes; returns those still missing. */
  async awaitOutstanding(timeoutMs: number): Promise<Exchange[]> {
    await this.until(() => (this.outstanding().length === 0 ? true : undefined), timeoutMs);
    return this.outstanding();
  }

  /** The sent heen exchange of this document (the one the harness's party just delivered). */
  sentExchange(xml: string): Exchange | undefined {
    return this.sentHeen.findLast((e) => e.xml === xml);
  }

  /** Messages from the SUT the harness's party rejected (its retour carried retourcodes), with its reasons. */
  rejections(): { exchange: Exchange; name: string }[] {
    return this.receivedHeen
      .filter((e) => e.findings?.length)
      .map((exchange) => ({ exchange, name: this.describe(exchange) }));
  }

  // ------------------------------------------------------------------ reading

  private info(e: Exchange): Info {
    let info = this.infos.get(e);
    if (info) return info;
    info = {};
    try {
      info.read = readMessage(e.xml);
      const h = (info.read.model as { Header?: Header } | undefined)?.Header;
      if (h) {
        info.header = h;
        const code = info.read.code;
        if (code === 'JW325') {
          info.id = h.BerichtIdentificatie?.Identificatie;
          info.ref = { id: h.DeclaratieIdentificatie?.Identificatie, dagtekening: h.DeclaratieIdentificatie?.Dagtekening };
        } else if (HEEN_OF[code]) {
          info.id = h.IdentificatieRetour;
          info.ref = { id: h.BerichtIdentificatie?.Identificatie, dagtekening: h.BerichtIdentificatie?.Dagtekening };
        } else info.id = h.BerichtIdentificatie?.Identificatie;
      }
    } catch (err) {
      info.unreadable = err instanceof Error ? err.message : String(err);
    }
    this.infos.set(e, info);
    return info;
  }

  // ------------------------------------------------------------------ judging what the SUT sent

  private add(f: ContractFinding): void {
    this.unreported.push(f);
    this.all.push(f);
  }

  private judgeFromSut(e: Exchange, info: Info): void {
    const name = messageName(info.read?.code ?? e.code, info);
    if (!info.read) {
      this.add({ rule: 'XSD', message: name, path: '/', expected: 'a well-formed iJw 3.2 message', actual: info.unreadable ?? 'unreadable', text: `The ${e.code} the SUT sent cannot be read` });
      return;
    }
    const { code } = info.read;
    const xsd = info.read.findings.filter((f) => f.level === 1);
    for (const f of xsd.slice(0, 3)) {
      this.add({ rule: 'XSD', message: name, path: f.path, expected: 'valid against the official iJw 3.2 XSD', actual: f.text, text: `The ${code} the SUT sent breaks the XSD at ${f.path}: ${f.text}` });
    }
    if (!xsd.length) {
      for (const f of validateModel(code, info.read.model, { today: this.ctx.today() }).filter((x) => x.level === 2)) {
        this.add({ rule: f.rule, message: name, path: f.path, retourcode: f.retourcode ?? '0001', expected: `${f.rule} holds`, actual: f.text, text: `The ${code} the SUT sent breaks ${f.rule} at ${f.path}: ${f.text}` });
      }
    }
    // Addressing and pairing need only the header: a retour that breaks the XSD still answers its message.
    const h = info.header ?? {};
    if (isHeen(code) || code === 'JW325') {
      this.addressing(code, name, h);
      this.unique(code, name, h, e);
    }
    // What the harness's party found wrong with an answer that has no retour to say so (a JW325:
    // TR337, TR366, TR367, TR371, TR376, TR304), judged against the message it answers.
    if (!isHeen(code)) {
      for (const f of (e.findings ?? []).filter((x) => x.level >= 3)) {
        this.add({ rule: f.rule, message: name, path: f.path, ...(f.retourcode ? { retourcode: f.retourcode } : {}), expected: `${f.rule} holds (the ${code} matches the message it answers)`, actual: f.text, text: `The ${code} the SUT sent breaks ${f.rule} at ${f.path}: ${f.text}` });
      }
    }
    if (isHeen(code)) this.receivedHeen.push(e);
    else this.pair(e, info, this.sentHeen, true);
  }

  /**
   * IJW-ADDR: the SUT sends as the identity it was configured with (or one agreed later, such as a
   * new AGB code), to a party the scenario names: the configured counterparty, any other party the
   * harness played towards the SUT (a second municipality, ALK-D1), or one agreed later.
   */
  private addressing(code: MessageCode, name: string, h: Header): void {
    const agreed = this.ctx.agreedIds?.() ?? { sut: [], harness: [] };
    const sut = [this.ctx.sutId(), ...agreed.sut];
    const harness = [...new Set([this.ctx.harnessId(), ...this.harnessSenders, ...agreed.harness])];
    const list = (ids: string[]) => ids.join(' or ');
    if (!h.Afzender || !sut.includes(h.Afzender)) {
      this.add({ rule: 'IJW-ADDR', message: name, path: '/Bericht/Header/Afzender', expected: `Afzender ${list(sut)} (the identity given in configure${agreed.sut.length ? ', or agreed later' : ''})`, actual: `Afzender ${h.Afzender ?? 'empty'}`, text: `The ${code} the SUT sent names the wrong Afzender` });
    }
    if (!h.Ontvanger || !harness.includes(h.Ontvanger)) {
      this.add({ rule: 'IJW-ADDR', message: name, path: '/Bericht/Header/Ontvanger', expected: `Ontvanger ${list(harness)} (the party the scenario names)`, actual: `Ontvanger ${h.Ontvanger ?? 'empty'}`, text: `The ${code} the SUT sent is addressed to ${h.Ontvanger ?? 'nobody'}, not to ${list(harness)}` });
    }
  }

  /** TR056 (9056): an Identificatie is unique per sender and message type. */
  private unique(code: MessageCode, name: string, h: Header, e: Exchange): void {
    const id = h.BerichtIdentificatie?.Identificatie;
    if (!id) return;
    const key = `${h.Afzender}|${code}|${id}`;
    const first = this.ids.get(key);
    if (!first) {
      this.ids.set(key, e);
      return;
    }
    this.add({ rule: 'TR056', message: name, path: '/Bericht/Header/BerichtIdentificatie/Identificatie', retourcode: '9056', expected: `a new Identificatie for every ${code} from ${h.Afzender}`, actual: `Identificatie ${id} again (first on the ${code} of ${first.at})`, text: `The SUT gave two ${code}s the same Identificatie ${id}` });
  }

  /**
   * Pairs a retour (or JW325) with the heen message it refers to. From the SUT it is judged
   * (IJW-RET-1 / IJW-RET-3): it must refer to a message it received by Identificatie and
   * Dagtekening, copy Afzender and Ontvanger unchanged (IV028), and be the only one.
   */
  private pair(e: Exchange, info: Info, candidates: Exchange[], judge: boolean): void {
    const heenCode = HEEN_OF[info.read?.code ?? e.code];
    if (!heenCode || !info.ref) return;
    const code = info.read?.code ?? e.code;
    const rule = code === 'JW325' ? 'IJW-RET-3' : 'IJW-RET-1';
    const name = messageName(code, info);
    const heen = candidates.findLast((c) => c.code === heenCode && this.info(c).id === info.ref!.id);
    if (!heen) {
      if (judge) {
        const sent = candidates.filter((c) => c.code === heenCode).map((c) => this.info(c).id);
        this.add({ rule, message: name, path: code === 'JW325' ? '/Bericht/Header/DeclaratieIdentificatie' : '/Bericht/Header/BerichtIdentificatie', expected: `a reference to a ${heenCode} the harness sent (${sent.join(', ') || 'none sent'})`, actual: `Identificatie ${info.ref.id ?? 'empty'}, Dagtekening ${info.ref.dagtekening ?? 'empty'}`, text: `The ${code} refers to no ${heenCode} the harness sent` });
      }
      return;
    }
    const hi = this.info(heen);
    const earlier = this.retours.get(heen);
    if (earlier) {
      if (judge) this.add({ rule, message: name, path: '/Bericht/Header', expected: `exactly one ${code} for ${messageName(heenCode, hi)}`, actual: `a second one (the first was ${this.describe(earlier)})`, text: `The SUT answered ${messageName(heenCode, hi)} twice` });
      return;
    }
    this.retours.set(heen, e);
    if (!judge) return;
    if (heen.httpStatus !== undefined && heen.httpStatus >= 400) {
      this.add({ rule: 'IJW-RET-2', message: name, path: '/Bericht/Header', expected: `no ${code}: the SUT refused ${messageName(heenCode, hi)} with HTTP ${heen.httpStatus}`, actual: `a ${code} as well`, text: `The SUT sent a ${code} for a message it refused` });
    }
    const d = hi.header?.BerichtIdentificatie?.Dagtekening;
    if (info.ref.dagtekening !== d) {
      this.add({ rule, message: name, path: code === 'JW325' ? '/Bericht/Header/DeclaratieIdentificatie/Dagtekening' : '/Bericht/Header/BerichtIdentificatie/Dagtekening', expected: `Dagtekening ${d} (of ${messageName(heenCode, hi)})`, actual: `Dagtekening ${info.ref.dagtekening ?? 'empty'}`, text: `The ${code} refers to ${messageName(heenCode, hi)} with the wrong Dagtekening` });
    }
    if (code !== 'JW325') {
      // IV028: a fully accepted message gets a retour with only the Header.
      const body = Object.keys((info.read?.model as object | undefined) ?? {}).filter((k) => k !== 'Header');
      if (body.length && !e.retourcodes.some((c) => c !== '0200')) {
        this.add({ rule, message: name, path: `/Bericht/${body[0]}`, expected: 'an accepting retour with only the Header (IV028)', actual: `also ${body.join(', ')}, without a retourcode that rejects`, text: `The ${code} accepts ${messageName(heenCode, hi)} but copies more than the Header` });
      }
      for (const el of ['Afzender', 'Ontvanger'] as const) {
        const want = hi.header?.[el];
        const got = info.header?.[el];
        if (want !== got) {
          this.add({ rule, message: name, path: `/Bericht/Header/${el}`, expected: `${el} ${want}, copied unchanged from ${messageName(heenCode, hi)} (IV028)`, actual: `${el} ${got ?? 'empty'}`, text: `The ${code} does not copy the ${el} of the message it answers` });
        }
      }
    }
  }
}
