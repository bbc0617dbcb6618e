/**
 * The harness waits for what it expects, never for a fixed time: a fixed sleep passes a fast
 * SUT and fails a slow one that keeps the contract (a retour delivered to the inbox later, a
 * decision in a background job). Steps wait through the judge (judge.until: woken by each
 * exchange, bounded by --answer-timeout, or by nothing at all in-process) and settle(), which
 * waits for follow-ups actually pending. test/contract.test.ts holds a delaying SUT to it.
 */
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '..');
const STEPS = join(ROOT, 'steps');
// The one timer: judge.until's bound, which is --answer-timeout (or a claim's quiet period).
const ALLOWED = new Set(['steps/support/judge.ts']);

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => (d.isDirectory() ? files(join(dir, d.name)) : d.name.endsWith('.ts') && !d.name.endsWith('.test.ts') ? [join(dir, d.name)] : []));
}

describe('steps', () => {
  it('never sleep for a fixed time', () => {
    const sleeps = files(STEPS)
      .filter((f) => !ALLOWED.has(relative(ROOT, f)))
      .flatMap((f) =>
        readFileSync(f, 'utf8')
          .split('\n')
          .map((line, i) => [line, i + 1] as const)
          .filter(([line]) => /\bsetTimeout\s*\(|\bsetInterval\s*\(|timers\/promises|\bsleep\s*\(/.test(line))
          .map(([line, n]) => `${relative(ROOT, f)}:${n}: ${line.trim()}`),
      );
    expect(sleeps).toEqual([]);
  });
});
