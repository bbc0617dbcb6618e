/**
 * Serves msw request handlers over real HTTP with node:http, so the in-process definition is
 * the server too. Bodies are bounded; a handler failure becomes a 500, never a crash.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { getResponse, type HttpHandler } from 'msw';

export interface StartedServer {
  url: string;
  port: number;
  server: Server;
  close(): Promise<void>;
}

export const MAX_BODY_BYTES = 200 * 1024 * 1024;

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

/** Starts serving; `port` 0 picks a free one. */
export async function serveHandlers(handlers: () => HttpHandler[], opts: { port?: number; host?: string; maxBodyBytes?: number } = {}): Promise<StartedServer> {
  const host = opts.host ?? '127.0.0.1';
  const server = createServer(async (req, res) => {
    try {
      const body = req.method === 'GET' || req.method === 'HEAD' ? undefined : await readBody(req, opts.maxBodyBytes ?? MAX_BODY_BYTES);
      const url = `http://${req.headers.host ?? `${host}`}${req.url ?? '/'}`;
      const headers = new Headers();
      for (const [k, v] of Object.entries(req.headers)) if (typeof v === 'string') headers.set(k, v);
      const request = new Request(url, { method: req.method ?? "GET", headers, ...(body ? { body: new Uint8Array(body) } : {}) });
      const response = await getResponse(handlers(), request);
      if (!response) {
        res.writeHead(404, { 'content-type': 'application/json' }).end(JSON.stringify({ error: 'not found', detail: `${req.method} ${req.url}: the adapter protocol has POST /berichten, POST /conformance/actions, GET /conformance/health` }));
        return;
      }
      const out = Buffer.from(await response.arrayBuffer());
      res.writeHead(response.status, Object.fromEntries(response.headers.entries())).end(out);
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
  return {
    url: `http://${host}:${port}`,
    port,
    server,
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}
