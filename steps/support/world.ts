/**
 * The World of one scenario: the region profile, the business date, the party the harness
 * plays, the client for the system under test, the named clients and toewijzingen, and the
 * transcript. Steps stay thin and call the methods here.
 */
import { World, setWorldConstructor, type IWorldOptions } from '@cucumber/cucumber';
import { getProfile } from '../../regions/index.ts';
import type { RegionProfile } from '../../regions/types.ts';
import { createParty, parseAction } from '../../simulators/simulator.ts';
import { actionSince } from '../../simulators/action-versions.ts';
import type { ReferenceGemeente } from '../../simulators/gemeente/reference-gemeente.ts';
import type { ReferenceAanbieder } from '../../simulators/aanbieder/reference-aanbieder.ts';
import type { Exchange, ReferenceParty } from '../../simulators/party.ts';
import type { Action, BrpClientFacts, ClientFacts, Role } from '../../simulators/actions.ts';
import { pendingFollowUps } from '../../simulators/follow-ups.ts';
import { withBrpContact } from '../../simulators/client-xml.ts';
import { ActionNotTaken, HarnessError, SutClient, type ActionResult } from '../../runner/sut-client.ts';
import type { MessageCode } from '../../ijw/messages/codes.ts';
import { readMessage, type ReadAnyResult } from '../../ijw/messages/registry.ts';
import type { Toewijzing } from '../../simulators/ledger.ts';
import { createPartyFactory } from '../../generators/parties.ts';
import { IN_PROCESS, type WorldParams } from './params.ts';
import { registerRun } from './harness-inbox.ts';
import { scopeFor } from './run-scope.ts';
import { scenarioRunId } from './run-id.ts';
import { ExchangeJudge, type ContractFinding } from './judge.ts';
import { isHeen, type HeenCode } from '../../ijw/messages/codes.ts';

export const HARNESS_AANBIEDER = '87654321';

export interface Finding {
  rule: string;
  expected: string;
  actual: string;
  text: string;
  /** The message that broke the rule (`JW323 A25030300002`), its element path and retourcode. */
  message?: string;
  path?: string;
  retourcode?: string;
  /** The scenario's own rules this failure keeps from being shown, when the rule broken is another one. */
  affects?: { rules: string[]; text: string };
  /** The step that failed sets the scenario up (a Given): what it judges comes later. */
  setup?: string;
}

/** A conformance failure: the SUT broke a rule. Anything else thrown is a harness error. */
export class ConformanceFailure extends Error {
  readonly finding: Finding;

  constructor(finding: Finding) {
    super(failureText(finding));
    this.finding = finding;
    this.name = 'AssertionError';
  }
}

/**
 * The text of a failure, the rule actually broken first:
 *   [TR418 · 0611] JW323 A25030300002 /Bericht/…/ProductTarief: the tariff …
 *     affects: IJW-DECL-1: The declaration was not approved
 *     expected: …
 *     actual:   …
 */
export function failureText(f: Finding): string {
  const head = `[${f.rule}${f.retourcode ? ` · ${f.retourcode}` : ''}]${f.message ? ` ${f.message}` : ''}${f.path ? ` ${f.path}` : ''}${f.message || f.path ? ':' : ''} ${f.text}`;
  return [
    ...(f.setup ? [`Setup failed (${f.setup}): the scenario could not reach what it judges`] : []),
    head,
    ...(f.affects ? [`  affects: ${f.affects.rules.join(', ') || 'the scenario'}: ${f.affects.text}`] : []),
    `  expected: ${f.expected}`,
    `  actual:   ${f.actual}`,
  ].join('\n');
}

/** The message each action asks the SUT to send (ADAPTER-PROTOCOL.md, Actions). */
const ACTION_SENDS: Partial<Record<Action['action'], MessageCode>> = {
  'request-allocation': 'JW315',
  'request-change': 'JW317',
  'start-care': 'JW305',
  'withdraw-start': 'JW305',
  'stop-care': 'JW307',
  'withdraw-stop': 'JW307',
  declare: 'JW323',
  'correct-declaration': 'JW323',
  allocate: 'JW301',
  'change-allocation': 'JW301',
  'answer-request': 'JW319',
};

