/**
 * The schema-driven core: a fast-check arbitrary for any element declaration of the generated
 * descriptors, valid against the XSD by construction (occurrences, enumerations, patterns,
 * lengths, integer ranges, real dates, times). The per-message arbitraries layer business
 * content on top of it; on its own it is the "anything the XSD allows" generator.
 */
import fc from 'fast-check';
import type { ComplexType, ElementDecl, SimpleType } from '../../ijw/schema/types.ts';
import { checkSimple } from '../../ijw/schema/simple-types.ts';

export interface FromSchemaConstraints {
  /** Cap for `maxOccurs="unbounded"` (and for large finite maxima). Default 3. */
  maxOccurs?: number;
  /** Window for `xs:date` values, inclusive, `YYYY-MM-DD`. Default 2021-01-01 … 2026-06-30. */
  dates?: { min: string; max: string };
  /** How often optional elements appear: 'sometimes' (default), 'always' or 'never'. */
  optional?: 'sometimes' | 'always' | 'never';
  /** Replacement arbitraries by simple type name (`LDT_Commentaar`) or element name (`Bsn`). */
  overrides?: Readonly<Record<string, fc.Arbitrary<unknown>>>;
}

const DEFAULT_DATES = { min: '2021-01-01', max: '2026-06-30' } as const;
const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;

/** Checks a constraints object at once, naming the arbitrary and the bad value. */
export function checkFromSchemaConstraints(name: string, c: FromSchemaConstraints): void {
  if (c.maxOccurs !== undefined && (!Number.isInteger(c.maxOccurs) || c.maxOccurs < 1)) {
    throw new RangeError(`${name}: constraints.maxOccurs must be an integer ≥ 1, got ${String(c.maxOccurs)}`);
  }
  if (c.dates) {
    for (const k of ['min', 'max'] as const) {
      if (!DATE_RE.test(c.dates[k]) || Number.isNaN(Date.parse(`${c.dates[k]}T00:00:00Z`))) {
        throw new RangeError(`${name}: constraints.dates.${k} must be a date YYYY-MM-DD, got '${c.dates[k]}'`);
      }
    }
    if (c.dates.min > c.dates.max) throw new RangeError(`${name}: constraints.dates.min '${c.dates.min}' is after dates.max '${c.dates.max}'`);
  }
  if (c.optional !== undefined && !['sometimes', 'always', 'never'].includes(c.optional)) {
    throw new RangeError(`${name}: constraints.optional must be 'sometimes', 'always' or 'never', got '${String(c.optional)}'`);
  }
}

/**
 * Translates an XSD regular expression to a JS one: implicitly anchored, `\s` = [ \t\n\r],
 * `\S` its complement, `.` = any character but CR/LF (also inside classes, where XSD `.` is
 * literal). `forGeneration` narrows whitespace to space/tab/LF: a raw CR would be turned into
 * LF by any conformant XML parser (end-of-line handling), so it could not round-trip.
 * @example xsdPatternToRegExp('[0-9]{4}').test('0363') // true
 */
export function xsdPatternToRegExp(pattern: string, forGeneration = false): RegExp {
  const ws = forGeneration ? ' \\t\\n' : ' \\t\\n\\r';
  let out = '';
  let inClass = false;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    if (c === '\\' && i + 1 < pattern.length) {
      const n = pattern[++i]!;
      if (n === 's') out += inClass ? ws : `[${ws}]`;
      else if (n === 'S') out += inClass ? '\\S' : `[^${ws}]`;
      else out += `\\${n}`;
    } else if (c === '[') {
      inClass = true;
      out += c;
    } else if (c === ']') {
      inClass = false;
      out += c;
    } else if (c === '.' && !inClass) {
      out += '[^\\n\\r]';
    } else if (c === '.' && inClass) {
      out += '\\.';
    } else out += c;
  }
  return new RegExp(`^(?:${out})$`, 'u');
}

/** A character that is safe in XML text and survives a round trip (no controls, no CR). */
const safeChar = fc.oneof(
  { weight: 8, arbitrary: fc.integer({ min: 0x20, max: 0x7e }).map((n) => String.fromCharCode(n)) },
  { weight: 1, arbitrary: fc.constantFrom('é', 'ë', 'ï', 'ö', 'ü', 'Ç', 'ß', '€', '–', '’', '\t') },
);

function dayNumber(d: string): number {
  return Math.floor(Date.parse(`${d}T00:00:00Z`) / 86_400_000);
}
function fromDayNumber(n: number): string {
  return new Date(n * 86_400_000).toISOString().slice(0, 10);
}

