/**
 * Every rule of the catalogue (shared/RULES.md, as regions/catalogue.ts) is tested by at least
 * one scenario, every @rule tag names a known rule (a catalogue id, or a national iJw rule id of
 * ijw/rules/national-rules.ts that no catalogue rule covers), every scenario says whose software
 * it judges and which region it belongs to, and every cross-message rule the parties judge names
 * the scenarios that exercise it (`testedBy` in ijw/rules/catalogue.ts).
 */
import { describe, expect, it } from 'vitest';
import { sep } from 'node:path';
import { catalogue, findRule, isOptionalFor, type Certifies } from '../regions/catalogue.ts';
import { featureFiles, ROLE_TAG, scenarios as readScenarios, type ScenarioTags } from '../regions/coverage.ts';
import { packs } from '../regions/index.ts';
import { NATIONAL_RULES } from '../ijw/rules/national-rules.ts';
import { statusOf } from '../ijw/rules/catalogue.ts';

/** The shared national features and every pack's own. */
const files = [...featureFiles('features'), ...Object.values(packs).flatMap((p) => featureFiles(p.featuresDir))];
/** Scenarios with their own and their feature's tags. */
const scenarios = () => readScenarios(files);

/**
 * Rule × role pairs that still wait for their scenarios, with the issue they wait for. Nothing
 * listed here counts as done; a pair leaves the list as soon as a scenario covers it (the test
 * below fails while a listed pair is covered, so the list cannot go stale).
 */
const PENDING: Record<string, { roles: Certifies[]; issue: number }> = {};

/** National rule ids a scenario may tag: the national rule table's (cross-message and external rules no catalogue rule covers). */
const NATIONAL_IDS = new Set(NATIONAL_RULES.map((r) => r.id));

/**
 * Cross-message rules the reference parties judge on receipt for which no scenario breaks the rule
 * yet (issue 11). The test below fails as soon as one gets its `testedBy`, so the list cannot go stale.
 */
const JUDGED_WITHOUT_SCENARIO = ['TR369', 'TR375', 'TR412'];