/** The bound of a wait on the in-process reference implementations (see ConformanceWorld.expectMs). */
const IN_PROCESS_WAIT_MS = 50;

export class ConformanceWorld extends World<WorldParams> {
  profile!: RegionProfile;
  /** Whose software the scenario judges. */
  judged!: Role;
  rules: string[] = [];
  harness!: ReferenceGemeente | ReferenceAanbieder;
  sut!: SutClient;
  sutUrl!: string;
  runId!: string;
  date = '2025-01-06';
  readonly clients = new Map<string, ClientFacts>();
  readonly toewijzingen = new Map<string, number>();
  /** The result of the last action, for steps that expect a refusal. */
  lastAction?: ActionResult;
  /** Transcript index where the current step began: expectations look from here on. */
  mark = 0;
  /** Judges every message of the SUT and pairs messages with their retours. */
  judge!: ExchangeJudge;
  /** The step running now, e.g. `Given toewijzing "T1" …`, and whether it sets the scenario up. */
  currentStep?: { text: string; setup: boolean };
  private factory!: ReturnType<typeof createPartyFactory>;

  constructor(options: IWorldOptions<WorldParams>) {
    super(options);
  }

  get harnessRole(): Role {
    return this.judged === 'gemeente' ? 'aanbieder' : 'gemeente';
  }

  /** The municipality of the scenario: the one it names, else the region's first. */
  municipality?: string;

  get gemeenteCode(): string {
    return this.municipality ?? this.profile.municipalities[0]!.code;
  }

  /** Sets up the scenario: both parties, the inbox registration, and `configure` on the SUT. */
  async setUp(tags: string[], scenarioName: string, pickleId: string, stepTexts: readonly string[] = []): Promise<void> {
    this.profile = getProfile(this.parameters.region);
    const roleTag = tags.find((t) => t.startsWith('@role:'));
    if (!roleTag) throw new Error(`Scenario '${scenarioName}' has no @role:gemeente|aanbieder tag`);
    this.judged = roleTag.slice(6) as Role;
    this.rules = tags.filter((t) => t.startsWith('@rule:')).map((t) => t.slice(6));
    this.runId = scenarioRunId(this.parameters.runId, this.parameters.region);
    this.factory = createPartyFactory(hash(`${scenarioName}`));
    const sutIsHttp = this.parameters.sut.kind === 'http';
    if (sutIsHttp && this.parameters.sut.kind === 'http' && this.parameters.sut.role !== this.judged) {
      throw new Error(`Scenario judges the ${this.judged} but the SUT is a ${this.parameters.sut.role}: filter with --role`);
    }
    this.sutUrl = this.parameters.sut.kind === 'http' ? this.parameters.sut.url : IN_PROCESS[this.judged];
    const harnessUrl = sutIsHttp ? await this.httpInboxUrl() : IN_PROCESS.harness;
    // A scenario that names its municipality ("Given the municipality is \"0373\"") is configured
    // with it from the start: one configure per run, as the adapter protocol says.
    const named = stepTexts.map((t) => /^the municipality is "(\d{4})"$/.exec(t)?.[1]).find(Boolean);
    if (named) {
      if (!this.profile.municipalities.some((m) => m.code === named)) throw new Error(`${named} is not a municipality of ${this.profile.name}`);
      this.municipality = named;
    }
    const own = this.harnessRole === 'gemeente' ? this.gemeenteCode : HARNESS_AANBIEDER;
    const other = this.judged === 'gemeente' ? this.gemeenteCode : HARNESS_AANBIEDER;
    this.harness = createParty(this.harnessRole, { runId: this.runId, scenarioId: pickleId, region: this.profile, party: own, counterparty: other, counterpartUrl: this.sutUrl, date: this.date });
    this.judge = new ExchangeJudge({ harnessId: () => this.harness.config.party, sutId: () => this.harness.config.counterparty, agreedIds: () => this.agreedIds, today: () => this.date });
    this.harness.onExchange((e) => this.judge.observe(e));
    this.awaitRetoursOnSend();
    registerRun(this.runId, this.harness);
    // The run's transport: the in-process reference parties without a socket, an HTTP SUT over the network.
    const { fetch } = scopeFor(this.parameters);
    this.harness.fetchImpl = fetch;
    this.sut = new SutClient({ baseUrl: this.sutUrl, runId: this.runId, scenarioId: pickleId, timeoutMs: this.parameters.requestTimeoutMs, fetch });
    const r = await this.sutAct({ action: 'configure', date: this.date, harnessUrl, region: this.profile.id, party: other, counterparty: own, role: this.judged });
    if (!r.ok) throw new Error(`The SUT refused 'configure': ${r.problem?.detail ?? r.status}`);
  }

