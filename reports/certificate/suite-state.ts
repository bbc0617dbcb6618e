/**
 * The state of the suite that ran: its git commit and whether its own files differ from it,
 * and whether the rule catalogue compiled into it is the one RULES.md generates. A certificate
 * is only issued for a suite a region can reproduce (docs/CERTIFICATES.md).
 *
 * @example
 *   const git = gitState(ROOT);          // { checkout: true, commit: '18d59d9…', changed: [] }
 *   const cat = catalogueState(ROOT);    // { rulesVersion: '3', checked: true, stale: false, … }
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { RULES_VERSION } from '../../regions/catalogue.ts';

export type GitState =
  | { checkout: true; commit: string; /** Files changed, added or untracked (not ignored), as `git status --porcelain` lists them. */ changed: string[] }
  | { checkout: false; reason: string };

/** The commit of `root` and its local changes; `checkout: false` when root is no git work tree or git is missing. */
export function gitState(root: string): GitState {
  const git = (...args: string[]) => execFileSync('git', ['-C', root, ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  let top: string;
  try {
    top = git('rev-parse', '--show-toplevel').trim();
  } catch (e) {
    const msg = (e as { code?: string }).code === 'ENOENT' ? 'git is not installed' : `${root} is not a git checkout`;
    return { checkout: false, reason: msg };
  }
  // A suite nested in another repository is not its own checkout.
  if (resolve(top) !== resolve(root)) return { checkout: false, reason: `${root} is not the top of a git checkout (that is ${top})` };
  let commit: string;
  try {
    commit = git('rev-parse', 'HEAD').trim();
  } catch {
    return { checkout: false, reason: `${root} is a git repository without a commit` };
  }
  const changed = git('status', '--porcelain=v1', '--untracked-files=all')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => l.slice(3));
  return { checkout: true, commit, changed };
}

export type CatalogueState =
  | { rulesVersion: string; checked: true; rulesMd: string; stale: boolean }
  | { rulesVersion: string; checked: false; reason: string };

/** Where RULES.md is looked for: IJW_RULES_MD, else ../shared/RULES.md beside the suite. */
export function rulesMdPath(root: string): string {
  return process.env.IJW_RULES_MD ?? resolve(root, '..', 'shared', 'RULES.md');
}

/**
 * Regenerates the catalogue from RULES.md (scripts/catalogue-from-rules.ts, as `npm run
 * gen:catalogue` does) into a temp file and compares it with regions/catalogue-rules.ts.
 * Without RULES.md it says so: the commit then pins the catalogue.
 */
export function catalogueState(root: string, rulesMd = rulesMdPath(root)): CatalogueState {
  if (!existsSync(rulesMd)) return { rulesVersion: RULES_VERSION, checked: false, reason: `RULES.md not found at ${rulesMd} (set IJW_RULES_MD): the catalogue is the one of the suite's commit` };
  const dir = mkdtempSync(join(tmpdir(), 'ijw-catalogue-'));
  try {
    const out = join(dir, 'catalogue-rules.ts');
    execFileSync(process.execPath, ['--import', 'tsx', join(root, 'scripts', 'catalogue-from-rules.ts'), rulesMd, out], { cwd: root, stdio: 'pipe' });
    const stale = readFileSync(out, 'utf8') !== readFileSync(join(root, 'regions', 'catalogue-rules.ts'), 'utf8');
    return { rulesVersion: RULES_VERSION, checked: true, rulesMd, stale };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
