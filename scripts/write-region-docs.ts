/**
 * npm run gen:docs: writes docs/regions/<id>.md and docs/regions/README.md from the region
 * packs, and the field table of docs/REGION-PACKS.md. `regionDocs()` gives the files without writing them (the staleness test uses it).
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { packs, profiles } from '../regions/index.ts';
import { optionalScenarios, renderRegionDoc, renderRegionIndex } from './region-docs.ts';
import { withFieldTable } from './region-packs-doc.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

function features(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.feature')).map((f) => readFileSync(join(dir, f), 'utf8'));
}

/** Path (relative to the repository) → content of every generated file. */
export function regionDocs(): Map<string, string> {
  const out = new Map<string, string>();
  const national = features(join(ROOT, 'features', 'national')).flatMap(optionalScenarios);
  for (const p of Object.values(profiles)) {
    const own = features(packs[p.id]!.featuresDir).flatMap(optionalScenarios);
    out.set(`docs/regions/${p.id}.md`, renderRegionDoc(p, { optionalScenarios: [...national, ...own] }));
  }
  out.set('docs/regions/README.md', renderRegionIndex(Object.values(profiles)));
  // The field reference of the pack format, with the packs that use each field.
  out.set('docs/REGION-PACKS.md', withFieldTable(readFileSync(join(ROOT, 'docs', 'REGION-PACKS.md'), 'utf8'), Object.values(profiles)));
  return out;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  mkdirSync(join(ROOT, 'docs', 'regions'), { recursive: true });
  for (const [path, text] of regionDocs()) {
    writeFileSync(join(ROOT, path), text);
    process.stdout.write(`wrote ${path}\n`);
  }
}
