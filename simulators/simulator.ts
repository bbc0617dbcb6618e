/**
 * A simulator serves one reference party (gemeente or aanbieder) through the adapter protocol
 * as msw request handlers, so the same definition runs in-process (the harness hands requests
 * to them, steps/support/run-scope.ts) and over real HTTP (server.ts). State is kept per run (X-Conformance-Run), so concurrent runs
 * never mix.
 */
import { afterAnswer } from './follow-ups.ts';
import { http, HttpResponse, type HttpHandler } from 'msw';
import { getProfile } from '../regions/index.ts';
import type { RegionProfile } from '../regions/types.ts';
import { ACTION_NAMES, ACTIONS_FOR, ActionRefused, type Action, type Role } from './actions.ts';
import type { Fault } from './faults/fault.ts';
import { ReferenceGemeente } from './gemeente/reference-gemeente.ts';
import { ReferenceAanbieder } from './aanbieder/reference-aanbieder.ts';
import { problem, type Exchange, type HttpAnswer, type PartyConfig, type ReferenceParty } from './party.ts';
import { maskBsnsInText } from '../ijw/bsn.ts';
import { decodeUtf8 } from '../ijw/xml/safe-xml.ts';
import { IjwError } from '../ijw/errors.ts';
import './flows.ts';
import { Ajv } from 'ajv';
import { actionSchemas } from './action-schema.ts';
import { RunRegistry } from './run-registry.ts';
import { runIdOf } from './envelope.ts';
import type { UnansweredEntry } from './journal.ts';

export { runIdOf };

export interface SimulatorOptions {
  role: Role;
  region: string;
  faults?: readonly Fault[];
  /** Own identity when a run has not been configured (CBS or AGB code). */
  party?: string;
  counterparty?: string;
  /** Where to deliver originated messages when a run has not been configured. */
  peerUrl?: string;
  /** One line per message, BSN masked. */
  log?: (line: string) => void;
  /** How many runs to keep before the least recently used is forgotten (default 1000). */
  maxRuns?: number;
  /** Forget a run untouched for this many ms (default: never, only max-runs). */
  runIdleMs?: number;
  /** Messages accepted and never answered (the journal's), for health and GET /conformance/unanswered. */
  unanswered?: () => UnansweredEntry[];
  /** How the parties deliver what they send (default: fetch); the harness's in-process transport. */
  fetchImpl?: typeof fetch;
}

export const DEFAULT_AANBIEDER = '12345678';

export function createParty(role: Role, config: PartyConfig, faults: readonly Fault[] = []): ReferenceGemeente | ReferenceAanbieder {
  return role === 'gemeente' ? new ReferenceGemeente(config, faults) : new ReferenceAanbieder(config, faults);
}

export class Simulator {
  readonly profile: RegionProfile;
  private readonly runs: RunRegistry<ReferenceParty>;

  readonly options: SimulatorOptions;

  constructor(options: SimulatorOptions) {
    this.options = options;
    this.profile = getProfile(options.region);
    this.runs = new RunRegistry({
      ...(options.maxRuns !== undefined ? { maxRuns: options.maxRuns } : {}),
      ...(options.runIdleMs !== undefined ? { idleMs: options.runIdleMs } : {}),
      onRelease: (runId, reason, detail) => options.log?.(`${new Date().toISOString()} ${options.role} run=${runId} forgotten (${reason}: ${detail})`),
    });
    // Idle runs are also swept on every request; the timer frees them when none come.
    if (options.runIdleMs) setInterval(() => this.runs.sweepIdle(), Math.min(options.runIdleMs, 60_000)).unref();
  }

  /** Runs held now. */
  get runCount(): number {
    return this.runs.size;
  }

  get role(): Role {
    return this.options.role;
  }

  /** The party that serves a run, created on first contact. */
  party(runId: string): ReferenceParty {
    return this.runs.obtain(runId, () => this.createRunParty(runId));
  }

  private createRunParty(runId: string): ReferenceParty {
    const firstGemeente = this.profile.municipalities[0]!.code;
    const own = this.options.party ?? (this.role === 'gemeente' ? firstGemeente : DEFAULT_AANBIEDER);
    const other = this.options.counterparty ?? (this.role === 'gemeente' ? DEFAULT_AANBIEDER : firstGemeente);
    const p = createParty(this.role, {
      runId,
      region: this.profile,
      party: own,
      counterparty: other,
      counterpartUrl: this.options.peerUrl ?? 'http://peer.invalid',
      date: new Date().toISOString().slice(0, 10),
    }, this.options.faults);
    if (this.options.fetchImpl) p.fetchImpl = this.options.fetchImpl;
    const log = this.options.log;
    if (log) p.onExchange((e) => log(logLine(this.role, runId, e)));
    return p;
  }

