/**
 * Only a complete run of an unchanged suite is certified (docs/CERTIFICATES.md): no certificate
 * for a `--tags` subset, for the reference implementations with faulty variants, for a suite
 * with local changes or outside a git checkout, for a catalogue RULES.md has moved past, and
 * none for a verdict other than CONFORMANT. Each reason is one sentence the vendor can act on.
 */
import type { VerdictLabel } from '../model.ts';
import { CertificateError } from './errors.ts';
import type { CatalogueState, GitState } from './suite-state.ts';

export interface RunShape {
  tags?: string | undefined;
  faults?: readonly string[] | undefined;
}

/** Why the suite, before running, cannot certify this run; empty when it can. */
export function refusalsBeforeRun(run: RunShape, git: GitState, catalogue: CatalogueState): string[] {
  const out: string[] = [];
  if (run.tags) out.push(`--tags "${run.tags}" selects a subset of the scenarios; only a complete run is certified (drop --tags)`);
  if (run.faults?.length) out.push(`--fault runs faulty variants of the reference implementations (a self-test), not a system to certify`);
  if (!git.checkout) out.push(`the suite's own files cannot be tied to a published version: ${git.reason}; certify from a git checkout of the suite`);
  else if (git.changed.length) {
    const shown = git.changed.slice(0, 8).join(', ') + (git.changed.length > 8 ? ` and ${git.changed.length - 8} more` : '');
    out.push(`the suite has local changes (${shown}); certify from a clean checkout of a published commit`);
  }
  if (catalogue.checked && catalogue.stale) out.push(`regions/catalogue-rules.ts is not what ${catalogue.rulesMd} generates: the rule catalogue is stale (npm run gen:catalogue, or use the suite release that matches RULES.md)`);
  return out;
}

/** Why, after the run, its verdict cannot be certified; empty when it can. */
export function refusalsAfterRun(verdict: VerdictLabel, runnerVerdict?: VerdictLabel): string[] {
  const out: string[] = [];
  if (verdict !== 'conformant') out.push(`the verdict is ${verdict.toUpperCase().replace('-', ' ')}; only a CONFORMANT run is certified`);
  else if (runnerVerdict && runnerVerdict !== verdict) out.push(`the runner's verdict (verdict.json: ${runnerVerdict}) differs from the report's (${verdict})`);
  return out;
}

export function assertCertifiable(reasons: string[]): void {
  if (reasons.length) throw new CertificateError('NOT_CERTIFIABLE', `No certificate: ${reasons.join('; ')}.`);
}
