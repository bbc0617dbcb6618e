/**
 * A single-pass XML scanner for large documents (a JW323 with 100,000 prestaties is ~64 MB):
 * fast-xml-parser's validate-then-parse costs about seven times native libxml2 there. It hands
 * each element to a sink as it goes (the schema decoder, or a TreeSink for the same
 * namespace-resolved XmlElement tree readSmall builds), checks well-formedness as libxml2 does,
 * and refuses DTDs and entities the same way. Documents below the threshold in safe-xml.ts
 * (64 KB) keep using fast-xml-parser.
 */
import { IjwError } from '../errors.ts';
import { commentProblem, decodeEntities, isXmlSpace, piProblem, QNAME_RE, scopeAndAttributes, type XmlElement } from './safe-xml.ts';
import { TreeSink, type XmlSink } from './sink.ts';

const XML_NS = 'http://www.w3.org/XML/1998/namespace';

/** Character data of an open element: most have one chunk or none, so no array until a second. */
type Text = string | string[] | undefined;

/** A CDATA chunk is kept literal: the marker keeps decodeEntities away from it. */
const CDATA = '\u0000';

/**
 * Names checked and split once: a JW323 repeats the same thirty element names a million times.
 * Keyed by a hash of the name's characters, taken while the scanner reads them, so a known name
 * costs no string and no string hashing; a hit is confirmed against the text itself.
 */
interface KnownName {
  qname: string;
  local: string;
  prefix: string;
  /** The namespace the prefix had in the scope last seen (descendants share their parent's scope). */
  scope: Map<string, string> | undefined;
  ns: string | undefined;
  /**
   * The element that came next the last time, after this one's start tag (its first child) and
   * after its end tag (its next sibling): a document repeats the same order a million times, so
   * the next start tag is first compared with that name before its characters are read one by one.
   */
  afterStart: KnownName | undefined;
  afterEnd: KnownName | undefined;
}
const knownNames = new Map<number, KnownName[]>();
let knownCount = 0;

/**
 * The same string as V8 keeps for a property key: the descriptors' element names and namespaces
 * are such strings, so the decoder's comparisons with a name read here become pointer compares.
 */
const intern = (s: string): string => Object.keys({ [s]: 0 })[0] ?? s;

function knownName(xml: string, lt: number, q: number, h: number): KnownName | undefined {
  const list = knownNames.get(h);
  if (list === undefined) return undefined;
  for (const k of list) if (k.qname.length === q - lt - 1 && xml.slice(lt + 1, q) === k.qname) return k;
  return undefined;
}

function learnName(qname: string, h: number): KnownName {
  const colon = qname.indexOf(':');
  const k: KnownName = { qname, local: intern(colon === -1 ? qname : qname.slice(colon + 1)), prefix: intern(colon === -1 ? '' : qname.slice(0, colon)), scope: undefined, ns: undefined, afterStart: undefined, afterEnd: undefined };
  if (knownCount < 10_000) {
    knownCount++;
    const list = knownNames.get(h);
    if (list) list.push(k);
    else knownNames.set(h, [k]);
  }
  return k;
}

const isSpace = (c: number) => c === 32 || c === 9 || c === 10 || c === 13;

function withText(old: Text, t: string): Text {
  if (old === undefined) return t;
  if (typeof old === 'string') return [old, t];
  old.push(t);
  return old;
}

function lineOf(xml: string, pos: number): string {
  let line = 1;
  let last = 0;
  for (let i = xml.indexOf('\n'); i !== -1 && i < pos; i = xml.indexOf('\n', i + 1)) {
    line++;
    last = i;
  }
  return `line ${line}, column ${pos - last}`;
}

function fail(xml: string, pos: number, msg: string): never {
  throw new IjwError('XML_NOT_WELL_FORMED', `Not well-formed XML at ${lineOf(xml, pos)}: ${msg}`);
}

/** Parses `key="value"` pairs of a start tag. */
/** Parses the `key="value"` pairs of a start tag. */
function parseAttributes(xml: string, src: string, at: number): Map<string, string> {
  const attrs = new Map<string, string>();
  // XML white space only: JS's \s would also take U+FEFF or a no-break space between attributes.
  const re = /[ \t\r\n]*([^ \t\r\n=/>]+)[ \t\r\n]*=[ \t\r\n]*(?:"([^"<]*)"|'([^'<]*)')/y;
  let i = 0;
  while (i < src.length) {
    if (isXmlSpace(src.slice(i))) break;
    re.lastIndex = i;
    const m = re.exec(src);
    if (!m) fail(xml, at, `malformed attribute near '${src.slice(i, i + 30).trim()}'`);
    if (!QNAME_RE.test(m[1]!)) fail(xml, at, `invalid attribute name '${m[1]!.slice(0, 40)}'`);
    if (attrs.has(m[1]!)) fail(xml, at, `duplicate attribute ${m[1]}`);
    if (i > 0 && !isSpace(src.charCodeAt(i))) fail(xml, at, 'attributes must be separated by white space');
    attrs.set(m[1]!, decodeEntities(m[2] ?? m[3] ?? ''));
    i = re.lastIndex;
  }
  return attrs;
}

