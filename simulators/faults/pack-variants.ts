/**
 * A region pack's faulty variants as data (regions/<id>/variants.yaml, schema
 * regions/variant-schema.ts): each variant breaks one rule for one role by exactly one of
 *  - `skip: <table>.<entry>`: the named check never rejects, or the named policy does nothing
 *    (SKIPPABLE says what that is per entry; other entries are refused at load);
 *  - `profile: { <dotted path>: value | null }`: the party runs with its own copy of the region
 *    profile with these values changed or removed (the copy must still pass the profile schema);
 *  - `refuses: JW3xx`: the party does not take that message.
 * The loader turns them into Fault objects with region = the pack id.
 *
 * @example
 *   - id: zlm-gemeente-accepts-partial-credit
 *     role: gemeente
 *     rule: ZLM-CR-1
 *     description: Approves a credit of part of a line
 *     skip: declaratie.checks.creditInFull
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { parse, YAMLParseError } from 'yaml';
import { loadPacks, problems, profileProblems, RegionPackError, type RegionPack } from '../../regions/packs.ts';
import { regionVariantsSchema } from '../../regions/variant-schema.ts';
import type { RegionProfile } from '../../regions/types.ts';
import type { MessageCode } from '../../ijw/messages/codes.ts';
import type { Fault } from './fault.ts';
import { AANBIEDER_TABLES, GEMEENTE_TABLES, refusesMessage } from './override.ts';
import type { ReferenceParty } from '../party.ts';

type Role = Fault['role'];

/** What `skip` makes of an entry: a check returns no finding (`undefined`), a yes/no policy answers `false`, a list policy returns nothing. */
export type SkipResult = 'undefined' | 'false' | 'empty list';

const checks = (names: string[], meaning: string): Record<string, { returns: SkipResult; meaning: string }> =>
  Object.fromEntries(names.map((n) => [n, { returns: 'undefined' as const, meaning }]));

/**
 * The entries a variant may skip, per role and table, with what skipping means. Entries that
 * compute a value (a date, an amount, a message part) are not skippable: a variant changing them
 * needs a profile change or a code variant (simulators/faults/<flow>.ts).
 */
export const SKIPPABLE: Record<Role, Record<string, Record<string, { returns: SkipResult; meaning: string }>>> = {
  gemeente: {
    'verzoek.checks': checks(['woonplaats', 'referrer', 'referrerName', 'retroactive', 'productCode', 'einddatumAndVolume', 'omvang', 'locationCode', 'contracted', 'onlyAfter', 'unit', 'stacking', 'extension'], 'never rejects a JW315/JW317 on this check (it honours the request)'),
    'verzoek.technical': checks(['unchangedIsCurrent', 'pastDateIsIngangsdatum', 'noOverlap', 'wholePeriodChange', 'omvangWithCode', 'noOmvangWithoutCode'], 'never rejects a JW317 on this technical rule'),
    'declaratie.checks': checks(['productCodeList', 'knownClient', 'uniqueReferentie', 'creditRefersToApprovedDebit', 'creditOnce', 'creditInFull', 'notDeleted', 'withinToewijzing', 'withinDeclaratiePeriode', 'periodBeginsOnFirst', 'periodEndsOnLast', 'withinBudget', 'sameProduct', 'unit', 'volume', 'volumeTotal', 'tariff', 'amount', 'debitAfterCredit', 'claimIsContractedShare', 'startClaimNeedsStart', 'stopClaimNeedsPlannedStop', 'declarationTerm'], 'never rejects a JW323 line on this check (approves it)'),
    'start-stop.checks': checks(['stopNeedsStart', 'keyUnique', 'oneCurrentStart', 'stopSequence', 'linked', 'startDeletable', 'stopDeletable', 'restart'], 'never rejects a JW305/JW307 on this check'),
    'toewijzing.rules': {
      stacksOn: { returns: 'undefined', meaning: 'a new toewijzing never stacks on a running one (IJW-STAP-1 not applied)' },
      lapses: { returns: 'false', meaning: 'a toewijzing never lapses' },
      endedBy: { returns: 'empty list', meaning: 'a direct allocation ends no running care' },
    },
  },
  aanbieder: {
    'verzoek.rules': checks(['mayRequest', 'retroactive', 'onlyAfter', 'omvang', 'changeDate', 'mayChange'], 'never refuses to send a JW315/JW317 on this rule (sends it anyway)'),
    'declaratie.rules': {
      notDeclarableYet: { returns: 'undefined', meaning: 'declares a month whenever asked, also before it may be declared' },
      alreadyDeclared: { returns: 'false', meaning: 'declares a claim again although it was declared (a second debit)' },
      outsideToewijzing: { returns: 'false', meaning: 'credits no approved line after a toewijzing is shortened or withdrawn' },
    },
    'care-regie.rules': { pauseToReport: { returns: 'undefined', meaning: 'never reports a pause in care as a temporary stop' } },
    'care-reporting.rules': {
      temporaryStop: { returns: 'undefined', meaning: 'never reports weeks without care as a temporary stop' },
      plannedEnd: { returns: 'undefined', meaning: 'never reports the planned end of care' },
    },
  },
};

const RESULT: Record<SkipResult, () => unknown> = { undefined: () => undefined, false: () => false, 'empty list': () => [] };

/** One variant of a variants.yaml, as written. */
export interface PackVariant {
  id: string;
  role: Role;
  rule: string;
  description: string;
  affectsEveryFlow?: string;
  skip?: string;
  profile?: Record<string, unknown>;
  refuses?: string;
}

const ajv = new Ajv({ allErrors: true, strict: false, verbose: true });
const validate = ajv.compile(regionVariantsSchema);

