/**
 * Shared pieces of the per-message arbitraries: constraints checking, dates as day numbers,
 * headers, parties, persons (faker nl, seeded from fast-check), product terms that satisfy the
 * Omvang/Budget conditions, and `layer` (business content over the schema arbitrary).
 */
import fc from 'fast-check';
import { Faker, nl, en, base, generateMersenne32Randomizer } from '@faker-js/faker';
import { BERICHT_CODES, type MessageCode } from '../../ijw/messages/codes.ts';
import { messages } from '../../ijw/messages/registry.ts';
import { arbFromSchema } from './from-schema.ts';
import type { CdtGeboortedatum, CdtOmvang, CdtProduct, CdtVerkorteNaam, CdtVolledigeNaam } from '../../ijw/schema/generated/basisschema.ts';
import { CATEGORIEEN, XSD_VERSIE, fromDay, productCode, toDay, type Categorie } from './plain.ts';

// The plain blocks live in plain.ts (no fast-check or faker); exported here as before.
export { CATEGORIEEN, XSD_VERSIE, fromDay, monthOf, productCode, toDay, type Categorie } from './plain.ts';

// ---------------------------------------------------------------- constraints

export interface MessageConstraints {
  /** The gemeente's CBS code (4 digits). Default: one of a few real codes. */
  gemeente?: string;
  /** The aanbieder's AGB code (8 digits). Default: generated. */
  aanbieder?: string;
  /** Window for the message's Dagtekening (inclusive, YYYY-MM-DD). Default 2022-01-01 … 2026-06-30. */
  dagtekening?: { min: string; max: string };
  /** Cap for repeated classes (products, clients, prestaties, relaties). Default 3. */
  maxItems?: number;
}

export interface Resolved {
  gemeente?: string;
  aanbieder?: string;
  minDay: number;
  maxDay: number;
  maxItems: number;
}

const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;
const isDate = (s: unknown): s is string => typeof s === 'string' && DATE_RE.test(s) && toDay(s) === toDay(s) && fromDay(toDay(s)) === s;

/** Checks a constraints object at once; the error names the arbitrary and the bad value. */
export function resolveConstraints(name: string, c: MessageConstraints | undefined, extra: readonly string[] = []): Resolved {
  const given = c ?? {};
  if (typeof given !== 'object') throw new TypeError(`${name}: constraints must be an object, got ${JSON.stringify(given)}`);
  const known = new Set(['gemeente', 'aanbieder', 'dagtekening', 'maxItems', ...extra]);
  for (const k of Object.keys(given)) if (!known.has(k)) throw new TypeError(`${name}: unknown constraint '${k}' (known: ${[...known].join(', ')})`);
  if (given.gemeente !== undefined && !/^\d{4}$/.test(given.gemeente)) {
    throw new RangeError(`${name}: constraints.gemeente must be a 4-digit CBS code such as '0361', got ${JSON.stringify(given.gemeente)}`);
  }
  if (given.aanbieder !== undefined && !/^\d{8}$/.test(given.aanbieder)) {
    throw new RangeError(`${name}: constraints.aanbieder must be an 8-digit AGB code, got ${JSON.stringify(given.aanbieder)}`);
  }
  const w = given.dagtekening ?? { min: '2022-01-01', max: '2026-06-30' };
  if (!isDate(w.min) || !isDate(w.max)) {
    throw new RangeError(`${name}: constraints.dagtekening must be { min, max } existing dates YYYY-MM-DD, got ${JSON.stringify(given.dagtekening)}`);
  }
  if (w.min > w.max) throw new RangeError(`${name}: constraints.dagtekening.min '${w.min}' is after max '${w.max}'`);
  // The declaration rules need dates from 2021 on (CS100) and a month before the Dagtekening.
  if (w.min < '2021-03-01') throw new RangeError(`${name}: constraints.dagtekening.min must be 2021-03-01 or later, got '${w.min}'`);
  const maxItems = given.maxItems ?? 3;
  if (!Number.isInteger(maxItems) || maxItems < 1 || maxItems > 20) {
    throw new RangeError(`${name}: constraints.maxItems must be an integer 1…20, got ${JSON.stringify(given.maxItems)}`);
  }
  return { gemeente: given.gemeente, aanbieder: given.aanbieder, minDay: toDay(w.min), maxDay: toDay(w.max), maxItems };
}

