/**
 * A message as a tree of elements, each tied to its schema declaration, for the fuzz tests:
 * single mutations of a valid message (drop, duplicate, swap, a value just outside its type,
 * an attribute)
 * and writing the tree back as XML. No DOM dependency: the tree comes from the project's own
 * reader (readXml) and the declarations from the generated descriptors.
 */
import fc from 'fast-check';
import type { ElementDecl, SimpleType } from '../../ijw/schema/types.ts';
import { BASISSCHEMA_NAMESPACE } from '../../ijw/schema/types.ts';
import { readXml, type XmlElement } from '../../ijw/xml/safe-xml.ts';
import { messages } from '../../ijw/messages/registry.ts';
import { namespaceOf, type MessageCode } from '../../ijw/messages/codes.ts';

export interface Node {
  decl: ElementDecl;
  children: Node[];
  /** Character data of a leaf (empty for complex elements). */
  text: string;
  /** Attributes as written in the start tag (the iJw XSDs declare none). */
  attrs?: string;
}

/** Reads a valid message's XML into a declaration-annotated tree; throws if an element has no declaration. */
export function toTree(code: MessageCode, xml: string): Node {
  const root = messages[code].root;
  return annotate(root, readXml(xml), `/${root.name}`);
}

function annotate(decl: ElementDecl, el: XmlElement, path: string): Node {
  if (decl.type.kind === 'simple') return { decl, children: [], text: el.text };
  const type = decl.type;
  const children = el.children.map((c) => {
    const d = type.children.find((k) => k.name === c.name);
    if (!d) throw new Error(`xml-tree: no declaration for ${path}/${c.name}`);
    return annotate(d, c, `${path}/${c.name}`);
  });
  return { decl, children, text: '' };
}

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\r/g, '&#13;');

/** XML text of a tree: message elements prefixed `jwNNN:`, basisschema elements `ijw:`, as the builder does. */
export function toXml(code: MessageCode, root: Node): string {
  const p = code.toLowerCase();
  const qname = (n: Node) => (n.decl.ns === 'msg' ? `${p}:${n.decl.name}` : `ijw:${n.decl.name}`);
  const write = (n: Node, xmlns = ''): string => {
    const start = `<${qname(n)}${xmlns}${n.attrs ? ` ${n.attrs}` : ''}>`;
    return n.decl.type.kind === 'simple' ? `${start}${escape(n.text)}</${qname(n)}>` : `${start}${n.children.map((c) => write(c)).join('')}</${qname(n)}>`;
  };
  return `<?xml version="1.0" encoding="UTF-8"?>\n${write(root, ` xmlns:${p}="${namespaceOf(code)}" xmlns:ijw="${BASISSCHEMA_NAMESPACE}"`)}`;
}

const clone = (n: Node): Node => ({ decl: n.decl, text: n.text, attrs: n.attrs, children: n.children.map(clone) });

interface Place {
  parent: Node;
  index: number;
  path: string;
}

/** Every non-root element in document order, with its parent and a readable path. */
function places(root: Node): Place[] {
  const out: Place[] = [];
  const walk = (n: Node, path: string) => {
    const seen = new Map<string, number>();
    n.children.forEach((c, index) => {
      const k = (seen.get(c.decl.name) ?? 0) + 1;
      seen.set(c.decl.name, k);
      const p = `${path}/${c.decl.name}${c.decl.max > 1 ? `[${k}]` : ''}`;
      out.push({ parent: n, index, path: p });
      walk(c, p);
    });
  };
  walk(root, `/${root.decl.name}`);
  return out;
}

/** Code-point length, as XSD counts characters. */
const cpLength = (s: string) => [...s].length;

/**
 * Values just outside `type`, derived from its facets alone (not from our checker, which is
 * what is under test): one too long, empty, dates that do not exist, a number past its bounds
 * or with too many digits, a code not in the enumeration, a character that breaks the pattern,
 * and white space around the value. Some of them may still be valid (a neighbour inside the
 * type); the oracle decides.
 */
