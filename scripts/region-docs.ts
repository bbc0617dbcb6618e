/**
 * The region reference for vendors (`docs/regions/<id>.md`), rendered from the typed region
 * profiles (regions/<id>/profile.yaml) and the rule catalogue: municipalities and codes, products with unit
 * and frequency, the contract tariffs the reference parties apply, deadlines in werkdagen, the
 * region's rules and which scenarios are optional, and the protocol's open points. A vendor
 * should never learn a tariff from a failure text. Pure: the caller reads and writes files.
 *
 * @example
 *   renderRegionDoc(getProfile('alkmaar'), { optionalScenarios: [] }) // '# Regio Alkmaar …'
 */
import type { Cited, DeclarationRule, Product, RegionProfile, Tariff } from '../regions/types.ts';
import { rulesForRegion } from '../regions/catalogue.ts';
import { nationalRuleText } from '../regions/national-texts.ts';
import { CODELISTS } from '../ijw/codelists/generated.ts';

const label = (list: keyof typeof CODELISTS, code: string): string => {
  const hit = (CODELISTS[list].codes as readonly (readonly [string, string])[]).find(([c]) => c === code);
  return hit ? `${code} (${hit[1]})` : code;
};

/** Table cells stay on one line and never close the table early. */
const cell = (s: string | number | undefined): string => String(s ?? '').replace(/\|/g, '\\|').replace(/\n/g, ' ');

const euro = (cents: number): string => `€ ${(cents / 100).toFixed(2).replace('.', ',')}`;

function tariffText(t: Tariff): string {
  // A tariff that changes per calendar year is shown per year (which year applies: the Declaration table's tariff year).
  const amount = t.byYear ? Object.entries(t.byYear).map(([y, c]) => `${y}: ${euro(c)}`).join(', ') : euro(t.cents);
  return `${amount} per ${t.per}${t.example ? ' (**stand-in**: the protocol gives no figure)' : ` (protocol: ${t.source})`}`;
}

/** A product code marked as the protocol's or as a stand-in (profile `example`). */
const codeText = (x: Product): string => (x.example ? `${x.code} (**stand-in**)` : x.code);

/**
 * Which values of the products table come from the protocol and which are stand-ins the harness
 * uses because the protocol gives none (`example` in the profile), and how a vendor configures them.
 */
function provenance(p: RegionProfile): string[] {
  const list = (xs: string[]) => (xs.length ? xs.join(', ') : 'none');
  const codesFrom = p.products.filter((x) => !x.example).map((x) => `${x.code} (${x.source})`);
  const codesStandIn = p.products.filter((x) => x.example).map((x) => x.code);
  const tariffsFrom = p.products.filter((x) => !x.tariff.example).map((x) => `${x.code} ${euro(x.tariff.cents)} (${x.tariff.source})`);
  const tariffsStandIn = p.products.filter((x) => x.tariff.example).map((x) => `${x.code} ${euro(x.tariff.cents)}`);
  return [
    'Each product code and tariff below is either **from the protocol** (with its source) or a **stand-in**: the',
    'protocol gives no code or no figure, and the harness needs one to build and judge messages. A stand-in',
    'is not a value of the region and has no meaning outside this harness: never use it in production.',
    '',
    `- Product codes from the protocol: ${list(codesFrom)}.`,
    `- Product codes that are stand-ins (code and category made up): ${list(codesStandIn)}.`,
    `- Tariffs from the protocol: ${list(tariffsFrom)}.`,
    `- Tariffs that are stand-ins: ${list(tariffsStandIn)}.`,
    '',
    `**How to configure them.** Give your system's test environment for this region every row of the table,`,
    'stand-ins included, as its product list and contract tariffs: the scenarios allocate, request and',
    'declare these codes (with this eenheid and frequentie), and the reference parties apply exactly these',
    'tariffs, so a declaration at another tariff is rejected with 0611 (TR418). The values live in',
    `[regions/${p.id}/profile.yaml](../../regions/${p.id}/profile.yaml) (\`example: true\` marks a stand-in); the harness has no option to`,
    'replace them. In production use your contract\'s product codes and tariffs.',
    '',
  ];
}

