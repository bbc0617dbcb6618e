/**
 * A stand-in system under test that uses exactly the freedoms the adapter protocol gives a
 * vendor, to prove the harness keeps its side of the contract (issue 10):
 * - every retour is answered `202` at once and delivered to the harness's inbox `delayMs` later;
 * - `set-date` is answered `200` at once and performed in a background job `delayMs` later, so
 *   what the new date makes due (a VOT honoured, a late answer) arrives after the action;
 * - with `backgroundActions`, every business action is answered `200` at once and performed
 *   the same way (a refusal then shows only as the message never sent);
 * - state is kept per run id, and a second `configure` for one run id is refused (422), even
 *   after `end-run`: a harness that reuses run ids gets caught.
 * Its business logic is the reference implementation's (simulators/), so a correct stand-in
 * must be judged conformant. Faulty variants (`variant`) break one point of the contract each.
 *
 *   npx tsx test/stand-in/contract-sut.ts --role aanbieder --region alkmaar --delay 150 --port 7000 [--background-actions]
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createParty, parseAction } from '../../simulators/simulator.ts';
import { ActionRefused, type Role } from '../../simulators/actions.ts';
import type { ReferenceParty } from '../../simulators/party.ts';
import { getProfile } from '../../regions/index.ts';
import { detectMessage as codeOf } from '../../ijw/messages/registry.ts';
import '../../simulators/flows.ts';

/** Faulty variants, each breaking one point of the contract (issue 10, points 5–8). */
export const CONTRACT_VARIANTS = {
  /** Point 5: the JW302/306/308 comes at once in the HTTP answer, without the mandatory XsdVersieRetour. */
  'retour-breaks-xsd': 'answers in the HTTP response with a retour that lacks XsdVersieRetour',
  /** Point 6: the second JW301 of a run is taken in (202) and never answered. */
  'second-301-unanswered': 'never sends the retour of the second JW301 of a run',
  /** Point 7: every message it originates is addressed to municipality 0361. */
  'wrong-ontvanger': 'sends every message to 0361, whatever the municipality',
  /** Point 8: every JW301 carries the same Identificatie. */
  'repeated-identificatie': 'gives every JW301 the same Identificatie',
  /** Point 9: the JW301 it sends breaks the XSD (no Ingangsdatum). */
  '301-breaks-xsd': 'sends a JW301 without Ingangsdatum (XSD)',
  /** Point 9: the JW301 honouring a request lacks its ReferentieAanbieder. */
  '301-without-referentie': 'honours a request with a JW301 without ReferentieAanbieder',
  /** Point 9: the provider's contract tariffs are 1 euro above the region's (TR418, 0611). */
  'wrong-tariff': 'declares with tariffs 100 cents above the contract',
  /** Issue 16: a valid action it does not implement is answered 400, as if it were malformed. */
  'refuses-change-agb': 'answers the valid action change-agb with HTTP 400 "unknown action"',
  /**
   * Issue 16, not a fault: a JW325 puts TR304's 8187 on the Client and 0233 on its prestaties, the
   * placement FLOWS.md gives a client-level error (the reference puts it on each prestatie).
   */
  'client-level-8187': 'puts 8187 on the Client of a JW325, with 0233 on its prestaties',
  /** Issue 16, point 5: the JW301 it sends has no address in its client's Contact (TR006, CD034). */
  '301-without-address': 'sends every JW301 without the Adres of its Contact',
} as const;
export type ContractVariant = keyof typeof CONTRACT_VARIANTS;

export interface ContractSutOptions {
  role: Role;
  /** The default region until `configure` names one. */
  region?: string;
  /** Wall-clock delay of every retour and of every set-date job (ms). */
  delayMs: number;
  variant?: ContractVariant;
  /** Perform every business action in the background too, after answering 200. */
  backgroundActions?: boolean;
  host?: string;
  port?: number;
}

export interface StartedContractSut {
  url: string;
  /** Run ids configured, and how many times one was configured again (must stay 0). */
  readonly configured: number;
  readonly reconfigured: string[];
  close(): Promise<void>;
}

