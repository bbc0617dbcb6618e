/**
 * A write-ahead journal of delivered messages, so that an accepted message is either answered
 * or reported, never dropped silently, even when the server dies mid-request (SIGKILL, OOM,
 * power).
 *
 * `DIR/journal.ndjson` holds one JSON record per line:
 *   {"t":"accepted", seq, at, boot, run, code, identificatie?, bsn?, bytes}  before processing (fsync'd)
 *   {"t":"answered", seq, status}                                          once the answer is written
 *   {"t":"unanswered", seq, reason}                                        the answer could not be delivered
 * Only the envelope is kept (BSN masked), never the document: the journal reports, it does
 * not replay. On open, every `accepted` without an `answered` is unanswered: it is reported,
 * and carried over into the compacted journal so a second crash does not lose the report.
 * Entries stay reported until the journal file is removed.
 */
import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { randomUUID } from 'node:crypto';
import type { Envelope } from './envelope.ts';

export interface JournalEntry extends Envelope {
  seq: number;
  /** When it was accepted (ISO). */
  at: string;
  /** Which server life accepted it. */
  boot: string;
}

export interface UnansweredEntry extends JournalEntry {
  reason: string;
}

export const NOT_ANSWERED_BEFORE_STOP = 'accepted, then the server stopped before answering';

/** The journal cannot be opened or written; a message that cannot be journalled is not accepted. */
export class JournalError extends Error {
  readonly code: 'JOURNAL_LOCKED' | 'JOURNAL_IO';
  constructor(code: JournalError['code'], message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'JournalError';
    this.code = code;
  }
}

export interface JournalOptions {
  /** Compact when the file grows past this many bytes (default 64 MiB). */
  compactBytes?: number;
  /** fsync each `accepted` record (default true). Off only for benchmarks of the rest. */
  fsync?: boolean;
}

type JournalRecord =
  | ({ t: 'accepted' } & JournalEntry)
  | { t: 'answered'; seq: number; status: number }
  | { t: 'unanswered'; seq: number; reason: string };

export class Journal {
  readonly file: string;
  readonly boot = randomUUID();
  /** Unanswered messages found in the journal at open: earlier lives of the server. */
  readonly carried: readonly UnansweredEntry[];
  /** Lines at open that were not readable (a torn last line after a crash). */
  readonly unreadableLines: number;
  private readonly lockFile: string;
  private readonly pending = new Map<number, JournalEntry>();
  private readonly failed: UnansweredEntry[] = [];
  private fd: number;
  private seq: number;
  private bytes = 0;
  private closed = false;

  readonly dir: string;
  private readonly options: JournalOptions;

  private constructor(dir: string, options: JournalOptions, found: { carried: UnansweredEntry[]; lastSeq: number; unreadable: number }) {
    this.dir = dir;
    this.options = options;
    this.file = join(dir, 'journal.ndjson');
    this.lockFile = join(dir, 'journal.lock');
    this.carried = found.carried;
    this.unreadableLines = found.unreadable;
    this.seq = found.lastSeq;
    this.fd = this.rewrite();
  }

  /** Opens (creating) the journal in `dir`, taking its lock, and finds what was left unanswered. */
  static open(dir: string, options: JournalOptions = {}): Journal {
    try {
      mkdirSync(dir, { recursive: true });
    } catch (e) {
      throw new JournalError('JOURNAL_IO', `Cannot create the journal directory ${dir}: ${(e as Error).message}`, { cause: e });
    }
    const lockFile = join(dir, 'journal.lock');
    lock(lockFile);
    try {
      const file = join(dir, 'journal.ndjson');
      const found = existsSync(file) ? scan(readFileSync(file, 'utf8')) : { carried: [], lastSeq: 0, unreadable: 0 };
      return new Journal(dir, options, found);
    } catch (e) {
      unlock(lockFile);
      throw e instanceof JournalError ? e : new JournalError('JOURNAL_IO', `Cannot read the journal in ${dir}: ${(e as Error).message}`, { cause: e });
    }
  }

  /** Records a message as accepted, durably, before it is processed. Throws JournalError. */
  accept(envelope: Envelope): number {
    const entry: JournalEntry = { seq: ++this.seq, at: new Date().toISOString(), boot: this.boot, ...envelope };
    this.append({ t: 'accepted', ...entry }, this.options.fsync !== false);
    this.pending.set(entry.seq, entry);
    return entry.seq;
  }

  /**
   * The answer went out. Not fsync'd: if this line is lost with the machine, the message is
   * reported unanswered although it was answered, the safe direction.
   */
  answered(seq: number, status: number): void {
    if (this.closed || !this.pending.delete(seq)) return;
    try {
      this.append({ t: 'answered', seq, status }, false);
      this.compactIfLarge();
    } catch {
      // Unrecorded, the message is reported unanswered at the next start: the safe direction.
    }
  }

  /** The answer could not be delivered (the connection closed first): reported from now on. */
  unanswered(seq: number, reason: string): UnansweredEntry | undefined {
    const entry = this.pending.get(seq);
    if (!entry || this.closed) return undefined;
    this.pending.delete(seq);
    try {
      this.append({ t: 'unanswered', seq, reason }, true);
    } catch {
      // Still `accepted` in the file, so reported at the next start all the same.
    }
    const u = { ...entry, reason };
    this.failed.push(u);
    return u;
  }

