/**
 * The harness's inbox (`POST {harnessUrl}/berichten`): messages the SUT originates arrive
 * here and go to the party the harness plays in the scenario of that run id. In-process it is
 * an msw handler; against an HTTP SUT it is also served on a real port.
 */
import { http, type HttpHandler } from 'msw';
import type { ReferenceParty } from '../../simulators/party.ts';
import { runIdOf, toResponse } from '../../simulators/simulator.ts';
import { afterAnswer } from '../../simulators/follow-ups.ts';
import { serveHandlers, type StartedServer } from '../../simulators/server.ts';

const parties = new Map<string, ReferenceParty>();
/** Runs that ended, with when: a late message gets an answer that says so (bounded, oldest forgotten first). */
const ended = new Map<string, string>();
const MAX_ENDED = 10_000;

export function registerRun(runId: string, party: ReferenceParty): void {
  parties.set(runId, party);
}

export function unregisterRun(runId: string): void {
  if (!parties.delete(runId)) return;
  ended.set(runId, new Date().toISOString());
  if (ended.size > MAX_ENDED) ended.delete(ended.keys().next().value!);
}

/** The answer to a message for a run that is not running: ended (409, since when) or unknown (400). */
export function notRunning(runId: string): Response {
  const at = ended.get(runId);
  if (at) {
    return Response.json(
      { error: 'run ended', detail: `Run '${runId}' ended at ${at} (${Date.now() - Date.parse(at)} ms ago): the harness no longer takes its messages. Deliver retours and answers within --answer-timeout of the message they answer.`, endedAt: at },
      { status: 409 },
    );
  }
  return Response.json({ error: 'unknown run', detail: `No scenario of this harness has run with X-Conformance-Run '${runId}': use the run id of the harness request this message follows from` }, { status: 400 });
}

export function inboxHandlers(baseUrl: string): HttpHandler[] {
  const base = baseUrl.replace(/\/$/, '');
  return [
    http.post(`${base}/berichten`, async ({ request }) => {
      const runId = runIdOf(request);
      const party = parties.get(runId);
      if (!party) return notRunning(runId);
      const answer = await party.receive(await request.text());
      afterAnswer(() => party.runAfterwards(), () => undefined);
      return toResponse(answer);
    }),
    http.get(`${base}/conformance/health`, () => Response.json({ ok: true, role: 'harness' })),
  ];
}

/**
 * The inbox on a real port, for SUTs outside this process (one per cucumber worker: see
 * {@link inboxPortFor}); its run's scope (run-scope.ts) owns and closes it.
 */
export function serveInbox(opts: { host: string; port?: number }): Promise<StartedServer> {
  return serveHandlers(() => inboxHandlers('*'), { host: opts.host, port: inboxPortFor(opts.port) });
}

/** A fixed `--inbox-port P` is worker 0's; worker i listens on P + i, so workers never share a port. */
export function inboxPortFor(port: number | undefined, workerId = process.env.CUCUMBER_WORKER_ID): number {
  if (!port) return 0;
  return port + (workerId ? Number(workerId) || 0 : 0);
}
