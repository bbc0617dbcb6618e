/**
 * Only a complete run of an unchanged suite is certified: the git check on real temporary
 * repositories (clean, changed, untracked, none), the catalogue check against a RULES.md that
 * generates it and one that does not, and the refusals each produces.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { refusalsAfterRun, refusalsBeforeRun } from './eligibility.ts';
import { catalogueState, gitState, type CatalogueState } from './suite-state.ts';
import { ROOT } from '../../test/helpers/certificate.ts';

const git = (dir: string, ...args: string[]) => execFileSync('git', ['-C', dir, '-c', 'user.name=test', '-c', 'user.email=test@example.org', ...args], { stdio: 'pipe' });

function repo(): string {
  const dir = mkdtempSync(join(tmpdir(), 'ijw-suite-'));
  git(dir, 'init', '-q');
  writeFileSync(join(dir, 'a.ts'), 'export {};\n');
  writeFileSync(join(dir, '.gitignore'), 'out/\n');
  git(dir, 'add', '-A');
  git(dir, 'commit', '-qm', 'first');
  return dir;
}

const fresh: CatalogueState = { rulesVersion: '3', checked: true, rulesMd: 'RULES.md', stale: false };

describe('the suite state', () => {
  it('a clean checkout: its commit, no changes, nothing refused', () => {
    const dir = repo();
    const s = gitState(dir);
    expect(s).toEqual({ checkout: true, commit: git(dir, 'rev-parse', 'HEAD').toString().trim(), changed: [] });
    // Ignored output (reports) does not count as a change.
    mkdirSync(join(dir, 'out'));
    writeFileSync(join(dir, 'out', 'x'), '1');
    expect(refusalsBeforeRun({}, gitState(dir), fresh)).toEqual([]);
  });

  it('a changed or an added file is a local change', () => {
    const dir = repo();
    writeFileSync(join(dir, 'a.ts'), 'export const x = 1;\n');
    writeFileSync(join(dir, 'new.feature'), 'Feature: x\n');
    const s = gitState(dir);
    expect(s.checkout && s.changed.sort()).toEqual(['a.ts', 'new.feature']);
    expect(refusalsBeforeRun({}, s, fresh)).toEqual([expect.stringMatching(/^the suite has local changes \(a\.ts, new\.feature\)/)]);
  });

  it('a folder that is no checkout, or only part of one, is said to be so', () => {
    const plain = mkdtempSync(join(tmpdir(), 'ijw-plain-'));
    expect(gitState(plain)).toMatchObject({ checkout: false, reason: expect.stringMatching(/is not a git checkout/) });
    const dir = repo();
    mkdirSync(join(dir, 'sub'));
    expect(gitState(join(dir, 'sub'))).toMatchObject({ checkout: false, reason: expect.stringMatching(/not the top of a git checkout/) });
    expect(refusalsBeforeRun({}, gitState(plain), fresh)[0]).toMatch(/cannot be tied to a published version/);
  });

  it('refuses a --tags subset and faulty variants', () => {
    const clean = gitState(repo());
    expect(refusalsBeforeRun({ tags: '@smoke' }, clean, fresh)).toEqual([expect.stringMatching(/^--tags "@smoke" selects a subset/)]);
    expect(refusalsBeforeRun({ faults: ['stop-without-start'] }, clean, fresh)).toEqual([expect.stringMatching(/^--fault runs faulty variants/)]);
  });

  it('refuses every verdict but conformant', () => {
    expect(refusalsAfterRun('conformant')).toEqual([]);
    expect(refusalsAfterRun('not-conformant')[0]).toMatch(/NOT CONFORMANT/);
    expect(refusalsAfterRun('inconclusive')[0]).toMatch(/INCONCLUSIVE/);
  });
});

describe('the catalogue', () => {
  const rulesMd = join(ROOT, '..', 'shared', 'RULES.md');
  (existsSync(rulesMd) ? it : it.skip)('is fresh against the RULES.md it was generated from, stale against a changed one', { timeout: 60_000 }, () => {
    expect(catalogueState(ROOT, rulesMd)).toMatchObject({ checked: true, stale: false });
    // The generator reads the seeds beside RULES.md (seed number → file name): the changed copy gets them too.
    const changedDir = mkdtempSync(join(tmpdir(), 'ijw-rules-'));
    symlinkSync(join(ROOT, '..', 'shared', 'seeds'), join(changedDir, 'seeds'));
    const changed = join(changedDir, 'RULES.md');
    writeFileSync(changed, readFileSync(rulesMd, 'utf8').replace('is rejected; the JW308 carries retourcode 9069', 'is rejected; the JW308 carries retourcode 9070'));
    const stale = catalogueState(ROOT, changed);
    expect(stale).toMatchObject({ checked: true, stale: true });
    expect(refusalsBeforeRun({}, gitState(repo()), stale)).toEqual([expect.stringMatching(/the rule catalogue is stale/)]);
  });

  it('says so when RULES.md is not there (the commit pins the catalogue)', () => {
    expect(catalogueState(ROOT, '/nonexistent/RULES.md')).toMatchObject({ checked: false, reason: expect.stringMatching(/RULES\.md not found at \/nonexistent/) });
  });
});
