/**
 * Browser check of the HTML report: headless Chromium (Debian's `chromium`) opens a real
 * report from disk, finds the verdict and the rule matrix, the sequence diagram of the failed
 * scenario with the message it is about, follows an arrow to that message's XML, takes
 * screenshots, and proves the page made no request besides its own file:// URL. Then the
 * report of a `--region all` run: its size, its time to first paint, the region comparison, and
 * a screenshot of the diagram of its largest scenario.
 * Skips, visibly, where Chromium is not installed; CI installs it.
 *
 * IJW_REPORT_RUN=<run dir> uses a stored `--region all` run instead of recording one (~40 s);
 * IJW_REPORT_SCREENSHOTS=<dir> keeps the screenshots and `report-metrics.json`.
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { writeReports } from './write-reports.ts';
import { conformanceInProcess } from '../test/helpers/conformance.ts';
import { REGION_IDS, catalogue } from '../regions/catalogue.ts';

const CHROMIUM = '/usr/bin/chromium';
const RUNS = resolve(import.meta.dirname, '..', 'test', 'fixtures', 'reports', 'runs');
const hasChromium = existsSync(CHROMIUM);
if (!hasChromium) console.warn('SKIPPED: chromium not installed — the HTML report browser check runs in CI');

const tmp = mkdtempSync(join(tmpdir(), 'ijw-report-browser-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const keep = process.env.IJW_REPORT_SCREENSHOTS;
if (keep) mkdirSync(keep, { recursive: true });

/** The budget of issue 13 for the report of `--region all`. */
const MAX_BYTES = 15 * 1024 * 1024;
const MAX_FIRST_PAINT_MS = 2000;

type Context = Awaited<ReturnType<typeof import('playwright-core').chromium.launchPersistentContext>>;
async function launch(): Promise<Context> {
  const { chromium } = await import('playwright-core');
  // A fresh profile each time (playwright passes it as --user-data-dir).
  return chromium.launchPersistentContext(mkdtempSync(join(tmp, 'profile-')), {
    executablePath: CHROMIUM,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    viewport: { width: 1280, height: 900 },
  });
}

