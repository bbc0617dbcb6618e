/**
 * What a delivered message says about itself, read cheaply from the raw bytes before it is
 * processed: the run it belongs to, its code, its identificatie and its client (BSN masked).
 * The journal and the logs need these even for a message that later proves unreadable, so
 * nothing here parses XML or throws.
 */
import { maskBsn } from '../ijw/bsn.ts';

export interface Envelope {
  run: string;
  /** 'JW305' …, or 'unknown' when the document does not name an iJw 3.2 namespace. */
  code: string;
  identificatie?: string;
  /** Masked (`*****0006`): the journal and the logs never hold a full BSN. */
  bsn?: string;
  bytes: number;
}

/** The header sits at the top of every message; a 100 MB JW323 is not scanned to the end. */
const PEEK_CHARS = 64 * 1024;

export function runIdOf(request: Request): string {
  return request.headers.get('x-conformance-run') ?? new URL(request.url).searchParams.get('run') ?? 'default';
}

/** True for a request that delivers an iJw message (the adapter protocol's POST …/berichten). */
export function deliversMessage(method: string | undefined, path: string | undefined): boolean {
  return method === 'POST' && /\/berichten\/?(?:\?|$)/.test(path ?? '');
}

export function peekEnvelope(run: string, body: Uint8Array): Envelope {
  const head = Buffer.from(body.buffer, body.byteOffset, Math.min(body.byteLength, PEEK_CHARS)).toString('utf8');
  const ns = /http:\/\/www\.istandaarden\.nl\/ijw\/3_2\/(jw3\d\d)\/schema/.exec(head)?.[1];
  const id = /<(?:[\w.-]+:)?Identificatie>\s*([^<]{1,64}?)\s*</.exec(head)?.[1];
  const bsn = /<(?:[\w.-]+:)?Bsn>\s*([^<]{1,20}?)\s*</.exec(head)?.[1];
  return {
    run: printable(run),
    code: ns ? ns.toUpperCase() : 'unknown',
    ...(id ? { identificatie: printable(id) } : {}),
    ...(bsn ? { bsn: maskBsn(printable(bsn)) } : {}),
    bytes: body.byteLength,
  };
}

/** Keeps log lines one line and readable whatever a sender put in a header or element. */
function printable(s: string): string {
  return s.replace(/[^\x20-\x7e]/g, '?').slice(0, 80);
}
