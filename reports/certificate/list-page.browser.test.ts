/**
 * Browser check of the public list of certified systems: headless Chromium (Debian's
 * `chromium`) opens the page written by `npm run certificates`, finds the region, the rows and
 * their marks, and proves the page made no request besides its own file:// URL, ran no script
 * and loaded nothing. Skips, visibly, where Chromium is not installed; CI installs it.
 */
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { certificateFolder, testKey } from '../../test/helpers/certificate.ts';
import { runCli } from '../../test/helpers/run-cli.ts';

const CHROMIUM = '/usr/bin/chromium';
const hasChromium = existsSync(CHROMIUM);
if (!hasChromium) console.warn('SKIPPED: chromium not installed — the certificate list browser check runs in CI');

const tmp = mkdtempSync(join(tmpdir(), 'ijw-list-browser-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('the list of certified systems in a browser', () => {
  (hasChromium ? it : it.skip)('renders the certified systems with their marks and makes no request', { timeout: 90_000 }, async () => {
    const folder = await certificateFolder();
    const pub = join(tmp, 'region.pub');
    writeFileSync(pub, testKey().publicPem);
    const out = join(tmp, 'site');
    const r = await runCli('cli/certificates.ts', [folder, '--out', out, '--public-key', pub]);
    expect(r.code, r.stderr).toBe(1); // foreign.json is refused
    const pageUrl = pathToFileURL(join(out, 'index.html')).href;

    const { chromium } = await import('playwright-core');
    const browser = await chromium.launchPersistentContext(mkdtempSync(join(tmp, 'profile-')), {
      executablePath: CHROMIUM,
      headless: true,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
      viewport: { width: 1280, height: 900 },
    });
    try {
      const page = await browser.newPage();
      const requests: string[] = [];
      page.on('request', (q) => requests.push(q.url()));
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      page.on('console', (m) => errors.push(`console: ${m.text()}`));
      await page.goto(pageUrl, { waitUntil: 'load' });
      if (process.env.IJW_REPORT_SCREENSHOTS) await page.screenshot({ path: join(process.env.IJW_REPORT_SCREENSHOTS, 'certificates.png'), fullPage: true });
      await expect(page.locator('section#region-utrecht h2').textContent()).resolves.toBe('Gemeente Utrecht: Backofficevragen Gemeente Utrecht');
      await expect(page.locator('tbody tr').count()).resolves.toBe(3);
      await expect(page.locator('tr.valid td.status').textContent()).resolves.toMatch(/^valid until \d{4}-\d\d-\d\d$/);
      await expect(page.locator('tr.superseded td.status').textContent()).resolves.toBe('superseded by jeugd-new.json');
      await expect(page.locator('tr.expired td.status').textContent()).resolves.toMatch(/^expired /);
      // The vendor's name is text, not markup: no script ran.
      await expect(page.locator('tr.expired td').first().textContent()).resolves.toBe('Zorg & Co <script>alert(1)</script>');
      await expect(page.locator('script').count()).resolves.toBe(0);
      const href = await page.locator('tr.valid a').getAttribute('href');
      expect(href).toBe('certificates/jeugd-new.json');
      expect(existsSync(join(out, href!))).toBe(true);
      expect(requests).toEqual([pageUrl]);
      expect(errors).toEqual([]);
    } finally {
      await browser.close();
    }
  });
});
