/**
 * The two readers (fast-xml-parser for ordinary messages, the scanner for large ones) must
 * build the same tree from the same document, and refuse the same hostile input.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readSmall, readXml, DEFAULT_LIMITS } from './safe-xml.ts';
import { scanXml } from './scanner.ts';
import { IjwError } from '../errors.ts';

const name = fc.stringMatching(/^[A-Za-z][A-Za-z0-9]{0,8}$/);
const text = fc.string({ maxLength: 20 }).map((s) => s.replace(/[<&\u0000-\u0008\u000b\u000c\u000e-\u001f\ud800-\udfff\ufffe\uffff]/g, ''));
const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

interface Node { name: string; text: string; children: Node[] }
const node: fc.Arbitrary<Node> = fc.letrec<{ node: Node }>((tie) => ({
  node: fc.record({ name, text, children: fc.oneof({ depthSize: 'small', maxDepth: 5 }, fc.constant([] as Node[]), fc.array(tie('node'), { maxLength: 3 })) }),
})).node;

function render(n: Node, top = false): string {
  const ns = top ? ' xmlns:a="urn:a" xmlns="urn:d"' : '';
  const prefix = n.name.length % 2 ? 'a:' : '';
  return `<${prefix}${n.name}${ns}>${escape(n.text)}${n.children.map((c) => render(c)).join('')}</${prefix}${n.name}>`;
}

describe('XML readers', () => {
  it('read U+FEFF in a name as a name character, not as space to trim (a fuzzing counterexample)', () => {
    // '\uFEFFxmlns:a' is an attribute with the undeclared prefix '\uFEFFxmlns', not a namespace declaration.
    const xml = '<?xml version="1.0" encoding="UTF-8"?><a:B \uFEFFxmlns:a="urn:a"><a:C/></a:B>';
    expect(() => readXml(xml)).toThrow(/not declared/);
    expect(() => readXml(xml, { ...DEFAULT_LIMITS, scannerAbove: Infinity })).toThrow(/not declared/);
  });

  it('read a name with a character above U+FFFF as a name, as XML 1.0 (fifth edition) and libxml2 do (a fuzzing counterexample)', () => {
    const xml = '<?xml version="1.0" encoding="UTF-8"?><r xmlns="urn:x"><\u{1F600}/><a\u{10000}b c\u{E0100}="1"/></r>';
    const s = scanXml(xml, 10);
    expect(readSmall(xml)).toEqual(s);
    expect(s.children.map((c) => c.name)).toEqual(['\u{1F600}', 'a\u{10000}b']);
    // U+F0000 and above (private use planes) are no name characters.
    for (const read of [readSmall, (x: string) => scanXml(x, 10)]) expect(() => read('<r xmlns="urn:x"><\u{F0000}/></r>')).toThrow(/^Not well-formed XML/);
  });

  it('build the same tree', () => {
    fc.assert(
      fc.property(node, (n) => {
        const xml = `<?xml version="1.0" encoding="UTF-8"?>\n${render(n, true)}`;
        expect(scanXml(xml, DEFAULT_LIMITS.maxDepth)).toEqual(readSmall(xml));
      }),
      { numRuns: 300 },
    );
  });

  it('decode entities, character references and CDATA alike', () => {
    const xml = '<r xmlns="urn:x"><a>x &amp; &#233; &#x41; &lt;<![CDATA[<raw & stuff>]]></a><!-- c --><b/></r>';
    const s = scanXml(xml, 10);
    expect(s).toEqual(readSmall(xml));
    expect(s.children[0]!.text).toBe('x & é A <<raw & stuff>');
  });

  it("read a '>' inside an attribute value alike, and keep the attribute for the schema to refuse", () => {
    const xml = `<r xmlns="urn:x" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="urn:x r.xsd" a="x>y"><b c='1>2'/><d/></r>`;
    const s = scanXml(xml, 10);
    expect(s).toEqual(readSmall(xml));
    expect(s.attributes).toEqual(['a']);
    expect(s.children.map((c) => [c.name, c.attributes])).toEqual([['b', ['c']], ['d', undefined]]);
  });

  it.each([
    ['mismatched tags', '<a><b></a></b>', 'XML_NOT_WELL_FORMED'],
    ['unclosed', '<a><b></b>', 'XML_NOT_WELL_FORMED'],
    ['two roots', '<a/><b/>', 'XML_NOT_WELL_FORMED'],
    ['undeclared prefix', '<x:a/>', 'XML_NOT_WELL_FORMED'],
    ['unknown entity', '<a>&lol;</a>', 'XML_ENTITY_REFUSED'],
    ['DTD', '<!DOCTYPE a [<!ENTITY x "y">]><a>&x;</a>', 'XML_DTD_REFUSED'],
    ['bare ampersand', '<a>fish & chips</a>', 'XML_NOT_WELL_FORMED'],
    ['text after the root', '<a/>tail', 'XML_NOT_WELL_FORMED'],
    ["']]>' in character data", '<a>x ]]> y</a>', 'XML_NOT_WELL_FORMED'],
    ["'--' inside a comment", '<a><!-- a -- b --></a>', 'XML_NOT_WELL_FORMED'],
    ['a processing instruction named xml', '<a><?XML x?></a>', 'XML_NOT_WELL_FORMED'],
    ['a no-break space after the root', '<a/>\u00a0', 'XML_NOT_WELL_FORMED'],
    ['a line separator in an end tag', '<a></a\u2028>', 'XML_NOT_WELL_FORMED'],
  ])('both refuse %s', (_label, xml, code) => {
    for (const read of [(s: string) => scanXml(s, 64), (s: string) => readSmall(s)]) {
      let err: unknown;
      try {
        read(xml);
      } catch (e) {
        err = e;
      }
      expect(err).toBeInstanceOf(IjwError);
      expect((err as IjwError).code).toBe(code);
    }
  });

  it('uses the scanner above the threshold and still refuses depth bombs fast', () => {
    const deep = `${'<a>'.repeat(100_000)}${'</a>'.repeat(100_000)}`;
    const t0 = Date.now();
    expect(() => readXml(deep)).toThrow(/deeper than 64/);
    expect(Date.now() - t0).toBeLessThan(2000);
  });
});
