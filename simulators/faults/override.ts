/**
 * Faulty variants as data: a variant names the one policy or check it overrides (like msw's
 * `server.use()`), the rule it breaks and its role; applying it swaps exactly that entry of the
 * party's own copy of the table (the reference tables stay untouched). No prototypes are patched.
 *
 * @example
 *   gemeenteOverride({ id: 'gemeente-ignores-retroactive-limit', rule: 'FRL-VOT-2', region: 'fryslan',
 *     description: '…', table: 'verzoek.checks', name: 'retroactive', with: () => () => undefined })
 */
import type { MessageCode } from '../../ijw/messages/codes.ts';
import type { ReferenceGemeente } from '../gemeente/reference-gemeente.ts';
import type { ReferenceAanbieder } from '../aanbieder/reference-aanbieder.ts';
import { verzoekFlowOf } from '../gemeente/verzoek.ts';
import { declaratieFlowOf } from '../gemeente/declaratie.ts';
import { agbFlowOf } from '../gemeente/agb.ts';
import { aanbiederVerzoekFlowOf } from '../aanbieder/verzoek.ts';
import { aanbiederDeclaratieFlowOf } from '../aanbieder/declaratie.ts';
import { careRegieFlowOf } from '../aanbieder/care-regie.ts';
import { careReportingFlowOf } from '../aanbieder/care-reporting.ts';
import type { Fault } from './fault.ts';

/** The municipality's tables of policies and checks, by name (docs/REGION-POLICIES.md). */
export const GEMEENTE_TABLES = {
  'verzoek.checks': (g: ReferenceGemeente) => verzoekFlowOf(g).checks,
  'verzoek.technical': (g: ReferenceGemeente) => verzoekFlowOf(g).technical,
  'toewijzing.rules': (g: ReferenceGemeente) => verzoekFlowOf(g).rules,
  'declaratie.checks': (g: ReferenceGemeente) => declaratieFlowOf(g).checks,
  'start-stop.checks': (g: ReferenceGemeente) => g.checks,
  'agb.rules': (g: ReferenceGemeente) => agbFlowOf(g).rules,
};

/** The provider's tables of policies and checks, by name. */
export const AANBIEDER_TABLES = {
  'verzoek.rules': (a: ReferenceAanbieder) => aanbiederVerzoekFlowOf(a).rules,
  'declaratie.rules': (a: ReferenceAanbieder) => aanbiederDeclaratieFlowOf(a).rules,
  'care-regie.rules': (a: ReferenceAanbieder) => careRegieFlowOf(a).rules,
  'care-reporting.rules': (a: ReferenceAanbieder) => careReportingFlowOf(a).rules,
};

type Tables = typeof GEMEENTE_TABLES | typeof AANBIEDER_TABLES;
type TableOf<F> = F extends (p: never) => infer R ? R : never;
type Entry<T extends Tables, N extends keyof T> = TableOf<T[N]>;

interface VariantBase {
  id: string;
  rule: string;
  region: string;
  description: string;
  affectsEveryFlow?: string;
}

/** An override of one entry: `with` gets the correct implementation (bound) and returns the faulty one. */
type OverrideSpec<T extends Tables, N extends keyof T & string, K extends keyof Entry<T, N> & string> = VariantBase & {
  table: N;
  name: K;
  with: (honest: Entry<T, N>[K]) => Entry<T, N>[K];
};

function swap(table: Record<string, unknown>, name: string, make: (honest: never) => unknown): void {
  const honest = table[name];
  table[name] = make((typeof honest === 'function' ? honest.bind(table) : honest) as never);
}

/** A faulty municipality that differs from the reference in one named policy or check. */
export function gemeenteOverride<N extends keyof typeof GEMEENTE_TABLES & string, K extends keyof Entry<typeof GEMEENTE_TABLES, N> & string>(v: OverrideSpec<typeof GEMEENTE_TABLES, N, K>): Fault {
  const { table, name, with: make, ...base } = v;
  return { ...base, role: 'gemeente', overrides: { table, name }, apply: (g) => swap(GEMEENTE_TABLES[table](g) as unknown as Record<string, unknown>, name, make as never) };
}

/** A faulty provider that differs from the reference in one named policy or check. */
export function aanbiederOverride<N extends keyof typeof AANBIEDER_TABLES & string, K extends keyof Entry<typeof AANBIEDER_TABLES, N> & string>(v: OverrideSpec<typeof AANBIEDER_TABLES, N, K>): Fault {
  const { table, name, with: make, ...base } = v;
  return { ...base, role: 'aanbieder', overrides: { table, name }, apply: (a) => swap(AANBIEDER_TABLES[table](a) as unknown as Record<string, unknown>, name, make as never) };
}

/** A party that does not take a message its region uses (answers HTTP 400, as for any message it does not receive). */
export function refusesMessage(v: VariantBase & { role: Fault['role']; message: MessageCode }): Fault {
  const { role, message, ...base } = v;
  const overrides = { table: 'receives', name: message };
  return role === 'gemeente'
    ? { ...base, role, overrides, apply: (g) => void g.refuses.add(message) }
    : { ...base, role, overrides, apply: (a) => void a.refuses.add(message) };
}
