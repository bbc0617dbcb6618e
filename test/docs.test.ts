/**
 * The docs a vendor reads hold together (issue 10, points 12 and 16): every relative link in
 * README.md and docs/ resolves (file and, for `#anchor`, heading), and the action table of
 * docs/ADAPTER-PROTOCOL.md names exactly the required fields of the published action schema.
 */
import { describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { ROOT } from './helpers/run-cli.ts';
import { actionSchemas } from '../simulators/action-schema.ts';

function markdownFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? markdownFiles(p) : name.endsWith('.md') ? [p] : [];
  });
}

/** GitHub's heading anchors: lower case, punctuation dropped, spaces to hyphens. */
function anchors(md: string): Set<string> {
  const out = new Set<string>();
  for (const m of md.matchAll(/^#{1,6}\s+(.+)$/gm)) {
    out.add(m[1]!.trim().toLowerCase().replace(/[`*_]/g, '').replace(/[^\p{L}\p{N}\s-]/gu, '').replace(/\s/g, '-'));
  }
  return out;
}

/** Relative links outside code blocks and inline code. */
export function relativeLinks(md: string): string[] {
  const text = md.replace(/```[\s\S]*?```/g, '').replace(/`[^`\n]*`/g, '');
  return [...text.matchAll(/\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g)].map((m) => m[1]!).filter((l) => !/^[a-z]+:/i.test(l));
}

const files = [join(ROOT, 'README.md'), ...markdownFiles(join(ROOT, 'docs'))];

describe('docs', () => {
  it('every relative link in README.md and docs/ resolves', () => {
    const broken: string[] = [];
    for (const file of files) {
      const md = readFileSync(file, 'utf8');
      for (const link of relativeLinks(md)) {
        const [path, anchor] = link.split('#') as [string, string | undefined];
        const target = path ? resolve(dirname(file), decodeURIComponent(path)) : file;
        if (!existsSync(target)) {
          broken.push(`${relative(ROOT, file)}: ${link} (no such file)`);
          continue;
        }
        if (anchor && target.endsWith('.md') && !anchors(readFileSync(target, 'utf8')).has(anchor)) broken.push(`${relative(ROOT, file)}: ${link} (no heading #${anchor})`);
      }
    }
    expect(broken).toEqual([]);
  });

  it('finds a broken link (the check itself can fail)', () => {
    expect(relativeLinks('see [x](nowhere.md) and [y](https://example.org) and `[z](code.md)`')).toEqual(['nowhere.md']);
  });

  it('the action table of ADAPTER-PROTOCOL.md names the required fields of every action schema', () => {
    const md = readFileSync(join(ROOT, 'docs', 'ADAPTER-PROTOCOL.md'), 'utf8');
    const rows = new Map<string, string[]>();
    for (const m of md.matchAll(/^\| `([a-z-]+)`(?: \/ `([a-z-]+)`)? \| [^|]+ \| ([^|]+) \|/gm)) {
      // Fields named as optional, "(optional `x`)", are not required ones.
      const cell = m[3]!.replace(/\(optional[^)]*\)/g, '');
      const fields = cell.trim() === 'none' ? [] : [...cell.matchAll(/`(\w+)`/g)].map((f) => f[1]!);
      rows.set(m[1]!, fields);
      if (m[2]) rows.set(m[2], fields);
    }
    for (const [name, schema] of Object.entries(actionSchemas)) {
      const required = (schema.required as readonly string[]).filter((f) => f !== 'action').sort();
      expect(rows.get(name)?.sort(), `ADAPTER-PROTOCOL.md row for '${name}'`).toEqual(required);
    }
  });
});
