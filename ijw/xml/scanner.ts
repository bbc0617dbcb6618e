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

interface Frame {
  qname: string;
  scope: Map<string, string>;
  /** Raw character data chunks; most elements have one or none, so no array until a second. */
  text: string | string[] | undefined;
}

/** A CDATA chunk is kept literal: the marker keeps decodeEntities away from it. */
const CDATA = '\u0000';

/** Names checked and split once: a JW323 repeats the same thirty element names a million times. */
const knownNames = new Map<string, [local: string, prefix: string]>();

const isSpace = (c: number) => c === 32 || c === 9 || c === 10 || c === 13;

function pushText(f: Frame, t: string): void {
  if (f.text === undefined) f.text = t;
  else if (typeof f.text === 'string') f.text = [f.text, t];
  else f.text.push(t);
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
  // XML 1.0 §2.11: a parser reads CR LF and a lone CR as LF, in text and CDATA alike.
  if (xml.includes('\r')) xml = xml.replace(/\r\n?/g, '\n');
  const stack: Frame[] = [];
  let root = false;
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
      const top = stack[stack.length - 1];
      if (top) pushText(top, text);
      else if (!isXmlSpace(text)) fail(xml, pos, 'text outside the document element');
    }
    if (lt === -1) break;
    const c = xml.charCodeAt(lt + 1);
    if (c === 47 /* / */) {
      const gt = xml.indexOf('>', lt);
      if (gt === -1) fail(xml, lt, 'unterminated end tag');
      const top = stack.pop();
      // Compared in place: slicing a million end-tag names costs more than the rest of the tag.
      const fits = top !== undefined && xml.startsWith(top.qname, lt + 2) && (lt + 2 + top.qname.length === gt || isXmlSpace(xml.slice(lt + 2 + top.qname.length, gt)));
      if (!fits) {
        const qname = xml.slice(lt + 2, gt).trim();
        if (!top) fail(xml, lt, `end tag </${qname}> without a start tag`);
        fail(xml, lt, `expected </${top.qname}>, found </${qname}>`);
      }
      sink.end(textOf(top));
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
        const top = stack[stack.length - 1];
        if (!top) fail(xml, lt, 'CDATA outside the document element');
        pushText(top, `${CDATA}${xml.slice(lt + 9, end)}`);
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
    // A start tag: its name runs to '>', '/' or white space.
    let q = lt + 1;
    for (; q < n; q++) {
      const k = xml.charCodeAt(q);
      if (k === 62 /* > */ || k === 47 /* / */ || isSpace(k)) break;
    }
    const qname = xml.slice(lt + 1, q);
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
    let parts = knownNames.get(qname);
    if (!parts) {
      if (!QNAME_RE.test(qname)) fail(xml, lt, qname.includes('<') ? "'<' inside a tag" : `invalid element name '${qname.slice(0, 40)}'`);
      const colon = qname.indexOf(':');
      parts = colon === -1 ? [qname, ''] : [qname.slice(colon + 1), qname.slice(0, colon)];
      if (knownNames.size < 10_000) knownNames.set(qname, parts);
    }
    const parent = stack[stack.length - 1];
    if (!parent && root) fail(xml, lt, 'a second document element');
    let scope = parent?.scope ?? new Map([['xml', XML_NS], ['', '']]);
    let attributes: string[] | undefined;
    if (attrSrc !== undefined) {
      ({ scope, attributes } = scopeAndAttributes(parseAttributes(xml, attrSrc, lt), scope, (problem) => fail(xml, lt, problem)));
    }
    const [local, prefix] = parts;
    const ns = scope.get(prefix);
    if (ns === undefined) fail(xml, lt, `namespace prefix '${prefix}' of <${qname}> is not declared`);
    if (!parent) root = true;
    sink.start(local, ns, prefix, attributes);
    const frame: Frame = { qname, scope, text: undefined };
    if (selfClosing) sink.end('');
    else {
      stack.push(frame);
      if (stack.length > maxDepth) throw new IjwError('XML_TOO_DEEP', `Elements nested deeper than ${maxDepth} levels`);
    }
    pos = gt + 1;
  }
  if (stack.length) fail(xml, n, `unclosed element <${stack[stack.length - 1]!.qname}>`);
  if (!root) fail(xml, 0, 'no document element');
}

/** The element's character data, entities decoded, CDATA literal. */
function textOf(f: Frame): string {
  const t = f.text;
  if (t === undefined) return '';
  if (typeof t === 'string') return chunk(t);
  let s = '';
  for (const c of t) s += chunk(c);
  return s;
}

const chunk = (t: string) => (t.charCodeAt(0) === 0 ? t.slice(1) : decodeEntities(t));
