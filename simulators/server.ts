/**
 * Serves msw request handlers over real HTTP with node:http, so the in-process definition is
 * the server too. Bodies are bounded; a handler failure becomes a 500, never a crash.
 *
 * With a journal, every delivered message (POST …/berichten) is recorded before it is
 * processed and marked answered once the answer is written (journal.ts). `shutdown` stops
 * accepting, lets what is in flight finish, and reports what could not.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { getResponse, type HttpHandler } from 'msw';
import { deliversMessage, peekEnvelope, runIdOf, type Envelope } from './envelope.ts';
import { JournalError, type Journal, type JournalEntry } from './journal.ts';

export interface StartedServer {
  url: string;
  port: number;
  server: Server;
  /** Requests being processed now. */
  readonly inFlight: number;
  /** Stops at once, cutting open connections (tests). */
  close(): Promise<void>;
  /**
   * Stops accepting (new connections are refused, new requests on open ones get 503), waits up
   * to `drainMs` for the requests in flight, then closes. Resolves with the journalled
   * messages still unanswered at that point (empty without a journal).
   */
  shutdown(drainMs: number): Promise<{ drained: boolean; unanswered: JournalEntry[] }>;
}

export interface ServeOptions {
  port?: number;
  host?: string;
  maxBodyBytes?: number;
  /** Record every delivered message before processing it. */
  journal?: Journal;
  /** Runs after a message is journalled and before it is processed (a test hook: holds messages in flight). */
  beforeProcessing?: (envelope: Envelope) => Promise<void>;
  /** Told about messages whose answer could not be delivered. */
  warn?: (line: string) => void;
}

export const MAX_BODY_BYTES = 200 * 1024 * 1024;
export const SHUT_DOWN_BEFORE_ANSWER = 'the server shut down before answering (drain time exceeded)';

async function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const c of req) {
    size += (c as Buffer).length;
    if (size > limit) throw Object.assign(new Error(`Request body exceeds ${limit} bytes`), { status: 413 });
    chunks.push(c as Buffer);
  }
  return Buffer.concat(chunks);
}

function json(res: ServerResponse, status: number, body: object, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'application/json', ...headers }).end(JSON.stringify(body));
}

/** Starts serving; `port` 0 picks a free one. */
export async function serveHandlers(handlers: () => HttpHandler[], opts: ServeOptions = {}): Promise<StartedServer> {
  const host = opts.host ?? '127.0.0.1';
  const journal = opts.journal;
  let inFlight = 0;
  let draining = false;
  let onSettled: (() => void) | undefined;

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const body = req.method === 'GET' || req.method === 'HEAD' ? undefined : await readBody(req, opts.maxBodyBytes ?? MAX_BODY_BYTES);
    const url = `http://${req.headers.host ?? `${host}`}${req.url ?? '/'}`;
    const headers = new Headers();
    for (const [k, v] of Object.entries(req.headers)) if (typeof v === 'string') headers.set(k, v);
    const request = new Request(url, { method: req.method ?? 'GET', headers, ...(body ? { body: new Uint8Array(body) } : {}) });
    if (journal && body && deliversMessage(req.method, req.url)) {
      const envelope = peekEnvelope(runIdOf(request), body);
      let seq: number;
      try {
        seq = journal.accept(envelope);
      } catch (e) {
        // Not journalled means not accepted: the sender learns so and can deliver again.
        if (e instanceof JournalError) return json(res, 503, { error: 'message not accepted: the journal cannot be written', detail: e.message });
        throw e;
      }
      res.once('finish', () => journal.answered(seq, res.statusCode));
      res.once('close', () => {
        if (res.writableFinished) return;
        const u = journal.unanswered(seq, 'the connection closed before the answer was written');
        if (u) opts.warn?.(unansweredLine(u));
      });
      await opts.beforeProcessing?.(envelope);
    }
    const response = await getResponse(handlers(), request);
    if (!response) {
      return json(res, 404, { error: 'not found', detail: `${req.method} ${req.url}: the adapter protocol has POST /berichten, POST /conformance/actions, GET /conformance/health` });
    }
    const out = Buffer.from(await response.arrayBuffer());
    res.writeHead(response.status, Object.fromEntries(response.headers.entries())).end(out);
  }

  const server = createServer(async (req, res) => {
    if (draining) {
      // Not accepted: nothing was read or journalled, so the sender may deliver it again elsewhere or later.
      return json(res, 503, { error: 'shutting down', detail: 'the server no longer accepts requests; nothing of this request was processed' }, { connection: 'close' });
    }
    // In flight until the answer has left (or the connection is gone), not merely until it is written.
    inFlight++;
    res.once('close', () => {
      inFlight--;
      if (inFlight === 0) onSettled?.();
    });
    try {
      await handle(req, res);
    } catch (e) {
      const status = (e as { status?: number }).status ?? 500;
      if (!res.headersSent) res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ error: status === 413 ? 'body too large' : 'internal error', detail: (e as Error).message }));
    }
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const closed = new Promise<void>((resolve) => server.once('close', () => resolve()));

  return {
    url: `http://${host}:${port}`,
    port,
    server,
    get inFlight() {
      return inFlight;
    },
    close: async () => {
      draining = true;
      server.close();
      server.closeAllConnections();
      await closed;
    },
    shutdown: async (drainMs) => {
      draining = true;
      server.close();
      server.closeIdleConnections();
      let drained = inFlight === 0;
      if (!drained) {
        let timer: NodeJS.Timeout | undefined;
        drained = await new Promise<boolean>((resolve) => {
          onSettled = () => resolve(true);
          timer = setTimeout(() => resolve(false), drainMs);
        });
        clearTimeout(timer);
      }
      // Recorded before the connections are cut, so the reason is right and the report certain.
      const unanswered = journal?.inFlight() ?? [];
      for (const e of unanswered) {
        const u = journal!.unanswered(e.seq, SHUT_DOWN_BEFORE_ANSWER);
        if (u) opts.warn?.(unansweredLine(u));
      }
      server.closeAllConnections();
      await closed;
      return { drained, unanswered };
    },
  };
}

/** One log line for a message accepted and never answered; BSN masked. */
export function unansweredLine(e: JournalEntry & { reason?: string }): string {
  return `unanswered: run=${e.run} ${e.code} identificatie=${e.identificatie ?? '?'}${e.bsn ? ` bsn=${e.bsn}` : ''} accepted=${e.at}${e.reason ? ` (${e.reason})` : ''}`;
}
