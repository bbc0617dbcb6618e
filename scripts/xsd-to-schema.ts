/**
 * Generates `ijw/schema/generated/*.ts` from the official iJw 3.2 XSDs: schema descriptors
 * (what the engine walks to build, parse and validate) and the TypeScript model interfaces.
 * Run `npm run gen:schemas` after the XSDs change; the output is committed so the product
 * never needs the XSDs at run time.
 *
 * Usage: tsx scripts/xsd-to-schema.ts <xsd-dir> <out-dir>
 */
import { XMLParser } from 'fast-xml-parser';
import { readFileSync, writeFileSync, readdirSync, mkdirSync } from 'node:fs';
import { join, basename } from 'node:path';

type X = Record<string, any>;
const arr = <T>(v: T | T[] | undefined): T[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', removeNSPrefix: true, isArray: () => false });
const [xsdDir = '../shared/reference/xsd', outDir = 'ijw/schema/generated'] = process.argv.slice(2);
mkdirSync(outDir, { recursive: true });

interface Facets { base: string; patterns: string[][]; enumeration?: string[]; minLength?: number; maxLength?: number; minInclusive?: number; maxInclusive?: number }

function loadSchema(file: string): X {
  return parser.parse(readFileSync(join(xsdDir, file), 'utf8')).schema;
}

const basis = loadSchema('basisschema.xsd');
const basisSimple = new Map<string, X>(arr<X>(basis.simpleType).map((t) => [t['@name'], t]));
const basisComplex = new Map<string, X>(arr<X>(basis.complexType).map((t) => [t['@name'], t]));

const local = (qname: string) => qname.split(':').pop()!;
const prefix = (qname: string) => (qname.includes(':') ? qname.split(':')[0] : '');

/** Resolves a simple type (named in basisschema, or an anonymous restriction) to its facets. */
function facetsOf(restriction: X): Facets {
  const baseQ: string = restriction['@base'];
  let f: Facets;
  if (prefix(baseQ) === 'xs') {
    const b = local(baseQ);
    f = { base: b === 'integer' ? 'integer' : b === 'date' ? 'date' : b === 'time' ? 'time' : 'string', patterns: [] };
    if (!['integer', 'date', 'time', 'string'].includes(b)) throw new Error(`unsupported base ${baseQ}`);
  } else {
    const named = basisSimple.get(local(baseQ));
    if (!named) throw new Error(`unknown simple type ${baseQ}`);
    f = structuredClone(facetsOf(named.restriction));
  }
  const pats = arr<X>(restriction.pattern).map((p) => String(p['@value']));
  if (pats.length) f.patterns.push(pats);
  const enums = arr<X>(restriction.enumeration).map((e) => String(e['@value']));
  if (enums.length) f.enumeration = enums;
  for (const k of ['minLength', 'maxLength', 'minInclusive', 'maxInclusive'] as const) {
    if (restriction[k]) f[k] = Number(restriction[k]['@value']);
  }
  return f;
}

const tsName = (n: string) => n.replace(/^CDT_/, 'Cdt').replace(/^LDT_/, 'Ldt');
const lit = (v: unknown) => JSON.stringify(v);

function simpleDecl(name: string, f: Facets): string {
  const parts = [`kind: 'simple'`, `name: ${lit(name)}`, `base: ${lit(f.base)}`];
  if (f.patterns.length) parts.push(`patterns: ${lit(f.patterns)}`);
  if (f.enumeration) parts.push(`enumeration: ${lit(f.enumeration)}`);
  for (const k of ['minLength', 'maxLength', 'minInclusive', 'maxInclusive'] as const) if (f[k] !== undefined) parts.push(`${k}: ${f[k]}`);
  return `{ ${parts.join(', ')} }`;
}

function tsTypeOf(f: Facets): string {
  if (f.base === 'integer') return 'number';
  if (f.enumeration) return f.enumeration.map(lit).join(' | ');
  return 'string';
}

/** Emits one module: simple and complex type descriptors plus model interfaces. */
class Emitter {
  out: string[] = [];
  types: string[] = [];
  emitted = new Set<string>();
  readonly complex: Map<string, X>;
  readonly ns: 'msg' | 'base';
  readonly typePrefix: string;
  readonly isBasis: boolean;

  constructor(complex: Map<string, X>, ns: 'msg' | 'base', typePrefix: string, isBasis: boolean) {
    this.complex = complex;
    this.ns = ns;
    this.typePrefix = typePrefix;
    this.isBasis = isBasis;
  }

  simpleRef(typeQ: string | undefined, anon: X | undefined, ownerName: string): { ref: string; ts: string } {
    if (anon) {
      const f = facetsOf(anon.restriction);
      return { ref: simpleDecl(ownerName, f), ts: tsTypeOf(f) };
    }
    const n = local(typeQ!);
    const f = facetsOf(basisSimple.get(n)!.restriction);
    if (!this.isBasis) return { ref: `B.${n}`, ts: `B.${tsName(n)}` };
    if (!this.emitted.has(n)) {
      this.emitted.add(n);
      this.out.push(`export const ${n}: SimpleType = ${simpleDecl(n, f)};`);
      this.types.push(`export type ${tsName(n)} = ${tsTypeOf(f)};`);
    }
    return { ref: n, ts: tsName(n) };
  }

  complexRef(typeQ: string): { ref: string; ts: string } {
    const n = local(typeQ);
    const fromBasis = prefix(typeQ) === 'ijw';
    if (fromBasis && !this.isBasis) return { ref: `B.${n}`, ts: `B.${tsName(n)}` };
    const constName = this.isBasis ? n : `${this.typePrefix}_${n}`;
    const ifaceName = this.isBasis ? tsName(n) : `${this.typePrefix[0]}${this.typePrefix.slice(1).toLowerCase()}${n}`;
    if (this.emitted.has(constName)) return { ref: constName, ts: ifaceName };
    this.emitted.add(constName);
    const def = this.complex.get(n);
    if (!def) throw new Error(`unknown complex type ${typeQ}`);
    const children: string[] = [];
    const fields: string[] = [];
    for (const el of arr<X>(def.sequence?.element)) {
      const name: string = el['@name'];
      const min = el['@minOccurs'] !== undefined ? Number(el['@minOccurs']) : 1;
      const max = el['@maxOccurs'] === 'unbounded' ? Infinity : el['@maxOccurs'] !== undefined ? Number(el['@maxOccurs']) : 1;
      const typeQ2: string | undefined = el['@type'];
      let t: { ref: string; ts: string };
      if (typeQ2 && (this.complex.has(local(typeQ2)) && prefix(typeQ2) !== 'ijw' || basisComplex.has(local(typeQ2)) && prefix(typeQ2) === 'ijw')) t = this.complexRef(typeQ2);
      else t = this.simpleRef(typeQ2, el.simpleType, `${n}.${name}`);
      children.push(`{ name: ${lit(name)}, ns: '${this.ns}', min: ${min}, max: ${max === Infinity ? 'Infinity' : max}, type: ${t.ref} }`);
      const tsT = max > 1 ? `(${t.ts})[]` : t.ts;
      fields.push(`  ${name}${min === 0 ? '?' : ''}: ${tsT};`);
    }
    this.out.push(`export const ${constName}: ComplexType = { kind: 'complex', name: ${lit(n)}, children: [\n  ${children.join(',\n  ')},\n] };`);
    this.types.push(`export interface ${ifaceName} {\n${fields.join('\n')}\n}`);
    return { ref: constName, ts: ifaceName };
  }
}

const header = (src: string) =>
  `// Generated by scripts/xsd-to-schema.ts from the official iJw 3.2 ${src}. Do not edit.\n/* eslint-disable */\n`;

// basisschema: every CDT (and the simple types they use) plus every simple type.
const be = new Emitter(basisComplex, 'base', 'B', true);
for (const n of basisSimple.keys()) be.simpleRef(`ijw:${n}`, undefined, n);
for (const n of basisComplex.keys()) be.complexRef(`ijw:${n}`);
writeFileSync(
  join(outDir, 'basisschema.ts'),
  `${header('basisschema.xsd')}import type { SimpleType, ComplexType } from '../types.ts';\n\n${be.out.join('\n')}\n\n${be.types.join('\n\n')}\n`,
);

const index: string[] = [];
for (const file of readdirSync(xsdDir).filter((f) => /^jw\d{3}\.xsd$/.test(f)).sort()) {
  const code = basename(file, '.xsd').toUpperCase();
  const s = loadSchema(file);
  const complex = new Map<string, X>(arr<X>(s.complexType).map((t) => [t['@name'], t]));
  const e = new Emitter(complex, 'msg', code, false);
  const root = e.complexRef(`${code.toLowerCase()}:${local(s.element['@type'])}`);
  const ns: string = s['@targetNamespace'];
  const out = `${header(file)}import type { SimpleType, ComplexType, ElementDecl } from '../types.ts';
import * as B from './basisschema.ts';

export const NAMESPACE = ${lit(ns)};

${e.out.join('\n')}

/** The document element \`Bericht\` of ${code}. */
export const ROOT: ElementDecl = { name: 'Bericht', ns: 'msg', min: 1, max: 1, type: ${root.ref} };

${e.types.join('\n\n')}
`;
  writeFileSync(join(outDir, `${code.toLowerCase()}.ts`), out.replace(/\n\n\n+/g, '\n\n'));
  index.push(code);
}
console.log(`generated basisschema + ${index.length} messages into ${outDir}: ${index.join(', ')}`);
