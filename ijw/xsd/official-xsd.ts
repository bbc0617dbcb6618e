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
}

/** Loads the XSDs of `dir` once; `validate` runs libxml2 on one document. */
export function loadOfficialXsd(dir: string): OfficialXsd {
  const basisFile = join(dir, 'basisschema.xsd');
  if (!existsSync(basisFile)) throw new XsdDirectoryError(dir, 'basisschema.xsd');
  const basis = { fileName: 'basisschema.xsd', contents: readFileSync(basisFile, 'utf8') };
  const cache = new Map<MessageCode, { fileName: string; contents: string }>();
  return {
    dir,
    async validate(xml, code) {
      let schema = cache.get(code);
      if (!schema) {
        const f = join(dir, `${code.toLowerCase()}.xsd`);
        if (!existsSync(f)) throw new XsdDirectoryError(dir, `${code.toLowerCase()}.xsd`);
        schema = { fileName: `${code.toLowerCase()}.xsd`, contents: readFileSync(f, 'utf8') };
        cache.set(code, schema);
      }
      const r = await validateXML({
        xml: [{ fileName: 'message.xml', contents: xml }],
        schema: [schema],
        preload: [basis],
        maxMemoryPages: 65536,
      });
      return r.errors.map((e) => ({
        message: code,
        path: e.loc ? `line ${e.loc.lineNumber}` : '/',
        rule: 'XSD',
        level: 1 as const,
        text: `official XSD: ${e.message.replace(/^message\.xml:\d+: /, '').trim()}`,
      }));
    },
  };
}

/** The XSD folder a user configured, if any. */
export function configuredXsdDir(explicit?: string): string | undefined {
  return explicit ?? process.env.IJW_XSD_DIR ?? undefined;
}
