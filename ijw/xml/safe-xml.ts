/**
 * Hardened reading of XML text into a namespace-resolved element tree.
 * DTDs and entity declarations are refused before any parser sees them, only the five
 * predefined entities and character references are decoded, and size and depth are bounded:
 * a message from a vendor's system is untrusted input.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { IjwError } from '../errors.ts';
import { scanXml } from './scanner.ts';

export interface XmlElement {
  /** Local name. */
  name: string;
  /** Namespace URI ('' when unqualified). */
  ns: string;
  /** The prefix as written, for error messages. */
  prefix: string;
  children: XmlElement[];
  /** Concatenated character data directly inside this element (entities decoded). */
  text: string;
}

export interface ReadLimits {
  /** Bytes of UTF-8 text. */
  maxBytes: number;
  maxDepth: number;
}

export const DEFAULT_LIMITS: ReadLimits = { maxBytes: 200 * 1024 * 1024, maxDepth: 64 };

/** Above this size the single-pass scanner reads the document instead of fast-xml-parser. */
export const SCANNER_THRESHOLD_BYTES = 1024 * 1024;

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  processEntities: false,
  ignoreDeclaration: true,
  ignorePiTags: true,
  commentPropName: '#comment',
  cdataPropName: '#cdata',
});

const PREDEFINED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** Decodes predefined entities and character references; any other entity is refused. */
export function decodeEntities(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(/&([^;&\s]{0,32});|&/g, (whole, ref: string | undefined) => {
    if (ref === undefined) throw new IjwError('XML_NOT_WELL_FORMED', `Bare '&' in character data; write &amp;`);
    if (ref in PREDEFINED) return PREDEFINED[ref]!;
    const m = /^#(?:x([0-9a-fA-F]+)|([0-9]+))$/.exec(ref);
    if (m) {
      const cp = m[1] !== undefined ? parseInt(m[1], 16) : parseInt(m[2]!, 10);
      if (cp === 0 || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) {
        throw new IjwError('XML_NOT_WELL_FORMED', `Character reference ${whole} is not a legal XML character`);
      }
      return String.fromCodePoint(cp);
    }
    throw new IjwError(
      'XML_ENTITY_REFUSED',
      `Entity reference ${whole} refused: iJw messages use no entities besides &lt; &gt; &amp; &quot; &apos; and character references`,
    );
  });
}

/** Nesting depth by a linear scan, so hostile nesting is refused before a recursive parser runs. */
function maxDepth(xml: string, limit: number): number {
  let depth = 0;
  let max = 0;
  for (let i = xml.indexOf('<'); i !== -1; i = xml.indexOf('<', i + 1)) {
    const c = xml.charCodeAt(i + 1);
    if (c === 47 /* / */) depth--;
    else if (c === 33 /* ! */ || c === 63 /* ? */) continue;
    else {
      const end = xml.indexOf('>', i);
      if (end === -1) break;
      if (xml.charCodeAt(end - 1) !== 47) {
        depth++;
        if (depth > max) max = depth;
        if (max > limit) return max;
      }
    }
  }
  return max;
}

/**
 * Parses XML text into an element tree, refusing DTDs, entities, oversize and deep input.
 * @example readXml('<a:Bericht xmlns:a="urn:x"/>').name === 'Bericht'
 */
export function readXml(input: string | Uint8Array, limits: ReadLimits = DEFAULT_LIMITS): XmlElement {
  const bytes = typeof input === 'string' ? Buffer.byteLength(input, 'utf8') : input.byteLength;
  if (bytes > limits.maxBytes) {
    throw new IjwError('XML_TOO_LARGE', `Document of ${bytes} bytes exceeds the limit of ${limits.maxBytes} bytes`);
  }
  let xml = typeof input === 'string' ? input : new TextDecoder('utf-8', { fatal: false }).decode(input);
  if (xml.charCodeAt(0) === 0xfeff) xml = xml.slice(1);
  if (xml.includes('\uFFFD') && typeof input !== 'string') {
    throw new IjwError('XML_NOT_WELL_FORMED', 'The document is not valid UTF-8');
  }
  precheck(xml);
  if (xml.length > SCANNER_THRESHOLD_BYTES) return scanXml(xml, limits.maxDepth);
  return readSmall(xml, limits);
}

