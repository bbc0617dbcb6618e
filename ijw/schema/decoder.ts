/**
 * Decodes element events (see ../xml/sink.ts) against a message's root declaration into the
 * typed model, with every structure and datatype finding (level 1, rule `XSD`). It consumes
 * the events as they come, so a large document needs no element tree: the scanner feeds it
 * directly, and a tree from fast-xml-parser is replayed into it.
 *
 * Children are matched to the declared sequence greedily, as the schema's content model
 * does: a child that fits the current declaration (and its maxOccurs) is taken; otherwise the
 * declaration is left behind (a shortfall of minOccurs is "missing") and the next one is
 * tried; a child no later declaration takes is out of order or unexpected, and its subtree is
 * skipped.
 */
import type { ComplexType, ElementDecl, SimpleType } from './types.ts';
import { BASISSCHEMA_NAMESPACE } from './types.ts';
import { checkSimple } from './simple-types.ts';
import type { Finding } from '../findings.ts';
import type { MessageCode } from '../messages/codes.ts';
import type { XmlSink } from '../xml/sink.ts';
import { isXmlSpace } from '../xml/safe-xml.ts';

export interface SchemaContext {
  code: MessageCode;
  namespace: string;
}

type Model = Record<string, unknown>;

interface ComplexFrame {
  kind: 'complex';
  type: ComplexType;
  name: string;
  /**
   * Where the element sits, its path made only when there is something to report: a
   * declaration has 100,000 prestaties, each with four complex elements.
   */
  parent: ComplexFrame | undefined;
  decl: ElementDecl;
  index: number;
  path?: string;
  model: Model;
  /** Index of the declaration being filled, and how many children it has taken. */
  d: number;
  count: number;
}

interface SimpleFrame {
  kind: 'simple';
  decl: ElementDecl & { type: SimpleType };
  /** Where the value goes, and its path made only when there is something to report. */
  parent: ComplexFrame;
  index: number;
  child?: string;
}

/** A subtree the schema does not take: read for well-formedness only. */
const SKIP = { kind: 'skip' } as const;

type Frame = ComplexFrame | SimpleFrame | typeof SKIP;

/** The namespace a declared element must have. */
export const nsOf = (ctx: SchemaContext, decl: ElementDecl) => (decl.ns === 'msg' ? ctx.namespace : BASISSCHEMA_NAMESPACE);

/**
 * A new model object for a complex type. `{}` has room for four properties in the object
 * itself and puts the rest in a separate array (a Prestatie has nine: about 60 bytes more per
 * line); objects made by a constructor of their own are sized by V8 to what the first few of
 * them took. Each type gets its own constructor, whose prototype is Object.prototype, so the
 * models are plain objects as before, about 70 bytes less per declaration line.
 */
function modelFor(type: ComplexType): Model {
  let make = makers.get(type);
  if (make === undefined) {
    make = function Model() {} as unknown as new () => Model;
    make.prototype = Object.prototype;
    makers.set(type, make);
  }
  return new make();
}
const makers = new Map<ComplexType, new () => Model>();

/** The element path of a frame, made once when first asked for. */
function pathOf(f: ComplexFrame): string {
  if (f.path === undefined) f.path = f.parent === undefined ? `/${f.name}` : childPath(pathOf(f.parent), f.decl, f.index);
  return f.path;
}

const childPath = (parent: string, decl: ElementDecl, index: number) => (decl.max > 1 ? `${parent}/${decl.name}[${index}]` : `${parent}/${decl.name}`);
const leafPath = (f: SimpleFrame) => childPath(pathOf(f.parent), f.decl, f.index);

export class SchemaDecoder implements XmlSink {
  readonly findings: Finding[] = [];
  /** The model as far as it could be read (complete only without findings). */
  model: Model = {};
  private readonly stack: Frame[] = [];
  private started = false;
  private readonly leaf: SimpleFrame = { kind: 'simple', decl: undefined as unknown as SimpleFrame['decl'], parent: undefined as unknown as ComplexFrame, index: 0, child: undefined };

  private readonly root: ElementDecl;
  private readonly ctx: SchemaContext;

  constructor(root: ElementDecl, ctx: SchemaContext) {
    this.root = root;
    this.ctx = ctx;
  }

