/**
 * The public list: certificates that verify are listed per region with vendor, product, version,
 * roles, date, suite version and fingerprint; an older suite version of the same product is
 * marked superseded, a certificate past its validity expired, one signed by an unknown key is
 * refused; all text escaped, nothing loaded from elsewhere. Then `npm run certificates` itself.
 */
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { collectCertificates, compareVersions, renderListPage } from './list-page.ts';
import { certificateFolder, certify, copyRun, KEYS, testKey } from '../../test/helpers/certificate.ts';
import { runCli } from '../../test/helpers/run-cli.ts';

describe('the list of certified systems', async () => {
  const dir = await certificateFolder();
  const list = collectCertificates(dir, [testKey().publicKey]);
  const html = renderListPage(list);

  it('lists what verifies and refuses a certificate by an unknown key', () => {
    expect(list.listed.map((c) => c.file).sort()).toEqual(['jeugd-new.json', 'jeugd-old.json', 'zorg-expired.json']);
    expect(list.rejected).toEqual([{ file: 'foreign.json', reason: expect.stringMatching(/Signature does not verify/) }]);
    expect(html).not.toContain('Elders');
  });

  it('marks the older suite version superseded and the old certificate expired', () => {
    const by = Object.fromEntries(list.listed.map((c) => [c.file, c]));
    expect(by['jeugd-old.json']!.supersededBy).toBe('jeugd-new.json');
    expect(by['jeugd-new.json']!.supersededBy).toBeUndefined();
    expect(by['zorg-expired.json']!.expired).toBe(true);
    expect(html).toMatch(/<tr class="superseded">.*jeugd-old\.json/);
    expect(html).toMatch(/<tr class="valid">.*jeugd-new\.json/);
    expect(html).toMatch(/<tr class="expired">.*zorg-expired\.json/);
    expect(compareVersions('0.10.0', '0.9.2')).toBe(1);
  });

  it('a newer certificate covering fewer roles supersedes nothing', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'ijw-certs-roles-'));
    const catalogue = { rulesVersion: '3', checked: false as const, reason: 'test' };
    const both = await certify(copyRun('pass'), { suite: { version: '0.1.0', commit: 'a'.repeat(40), catalogue } });
    const oneRun = copyRun('pass');
    const runJson = JSON.parse(readFileSync(join(oneRun, 'run.json'), 'utf8'));
    writeFileSync(join(oneRun, 'run.json'), JSON.stringify({ ...runJson, roles: ['aanbieder'] }));
    const one = await certify(oneRun, { suite: { version: '0.2.0', commit: 'b'.repeat(40), catalogue } });
    expect(one.statement.predicate.verdicts.map((v) => v.role)).toEqual(['aanbieder']);
    copyFileSync(both.outFile, join(folder, 'both.json'));
    copyFileSync(one.outFile, join(folder, 'aanbieder.json'));
    const l = collectCertificates(folder, [testKey().publicKey]);
    expect(l.listed.map((c) => [c.file, c.supersededBy ?? null])).toEqual([['aanbieder.json', null], ['both.json', null]]);
  });

  it('shows per region vendor, product, version, roles, date, suite and fingerprint, all escaped', () => {
    expect(html).toContain('<h2>Gemeente Utrecht: Backofficevragen Gemeente Utrecht</h2>');
    expect(html).toContain('<td>Test BV</td><td>Jeugd Suite</td><td>2.4.1</td><td>gemeente (municipality): CONFORMANT<br>aanbieder (provider): CONFORMANT</td>');
    expect(html).toContain('8554 0bbe fdd3 9935');
    expect(html).toContain('Zorg &amp; Co &lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('ZorgPlan &quot;XL&quot;');
    expect(html).not.toMatch(/<script|src=|url\(|@import|https?:\/\/(?!in-toto)/i);
  });

  it('npm run certificates writes the page and copies the listed certificates beside it', { timeout: 60_000 }, async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'ijw-list-')), 'site');
    const r = await runCli('cli/certificates.ts', [dir, '--out', out]);
    expect(r.code, 'without --public-key').toBe(2);
    expect(r.stderr).toMatch(/--public-key/);
    mkdirSync(out, { recursive: true });
    const pub = join(out, '..', 'region.pub');
    writeFileSync(pub, testKey().publicPem);
    const ok = await runCli('cli/certificates.ts', [dir, '--out', out, '--public-key', pub]);
    expect(ok.code, ok.stderr).toBe(1);
    expect(ok.stderr).toMatch(/not listed: foreign\.json: Signature does not verify/);
    expect(ok.stdout).toMatch(/3 certificate\(s\) listed \(2 expired or superseded\), 1 refused/);
    expect(readFileSync(join(out, 'certificates', 'jeugd-new.json'), 'utf8')).toBe(readFileSync(join(dir, 'jeugd-new.json'), 'utf8'));
    expect(existsSync(join(out, 'certificates', 'foreign.json'))).toBe(false);
    const both = await runCli('cli/certificates.ts', [dir, '--out', out, '--public-key', pub, '--public-key', join(KEYS, 'other-signing.key')]);
    expect(both.code, both.stderr).toBe(0);
  });
});
