/**
 * Hostile and broken input for every entry point that reads a document (validateMessage,
 * readXml, readMessage, detectMessage, a definition's read): random bytes, truncation at every
 * offset, depth and size bombs, entity attacks with a listener that must see no connection,
 * wrong namespaces and BerichtCodes, duplicates, attributes, encodings. Each gives a clear
 * finding or IjwError within a time bound, never another exception, nothing fetched or
 * expanded. Complements ijw/validate.test.ts and ijw/xml/readers.test.ts (not repeated here).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createServer, type Server } from 'node:net';
import { resolve } from 'node:path';
import { validateMessage, type ValidationReport, type ValidateOptions } from '../../ijw/validate.ts';
import { readXml, DEFAULT_LIMITS } from '../../ijw/xml/safe-xml.ts';
import { detectMessage, messages, readMessage } from '../../ijw/messages/registry.ts';
import type { MessageDefinition } from '../../ijw/messages/define.ts';
import { MESSAGE_CODES, BERICHT_CODES, namespaceOf, type MessageCode } from '../../ijw/messages/codes.ts';
import { IjwError } from '../../ijw/errors.ts';
import { loadOfficialXsd } from '../../ijw/xsd/official-xsd.ts';
import { checkSimple } from '../../ijw/schema/simple-types.ts';
import { LDT_Commentaar } from '../../ijw/schema/generated/basisschema.ts';
import { arbAnyMessage, arbMessage } from '../../generators/arbitraries/index.ts';
import { buildLargeJw323 } from '../../generators/large-declaration.ts';
import * as fx from '../../ijw/rules/fixtures.ts';

const XSD_DIR = resolve(import.meta.dirname, '../../../shared/reference/xsd');
const xsd = loadOfficialXsd(XSD_DIR);
const NS305 = namespaceOf('JW305');
const XSI = 'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"';
const utf8 = (s: string) => new TextEncoder().encode(s);
const def = (code: MessageCode) => messages[code] as MessageDefinition<unknown>;

/** A valid JW305 with non-ASCII names, so byte truncation can split a UTF-8 sequence. */
function jw305(): string {
  const m = fx.jw305();
  m.Client.Naam.Geslachtsnaam.Achternaam = 'Çelik-Müller';
  m.Client.Naam.Voornamen = 'Zoë 😀';
  return def('JW305').build(m);
}
const JW305 = jw305();

/** A valid JW301 with a Commentaar 'X', to grow into a huge one. */
function jw301WithCommentaar(): string {
  const m = fx.jw301();
  m.Client.Commentaar = 'X';
  return def('JW301').build(m);
}

/** The entry points besides validateMessage: each either returns or throws an IjwError. */
const READERS: Record<string, (x: string | Uint8Array) => unknown> = {
  readXml: (x) => readXml(x),
  readMessage: (x) => readMessage(x),
  detectMessage: (x) => detectMessage(x),
  'JW305.read': (x) => def('JW305').read(x),
};

/**
 * Runs validateMessage (which must not throw) and every reader (which may only throw
 * IjwError), and checks the time they took together.
 */
async function judge(input: string | Uint8Array, { maxMs = 2_000, opts = {} as ValidateOptions } = {}): Promise<ValidationReport> {
  const t0 = performance.now();
  const report = await validateMessage(input, opts);
  // Both readers must agree on what is readable, and read the same findings; up to 256 KB, the
  // generated and edited messages (fast-xml-parser is not for the huge ones).
  if (input.length < 256 * 1024 && opts.limits?.scannerAbove === undefined) {
    const read = (scannerAbove: number) => validateMessage(input, { ...opts, limits: { ...(opts.limits ?? DEFAULT_LIMITS), scannerAbove } });
    const [small, scanner] = [await read(Infinity), await read(0)];
    const unreadable = (r: ValidationReport) => r.findings.some((f) => f.rule === 'XML');
    expect(unreadable(scanner), `scanner vs small-document reader: ${JSON.stringify([scanner.findings[0], small.findings[0]])}`).toBe(unreadable(small));
    if (!unreadable(small)) expect(scanner.findings).toEqual(small.findings);
  }
  for (const [name, read] of Object.entries(READERS)) {
    try {
      read(input);
    } catch (e) {
      if (!(e instanceof IjwError)) throw new Error(`${name} threw ${String(e)} instead of an IjwError`, { cause: e });
    }
  }
  expect(performance.now() - t0, 'time for validateMessage and the readers').toBeLessThan(maxMs);
  return report;
}

