/**
 * A harness or transport error is not a verdict on the system (issue 10, point 3): the run is
 * INCONCLUSIVE with exit code 3, in the console, summary.json, JUnit and the HTML report. And a
 * `--tags` run shows the rules it left out as "not selected in this run" (point 4).
 */
import { afterAll, describe, expect, it } from 'vitest';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { runCli } from './helpers/run-cli.ts';

let server: Server | undefined;
afterAll(() => server?.close());

/** A SUT whose adapter breaks down: every action gets HTTP 500 (a transport failure, not a rule broken). */
async function brokenSut(): Promise<string> {
  server = createServer((req, res) => {
    if (req.url === '/conformance/health') return res.writeHead(200).end('{"ok":true}');
    res.writeHead(500, { 'content-type': 'application/json' }).end('{"error":"internal","detail":"database down"}');
  });
  await new Promise<void>((r) => server!.listen(0, '127.0.0.1', r));
  return `http://127.0.0.1:${(server!.address() as AddressInfo).port}`;
}

describe('an inconclusive run', () => {
  it('exits 3 and says INCONCLUSIVE everywhere the verdict shows; unselected rules are "not selected in this run"', { timeout: 120_000 }, async () => {
    const url = await brokenSut();
    const out = mkdtempSync(join(tmpdir(), 'ijw-inconclusive-'));
    const r = await runCli('cli/conformance.ts', ['--region', 'alkmaar', '--role', 'aanbieder', '--sut', url, '--tags', '@rule:IJW-START-2', '--out', out]);
    expect(r.code, r.stdout + r.stderr).toBe(3);
    expect(r.stdout).toMatch(/alkmaar\s+aanbieder\s+INCONCLUSIVE/);
    const run = readdirSync(out).find((d) => d !== 'latest')!;
    const summary = JSON.parse(readFileSync(join(out, run, 'summary.json'), 'utf8'));
    expect(summary.verdict).toBe('inconclusive');
    expect(summary.verdicts[0].verdict).toBe('inconclusive');
    const statuses = new Set(summary.regions[0].rules.map((x: { status: string }) => x.status));
    expect(statuses.has('not-selected')).toBe(true);
    expect(statuses.has('not-covered')).toBe(false);
    expect(readFileSync(join(out, run, 'junit.xml'), 'utf8')).toContain('name="verdict" value="INCONCLUSIVE"');
    const html = readFileSync(join(out, run, 'index.html'), 'utf8');
    expect(html).toContain('Inconclusive');
    expect(html).toContain('not selected in this run');
  });
});
