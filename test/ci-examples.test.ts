/**
 * The CI examples a vendor copies (docs/CI.md, docs/CONTAINERS.md) are valid YAML and call only
 * what exists: every `npm run <script>` is a script of package.json, and every flag it passes
 * is an option that script's CLI lists in its --help.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ROOT, runCli } from './helpers/run-cli.ts';

const DOCS = ['docs/CI.md', 'docs/CONTAINERS.md'];

function yamlBlocks(md: string): string[] {
  return [...md.matchAll(/```ya?ml\n([\s\S]*?)```/g)].map((m) => m[1]!);
}

function strings(x: unknown): string[] {
  if (typeof x === 'string') return [x];
  if (Array.isArray(x)) return x.flatMap(strings);
  if (x && typeof x === 'object') return Object.values(x).flatMap(strings);
  return [];
}

/** `npm run <script> -- --flag …` in a shell line: the script and the flags (shell separators end a command). */
export function npmRuns(text: string): { script: string; flags: string[] }[] {
  const out: { script: string; flags: string[] }[] = [];
  for (const m of text.matchAll(/npm run (?:-s )?([\w:-]+)([^\n;&|]*)/g)) {
    const flags = [...m[2]!.matchAll(/(?:^|\s)(--[a-z][\w-]*)/g)].map((f) => f[1]!);
    out.push({ script: m[1]!, flags });
  }
  return out;
}

const scripts = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).scripts as Record<string, string>;
const helpCache = new Map<string, Promise<Set<string>>>();
function flagsOf(script: string): Promise<Set<string>> {
  if (!helpCache.has(script)) {
    const file = /(?:^tsx|^node(?: --import \S+| --[\w-]+(?:=\S+)?)*) (cli\/[\w-]+\.ts)$/.exec(scripts[script] ?? '')?.[1];
    helpCache.set(
      script,
      file ? runCli(file, ['--help']).then((r) => new Set([...r.stdout.matchAll(/--[a-z][\w-]*/g)].map((m) => m[0]))) : Promise.resolve(new Set<string>()),
    );
  }
  return helpCache.get(script)!;
}

describe('CI examples', () => {
  const examples = DOCS.flatMap((doc) => yamlBlocks(readFileSync(join(ROOT, doc), 'utf8')).map((yaml, i) => ({ doc, i, yaml })));

  it('finds the examples (GitHub Actions, GitLab CI, Azure Pipelines in CI.md)', () => {
    expect(examples.filter((e) => e.doc === 'docs/CI.md')).toHaveLength(3);
  });

  it('are valid YAML', () => {
    for (const e of examples) expect(() => parse(e.yaml), `${e.doc} block ${e.i + 1}`).not.toThrow();
  });

  it('call only npm scripts that exist, with flags their CLI has', { timeout: 120_000 }, async () => {
    const problems: string[] = [];
    let calls = 0;
    for (const e of examples) {
      for (const run of strings(parse(e.yaml)).flatMap(npmRuns)) {
        calls++;
        if (!scripts[run.script]) {
          problems.push(`${e.doc}: npm run ${run.script} is not a script of package.json`);
          continue;
        }
        const known = await flagsOf(run.script);
        for (const f of run.flags) if (!known.has(f)) problems.push(`${e.doc}: npm run ${run.script} has no option ${f}`);
      }
    }
    expect(problems).toEqual([]);
    expect(calls).toBeGreaterThanOrEqual(4);
  });

  it('the check itself finds an unknown script and an unknown flag', async () => {
    expect(npmRuns('cd x && npm run conformance -- --region a --bogus 1 && npm run nope')).toEqual([
      { script: 'conformance', flags: ['--region', '--bogus'] },
      { script: 'nope', flags: [] },
    ]);
    expect((await flagsOf('conformance')).has('--bogus')).toBe(false);
    expect((await flagsOf('conformance')).has('--certificate')).toBe(true);
    expect(scripts.nope).toBeUndefined();
  });
});
