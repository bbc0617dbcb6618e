/**
 * Reads the scenarios of feature files with their tags, and finds the testable rule × role pairs
 * no scenario covers: shared by test/rule-coverage.test.ts and `npm run region -- check`.
 *
 * @example
 *   const all = scenarios([...featureFiles('features/national'), ...featureFiles('regions/utrecht/features')]);
 *   uncovered(rulesForRegion('utrecht'), all)   // [{ rule: …, role: 'A' }] for each pair without a scenario
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { CatalogueRule, Certifies } from './catalogue.ts';

export interface ScenarioTags {
  file: string;
  name: string;
  tags: string[];
  /** The scenario's lines (steps, examples, comments above the next one). */
  text: string;
}

export const ROLE_TAG: Record<Certifies, string> = { G: '@role:gemeente', A: '@role:aanbieder' };

/** Every .feature file under `dir` (none when it does not exist). */
export function featureFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).sort().flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? featureFiles(p) : p.endsWith('.feature') ? [p] : [];
  });
}

/** Scenarios with their own and their feature's tags. */
export function scenarios(files: readonly string[]): ScenarioTags[] {
  const out: ScenarioTags[] = [];
  for (const file of files) {
    let featureTags: string[] = [];
    let pending: string[] = [];
    let seenFeature = false;
    let comments: string[] = [];
    for (const raw of readFileSync(file, 'utf8').split('\n')) {
      const line = raw.trim();
      if (line.startsWith('@')) pending.push(...line.split(/\s+/).filter((t) => t.startsWith('@')));
      else if (/^Feature:/.test(line)) {
        featureTags = pending;
        pending = [];
        seenFeature = true;
      } else if (/^Scenario( Outline)?:/.test(line) && seenFeature) {
        out.push({ file, name: line.replace(/^Scenario( Outline)?:\s*/, ''), tags: [...featureTags, ...pending], text: [...comments, line].join('\n') });
        pending = [];
        comments = [];
      } else if (line && !line.startsWith('#')) pending = line.startsWith('Examples') ? pending : [];
      // Comments above a scenario (before its tags) belong to it; other lines to the scenario they are in.
      if (line.startsWith('#')) comments.push(line);
      else if (line && !line.startsWith('@') && !/^Scenario( Outline)?:/.test(line)) {
        if (out.length) out.at(-1)!.text += `\n${[...comments, line].join('\n')}`;
        comments = [];
      }
    }
  }
  return out;
}

/** The scenarios that tag the rule for the role. */
export function scenariosFor(all: readonly ScenarioTags[], id: string, role: Certifies): ScenarioTags[] {
  return all.filter((s) => s.tags.includes(`@rule:${id}`) && s.tags.includes(ROLE_TAG[role]));
}

/** Testable rule × certified role pairs without a scenario. */
export function uncovered(rules: readonly CatalogueRule[], all: readonly ScenarioTags[]): { rule: CatalogueRule; role: Certifies }[] {
  return rules.filter((r) => r.status === 'testable').flatMap((rule) => rule.certifies.filter((role) => !scenariosFor(all, rule.id, role).length).map((role) => ({ rule, role })));
}
