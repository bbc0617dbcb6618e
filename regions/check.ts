/**
 * The checks of `npm run region -- check <id>` that need no run: the profile (loaded and
 * validated), the rule table (readable, the region's prefix and flows), citations (every cited
 * value and rule has a source), the rule table against shared/RULES.md where that is present, and
 * coverage per role (every testable rule of the region × certified role has a scenario of the
 * pack; the national rules are covered once, for all regions, by test/rule-coverage.test.ts), the
 * pack's variants.yaml, and which rule × role has no faulty variant. Problems are phrased for a
 * protocol author.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isOptionalFor, rulesForRegion, type Certifies } from './catalogue.ts';
import { featureFiles, scenarios, uncovered } from './coverage.ts';
import { getProfile, packs } from './index.ts';
import { rulesSection } from './rules-table.ts';
import { loadPackVariants } from '../simulators/faults/pack-variants.ts';

const ROLE: Record<Certifies, string> = { G: 'municipality (gemeente)', A: 'provider (aanbieder)' };
const NATIONAL_FEATURES = join(import.meta.dirname, '..', 'features', 'national');
const SHARED_RULES = join(import.meta.dirname, '..', '..', 'shared', 'RULES.md');

/** Every object with a `source` or a `value`, with its path in the profile. */
export function cited(x: unknown, path: string, out: { path: string; node: Record<string, unknown> }[] = []) {
  if (Array.isArray(x)) x.forEach((v, i) => cited(v, `${path}[${i}]`, out));
  else if (x && typeof x === 'object') {
    const node = x as Record<string, unknown>;
    if ('value' in node || 'source' in node) out.push({ path, node });
    for (const [k, v] of Object.entries(node)) if (k !== 'value') cited(v, `${path}.${k}`, out);
  }
  return out;
}

export interface PackCheck {
  problems: string[];
  notes: string[];
  rules: number;
  scenarios: number;
}

export function checkPack(id: string): PackCheck {
  const profile = getProfile(id); // throws UnknownRegionError; the profile was validated on load
  const pack = packs[id]!;
  const problems: string[] = [];
  const notes: string[] = [];
  if (!existsSync(pack.rulesPath)) problems.push(`There is no rule table: write ${pack.rulesPath} (docs/REGION-PACKS.md, "The rule table").`);
  const rules = rulesForRegion(id);
  const own = rules.filter((r) => r.scope === id);
  if (!own.length) notes.push(`rules.md lists no rules of the region yet (ids ${profile.rulePrefix}-…).`);
  for (const r of own) if (!r.source.trim()) problems.push(`Rule ${r.id} cites no source: fill in the source column with the protocol's section.`);
  for (const { path, node } of cited(profile, 'profile')) {
    if (typeof node.source !== 'string' || !node.source.trim()) problems.push(`${path} has no source: cite the protocol's section, or "iJw 3.2 …" for a national fact.`);
  }
  const todo = (x: unknown, path: string): string[] =>
    typeof x === 'string' ? (x.includes('REPLACE') ? [path] : [])
    : Array.isArray(x) ? x.flatMap((v, i) => todo(v, `${path}[${i}]`))
    : x && typeof x === 'object' ? Object.entries(x).flatMap(([k, v]) => todo(v, `${path}.${k}`)) : [];
  for (const path of todo(profile, 'profile')) problems.push(`${path} still says REPLACE: fill in the protocol's value (npm run region -- new left it for you).`);
  const standIns = profile.products.filter((p) => p.example || p.tariff.example).length;
  if (standIns) notes.push(`${standIns} product(s) or tariff(s) are stand-ins (example: true), not the protocol's figures.`);
  if (existsSync(SHARED_RULES) && existsSync(pack.rulesPath)) {
    const section = rulesSection(readFileSync(SHARED_RULES, 'utf8'), id);
    if (section === undefined) notes.push(`shared/RULES.md has no section for \`${id}\` yet: add the table there when the catalogue is next revised.`);
    else if (section !== readFileSync(pack.rulesPath, 'utf8')) problems.push(`rules.md differs from the section for \`${id}\` in shared/RULES.md: the two must say the same.`);
  }
  const all = scenarios([...featureFiles(NATIONAL_FEATURES), ...featureFiles(pack.featuresDir)]);
  const mine = all.filter((s) => s.tags.includes(`@region:${id}`));
  if (!mine.length) problems.push(`No scenario is tagged @region:${id}: put the region's features in ${pack.featuresDir}.`);
  const known = new Set(rules.map((r) => r.id));
  for (const s of mine) {
    for (const t of s.tags.filter((x) => x.startsWith('@rule:') && x.slice(6).startsWith(`${profile.rulePrefix}-`) && !known.has(x.slice(6)))) {
      problems.push(`Scenario "${s.name}" (${s.file}) tags ${t}, which is not in rules.md.`);
    }
    if (!s.tags.some((t) => t === '@role:gemeente' || t === '@role:aanbieder')) problems.push(`Scenario "${s.name}" (${s.file}) says not whose software it judges: tag it @role:gemeente or @role:aanbieder.`);
  }
  // The region's own rules; the national ones are covered once for all regions (test/rule-coverage.test.ts).
  for (const { rule, role } of uncovered(own, mine)) {
    problems.push(`Rule ${rule.id} judges the ${ROLE[role]}, but no scenario tests it for that role: add one tagged @rule:${rule.id} @role:${role === 'G' ? 'gemeente' : 'aanbieder'}.`);
  }
  try {
    loadPackVariants(pack);
  } catch (e) {
    if ((e as { code?: string }).code !== 'REGION_PACK') throw e;
    problems.push(`variants.yaml is not valid: ${(e as Error).message}`);
  }
  return { problems, notes, rules: rules.length, scenarios: mine.length };
}

const FAULTY: Record<Certifies, string> = { G: 'municipality', A: 'provider' };

/**
 * The faulty variants of the region (its variants.yaml and those in simulators/faults/ filed for
 * it), and every testable, non-optional rule × role of the region without one, in words.
 */
export async function variantGaps(id: string): Promise<{ variants: { id: string; role: 'gemeente' | 'aanbieder'; rule: string; description: string }[]; gaps: string[] }> {
  const { faults } = await import('../simulators/faults/index.ts');
  const variants = faults.filter((f) => f.region === id);
  const gaps: string[] = [];
  for (const r of rulesForRegion(id).filter((x) => x.scope === id && x.status === 'testable')) {
    for (const c of r.certifies.filter((x) => !isOptionalFor(r, x))) {
      const role = c === 'G' ? 'gemeente' : 'aanbieder';
      if (!variants.some((v) => v.rule === r.id && v.role === role)) gaps.push(`Rule ${r.id}: no faulty variant shows that the scenarios catch a ${FAULTY[c]} that breaks it. Add one to variants.yaml (docs/REGION-PACKS.md, "Faulty variants").`);
    }
  }
  return { variants, gaps };
}
