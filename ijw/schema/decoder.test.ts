/**
 * The decoder gets its elements from two readers: replayed from fast-xml-parser's tree
 * (ordinary messages) or straight from the scanner (documents above 64 KB). For any message,
 * intact or broken, both must give the same model and the same findings; and a large
 * declaration must read back to exactly the model it was built from.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { arbAnyMessage } from '../../generators/arbitraries/index.ts';
import { largeJw323Model, buildLargeJw323 } from '../../generators/large-declaration.ts';
import { messages } from '../messages/registry.ts';
import type { MessageDefinition } from '../messages/define.ts';
import { jw323 } from '../messages/jw323.ts';
import { readSmall, SCANNER_THRESHOLD_BYTES, type XmlElement } from '../xml/safe-xml.ts';
import { scanInto } from '../xml/scanner.ts';
import { replay } from '../xml/sink.ts';
import type { MessageCode } from '../messages/codes.ts';

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Writes a tree back as XML, declaring every namespace it uses on the document element. */
function write(root: XmlElement): string {
  const prefixes = new Map<string, string>();
  const collect = (e: XmlElement) => {
    prefixes.set(e.prefix, e.ns);
    e.children.forEach(collect);
  };
  collect(root);
  const decls = [...prefixes].map(([p, ns]) => ` xmlns${p ? `:${p}` : ''}="${ns}"`).join('');
  const out = (e: XmlElement, top: boolean): string => {
    const q = e.prefix ? `${e.prefix}:${e.name}` : e.name;
    return `<${q}${top ? decls : ''}>${escape(e.text)}${e.children.map((c) => out(c, false)).join('')}</${q}>`;
  };
  return out(root, true);
}

/** Every element with its parent, for picking a mutation target. */
function elements(root: XmlElement): [XmlElement, XmlElement][] {
  const all: [XmlElement, XmlElement][] = [];
  const visit = (e: XmlElement) => e.children.forEach((c) => (all.push([c, e]), visit(c)));
  visit(root);
  return all;
}

type Mutation = { kind: 'drop' | 'duplicate' | 'swap' | 'text' | 'rename'; at: number; value: string };
const mutation = fc.record({
  kind: fc.constantFrom<Mutation['kind']>('drop', 'duplicate', 'swap', 'text', 'rename'),
  at: fc.nat(),
  value: fc.constantFrom('', 'x', '2025-02-30', '99999999999', ' 12 ', 'Onbekend', '\u00a0'),
});

function mutate(root: XmlElement, m: Mutation): void {
  const all = elements(root);
  if (all.length === 0) return;
  const [el, parent] = all[m.at % all.length]!;
  const i = parent.children.indexOf(el);
  switch (m.kind) {
    case 'drop':
      parent.children.splice(i, 1);
      break;
    case 'duplicate':
      parent.children.splice(i, 0, structuredClone(el));
      break;
    case 'swap':
      if (i + 1 < parent.children.length) [parent.children[i], parent.children[i + 1]] = [parent.children[i + 1]!, parent.children[i]!];
      break;
    case 'text':
      el.text = m.value;
      break;
    case 'rename':
      el.name = `${el.name}X`;
      break;
  }
}

function bothWays(code: MessageCode, xml: string) {
  const def = messages[code] as MessageDefinition<unknown>;
  const viaTree = def.decoder();
  replay(readSmall(xml), viaTree);
  const viaScanner = def.decoder();
  scanInto(xml, 64, viaScanner);
  return { viaTree, viaScanner };
}

describe('the schema decoder', () => {
  it('gives the same model and findings from either reader, for intact and broken messages', () => {
    fc.assert(
      fc.property(arbAnyMessage(), fc.option(mutation, { nil: undefined }), ({ code, model }, m) => {
        const tree = readSmall((messages[code] as MessageDefinition<unknown>).build(model));
        if (m) mutate(tree, m);
        const { viaTree, viaScanner } = bothWays(code, write(tree));
        expect(viaScanner.findings).toEqual(viaTree.findings);
        expect(viaScanner.model).toEqual(viaTree.model);
        if (!m) expect(viaTree.findings).toEqual([]);
      }),
      { numRuns: 200 },
    );
  });

  it('reads a declaration above the scanner threshold back to the model it was built from', () => {
    const model = largeJw323Model(8_000, 11);
    const xml = buildLargeJw323(8_000, 11);
    expect(xml.length).toBeGreaterThan(SCANNER_THRESHOLD_BYTES);
    const r = jw323.read(xml);
    expect(r.findings).toEqual([]);
    expect(r.model).toEqual(model);
    // Model objects come from a constructor per type (sized to their fields) but are plain objects.
    const p = r.model!.Declaratie.Clienten.Client[0]!.Prestaties.Prestatie[0]!;
    for (const o of [r.model!.Declaratie, p, p.ProductPeriode]) {
      expect(Object.getPrototypeOf(o)).toBe(Object.prototype);
      expect(o.constructor).toBe(Object);
    }
    expect(r.model).toStrictEqual(JSON.parse(JSON.stringify(model)));
  });

  it('names the exact element of an error deep inside a large declaration', () => {
    const xml = buildLargeJw323(8_000, 11);
    // The Einddatum of the 7,001st prestatie (after the DeclaratiePeriode's) becomes a day that does not exist.
    let seen = 0;
    const broken = xml.replace(/(<ijw:Einddatum>)(\d{4}-\d{2})-\d{2}(<\/ijw:Einddatum>)/g, (all, a: string, ym: string, b: string) => (++seen === 7_002 ? `${a}${ym}-32${b}` : all));
    expect(seen).toBe(8_001);
    let ci = 0;
    let before = 0;
    const clients = largeJw323Model(8_000, 11).Declaratie.Clienten.Client;
    while (before + clients[ci]!.Prestaties.Prestatie.length < 7_001) before += clients[ci++]!.Prestaties.Prestatie.length;
    const r = jw323.read(broken);
    expect(r.findings).toEqual([
      expect.objectContaining({ message: 'JW323', rule: 'XSD', level: 1, path: `/Bericht/Declaratie/Clienten/Client[${ci + 1}]/Prestaties/Prestatie[${7_001 - before}]/ProductPeriode/Einddatum` }),
    ]);
    expect(r.findings[0]!.text).toMatch(/-32' is not an existing date/);
  });
});
