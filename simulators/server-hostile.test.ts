/**
 * Hostile bodies over HTTP, generated: whatever a vendor's system (or an attacker) posts to
 * /berichten, the simulated municipality answers 400 with a problem that names what is wrong,
 * within a time bound, without growing its memory, and stays up for the next request.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Simulator } from './simulator.ts';
import { serveHandlers, type StartedServer } from './server.ts';
import { buildLargeJw323 } from '../generators/large-declaration.ts';

let gemeente: StartedServer;

beforeAll(async () => {
  gemeente = await serveHandlers(((h) => () => h)(new Simulator({ role: 'gemeente', region: 'alkmaar' }).handlers('*')));
});
afterAll(async () => {
  await gemeente?.close();
});

interface Answer {
  status: number;
  problem: { error?: string; detail?: string };
  ms: number;
}

async function post(body: Uint8Array | string, run = 'hostile'): Promise<Answer> {
  const t0 = performance.now();
  const res = await fetch(`${gemeente.url}/berichten`, {
    method: 'POST',
    headers: { 'content-type': 'application/xml', 'x-conformance-run': run },
    body: typeof body === 'string' ? body : new Uint8Array(body),
    signal: AbortSignal.timeout(20_000),
  });
  const text = await res.text();
  let problem: Answer['problem'] = {};
  try {
    problem = JSON.parse(text) as Answer['problem'];
  } catch {
    problem = { detail: text.slice(0, 200) };
  }
  return { status: res.status, problem, ms: performance.now() - t0 };
}

async function stillUp(): Promise<void> {
  expect((await fetch(`${gemeente.url}/conformance/health`)).status).toBe(200);
}

/** A valid declaration for this municipality, as a vendor would post it. */
const valid = buildLargeJw323(3, 5);

describe('simulator server, hostile bodies', () => {
  it('answers random bytes with 400 and a problem, quickly', { timeout: 60_000 }, async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 2_000 }), async (bytes) => {
        const a = await post(bytes);
        expect(a.status).toBe(400);
        expect(a.problem.error).toBeTruthy();
        expect(a.ms).toBeLessThan(2_000);
      }),
      { numRuns: 60 },
    );
    await stillUp();
  });

  it('answers a declaration cut off anywhere with 400 "not well-formed XML"', { timeout: 60_000 }, async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: valid.length - 1 }), async (at) => {
        const a = await post(valid.slice(0, at));
        expect(a.status).toBe(400);
        expect(`${a.problem.error} ${a.problem.detail}`).toMatch(/not well-formed|XML declaration|not an iJw/i);
        expect(a.ms).toBeLessThan(2_000);
      }),
      { numRuns: 60 },
    );
    await stillUp();
  });

  it('answers a declaration with one random character replaced with 400 or a JW325, never a 500', { timeout: 60_000 }, async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: valid.length - 1 }), fc.constantFrom('<', '>', '&', '"', "'", '/', 'x', '\u0000', '\u00a0', ' ', '9'), async (at, ch) => {
        const a = await post(`${valid.slice(0, at)}${ch}${valid.slice(at + 1)}`, `edit-${at}`);
        // A JW325 (200) is a fair answer when the edit left a readable declaration.
        expect([200, 400]).toContain(a.status);
        expect(a.ms).toBeLessThan(2_000);
      }),
      { numRuns: 60 },
    );
    await stillUp();
  });

  it.each([
    ['nesting 100,000 deep', () => `<jw323:Bericht xmlns:jw323="http://www.istandaarden.nl/ijw/3_2/jw323/schema">${'<a>'.repeat(100_000)}${'</a>'.repeat(100_000)}</jw323:Bericht>`, /deeper than/],
    ['UTF-16 with a BOM', () => new Uint8Array([0xff, 0xfe, ...Buffer.from(valid, 'utf16le')]), /UTF-16/],
    ['Latin-1 bytes declared as ISO-8859-1', () => Buffer.from(valid.replace('UTF-8', 'ISO-8859-1').replace('LARGE', 'LARG\u00c9'), 'latin1'), /ISO-8859-1|UTF-8/],
    ['a BerichtCode of another message', () => valid.replace('<jw323:BerichtCode>490<', '<jw323:BerichtCode>414<'), /BerichtCode/],
    ['a duplicated Header', () => valid.replace(/(<jw323:Header>.*?<\/jw323:Header>)/, '$1$1'), /Header/],
    ['an external entity to a URL', () => `<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "http://127.0.0.1:9/x">]>${valid.slice(valid.indexOf('?>') + 2)}`, /DTD/],
  ])('answers %s with 400 naming the problem', { timeout: 30_000 }, async (_label, body, names) => {
    const a = await post(body());
    expect(a.status).toBe(400);
    expect(`${a.problem.error} ${a.problem.detail}`).toMatch(names);
    expect(a.ms).toBeLessThan(3_000);
    await stillUp();
  });

  it('answers a 30 MB text node with 400 in bounded time and memory, then the next valid declaration with its JW325', { timeout: 60_000 }, async () => {
    globalThis.gc?.();
    const before = process.memoryUsage().heapUsed;
    const huge = valid.replace('<jw323:DeclaratieNummer>', `<jw323:DeclaratieNummer>${'D'.repeat(30 * 2 ** 20)}`);
    const a = await post(huge);
    expect(a.status).toBe(400);
    expect(a.problem.detail).toMatch(/DeclaratieNummer/);
    // The finding quotes the value clipped, not 30 MB of it.
    expect(JSON.stringify(a.problem).length).toBeLessThan(20_000);
    expect(a.ms).toBeLessThan(15_000);
    globalThis.gc?.();
    expect(process.memoryUsage().heapUsed - before).toBeLessThan(400 * 2 ** 20);
    const ok = await post(valid, 'after-huge');
    expect(ok.status).toBe(200);
  });
});