describe('HTML report in a browser', () => {
  (hasChromium ? it : it.skip)('shows the verdict, the rule matrix, the sequence diagram and an expandable message, offline', { timeout: 60_000 }, async () => {
    const dir = join(tmp, 'fail');
    cpSync(join(RUNS, 'fail'), dir, { recursive: true });
    const { html } = await writeReports(dir);
    const pageUrl = pathToFileURL(html).href;

    const browser = await launch();
    try {
      const page = await browser.newPage();
      const requests: string[] = [];
      page.on('request', (r) => requests.push(r.url()));
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      await page.goto(pageUrl, { waitUntil: 'load' });

      const top = join(tmp, 'report-top.png');
      await page.screenshot({ path: top });
      await expect(page.locator('#overall-verdict').textContent()).resolves.toBe('Not conformant');
      await expect(page.locator('#verdicts tbody tr').count()).resolves.toBe(2);
      const matrix = page.locator('table.matrix');
      await expect(matrix.locator('tbody tr').count()).resolves.toBeGreaterThan(5);
      await expect(matrix.locator('tr[data-status="not-covered"]').first().isVisible()).resolves.toBe(true);

      // Filter the matrix to failed rules: only IJW-STOP-1 is left.
      await page.locator('select[data-filter="status"]').selectOption('fail');
      const visible = await matrix.locator('tbody tr:visible th code').allTextContents();
      expect(visible).toEqual(['IJW-STOP-1']);
      await page.locator('select[data-filter="status"]').selectOption('');

      // The failed scenario is open, so its diagram and messages are put in place from the data block.
      const failed = page.locator('details.scenario.v-fail').first();
      const diagram = failed.locator('svg.seq');
      await diagram.waitFor({ state: 'visible', timeout: 10_000 });
      const arrows = diagram.locator('g.sq-msg');
      await expect(arrows.count()).resolves.toBe(await failed.locator('details.msg').count());
      await expect(diagram.locator('.sq-failure').count()).resolves.toBe(1);
      // The message the failure is about is the JW308; its arrow opens its XML, BSN masked.
      const about = diagram.locator('g.sq-msg.about');
      await expect(about.count()).resolves.toBe(1);
      await expect(about.locator('.sq-code').textContent()).resolves.toBe('JW308');
      const msg = page.locator(`[id="${await about.getAttribute('data-target')}"]`);
      const xml = msg.locator('pre.xml');
      await expect(xml.isVisible()).resolves.toBe(false);
      await about.click();
      await expect(xml.isVisible()).resolves.toBe(true);
      const text = (await xml.textContent()) ?? '';
      expect(text).toContain('StopProduct');
      expect(text).toContain('*****0006');
      // A closed scenario's messages are not in the DOM until it is opened.
      const closed = page.locator('details.scenario.v-pass:has(.lazy)').first();
      await expect(closed.locator('.lazy[data-filled]').count()).resolves.toBe(0);
      await closed.locator('summary .sname').first().click();
      await closed.locator('.lazy[data-filled]').waitFor({ state: 'attached', timeout: 10_000 });

      // Printing cannot wait for a decompression: the page decodes at idle, so on beforeprint
      // every scenario opens with its diagram and messages in place.
      const unfilled = await page.evaluate(async () => {
        const w = globalThis as unknown as { ijwLazy: { ready: Promise<void> }; dispatchEvent(e: unknown): void; Event: new (t: string) => unknown; document: { querySelectorAll(s: string): { length: number } } };
        await w.ijwLazy.ready;
        w.dispatchEvent(new w.Event('beforeprint'));
        const n = w.document.querySelectorAll('.lazy:not([data-filled])').length;
        const closed = w.document.querySelectorAll('details.scenario:not([open])').length;
        w.dispatchEvent(new w.Event('afterprint'));
        return { n, closed };
      });
      expect(unfilled).toEqual({ n: 0, closed: 0 });

      const shot = join(tmp, 'report-message.png');
      await page.screenshot({ path: shot });
      for (const f of [top, shot]) expect(statSync(f).size).toBeGreaterThan(10_000);
      // Set IJW_REPORT_SCREENSHOTS=<dir> to keep the screenshots for a look.
      if (keep) for (const f of [top, shot]) cpSync(f, join(keep, f.slice(tmp.length + 1)));

      expect(errors).toEqual([]);
      expect(requests).toEqual([pageUrl]);
    } finally {
      await browser.close();
    }
  });
});