/** Refused as unreadable: one finding, rule XML, naming the error code. */
function expectRefused(r: ValidationReport, text: RegExp): void {
  expect(r.valid).toBe(false);
  expect(r.findings).toHaveLength(1);
  expect(r.findings[0]).toMatchObject({ rule: 'XML', level: 1, path: '/' });
  expect(r.findings[0]!.text).toMatch(text);
}

/** Read as message `code`, with an XSD finding at `path` whose text matches. */
function expectXsdFinding(r: ValidationReport, code: MessageCode, path: string, text: RegExp): void {
  expect(r.valid).toBe(false);
  expect(r.code).toBe(code);
  const f = r.findings.find((x) => x.path === path && x.rule === 'XSD');
  expect(f, `no XSD finding at ${path} in ${JSON.stringify(r.findings)}`).toBeDefined();
  expect(f).toMatchObject({ message: code, level: 1 });
  expect(f!.text).toMatch(text);
}

describe('random input', () => {
  it('random bytes: one XML finding, only IjwErrors from the readers', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 4096 }), async (bytes) => {
        const r = await judge(bytes);
        expect(r.valid).toBe(false);
        expect(r.findings).toHaveLength(1);
        expect(r.findings[0]!.rule).toBe('XML');
      }),
      { numRuns: 300 },
    );
  });

  it('random markup inside a JW305 document element: findings, never a crash', async () => {
    // Tokens that steer the parsers into their corners: tags, PIs, comments, CDATA, references.
    const token = fc.constantFrom('<', '>', '</', '/>', 'a', 'jw305:', 'ijw:', ':', '=', '"', "'", ' ', '\n', '&', ';', '#x41', '&amp;', '<!--', '-->', '<![CDATA[', ']]>', '<?', '?>', '<!', 'xmlns', 'xmlns:x="urn:x"', 'Header', 'Bsn', '\u00A0', '\u2028', 'é', '😀');
    await fc.assert(
      fc.asyncProperty(fc.array(token, { maxLength: 60 }), async (tokens) => {
        const xml = `<?xml version="1.0" encoding="UTF-8"?>\n<jw305:Bericht xmlns:jw305="${NS305}">${tokens.join('')}</jw305:Bericht>`;
        const r = await judge(xml);
        expect(r.valid).toBe(false);
        for (const f of r.findings) expect(f.text.length).toBeGreaterThan(0);
      }),
      { numRuns: 500 },
    );
  });

  // Both readers are held to it: fast-xml-parser (ordinary messages) and the scanner (large ones, forced here).
  it.each([
    ['the small-document reader', DEFAULT_LIMITS],
    ['the scanner', { ...DEFAULT_LIMITS, scannerAbove: 0 }],
  ])('one random character edit of a valid message: never valid by us while the official XSD rejects it (%s)', { timeout: 60_000 }, async (_reader, limits) => {
    // The reader is held to libxml2's notion of well-formed XML; every gap found so far is fixed.
    const piece = fc.constantFrom('<', '>', '/', '&', ';', '"', "'", '=', ' ', '\n', '\r', '\t', ']]>', '<!--', '-->', '--', '<?', '?>', '<![CDATA[', 'x', ':', '-', '?', '!', ' a="1"', ' xmlns:a=""', '&#0;', '&#x10;', '&#xFFFE;', '&lt;', '&#60;', '\u0001', '\uFFFF', '\uD800', '\u00A0', '\u2028', '\u0085', '\uFEFF', 'é', '😀', '<?xml version="1.0"?>', 'ijw:', '<a/>');
    // What we call valid is kept, and libxml2 judges it per message type after the runs (one
    // run of it each, instead of one per document).
    const kept = new Map<MessageCode, { y: string; what: string }[]>();
    const seed = (Math.random() * 2 ** 31) | 0;
    await fc.assert(
      fc.asyncProperty(arbAnyMessage(), fc.boolean(), fc.nat(), fc.integer({ min: 1, max: 4 }), fc.constantFrom('insert', 'delete', 'replace'), piece, async ({ code, model }, pretty, at, len, op, p) => {
        const x = def(code).build(model, { pretty });
        const i = at % x.length;
        const y = op === 'insert' ? x.slice(0, i) + p + x.slice(i) : op === 'delete' ? x.slice(0, i) + x.slice(i + len) : x.slice(0, i) + p + x.slice(i + len);
        const r = await judge(y, { opts: { limits } });
        if (!r.valid) return;
        const list = kept.get(code) ?? [];
        kept.set(code, list);
        list.push({ y, what: `${op} ${JSON.stringify(p)} at ${i} of a ${code} (fast-check seed ${seed}): ${JSON.stringify(y.slice(Math.max(0, i - 40), i + 40))}` });
      }),
      { numRuns: 400, seed },
    );
    for (const [code, list] of kept) {
      const official = await xsd.validateAll(list.map((k) => k.y), code);
      list.forEach((k, n) => expect(official[n]!.map((f) => f.text), k.what).toEqual([]));
    }
  });
});

