import { describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { tmpdir } from 'node:os';
import { spawnSync } from 'node:child_process';
import { runCli } from './helpers/run-cli.ts';

const ROOT = resolve(import.meta.dirname, '..');

describe('bin/ijw', () => {
  const ijw = (...args: string[]) => spawnSync(resolve(ROOT, 'bin/ijw'), args, { encoding: 'utf8', cwd: tmpdir() });

  it('runs a command as npm does, from any folder (paths from there)', () => {
    const r = ijw('validate', resolve(ROOT, 'test/fixtures/messages/jw307-valid.xml'));
    expect(r.stdout).toMatch(/^OK +\/.*jw307-valid\.xml \(JW307\)$/m);
    expect(r.status).toBe(0);
    const bad = ijw('validate', resolve(ROOT, 'test/fixtures/messages/jw305-invalid-bsn-and-date.xml'));
    expect(bad.status).toBe(1);
  });

  it('names its commands, and refuses an unknown one with exit 2', () => {
    // Every npm script that runs a command of cli/ is one of bin/ijw's.
    const scripts = (JSON.parse(readFileSync(resolve(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;
    const commands = Object.values(scripts).flatMap((v) => /\bcli\/(\w+)\.ts\b/.exec(v)?.[1] ?? []);
    const help = ijw('--help');
    expect(help.status).toBe(0);
    expect(commands.length).toBeGreaterThan(5);
    for (const c of commands) expect(/commands: ([\w ]+)/.exec(help.stderr)?.[1]?.split(' ')).toContain(c);
    expect(ijw('nope')).toMatchObject({ status: 2, stderr: expect.stringMatching(/unknown command 'nope'/) });
    expect(ijw()).toMatchObject({ status: 2 });
  });
});

describe('npm run validate', () => {
  const good = 'test/fixtures/messages/jw307-valid.xml';
  it('exits 0 on a valid message', async () => {
    const r = await runCli('cli/validate.ts', [good]);
    expect(r.stdout).toMatch(/OK +test\/fixtures\/messages\/jw307-valid.xml \(JW307\)/);
    expect(r.code).toBe(0);
  });

  it('exits 1 naming message, path and rule; --json for machines', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ijw-val-'));
    const bad = join(dir, 'bad.xml');
    writeFileSync(bad, readFileSync(good, 'utf8').replace(/<jw307:Bsn>\d+<\/jw307:Bsn>/, '<jw307:Bsn>123456789</jw307:Bsn>'));
    const r = await runCli('cli/validate.ts', [bad, '--json']);
    expect(r.code).toBe(1);
    const [res] = JSON.parse(r.stdout);
    expect(res.findings[0]).toMatchObject({ message: 'JW307', path: '/Bericht/Client/Bsn', rule: 'CS002', retourcode: '0001' });
  });

  it('exits 2 on a usage error and refuses a DTD without crashing', async () => {
    expect((await runCli('cli/validate.ts', ['missing.xml'])).code).toBe(2);
    const dir = mkdtempSync(join(tmpdir(), 'ijw-val-'));
    const xxe = join(dir, 'xxe.xml');
    writeFileSync(xxe, '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><x>&e;</x>');
    const r = await runCli('cli/validate.ts', [xxe]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/XML_DTD_REFUSED/);
    expect(r.stdout).not.toMatch(/root:/);
  });

  it('--rules prints the national rule table (readable, or --json), and no files without it is a usage error', async () => {
    const text = await runCli('cli/validate.ts', ['--rules']);
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/In-message rules .*: 63 \(60 checked, 3 enforced-by-xsd\)/);
    expect(text.stdout).toMatch(/^ {2}CS319 .*\n {15}→ enforced-by-xsd: /m);
    expect(text.stdout).toMatch(/^ {2}TR056 .*\n {15}→ judged by gemeente, aanbieder/m);
    const json = await runCli('cli/validate.ts', ['--rules', '--json']);
    expect(json.code).toBe(0);
    const { counts, rules } = JSON.parse(json.stdout) as { counts: Record<string, Record<string, number>>; rules: { id: string; status: string; checkedOn?: string[] }[] };
    expect(rules).toHaveLength(121);
    expect(rules.find((r) => r.id === 'TR137')).toMatchObject({ status: 'checked', checkedOn: ['JW323', 'JW325'] });
    expect(Object.values(counts['berichtoverstijgend']!).reduce((a, b) => a + b, 0)).toBe(54);
    expect((await runCli('cli/validate.ts', [])).code).toBe(2);
  });
});