/**
 * Scans `xml` into an element tree. Throws IjwError on anything not well-formed, on a DTD or
 * an entity other than the predefined ones.
 */
export function scanXml(xml: string, maxDepth: number): XmlElement {
  const tree = new TreeSink();
  scanInto(xml, maxDepth, tree);
  return tree.root!;
}

/** Scans `xml`, giving each element to `sink` as it goes; the same checks as scanXml. */
export function scanInto(xml: string, maxDepth: number, sink: XmlSink): void {
  // A name's cached namespace holds on to this document's scope: let go of it afterwards, so
  // the cache keeps no namespace maps of earlier (possibly hostile) documents alive.
  const touched: KnownName[] = [];
  try {
    scan(xml, maxDepth, sink, touched);
  } finally {
    for (const k of touched) {
      k.scope = undefined;
      k.ns = undefined;
    }
  }
}

function scan(xml: string, maxDepth: number, sink: XmlSink, touched: KnownName[]): void {
  // XML 1.0 §2.11: a parser reads CR LF and a lone CR as LF, in text and CDATA alike.
  if (xml.includes('\r')) xml = xml.replace(/\r\n?/g, '\n');
  // The open elements, one entry per level in parallel arrays (no object per element).
  const names: KnownName[] = [];
  const scopes: Map<string, string>[] = [];
  const texts: Text[] = [];
  let depth = 0;
  let root = false;
  // The name whose start or end tag came last, and which of the two: the guess for the next start tag.
  let last: KnownName | undefined;
  let lastWasStart = false;
  // The next ']]>' at or after pos; in character data it is an error (CDATA sections skip past theirs).
  let gtgt = xml.indexOf(']]>');
  let pos = 0;
  const n = xml.length;
  if (xml.startsWith('<?xml')) {
    const end = xml.indexOf('?>');
    if (end === -1) fail(xml, 0, 'unterminated XML declaration');
    pos = end + 2;
  }
  while (pos < n) {
    const lt = xml.indexOf('<', pos);
    const textEnd = lt === -1 ? n : lt;
    if (textEnd > pos) {
      if (gtgt !== -1 && gtgt < pos) gtgt = xml.indexOf(']]>', pos);
      if (gtgt !== -1 && gtgt < textEnd) fail(xml, gtgt, "the sequence ']]>' is not allowed in character data");
      const text = xml.slice(pos, textEnd);
      if (depth > 0) texts[depth - 1] = withText(texts[depth - 1], text);
      else if (!isXmlSpace(text)) fail(xml, pos, 'text outside the document element');
    }
    if (lt === -1) break;
    const c = xml.charCodeAt(lt + 1);
    if (c === 47 /* / */) {
      const gt = xml.indexOf('>', lt);
      if (gt === -1) fail(xml, lt, 'unterminated end tag');
      if (depth === 0) fail(xml, lt, `end tag </${xml.slice(lt + 2, gt).trim()}> without a start tag`);
      const name = names[--depth]!;
      const open = name.qname;
      // A slice compared whole is the fastest exact comparison V8 offers here (startsWith or a
      // loop over the characters take half as long again).
      const fits = xml.slice(lt + 2, lt + 2 + open.length) === open && (lt + 2 + open.length === gt || isXmlSpace(xml.slice(lt + 2 + open.length, gt)));
      if (!fits) fail(xml, lt, `expected </${open}>, found </${xml.slice(lt + 2, gt).trim()}>`);
      const text = texts[depth];
      texts[depth] = undefined;
      sink.end(text === undefined ? '' : textOf(text));
      last = name;
      lastWasStart = false;
      pos = gt + 1;
      continue;
    }
    if (c === 33 /* ! */) {
      if (xml.startsWith('<!--', lt)) {
        const end = xml.indexOf('-->', lt + 4);
        if (end === -1) fail(xml, lt, 'unterminated comment');
        const problem = commentProblem(xml, lt, end);
        if (problem) fail(xml, lt, problem);
        pos = end + 3;
      } else if (xml.startsWith('<![CDATA[', lt)) {
        const end = xml.indexOf(']]>', lt + 9);
        if (end === -1) fail(xml, lt, 'unterminated CDATA section');
        if (depth === 0) fail(xml, lt, 'CDATA outside the document element');
        texts[depth - 1] = withText(texts[depth - 1], `${CDATA}${xml.slice(lt + 9, end)}`);
        pos = end + 3;
      } else if (/^<!DOCTYPE/i.test(xml.slice(lt, lt + 9))) {
        throw new IjwError('XML_DTD_REFUSED', 'Document type declaration (DTD) refused: iJw messages have none, and a DTD could expand or fetch entities');
      } else fail(xml, lt, 'unexpected markup declaration');
      continue;
    }
    if (c === 63 /* ? */) {
      const end = xml.indexOf('?>', lt);
      if (end === -1) fail(xml, lt, 'unterminated processing instruction');
      const problem = piProblem(xml, lt, end);
      if (problem) fail(xml, lt, problem);
      pos = end + 2;
      continue;
    }
    // A start tag. First the guess: exactly `<name>` with the name that came next last time.
    const guess = last === undefined ? undefined : lastWasStart ? last.afterStart : last.afterEnd;
    if (guess !== undefined && depth > 0) {
      const end = lt + 1 + guess.qname.length;
      if (xml.charCodeAt(end) === 62 /* > */ && xml.slice(lt + 1, end) === guess.qname && guess.scope === scopes[depth - 1] && guess.ns !== undefined) {
        sink.start(guess.local, guess.ns, guess.prefix, undefined);
        if (depth >= maxDepth) throw new IjwError('XML_TOO_DEEP', `Elements nested deeper than ${maxDepth} levels`);
        names[depth] = guess;
        scopes[depth] = scopes[depth - 1]!;
        texts[depth] = undefined;
        depth++;
        last = guess;
        lastWasStart = true;
        pos = end + 1;
        continue;
      }
    }
    // Its name runs to '>', '/' or white space; hashed on the way for knownName.
    let q = lt + 1;
    let h = 0;
    for (; q < n; q++) {
      const k = xml.charCodeAt(q);
      if (k === 62 /* > */ || k === 47 /* / */ || isSpace(k)) break;
      h = (Math.imul(h, 31) + k) | 0;
    }
    let gt: number;
    let attrSrc: string | undefined;
    if (xml.charCodeAt(q) === 62) gt = q;
    else if (xml.charCodeAt(q) === 47 && xml.charCodeAt(q + 1) === 62) gt = q + 1;
    else {
      // Attributes: the tag ends at the first '>' outside quotes ('>' is allowed in a value, '<' is not).
      let quote = 0;
      let j = q;
      for (; j < n; j++) {
        const k = xml.charCodeAt(j);
        if (k === 60 /* < */) fail(xml, lt, "'<' inside a tag");
        if (quote) {
          if (k === quote) quote = 0;
        } else if (k === 34 || k === 39) quote = k;
        else if (k === 62) break;
      }
      if (j >= n) fail(xml, lt, 'unterminated start tag');
      gt = j;
      attrSrc = xml.slice(q, xml.charCodeAt(gt - 1) === 47 ? gt - 1 : gt);
    }
    const selfClosing = xml.charCodeAt(gt - 1) === 47;
    let name = knownName(xml, lt, q, h);
    if (name === undefined) {
      const qname = xml.slice(lt + 1, q);
      if (!QNAME_RE.test(qname)) fail(xml, lt, qname.includes('<') ? "'<' inside a tag" : `invalid element name '${qname.slice(0, 40)}'`);
      name = learnName(qname, h);
    }
    if (depth === 0 && root) fail(xml, lt, 'a second document element');
    let scope = depth > 0 ? scopes[depth - 1]! : new Map([['xml', XML_NS], ['', '']]);
    let attributes: string[] | undefined;
    if (attrSrc !== undefined) {
      ({ scope, attributes } = scopeAndAttributes(parseAttributes(xml, attrSrc, lt), scope, (problem) => fail(xml, lt, problem)));
    }
    let ns = name.ns;
    if (name.scope !== scope) {
      ns = scope.get(name.prefix);
      if (ns !== undefined) ns = intern(ns);
      if (name.scope === undefined) touched.push(name);
      name.scope = scope;
      name.ns = ns;
    }
    if (ns === undefined) fail(xml, lt, `namespace prefix '${name.prefix}' of <${name.qname}> is not declared`);
    root = true;
    if (last !== undefined) {
      if (lastWasStart) last.afterStart = name;
      else last.afterEnd = name;
    }
    last = name;
    lastWasStart = true;
    sink.start(name.local, ns, name.prefix, attributes);
    if (selfClosing) sink.end('');
    else {
      if (depth >= maxDepth) throw new IjwError('XML_TOO_DEEP', `Elements nested deeper than ${maxDepth} levels`);
      names[depth] = name;
      scopes[depth] = scope;
      texts[depth] = undefined;
      depth++;
    }
    pos = gt + 1;
  }
  if (depth > 0) fail(xml, n, `unclosed element <${names[depth - 1]!.qname}>`);
  if (!root) fail(xml, 0, 'no document element');
}

/** The element's character data, entities decoded, CDATA literal. */
function textOf(t: string | string[]): string {
  if (typeof t === 'string') return chunk(t);
  let s = '';
  for (const c of t) s += chunk(c);
  return s;
}

const chunk = (t: string) => (t.charCodeAt(0) === 0 ? t.slice(1) : decodeEntities(t));
