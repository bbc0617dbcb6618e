/** Turns a generated schema descriptor into a message definition: build, read, parse. */
import type { ElementDecl } from '../schema/types.ts';
import { buildXml, checkModel, decodeTree } from '../schema/engine.ts';
import { SchemaDecoder } from '../schema/decoder.ts';
import { readXmlInto, type ReadLimits, type XmlElement, DEFAULT_LIMITS } from '../xml/safe-xml.ts';
import { IjwError } from '../errors.ts';
import { formatFinding, type Finding } from '../findings.ts';
import { BERICHT_CODES, namespaceOf, type MessageCode } from './codes.ts';

export interface ReadResult<T> {
  /** Present when the document is well-formed and of this message type; complete only without findings. */
  model?: T;
  /** Structure and datatype findings (level 1). */
  findings: Finding[];
}

export interface MessageDefinition<T> {
  readonly code: MessageCode;
  readonly berichtCode: string;
  readonly namespace: string;
  readonly root: ElementDecl;
  /** XML text of a model; throws MessageInvalidError when the model breaks the XSD. */
  build(model: T, opts?: { pretty?: boolean }): string;
  /** Reads XML into a model with every XSD-level finding; throws only on unreadable XML (IjwError). */
  read(xml: string | Uint8Array, limits?: ReadLimits): ReadResult<T>;
  /** Reads XML into a model; throws MessageInvalidError when it breaks the XSD. */
  parse(xml: string | Uint8Array): T;
  /** XSD-level findings of a model, without building it. */
  check(model: unknown): Finding[];
  /** Decodes an already-read element tree (see readXml). */
  decode(tree: XmlElement): ReadResult<T> & { model: T };
  /** A decoder that takes the document's elements as a reader gives them (readXmlInto). */
  decoder(): SchemaDecoder;
}

export class MessageInvalidError extends IjwError {
  readonly findings: Finding[];

  constructor(findings: Finding[]) {
    super('MESSAGE_INVALID', `${findings[0]?.message ?? 'Message'} is invalid:\n${findings.slice(0, 10).map(formatFinding).join('\n')}${findings.length > 10 ? `\n… and ${findings.length - 10} more` : ''}`);
    this.findings = findings;
    this.name = 'MessageInvalidError';
  }
}

export function defineMessage<T>(code: MessageCode, root: ElementDecl): MessageDefinition<T> {
  const ctx = { code, namespace: namespaceOf(code) };
  return {
    code,
    berichtCode: BERICHT_CODES[code],
    namespace: ctx.namespace,
    root,
    build(model, opts) {
      const findings = checkModel(root, model, ctx);
      if (findings.length) throw new MessageInvalidError(findings);
      return buildXml(root, model, ctx, opts);
    },
    read(xml, limits = DEFAULT_LIMITS) {
      const decoder = this.decoder();
      readXmlInto(xml, limits, decoder);
      return { model: decoder.model as T, findings: decoder.findings };
    },
    decoder() {
      return new SchemaDecoder(root, ctx);
    },
    decode(tree) {
      const { model, findings } = decodeTree(root, tree, ctx);
      return { model: model as T, findings };
    },
    parse(xml) {
      const r = this.read(xml);
      if (r.findings.length) throw new MessageInvalidError(r.findings);
      return r.model as T;
    },
    check(model) {
      return checkModel(root, model, ctx);
    },
  };
}
