/**
 * Finds and loads the region packs: every folder regions/<id>/ with a profile.yaml, plus the
 * folders named in IJW_REGION_PACKS (separated by ':' — ';' on Windows; each either a pack or a
 * folder of packs), so an author can keep a pack outside the repository and a test can use a
 * temporary one. Every profile is validated against the schema (regions/profile-schema.ts,
 * published as docs/schemas/region.schema.json); an error names the file, the path in it and
 * what was expected.
 *
 * @example
 *   loadPacks().map((p) => p.id)                 // ['alkmaar', 'amsterdam', 'fryslan', 'rijnmond', 'utrecht']
 *   loadPack('/tmp/my-region').profile.name      // 'Regio Voorbeeld'
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { delimiter, join, resolve } from 'node:path';
import { Ajv, type ErrorObject } from 'ajv';
import { parse, YAMLParseError } from 'yaml';
import cbs from './cbs-municipalities.json' with { type: 'json' };
import { product, type ProductInput } from './product.ts';
import { regionProfileSchema } from './profile-schema.ts';
import type { Municipality, RegionProfile } from './types.ts';

const REGIONS_DIR = import.meta.dirname;

export interface RegionPack {
  id: string;
  /** Absolute path of the pack's folder. */
  dir: string;
  profilePath: string;
  /** The region's rule table (absent in a fresh scaffold until written). */
  rulesPath: string;
  featuresDir: string;
  profile: RegionProfile;
}

/** A pack that cannot be loaded: names the file, the path inside it and what was expected. */
export class RegionPackError extends Error {
  readonly code = 'REGION_PACK';
  readonly file: string;
  readonly problems: { path: string; expected: string }[];
  constructor(file: string, problems: { path: string; expected: string }[]) {
    super(`${file}: ${problems.length === 1 ? '' : `${problems.length} problems:\n  `}${problems.map((p) => `at ${p.path}: ${p.expected}`).join('\n  ')}`);
    this.name = 'RegionPackError';
    this.file = file;
    this.problems = problems;
  }
}

const ajv = new Ajv({ allErrors: true, strict: false, verbose: true });
const validate = ajv.compile(regionProfileSchema);