// ---------------------------------------------------------------- header and parties

/** A few real CBS codes (2026), regions the harness profiles cover among them. */
export const GEMEENTEN = ['0361', '0363', '0344', '0599', '0080', '0014', '0202', '0268', '0758', '0772', '0855', '1581'] as const;

export const arbGemeente = fc.constantFrom(...GEMEENTEN);
/** AGB code of a jeugdhulp aanbieder: 8 digits (vektis type 98 is jeugdhulp). */
export const arbAgb = fc.integer({ min: 0, max: 999_999 }).map((n) => `98${String(n).padStart(6, '0')}`);

/** A test BSN (999900006 … 999999990) that passes the elfproef (CS002). */
export const arbTestBsn = fc
  .integer({ min: 99_990_000, max: 99_999_999 })
  .map((prefix) => {
    const d = String(prefix).split('').map(Number);
    const check = d.reduce((s, x, i) => s + x * (9 - i), 0) % 11;
    return `${prefix}${check}`;
  })
  // A remainder of 10 has no check digit; 999900006 is the lowest test BSN.
  .filter((b) => b.length === 9 && b >= '999900006' && b <= '999999990');

export const arbIdentificatie = fc
  .tuple(fc.constantFrom('B', 'JW', 'MSG', 'ID'), fc.integer({ min: 1, max: 99_999_999 }))
  .map(([p, n]) => `${p}${n}`.slice(0, 12));

export type Direction = 'gemeente→aanbieder' | 'aanbieder→gemeente';
/** Who sends which heen message (FLOWS.md); retours copy Afzender/Ontvanger from the heen message. */
export const DIRECTION: Record<MessageCode, Direction> = {
  JW301: 'gemeente→aanbieder', JW302: 'gemeente→aanbieder', JW319: 'gemeente→aanbieder', JW320: 'gemeente→aanbieder', JW325: 'gemeente→aanbieder',
  JW305: 'aanbieder→gemeente', JW306: 'aanbieder→gemeente', JW307: 'aanbieder→gemeente', JW308: 'aanbieder→gemeente',
  JW315: 'aanbieder→gemeente', JW316: 'aanbieder→gemeente', JW317: 'aanbieder→gemeente', JW318: 'aanbieder→gemeente', JW323: 'aanbieder→gemeente',
};

export interface HeaderParts {
  gemeente: string;
  aanbieder: string;
  identificatie: string;
  /** Dagtekening as a day number. */
  day: number;
}

export function arbHeaderParts(r: Resolved): fc.Arbitrary<HeaderParts> {
  return fc.record({
    gemeente: r.gemeente ? fc.constant(r.gemeente) : arbGemeente,
    aanbieder: r.aanbieder ? fc.constant(r.aanbieder) : arbAgb,
    identificatie: arbIdentificatie,
    day: fc.integer({ min: r.minDay, max: r.maxDay }),
  });
}

/** The fixed part of every header: codes from the definition, versions 3/2, XsdVersie per IV034. */
export function heenHeader(code: MessageCode, h: HeaderParts) {
  const g2a = DIRECTION[code] === 'gemeente→aanbieder';
  return {
    BerichtCode: BERICHT_CODES[code],
    BerichtVersie: 3,
    BerichtSubversie: 2,
    Afzender: g2a ? h.gemeente : h.aanbieder,
    Ontvanger: g2a ? h.aanbieder : h.gemeente,
    BerichtIdentificatie: { Identificatie: h.identificatie, Dagtekening: fromDay(h.day) },
    XsdVersie: { ...XSD_VERSIE },
  };
}

// ---------------------------------------------------------------- persons (faker nl)

/** A Faker (nl) driven by a seed fast-check drew, so the data replays from the run's seed. */
export function fakerFor(seed: number): Faker {
  return new Faker({ locale: [nl, en, base], randomizer: generateMersenne32Randomizer(seed) });
}
export const arbSeed = fc.noShrink(fc.integer({ min: 0, max: 0x7fff_ffff }));

