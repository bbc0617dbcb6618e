/** The programmatic side of `npm run generate`: N valid messages of some types, replayable by seed. */
import fc from 'fast-check';
import { MESSAGE_CODES, type MessageCode } from '../../ijw/messages/codes.ts';
import { messages } from '../../ijw/messages/registry.ts';
import type { MessageDefinition } from '../../ijw/messages/define.ts';
import { arbMessage } from './index.ts';

export interface GeneratedFile {
  code: MessageCode;
  /** `jw305-0001.xml` */
  fileName: string;
  xml: string;
}

/**
 * Generates `count` messages of each code; same seed ⇒ same files, byte for byte. Each code
 * draws from its own stream (seed + position in MESSAGE_CODES), so adding `--message all`
 * does not change the JW305 files of the same seed.
 * @example generateMessages({ codes: ['JW305'], count: 2, seed: 42 }).map((f) => f.fileName) // ['jw305-0001.xml', 'jw305-0002.xml']
 */
export function generateMessages(o: { codes: readonly MessageCode[]; count: number; seed: number }): GeneratedFile[] {
  if (!Number.isInteger(o.count) || o.count < 1) throw new RangeError(`generateMessages: count must be an integer ≥ 1, got ${o.count}`);
  if (!Number.isInteger(o.seed)) throw new RangeError(`generateMessages: seed must be an integer, got ${o.seed}`);
  const files: GeneratedFile[] = [];
  for (const code of o.codes) {
    const def = messages[code] as MessageDefinition<unknown>;
    const models = fc.sample(arbMessage(code), { seed: (o.seed + MESSAGE_CODES.indexOf(code)) | 0, numRuns: o.count });
    models.forEach((m, i) => files.push({ code, fileName: `${code.toLowerCase()}-${String(i + 1).padStart(4, '0')}.xml`, xml: def.build(m) }));
  }
  return files;
}