describe('rule coverage', () => {
  const all = scenarios();
  const ids = new Set([...catalogue.map((r) => r.id), ...NATIONAL_IDS]);
  const withRule = (id: string, role: Certifies) => all.filter((s) => s.tags.includes(`@rule:${id}`) && s.tags.includes(ROLE_TAG[role]));

  it('finds scenarios', () => {
    expect(all.length).toBeGreaterThan(20);
  });

  it('every @rule tag names a rule of the catalogue or a national rule', () => {
    const unknown = all.flatMap((s) => s.tags.filter((t) => t.startsWith('@rule:') && !ids.has(t.slice(6))).map((t) => `${s.file}: ${s.name}: ${t}`));
    expect(unknown).toEqual([]);
  });

  it('every scenario has one @role and a region or @national tag', () => {
    const bad = all.filter((s) => s.tags.filter((t) => t.startsWith('@role:')).length !== 1 || !s.tags.some((t) => t === '@national' || t.startsWith('@region:')));
    expect(bad.map((s) => `${s.file}: ${s.name}`)).toEqual([]);
  });

  it('regional scenarios live in their region folder and test rules of their region or national ones', () => {
    const bad = all.filter((s) => {
      const region = s.tags.find((t) => t.startsWith('@region:'))?.slice(8);
      if (!region) return !s.file.includes('features/national/');
      const rules = s.tags.filter((t) => t.startsWith('@rule:')).map((t) => catalogue.find((r) => r.id === t.slice(6)));
      const dir = packs[region]?.featuresDir;
      return !dir || !s.file.startsWith(dir + sep) || rules.some((r) => r && r.scope !== 'national' && r.scope !== region);
    });
    expect(bad.map((s) => `${s.file}: ${s.name}`)).toEqual([]);
  });

  it('a scenario judges only rules that certify its role', () => {
    const roleOf = (s: ScenarioTags): Certifies => (s.tags.includes('@role:gemeente') ? 'G' : 'A');
    const bad = all.flatMap((s) =>
      s.tags
        .filter((t) => t.startsWith('@rule:'))
        .filter((t) => {
          const id = t.slice(6);
          const r = findRule(id);
          if (r) return !r.certifies.includes(roleOf(s));
          // A national id: the scenario judges the role the rule certifies (by default the party that judges it on receipt).
          const st = statusOf(id);
          return st?.status !== 'judged' || !(st.certifies ?? st.by).includes(roleOf(s) === 'G' ? 'gemeente' : 'aanbieder');
        })
        .map((t) => `${s.file}: ${s.name}: ${t} does not certify ${roleOf(s)}`),
    );
    expect(bad).toEqual([]);
  });

  it('every testable rule has a scenario for each role it certifies, unless pending', () => {
    const missing = catalogue
      .filter((r) => r.status === 'testable')
      .flatMap((r) => r.certifies.filter((role) => !withRule(r.id, role).length && !PENDING[r.id]?.roles.includes(role)).map((role) => `${r.id} (${role})`));
    expect(missing).toEqual([]);
  });

  it('lists as pending only what no scenario covers yet', () => {
    const covered = Object.entries(PENDING).flatMap(([id, p]) => p.roles.filter((role) => withRule(id, role).length).map((role) => `${id} (${role})`));
    expect(covered).toEqual([]);
    expect(Object.keys(PENDING).filter((id) => findRule(id)?.status !== 'testable')).toEqual([]);
  });

  it('a rule optional for a role is tested only by @optional scenarios of that role; a mandatory one by at least one mandatory scenario', () => {
    const bad = catalogue.flatMap((r) =>
      r.certifies.flatMap((role) => {
        const mine = withRule(r.id, role);
        if (!mine.length) return [];
        const optional = mine.filter((s) => s.tags.includes('@optional'));
        if (isOptionalFor(r, role)) return optional.length === mine.length ? [] : [`${r.id} (${role}) is optional but has mandatory scenarios`];
        return optional.length < mine.length ? [] : [`${r.id} (${role}) is mandatory but all its scenarios are @optional`];
      }),
    );
    expect(bad).toEqual([]);
  });

  it('awaiting-data and not-testable rules carry their reason and have no scenario yet', () => {
    const tagged = new Set(all.flatMap((s) => s.tags.filter((t) => t.startsWith('@rule:')).map((t) => t.slice(6))));
    const waiting = catalogue.filter((r) => r.status !== 'testable');
    expect(waiting.length).toBeGreaterThan(0);
    expect(waiting.filter((r) => !r.reason?.trim()).map((r) => r.id)).toEqual([]);
    // A rule that gets a scenario should become testable in RULES.md first.
    expect(waiting.filter((r) => tagged.has(r.id)).map((r) => r.id)).toEqual([]);
  });

  describe('the cross-message rules the parties judge', () => {
    const judged = NATIONAL_RULES.filter((r) => r.niveau !== 'bericht inhoud (xslt)').flatMap((r) => {
      const st = statusOf(r.id);
      return st?.status === 'judged' ? [{ rule: r, testedBy: st.testedBy }] : [];
    });

    it('name the catalogue rules or national id whose scenarios test them, unless listed as without a scenario', () => {
      const missing = judged.filter((j) => !j.testedBy.length && !JUDGED_WITHOUT_SCENARIO.includes(j.rule.id)).map((j) => j.rule.id);
      expect(missing).toEqual([]);
      const stale = judged.filter((j) => j.testedBy.length && JUDGED_WITHOUT_SCENARIO.includes(j.rule.id)).map((j) => j.rule.id);
      expect(stale, 'listed as without a scenario but has testedBy').toEqual([]);
      expect(JUDGED_WITHOUT_SCENARIO.filter((id) => statusOf(id)?.status !== 'judged'), 'listed but not judged').toEqual([]);
    });

    it('testedBy names a catalogue rule or the national id itself, and a scenario so tagged that breaks the rule (its retourcode or id in the scenario)', () => {
      const bad = judged.flatMap((j) =>
        j.testedBy.flatMap((id) => {
          if (!findRule(id) && id !== j.rule.id) return [`${j.rule.id}: testedBy ${id} is neither a catalogue rule nor ${j.rule.id}`];
          const tagged = all.filter((s) => s.tags.includes(`@rule:${id}`));
          const hits = tagged.filter((s) => s.text.includes(j.rule.id) || (!!j.rule.retourcode && s.text.includes(j.rule.retourcode)));
          return hits.length ? [] : [`${j.rule.id}: no scenario tagged @rule:${id} mentions ${j.rule.id} or ${j.rule.retourcode ?? 'its code'} (${tagged.length} tagged)`];
        }),
      );
      expect(bad).toEqual([]);
    });

    it('a national id is tagged only on rules no catalogue rule covers, and every tagged one is judged and names itself in testedBy', () => {
      const tagged = new Set(all.flatMap((s) => s.tags.filter((t) => t.startsWith('@rule:') && NATIONAL_IDS.has(t.slice(6))).map((t) => t.slice(6))));
      const bad = [...tagged].filter((id) => {
        const st = statusOf(id);
        return st?.status !== 'judged' || !st.testedBy.includes(id);
      });
      expect(bad).toEqual([]);
    });
  });
});