describe('truncated messages', () => {
  it('a JW305 cut at every character offset is refused as not well-formed', { timeout: 30_000 }, async () => {
    const x = JW305.trimEnd();
    for (let n = 0; n < x.length; n++) expectRefused(await judge(x.slice(0, n)), /^XML_NOT_WELL_FORMED: /);
  });

  it('its UTF-8 bytes cut at every offset (also inside a multi-byte character)', { timeout: 30_000 }, async () => {
    const b = utf8(JW305.trimEnd());
    let splitChars = 0;
    for (let n = 0; n < b.length; n++) {
      const r = await judge(b.subarray(0, n));
      expectRefused(r, /^XML_NOT_WELL_FORMED: /);
      if (/not valid UTF-8/.test(r.findings[0]!.text)) splitChars++;
    }
    expect(splitChars, 'cuts inside Ç, ü, ë (one each) and 😀 (three)').toBe(6);
  });

  it('a damaged XML declaration, on an ordinary and on a large document', { timeout: 30_000 }, async () => {
    const big = buildLargeJw323(2000, 3);
    for (const doc of [JW305, big]) {
      for (const broken of [` ${doc}`, doc.replace('<?xml', '<? xml'), doc.replace('<?xml', '<?XML'), doc.replace('<?xml ', '<?xm?'), doc.replace('version', 'vers'), doc.replace('"1.0"', '"2.0"')]) {
        expectRefused(await judge(broken), /^XML_NOT_WELL_FORMED: .*(XML declaration|processing instruction)/);
      }
    }
  });

  it('a JW323 above the scanner threshold cut at random offsets', { timeout: 30_000 }, async () => {
    const big = buildLargeJw323(2000, 3);
    expect(big.length).toBeGreaterThan(1024 * 1024);
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1024 * 1024 + 1, max: big.length - 1 }), async (n) => {
        expectRefused(await judge(big.slice(0, n)), /^XML_NOT_WELL_FORMED: /);
      }),
      { numRuns: 15 },
    );
  });
});