function declaredAs(r: DeclarationRule): string {
  switch (r.kind) {
    case 'per-unit':
      return 'delivered volume × tariff, in the allocated unit';
    case 'etmalen':
      return 'etmalen of the month × etmaalprijs';
    case 'percentage-after-start-stop':
      return `${r.afterStart}% of the tariff after the JW305, ${r.afterStopReden.percentage}% after a JW307 with reden ${r.afterStopReden.reden.join('/')}`;
    case 'monthly-fraction-of-yearly':
      return `1/${r.fraction} of the yearly tariff per month (eenheid 82, volume 1)`;
    case 'full-after-start':
      return '100% of the tariff after the JW305';
    case 'euro-per-week':
      return 'the amount in eurocents per week (eenheid 83)';
  }
}

/** `answerRequest` → `answer request`. */
const words = (key: string): string => key.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();

const DEADLINE_TEXT: Record<string, string> = {
  retour: 'technical retour (302/306/308/316/318/320) after the message',
  toewijzingRetour: 'JW302 after the JW301',
  startRetour: 'JW306 after the JW305',
  stopRetour: 'JW308 after the JW307',
  verzoekRetour: 'JW316 after the JW315',
  answerRequest: 'JW301 or JW319 after a JW315/JW317',
  answerRequestExtended: 'JW301 after a JW315 when parental authority is checked',
  inOnderzoekWeeks: 'final JW301/JW319 after a JW319 "in onderzoek" (weeks)',
  start: 'JW305 after the actual start',
  stop: 'JW307 after the actual end',
  declarationAnswer: 'JW325 after the JW323',
  requestAfterIntake: 'JW315 after the intake',
};

function value(v: unknown): string {
  if (Array.isArray(v)) return v.join(', ');
  if (typeof v === 'boolean') return v ? 'yes' : 'no';
  if (v && typeof v === 'object') return Object.entries(v).map(([k, x]) => `${words(k)} ${value(x)}`).join(', ');
  return String(v);
}

function citedTable(title: string, obj: object): string[] {
  const rows = Object.entries(obj).filter(([, c]) => c && typeof c === 'object' && 'value' in c) as [string, Cited<unknown>][];
  if (!rows.length) return [];
  return [`## ${title}`, '', '| what | value | source | note |', '|---|---|---|---|', ...rows.map(([k, c]) => `| ${cell(words(k))} | ${cell(value(c.value))} | ${cell(c.source)} | ${cell(c.note)} |`), ''];
}

export interface RegionDocInput {
  /** Scenario names tagged `@optional` for this region (national and regional features). */
  optionalScenarios: string[];
}

export function renderRegionDoc(p: RegionProfile, input: RegionDocInput): string {
  const rules = rulesForRegion(p.id).filter((r) => r.scope === p.id);
  const lines: string[] = [
    `# ${p.name} (\`${p.id}\`): reference for vendors`,
    '',
    `Generated from its region pack ([regions/${p.id}/profile.yaml](../../regions/${p.id}/profile.yaml), [rules.md](../../regions/${p.id}/rules.md)) by \`npm run gen:docs\`; do not edit by hand (a test fails when this file is stale).`,
    `Protocol: seed \`${p.seed}\`. Certify with \`npm run conformance -- --region ${p.id} --role gemeente|aanbieder --sut <url>\`; the contract is in [ADAPTER-PROTOCOL.md](../ADAPTER-PROTOCOL.md).`,
    '',
    '## Municipalities',
    '',
    'The harness plays, or configures your SUT as, the first one unless a scenario names another.',
    '',
    '| CBS code | name | source | note |',
    '|---|---|---|---|',
    ...p.municipalities.map((m) => `| ${m.code} | ${cell(m.name)} | ${cell(m.source)} | ${cell([m.declarationRoute ? `declaration route ${m.declarationRoute}` : '', m.processedBy ? `declarations processed by ${m.processedBy}` : '', m.note ?? ''].filter(Boolean).join('; '))} |`),
    '',
    ...(p.formerMunicipalities?.length
      ? ['Former municipalities (never used in messages): ' + p.formerMunicipalities.map((m) => `${m.code} ${m.name} (merged into ${m.mergedInto} on ${m.mergedOn})`).join('; ') + '.', '']
      : []),
    '## Messages used',
    '',
    `${p.messages.value.join(', ')} (${p.messages.source}${p.messages.note ? `; ${p.messages.note}` : ''})`,
    '',
    '## Products and contract tariffs',
    '',
    ...provenance(p),
    '| code | category | name | eenheid | frequentie | declared as | contract tariff | source | note |',
    '|---|---|---|---|---|---|---|---|---|',
    ...p.products.map((x) => `| ${codeText(x)} | ${label('JZ020', x.category)} | ${cell(x.name)} | ${label('WJ756', x.eenheid)} | ${label('WMO757', x.frequentie)} | ${cell(declaredAs(x.declarationRule))} | ${cell(tariffText(x.tariff))} | ${cell(x.source)} | ${cell([x.note, x.tariff.note].filter(Boolean).join(' '))} |`),
    '',
    '## Deadlines',
    '',
    'In werkdagen (Monday–Friday minus Dutch public holidays) unless stated, from the triggering date to the Dagtekening of the answer.',
    '',
    '| deadline | value | source | note |',
    '|---|---|---|---|',
    ...Object.entries(p.deadlines).filter(([, c]) => c).map(([k, c]) => `| ${cell(DEADLINE_TEXT[k] ?? words(k))} | ${(c as Cited<number>).value} | ${cell((c as Cited<number>).source)} | ${cell((c as Cited<number>).note)} |`),
    '',
    ...citedTable('Allocation', p.allocation),
    ...citedTable('Start and stop', p.startStop),
    ...citedTable('Declaration', p.declaration),
    '## Rules of this region',
    '',
    'National rules apply too (see the HTML report\'s rule matrix). Scenarios tagged `@optional` do not count for the verdict.',
    '',
    '| rule | what | source |',
    '|---|---|---|',
    ...rules.map((r) => `| ${r.id} | ${cell(r.text)} | ${cell(r.source)} |`),
    '',
    `Optional scenarios: ${input.optionalScenarios.length ? input.optionalScenarios.map((s) => `“${s}”`).join(', ') : 'none (every scenario of this region counts for the verdict)'}.`,
    '',
    ...nationalWinsSection(p),
    '## Open points',
    '',
    'What the protocol leaves open, garbles or contradicts; the suite does not judge these beyond what is stated above.',
    '',
    '| topic | open | source |',
    '|---|---|---|',
    ...p.open.map((o) => `| ${cell(o.topic)} | ${cell(o.open)} | ${cell(o.source)} |`),
    '',
  ];
  return lines.join('\n');
}