describe('the report of --region all in a browser', () => {
  (hasChromium ? it : it.skip)('stays under 15 MB, paints within 2 s, compares the regions and draws its largest scenario readably', { timeout: 400_000 }, async () => {
    let runDir = process.env.IJW_REPORT_RUN;
    if (!runDir) {
      const out = join(tmp, 'all');
      const { code, verdict } = await conformanceInProcess({ regions: [...REGION_IDS], role: 'both', outDir: out });
      expect(code, JSON.stringify(verdict.outcomes.filter((o) => o.outcome !== 'pass'))).toBe(0);
      runDir = join(out, 'latest');
    } else {
      cpSync(runDir, join(tmp, 'all-stored'), { recursive: true });
      runDir = join(tmp, 'all-stored');
    }
    const started = Date.now();
    const { html, model } = await writeReports(runDir);
    const renderMs = Date.now() - started;
    const bytes = statSync(html).size;
    const scenarios = model.regions.flatMap((r) => r.scenarios.map((s) => ({ region: r.region, s })));
    expect(model.regions.map((r) => r.region)).toEqual([...REGION_IDS]);
    expect(bytes).toBeLessThan(MAX_BYTES);

    const browser = await launch();
    try {
      const page = await browser.newPage();
      const pageUrl = pathToFileURL(html).href;
      const requests: string[] = [];
      page.on('request', (r) => requests.push(r.url()));
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      const t0 = Date.now();
      await page.goto(pageUrl, { waitUntil: 'load' });
      const loadWallMs = Date.now() - t0;
      const timing = await page.evaluate(() => {
        // Runs in the page; typed loosely because the project's lib has no DOM types.
        const nav = (performance.getEntriesByType as unknown as (t: string) => { domContentLoadedEventEnd: number; loadEventEnd: number }[])('navigation')[0]!;
        return { firstPaintMs: performance.getEntriesByName('first-paint')[0]?.startTime ?? NaN, firstContentfulPaintMs: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN, domContentLoadedMs: nav.domContentLoadedEventEnd, loadMs: nav.loadEventEnd };
      });
      expect(timing.firstContentfulPaintMs).toBeLessThan(MAX_FIRST_PAINT_MS);
      expect(timing.domContentLoadedMs).toBeLessThan(MAX_FIRST_PAINT_MS);

      // The regions side by side: every rule of the regions run (national and theirs) once.
      const shown = catalogue.filter((r) => r.scope === 'national' || (REGION_IDS as readonly string[]).includes(r.scope));
      await expect(page.locator('#region-comparison table.cmp#cmp-rules tbody tr').count()).resolves.toBe(shown.length);
      await page.locator('select[data-cmp="differs"]').selectOption('yes');
      const differing = await page.locator('#cmp-rules tbody tr:visible').count();
      expect(differing).toBeGreaterThan(0);
      expect(differing).toBeLessThan(shown.length);
      await page.locator('select[data-cmp="differs"]').selectOption('');

      // The largest scenario (most messages and actions): open it by its link, see its diagram.
      const largest = scenarios.reduce((a, b) => (b.s.exchanges.length + b.s.actions.length > a.s.exchanges.length + a.s.actions.length ? b : a));
      const id = `${largest.region}--${largest.s.id}`.replace(/[^\w-]/g, '_');
      const t1 = Date.now();
      await page.evaluate((hash) => void ((globalThis as unknown as { location: { hash: string } }).location.hash = hash), id);
      const figure = page.locator(`[id="${id}"] figure.seqwrap`);
      await figure.waitFor({ state: 'visible', timeout: 10_000 });
      const openMs = Date.now() - t1;
      expect(page.url()).toBe(`${pageUrl}#${id}`);
      await expect(figure.locator('g.sq-msg').count()).resolves.toBe(largest.s.exchanges.length);
      const shot = join(tmp, 'largest-diagram.png');
      await figure.screenshot({ path: shot });
      expect(statSync(shot).size).toBeGreaterThan(20_000);
      // Its labels stay readable: drawn at 12 px or more, never scaled down to fit.
      const box = await figure.locator('svg.seq').boundingBox();
      expect(box?.width).toBeGreaterThanOrEqual(990);
      // The last arrow opens the last message's XML.
      const last = figure.locator('g.sq-msg').last();
      await last.click();
      await expect(page.locator(`[id="${await last.getAttribute('data-target')}"] pre.xml`).isVisible()).resolves.toBe(true);

      const metrics = { bytes, megabytes: +(bytes / 1024 / 1024).toFixed(2), scenarios: scenarios.length, messages: scenarios.reduce((n, x) => n + x.s.exchanges.length, 0), renderMs, ...timing, loadWallMs, largest: { region: largest.region, name: largest.s.name, messages: largest.s.exchanges.length, actions: largest.s.actions.length, openMs } };
      console.log(`report of --region all: ${JSON.stringify(metrics)}`);
      if (keep) {
        cpSync(shot, join(keep, 'largest-diagram.png'));
        writeFileSync(join(keep, 'report-metrics.json'), `${JSON.stringify(metrics, null, 2)}\n`);
      }
      expect(errors).toEqual([]);
      expect(requests.every((u) => u.startsWith(pageUrl))).toBe(true);
    } finally {
      await browser.close();
    }
  });
});