  /**
   * A heen message the SUT takes in with 202 has its retour still to come: the harness's party
   * waits for it (up to --answer-timeout, returning as soon as it arrives) and goes on as if it
   * had come in the HTTP answer, so its own books follow the retour either way.
   */
  private awaitRetoursOnSend(): void {
    const party = this.harness;
    const send = party.sendXml.bind(party);
    party.sendXml = async (code, xml) => {
      const r = await send(code, xml);
      if (r.status !== 202 || !isHeen(code)) return r;
      const heen = this.judge.sentExchange(xml);
      const retour = heen && (await this.judge.awaitRetour(heen, this.expectMs()));
      if (!retour) return r;
      try {
        return { ...r, answer: readMessage(retour.xml) };
      } catch {
        return r;
      }
    };
  }

  private async httpInboxUrl(): Promise<string> {
    const s = await scopeFor(this.parameters).httpInbox();
    return `http://${this.parameters.harnessHost}:${s.port}`;
  }

  // ------------------------------------------------------------------ facts

  client(alias: string): ClientFacts {
    let c = this.clients.get(alias);
    if (!c) {
      const g = this.factory.client(this.date);
      c = { bsn: g.bsn, geboortedatum: g.geboortedatum, geslacht: g.geslacht, achternaam: g.achternaam, ...(g.voorletters ? { voorletters: g.voorletters } : {}) };
      this.clients.set(alias, c);
    }
    return c;
  }

  /**
   * The client with the contact data a municipality takes from the BRP, as `allocate` gives it
   * (adapter protocol 1.2): a synthetic address derived from the client's test BSN.
   */
  brpClient(alias: string): BrpClientFacts {
    return withBrpContact(this.client(alias));
  }

  toewijzingNummer(alias: string): number {
    const n = this.toewijzingen.get(alias);
    if (n === undefined) throw new Error(`Toewijzing "${alias}" was not allocated in this scenario`);
    return n;
  }

  /** The toewijzing as the harness knows it (from its own books). */
  toewijzing(alias: string): Toewijzing {
    const t = this.harness.ledger.toewijzingen.get(this.toewijzingNummer(alias));
    if (!t) throw new Error(`Toewijzing "${alias}" is unknown to the harness`);
    return t;
  }

  // ------------------------------------------------------------------ time

  async setDate(date: string): Promise<void> {
    this.date = date;
    // Both parties are on the new date before either sends what falls due on it: a message dated
    // after its receiver's date is rejected (TR135, 8848). The harness's party receives on the new
    // date while the SUT moves, then sends what its schedule holds.
    this.harness.config.date = date;
    await this.act({ action: 'set-date', date });
    await this.harness.setDate(date);
  }

  // ------------------------------------------------------------------ the SUT

