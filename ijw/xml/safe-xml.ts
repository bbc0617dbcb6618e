/**
 * Hardened reading of XML text into a namespace-resolved element tree.
 * DTDs and entity declarations are refused before any parser sees them, only the five
 * predefined entities and character references are decoded, and size and depth are bounded:
 * a message from a vendor's system is untrusted input.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { IjwError } from '../errors.ts';
import { scanInto, scanXml } from './scanner.ts';
import { replay, type XmlSink } from './sink.ts';

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
  /**
   * Qualified names of the attributes other than namespace declarations, when there are any
   * (iJw declares none, so each is an XSD error).
   */
  attributes?: string[];
}

export interface ReadLimits {
  /** Bytes of UTF-8 text. */
  maxBytes: number;
  maxDepth: number;
  /** Documents longer than this (characters) go to the scanner; default SCANNER_THRESHOLD_BYTES. */
  scannerAbove?: number;
}

export const DEFAULT_LIMITS: ReadLimits = { maxBytes: 200 * 1024 * 1024, maxDepth: 64 };

/** Above this size the single-pass scanner reads the document instead of fast-xml-parser. */
export const SCANNER_THRESHOLD_BYTES = 64 * 1024;

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

/** A code point XML 1.0 allows in a document (§2.2 Char). */
const isXmlChar = (cp: number) => cp === 0x9 || cp === 0xa || cp === 0xd || (cp >= 0x20 && cp <= 0xd7ff) || (cp >= 0xe000 && cp <= 0xfffd) || (cp >= 0x10000 && cp <= 0x10ffff);

