/**
 * The prestaties of a 323 or 325, listed once per model and shared by every rule that looks
 * at them. A declaration can hold 100,000 lines: paths are made only for the lines a rule
 * reports, and within one `checkRules` call the list is made once, not once per rule.
 */
import type { Jw323, Jw323Prestatie } from '../messages/jw323.ts';
import type { Jw325, Jw325Prestatie } from '../messages/jw325.ts';

const CL323 = '/Bericht/Declaratie/Clienten';
const CL325 = '/Bericht/DeclaratieAntwoord/Clienten';

/** One prestatie with where it sits; `path` is the engine's element path, made on demand. */
export class PrestatieRow<P extends Jw323Prestatie | Jw325Prestatie = Jw323Prestatie | Jw325Prestatie> {
  readonly p: P;
  readonly bsn: string;
  private readonly base: string;
  /** 0-based client and prestatie index. */
  readonly ci: number;
  readonly pi: number;

  constructor(p: P, bsn: string, base: string, ci: number, pi: number) {
    this.p = p;
    this.bsn = bsn;
    this.base = base;
    this.ci = ci;
    this.pi = pi;
  }

  get clientPath(): string {
    return `${this.base}/Client[${this.ci + 1}]`;
  }

  get path(): string {
    return `${this.clientPath}/Prestaties/Prestatie[${this.pi + 1}]`;
  }
}

/** Rows shared by the rules of one `checkRules` call only: a model may change between calls. */
let shared: WeakMap<object, PrestatieRow[]> | undefined;

/** Runs `f` with the rows of each model made at most once. */
export function withSharedRows<T>(f: () => T): T {
  if (shared) return f();
  shared = new WeakMap();
  try {
    return f();
  } finally {
    shared = undefined;
  }
}

/** Every prestatie of a 323 or 325 in document order. */
export function prestatieRows(m: Jw323, code: 'JW323'): PrestatieRow<Jw323Prestatie>[];
export function prestatieRows(m: Jw325, code: 'JW325'): PrestatieRow<Jw325Prestatie>[];
export function prestatieRows(m: Jw323 | Jw325, code: 'JW323' | 'JW325'): PrestatieRow[];
export function prestatieRows(m: Jw323 | Jw325, code: 'JW323' | 'JW325'): PrestatieRow[] {
  const hit = shared?.get(m);
  if (hit) return hit;
  const clients = code === 'JW323' ? (m as Jw323).Declaratie.Clienten.Client : ((m as Jw325).DeclaratieAntwoord?.Clienten?.Client ?? []);
  const base = code === 'JW323' ? CL323 : CL325;
  const rows: PrestatieRow[] = [];
  for (let ci = 0; ci < clients.length; ci++) {
    const c = clients[ci]!;
    const list = c.Prestaties.Prestatie as (Jw323Prestatie | Jw325Prestatie)[];
    for (let pi = 0; pi < list.length; pi++) rows.push(new PrestatieRow(list[pi]!, c.Bsn, base, ci, pi));
  }
  shared?.set(m, rows);
  return rows;
}

/** The client paths of a 323 or 325, for rules about the Client class. */
export function clientBase(code: 'JW323' | 'JW325'): string {
  return code === 'JW323' ? CL323 : CL325;
}
