/**
 * A tiny stand-in system under test for the container machinery's own tests: it proves an
 * image built by build-sut-image.sh starts, answers on its health path, sees the environment
 * the harness passes in, can reach the harness on the host, and stops on SIGTERM as PID 1.
 * The real stand-in vendor SUT is the reference simulator (`cli/simulate.ts`).
 *
 *   npx tsx scripts/container/stand-in-sut.ts --port 8080
 *
 * - GET  /conformance/health → 200 {"ok":true}
 * - GET  /env → 200 with the IJW_* environment variables (and the process's uid)
 * - POST /conformance/actions {"action":"configure","harnessUrl"?} → POSTs a small XML
 *   document to `<harnessUrl or $IJW_HARNESS_URL>/berichten` and answers with its status
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';

function argValue(name: string): string | undefined {
  const args = process.argv.slice(2);
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === name) return args[i + 1];
    if (a.startsWith(`${name}=`)) return a.slice(name.length + 1);
  }
  return undefined;
}

const port = Number(argValue('--port') ?? process.env.PORT ?? 8080);
const host = argValue('--host') ?? '0.0.0.0';

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function json(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

const server = createServer((req, res) => {
  void (async () => {
    const url = new URL(req.url ?? '/', 'http://sut');
    if (req.method === 'GET' && url.pathname === '/conformance/health') return json(res, 200, { ok: true });
    if (req.method === 'GET' && url.pathname === '/env') {
      const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => k.startsWith('IJW_')));
      return json(res, 200, { env, uid: process.getuid?.(), argv: process.argv.slice(2) });
    }
    if (req.method === 'POST' && url.pathname === '/conformance/actions') {
      const action = JSON.parse((await readBody(req)) || '{}') as { action?: string; harnessUrl?: string };
      if (action.action !== 'configure') return json(res, 422, { error: 'unsupported action', detail: String(action.action) });
      const harnessUrl = action.harnessUrl ?? process.env.IJW_HARNESS_URL;
      if (!harnessUrl) return json(res, 422, { error: 'no harness URL', detail: 'give harnessUrl or set IJW_HARNESS_URL' });
      try {
        const r = await fetch(new URL('berichten', harnessUrl.endsWith('/') ? harnessUrl : `${harnessUrl}/`), {
          method: 'POST',
          headers: { 'content-type': 'application/xml', 'x-conformance-run': req.headers['x-conformance-run']?.toString() ?? 'stand-in' },
          body: '<Bericht>stand-in</Bericht>',
          signal: AbortSignal.timeout(5000),
        });
        return json(res, 200, { ok: true, harnessUrl, harnessStatus: r.status, harnessBody: await r.text() });
      } catch (e) {
        return json(res, 422, { error: 'harness unreachable', detail: `${harnessUrl}: ${(e as Error).message}` });
      }
    }
    json(res, 404, { error: 'not found', detail: `${req.method} ${url.pathname}` });
  })().catch((e: unknown) => json(res, 500, { error: 'internal', detail: (e as Error).message }));
});

server.listen(port, host, () => process.stdout.write(`stand-in SUT listening on http://${host}:${port}\n`));

// As PID 1 in a container, Node gets no default handler for SIGTERM: without this, `docker stop`
// waits its full grace period and then kills the process.
const stop = (signal: string): void => {
  process.stdout.write(`${signal}: stopping\n`);
  server.close(() => process.exit(0));
  server.closeAllConnections();
  setTimeout(() => process.exit(0), 2000).unref();
};
process.on('SIGTERM', () => stop('SIGTERM'));
process.on('SIGINT', () => stop('SIGINT'));