/** A real date `YYYY-MM-DD` between min and max inclusive. */
export function arbDateBetween(min: string, max: string): fc.Arbitrary<string> {
  return fc.integer({ min: dayNumber(min), max: dayNumber(max) }).map(fromDayNumber);
}

/** A time `hh:mm:ss` without time zone (LDT_Tijd forbids one). */
export const arbTime: fc.Arbitrary<string> = fc
  .tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }), fc.integer({ min: 0, max: 59 }))
  .map(([h, m, s]) => [h, m, s].map((n) => String(n).padStart(2, '0')).join(':'));

/** The arbitrary of a simple type: every value passes the engine's `checkSimple`. */
export function arbSimpleType(type: SimpleType, constraints: FromSchemaConstraints = {}): fc.Arbitrary<string | number> {
  const valid = (v: string | number) => checkSimple(type, String(v)).problem === undefined;
  let arb: fc.Arbitrary<string | number>;
  if (type.enumeration) {
    arb = fc.constantFrom(...type.enumeration);
  } else if (type.base === 'integer') {
    const literal = type.patterns?.[0]?.every((p) => /^\d+$/.test(p));
    arb = literal
      ? fc.constantFrom(...type.patterns![0]!.map(Number))
      : fc.integer({ min: type.minInclusive ?? 0, max: Math.min(type.maxInclusive ?? Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER) });
  } else if (type.base === 'date') {
    const w = constraints.dates ?? DEFAULT_DATES;
    arb = arbDateBetween(w.min, w.max);
  } else if (type.base === 'time') {
    arb = arbTime;
  } else if (type.patterns?.length) {
    const size = (type.maxLength ?? 100) <= 12 ? 'xsmall' : 'small';
    // Generate from one derivation step; the final filter enforces the others and the lengths.
    arb = fc.oneof(...type.patterns[0]!.map((p) => fc.stringMatching(xsdPatternToRegExp(p, true), { size })));
  } else {
    const minLength = type.minLength ?? 0;
    arb = fc.string({ unit: safeChar, minLength, maxLength: Math.min(type.maxLength ?? 40, Math.max(minLength, 40)) });
  }
  // xmlbuilder2 (engine.ts) emits `&name;` / `&#n;` in text unescaped, so such a value would not
  // round-trip (or not even be well-formed): keep it out until the engine escapes it.
  return arb.filter((v) => valid(v) && !(typeof v === 'string' && ENTITY_LIKE.test(v)));
}

const ENTITY_LIKE = /&[^\s&;<>]*;/;

/** Options for fc.record: which keys are required, and the per-child arbitraries. */
function arbComplex(type: ComplexType, constraints: FromSchemaConstraints): fc.Arbitrary<Record<string, unknown>> {
  const model: Record<string, fc.Arbitrary<unknown>> = {};
  const required: string[] = [];
  const optionalMode = constraints.optional ?? 'sometimes';
  for (const child of type.children) {
    if (child.min === 0 && optionalMode === 'never') continue;
    model[child.name] = arbOccurrences(child, constraints);
    if (child.min > 0 || optionalMode === 'always') required.push(child.name);
  }
  return fc.record(model, { requiredKeys: required, noNullPrototype: true }) as fc.Arbitrary<Record<string, unknown>>;
}

function arbOccurrences(decl: ElementDecl, constraints: FromSchemaConstraints): fc.Arbitrary<unknown> {
  const one = arbValueOf(decl, constraints);
  if (decl.max <= 1) return one;
  const cap = Math.max(decl.min, Math.min(decl.max, constraints.maxOccurs ?? 3));
  return fc.array(one, { minLength: Math.max(decl.min, 1), maxLength: Math.max(cap, 1) });
}

function arbValueOf(decl: ElementDecl, constraints: FromSchemaConstraints): fc.Arbitrary<unknown> {
  const o = constraints.overrides;
  if (o) {
    const byElement = o[decl.name];
    if (byElement) return byElement;
    const byType = o[decl.type.name];
    if (byType) return byType;
  }
  return decl.type.kind === 'complex' ? arbComplex(decl.type, constraints) : arbSimpleType(decl.type, constraints);
}

/**
 * The arbitrary of an element's content: a model object for a complex element (repeated
 * children as arrays, optional ones sometimes absent), a string or number for a simple one.
 * @example fc.sample(arbFromSchema(jw305.root), 1) // [{ Header: {…}, Client: {…} }]
 */
export function arbFromSchema<T = unknown>(decl: ElementDecl, constraints: FromSchemaConstraints = {}): fc.Arbitrary<T> {
  checkFromSchemaConstraints('arbFromSchema', constraints);
  return arbValueOf(decl, constraints) as fc.Arbitrary<T>;
}