  /** Every message known unanswered: from earlier lives, and of this one. */
  unansweredEntries(): UnansweredEntry[] {
    return [...this.carried, ...this.failed];
  }

  /** Accepted and still being processed. */
  inFlight(): JournalEntry[] {
    return [...this.pending.values()];
  }

  /** Releases the file and the lock; what is still in flight stays `accepted` and is reported next time. */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    closeSync(this.fd);
    unlock(this.lockFile);
  }

  private append(record: JournalRecord, sync: boolean): void {
    if (this.closed) throw new JournalError('JOURNAL_IO', `The journal ${this.file} is closed`);
    const line = `${JSON.stringify(record)}\n`;
    try {
      this.bytes += writeSync(this.fd, line);
      if (sync) fsyncSync(this.fd);
    } catch (e) {
      throw new JournalError('JOURNAL_IO', `Cannot write the journal ${this.file}: ${(e as Error).message}`, { cause: e });
    }
  }

  private compactIfLarge(): void {
    if (this.bytes < (this.options.compactBytes ?? 64 * 2 ** 20)) return;
    closeSync(this.fd);
    this.fd = this.rewrite();
  }

  /**
   * Writes a fresh journal holding only what still matters (unanswered and in flight), then
   * swaps it in by rename, so a crash at any point leaves one complete journal or the other.
   */
  private rewrite(): number {
    const keep: JournalRecord[] = [];
    for (const u of [...this.carried, ...this.failed]) {
      const { reason, ...entry } = u;
      keep.push({ t: 'accepted', ...entry });
      if (reason !== NOT_ANSWERED_BEFORE_STOP) keep.push({ t: 'unanswered', seq: u.seq, reason });
    }
    for (const p of this.pending.values()) keep.push({ t: 'accepted', ...p });
    const text = keep.map((r) => `${JSON.stringify(r)}\n`).join('');
    const tmp = `${this.file}.tmp`;
    try {
      const fd = openSync(tmp, 'w');
      writeSync(fd, text);
      fsyncSync(fd);
      closeSync(fd);
      renameSync(tmp, this.file);
      fsyncDir(this.dir);
      this.bytes = Buffer.byteLength(text);
      return openSync(this.file, 'a');
    } catch (e) {
      throw new JournalError('JOURNAL_IO', `Cannot write the journal ${this.file}: ${(e as Error).message}`, { cause: e });
    }
  }
}

/** Reads a journal: accepted minus answered is unanswered. Unreadable lines are counted, not fatal. */
function scan(text: string): { carried: UnansweredEntry[]; lastSeq: number; unreadable: number } {
  const open = new Map<number, UnansweredEntry>();
  let lastSeq = 0;
  let unreadable = 0;
  for (const line of text.split('\n')) {
    if (!line.trim()) continue;
    let r: JournalRecord;
    try {
      r = JSON.parse(line) as JournalRecord;
    } catch {
      unreadable++;
      continue;
    }
    if (typeof r?.seq !== 'number') {
      unreadable++;
      continue;
    }
    lastSeq = Math.max(lastSeq, r.seq);
    if (r.t === 'accepted') {
      const { t: _t, ...entry } = r;
      open.set(r.seq, { ...entry, reason: NOT_ANSWERED_BEFORE_STOP });
    } else if (r.t === 'answered') open.delete(r.seq);
    else if (r.t === 'unanswered') {
      const e = open.get(r.seq);
      if (e) e.reason = r.reason;
    } else unreadable++;
  }
  return { carried: [...open.values()].sort((a, b) => a.seq - b.seq), lastSeq, unreadable };
}

/** Lock files this process holds: a pid check cannot tell two opens in one process apart. */
const lockedHere = new Set<string>();

/** One server per journal: two appending to one file would corrupt it. A lock left by a dead process is taken over. */
function lock(lockFile: string): void {
  const key = resolve(lockFile);
  if (lockedHere.has(key)) throw new JournalError('JOURNAL_LOCKED', `The journal is already open in this process (${lockFile})`);
  takeLock(lockFile);
  lockedHere.add(key);
}

function unlock(lockFile: string): void {
  rmSync(lockFile, { force: true });
  lockedHere.delete(resolve(lockFile));
}

function takeLock(lockFile: string): void {
  try {
    writeFileSync(lockFile, String(process.pid), { flag: 'wx' });
    return;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw new JournalError('JOURNAL_IO', `Cannot lock the journal (${lockFile}): ${(e as Error).message}`, { cause: e });
  }
  const holder = Number(readFileSync(lockFile, 'utf8').trim());
  if (Number.isInteger(holder) && holder > 0 && holder !== process.pid && isAlive(holder)) {
    throw new JournalError('JOURNAL_LOCKED', `The journal is in use by process ${holder} (${lockFile}); one server per journal directory`);
  }
  writeFileSync(lockFile, String(process.pid));
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function fsyncDir(dir: string): void {
  try {
    const fd = openSync(dir, 'r');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    // Not every platform can fsync a directory; the rename itself is still atomic.
  }
}
