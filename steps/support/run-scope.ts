/**
 * What one cucumber run holds (one region of one `runConformance` call): the in-process
 * reference parties with the run's faulty variants, and the harness inbox on a real port for an
 * HTTP SUT. Hooks and the World are code shared by every run of the process, so each finds its
 * run's scope by the run's key (harness run id and region): two runs in one process, one after
 * the other or at once, never share a simulator, a fault or an inbox port.
 */
import { http, getResponse, type HttpHandler } from 'msw';
import { setupServer, type SetupServer } from 'msw/node';
import { Simulator } from '../../simulators/simulator.ts';
import { faultsById } from '../../simulators/faults/index.ts';
import { runIdOf } from '../../simulators/envelope.ts';
import type { StartedServer } from '../../simulators/server.ts';
import { IN_PROCESS, type WorldParams } from './params.ts';
import { inboxHandlers, notRunning, serveInbox } from './harness-inbox.ts';

export class RunScope {
  /** The reference parties the scenarios judge in-process (both roles: the scenario picks one). */
  private readonly sut?: { gemeente: HttpHandler[]; aanbieder: HttpHandler[] };
  private readonly routed: string[] = [];
  private inbox?: Promise<StartedServer>;
  private closed = false;

  constructor(private readonly params: WorldParams) {
    if (params.sut.kind !== 'reference') return;
    const faults = faultsById(params.sut.faults ?? []);
    const gemeente = new Simulator({ role: 'gemeente', region: params.region, faults });
    const aanbieder = new Simulator({ role: 'aanbieder', region: params.region, faults });
    this.sut = { gemeente: gemeente.handlers(IN_PROCESS.gemeente), aanbieder: aanbieder.handlers(IN_PROCESS.aanbieder) };
    inProcess.open();
  }

  /** Sends the in-process requests of a scenario's run id to this run's reference parties. */
  route(scenarioRunId: string): void {
    if (!this.sut) return;
    inProcess.routes.set(scenarioRunId, this.sut);
    this.routed.push(scenarioRunId);
  }

  /**
   * The inbox on a real port, for SUTs outside this process (one per cucumber worker: a fixed
   * `--inbox-port P` is worker 0's, worker i listens on P + i).
   */
  httpInbox(): Promise<StartedServer> {
    this.inbox ??= serveInbox({ host: this.params.inboxListenHost, ...(this.params.inboxPort ? { port: this.params.inboxPort } : {}) });
    return this.inbox;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    for (const id of this.routed) inProcess.routes.delete(id);
    if (this.sut) inProcess.close();
    if (this.inbox) await (await this.inbox).close();
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

/** Ends the run's scope: its reference parties stop answering, its inbox port closes. */
export async function closeScope(params: WorldParams): Promise<void> {
  const key = keyOf(params);
  const scope = scopes.get(key);
  scopes.delete(key);
  await scope?.close();
}

/**
 * The in-process transport. msw intercepts by patching the thread's fetch, so there is one
 * interception per thread, open while any run uses it; each request goes to the reference
 * parties of the run its X-Conformance-Run names, and the harness inbox finds its party the same way.
 */
const inProcess = {
  routes: new Map<string, { gemeente: HttpHandler[]; aanbieder: HttpHandler[] }>(),
  server: undefined as SetupServer | undefined,
  users: 0,
  open(): void {
    if (this.users++ > 0) return;
    const to = (role: 'gemeente' | 'aanbieder') =>
      http.all(`${IN_PROCESS[role]}/*`, async ({ request }) => {
        const runId = runIdOf(request);
        const handlers = this.routes.get(runId)?.[role];
        if (!handlers) return notRunning(runId);
        return (await getResponse(handlers, request)) ?? Response.json({ error: 'not found', detail: `${request.method} ${new URL(request.url).pathname}` }, { status: 404 });
      });
    this.server = setupServer(to('gemeente'), to('aanbieder'), ...inboxHandlers(IN_PROCESS.harness));
    // Anything else (an HTTP SUT, the harness inbox on a port) goes over the network as usual.
    this.server.listen({ onUnhandledFrame: 'bypass' });
  },
  close(): void {
    if (--this.users > 0) return;
    this.server?.close();
    this.server = undefined;
  },
};
