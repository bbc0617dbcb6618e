/** Every message definition, keyed by code; typed so that a missing message does not compile. */
import type { MessageDefinition } from './define.ts';
import { MESSAGE_CODES, isMessageCode, namespaceOf, type MessageCode } from './codes.ts';
import { jw301, type Jw301 } from './jw301.ts';
import { jw302, type Jw302 } from './jw302.ts';
import { jw305, type Jw305 } from './jw305.ts';
import { jw306, type Jw306 } from './jw306.ts';
import { jw307, type Jw307 } from './jw307.ts';
import { jw308, type Jw308 } from './jw308.ts';
import { jw315, type Jw315 } from './jw315.ts';
import { jw316, type Jw316 } from './jw316.ts';
import { jw317, type Jw317 } from './jw317.ts';
import { jw318, type Jw318 } from './jw318.ts';
import { jw319, type Jw319 } from './jw319.ts';
import { jw320, type Jw320 } from './jw320.ts';
import { jw323, type Jw323 } from './jw323.ts';
import { jw325, type Jw325 } from './jw325.ts';
import { readXmlInto, DEFAULT_LIMITS, type ReadLimits } from '../xml/safe-xml.ts';
import type { XmlSink } from '../xml/sink.ts';
import type { SchemaDecoder } from '../schema/decoder.ts';
import { IjwError } from '../errors.ts';

export interface MessageModels {
  JW301: Jw301; JW302: Jw302; JW305: Jw305; JW306: Jw306; JW307: Jw307; JW308: Jw308; JW315: Jw315;
  JW316: Jw316; JW317: Jw317; JW318: Jw318; JW319: Jw319; JW320: Jw320; JW323: Jw323; JW325: Jw325;
}

export const messages: { [C in MessageCode]: MessageDefinition<MessageModels[C]> } = {
  JW301: jw301, JW302: jw302, JW305: jw305, JW306: jw306, JW307: jw307, JW308: jw308, JW315: jw315,
  JW316: jw316, JW317: jw317, JW318: jw318, JW319: jw319, JW320: jw320, JW323: jw323, JW325: jw325,
};

const byNamespace = new Map<string, MessageCode>(MESSAGE_CODES.map((c) => [namespaceOf(c), c]));

/** A message of any type, discriminated by its code. */
export type AnyMessage = { [C in MessageCode]: { code: C; model: MessageModels[C] } }[MessageCode];

/**
 * Which message a document is, from its document element's namespace.
 * Throws IjwError UNKNOWN_MESSAGE for anything else.
 */
export function detectMessage(xml: string | Uint8Array): MessageCode {
  return readMessage(xml).code;
}

export function codeForNamespace(ns: string): MessageCode | undefined {
  return byNamespace.get(ns);
}

export { isMessageCode };

/** The result of reading a document of any iJw type: its code, the model, and XSD-level findings. */
export type ReadAnyResult = { [C in MessageCode]: { code: C; model: MessageModels[C]; findings: import('../findings.ts').Finding[] } }[MessageCode];

/**
 * Reads any iJw 3.2 message (parsing the text once). Throws IjwError on unreadable XML or an
 * unknown document element; structure and datatype problems come back as findings.
 */
export function readMessage(xml: string | Uint8Array, limits: ReadLimits = DEFAULT_LIMITS): ReadAnyResult {
  const sink = new AnyMessageSink();
  readXmlInto(xml, limits, sink);
  const { code, decoder } = sink;
  return { code: code!, model: decoder!.model as unknown, findings: decoder!.findings } as ReadAnyResult;
}

/** Picks the message's decoder at the document element, and hands it every element. */
class AnyMessageSink implements XmlSink {
  code: MessageCode | undefined;
  decoder: SchemaDecoder | undefined;

  start(name: string, ns: string, prefix: string, attributes: readonly string[] | undefined): void {
    if (!this.decoder) {
      this.code = byNamespace.get(ns);
      if (!this.code) throw unknownMessage(name, ns, prefix);
      this.decoder = messages[this.code].decoder();
    }
    this.decoder.start(name, ns, prefix, attributes);
  }

  end(text: string): void {
    this.decoder!.end(text);
  }
}

function unknownMessage(name: string, ns: string, prefix: string): IjwError {
  return new IjwError('UNKNOWN_MESSAGE', `Not an iJw 3.2 message: document element <${prefix ? `${prefix}:` : ''}${name}> is in namespace '${ns}' (expected http://www.istandaarden.nl/ijw/3_2/jwNNN/schema)`);
}