/** `value` at the dotted path set in a copy of `data` (null removes the field); fails when a parent is missing. */
export function withChanges<T>(data: T, changes: Record<string, unknown>): T {
  const copy = structuredClone(data) as Record<string, unknown>;
  for (const [path, value] of Object.entries(changes)) {
    const keys = path.split('.');
    let at: Record<string, unknown> = copy;
    for (const k of keys.slice(0, -1)) {
      const next = at[k];
      if (next === null || typeof next !== 'object') throw new Error(`'${path}': the profile has no '${k}' there`);
      at = next as Record<string, unknown>;
    }
    const last = keys[keys.length - 1]!;
    if (value === null) delete at[last];
    else at[last] = structuredClone(value);
  }
  return copy as T;
}

/** The pack's faulty variants (none without a variants.yaml); an error names the file, the path and what was expected. */
export function loadPackVariants(pack: RegionPack): Fault[] {
  const file = join(pack.dir, 'variants.yaml');
  if (!existsSync(file)) return [];
  let data: unknown;
  try {
    data = parse(readFileSync(file, 'utf8'));
  } catch (e) {
    if (e instanceof YAMLParseError) throw new RegionPackError(file, [{ path: `line ${e.linePos?.[0]?.line ?? '?'}`, expected: `expected valid YAML: ${e.message.split('\n')[0]}` }]);
    throw e;
  }
  if (data === null || data === undefined) return [];
  // "exactly one of" first: a failed oneOf would list every branch's missing field.
  const forms = Array.isArray(data) ? data.flatMap((v, i) => {
    const has = ['skip', 'profile', 'refuses'].filter((k) => v && typeof v === 'object' && k in v);
    return has.length === 1 ? [] : [{ path: String(i), expected: `expected exactly one of skip, profile, refuses${has.length ? ` (found ${has.join(', ')})` : ''}` }];
  }) : [];
  if (!validate(data) || forms.length) {
    const schemaProblems = problems((validate.errors ?? []).filter((e) => e.keyword !== 'oneOf' && !e.schemaPath.includes('/oneOf/')));
    throw new RegionPackError(file, [...schemaProblems, ...forms]);
  }
  const variants = data as PackVariant[];
  const raw = parse(readFileSync(pack.profilePath, 'utf8')) as unknown;
  const bad: { path: string; expected: string }[] = [];
  const seen = new Set<string>();
  variants.forEach((v, i) => {
    if (seen.has(v.id)) bad.push({ path: `${i}.id`, expected: `expected an id of its own: '${v.id}' is used twice` });
    seen.add(v.id);
    if (v.skip) {
      const entry = v.skip.slice(v.skip.lastIndexOf('.') + 1);
      const table = v.skip.slice(0, v.skip.lastIndexOf('.'));
      const tables = SKIPPABLE[v.role];
      if (!tables[table]) bad.push({ path: `${i}.skip`, expected: `expected a table of the ${v.role} with skippable entries (${Object.keys(tables).join(', ')}), found '${table}'` });
      else if (!tables[table][entry]) bad.push({ path: `${i}.skip`, expected: `expected a skippable entry of ${table} (${Object.keys(tables[table]).join(', ')}), found '${entry}'` });
    }
    if (v.profile) {
      try {
        const changed = profileProblems(withChanges(raw, v.profile));
        for (const p of changed) bad.push({ path: `${i}.profile`, expected: `the changed profile must still pass the schema: at ${p.path}: ${p.expected}` });
      } catch (e) {
        bad.push({ path: `${i}.profile`, expected: `expected a path of profile.yaml: ${(e as Error).message}` });
      }
    }
    if (v.refuses && !pack.profile.messages.value.includes(v.refuses as MessageCode)) bad.push({ path: `${i}.refuses`, expected: `expected a message the region uses (${pack.profile.messages.value.join(', ')}), found '${v.refuses}'` });
  });
  if (bad.length) throw new RegionPackError(file, bad);
  return variants.map((v) => toFault(v, pack.id));
}

function toFault(v: PackVariant, region: string): Fault {
  const base = { id: v.id, rule: v.rule, region, description: v.description, ...(v.affectsEveryFlow ? { affectsEveryFlow: v.affectsEveryFlow } : {}) };
  if (v.refuses) return refusesMessage({ ...base, role: v.role, message: v.refuses as MessageCode });
  if (v.profile) {
    const changes = v.profile;
    // Only the profile of the variant's own region changes: another region's profile may not have the path.
    const change = (p: RegionProfile) => (p.id === region ? withChanges(p, changes) : p);
    const overrides = { table: 'profile', name: Object.keys(changes).join(', ') };
    const apply = (party: ReferenceParty) => party.changeOwnProfile(change);
    return v.role === 'gemeente' ? { ...base, role: 'gemeente', overrides, apply } : { ...base, role: 'aanbieder', overrides, apply };
  }
  const dot = v.skip!.lastIndexOf('.');
  const table = v.skip!.slice(0, dot);
  const name = v.skip!.slice(dot + 1);
  const result = RESULT[SKIPPABLE[v.role][table]![name]!.returns];
  const overrides = { table, name };
  const swap = (t: unknown) => void ((t as Record<string, unknown>)[name] = result);
  return v.role === 'gemeente'
    ? { ...base, role: 'gemeente', overrides, apply: (g) => swap(GEMEENTE_TABLES[table as keyof typeof GEMEENTE_TABLES](g)) }
    : { ...base, role: 'aanbieder', overrides, apply: (a) => swap(AANBIEDER_TABLES[table as keyof typeof AANBIEDER_TABLES](a)) };
}

/** The faulty variants of every loaded pack. */
export function packFaults(packs: readonly RegionPack[] = loadPacks()): Fault[] {
  return packs.flatMap(loadPackVariants);
}
