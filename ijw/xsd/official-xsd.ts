/**
 * Validation against a copy of the official iJw 3.2 XSDs with libxml2 (xmllint-wasm).
 * The product does not ship the XSDs; a user points to them with `--xsd DIR` or
 * `IJW_XSD_DIR`. The tests use `../shared/reference/xsd` as the oracle.
 */
import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { validateXML } from 'xmllint-wasm';
import type { Finding } from '../findings.ts';
import type { MessageCode } from '../messages/codes.ts';
import { IjwError } from '../errors.ts';

export class XsdDirectoryError extends IjwError {
  constructor(dir: string, missing: string) {
    super('UNKNOWN_MESSAGE', `XSD directory '${dir}' has no ${missing}: point --xsd (or IJW_XSD_DIR) to a folder with basisschema.xsd and jw301.xsd … jw325.xsd`);
  }
}

export interface OfficialXsd {
  dir: string;
  validate(xml: string, code: MessageCode): Promise<Finding[]>;
  /**
   * The findings of each document, in order, from one run of libxml2 over all of them: a run
   * costs about 0.1 s to start (a worker with the wasm module) and little per document after.
   */
  validateAll(xmls: readonly string[], code: MessageCode): Promise<Finding[][]>;
}

/** Loads the XSDs of `dir` once; `validate` runs libxml2 on one document, `validateAll` on many. */
export function loadOfficialXsd(dir: string): OfficialXsd {
  const basisFile = join(dir, 'basisschema.xsd');
  if (!existsSync(basisFile)) throw new XsdDirectoryError(dir, 'basisschema.xsd');
  const basis = { fileName: 'basisschema.xsd', contents: readFileSync(basisFile, 'utf8') };
  const cache = new Map<MessageCode, { fileName: string; contents: string }>();
  const schemaOf = (code: MessageCode) => {
    let schema = cache.get(code);
    if (!schema) {
      const f = join(dir, `${code.toLowerCase()}.xsd`);
      if (!existsSync(f)) throw new XsdDirectoryError(dir, `${code.toLowerCase()}.xsd`);
      schema = { fileName: `${code.toLowerCase()}.xsd`, contents: readFileSync(f, 'utf8') };
      cache.set(code, schema);
    }
    return schema;
  };
  const validateAll = async (xmls: readonly string[], code: MessageCode): Promise<Finding[][]> => {
    const out: Finding[][] = xmls.map(() => []);
    if (!xmls.length) return out;
    const r = await validateXML({
      xml: xmls.map((contents, i) => ({ fileName: `message-${i}.xml`, contents })),
      schema: [schemaOf(code)],
      preload: [basis],
      maxMemoryPages: 65536,
    });
    // Only located errors: libxml2 follows a parser error with the offending line and a caret
    // (no location, or a garbled one), and ends a failing document that is not the last with
    // "… fails to validate"; neither says more than the error itself.
    for (const e of r.errors) {
      const i = e.loc ? Number(/^message-(\d+)\.xml$/.exec(e.loc.fileName)?.[1]) : NaN;
      if (!Number.isInteger(i) || !out[i]) continue;
      out[i]!.push({
        message: code,
        path: `line ${e.loc!.lineNumber}`,
        rule: 'XSD',
        level: 1 as const,
        text: `official XSD: ${e.message.replace(/^message-\d+\.xml:\d+: /, '').trim()}`,
      });
    }
    // libxml2 said no but named no document: say so on every document rather than pass one.
    if (!r.valid && out.every((f) => !f.length)) {
      for (const f of out) f.push({ message: code, path: '/', rule: 'XSD', level: 1, text: 'official XSD: the documents were refused without a located error' });
    }
    return out;
  };
  return {
    dir,
    validateAll,
    async validate(xml, code) {
      return (await validateAll([xml], code))[0]!;
    },
  };
}

/** The XSD folder a user configured, if any. */
export function configuredXsdDir(explicit?: string): string | undefined {
  return explicit ?? process.env.IJW_XSD_DIR ?? undefined;
}