/** Refusals that come before any parser sees the text: DTDs, entities, other encodings. */
function precheck(xml: string): void {
  if (/<!DOCTYPE/i.test(xml)) {
    throw new IjwError('XML_DTD_REFUSED', 'Document type declaration (DTD) refused: iJw messages have none, and a DTD could expand or fetch entities');
  }
  if (/<!ENTITY/i.test(xml)) throw new IjwError('XML_ENTITY_REFUSED', 'Entity declaration refused');
  const entity = /&(?!(?:lt|gt|amp|quot|apos|#\d+|#x[0-9a-fA-F]+);)([A-Za-z_][\w.-]*);/.exec(xml);
  if (entity) {
    throw new IjwError('XML_ENTITY_REFUSED', `Entity reference &${entity[1]}; refused: iJw messages use no entities besides &lt; &gt; &amp; &quot; &apos; and character references`);
  }
  const enc = /^<\?xml[^>]*encoding\s*=\s*["']([^"']+)["']/i.exec(xml);
  if (enc && !/^utf-?8$/i.test(enc[1]!)) {
    throw new IjwError('XML_NOT_WELL_FORMED', `Encoding ${enc[1]} is not supported: iJw messages are UTF-8`);
  }
}

/** fast-xml-parser: validate, then parse with order preserved. */
export function readSmall(xml: string, limits: ReadLimits = DEFAULT_LIMITS): XmlElement {
  precheck(xml);
  const depth = maxDepth(xml, limits.maxDepth);
  if (depth > limits.maxDepth) {
    throw new IjwError('XML_TOO_DEEP', `Elements nested deeper than ${limits.maxDepth} levels`);
  }
  const ok = XMLValidator.validate(xml, { allowBooleanAttributes: false });
  if (ok !== true) {
    throw new IjwError('XML_NOT_WELL_FORMED', `Not well-formed XML at line ${ok.err.line}, column ${ok.err.col}: ${ok.err.msg}`);
  }
  const nodes = parser.parse(xml) as OrderedNode[];
  if (!/^\s*</.test(xml) || !/>\s*$/.test(xml) || nodes.some((n) => '#text' in n && String(n['#text']).trim() !== '')) throw new IjwError('XML_NOT_WELL_FORMED', 'Text outside the document element');
  const roots = nodes.filter((n) => elementName(n) !== undefined);
  if (roots.length !== 1) throw new IjwError('XML_NOT_WELL_FORMED', `Expected exactly one document element, found ${roots.length}`);
  return toElement(roots[0]!, new Map([['xml', 'http://www.w3.org/XML/1998/namespace'], ['', '']]));
}

type OrderedNode = Record<string, unknown> & { ':@'?: Record<string, string> };

function elementName(n: OrderedNode): string | undefined {
  for (const k of Object.keys(n)) if (k !== ':@' && k !== '#text' && k !== '#comment' && k !== '#cdata') return k;
  return undefined;
}

function toElement(node: OrderedNode, scope: Map<string, string>): XmlElement {
  const qname = elementName(node)!;
  const attrs = node[':@'] ?? {};
  let inner = scope;
  for (const [k, v] of Object.entries(attrs)) {
    if (k === 'xmlns' || k.startsWith('xmlns:')) {
      if (inner === scope) inner = new Map(scope);
      inner.set(k === 'xmlns' ? '' : k.slice(6), decodeEntities(v));
    }
  }
  const colon = qname.indexOf(':');
  const prefix = colon === -1 ? '' : qname.slice(0, colon);
  const name = colon === -1 ? qname : qname.slice(colon + 1);
  const ns = inner.get(prefix);
  if (ns === undefined) throw new IjwError('XML_NOT_WELL_FORMED', `Namespace prefix '${prefix}' of <${qname}> is not declared`);
  const children: XmlElement[] = [];
  let text = '';
  for (const child of (node[qname] as OrderedNode[]) ?? []) {
    if ('#text' in child) text += decodeEntities(String(child['#text']));
    else if ('#cdata' in child) {
      for (const c of child['#cdata'] as OrderedNode[]) text += String(c['#text'] ?? '');
    } else if ('#comment' in child) continue;
    else children.push(toElement(child, inner));
  }
  return { name, ns, prefix, children, text };
}
