/**
 * The harness's inbox (`POST {harnessUrl}/berichten`): messages the SUT originates arrive
 * here and go to the party the harness plays in the scenario of that run id. In-process it is
 * an msw handler; against an HTTP SUT it is also served on a real port.
 */
import { http, type HttpHandler } from 'msw';
import type { ReferenceParty } from '../../simulators/party.ts';
import { runIdOf, toResponse } from '../../simulators/simulator.ts';
import { serveHandlers, type StartedServer } from '../../simulators/server.ts';

const parties = new Map<string, ReferenceParty>();

export function registerRun(runId: string, party: ReferenceParty): void {
  parties.set(runId, party);
}

export function unregisterRun(runId: string): void {
  parties.delete(runId);
}

export function inboxHandlers(baseUrl: string): HttpHandler[] {
  const base = baseUrl.replace(/\/$/, '');
  return [
    http.post(`${base}/berichten`, async ({ request }) => {
      const runId = runIdOf(request);
      const party = parties.get(runId);
      if (!party) {
        return Response.json({ error: 'unknown run', detail: `No scenario is running with X-Conformance-Run '${runId}': copy the header from the harness's requests` }, { status: 400 });
      }
      const answer = await party.receive(await request.text());
      setTimeout(() => void party.runAfterwards().catch(() => undefined), 0);
      return toResponse(answer);
    }),
    http.get(`${base}/conformance/health`, () => Response.json({ ok: true, role: 'harness' })),
  ];
}

let server: Promise<StartedServer> | undefined;

/**
 * The inbox on a real port (one per cucumber worker), for SUTs outside this process. A fixed
 * `--inbox-port P` is worker 0's; worker i listens on P + i, so workers never share a port.
 */
export function httpInbox(opts: { host: string; port?: number }): Promise<StartedServer> {
  server ??= serveHandlers(() => inboxHandlers('*'), { host: opts.host, port: inboxPortFor(opts.port) });
  return server;
}

export function inboxPortFor(port: number | undefined, workerId = process.env.CUCUMBER_WORKER_ID): number {
  if (!port) return 0;
  return port + (workerId ? Number(workerId) || 0 : 0);
}

export async function closeHttpInbox(): Promise<void> {
  if (server) await (await server).close();
  server = undefined;
}