export function neighbours(type: SimpleType, value: string): { label: string; value: string }[] {
  const out: { label: string; value: string }[] = [];
  const add = (label: string, v: string) => {
    if (v !== value && !out.some((o) => o.value === v)) out.push({ label, value: v });
  };
  const chars = [...value];
  if (type.maxLength !== undefined) {
    // Repeat the last character so a pattern such as [0-9]{8} still holds and only the length breaks.
    const fill = chars.at(-1) ?? 'A';
    add(`one longer than maxLength ${type.maxLength}`, value + fill.repeat(Math.max(1, type.maxLength + 1 - chars.length)));
  }
  add('empty', '');
  if (type.enumeration) {
    const len = type.enumeration[0]!.length;
    const free = ['9', 'Z', '0', '8', 'X'].map((c) => c.repeat(len)).find((c) => !type.enumeration!.includes(c));
    if (free) add(`not a code of ${type.name}`, free);
    add(`lower case code of ${type.name}`, value.toLowerCase());
  }
  switch (type.base) {
    case 'date': {
      const y = /^\d{4}/.test(value) ? value.slice(0, 4) : '2025';
      add('30 February', `${y}-02-30`);
      add('31 April', `${y}-04-31`);
      add('month 13', `${y}-13-01`);
      add('day 00', `${y}-01-00`);
      add('29 February in a common year', '2023-02-29');
      add('month and day without leading zero', `${y}-3-1`);
      add('with time zone Z', `${value}Z`);
      add('with a time zone offset', `${value}+01:00`);
      add('with a time', `${value}T10:00:00`);
      break;
    }
    case 'time':
      add('hour 25', '25:00:00');
      add('minute 60', '12:60:00');
      add('without seconds', value.slice(0, 5));
      add('with time zone Z', `${value}Z`);
      add('with a time zone offset', `${value}+01:00`);
      break;
    case 'integer': {
      const n = Number(value);
      if (type.maxInclusive !== undefined) {
        add(`maxInclusive ${type.maxInclusive} + 1`, String(type.maxInclusive + 1));
        add('one digit too many', '9'.repeat(String(type.maxInclusive).length + 1));
      }
      if (type.minInclusive !== undefined) add(`minInclusive ${type.minInclusive} - 1`, String(type.minInclusive - 1));
      add('next number', String(n + 1));
      add('with a decimal point', `${value}.0`);
      add('in exponent notation', `${value}e0`);
      add('with a leading zero', `0${value}`);
      add('with a plus sign', `+${value}`);
      add('past 2^53', '9007199254740993');
      break;
    }
    case 'string':
      // A code written as digits: the next one (438 → 439, 0361 → 0362), same length.
      if (/^\d+$/.test(value)) add('next code', String(Number(value) + 1).padStart(value.length, '0').slice(-value.length));
      break;
  }
  // Characters that break the usual patterns ([0-9]{n}, .*[^\s].*, letters only, x.y.z).
  for (const [label, c] of [['letter', 'X'], ['digit', '0'], ['space', ' '], ['tab', '\t'], ['hyphen', '-'], ['accented letter', 'é'], ['colon', ':']] as const) {
    if (chars.length) add(`last character replaced by a ${label}`, [...chars.slice(0, -1), c].join(''));
  }
  add('only white space', ' '.repeat(Math.max(1, chars.length)));
  add('leading space', ` ${value}`);
  add('trailing newline', `${value}\n`);
  add('a character outside the BMP', `${value}\u{1F600}`);
  return out;
}

const XSI = 'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"';
/** Attributes to put on an element: undeclared ones (XSD errors) and two that XSD allows anywhere. */
export const ATTRIBUTES: readonly string[] = [
  'foo="1"',
  'xml:lang="nl"',
  `${XSI} xsi:nil="true"`,
  `${XSI} xsi:type="x"`,
  'xmlns:q="urn:q" q:a="1"',
  `${XSI} xsi:schemaLocation="urn:x x.xsd"`,
  'xmlns:q="urn:q"',
];

export type MutationKind = 'drop' | 'duplicate' | 'swap' | 'value' | 'attribute';
export const MUTATION_KINDS: readonly MutationKind[] = ['drop', 'duplicate', 'swap', 'value', 'attribute'];

/** Which mutation: the kind, and indexes resolved modulo what the message offers (so they shrink to 0). */
export interface MutationChoice {
  kind: MutationKind;
  target: number;
  variant: number;
}

export const arbMutation = (kinds: readonly MutationKind[] = MUTATION_KINDS): fc.Arbitrary<MutationChoice> =>
  fc.record({ kind: fc.constantFrom(...kinds), target: fc.nat(), variant: fc.nat() });

/**
 * Applies one mutation to a copy of `root`. Returns the mutated tree and a readable
 * description (kind and path), or undefined when the message offers no place for it.
 */
export function mutate(root: Node, m: MutationChoice): { tree: Node; description: string } | undefined {
  const tree = clone(root);
  const all = places(tree);
  const candidates =
    m.kind === 'swap' ? all.filter((p) => p.index < p.parent.children.length - 1)
    : m.kind === 'value' ? all.filter((p) => p.parent.children[p.index]!.decl.type.kind === 'simple')
    : all;
  if (candidates.length === 0) return undefined;
  const at = candidates[m.target % candidates.length]!;
  const kids = at.parent.children;
  const node = kids[at.index]!;
  switch (m.kind) {
    case 'drop':
      kids.splice(at.index, 1);
      return { tree, description: `drop ${at.path}` };
    case 'duplicate':
      kids.splice(at.index + 1, 0, clone(node));
      return { tree, description: `duplicate ${at.path}` };
    case 'swap': {
      const next = kids[at.index + 1]!;
      kids[at.index] = next;
      kids[at.index + 1] = node;
      return { tree, description: `swap ${at.path} with its next sibling ${next.decl.name}` };
    }
    case 'attribute': {
      const a = ATTRIBUTES[m.variant % ATTRIBUTES.length]!;
      node.attrs = a;
      return { tree, description: `attribute ${a} on ${at.path}` };
    }
    case 'value': {
      const options = neighbours(node.decl.type as SimpleType, node.text);
      const n = options[m.variant % options.length]!;
      const old = node.text;
      node.text = n.value;
      return { tree, description: `value ${at.path}: ${JSON.stringify(old)} → ${JSON.stringify(n.value)} (${n.label})` };
    }
  }
}

