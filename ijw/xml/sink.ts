/**
 * Element events, so a reader can hand a document to its consumer without building a tree
 * first: the schema decoder takes a 100,000-line JW323 straight from the scanner, and the
 * same decoder replays a tree that fast-xml-parser built for an ordinary message.
 */
import type { XmlElement } from './safe-xml.ts';

export interface XmlSink {
  /** A start tag: local name, namespace URI, prefix as written, attributes the schema must judge. */
  start(name: string, ns: string, prefix: string, attributes: readonly string[] | undefined): void;
  /** The end of the element last started, with its direct character data (entities decoded). */
  end(text: string): void;
}

/** Builds the XmlElement tree of the events. */
export class TreeSink implements XmlSink {
  root: XmlElement | undefined;
  private readonly stack: XmlElement[] = [];

  start(name: string, ns: string, prefix: string, attributes: readonly string[] | undefined): void {
    const el: XmlElement = attributes?.length ? { name, ns, prefix, children: [], text: '', attributes: [...attributes] } : { name, ns, prefix, children: [], text: '' };
    const parent = this.stack[this.stack.length - 1];
    if (parent) parent.children.push(el);
    else this.root = el;
    this.stack.push(el);
  }

  end(text: string): void {
    this.stack.pop()!.text = text;
  }
}

/** Sends a tree to a sink as the events a reader would have given. */
export function replay(el: XmlElement, sink: XmlSink): void {
  sink.start(el.name, el.ns, el.prefix, el.attributes);
  for (const c of el.children) replay(c, sink);
  sink.end(el.text);
}