  /** Performs an action on the SUT with the current business date; a refusal is kept in lastAction. */
  async act(action: Action): Promise<ActionResult> {
    const withDate = 'date' in action && action.date ? action : ({ ...action, date: this.date } as Action);
    const at = new Date().toISOString();
    const afterSeq = this.harness.transcript.at(-1)?.seq ?? 0;
    const from = this.transcript.length;
    this.lastActionWaited = false;
    // A new AGB code agreed outside the messages is an identity the SUT or the harness may use from now on.
    if (action.action === 'change-agb') (this.judged === 'aanbieder' ? this.agreedIds.sut : this.agreedIds.harness).push(action.nieuweAgb);
    this.lastAction = await this.sutAct(withDate);
    // The report draws actions as notes on the SUT's lane, after the messages exchanged before them.
    const { ok, status, problem } = this.lastAction;
    this.attach(JSON.stringify({ afterSeq, at, businessDate: this.date, action: withDate, ok, status, ...(problem ? { problem: problem.detail ?? problem.error ?? '' } : {}) }), 'application/vnd.ijw.action+json');
    await settle();
    // The message an action asks for may follow the action's answer: wait for it (over HTTP)
    // before a step looks, returning as soon as it arrives.
    const sends = ACTION_SENDS[action.action];
    if (sends && this.lastAction.ok && this.parameters.sut.kind === 'http') {
      const got = await this.until(() => (this.received(sends, from).length ? true : undefined));
      this.lastActionWaited = !got;
    }
    return this.lastAction;
  }

  /**
   * One action on the SUT. A 400, 404 or 501 to an action that is valid against the contract's
   * schema is the SUT's defect (the contract keeps 400 for a malformed action): the scenario
   * fails naming the action, the contract version that introduced it and the answer. To an
   * action the harness got wrong it stays a harness error (INCONCLUSIVE).
   */
  private async sutAct(action: Action): Promise<ActionResult> {
    try {
      return await this.sut.act(action);
    } catch (e) {
      if (!(e instanceof ActionNotTaken)) throw e;
      try {
        parseAction(JSON.stringify(action), this.judged);
      } catch (invalid) {
        throw new HarnessError('SUT_PROTOCOL', `The harness sent an action its own schema refuses (${(invalid as Error).message}); the SUT answered HTTP ${e.status}`);
      }
      const since = actionSince(action.action);
      const answer = [e.problem?.error, e.problem?.detail].filter(Boolean).join(': ');
      return this.fail({
        rule: 'ADAPTER',
        expected: `the SUT performs '${action.action}' (adapter protocol ${since}, a ${this.judged} action): 200, or 422 with the reason it cannot`,
        actual: `HTTP ${e.status}${answer ? ` ${answer}` : ''}`,
        text: `The SUT did not take the action '${action.action}' (introduced in adapter protocol ${since}): it answered HTTP ${e.status}${answer ? ` (${answer})` : ''}, but the action is valid against the contract's schema; 400 is only for a malformed action`,
        ...(this.rules.length ? { affects: { rules: this.rules, text: `the scenario needs '${action.action}'` } } : {}),
      });
    }
  }

  /** Identities agreed outside the messages during the scenario (change-agb), for the addressing check. */
  private readonly agreedIds: { sut: string[]; harness: string[] } = { sut: [], harness: [] };

  /** True when the last action's message was awaited in full and did not come (no second wait for its absence). */
  private lastActionWaited = false;

  get actionMessageMissing(): boolean {
    return this.lastActionWaited;
  }

  /** Performs an action the scenario needs to succeed: a refusal is a failure of the rule under test. */
  async actOrFail(action: Action): Promise<void> {
    const r = await this.act(action);
    if (!r.ok) {
      this.fail({ rule: this.rules.join(', ') || 'ADAPTER', expected: `the SUT performs '${action.action}'`, actual: `refused (HTTP ${r.status}): ${r.problem?.detail ?? r.problem?.error ?? ''}`, text: `The SUT refused the action '${action.action}'` });
    }
  }

  // ------------------------------------------------------------------ the transcript

  get transcript(): readonly Exchange[] {
    return this.harness.transcript;
  }

