/**
 * Browser check of the HTML report: headless Chromium (Debian's `chromium`) opens a real
 * report from disk, finds the verdict and the rule matrix, expands a message to its XML,
 * takes a screenshot, and proves the page made no request besides its own file:// URL.
 * Skips, visibly, where Chromium is not installed; CI installs it.
 */
import { cpSync, existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { writeReports } from './write-reports.ts';

const CHROMIUM = '/usr/bin/chromium';
const RUNS = resolve(import.meta.dirname, '..', 'test', 'fixtures', 'reports', 'runs');
const hasChromium = existsSync(CHROMIUM);
if (!hasChromium) console.warn('SKIPPED: chromium not installed — the HTML report browser check runs in CI');

const tmp = mkdtempSync(join(tmpdir(), 'ijw-report-browser-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('HTML report in a browser', () => {
  (hasChromium ? it : it.skip)('shows the verdict, the rule matrix and an expandable message, offline', { timeout: 60_000 }, async () => {
    const { chromium } = await import('playwright-core');
    const dir = join(tmp, 'fail');
    cpSync(join(RUNS, 'fail'), dir, { recursive: true });
    const { html } = await writeReports(dir);
    const pageUrl = pathToFileURL(html).href;

    // A fresh profile each time (playwright passes it as --user-data-dir).
    const browser = await chromium.launchPersistentContext(mkdtempSync(join(tmp, 'profile-')), {
      executablePath: CHROMIUM,
      headless: true,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
      viewport: { width: 1280, height: 900 },
    });
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

      // Expand the JW308 of the failed scenario: its XML shows, BSN masked.
      const failed = page.locator('details.scenario.v-fail').first();
      const msg = failed.locator('details.msg', { hasText: 'JW308' }).first();
      const xml = msg.locator('pre.xml');
      await expect(xml.isVisible()).resolves.toBe(false);
      await msg.locator('summary').click();
      await expect(xml.isVisible()).resolves.toBe(true);
      const text = (await xml.textContent()) ?? '';
      expect(text).toContain('StopProduct');
      expect(text).toContain('*****0006');

      const shot = join(tmp, 'report-message.png');
      await page.screenshot({ path: shot });
      for (const f of [top, shot]) expect(statSync(f).size).toBeGreaterThan(10_000);
      // Set IJW_REPORT_SCREENSHOTS=<dir> to keep the screenshots for a look.
      const keep = process.env.IJW_REPORT_SCREENSHOTS;
      if (keep) for (const f of [top, shot]) cpSync(f, join(keep, f.slice(tmp.length + 1)));

      expect(errors).toEqual([]);
      expect(requests).toEqual([pageUrl]);
    } finally {
      await browser.close();
    }
  });
});
