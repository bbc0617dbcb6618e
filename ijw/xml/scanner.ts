/**
 * A single-pass XML scanner for large documents (a JW323 with 100,000 prestaties is ~80 MB):
 * fast-xml-parser's validate-then-parse costs about seven times native libxml2 there. It builds
 * the same namespace-resolved XmlElement tree as readXml, checks well-formedness as it goes,
 * and refuses DTDs and entities the same way. Documents below the threshold in safe-xml.ts
 * keep using fast-xml-parser.
 */
import { IjwError } from '../errors.ts';
import { decodeEntities, type XmlElement } from './safe-xml.ts';

const XML_NS = 'http://www.w3.org/XML/1998/namespace';
const NAME = /^[A-Za-z_\u00C0-\uFFFF][\w.\-\u00B7\u00C0-\uFFFF]*(?::[A-Za-z_\u00C0-\uFFFF][\w.\-\u00B7\u00C0-\uFFFF]*)?$/;

interface Frame {
  el: XmlElement;
  qname: string;
  scope: Map<string, string>;
  text: string[];
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
function parseAttributes(xml: string, src: string, at: number): Map<string, string> {
  const attrs = new Map<string, string>();
  const re = /\s*([^\s=/>]+)\s*=\s*(?:"([^"<]*)"|'([^'<]*)')/y;
  let i = 0;
  while (i < src.length) {
    if (/^\s*$/.test(src.slice(i))) break;
    re.lastIndex = i;
    const m = re.exec(src);
    if (!m) fail(xml, at, `malformed attribute near '${src.slice(i, i + 30).trim()}'`);
    if (attrs.has(m[1]!)) fail(xml, at, `duplicate attribute ${m[1]}`);
    if (i > 0 && !/^\s/.test(src.slice(i))) fail(xml, at, 'attributes must be separated by white space');
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
  const stack: Frame[] = [];
  let root: XmlElement | undefined;
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
      const text = xml.slice(pos, textEnd);
      const top = stack[stack.length - 1];
      if (top) top.text.push(text);
      else if (text.trim() !== '') fail(xml, pos, 'text outside the document element');
    }
    if (lt === -1) break;
    const c = xml.charCodeAt(lt + 1);
    if (c === 47 /* / */) {
      const gt = xml.indexOf('>', lt);
      if (gt === -1) fail(xml, lt, 'unterminated end tag');
      const qname = xml.slice(lt + 2, gt).trim();
      const top = stack.pop();
      if (!top) fail(xml, lt, `end tag </${qname}> without a start tag`);
      if (top.qname !== qname) fail(xml, lt, `expected </${top.qname}>, found </${qname}>`);
      close(top);
      pos = gt + 1;
      continue;
    }
    if (c === 33 /* ! */) {
      if (xml.startsWith('<!--', lt)) {
        const end = xml.indexOf('-->', lt + 4);
        if (end === -1) fail(xml, lt, 'unterminated comment');
        pos = end + 3;
      } else if (xml.startsWith('<![CDATA[', lt)) {
        const end = xml.indexOf(']]>', lt + 9);
        if (end === -1) fail(xml, lt, 'unterminated CDATA section');
        const top = stack[stack.length - 1];
        if (!top) fail(xml, lt, 'CDATA outside the document element');
        // Kept literal: the marker keeps decodeEntities away from it.
        top.text.push(`\u0000${xml.slice(lt + 9, end)}`);
        pos = end + 3;
      } else if (/^<!DOCTYPE/i.test(xml.slice(lt, lt + 9))) {
        throw new IjwError('XML_DTD_REFUSED', 'Document type declaration (DTD) refused: iJw messages have none, and a DTD could expand or fetch entities');
      } else fail(xml, lt, 'unexpected markup declaration');
      continue;
    }
    if (c === 63 /* ? */) {
      const end = xml.indexOf('?>', lt);
      if (end === -1) fail(xml, lt, 'unterminated processing instruction');
      pos = end + 2;
      continue;
    }
    // A start tag. Attribute values cannot contain '<' (checked below), so the next '>' ends it.
    const gt = xml.indexOf('>', lt);
    if (gt === -1) fail(xml, lt, 'unterminated start tag');
    let body = xml.slice(lt + 1, gt);
    const selfClosing = body.endsWith('/');
    if (selfClosing) body = body.slice(0, -1);
    if (body.includes('<')) fail(xml, lt, "'<' inside a tag");
    const sp = body.search(/\s/);
    const qname = sp === -1 ? body : body.slice(0, sp);
    if (!NAME.test(qname)) fail(xml, lt, `invalid element name '${qname.slice(0, 40)}'`);
    const parent = stack[stack.length - 1];
    if (!parent && root) fail(xml, lt, 'a second document element');
    let scope = parent?.scope ?? new Map([['xml', XML_NS], ['', '']]);
    if (sp !== -1) {
      const attrs = parseAttributes(xml, body.slice(sp), lt);
      for (const [k, v] of attrs) {
        if (k === 'xmlns' || k.startsWith('xmlns:')) {
          if (scope === parent?.scope || !parent) scope = new Map(scope);
          scope.set(k === 'xmlns' ? '' : k.slice(6), v);
        }
      }
    }
    const colon = qname.indexOf(':');
    const prefix = colon === -1 ? '' : qname.slice(0, colon);
    const ns = scope.get(prefix);
    if (ns === undefined) fail(xml, lt, `namespace prefix '${prefix}' of <${qname}> is not declared`);
    const el: XmlElement = { name: colon === -1 ? qname : qname.slice(colon + 1), ns, prefix, children: [], text: '' };
    if (parent) parent.el.children.push(el);
    else root = el;
    const frame: Frame = { el, qname, scope, text: [] };
    if (selfClosing) close(frame);
    else {
      stack.push(frame);
      if (stack.length > maxDepth) throw new IjwError('XML_TOO_DEEP', `Elements nested deeper than ${maxDepth} levels`);
    }
    pos = gt + 1;
  }
  if (stack.length) fail(xml, n, `unclosed element <${stack[stack.length - 1]!.qname}>`);
  if (!root) fail(xml, 0, 'no document element');
  return root;
}

function close(f: Frame): void {
  if (f.text.length === 0) return;
  let s = '';
  for (const t of f.text) s += t.charCodeAt(0) === 0 ? t.slice(1) : decodeEntities(t);
  f.el.text = s;
}