describe('nesting and size bombs', () => {
  const open = `<?xml version="1.0" encoding="UTF-8"?><jw305:Bericht xmlns:jw305="${NS305}">`;
  const close = '</jw305:Bericht>';

  it.each([
    ['100,000 levels inside a JW305', (n: number) => `${'<a>'.repeat(n)}${'</a>'.repeat(n)}`, 100_000],
    ['1,000,000 levels (the large-document reader)', (n: number) => `${'<a>'.repeat(n)}${'</a>'.repeat(n)}`, 1_000_000],
    // '/>' in an attribute value once made the depth check count the tag as empty.
    ["levels hidden by '/>' in attribute values", (n: number) => `${'<a b="/>">'.repeat(n)}${'</a>'.repeat(n)}`, 60_000],
    ['levels after end tags hidden in a CDATA section', (n: number) => `<![CDATA[${'</a>'.repeat(n)}]]>${'<a>'.repeat(n)}${'</a>'.repeat(n)}`, 60_000],
    ['levels after end tags hidden in a comment', (n: number) => `<!--${'</a>'.repeat(n)}-->${'<a>'.repeat(n)}${'</a>'.repeat(n)}`, 60_000],
  ])('%s: XML_TOO_DEEP, fast', async (_label, body, n) => {
    const xml = open + body(n) + close;
    expectRefused(await judge(xml), /^XML_TOO_DEEP: Elements nested deeper than 64 levels/);
    expectRefused(await judge(utf8(xml)), /^XML_TOO_DEEP/);
  });

  it('a 50 MB value in one element: a finding naming the element, clipped, in bounded time and memory', { timeout: 30_000 }, async () => {
    const xml = JW305.replace('>Çelik-Müller<', `>${'a'.repeat(50_000_000)}<`);
    const before = process.memoryUsage().heapUsed;
    const r = await judge(xml, { maxMs: 10_000 });
    expect(process.memoryUsage().heapUsed - before, 'heap growth').toBeLessThan(150_000_000);
    expect(r.findings).toHaveLength(1);
    expectXsdFinding(r, 'JW305', '/Bericht/Client/Naam/Geslachtsnaam/Achternaam', /is longer than 200 characters \(50000000\)/);
    expect(r.findings[0]!.text.length, 'the finding quotes a clip, not 50 MB').toBeLessThan(300);
  });

  it('a 50 MB Commentaar of words (no maxLength; its pattern once overflowed the regex stack)', { timeout: 30_000 }, async () => {
    const xml = jw301WithCommentaar().replace('<jw301:Commentaar>X<', `<jw301:Commentaar>${'zorg '.repeat(10_000_000)}<`);
    const before = process.memoryUsage().heapUsed;
    const r = await judge(utf8(xml), { maxMs: 10_000 });
    expect(process.memoryUsage().heapUsed - before, 'heap growth').toBeLessThan(150_000_000);
    expect(r.findings).toEqual([]);
    const blank = await judge(jw301WithCommentaar().replace('<jw301:Commentaar>X<', `<jw301:Commentaar>${' \n'.repeat(5_000_000)}<`), { maxMs: 10_000 });
    expectXsdFinding(blank, 'JW301', '/Bericht/Client/Commentaar', /does not match the pattern/);
  });

  it('the Commentaar check agrees with the literal XSD pattern on short strings', () => {
    // ([.\s]*\S+[.\s]*)+ translated as written; '.' inside a class is a literal dot.
    const literal = /^(?:(?:[. \t\n\r]*[^ \t\n\r]+[. \t\n\r]*)+)$/u;
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(' ', '\t', '\n', '\r', '.', 'a', 'é', '\u00A0'), maxLength: 12 }), (s) => {
        expect(checkSimple(LDT_Commentaar, s).problem === undefined).toBe(s.length >= 1 && literal.test(s));
      }),
      { numRuns: 1000 },
    );
  });
});