const clip = (s: string, n: number) => s.slice(0, n).trim() || 'X';
const VOORVOEGSELS = ['van', 'de', 'van der', 'van den', 'ter', "in 't"] as const;

function achternaam(f: Faker) {
  const withPrefix = f.number.int(9) < 2;
  return withPrefix
    ? { Achternaam: clip(f.person.lastName().replace(/^(van|de|der|den|ter)\s+/i, ''), 200), Voorvoegsel: f.helpers.arrayElement(VOORVOEGSELS) }
    : { Achternaam: clip(f.person.lastName(), 200) };
}

function voorletters(voornamen: string): string {
  const letters = voornamen.split(/\s+/).map((v) => v.normalize('NFC')[0] ?? '').filter((c) => /[a-zA-ZÀ-ỳ]/u.test(c));
  return (letters.join('') || 'J').slice(0, 6).toUpperCase();
}

export function verkorteNaam(seed: number): CdtVerkorteNaam {
  const f = fakerFor(seed);
  const voornamen = `${f.person.firstName()}${f.datatype.boolean() ? ` ${f.person.firstName()}` : ''}`;
  const n: CdtVerkorteNaam = { Geslachtsnaam: achternaam(f), Voorletters: voorletters(voornamen) };
  if (f.datatype.boolean()) n.Voornamen = clip(voornamen, 200);
  return n;
}

/** CS050 / CS318: a partner name allows NaamGebruik 1-4, otherwise 1 (6 only for a relatie that is no person: not used). */
export function volledigeNaam(seed: number): CdtVolledigeNaam {
  const f = fakerFor(seed);
  const voornamen = f.person.firstName();
  const partner = f.number.int(9) < 3;
  const n: CdtVolledigeNaam = { Geslachtsnaam: achternaam(f), Voornamen: clip(voornamen, 200), Voorletters: voorletters(voornamen), NaamGebruik: '1' };
  if (partner) {
    n.Partnernaam = achternaam(f);
    n.NaamGebruik = f.helpers.arrayElement(['1', '2', '3', '4'] as const);
  }
  return n;
}

export interface GeboorteRaw { age: number; gebruik: undefined | '1' | '2' | '3' }
export const arbGeboorteRaw: fc.Arbitrary<GeboorteRaw> = fc.record({
  age: fc.integer({ min: 30, max: 22 * 365 }),
  gebruik: fc.constantFrom<GeboorteRaw['gebruik']>(undefined, undefined, undefined, undefined, '1', '2', '3'),
});

/**
 * A birth date 0-22 years before the Dagtekening (TR002), DatumGebruik consistent with the date
 * (CS139): 1 = day unknown (day 01), 2 = day and month unknown (01-01), 3 = unknown (1900-01-01).
 */
export function geboortedatum(raw: GeboorteRaw, day: number): CdtGeboortedatum {
  const d = fromDay(day - raw.age);
  if (raw.gebruik === undefined) return { Datum: d };
  if (raw.gebruik === '1') return { Datum: `${d.slice(0, 8)}01`, DatumGebruik: raw.gebruik };
  if (raw.gebruik === '2') return { Datum: `${d.slice(0, 5)}01-01`, DatumGebruik: raw.gebruik };
  return { Datum: '1900-01-01', DatumGebruik: raw.gebruik };
}

export const arbGeslacht = fc.constantFrom('0', '1', '2' as const);

// ---------------------------------------------------------------- products

/** Distinct categories for up to `n` products, so no two products can overlap (TR302, TR386, TR410). */
export const arbCategoryPermutation = (n: number) =>
  fc.uniqueArray(fc.integer({ min: 0, max: CATEGORIEEN.length - 1 }), { minLength: n, maxLength: n }).map((ix) => ix.map((i) => CATEGORIEEN[i]!));

export interface TermsRaw {
  mode: 'omvang' | 'budget' | 'categorie';
  codeNr: number;
  volume: number;
  eenheid: '01' | '04' | '14' | '16' | '82' | '83' | '84';
  freqPick: number;
  budget: number;
  endAfter: number | null;
}

