/**
 * Property tests whose oracle is the official XSDs (libxml2): the property runs as usual (and
 * shrinks on its own checks), each run's document is kept, and after the runs libxml2 judges all
 * kept documents at once. One libxml2 run costs about 0.1 s to start and little per document,
 * so 30 documents cost one start instead of 30. A document the XSDs refuse is reported with the
 * seed that makes it again and the document itself.
 */
import fc from 'fast-check';
import { expect } from 'vitest';
import type { MessageCode } from '../../ijw/messages/codes.ts';
import type { OfficialXsd } from '../../ijw/xsd/official-xsd.ts';
import type { Finding } from '../../ijw/findings.ts';

export async function assertXsdValid<T>(
  xsd: OfficialXsd,
  code: MessageCode,
  arb: fc.Arbitrary<T>,
  build: (model: T) => string,
  check: (model: T, xml: string) => void,
  numRuns: number,
): Promise<void> {
  const seed = (Math.random() * 2 ** 31) | 0;
  const kept: string[] = [];
  fc.assert(
    fc.property(arb, (model) => {
      const xml = build(model);
      check(model, xml);
      if (kept.length < numRuns) kept.push(xml);
    }),
    { numRuns, seed },
  );
  const found = await xsd.validateAll(kept, code);
  found.forEach((f, i) => expect(f.map((x) => x.text), `${code}, fast-check seed ${seed}, run ${i + 1}: the official XSD refuses\n${kept[i]}`).toEqual([]));
}

/**
 * Documents registered while a test file is collected and judged by libxml2 together, per
 * message type, when the first test asks for its result: each test still asserts on its own
 * document, for the cost of one libxml2 run per type.
 */
export class XsdBatch {
  private readonly docs = new Map<MessageCode, string[]>();
  private readonly runs = new Map<MessageCode, Promise<Finding[][]>>();
  private readonly xsd: OfficialXsd;

  constructor(xsd: OfficialXsd) {
    this.xsd = xsd;
  }

  /** Registers a document; the returned function gives its findings. */
  add(code: MessageCode, xml: string): () => Promise<Finding[]> {
    if (this.runs.has(code)) throw new Error(`XsdBatch: a ${code} was added after its batch ran; add every document while the tests are collected`);
    const list = this.docs.get(code) ?? [];
    this.docs.set(code, list);
    const i = list.push(xml) - 1;
    return async () => {
      let run = this.runs.get(code);
      if (!run) this.runs.set(code, (run = this.xsd.validateAll(list, code)));
      return (await run)[i]!;
    };
  }
}