describe('entities and external references: refused, never expanded or fetched', () => {
  let listener: Server;
  let port = 0;
  let connections = 0;
  beforeAll(async () => {
    listener = createServer((socket) => {
      connections++;
      socket.destroy();
    });
    await new Promise<void>((done) => listener.listen(0, '127.0.0.1', done));
    port = (listener.address() as { port: number }).port;
  });
  afterAll(() => new Promise<void>((done) => listener.close(() => done())));

  const url = () => `http://127.0.0.1:${port}/evil`;
  const laughs = `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">${Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i || ''};`.repeat(10)}">`).join('')}]><lolz>&lol9;</lolz>`;

  it('billion laughs, also with the official XSDs on (libxml2 never sees the DTD)', async () => {
    for (const input of [laughs, utf8(laughs), laughs.replace('<!DOCTYPE', '<!doctype')]) {
      for (const opts of [{}, { xsd }]) {
        const r = await judge(input, { opts });
        expectRefused(r, /^XML_DTD_REFUSED/);
        expect(r.findings[0]!.text).not.toMatch(/lollol/);
      }
    }
  });

  it('an entity declared without a DOCTYPE, and a parameter entity', async () => {
    expectRefused(await judge('<!ENTITY x "y"><a>&x;</a>'), /^XML_ENTITY_REFUSED/);
    expectRefused(await judge(`<!DOCTYPE a [<!ENTITY % p SYSTEM "file:///etc/passwd"> %p;]><a/>`), /^XML_DTD_REFUSED/);
  });

  it('XXE to file:///etc/passwd and to a local listener, with and without the XSDs: no connection arrives', async () => {
    const inputs = [
      `<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "${url()}">]><x>&e;</x>`,
      `<?xml version="1.0"?><!DOCTYPE x SYSTEM "${url()}"><x/>`,
      `<?xml version="1.0"?><!DOCTYPE x [<!ENTITY % p SYSTEM "${url()}"> %p;]><x/>`,
      JW305.replace('?>', `?><!DOCTYPE jw305:Bericht [<!ENTITY e SYSTEM "file:///etc/passwd">]>`).replace('>Çelik-Müller<', '>&e;<'),
    ];
    for (const input of inputs) {
      for (const opts of [{}, { xsd }]) {
        const r = await judge(input, { opts });
        expectRefused(r, /^XML_DTD_REFUSED/);
        expect(r.findings[0]!.text).not.toMatch(/root:/);
      }
    }
    // References that are not entities: a schema location hint and an XInclude, both under libxml2.
    const hinted = JW305.replace('<jw305:Bericht ', `<jw305:Bericht ${XSI} xsi:schemaLocation="${NS305} ${url()}.xsd" `);
    expect((await judge(hinted, { opts: { xsd } })).findings).toEqual([]);
    const xinclude = JW305.replace('<jw305:Bsn>', `<xi:include xmlns:xi="http://www.w3.org/2001/XInclude" href="${url()}" parse="text"/><jw305:Bsn>`);
    const r = await judge(xinclude, { opts: { xsd } });
    expectXsdFinding(r, 'JW305', '/Bericht/Client/include', /Unexpected element include|out of order/);
    await new Promise((done) => setTimeout(done, 200));
    expect(connections, 'connections to the listener').toBe(0);
    // The listener does count a real request, so the zero above means something.
    await fetch(url()).catch(() => undefined);
    await new Promise((done) => setTimeout(done, 100));
    expect(connections).toBe(1);
  });
});

