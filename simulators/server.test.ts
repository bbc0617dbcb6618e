/**
 * The simulator server over real HTTP on loopback: it survives malformed XML and entity attacks
 * (HTTP 400, no retour, nothing expanded), and a burst of concurrent runs each gets its own,
 * correct answers with none of the accepted messages lost.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Simulator } from './simulator.ts';
import { serveHandlers, type StartedServer } from './server.ts';
import { readMessage } from '../ijw/messages/registry.ts';

let gemeente: StartedServer;
let aanbieder: StartedServer;

beforeAll(async () => {
  gemeente = await serveHandlers(((h) => () => h)(new Simulator({ role: 'gemeente', region: 'alkmaar' }).handlers('*')));
  aanbieder = await serveHandlers(((h) => () => h)(new Simulator({ role: 'aanbieder', region: 'alkmaar' }).handlers('*')));
});
afterAll(async () => {
  await gemeente?.close();
  await aanbieder?.close();
});

const post = (url: string, path: string, body: string, run: string, type = 'application/xml') =>
  fetch(`${url}${path}`, { method: 'POST', headers: { 'content-type': type, 'x-conformance-run': run }, body, signal: AbortSignal.timeout(10_000) });

describe('simulator server', () => {
  it.each([
    ['malformed XML', '<a><b></a>'],
    ['billion laughs', '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]><lolz>&lol2;</lolz>'],
    ['XXE to a file', '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><x>&e;</x>'],
    ['XXE to a URL', '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "http://127.0.0.1:9/evil">]><x>&e;</x>'],
    ['wrong namespace', '<jw305:Bericht xmlns:jw305="urn:not-ijw"/>'],
    ['random bytes', '\u0000\u0001\u00ff<<<&&&'],
  ])('answers %s with HTTP 400 and a problem, and stays up', async (_l, body) => {
    const res = await post(gemeente.url, '/berichten', body, 'hostile');
    expect(res.status).toBe(400);
    const problem = (await res.json()) as { error?: string };
    expect(problem.error).toBeTruthy();
    expect(JSON.stringify(problem)).not.toMatch(/root:x:0/);
    expect((await fetch(`${gemeente.url}/conformance/health`)).status).toBe(200);
  });

  it('keeps concurrent runs apart and loses no accepted message', { timeout: 60_000 }, async () => {
    const runs = Array.from({ length: 40 }, (_, i) => `burst-${i}`);
    await Promise.all(
      runs.map(async (run, i) => {
        const bsn = ['999900006', '999900018', '999900031', '999900043'][i % 4]!;
        const act = (url: string, a: object) => post(url, '/conformance/actions', JSON.stringify(a), run, 'application/json');
        expect((await act(aanbieder.url, { action: 'configure', date: '2025-03-03', harnessUrl: gemeente.url, region: 'alkmaar', party: '12345678', counterparty: '0361' })).status).toBe(200);
        expect((await act(gemeente.url, { action: 'configure', date: '2025-03-03', harnessUrl: aanbieder.url, region: 'alkmaar', party: '0361', counterparty: '12345678' })).status).toBe(200);
        expect((await act(gemeente.url, { action: 'allocate', client: { bsn, geboortedatum: '2015-05-01', geslacht: '2', achternaam: `Run${i}`, adres: { straatnaam: 'Laat', huisnummer: 12, postcode: '1811AB', plaatsnaam: 'Alkmaar' } }, products: [{ product: { categorie: '45', code: '45X01' }, ingangsdatum: '2025-03-01', einddatum: '2025-12-31', omvang: { volume: 10, eenheid: '04', frequentie: '2' } }] })).status).toBe(200);
        const start = await act(aanbieder.url, { action: 'start-care', toewijzingNummer: 1001, begindatum: '2025-03-03' });
        expect(start.status).toBe(200);
      }),
    );
    for (const [i, run] of runs.entries()) {
      const t = (await (await fetch(`${gemeente.url}/conformance/transcript`, { headers: { 'x-conformance-run': run } })).json()) as { direction: string; code: string; xml: string }[];
      // Per run: sent 301, received 302, received 305, sent 306 accepted; and only this run's client.
      expect(t.map((e) => `${e.direction} ${e.code}`)).toEqual(['sent JW301', 'received JW302', 'received JW305', 'sent JW306']);
      const r306 = readMessage(t[3]!.xml.replace(/\*{5}(\d{4})/g, '99990$1'));
      expect(r306.code === 'JW306' && r306.model.Header.RetourCodes).toBeUndefined();
      expect(t[0]!.xml).toContain(`Run${i}`);
    }
  });
});