  beginStep(): void {
    this.mark = this.transcript.length;
  }

  /** Messages of a code the harness received since `from` (default: this step's start). */
  received(code: MessageCode, from = this.mark): { exchange: Exchange; read: ReadAnyResult }[] {
    return this.transcript
      .slice(from)
      .filter((e) => e.direction === 'received' && e.code === code)
      .map((exchange) => ({ exchange, read: readMessage(exchange.xml) }));
  }

  /** The latest message of a code the harness received in the scenario. */
  lastReceived(code: MessageCode): { exchange: Exchange; read: ReadAnyResult } | undefined {
    return this.received(code, 0).at(-1);
  }

  /** Waits until the harness has received a message of `code` since `from`; undefined on timeout. */
  async awaitReceived(code: MessageCode, from = this.mark, timeoutMs = this.expectMs()): Promise<{ exchange: Exchange; read: ReadAnyResult } | undefined> {
    return this.judge.until(() => this.received(code, from).at(-1), timeoutMs);
  }

  /**
   * How long the harness waits for what it expects: --answer-timeout for a SUT over HTTP. The
   * in-process reference implementations send before an action or delivery returns (follow-ups
   * within a few event-loop turns), so a short bound keeps the self-test fast; a message they
   * send later on a business date comes with that date, never by waiting.
   */
  expectMs(): number {
    return this.parameters.sut.kind === 'http' ? this.parameters.answerTimeoutMs : IN_PROCESS_WAIT_MS;
  }

  /** Waits (up to {@link expectMs}) until `test` holds after some exchange; no polling. */
  until<T>(test: () => T | undefined, timeoutMs = this.expectMs()): Promise<T | undefined> {
    return this.judge.until(test, timeoutMs);
  }

  /**
   * How long a claim that something is *not* sent waits: a SUT over HTTP may still send it in a
   * background job, so the full --answer-timeout (unless it refused the action); the in-process
   * reference implementations send before the action returns.
   */
  quietMs(): number {
    return this.parameters.sut.kind === 'http' && this.lastAction?.ok !== false && !this.lastActionWaited ? this.parameters.answerTimeoutMs : 0;
  }

  /** For a claim that something is not sent: waits {@link quietMs} for `test`, returning at once if it holds. */
  quiet<T>(test: () => T | undefined): Promise<T | undefined> {
    return this.until(test, this.quietMs());
  }

  /**
   * The retour of the latest heen message of `heenCode` exchanged since `from` (this step by
   * default), waiting for it up to --answer-timeout: *that* message's retour, not any other.
   */
  async retourOfLatest(heenCode: HeenCode, from = this.mark): Promise<{ heen?: Exchange; retour?: Exchange }> {
    const find = () => this.transcript.slice(from).findLast((e) => e.code === heenCode && (e.direction === 'received' || (e.httpStatus ?? 0) < 400));
    // A SUT over HTTP may send the message itself a moment after the action that asked for it.
    const heen = await this.until(find, this.parameters.sut.kind === 'http' ? this.parameters.answerTimeoutMs : 0);
    if (!heen) return {};
    const retour = await this.judge.awaitRetour(heen, this.expectMs());
    return { heen, ...(retour ? { retour } : {}) };
  }

  /** Retourcodes of the latest exchange of a code since this step began (undefined when none). */
  lastOfCodeRetourcodes(code: MessageCode): string[] | undefined {
    return this.transcript.slice(this.mark).filter((x) => x.code === code).at(-1)?.retourcodes;
  }

  /** Records a finding in the scenario and throws the failure. */
  fail(f: Finding): never {
    const finding = this.withCause(f);
    this.attach(JSON.stringify(finding), 'application/vnd.ijw.finding+json');
    throw new ConformanceFailure(finding);
  }