/** The rows where a national rule wins over the protocol's text, both texts side by side (for the protocol's authors). */
function nationalWinsSection(p: RegionProfile): string[] {
  const wins = p.nationalWins ?? [];
  return [
    '## Where a national rule wins over the protocol',
    '',
    wins.length
      ? 'The protocol\'s text conflicts here with a binding national rule (shared/RULES.md says which wins); the scenarios demand what the national rule says.'
      : 'No rule of this region conflicts with a national rule.',
    '',
    ...(wins.length
      ? [
          '| rule | the protocol says | national rule | the standard says | why the national rule wins |',
          '|---|---|---|---|---|',
          ...wins.map((w) => `| ${w.rule} | “${cell(w.seedText)}” (${cell(w.source)}) | ${w.national.join(', ')} | ${cell(w.national.map((id) => `${id}: “${nationalRuleText(id) ?? '?'}”`).join(' '))} | ${cell(w.why)} |`),
          '',
        ]
      : []),
  ];
}

export function renderRegionIndex(profiles: readonly RegionProfile[]): string {
  return [
    '# Region reference',
    '',
    'One page per region, generated from the region packs (regions/<id>/, see [REGION-PACKS.md](../REGION-PACKS.md)) by `npm run gen:docs` (a test fails when they are stale).',
    '',
    '| region | id | municipalities | products |',
    '|---|---|---|---|',
    ...profiles.map((p) => `| [${p.name}](${p.id}.md) | \`${p.id}\` | ${p.municipalities.length} | ${p.products.length} |`),
    '',
  ].join('\n');
}

/** Names of scenarios tagged `@optional` in Gherkin source (tags on the lines above `Scenario`). */
export function optionalScenarios(feature: string): string[] {
  const out: string[] = [];
  let tags: string[] = [];
  let featureOptional = false;
  for (const line of feature.split('\n').map((l) => l.trim())) {
    if (line.startsWith('@')) tags.push(...line.split(/\s+/));
    else if (/^Feature:/.test(line)) {
      featureOptional = tags.includes('@optional');
      tags = [];
    } else if (/^Scenario( Outline)?:/.test(line)) {
      if (featureOptional || tags.includes('@optional')) out.push(line.replace(/^Scenario( Outline)?:\s*/, ''));
      tags = [];
    } else if (line && !line.startsWith('#')) tags = [];
  }
  return out;
}