/** One line per problem, in the author's terms; for a oneOf, the branch that came closest. */
export function problems(errors: ErrorObject[]): { path: string; expected: string }[] {
  // A failed oneOf reports every branch's errors; keep the errors of the branch whose `kind`
  // (or shape) matched, i.e. drop const/type mismatches on a discriminator when other errors exist.
  const deep = errors.filter((e) => e.keyword !== 'oneOf');
  const useful = deep.filter((e) => !(e.keyword === 'const' && e.instancePath.endsWith('/kind')) && !(e.keyword === 'type' && deep.some((o) => o !== e && o.instancePath.startsWith(e.instancePath) && o.keyword !== 'type')));
  const list = (useful.length ? useful : errors).map((e) => {
    const path = e.instancePath ? e.instancePath.slice(1).replace(/\//g, '.') : '(top level)';
    const p = e.params as Record<string, unknown>;
    const expected =
      e.keyword === 'additionalProperties' ? `unknown field '${String(p.additionalProperty)}' (allowed: ${Object.keys((e.parentSchema?.properties as object) ?? {}).join(', ')})`
      : e.keyword === 'required' ? `missing field '${String(p.missingProperty)}'${(e.parentSchema?.properties as Record<string, { description?: string }> | undefined)?.[String(p.missingProperty)]?.description ? ` (${(e.parentSchema!.properties as Record<string, { description?: string }>)[String(p.missingProperty)]!.description})` : ''}`
      : e.keyword === 'enum' ? `one of ${(p.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')}`
      : e.keyword === 'const' ? `the value ${JSON.stringify(p.allowedValue)}`
      : e.keyword === 'pattern' ? `a text matching ${String(p.pattern)}`
      : `expected: ${e.message ?? e.keyword}`;
    return { path, expected: expected.startsWith('expected') ? expected : `expected ${expected}` };
  });
  return [...new Map(list.map((x) => [`${x.path} ${x.expected}`, x])).values()];
}

/** What is wrong with a profile.yaml's data by the schema (empty: valid); e.g. a pack's variant that changes the profile. */
export function profileProblems(data: unknown): { path: string; expected: string }[] {
  return validate(data) ? [] : problems(validate.errors ?? []);
}

/** The municipalities of a jeugdzorgregio in the CBS list (regions/cbs-municipalities.json). */
export function municipalitiesOf(jeugdzorgregio: string): { code: string; name: string }[] {
  return cbs.municipalities.filter((m) => m.jeugdzorgregio.toLowerCase() === jeugdzorgregio.toLowerCase()).map(({ code, name }) => ({ code, name }));
}

/** The jeugdzorgregio names of the CBS list. */
export function jeugdzorgregios(): string[] {
  return [...new Set(cbs.municipalities.map((m) => m.jeugdzorgregio))].sort();
}

/** Loads and validates the pack in `dir` (a folder with profile.yaml). */
export function loadPack(dir: string): RegionPack {
  const abs = resolve(dir);
  const profilePath = join(abs, 'profile.yaml');
  let data: unknown;
  try {
    data = parse(readFileSync(profilePath, 'utf8'));
  } catch (e) {
    if (e instanceof YAMLParseError) throw new RegionPackError(profilePath, [{ path: `line ${e.linePos?.[0]?.line ?? '?'}`, expected: `expected valid YAML: ${e.message.split('\n')[0]}` }]);
    throw e;
  }
  if (!validate(data)) throw new RegionPackError(profilePath, problems(validate.errors ?? []));
  const raw = data as Omit<RegionProfile, 'municipalities' | 'products'> & { municipalities: Municipality[] | { jeugdzorgregio: string; source: string; note?: string }; products: ProductInput[] };
  const folder = abs.split(/[\\/]/).pop()!;
  if (raw.id !== folder) throw new RegionPackError(profilePath, [{ path: 'id', expected: `expected the folder's name '${folder}', found '${raw.id}'` }]);
  let municipalities: Municipality[];
  if (Array.isArray(raw.municipalities)) municipalities = raw.municipalities;
  else {
    const { jeugdzorgregio, source, note } = raw.municipalities;
    const found = municipalitiesOf(jeugdzorgregio);
    if (!found.length) throw new RegionPackError(profilePath, [{ path: 'municipalities.jeugdzorgregio', expected: `expected a jeugdzorgregio of the CBS list, found '${jeugdzorgregio}' (known: ${jeugdzorgregios().join(', ')})` }]);
    municipalities = found.map((m) => ({ ...m, source: `${source}; CBS jeugdzorgregio ${jeugdzorgregio}`, ...(note ? { note } : {}) }));
  }
  const profile = { ...raw, municipalities, products: raw.products.map(product) } as RegionProfile;
  return { id: raw.id, dir: abs, profilePath, rulesPath: join(abs, 'rules.md'), featuresDir: join(abs, 'features'), profile };
}

const isPack = (dir: string) => existsSync(join(dir, 'profile.yaml'));

/** The folders holding packs: regions/ and those in IJW_REGION_PACKS. */
export function packRoots(env: NodeJS.ProcessEnv = process.env): string[] {
  return [REGIONS_DIR, ...(env.IJW_REGION_PACKS ?? '').split(delimiter).filter(Boolean).map((d) => resolve(d))];
}

/** Every pack, sorted by id; a second pack with the same id or rule prefix is an error. */
export function loadPacks(env: NodeJS.ProcessEnv = process.env): RegionPack[] {
  const dirs: string[] = [];
  for (const root of packRoots(env)) {
    if (!existsSync(root)) throw new RegionPackError(root, [{ path: 'IJW_REGION_PACKS', expected: 'expected an existing folder (a pack or a folder of packs)' }]);
    if (isPack(root)) dirs.push(root);
    else for (const d of readdirSync(root).sort()) if (statSync(join(root, d)).isDirectory() && isPack(join(root, d))) dirs.push(join(root, d));
  }
  const packs = dirs.map(loadPack);
  for (const [i, p] of packs.entries()) {
    const other = packs.slice(0, i).find((o) => o.id === p.id || o.profile.rulePrefix === p.profile.rulePrefix);
    if (other) throw new RegionPackError(p.profilePath, [{ path: other.id === p.id ? 'id' : 'rulePrefix', expected: `expected a value of its own: ${other.profilePath} has the same` }]);
  }
  return packs.sort((a, b) => (a.id < b.id ? -1 : 1));
}