  /**
   * Puts the rule actually broken first: a message of the SUT that broke the XSD, an
   * in-message rule, its addressing or TR056, or that the harness's party rejected for a rule
   * other than the scenario's. The scenario's own rule is then listed as affected.
   */
  private withCause(f: Finding): Finding {
    const setup = this.currentStep?.setup ? { setup: this.currentStep.text } : {};
    const contract = this.judge?.takeFindings()[0];
    if (contract) return { ...contractFinding(contract), affects: { rules: this.rules, text: f.text }, ...setup };
    const rejected = this.judge?.rejections().at(-1);
    const reason = rejected?.exchange.findings?.find((x) => !this.rules.includes(x.rule));
    if (rejected && reason) {
      return {
        rule: reason.rule,
        ...(reason.retourcode ? { retourcode: reason.retourcode } : {}),
        message: rejected.name,
        path: reason.path,
        expected: `the ${rejected.exchange.code} accepted by the harness's ${this.harnessRole}`,
        actual: `rejected${reason.retourcode ? ` with ${reason.retourcode}` : ''}: ${reason.text}`,
        text: `The ${this.harnessRole} rejected the ${this.judged}'s ${rejected.exchange.code}: ${reason.text}`,
        affects: { rules: this.rules, text: `${f.text} (expected ${f.expected}; actual ${f.actual})` },
        ...setup,
      };
    }
    return { ...f, ...setup };
  }

  /** Fails on what the judge found in the SUT's messages and has not reported yet. */
  failOnContractFindings(): void {
    const found = this.judge?.takeFindings() ?? [];
    if (!found.length) return;
    const first = found[0]!;
    const more = found.length > 1 ? ` (and ${found.length - 1} more: ${found.slice(1, 4).map((x) => `${x.rule} on ${x.message}`).join('; ')})` : '';
    const setup = this.currentStep?.setup ? { setup: this.currentStep.text } : {};
    const finding: Finding = { ...contractFinding(first), text: `${first.text}${more}`, affects: { rules: this.rules, text: 'the scenario is judged on messages that break a rule' }, ...setup };
    this.attach(JSON.stringify(finding), 'application/vnd.ijw.finding+json');
    throw new ConformanceFailure(finding);
  }

  /** Attaches every exchange as the report's timeline. */
  attachTranscript(): void {
    const harness = { role: this.harnessRole, id: this.harness.config.party, played: 'harness' as const };
    const sut = { role: this.judged, id: this.harness.config.counterparty, played: 'sut' as const };
    for (const e of this.transcript) {
      this.attach(
        JSON.stringify({
          seq: e.seq,
          at: e.at,
          businessDate: e.businessDate,
          from: e.direction === 'sent' ? harness : sut,
          to: e.direction === 'sent' ? sut : harness,
          messageCode: e.code,
          transport: this.parameters.sut.kind === 'http' ? 'http' : 'in-process',
          ...(e.httpStatus !== undefined ? { httpStatus: e.httpStatus } : {}),
          xml: e.xml,
          retourcodes: e.retourcodes,
        }),
        'application/vnd.ijw.exchange+json',
      );
    }
  }
}

function contractFinding(c: ContractFinding): Finding {
  return { rule: c.rule, ...(c.retourcode ? { retourcode: c.retourcode } : {}), message: c.message, path: c.path, expected: c.expected, actual: c.actual, text: c.text };
}

/**
 * Lets the follow-ups of what was just exchanged (e.g. a 301 after a 315, and the SUT's answers
 * to it) finish before the next step: turns of the event loop until none is pending and two
 * turns in a row passed idle, or {@link SETTLE_MAX_MS} passed (a party still sending over HTTP
 * is then waited for by the step's own timeout).
 */
export async function settle(): Promise<void> {
  const until = Date.now() + SETTLE_MAX_MS;
  for (let idle = 0; idle < 2 && Date.now() < until; ) {
    await new Promise((r) => setImmediate(r));
    idle = pendingFollowUps() ? 0 : idle + 1;
  }
}
const SETTLE_MAX_MS = 2000;

function hash(s: string): number {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return h >>> 0;
}

setWorldConstructor(ConformanceWorld);

export type { ReferenceParty };
