/**
 * The national rule table stays equal to the reference rule set: every condition, constraint and
 * in-message, cross-message or external-source technical rule of rules.json is in it with the same
 * kind, level, messages and retourcode, has a status, and a `checked` rule is checked on exactly
 * the messages the standard names.
 */
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import rulesData from '../../../shared/reference/rules.json' with { type: 'json' };
import { NATIONAL_RULES } from './national-rules.ts';
import { RULE_STATUS, formatRuleTable, messagesChecked, nationalRuleTable, ruleTableCounts, statusOf } from './catalogue.ts';
import { inMessageRules } from './index.ts';

interface RefRule { id: string; kind: string; controleniveau?: string; messages: string[]; retourcode?: string | null }
const reference = (rulesData as RefRule[]).filter((r) => r.kind === 'conditie' || r.kind === 'constraint' || (r.kind === 'technische regel' && ['bericht inhoud (xslt)', 'berichtoverstijgend', 'externe bron'].includes(r.controleniveau ?? '')));
const niveauOf = (r: RefRule) => (r.kind === 'technische regel' ? r.controleniveau : 'bericht inhoud (xslt)');
const IN_MESSAGE = new Set(['checked', 'enforced-by-xsd', 'not-applicable']);
const ACROSS = new Set(['judged', 'not-yet', 'not-applicable']);
const ROOT = resolve(import.meta.dirname, '../..');

describe('the national rule table', () => {
  it('lists exactly the reference rules: 63 in-message, 54 cross-message, 4 external', () => {
    expect(NATIONAL_RULES.map((r) => r.id).sort()).toEqual(reference.map((r) => r.id).sort());
    const byLevel = (l: string) => NATIONAL_RULES.filter((r) => r.niveau === l).length;
    expect([byLevel('bericht inhoud (xslt)'), byLevel('berichtoverstijgend'), byLevel('externe bron')]).toEqual([63, 54, 4]);
  });

  it.each(reference.map((r) => [r.id, r] as const))('%s has the reference kind, level, messages and retourcode', (id, ref) => {
    const r = NATIONAL_RULES.find((x) => x.id === id)!;
    expect({ kind: r.kind, niveau: r.niveau, messages: [...r.messages].sort(), retourcode: r.retourcode }).toEqual({ kind: ref.kind, niveau: niveauOf(ref), messages: [...ref.messages].sort(), retourcode: ref.retourcode ?? undefined });
  });

  it('gives every rule a status that fits its level', () => {
    for (const r of NATIONAL_RULES) {
      const s = statusOf(r.id);
      expect(s, `${r.id} has no status`).toBeDefined();
      expect(r.niveau === 'bericht inhoud (xslt)' ? IN_MESSAGE : ACROSS, `${r.id}: ${s!.status}`).toContain(s!.status);
    }
    for (const id of Object.keys(RULE_STATUS)) expect(NATIONAL_RULES.map((r) => r.id), `RULE_STATUS names unknown ${id}`).toContain(id);
  });

  it('checks a `checked` rule on exactly the messages the standard names, and knows every rule object', () => {
    for (const r of NATIONAL_RULES.filter((x) => statusOf(x.id)?.status === 'checked')) expect([...messagesChecked(r.id)].sort(), r.id).toEqual([...r.messages].sort());
    for (const rule of inMessageRules) expect(NATIONAL_RULES.find((r) => r.id === rule.id), `rule object ${rule.id}`).toBeDefined();
  });

  it('has a rule object for every in-message rule a message can break', () => {
    const unbreakable = NATIONAL_RULES.filter((r) => r.niveau === 'bericht inhoud (xslt)' && statusOf(r.id)?.status !== 'checked').map((r) => r.id);
    expect(unbreakable.sort()).toEqual(['CS015', 'CS025', 'CS319']);
  });

  it('points every judged rule at a module that names it', () => {
    for (const row of nationalRuleTable().filter((r) => r.status === 'judged')) {
      const file = row.note!.split(' ')[0]!;
      expect(existsSync(resolve(ROOT, file)), `${row.id}: ${file}`).toBe(true);
      expect(readFileSync(resolve(ROOT, file), 'utf8'), `${row.id} in ${file}`).toMatch(new RegExp(`\\b${row.id}\\b`));
    }
  });

  it('prints one line pair per rule with its counts per level', () => {
    const text = formatRuleTable();
    for (const r of NATIONAL_RULES) expect(text).toMatch(new RegExp(`^  ${r.id} `, 'm'));
    const c = ruleTableCounts();
    expect(Object.values(c['bericht inhoud (xslt)']).reduce((a, b) => a + b, 0)).toBe(63);
    expect(c['bericht inhoud (xslt)']).toEqual({ checked: 60, 'enforced-by-xsd': 3 });
    expect(text).toContain('60 checked, 3 enforced-by-xsd');
    // Issue 11 part 2: every cross-message and external-source rule is judged or not applicable (with its reason).
    expect(c.berichtoverstijgend).toEqual({ judged: 53, 'not-applicable': 1 });
    expect(c['externe bron']).toEqual({ judged: 3, 'not-applicable': 1 });
  });
});