describe('wrong namespace, root or BerichtCode', () => {
  const prefixed = (ns: string) => JW305.replace(/<(\/?)jw305:(?!Bericht[ >])/g, '<$1x:').replace('<jw305:Bericht ', `<jw305:Bericht xmlns:x="${ns}" `);

  it('children in another message namespace, unqualified, or in the basisschema namespace: named per element', async () => {
    expectXsdFinding(await judge(prefixed(namespaceOf('JW307'))), 'JW305', '/Bericht/Header', /namespace 'http:\/\/www\.istandaarden\.nl\/ijw\/3_2\/jw307\/schema', expected '.*jw305\/schema'/);
    expectXsdFinding(await judge(JW305.replace(/<(\/?)jw305:(?!Bericht[ >])/g, '<$1')), 'JW305', '/Bericht/Header', /namespace '', expected/);
    expectXsdFinding(await judge(JW305.replace(/jw305:Bsn/g, 'ijw:Bsn')), 'JW305', '/Bericht/Client/Bsn', /basisschema/);
  });

  it('a namespace that differs by a slash or case, and a wrong document element name', async () => {
    expectRefused(await judge(JW305.replaceAll(NS305, `${NS305}/`)), /^UNKNOWN_MESSAGE: .*jw305\/schema\/'/);
    expectRefused(await judge(JW305.replaceAll(NS305, NS305.replace('ijw', 'IJW'))), /^UNKNOWN_MESSAGE: .*IJW/);
    const r = await judge(JW305.replace(/jw305:Bericht\b/g, 'jw305:Berichten'));
    expectXsdFinding(r, 'JW305', '/Berichten', /Document element is .*Berichten, expected .*Bericht/);
  });

  it('the same message with a default namespace instead of a prefix is valid for us and for the XSD', async () => {
    const xml = JW305.replace(/<(\/?)jw305:/g, '<$1').replace(`xmlns:jw305="${NS305}"`, `xmlns="${NS305}"`);
    expect((await judge(xml)).findings).toEqual([]);
    expect(await xsd.validate(xml, 'JW305')).toEqual([]);
  });

  it.each(MESSAGE_CODES)('%s with the BerichtCode of another message: a finding at /Bericht/Header/BerichtCode', async (code) => {
    const [model] = fc.sample(arbMessage(code), { seed: 11, numRuns: 1 });
    const xml = def(code).build(model);
    const own = BERICHT_CODES[code];
    const other = BERICHT_CODES[MESSAGE_CODES[(MESSAGE_CODES.indexOf(code) + 1) % MESSAGE_CODES.length]!];
    for (const wrong of [other, '414']) {
      const r = await judge(xml.replace(`BerichtCode>${own}<`, `BerichtCode>${wrong}<`));
      expect(r.findings).toHaveLength(1);
      expectXsdFinding(r, code, '/Bericht/Header/BerichtCode', new RegExp(`'${wrong}' does not match the pattern ${own}`));
    }
  });
});

describe('duplicates and attributes', () => {
  const header = /<jw305:Header>[\s\S]*?<\/jw305:Header>/.exec(JW305)![0];

  it('a duplicated Header or Bsn is named', async () => {
    expectXsdFinding(await judge(JW305.replace(header, header + header)), 'JW305', '/Bericht/Header', /occurs too often \(max 1\)/);
    expectXsdFinding(await judge(JW305.replace(/(<jw305:Bsn>.*<\/jw305:Bsn>)/, '$1$1')), 'JW305', '/Bericht/Client/Bsn', /occurs too often \(max 1\)/);
  });

  it('two document elements, a repeated namespace declaration, a repeated attribute: not well-formed', async () => {
    expectRefused(await judge(JW305 + JW305.replace(/^<\?xml[^>]*>/, '')), /^XML_NOT_WELL_FORMED/);
    expectRefused(await judge(JW305.replace('<jw305:Bericht ', `<jw305:Bericht xmlns:jw305="${NS305}" `)), /^XML_NOT_WELL_FORMED: .*xmlns:jw305.*repeated/);
    expectRefused(await judge(JW305.replace('<jw305:Bsn>', '<jw305:Bsn a="1" a="2">')), /^XML_NOT_WELL_FORMED: .*repeated/);
  });

  it.each([
    ['an attribute', 'foo="1"', /Attribute foo is not allowed on Bsn/],
    ['xml:lang', 'xml:lang="nl"', /Attribute xml:lang/],
    ['xsi:nil', `${XSI} xsi:nil="true"`, /Attribute xsi:nil/],
    ['xsi:type', `${XSI} xsi:type="x"`, /Attribute xsi:type/],
  ])('%s on an element is an XSD finding naming the element (the XSDs declare none)', async (_l, attr, text) => {
    const xml = JW305.replace('<jw305:Bsn>', `<jw305:Bsn ${attr}>`);
    expectXsdFinding(await judge(xml), 'JW305', '/Bericht/Client/Bsn', text);
    expect((await xsd.validate(xml, 'JW305')).length, 'the official XSD agrees').toBeGreaterThan(0);
  });
});

describe('encodings and characters', () => {
  const latin1 = (s: string) => Uint8Array.from(s, (c) => c.charCodeAt(0));
  const withBytes = (at: string, bytes: number[]) => {
    const [a, b] = JW305.split(at) as [string, string];
    return Uint8Array.from([...utf8(a), ...bytes, ...utf8(at + b)]);
  };

  it.each([
    ['UTF-16LE with BOM', Uint8Array.from([0xff, 0xfe, ...Buffer.from(JW305.replace('UTF-8', 'UTF-16'), 'utf16le')]), /UTF-16 or UTF-32/],
    ['UTF-16BE with BOM', Uint8Array.from([0xfe, 0xff, ...Buffer.from(JW305.replace('UTF-8', 'UTF-16'), 'utf16le').swap16()]), /UTF-16 or UTF-32/],
    ['UTF-16LE without BOM', Uint8Array.from(Buffer.from(JW305.replace('UTF-8', 'UTF-16'), 'utf16le')), /UTF-16 or UTF-32/],
    ['encoding="ISO-8859-1" with Latin-1 bytes', latin1(JW305.replace('UTF-8', 'ISO-8859-1').replace('Çelik-Müller', 'Mu\u00efller').replace(/Zoë 😀/, 'Zo\u00eb')), /Encoding ISO-8859-1 is not supported/],
    ['Latin-1 bytes without a declaration', latin1(JW305.replace('Çelik-Müller', 'M\u00fcller').replace(/Zoë 😀/, 'Zoe')), /not valid UTF-8/],
    ['an overlong encoding (C0 AF)', withBytes('</jw305:Bsn>', [0xc0, 0xaf]), /not valid UTF-8/],
    ['a lone continuation byte', withBytes('</jw305:Bsn>', [0x80]), /not valid UTF-8/],
    ['an encoded surrogate (ED A0 80)', withBytes('</jw305:Bsn>', [0xed, 0xa0, 0x80]), /not valid UTF-8/],
    ['a cut 4-byte sequence', withBytes('</jw305:Bsn>', [0xf0, 0x9f, 0x98]), /not valid UTF-8/],
    ['a BOM followed by garbage', Uint8Array.from([0xef, 0xbb, 0xbf, 0x00, 0x01, 0xff, 0x3c]), /not valid UTF-8|U\+0000/],
    ['a UTF-8 declaration saying UTF-16', utf8(JW305.replace('UTF-8', 'UTF-16')), /Encoding UTF-16 is not supported/],
  ])('%s: refused, saying why', async (_l, bytes, text) => {
    expectRefused(await judge(bytes), new RegExp(`^XML_NOT_WELL_FORMED: .*${text.source}`));
  });

  it('a UTF-8 BOM, and U+FFFD written in UTF-8, are fine', async () => {
    expect((await judge(Uint8Array.from([0xef, 0xbb, 0xbf, ...utf8(JW305)]))).findings).toEqual([]);
    expect((await judge(utf8(JW305.replace('Zoë 😀', 'Zo\uFFFD')))).findings).toEqual([]);
  });

  it.each([
    ['a control character', JW305.replace('Çelik', 'Çe\u0001lik'), /U\+0001/],
    ['a character reference to a control character', JW305.replace('Çelik', 'Çe&#x1;lik'), /Character reference &#x1;/],
    ['U+FFFE', JW305.replace('Çelik', 'Çe\uFFFElik'), /U\+FFFE/],
    ['a no-break space as the only text between elements', JW305.replace('<jw305:Bsn>', '\u00A0<jw305:Bsn>'), /may only contain elements/],
  ])('%s: a finding, as libxml2 has one', async (_l, xml, text) => {
    const r = await judge(xml);
    expect(r.valid).toBe(false);
    expect(r.findings.map((f) => f.text).join('\n')).toMatch(text);
    expect((await xsd.validate(xml, 'JW305')).length, 'the official XSD agrees').toBeGreaterThan(0);
  });

  it('an unpaired surrogate in a string document is refused (it has no UTF-8 form to hand libxml2)', async () => {
    expectRefused(await judge(JW305.replace('Çelik', 'Çe\uD800lik')), /^XML_NOT_WELL_FORMED: Character U\+D800/);
  });
});