  /** Forgets a run and all its state (the end-run action); false when it was not held. */
  forget(runId: string): boolean {
    return this.runs.end(runId);
  }

  /** The adapter-protocol endpoints under `baseUrl` (e.g. `http://sut.ijw.test`, or `*` on a server). */
  handlers(baseUrl: string): HttpHandler[] {
    const base = baseUrl.replace(/\/$/, '');
    return [
      http.post(`${base}/berichten`, async ({ request }) => {
        // Bytes, not request.text(): a UTF-16 or Latin-1 body must be named as such, not misread.
        let xml: string;
        try {
          xml = decodeUtf8(new Uint8Array(await request.arrayBuffer()));
        } catch (e) {
          if (e instanceof IjwError) return toResponse(problem(400, 'not well-formed XML', e.message));
          throw e;
        }
        const party = this.party(runIdOf(request));
        const answer = await party.receive(xml);
        afterAnswer(() => party.runAfterwards(), (e) => this.options.log?.(`follow-up failed: ${maskBsnsInText(String(e))}`));
        return toResponse(answer);
      }),
      http.post(`${base}/conformance/actions`, async ({ request }) => {
        const runId = runIdOf(request);
        let action: Action;
        try {
          action = parseAction(await request.text(), this.role);
        } catch (e) {
          return HttpResponse.json({ error: 'invalid action', detail: (e as Error).message }, { status: 400 });
        }
        // Ending a run must not first create it.
        if (action.action === 'end-run') {
          this.forget(runId);
          return HttpResponse.json({ ok: true });
        }
        const party = this.party(runId);
        try {
          await party.act(action);
          return HttpResponse.json({ ok: true });
        } catch (e) {
          const status = e instanceof ActionRefused ? 422 : 500;
          return HttpResponse.json({ error: `action '${action.action}' failed`, detail: maskBsnsInText((e as Error).message) }, { status });
        }
      }),
      http.get(`${base}/conformance/health`, () => {
        const unanswered = this.options.unanswered?.();
        return HttpResponse.json({ ok: true, role: this.role, region: this.profile.id, runs: this.runs.size, ...(unanswered ? { unanswered: unanswered.length } : {}) });
      }),
      http.get(`${base}/conformance/unanswered`, () => HttpResponse.json({ journal: !!this.options.unanswered, unanswered: this.options.unanswered?.() ?? [] })),
      http.get(`${base}/conformance/transcript`, ({ request }) => {
        const p = this.runs.peek(runIdOf(request));
        return HttpResponse.json((p?.transcript ?? []).map((e) => ({ ...e, xml: maskBsnsInText(e.xml) })));
      }),
    ];
  }
}

export function toResponse(a: HttpAnswer): Response {
  return new Response(a.body ?? null, { status: a.status, headers: a.contentType ? { 'content-type': a.contentType } : {} });
}

const ajv = new Ajv({ allErrors: true, strict: false });
const validators = Object.fromEntries(Object.entries(actionSchemas).map(([name, schema]) => [name, ajv.compile(schema)]));

/** Checks the JSON of an action against its schema (simulators/action-schema.ts) and the role. */
export function parseAction(text: string, role: Role): Action {
  let a: unknown;
  try {
    a = JSON.parse(text);
  } catch {
    throw new Error('The body is not JSON');
  }
  if (typeof a !== 'object' || a === null || typeof (a as { action?: unknown }).action !== 'string') throw new Error('Expected {"action": "<name>", ...}');
  const name = (a as { action: string }).action;
  if (!(ACTION_NAMES as readonly string[]).includes(name)) throw new Error(`Unknown action '${name}' (known: ${ACTION_NAMES.join(', ')})`);
  if (!(ACTIONS_FOR[role] as readonly string[]).includes(name)) throw new Error(`Action '${name}' is not for a ${role} (it takes: ${ACTIONS_FOR[role].join(', ')})`);
  const validate = validators[name]!;
  if (!validate(a)) {
    throw new Error(`Action '${name}' does not match its schema: ${(validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message}${e.params && 'additionalProperty' in e.params ? ` '${String(e.params.additionalProperty)}'` : ''}`).join('; ')}`);
  }
  return a as Action;
}

function logLine(role: Role, runId: string, e: Exchange): string {
  const rc = e.retourcodes.length ? ` retourcodes=${e.retourcodes.join(',')}` : '';
  const bsn = /<(?:[\w-]+:)?Bsn>(\d{9})</.exec(e.xml)?.[1];
  return `${e.at} ${role} run=${runId} ${e.direction} ${e.code} date=${e.businessDate}${e.httpStatus ? ` http=${e.httpStatus}` : ''}${rc}${bsn ? ` bsn=${maskBsnsInText(bsn)}` : ''}`;
}
