/**
 * The rule catalogue of shared/RULES.md (version 3) as typed data: every rule the conformance
 * suite tests, with its stable id, whose software it judges (and for whom it is optional), the
 * messages involved, the protocol clause it comes from, the flow it belongs to and whether it can
 * be tested yet. The rules themselves are generated from RULES.md's national part and the packs' rules.md (`npm run gen:catalogue`, into
 * `catalogue-rules.ts`); scenarios tag these ids (`@rule:ALK-T2`); reports show
 * rule → scenario → verdict.
 *
 * `source` is RULES.md's source column; for regional rules it is prefixed with the seed number
 * (e.g. "004 §2.4.1") so every citation names its document.
 *
 * @example
 *   findRule('ALK-T2')?.source            // "004 T-2, T-4"
 *   rulesForRegion('fryslan').length      // national + FRL-*
 */
import { existsSync, readFileSync } from 'node:fs';
import { catalogueRules } from './catalogue-rules.ts';
import { loadPacks } from './packs.ts';
import { parseRuleTables } from './rules-parser.ts';

export { RULES_VERSION } from './catalogue-rules.ts';

/** A region id: the folder name of a region pack (regions/<id>/, or one in IJW_REGION_PACKS); see regions/packs.ts. */
export type RegionId = string;

const packs = loadPacks();

/** The ids of the loaded region packs, sorted. */
export const REGION_IDS: readonly RegionId[] = Object.freeze(packs.map((p) => p.id));

/** Which part of the message traffic a rule is about. */
export type Flow = 'toewijzing' | 'start-stop' | 'declaratie' | 'verzoek' | 'retour' | 'algemeen';

/** Whose software the rule judges: G = municipality (gemeente), A = provider (aanbieder). */
export type Certifies = 'G' | 'A';

/**
 * `testable`: scenarios are due for every role it certifies; `awaiting-data`: the protocol lacks
 * the data a scenario needs (`reason` says which); `not-testable`: no message carries it.
 */
export type RuleStatus = 'testable' | 'awaiting-data' | 'not-testable';

/** A role for which the rule, or the named part of it, is optional: its scenarios are `@optional`. */
export interface OptionalPart {
  role: Certifies;
  /** The part that is optional; absent: the whole rule is optional for this role. */
  part?: string;
}

export interface CatalogueRule {
  id: string;
  scope: 'national' | RegionId;
  text: string;
  certifies: Certifies[];
  optional: OptionalPart[];
  status: RuleStatus;
  /** Why an awaiting or untestable rule has no scenario: the missing data, or what no message carries. */
  reason?: string;
  /** Message codes the rule is checked on, e.g. ['JW307', 'JW308']. */
  messages: string[];
  /** The clause, e.g. "004 §2.4.2 lid 2"; national rules may cite several seeds. */
  source: string;
  /** File name of the (first) seed cited, or 'iJw 3.2' for the national standard. */
  sourceDocument: string;
  flow: Flow;
}

/** The protocols' own names by seed number (from the packs' protocolTitle), for citations a reader recognises ("SAP Regio Alkmaar §2.4.2"). */
export const PROTOCOL_NAMES: Readonly<Record<string, string>> = Object.freeze(Object.fromEntries(packs.map((p) => [p.profile.seed.slice(0, 3), p.profile.protocolTitle])));

/**
 * A rule's source with every seed number that opens a citation replaced by its protocol's name.
 * @example citation({ source: '004 §2.4.2 lid 2; 001 Tabel' }) // 'SAP Regio Alkmaar §2.4.2 lid 2; Factsheet berichtenverkeer Jeugdhulp Rijnmond Tabel'
 */
export function citation(r: Pick<CatalogueRule, 'source'>): string {
  return r.source.replace(/(^|;\s*)(\d{3})\b/g, (m, sep: string, n: string) => (PROTOCOL_NAMES[n] ? `${sep}${PROTOCOL_NAMES[n]}` : m));
}

/**
 * The rules of packs the generated catalogue does not hold (a pack in IJW_REGION_PACKS, or a new
 * one before `npm run gen:catalogue`), read from their rules.md now.
 */
function rulesOfNewPacks(): CatalogueRule[] {
  const known = new Set(catalogueRules.map((r) => r.scope));
  const fresh = packs.filter((p) => !known.has(p.id) && existsSync(p.rulesPath));
  if (!fresh.length) return [];
  return parseRuleTables(
    fresh.map((p) => ({ file: p.rulesPath, text: readFileSync(p.rulesPath, 'utf8') })),
    { seeds: {}, packs: fresh.map((p) => ({ id: p.id, rulePrefix: p.profile.rulePrefix, seed: p.profile.seed, flows: p.profile.flows })) },
  );
}

export const catalogue: readonly CatalogueRule[] = Object.freeze([...catalogueRules, ...rulesOfNewPacks()].map((r) => Object.freeze(r)));

const byId = new Map(catalogue.map((r) => [r.id, r]));

/** The rules a region applies: the national ones plus its own. */
export function rulesForRegion(region: RegionId): CatalogueRule[] {
  return catalogue.filter((r) => r.scope === 'national' || r.scope === region);
}

/** The rule with this id, or undefined. */
export function findRule(id: string): CatalogueRule | undefined {
  return byId.get(id);
}

/** Whether the rule (as a whole) is optional for this role. A partly optional rule stays mandatory. */
export function isOptionalFor(r: CatalogueRule, role: Certifies): boolean {
  return r.optional.some((o) => o.role === role && !o.part);
}
