/**
 * Who acts in a step, named in its text so that no preposition decides it: "the harness's
 * provider" or "the provider under test", "the harness's municipality" or "the municipality
 * under test". The text must agree with the scenario's @role tag: a step that names the party
 * under test where the harness plays it (or the other way round) is an error in the feature.
 */
import { defineParameterType } from '@cucumber/cucumber';
import type { Role } from './harness.ts';
import type { ConformanceWorld } from './world.ts';

export interface Actor {
  role: Role;
  /** The party under test acts (through an action), not the harness's own party. */
  underTest: boolean;
  text: string;
}

const NAMES: Record<string, { role: Role; underTest: boolean }> = {
  "the harness's provider": { role: 'aanbieder', underTest: false },
  'the provider under test': { role: 'aanbieder', underTest: true },
  "the harness's municipality": { role: 'gemeente', underTest: false },
  'the municipality under test': { role: 'gemeente', underTest: true },
};

function actor(this: ConformanceWorld, text: string): Actor {
  const a = NAMES[text]!;
  // The World's `judged` comes from the @role tag; the step text must say the same.
  if (this.judged && (this.judged === a.role) !== a.underTest) {
    throw new Error(`The step names ${text}, but the scenario (@role:${this.judged}) judges the ${this.judged}: say ${a.underTest ? `the harness's ${a.role === 'gemeente' ? 'municipality' : 'provider'}` : `the ${a.role === 'gemeente' ? 'municipality' : 'provider'} under test`}`);
  }
  return { ...a, text };
}

defineParameterType({ name: 'provider', regexp: /the harness's provider|the provider under test/, transformer: actor, useForSnippets: false });
defineParameterType({ name: 'municipality', regexp: /the harness's municipality|the municipality under test/, transformer: actor, useForSnippets: false });
defineParameterType({ name: 'party', regexp: /the harness's provider|the provider under test|the harness's municipality|the municipality under test/, transformer: actor, useForSnippets: false });

/** For a step only the harness's own party can take (it sends what the scenario dictates, right or wrong). */
export function harnessOnly(who: Actor): void {
  if (who.underTest) throw new Error(`Only the harness's own party sends what this step dictates; ${who.text} decides its messages itself`);
}