  start(name: string, ns: string, _prefix: string, attributes: readonly string[] | undefined): void {
    const top = this.stack[this.stack.length - 1];
    if (!this.started) {
      this.started = true;
      const expectNs = nsOf(this.ctx, this.root);
      if (name !== this.root.name || ns !== expectNs) {
        this.report(`/${name}`, `Document element is {${ns}}${name}, expected {${expectNs}}${this.root.name}`);
        this.stack.push(SKIP);
        return;
      }
      const frame: ComplexFrame = { kind: 'complex', type: this.root.type as ComplexType, name, parent: undefined, decl: this.root, index: 1, path: undefined, model: this.model, d: 0, count: 0 };
      if (attributes?.length) this.attributes(attributes, pathOf(frame), name);
      this.stack.push(frame);
      return;
    }
    if (top === undefined || top.kind === 'skip') {
      this.stack.push(SKIP);
      return;
    }
    if (top.kind === 'simple') {
      top.child ??= name;
      this.stack.push(SKIP);
      return;
    }
    this.stack.push(this.child(top, name, ns, attributes));
  }

  end(text: string): void {
    const f = this.stack.pop()!;
    if (f.kind === 'skip') return;
    if (f.kind === 'simple') {
      if (f.child !== undefined) this.report(leafPath(f), `Element ${f.decl.name} must contain text only, found element ${f.child}`);
      const r = checkSimple(f.decl.type, text);
      if (r.problem) this.report(leafPath(f), `${f.decl.name} ${r.problem}`);
      this.place(f.parent, f.decl, r.value);
      return;
    }
    // XML white space only: a no-break space is text.
    if (text !== '' && !isXmlSpace(text)) this.report(pathOf(f), `Element ${f.name} may only contain elements, found text '${text.trim().slice(0, 40)}'`);
    // What is still declared after the last child: required elements that never came.
    const decls = f.type.children;
    for (let d = f.d; d < decls.length; d++) {
      const decl = decls[d]!;
      const taken = d === f.d ? f.count : 0;
      if (taken < decl.min) this.report(`${pathOf(f)}/${decl.name}`, `Required element ${decl.name} is missing`);
    }
  }

  /** Matches one child of a complex element to the declared sequence. */
  private child(f: ComplexFrame, name: string, ns: string, attributes: readonly string[] | undefined): Frame {
    const decls = f.type.children;
    for (;;) {
      const decl = decls[f.d];
      if (decl === undefined) {
        const dup = decls.find((c) => c.name === name);
        this.report(
          `${pathOf(f)}/${name}`,
          dup
            ? `Element ${name} is out of order or occurs too often (max ${dup.max === Infinity ? 'unbounded' : dup.max})`
            : `Unexpected element ${name} in ${f.name} (allowed: ${decls.map((c) => c.name).join(', ')})`,
        );
        return SKIP;
      }
      const expectNs = decl.ns === 'msg' ? this.ctx.namespace : BASISSCHEMA_NAMESPACE;
      if (name === decl.name && ns === expectNs && f.count < decl.max) {
        f.count++;
        return this.accept(f, decl, name, attributes);
      }
      // Right name, wrong namespace: say so rather than "missing".
      if (f.count === 0 && name === decl.name) {
        this.report(`${pathOf(f)}/${decl.name}`, `Element ${decl.name} is in namespace '${ns}', expected '${expectNs}'`);
        f.d++;
        return SKIP;
      }
      if (f.count < decl.min) this.report(`${pathOf(f)}/${decl.name}`, `Required element ${decl.name} is missing (found ${name} instead)`);
      f.d++;
      f.count = 0;
    }
  }

  private accept(f: ComplexFrame, decl: ElementDecl, name: string, attributes: readonly string[] | undefined): Frame {
    if (decl.type.kind === 'simple') {
      // Simple elements never nest (what is inside one is skipped), so one frame serves them all:
      // a declaration has a million of them.
      const leaf = this.leaf;
      leaf.decl = decl as SimpleFrame['decl'];
      leaf.parent = f;
      leaf.index = f.count;
      leaf.child = undefined;
      if (attributes?.length) this.attributes(attributes, leafPath(leaf), name);
      return leaf;
    }
    const model = modelFor(decl.type);
    const frame: ComplexFrame = { kind: 'complex', type: decl.type, name, parent: f, decl, index: f.count, path: undefined, model, d: 0, count: 0 };
    if (attributes?.length) this.attributes(attributes, pathOf(frame), name);
    this.place(f, decl, model);
    return frame;
  }

  /** Puts a child's value in its parent's model: an array for a repeating element. */
  private place(f: ComplexFrame, decl: ElementDecl, value: unknown): void {
    if (decl.max > 1) ((f.model[decl.name] ??= []) as unknown[]).push(value);
    else f.model[decl.name] = value;
  }

  /** iJw declares no attributes: each one the reader passed on is an XSD error. */
  private attributes(attributes: readonly string[] | undefined, path: string, name: string): void {
    for (const a of attributes ?? []) this.report(path, `Attribute ${a} is not allowed on ${name} (iJw elements have no attributes)`);
  }

  private report(path: string, text: string): void {
    this.findings.push({ message: this.ctx.code, path, rule: 'XSD', level: 1, text });
  }
}
