/**
 * Mutation fuzzing of the validator against the official XSDs (libxml2, the oracle): take a
 * valid generated message, apply ONE mutation to its XML tree (drop, duplicate or swap an
 * element, put a leaf value just outside its type, or add an attribute), and require that our
 * own verdict (validateMessage without the XSDs) is never "valid" while the official XSDs
 * reject the document. The converse is not required: the in-message rules may reject
 * XSD-valid messages.
 *
 * Replay a failure with the seed it prints (FUZZ_SEED=<seed>); FUZZ_RUNS changes the number of
 * runs per message type (default 100). libxml2 judges the documents our validator calls valid
 * together, after the runs (one run of it costs about 0.1 s to start).
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { resolve } from 'node:path';
import { MESSAGE_CODES, type MessageCode } from '../../ijw/messages/codes.ts';
import { messages } from '../../ijw/messages/registry.ts';
import type { MessageDefinition } from '../../ijw/messages/define.ts';
import { validateMessage } from '../../ijw/validate.ts';
import { loadOfficialXsd } from '../../ijw/xsd/official-xsd.ts';
import { arbMessage } from '../../generators/arbitraries/index.ts';
import { arbMutation, mutate, toTree, toXml, MUTATION_KINDS, type MutationKind } from './xml-tree.ts';

const XSD_DIR = resolve(import.meta.dirname, '../../../shared/reference/xsd');
const xsd = loadOfficialXsd(XSD_DIR);
const RUNS = Number(process.env.FUZZ_RUNS ?? 100);
const SEED = process.env.FUZZ_SEED === undefined ? (Math.random() * 2 ** 31) | 0 : Number(process.env.FUZZ_SEED);
const def = (code: MessageCode) => messages[code] as MessageDefinition<unknown>;

/** Our verdict: structure, datatypes and in-message rules, without the official XSDs. */
type Judge = (xml: string) => Promise<{ valid: boolean; findings: string[] }>;
const ours: Judge = async (xml) => {
  const r = await validateMessage(xml);
  return { valid: r.valid, findings: r.findings.map((f) => `${f.path} [${f.rule}] ${f.text}`) };
};

/**
 * The property for one message type: for a valid message and one mutation, `judge` finds
 * something or the official XSDs accept the mutated document. The documents `judge` calls valid
 * are kept and libxml2 judges them together afterwards (one run instead of one per document);
 * the result lists every escape, each with the seed that makes it again.
 */
async function escapes(code: MessageCode, judge: Judge, { kinds = MUTATION_KINDS as readonly MutationKind[], numRuns = RUNS, seed = SEED } = {}): Promise<string[]> {
  const kept: { xml: string; description: string }[] = [];
  for (const [model, choice] of fc.sample(fc.tuple(arbMessage(code), arbMutation(kinds)), { numRuns, seed })) {
    const m = mutate(toTree(code, def(code).build(model)), choice);
    if (!m) continue; // e.g. no two adjacent siblings to swap: nothing to test
    const xml = toXml(code, m.tree);
    if ((await judge(xml)).valid) kept.push({ xml, description: `${code} ${m.description}` });
  }
  const official = await xsd.validateAll(kept.map((k) => k.xml), code);
  return kept.flatMap((k, i) => (official[i]!.length ? [`${k.description} (FUZZ_SEED=${seed}): valid by our validator, but the official XSD rejects it:\n${official[i]!.map((f) => f.text).join('\n')}`] : []));
}

describe('the tree the mutations work on', () => {
  it.each(MESSAGE_CODES)('%s: written back unmutated, it is the same valid message for us and for the XSD', async (code) => {
    for (const model of fc.sample(arbMessage(code), { seed: 42, numRuns: 3 })) {
      const xml = toXml(code, toTree(code, def(code).build(model)));
      expect((await validateMessage(xml)).findings).toEqual([]);
      expect(await xsd.validate(xml, code)).toEqual([]);
      expect(def(code).parse(xml)).toEqual(model);
    }
  });
});

describe('one mutation of a valid message: our validator finds something, or the official XSD accepts it', { timeout: 60_000 }, () => {
  it.each(MESSAGE_CODES)('%s', async (code) => {
    expect(await escapes(code, ours)).toEqual([]);
  });
});

describe('the property can fail', { timeout: 60_000 }, () => {
  // A validator that accepts everything must be caught by each kind of mutation: the kinds
  // really produce XSD-invalid documents, so a gap in our validator would show.
  it.each(MUTATION_KINDS)('a validator that accepts everything is caught by a %s mutation', async (kind) => {
    const lax: Judge = async () => ({ valid: true, findings: [] });
    const found = await escapes('JW305', lax, { kinds: [kind], numRuns: 100, seed: 7 });
    expect(found.length).toBeGreaterThan(0);
    expect(found[0]).toMatch(/official XSD rejects it/);
  });

  it('a validator that ignores maxLength is caught', async () => {
    const noMaxLength: Judge = async (xml) => {
      const r = await ours(xml);
      const left = r.findings.filter((f) => !/is longer than/.test(f));
      return { valid: left.length === 0, findings: left };
    };
    const found = await escapes('JW305', noMaxLength, { kinds: ['value'], numRuns: 300, seed: 7 });
    expect(found.join('\n')).toMatch(/facet 'maxLength'/);
  });
});
