/**
 * One-off conversion (issue 17): every TypeScript profile regions/<id>.ts becomes a region pack
 * regions/<id>/ — profile.yaml, rules.md (the region's section of shared/RULES.md) and features/
 * (moved from features/<id>/ with `git mv`). The TypeScript file is removed and the result staged.
 * Re-runnable: run it again after merging a branch that still adds profile fields or a region in
 * the TypeScript form; identity fields already in a pack's profile.yaml are kept. Delete this
 * script (and IDENTITY below) once no branch uses the TypeScript form any more.
 *
 *   npx tsx scripts/migrate-profiles-to-packs.ts [../shared/RULES.md]
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parse, stringify } from 'yaml';
import { loadPack } from '../regions/packs.ts';
import { rulesSection } from '../regions/rules-table.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const rulesPath = resolve(process.argv[2] ?? join(ROOT, '..', 'shared', 'RULES.md'));

/**
 * What the code used to keep about each region outside its profile (PROTOCOL_NAMES, SHORT_NAME,
 * PREFIX_SCOPE, FLOW). Used only for a pack that has no profile.yaml yet.
 */
const IDENTITY: Record<string, { shortName: string; protocolTitle: string; rulePrefix: string; flows: Record<string, string> }> = {
  alkmaar: {
    shortName: 'Alkmaar', protocolTitle: 'SAP Regio Alkmaar', rulePrefix: 'ALK',
    flows: { 'ALK-TERM-': 'retour', 'ALK-START-': 'start-stop', 'ALK-STOP-': 'start-stop', 'ALK-C': 'start-stop', 'ALK-T': 'toewijzing', 'ALK-V': 'verzoek', 'ALK-R': 'start-stop', 'ALK-D': 'declaratie', 'ALK-VOW-1': 'verzoek', 'ALK-VOW-': 'toewijzing', 'ALK-AGB-': 'toewijzing', 'ALK-CODES': 'algemeen' },
  },
  amsterdam: {
    shortName: 'Amsterdam', protocolTitle: 'Factsheet Declaratie Jeugdhulp Amsterdam-Amstelland en Zaanstreek-Waterland', rulePrefix: 'AMS',
    flows: { 'AMS-': 'declaratie' },
  },
  rijnmond: {
    shortName: 'Rijnmond', protocolTitle: 'Factsheet berichtenverkeer Jeugdhulp Rijnmond', rulePrefix: 'RIJ',
    flows: { 'RIJ-PROD-1': 'toewijzing', 'RIJ-PROD-': 'declaratie', 'RIJ-VOT-': 'verzoek', 'RIJ-TERM-1': 'retour', 'RIJ-TERM-': 'declaratie', 'RIJ-START-': 'start-stop', 'RIJ-STOP-': 'start-stop', 'RIJ-ABS-': 'start-stop', 'RIJ-LFM-': 'toewijzing', 'RIJ-DF-': 'declaratie', 'RIJ-DECL-': 'declaratie' },
  },
  fryslan: {
    shortName: 'Fryslân', protocolTitle: 'Administratieprotocol Jeugdhulp Plus en Open3Milieu Fryslân', rulePrefix: 'FRL',
    flows: { 'FRL-MSG-': 'algemeen', 'FRL-ROUTE-': 'declaratie', 'FRL-VOT-': 'verzoek', 'FRL-TOEW-': 'toewijzing', 'FRL-VOW-': 'verzoek', 'FRL-STAP-': 'toewijzing', 'FRL-PROD-': 'toewijzing', 'FRL-START-': 'start-stop', 'FRL-STOP-': 'start-stop', 'FRL-DECL-': 'declaratie', 'FRL-CODES': 'algemeen' },
  },
  utrecht: {
    shortName: 'Utrecht', protocolTitle: 'Backofficevragen Gemeente Utrecht', rulePrefix: 'UTR',
    flows: { 'UTR-MSG-': 'algemeen', 'UTR-VOT-': 'verzoek', 'UTR-TOEW-': 'toewijzing', 'UTR-START-': 'start-stop', 'UTR-STOP-': 'start-stop', 'UTR-DECL-': 'declaratie', 'UTR-CODES': 'algemeen' },
  },
  'zuid-limburg': {
    shortName: 'Zuid-Limburg', protocolTitle: 'Uitvoeringsafspraken berichtenverkeer Jeugdhulp Zuid-Limburg', rulePrefix: 'ZLM',
    flows: { 'ZLM-CODES': 'algemeen', 'ZLM-D': 'declaratie', 'ZLM-TAR-': 'declaratie', 'ZLM-CR-': 'declaratie', 'ZLM-INTREK-': 'toewijzing' },
  },
};

