/**
 * What one cucumber run holds (one region of one `runConformance` call): the in-process
 * reference parties with the run's faulty variants, the transport to them, and the harness
 * inbox on a real port for an HTTP SUT. Hooks and the World are code shared by every run of
 * the process, so each finds its run's scope by the run's key (harness run id and region): two
 * runs in one process, one after the other or at once, never share a party, a fault or a port.
 */
import { getResponse, type HttpHandler } from 'msw';
import { Simulator } from '../../simulators/simulator.ts';
import { faultsById } from '../../simulators/faults/index.ts';
import type { StartedServer } from '../../simulators/server.ts';
import { IN_PROCESS, type WorldParams } from './params.ts';
import { inboxHandlers, serveInbox } from './harness-inbox.ts';

export class RunScope {
  /** The adapter-protocol endpoints in this process, by origin: the reference parties and the harness inbox. */
  private readonly local = new Map<string, HttpHandler[]>();
  private inbox?: Promise<StartedServer>;
  private readonly params: WorldParams;

  constructor(params: WorldParams) {
    this.params = params;
    this.local.set(IN_PROCESS.harness, inboxHandlers(IN_PROCESS.harness));
    if (params.sut.kind !== 'reference') return;
    const faults = faultsById(params.sut.faults ?? []);
    for (const role of ['gemeente', 'aanbieder'] as const) {
      const simulator = new Simulator({ role, region: params.region, faults, fetchImpl: this.fetch });
      this.local.set(IN_PROCESS[role], simulator.handlers(IN_PROCESS[role]));
    }
  }

  /**
   * The in-process transport: a request to the reference parties or the harness inbox goes
   * straight to their handlers (the same msw handlers the simulator server serves), without a
   * socket; anything else (an HTTP SUT) over the network.
   */
  readonly fetch: typeof fetch = async (input, init) => {
    const request = new Request(input, init);
    const handlers = this.local.get(new URL(request.url).origin);
    if (!handlers) return fetch(request);
    return (await getResponse(handlers, request)) ?? Response.json({ error: 'not found', detail: `${request.method} ${request.url}` }, { status: 404 });
  };

  /**
   * The inbox on a real port, for SUTs outside this process (one per cucumber worker: a fixed
   * `--inbox-port P` is worker 0's, worker i listens on P + i).
   */
  httpInbox(): Promise<StartedServer> {
    this.inbox ??= serveInbox({ host: this.params.inboxListenHost, ...(this.params.inboxPort ? { port: this.params.inboxPort } : {}) });
    return this.inbox;
  }

  async close(): Promise<void> {
    const inbox = this.inbox;
    this.inbox = undefined;
    if (inbox) await (await inbox).close();
  }
}

const scopes = new Map<string, RunScope>();
const keyOf = (p: WorldParams) => `${p.runId}/${p.region}`;

/** The scope of the run these parameters belong to, created on first use. */
export function scopeFor(params: WorldParams): RunScope {
  const key = keyOf(params);
  let scope = scopes.get(key);
  if (!scope) {
    scope = new RunScope(params);
    scopes.set(key, scope);
  }
  return scope;
}

/** Ends the run's scope: its inbox port closes, its parties are let go. */
export async function closeScope(params: WorldParams): Promise<void> {
  const key = keyOf(params);
  const scope = scopes.get(key);
  scopes.delete(key);
  await scope?.close();
}
