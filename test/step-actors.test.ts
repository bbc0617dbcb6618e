/**
 * Every step names who acts, so no preposition decides whether the harness or the system under
 * test sends (steps/support/actors.ts, docs/ARCHITECTURE.md "The step library"). Read from the
 * feature files of every region and features/national, before anything runs: a step that names
 * "the provider under test" in a scenario that judges the municipality (or the other way round)
 * is a wrong feature, and a step that says only "the provider …" or "the municipality …" leaves
 * open who acts. Facts that send nothing (care delivered, the scenario's municipality) are the
 * exception.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { packs } from '../regions/index.ts';

function featureFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? featureFiles(p) : p.endsWith('.feature') ? [p] : [];
  });
}

/** Who a name says acts, and whether that party is the one under test. */
const ACTORS: Record<string, { role: 'gemeente' | 'aanbieder'; underTest: boolean }> = {
  "the harness's provider": { role: 'aanbieder', underTest: false },
  'the provider under test': { role: 'aanbieder', underTest: true },
  "the harness's municipality": { role: 'gemeente', underTest: false },
  'the municipality under test': { role: 'gemeente', underTest: true },
};
const NAMED = new RegExp(`^(${Object.keys(ACTORS).join('|')}) `);
/** Steps that begin with a party and state a fact rather than an act. */
const FACTS = [/^the provider delivered /, /^the municipality is "(\d{4}|<\w+>)"$/];

interface Use { where: string; text: string; roles: string[] }

/** Each step text (and each Examples cell, which may hold a whole step) with the roles its scenario runs under. */
function uses(file: string): Use[] {
  const out: Use[] = [];
  const lines = readFileSync(file, 'utf8').split('\n');
  let featureTags: string[] = [];
  let pending: string[] = [];
  let roles: string[] = [];
  let background = false;
  const allRoles = [...new Set([...readFileSync(file, 'utf8').matchAll(/@role:(\w+)/g)].map((m) => m[1]!))];
  lines.forEach((raw, i) => {
    const line = raw.trim();
    const where = `${file}:${i + 1}`;
    if (!line || line.startsWith('#')) return;
    if (line.startsWith('@')) return void pending.push(...[...line.matchAll(/@role:(\w+)/g)].map((m) => m[1]!));
    if (/^Feature:/.test(line)) return void ((featureTags = pending), (pending = []));
    if (/^Background:/.test(line)) return void ((background = true), (roles = allRoles), (pending = []));
    if (/^Scenario( Outline| Template)?:/.test(line)) return void ((background = false), (roles = pending.length ? pending : featureTags), (pending = []));
    if (/^(Examples|Scenarios):/.test(line)) {
      if (pending.length) roles = pending;
      pending = [];
      return;
    }
    if (line.startsWith('|')) {
      for (const cell of line.slice(1, -1).split('|').map((c) => c.trim())) if (/^the (harness's )?(provider|municipality)\b/.test(cell)) out.push({ where, text: cell, roles });
      return;
    }
    const m = /^(Given|When|Then|And|But|\*)\s+(.*)$/.exec(line);
    if (m) out.push({ where: background ? `${where} (Background)` : where, text: m[2]!, roles });
  });
  return out;
}

// features/national and every pack's own features (regions/<id>/features).
const all = [...featureFiles('features'), ...Object.values(packs).flatMap((p) => featureFiles(p.featuresDir))].flatMap(uses);

describe('steps name who acts', () => {
  it('reads the steps of every feature', () => {
    expect(all.filter((u) => NAMED.test(u.text)).length).toBeGreaterThan(300);
  });

  it('never leave it to the sentence whether the harness or the party under test acts', () => {
    const open = all.filter((u) => /^the (provider|municipality) /.test(u.text) && !NAMED.test(u.text) && !FACTS.some((f) => f.test(u.text)));
    expect(open.map((u) => `${u.where}: ${u.text}`)).toEqual([]);
  });

  it('name the party under test only where the scenario judges it, and the harness\'s party only where it does not', () => {
    const wrong = all.flatMap((u) => {
      const m = NAMED.exec(u.text);
      if (!m) return [];
      const a = ACTORS[m[1]!]!;
      if (u.roles.length !== 1) return [`${u.where}: ${u.text} (runs under ${u.roles.length ? u.roles.join(' and ') : 'no @role'})`];
      return (u.roles[0] === a.role) === a.underTest ? [] : [`${u.where}: ${u.text} (@role:${u.roles[0]})`];
    });
    expect(wrong).toEqual([]);
  });
});