/** Characters XML 1.0 forbids anywhere: C0 controls but tab/LF/CR, U+FFFE/U+FFFF, unpaired surrogates. */
const ILLEGAL_CHAR = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Decodes predefined entities and character references; any other entity is refused. */
export function decodeEntities(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(/&([^;&\s]{0,32});|&/g, (whole, ref: string | undefined) => {
    if (ref === undefined) throw new IjwError('XML_NOT_WELL_FORMED', `Bare '&' in character data; write &amp;`);
    if (ref in PREDEFINED) return PREDEFINED[ref]!;
    const m = /^#(?:x([0-9a-fA-F]+)|([0-9]+))$/.exec(ref);
    if (m) {
      const cp = m[1] !== undefined ? parseInt(m[1], 16) : parseInt(m[2]!, 10);
      if (!isXmlChar(cp)) {
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

// Names as XML 1.0 (5th ed.) and Namespaces define them: JS's \w and \s are not the same sets.
const NC_START = 'A-Z_a-z\\u00C0-\\u00D6\\u00D8-\\u00F6\\u00F8-\\u02FF\\u0370-\\u037D\\u037F-\\u1FFF\\u200C\\u200D\\u2070-\\u218F\\u2C00-\\u2FEF\\u3001-\\uD7FF\\uF900-\\uFDCF\\uFDF0-\\uFFFD\\u{10000}-\\u{EFFFF}';
const NC_NAME = `[${NC_START}][${NC_START}\\-.0-9\\u00B7\\u0300-\\u036F\\u203F\\u2040]*`;
const QNAME = `${NC_NAME}(?::${NC_NAME})?`;
const S = '[ \\t\\r\\n]';
const START_TAG = new RegExp(`^<${QNAME}(?:${S}+${QNAME}${S}*=${S}*(?:"[^"<]*"|'[^'<]*'))*${S}*/?>$`, 'u');
const END_TAG = new RegExp(`^</${QNAME}${S}*>$`, 'u');
const PI_TARGET = new RegExp(`^${NC_NAME}$`, 'u');
/** A qualified name as XML 1.0 (5th ed.) and Namespaces define it (shared with the scanner). */
export const QNAME_RE = new RegExp(`^${QNAME}$`, 'u');

/** Only space, tab, CR and LF are white space in XML (String.prototype.trim also strips NBSP and more). */
export const isXmlSpace = (s: string) => /^[ \t\r\n]*$/.test(s);

/**
 * One linear pass over the markup before fast-xml-parser sees it: the nesting depth (so hostile
 * nesting is refused before a recursive parser runs) and the well-formedness rules that parser
 * does not check. Comments, CDATA sections, processing instructions and quoted attribute values
 * are skipped as a whole, so markup-like text inside them cannot hide nesting.
 */
function scanMarkup(xml: string, limit: number): number {
  const names: string[] = [];
  let depth = 0;
  let max = 0;
  let pos = 0;
  const bad = (at: number, msg: string): never => {
    const line = xml.slice(0, at).split('\n').length;
    throw new IjwError('XML_NOT_WELL_FORMED', `Not well-formed XML at line ${line}: ${msg}`);
  };
  // The next ']]>' at or after pos: in character data (before the next '<') it is an error.
  let gtgt = xml.indexOf(']]>');
  for (let i = xml.indexOf('<'); ; i = xml.indexOf('<', pos)) {
    if (gtgt !== -1 && gtgt < pos) gtgt = xml.indexOf(']]>', pos);
    if (gtgt !== -1 && (i === -1 || gtgt < i)) bad(gtgt, "the sequence ']]>' is not allowed in character data");
    if (i === -1) break;
    const c = xml.charCodeAt(i + 1);
    if (xml.startsWith('<!--', i)) {
      const end = xml.indexOf('-->', i + 4);
      if (end === -1) bad(i, 'unterminated comment');
      const problem = commentProblem(xml, i, end);
      if (problem) bad(i, problem);
      pos = end + 3;
    } else if (xml.startsWith('<![CDATA[', i)) {
      const end = xml.indexOf(']]>', i + 9);
      if (end === -1) bad(i, 'unterminated CDATA section');
      pos = end + 3;
    } else if (c === 63 /* ? */) {
      const end = xml.indexOf('?>', i + 2);
      if (end === -1) bad(i, 'unterminated processing instruction');
      const problem = piProblem(xml, i, end);
      if (problem) bad(i, problem);
      pos = end + 2;
    } else if (c === 33 /* ! */) {
      bad(i, 'unexpected markup declaration');
    } else if (c === 47 /* / */) {
      depth--;
      const end = xml.indexOf('>', i);
      if (end === -1) bad(i, 'unterminated end tag');
      if (!END_TAG.test(xml.slice(i, end + 1))) bad(i, `malformed end tag '${xml.slice(i, Math.min(end + 1, i + 60))}'`);
      // Names compared exactly here: fast-xml-parser trims them, and U+FEFF is a name character.
      const name = /^<\/([^ \t\r\n>]*)/.exec(xml.slice(i, end + 1))![1]!;
      const open = names.pop();
      if (open !== undefined && open !== name) bad(i, `expected </${open}>, found </${name}>`);
      pos = end + 1;
    } else {
      // A start tag: find its '>' outside quoted attribute values; '<' may not occur in it.
      let j = i + 1;
      let quote = 0;
      for (; j < xml.length; j++) {
        const k = xml.charCodeAt(j);
        if (quote) {
          if (k === quote) quote = 0;
          else if (k === 60 /* < */) bad(i, "'<' in an attribute value");
        } else if (k === 34 || k === 39) quote = k;
        else if (k === 62 /* > */) break;
        else if (k === 60) bad(i, "'<' inside a tag");
      }
      if (j === xml.length) bad(i, 'unterminated start tag');
      if (!START_TAG.test(xml.slice(i, j + 1))) bad(i, `malformed start tag '${xml.slice(i, Math.min(j + 1, i + 60))}'`);
      if (xml.charCodeAt(j - 1) !== 47 /* / */) {
        names.push(/^<([^ \t\r\n/>]*)/.exec(xml.slice(i, j + 1))![1]!);
        depth++;
        if (depth > max) max = depth;
        if (max > limit) return max;
      }
      pos = j + 1;
    }
  }
  return max;
}

/** What is wrong with the comment `<!--` at i … `-->` at end, if anything (shared with the scanner). */
export function commentProblem(xml: string, i: number, end: number): string | undefined {
  // '--' may not occur inside a comment, nor may one end with '--->'.
  const body = xml.slice(i + 4, end);
  return body.includes('--') || body.endsWith('-') ? "'--' inside a comment" : undefined;
}

/** What is wrong with the processing instruction `<?` at i … `?>` at end, if anything (shared with the scanner). */
export function piProblem(xml: string, i: number, end: number): string | undefined {
  const target = /^[^ \t\r\n?]*/.exec(xml.slice(i + 2, end))![0];
  const after = i + 2 + target.length;
  // The target is a name followed by white space or by '?>' itself.
  if (!PI_TARGET.test(target) || (after !== end && !/[ \t\r\n]/.test(xml[after]!))) return `invalid processing instruction target '${target.slice(0, 40)}'`;
  if (target === 'xml' && i !== 0) return 'the XML declaration is allowed only at the start of the document';
  if (/^xml$/i.test(target) && target !== 'xml') return `processing instruction target '${target}' is reserved`;
  return undefined;
}

/** The XML declaration as XML 1.0 §2.8 writes it (libxml2 refuses versions other than 1.x). */
const XML_DECL = /^<\?xml[ \t\r\n]+version[ \t\r\n]*=[ \t\r\n]*(?:"1\.[0-9]+"|'1\.[0-9]+')(?:[ \t\r\n]+encoding[ \t\r\n]*=[ \t\r\n]*(?:"([A-Za-z][\w.-]*)"|'([A-Za-z][\w.-]*)'))?(?:[ \t\r\n]+standalone[ \t\r\n]*=[ \t\r\n]*(?:"(?:yes|no)"|'(?:yes|no)'))?[ \t\r\n]*\?>/;

/** Decodes a byte document: UTF-8 only, and a clear error for UTF-16/32 or broken UTF-8. */
export function decodeUtf8(b: Uint8Array): string {
  // A UTF-16/32 byte order mark, or '<' next to a zero byte: a wide encoding, not UTF-8.
  if ((b[0] === 0xff && b[1] === 0xfe) || (b[0] === 0xfe && b[1] === 0xff) || (b[0] === 0 && b[1] === 0 && b[2] === 0xfe) || (b[0] === 0x3c && b[1] === 0) || (b[0] === 0 && b[1] === 0x3c)) {
    throw new IjwError('XML_NOT_WELL_FORMED', 'The document is UTF-16 or UTF-32 encoded: iJw messages are UTF-8');
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(b);
  } catch {
    // Say which encoding the document claims, when its declaration names one.
    const enc = /^(?:\uFEFF)?<\?xml[^>]*encoding[ \t\r\n]*=[ \t\r\n]*["']([A-Za-z][\w.-]*)["']/.exec(new TextDecoder('latin1').decode(b.subarray(0, 200)));
    if (enc && !/^utf-?8$/i.test(enc[1]!)) throw new IjwError('XML_NOT_WELL_FORMED', `Encoding ${enc[1]} is not supported: iJw messages are UTF-8`);
    throw new IjwError('XML_NOT_WELL_FORMED', 'The document is not valid UTF-8 (iJw messages are UTF-8; Latin-1 or Windows-1252 bytes are not)');
  }
}

/**
 * Parses XML text into an element tree, refusing DTDs, entities, oversize and deep input.
 * @example readXml('<a:Bericht xmlns:a="urn:x"/>').name === 'Bericht'
 */
export function readXml(input: string | Uint8Array, limits: ReadLimits = DEFAULT_LIMITS): XmlElement {
  const xml = prepare(input, limits);
  if (useScanner(xml, limits)) return scanXml(xml, limits.maxDepth);
  return readSmall(xml, limits);
}

/**
 * Large documents go through the scanner; so does any with a U+FEFF after the BOM, since
 * fast-xml-parser trims it from names where XML reads it as a name character (found by fuzzing:
 * an attribute '\uFEFFxmlns:ijw' read as a namespace declaration).
 */
function useScanner(xml: string, limits: ReadLimits): boolean {
  return xml.length > (limits.scannerAbove ?? SCANNER_THRESHOLD_BYTES) || xml.includes('\uFEFF');
}

/**
 * Reads XML text into a sink, element by element, with the same refusals as readXml. A large
 * document goes from the scanner to the sink without an element tree in between.
 */
export function readXmlInto(input: string | Uint8Array, limits: ReadLimits, sink: XmlSink): void {
  const xml = prepare(input, limits);
  if (useScanner(xml, limits)) scanInto(xml, limits.maxDepth, sink);
  else replay(readSmall(xml, limits), sink);
}

/** The text of a document within the limits, UTF-8 decoded, without BOM, prechecked. */
function prepare(input: string | Uint8Array, limits: ReadLimits): string {
  // A UTF-16 code unit is 1 to 3 bytes of UTF-8: count a text's bytes (a pass over 64 MB) only
  // when its length alone does not settle the limit.
  const bytes = typeof input !== 'string' ? input.byteLength : input.length * 3 <= limits.maxBytes ? input.length : Buffer.byteLength(input, 'utf8');
  if (bytes > limits.maxBytes) {
    throw new IjwError('XML_TOO_LARGE', `Document of ${bytes} bytes exceeds the limit of ${limits.maxBytes} bytes`);
  }
  let xml = typeof input === 'string' ? input : decodeUtf8(input);
  if (xml.charCodeAt(0) === 0xfeff) xml = xml.slice(1);
  precheck(xml);
  return xml;
}

const DOCTYPE_AT = /<!DOCTYPE/iy;
const ENTITY_DECL_AT = /<!ENTITY/iy;

/**
 * Whether the text has `<!DOCTYPE` or `<!ENTITY` (any case) anywhere. Found from each '!', a
 * character iJw data rarely has: one search for a single character is several times faster than
 * a case-insensitive pattern over 64 MB.
 */
function declarations(xml: string): { doctype: boolean; entity: boolean } {
  let entity = false;
  for (let i = xml.indexOf('!'); i !== -1; i = xml.indexOf('!', i + 1)) {
    if (i === 0 || xml.charCodeAt(i - 1) !== 60 /* < */) continue;
    DOCTYPE_AT.lastIndex = i - 1;
    if (DOCTYPE_AT.test(xml)) return { doctype: true, entity };
    ENTITY_DECL_AT.lastIndex = i - 1;
    entity ||= ENTITY_DECL_AT.test(xml);
  }
  return { doctype: false, entity };
}

const ENTITY_AT = /&(?!(?:lt|gt|amp|quot|apos|#\d+|#x[0-9a-fA-F]+);)([A-Za-z_][\w.-]*);/y;

/** The first reference to an entity other than the predefined ones: only where a '&' is (most documents have few). */
function entityReference(xml: string): RegExpExecArray | null {
  for (let i = xml.indexOf('&'); i !== -1; i = xml.indexOf('&', i + 1)) {
    ENTITY_AT.lastIndex = i;
    const m = ENTITY_AT.exec(xml);
    if (m) return m;
  }
  return null;
}

/** Refusals that come before any parser sees the text: DTDs, entities, other encodings. */
function precheck(xml: string): void {
  // A DTD anywhere is refused as such, even after an entity declaration.
  const decl = declarations(xml);
  if (decl.doctype) {
    throw new IjwError('XML_DTD_REFUSED', 'Document type declaration (DTD) refused: iJw messages have none, and a DTD could expand or fetch entities');
  }
  if (decl.entity) throw new IjwError('XML_ENTITY_REFUSED', 'Entity declaration refused');
  const entity = entityReference(xml);
  if (entity) {
    throw new IjwError('XML_ENTITY_REFUSED', `Entity reference &${entity[1]}; refused: iJw messages use no entities besides &lt; &gt; &amp; &quot; &apos; and character references`);
  }
  if (/^<\?xml[ \t\r\n?]/.test(xml)) {
    const decl = XML_DECL.exec(xml);
    if (!decl) throw new IjwError('XML_NOT_WELL_FORMED', `Malformed XML declaration '${xml.slice(0, Math.max(0, xml.indexOf('>') + 1) || 60).slice(0, 80)}' (expected <?xml version="1.0" encoding="UTF-8"?>)`);
    const enc = decl[1] ?? decl[2];
    if (enc && !/^utf-?8$/i.test(enc)) throw new IjwError('XML_NOT_WELL_FORMED', `Encoding ${enc} is not supported: iJw messages are UTF-8`);
  } else if (/^[ \t\r\n]+<\?xml[ \t\r\n?]/.test(xml)) {
    throw new IjwError('XML_NOT_WELL_FORMED', 'The XML declaration is allowed only at the very start of the document (white space before it)');
  } else if (xml.startsWith('<?')) {
    // A damaged declaration ('<? xml', '<?xm?', '<?XML') is a processing instruction with a bad
    // target; checked here because the large-document scanner skips PIs unread.
    const target = /^<\?([^ \t\r\n?]*)/.exec(xml)![1]!;
    const next = xml[2 + target.length];
    if (!PI_TARGET.test(target) || /^xml$/i.test(target) || (next !== '?' && !/[ \t\r\n]/.test(next ?? '')) || (next === '?' && xml[3 + target.length] !== '>')) {
      throw new IjwError('XML_NOT_WELL_FORMED', `Malformed XML declaration or processing instruction '${xml.slice(0, 40)}' (expected <?xml version="1.0" encoding="UTF-8"?>)`);
    }
  }
  const illegal = ILLEGAL_CHAR.exec(xml);
  if (illegal) {
    const cp = illegal[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0');
    throw new IjwError('XML_NOT_WELL_FORMED', `Character U+${cp} at line ${xml.slice(0, illegal.index).split('\n').length} is not allowed in XML`);
  }
}

/**
 * Characters U+10000–U+EFFFF (a surrogate pair each) are name characters in XML 1.0 (fifth
 * edition, as libxml2 and the scanner read it), which fast-xml-parser's validator does not know:
 * for its check only they become two name characters of the BMP, so columns stay where they were.
 */
const ASTRAL_NAME_CHAR = /[\uD800-\uDB7F][\uDC00-\uDFFF]/;
const ASTRAL_NAME_CHARS = /[\uD800-\uDB7F][\uDC00-\uDFFF]/g;

/** fast-xml-parser: validate, then parse with order preserved. */
export function readSmall(xml: string, limits: ReadLimits = DEFAULT_LIMITS): XmlElement {
  precheck(xml);
  const depth = scanMarkup(xml, limits.maxDepth);
  if (depth > limits.maxDepth) {
    throw new IjwError('XML_TOO_DEEP', `Elements nested deeper than ${limits.maxDepth} levels`);
  }
  const ok = XMLValidator.validate(ASTRAL_NAME_CHAR.test(xml) ? xml.replace(ASTRAL_NAME_CHARS, 'ÀÀ') : xml, { allowBooleanAttributes: false });
  if (ok !== true) {
    throw new IjwError('XML_NOT_WELL_FORMED', `Not well-formed XML at line ${ok.err.line}${ok.err.col === undefined ? '' : `, column ${ok.err.col}`}: ${ok.err.msg}`);
  }
  let nodes: OrderedNode[];
  try {
    nodes = parser.parse(xml) as OrderedNode[];
  } catch (e) {
    // The parser has checks of its own (unclosed PIs, nesting); a plain Error must not escape.
    throw new IjwError('XML_NOT_WELL_FORMED', `Not well-formed XML: ${(e as Error).message}`);
  }
  if (!/^[ \t\r\n]*</.test(xml) || !/>[ \t\r\n]*$/.test(xml) || nodes.some((n) => '#text' in n && !isXmlSpace(String(n['#text'])))) throw new IjwError('XML_NOT_WELL_FORMED', 'Text outside the document element');
  const roots = nodes.filter((n) => elementName(n) !== undefined);
  if (roots.length !== 1) throw new IjwError('XML_NOT_WELL_FORMED', `Expected exactly one document element, found ${roots.length}`);
  return toElement(roots[0]!, new Map([['xml', 'http://www.w3.org/XML/1998/namespace'], ['', '']]));
}

const XSI_NS = 'http://www.w3.org/2001/XMLSchema-instance';

/**
 * An element's namespace scope (its parent's, extended by its xmlns declarations) and the
 * attributes the schema must judge: every other one, by name, except the xsi location hints
 * XML Schema allows on any element (they carry no data). Values come decoded. Shared by both
 * readers; `fail` gets what is wrong (an undeclared attribute prefix).
 */
export function scopeAndAttributes(attrs: Iterable<[string, string]>, parent: Map<string, string>, fail: (problem: string) => never): { scope: Map<string, string>; attributes?: string[] } {
  const list = [...attrs];
  let scope = parent;
  for (const [k, v] of list) {
    if (k !== 'xmlns' && !k.startsWith('xmlns:')) continue;
    if (scope === parent) scope = new Map(parent);
    scope.set(k === 'xmlns' ? '' : k.slice(6), v);
  }
  let attributes: string[] | undefined;
  for (const [k] of list) {
    if (k === 'xmlns' || k.startsWith('xmlns:')) continue;
    const c = k.indexOf(':');
    const ns = c === -1 ? '' : scope.get(k.slice(0, c));
    if (ns === undefined) fail(`namespace prefix '${k.slice(0, c)}' of attribute ${k} is not declared`);
    if (ns === XSI_NS && (k.endsWith(':schemaLocation') || k.endsWith(':noNamespaceSchemaLocation'))) continue;
    (attributes ??= []).push(k);
  }
  return attributes ? { scope, attributes } : { scope };
}

type OrderedNode = Record<string, unknown> & { ':@'?: Record<string, string> };

function elementName(n: OrderedNode): string | undefined {
  for (const k of Object.keys(n)) if (k !== ':@' && k !== '#text' && k !== '#comment' && k !== '#cdata') return k;
  return undefined;
}

function toElement(node: OrderedNode, scope: Map<string, string>): XmlElement {
  const qname = elementName(node)!;
  const attrs = node[':@'] ?? {};
  const { scope: inner, attributes = [] } = scopeAndAttributes(
    Object.entries(attrs).map(([k, v]): [string, string] => [k, decodeEntities(v)]),
    scope,
    (problem) => {
      throw new IjwError('XML_NOT_WELL_FORMED', `${problem[0]!.toUpperCase()}${problem.slice(1)}`);
    },
  );
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
  return attributes.length ? { name, ns, prefix, children, text, attributes } : { name, ns, prefix, children, text };
}
