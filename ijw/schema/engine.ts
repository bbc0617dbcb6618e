/**
 * The schema engine: the descriptor serves decoding (XML → typed model, with every structure
 * and datatype finding; see decoder.ts), checking a model, and building (model → XML text),
 * for all 14 messages alike.
 */
import type { ComplexType, ElementDecl } from './types.ts';
import { BASISSCHEMA_NAMESPACE } from './types.ts';
import { checkSimple } from './simple-types.ts';
import { SchemaDecoder, type SchemaContext } from './decoder.ts';
import { replay } from '../xml/sink.ts';
import type { XmlElement } from '../xml/safe-xml.ts';
import type { Finding } from '../findings.ts';

export type { SchemaContext };

type Model = Record<string, unknown>;

/**
 * Decodes a document element against the message's root declaration. Returns the model as far
 * as it could be read, and every structure/datatype finding (level 1, rule `XSD`).
 */
export function decodeTree(root: ElementDecl, tree: XmlElement, ctx: SchemaContext): { model: Model; findings: Finding[] } {
  const decoder = new SchemaDecoder(root, ctx);
  replay(tree, decoder);
  return { model: decoder.model, findings: decoder.findings };
}

function xsd(ctx: SchemaContext, path: string, text: string): Finding {
  return { message: ctx.code, path, rule: 'XSD', level: 1, text };
}

/**
 * Checks a model against the descriptor without XML: the same findings decodeTree would give
 * for the XML that `buildXml` makes of it. Used to refuse building an invalid message.
 */
export function checkModel(root: ElementDecl, model: unknown, ctx: SchemaContext): Finding[] {
  const findings: Finding[] = [];
  walkModel(root.type as ComplexType, model, `/${root.name}`, ctx, findings);
  return findings;
}

function walkModel(type: ComplexType, model: unknown, path: string, ctx: SchemaContext, findings: Finding[]): void {
  if (typeof model !== 'object' || model === null || Array.isArray(model)) {
    findings.push(xsd(ctx, path, `Expected an object for ${type.name}`));
    return;
  }
  const m = model as Model;
  const known = new Set(type.children.map((c) => c.name));
  for (const k of Object.keys(m)) if (!known.has(k) && m[k] !== undefined) findings.push(xsd(ctx, `${path}/${k}`, `Unknown element ${k} in ${type.name}`));
  for (const decl of type.children) {
    const v = m[decl.name];
    const list = v === undefined || v === null ? [] : decl.max > 1 ? (Array.isArray(v) ? v : [v]) : [v];
    if (decl.max > 1 && v !== undefined && !Array.isArray(v)) findings.push(xsd(ctx, `${path}/${decl.name}`, `${decl.name} repeats: give an array`));
    if (list.length < decl.min) findings.push(xsd(ctx, `${path}/${decl.name}`, `Required element ${decl.name} is missing`));
    if (list.length > decl.max) findings.push(xsd(ctx, `${path}/${decl.name}`, `${decl.name} occurs ${list.length} times, at most ${decl.max}`));
    list.forEach((item, k) => {
      const p = decl.max > 1 ? `${path}/${decl.name}[${k + 1}]` : `${path}/${decl.name}`;
      if (decl.type.kind === 'complex') walkModel(decl.type, item, p, ctx, findings);
      else {
        const r = checkSimple(decl.type, String(item));
        if (r.problem) findings.push(xsd(ctx, p, `${decl.name} ${r.problem}`));
        else if (decl.type.base === 'integer' && typeof item !== 'number') findings.push(xsd(ctx, p, `${decl.name} must be a number in the model`));
      }
    });
  }
}

/**
 * Builds the XML text of a model (elements in schema order, whatever the object's key order).
 * Written directly as text, byte for byte what xmlbuilder2 wrote before (held to it by
 * engine.test.ts): a DOM per message cost more than the rest of a JW325, and loading xmlbuilder2
 * a third of every command's start-up.
 */
export function buildXml(root: ElementDecl, model: unknown, ctx: SchemaContext, opts: { pretty?: boolean } = {}): string {
  const pretty = opts.pretty ?? true;
  const prefix = ctx.code.toLowerCase();
  const qname = `${prefix}:${root.name}`;
  const out: string[] = [`<?xml version="1.0" encoding="UTF-8"?>${pretty ? '\n' : ''}<${qname} xmlns:${prefix}="${ctx.namespace}" xmlns:ijw="${BASISSCHEMA_NAMESPACE}"`];
  emitComplex(out, root.type as ComplexType, model as Model, prefix, qname, pretty ? '\n' : undefined);
  return out.join('');
}

/** Writes the children and end of an element whose start tag is open (`<q` without its '>'). */
function emitComplex(out: string[], type: ComplexType, model: Model, prefix: string, qname: string, indent: string | undefined): void {
  const inner = indent === undefined ? undefined : `${indent}  `;
  let empty = true;
  for (const decl of type.children) {
    const v = model[decl.name];
    if (v === undefined || v === null) continue;
    const q = decl.ns === 'msg' ? `${prefix}:${decl.name}` : `ijw:${decl.name}`;
    for (const item of Array.isArray(v) ? v : [v]) {
      if (empty) out.push('>');
      empty = false;
      if (inner !== undefined) out.push(inner);
      if (decl.type.kind === 'complex') {
        out.push(`<${q}`);
        emitComplex(out, decl.type, item as Model, prefix, q, inner);
      } else {
        const text = escapeText(String(item));
        // As xmlbuilder2: an empty value is `<q/>` pretty-printed, `<q></q>` otherwise.
        out.push(text === '' && inner !== undefined ? `<${q}/>` : `<${q}>${text}</${q}>`);
      }
    }
  }
  if (empty) out.push('/>');
  else out.push(indent === undefined ? `</${qname}>` : `${indent}</${qname}>`);
}

/** Character data: '&', '<' and '>' escaped (every '&' is data here, never an entity). */
function escapeText(s: string): string {
  return /[&<>]/.test(s) ? s.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;') : s;
}