const git = (...args: string[]) => execFileSync('git', args, { cwd: ROOT, stdio: 'inherit' });

/** The profile object as plain data: products lose their derived `declaration` and keep the `hoursRounding` input it came from. */
function plain(profile: Record<string, unknown>): Record<string, unknown> {
  const products = (profile.products as Record<string, unknown>[]).map(({ declaration, ...p }) => {
    const d = declaration as { hoursRounding?: boolean } | undefined;
    return d?.hoursRounding ? { ...p, hoursRounding: true } : p;
  });
  return JSON.parse(JSON.stringify({ ...profile, products })) as Record<string, unknown>;
}

const SKIP = new Set(['catalogue.ts', 'catalogue-rules.ts', 'index.ts', 'types.ts', 'product.ts', 'national-texts.ts']);
// A TypeScript profile is a regions/<id>.ts that declares a RegionProfile.
const files = readdirSync(join(ROOT, 'regions')).filter((f) => /^[a-z][a-z-]*\.ts$/.test(f) && !SKIP.has(f) && /: RegionProfile = \{/.test(readFileSync(join(ROOT, 'regions', f), 'utf8')));
const rules = readFileSync(rulesPath, 'utf8');

/** features/<id>/ → regions/<id>/features/ (into an existing folder file by file). */
function moveFeatures(id: string): void {
  const from = join(ROOT, 'features', id);
  if (!existsSync(from)) return;
  const to = join(ROOT, 'regions', id, 'features');
  if (!existsSync(to)) git('mv', `features/${id}`, `regions/${id}/features`);
  else {
    for (const f of readdirSync(from)) git('mv', '-f', `features/${id}/${f}`, `regions/${id}/features/${f}`);
    rmSync(from, { recursive: true, force: true });
  }
  console.log(`moved features/${id} → regions/${id}/features`);
}

for (const file of files) {
  const mod = (await import(pathToFileURL(join(ROOT, 'regions', file)).href)) as Record<string, unknown>;
  const profile = Object.values(mod).find((v): v is Record<string, unknown> => typeof v === 'object' && v !== null && 'municipalities' in v && 'seed' in v);
  if (!profile) { console.log(`skip regions/${file}: exports no profile`); continue; }
  const id = profile.id as string;
  const dir = join(ROOT, 'regions', id);
  mkdirSync(dir, { recursive: true });
  const yamlPath = join(dir, 'profile.yaml');
  const old = existsSync(yamlPath) ? (parse(readFileSync(yamlPath, 'utf8')) as Record<string, unknown>) : {};
  const ident = IDENTITY[id];
  const identity = {
    shortName: old.shortName ?? ident?.shortName ?? profile.name,
    protocolTitle: old.protocolTitle ?? ident?.protocolTitle ?? profile.name,
    rulePrefix: old.rulePrefix ?? ident?.rulePrefix ?? id.slice(0, 3).toUpperCase(),
    flows: old.flows ?? ident?.flows ?? {},
  };
  const { id: _id, name, seed, ...rest } = plain(profile);
  const out = { id, name, ...identity, seed, ...rest };
  writeFileSync(yamlPath, `# Region pack profile: see docs/REGION-PACKS.md; validated against docs/schemas/region.schema.json.\n${stringify(out, { lineWidth: 0 })}`);
  console.log(`wrote regions/${id}/profile.yaml`);
  // A field a branch added in the TypeScript form must be added to regions/profile-schema.ts too.
  try { loadPack(dir); } catch (e) { console.log(`regions/${id}/profile.yaml does not pass the schema yet (extend regions/profile-schema.ts, then npm run gen:region-schema):\n  ${(e as Error).message}`); }
  const section = rulesSection(rules, id);
  if (section) { writeFileSync(join(dir, 'rules.md'), section); console.log(`wrote regions/${id}/rules.md`); }
  else console.log(`regions/${id}: no section for \`${id}\` in ${rulesPath}; write rules.md by hand`);
  moveFeatures(id);
  git('rm', '-q', '--cached', '--ignore-unmatch', `regions/${file}`);
  rmSync(join(ROOT, 'regions', file));
  git('add', `regions/${id}`);
}
// Feature files a merge left in features/<id>/ of a region that is already a pack.
for (const d of readdirSync(join(ROOT, 'features'))) if (d !== 'national' && existsSync(join(ROOT, 'regions', d, 'profile.yaml'))) moveFeatures(d);
console.log('Now: npm run gen:catalogue && npm run gen:docs && npm run gen:action-schema && npm run region -- check <id> for each pack');