export const arbTermsRaw: fc.Arbitrary<TermsRaw> = fc.record({
  mode: fc.constantFrom('omvang', 'omvang', 'budget', 'categorie'),
  codeNr: fc.integer({ min: 1, max: 99 }),
  volume: fc.integer({ min: 1, max: 40 }),
  eenheid: fc.constantFrom('01', '04', '14', '16', '82', '83', '84'),
  freqPick: fc.nat(),
  budget: fc.integer({ min: 10_000, max: 5_000_000 }),
  endAfter: fc.option(fc.integer({ min: 0, max: 400 }), { freq: 3 }),
});

export interface Terms {
  Product: CdtProduct;
  Omvang?: CdtOmvang;
  Budget?: number;
  /** Day number of the end date, when there is one. */
  end?: number;
}

/**
 * Product, Omvang, Budget and end date that satisfy CD041 (code ⇒ Omvang), CD077/CD078
 * (Omvang xor Budget), CD079 (no Budget ⇒ Product), CD075 (Budget ⇒ end), CD076 (per week ⇒
 * end), CD080/CD095/CD096 (no code ⇒ no Omvang) and CS338/CS343 (14/16/83/84 ⇒ freq 2/4/6).
 */
export function productTerms(raw: TermsRaw, cat: string, begin: number): Terms {
  const end = raw.endAfter === null ? undefined : begin + raw.endAfter;
  if (raw.mode === 'budget') return { Product: { Categorie: cat as Categorie }, Budget: raw.budget, end: end ?? begin + 180 };
  if (raw.mode === 'categorie') return { Product: { Categorie: cat as Categorie }, end };
  const freqs = ['14', '16', '83', '84'].includes(raw.eenheid) ? (['2', '4', '6'] as const) : (['1', '2', '4', '6'] as const);
  const freq = freqs[raw.freqPick % freqs.length]!;
  return {
    Product: { Categorie: cat as Categorie, Code: productCode(cat, raw.codeNr) },
    Omvang: { Volume: raw.eenheid === '83' ? raw.volume * 1000 : raw.volume, Eenheid: raw.eenheid, Frequentie: freq },
    end: freq === '2' || freq === '6' ? (end ?? begin + 90) : end,
  };
}

// ---------------------------------------------------------------- layering

/**
 * The schema arbitrary of a message with business content on top: the result is `patch`, plus
 * the free leaves listed in `keep` (paths like `Client.Commentaar`, `[]` for every array item)
 * copied from an XSD-valid model the schema core drew. Only leaves no in-message rule constrains
 * belong in `keep`; they exercise odd but valid text (quotes, `<`, tabs …) in build/parse.
 */
export function layered<T>(code: MessageCode, patch: fc.Arbitrary<Record<string, unknown>>, keep: readonly string[], maxItems: number): fc.Arbitrary<T> {
  const schema = arbFromSchema<Record<string, unknown>>(messages[code].root, { maxOccurs: maxItems });
  return fc.tuple(schema, patch).map(([b, p]) => {
    for (const path of keep) copyLeaf(b, p, path.split('.'));
    return p as T;
  });
}

function copyLeaf(from: unknown, to: unknown, path: string[]): void {
  if (from === undefined || from === null || to === undefined || to === null) return;
  const [head, ...rest] = path;
  if (head === undefined) return;
  const isArr = head.endsWith('[]');
  const key = isArr ? head.slice(0, -2) : head;
  const f = (from as Record<string, unknown>)[key];
  const t = to as Record<string, unknown>;
  if (f === undefined) return;
  if (rest.length === 0) {
    if (!(key in t)) t[key] = f;
    return;
  }
  if (isArr) {
    const fa = f as unknown[];
    const ta = t[key] as unknown[] | undefined;
    if (!Array.isArray(fa) || !Array.isArray(ta)) return;
    ta.forEach((item, i) => copyLeaf(fa[i % fa.length], item, rest));
  } else copyLeaf(f, t[key], rest);
}

/** Drops keys whose value is undefined (a parsed model has no such keys). */
export function compact<T extends object>(o: T): T {
  for (const k of Object.keys(o) as (keyof T)[]) if (o[k] === undefined) delete o[k];
  return o;
}
