/** Every message's arbitrary, keyed by code; typed so that a missing message does not compile. */
import fc from 'fast-check';
import { MESSAGE_CODES, type MessageCode } from '../../ijw/messages/codes.ts';
import type { MessageModels } from '../../ijw/messages/registry.ts';
import type { MessageConstraints } from './building-blocks.ts';
import { arbJw301 } from './jw301.ts';
import { arbJw302 } from './jw302.ts';
import { arbJw305 } from './jw305.ts';
import { arbJw306 } from './jw306.ts';
import { arbJw307 } from './jw307.ts';
import { arbJw308 } from './jw308.ts';
import { arbJw315 } from './jw315.ts';
import { arbJw316 } from './jw316.ts';
import { arbJw317 } from './jw317.ts';
import { arbJw318 } from './jw318.ts';
import { arbJw319 } from './jw319.ts';
import { arbJw320 } from './jw320.ts';
import { arbJw323 } from './jw323.ts';
import { arbJw325 } from './jw325.ts';

export const messageArbitraries = {
  JW301: arbJw301, JW302: arbJw302, JW305: arbJw305, JW306: arbJw306, JW307: arbJw307, JW308: arbJw308, JW315: arbJw315,
  JW316: arbJw316, JW317: arbJw317, JW318: arbJw318, JW319: arbJw319, JW320: arbJw320, JW323: arbJw323, JW325: arbJw325,
} as const satisfies { [C in MessageCode]: (c?: MessageConstraints) => fc.Arbitrary<MessageModels[C]> };

/**
 * A valid model of message `code` (XSD and in-message rules).
 * @example fc.sample(arbMessage('JW305'), 1)[0].Header.BerichtCode // '438'
 */
export function arbMessage<C extends MessageCode>(code: C, constraints?: MessageConstraints): fc.Arbitrary<MessageModels[C]> {
  const make = messageArbitraries[code] as (c?: MessageConstraints) => fc.Arbitrary<MessageModels[C]>;
  if (!make) throw new RangeError(`arbMessage: unknown message code ${JSON.stringify(code)} (known: ${MESSAGE_CODES.join(', ')})`);
  return make(constraints);
}

export type AnyGeneratedMessage = { [C in MessageCode]: { code: C; model: MessageModels[C] } }[MessageCode];

/** A valid message of any of the 14 types, tagged with its code. */
export function arbAnyMessage(constraints?: MessageConstraints): fc.Arbitrary<AnyGeneratedMessage> {
  return fc.oneof(...MESSAGE_CODES.map((code) => arbMessage(code, constraints).map((model) => ({ code, model }) as AnyGeneratedMessage)));
}

export { arbFromSchema, arbSimpleType, xsdPatternToRegExp } from './from-schema.ts';
export type { MessageConstraints } from './building-blocks.ts';
export { arbJw301, arbJw302, arbJw305, arbJw306, arbJw307, arbJw308, arbJw315, arbJw316, arbJw317, arbJw318, arbJw319, arbJw320, arbJw323, arbJw325 };