interface Run {
  party: ReferenceParty;
  harnessUrl: string;
  /** Background jobs of this run, in order: delayed retours, set-date jobs, follow-ups. */
  queue: Promise<void>;
  received301: number;
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

async function body(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function send(res: ServerResponse, status: number, text?: string, type = 'application/json'): void {
  res.writeHead(status, text === undefined ? {} : { 'content-type': type }).end(text);
}

const problem = (res: ServerResponse, status: number, error: string, detail: string) => send(res, status, JSON.stringify({ error, detail }));

/** Rewrites what a variant sends; the correct stand-in sends what the reference logic built. */
function outgoing(variant: ContractVariant | undefined, xml: string): string {
  const code = safeCode(xml);
  switch (variant) {
    case 'wrong-ontvanger':
      return xml.replace(/<((?:[\w-]+:)?)Ontvanger>[^<]*<\/\1Ontvanger>/, '<$1Ontvanger>0361</$1Ontvanger>');
    case 'repeated-identificatie':
      return code === 'JW301' ? xml.replace(/<((?:[\w-]+:)?)Identificatie>[^<]*<\/\1Identificatie>/, '<$1Identificatie>G00000000001</$1Identificatie>') : xml;
    case '301-breaks-xsd':
      return code === 'JW301' ? xml.replace(/<((?:[\w-]+:)?)Ingangsdatum>[^<]*<\/\1Ingangsdatum>/, '') : xml;
    case '301-without-address':
      return code === 'JW301' ? xml.replace(/<((?:[\w-]+:)?)Adres>[\s\S]*?<\/\1Adres>/g, '') : xml;
    case '301-without-referentie':
      return code === 'JW301' ? xml.replace(/<((?:[\w-]+:)?)ReferentieAanbieder>[^<]*<\/\1ReferentieAanbieder>/g, '') : xml;
    default:
      return xml;
  }
}

/** Rewrites a retour or answer the SUT returns; only `client-level-8187` does (a JW325 client whose every line has 8187). */
function retourOut(variant: ContractVariant | undefined, xml: string): string {
  if (variant !== 'client-level-8187' || safeCode(xml) !== 'JW325') return xml;
  return xml.replace(/<((?:[\w-]+:)?)Client>[\s\S]*?<\/\1Client>/g, (client, ns: string) => {
    const codes = [...client.matchAll(new RegExp(`<${ns}Prestatie>[\\s\\S]*?<${ns}RetourCode>(\\d+)</${ns}RetourCode>`, 'g'))].map((m) => m[1]);
    if (!codes.length || codes.some((c) => c !== '8187')) return client;
    const lines = client.replaceAll(`<${ns}RetourCode>8187</${ns}RetourCode>`, `<${ns}RetourCode>0233</${ns}RetourCode>`);
    // The Client's own RetourCodes come last in it: 0200 becomes the client-level code.
    const at = lines.lastIndexOf(`<${ns}RetourCode>0200</${ns}RetourCode>`);
    return at === -1 ? client : `${lines.slice(0, at)}<${ns}RetourCode>8187</${ns}RetourCode>${lines.slice(at + `<${ns}RetourCode>0200</${ns}RetourCode>`.length)}`;
  });
}

function safeCode(xml: string): string | undefined {
  try {
    return codeOf(xml);
  } catch {
    return undefined;
  }
}

export async function startContractSut(opts: ContractSutOptions): Promise<StartedContractSut> {
  const runs = new Map<string, Run>();
  const configuredAt = new Map<string, string>();
  const reconfigured: string[] = [];
  const log = (line: string) => process.env.IJW_STAND_IN_LOG && process.stderr.write(`stand-in: ${line}\n`);

  const enqueue = (run: Run, job: () => Promise<void>) => {
    run.queue = run.queue.then(job).catch((e: unknown) => void log(`background job failed: ${(e as Error).message}`));
    return run.queue;
  };

  const deliver = async (run: Run, runId: string, xml: string) => {
    const res = await fetch(`${run.harnessUrl.replace(/\/$/, '')}/berichten`, { method: 'POST', headers: { 'content-type': 'application/xml; charset=utf-8', 'x-conformance-run': runId }, body: xml });
    await res.text();
  };

  async function actions(req: IncomingMessage, res: ServerResponse, runId: string): Promise<void> {
    let action;
    try {
      action = parseAction(await body(req), opts.role);
    } catch (e) {
      return problem(res, 400, 'invalid action', (e as Error).message);
    }
    if (opts.variant === 'refuses-change-agb' && action.action === 'change-agb') return problem(res, 400, 'unknown action', "'change-agb' is not an action of this system");
    if (action.action === 'configure') {
      const first = configuredAt.get(runId);
      if (first) {
        reconfigured.push(runId);
        return problem(res, 422, 'run already configured', `Run ${runId} was configured at ${first}: a run id is for one scenario only`);
      }
      configuredAt.set(runId, new Date().toISOString());
      const party = createParty(opts.role, { runId, region: getProfile(action.region), party: action.party, counterparty: action.counterparty, counterpartUrl: action.harnessUrl, date: action.date });
      const fetchImpl = party.fetchImpl;
      party.fetchImpl = (url, init) => fetchImpl(url, { ...init, ...(typeof init?.body === 'string' ? { body: outgoing(opts.variant, init.body) } : {}) });
      await party.act(action);
      if (opts.variant === 'wrong-tariff') {
        const region = party.config.region;
        party.config = { ...party.config, region: { ...region, products: region.products.map((p) => ({ ...p, declaration: { ...p.declaration, tariff: p.declaration.tariff + 100 } })) } };
      }
      runs.set(runId, { party, harnessUrl: action.harnessUrl, queue: Promise.resolve(), received301: 0 });
      return send(res, 200, JSON.stringify({ ok: true }));
    }
    const run = runs.get(runId);
    if (action.action === 'end-run') {
      runs.delete(runId);
      return send(res, 200, JSON.stringify({ ok: true }));
    }
    if (!run) return problem(res, 422, 'unknown run', `Run ${runId} was not configured`);
    if (action.action === 'set-date' || opts.backgroundActions) {
      // The decision job runs later, in the background: the action is answered at once.
      void enqueue(run, async () => {
        await sleep(opts.delayMs);
        await run.party.act(action).catch((e: unknown) => {
          if (!(e instanceof ActionRefused)) throw e;
          log(`refused in the background: ${e.message}`);
        });
      });
      return send(res, 200, JSON.stringify({ ok: true }));
    }
    await run.queue;
    try {
      await run.party.act(action);
      return send(res, 200, JSON.stringify({ ok: true }));
    } catch (e) {
      return problem(res, e instanceof ActionRefused ? 422 : 500, `action '${action.action}' failed`, (e as Error).message);
    }
  }

  async function berichten(req: IncomingMessage, res: ServerResponse, runId: string): Promise<void> {
    const xml = await body(req);
    const run = runs.get(runId);
    if (!run) return problem(res, 400, 'unknown run', `Run ${runId} was not configured`);
    await run.queue;
    const code = safeCode(xml);
    const answer = await run.party.receive(xml);
    if (code === 'JW301' && ++run.received301 === 2 && opts.variant === 'second-301-unanswered') return send(res, 202);
    if (answer.status === 200 && answer.body) {
      answer.body = retourOut(opts.variant, answer.body);
      if (opts.variant === 'retour-breaks-xsd') {
        send(res, 200, answer.body.replace(/<((?:[\w-]+:)?)XsdVersieRetour>[\s\S]*?<\/\1XsdVersieRetour>/, ''), 'application/xml');
        void enqueue(run, () => run.party.runAfterwards());
        return;
      }
      send(res, 202);
      const retour = answer.body;
      void enqueue(run, async () => {
        await sleep(opts.delayMs);
        await deliver(run, runId, retour);
        await run.party.runAfterwards();
      });
      return;
    }
    send(res, answer.status, answer.body, answer.contentType);
    void enqueue(run, () => run.party.runAfterwards());
  }

  const server: Server = createServer((req, res) => {
    const runId = req.headers['x-conformance-run']?.toString() ?? 'default';
    const path = new URL(req.url ?? '/', 'http://sut').pathname;
    const work = req.method === 'GET' && path === '/conformance/health'
      ? Promise.resolve(send(res, 200, JSON.stringify({ ok: true })))
      : req.method === 'POST' && path === '/conformance/actions'
        ? actions(req, res, runId)
        : req.method === 'POST' && path === '/berichten'
          ? berichten(req, res, runId)
          : Promise.resolve(problem(res, 404, 'not found', `${req.method} ${path}`));
    work.catch((e) => {
      if (!res.headersSent) problem(res, 500, 'internal error', (e as Error).message);
    });
  });
  await new Promise<void>((r) => server.listen(opts.port ?? 0, opts.host ?? '127.0.0.1', r));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://${opts.host ?? '127.0.0.1'}:${port}`,
    get configured() {
      return configuredAt.size;
    },
    reconfigured,
    close: () =>
      new Promise<void>((r) => {
        server.close(() => r());
        server.closeAllConnections();
      }),
  };
}

// As a program: serve one until stopped.
if (import.meta.url === `file://${process.argv[1]}`) {
  const arg = (name: string) => process.argv.slice(2).find((_, i, a) => a[i - 1] === name);
  const started = await startContractSut({
    role: (arg('--role') ?? 'aanbieder') as Role,
    delayMs: Number(arg('--delay') ?? 150),
    ...(arg('--variant') ? { variant: arg('--variant') as ContractVariant } : {}),
    port: Number(arg('--port') ?? 0),
    backgroundActions: process.argv.includes('--background-actions'),
  });
  process.stdout.write(`contract stand-in SUT listening on ${started.url}\n`);
}
