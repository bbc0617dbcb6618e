/**
 * The runs a simulator keeps state for, and when it lets go of them: on `end-run`, after an
 * idle time, or as the least recently used once more than `maxRuns` are held. A long-lived
 * server (the sandbox, a vendor's CI) therefore holds bounded memory whatever the number of
 * runs it has seen. Every release is logged, so a run that "lost its state" is explained.
 */

export type ReleaseReason = 'ended' | 'idle' | 'max-runs';

export interface RunRegistryOptions {
  /** Most runs held at once; beyond it the least recently used run is forgotten. */
  maxRuns?: number;
  /** Forget a run untouched for this long (ms); undefined or 0 keeps runs until max-runs. */
  idleMs?: number;
  /** Told about every run forgotten. */
  onRelease?: (runId: string, reason: ReleaseReason, detail: string) => void;
  /** The clock, replaceable in tests. */
  now?: () => number;
}

export const DEFAULT_MAX_RUNS = 1000;

interface Held<T> {
  value: T;
  lastUsed: number;
}

export class RunRegistry<T> {
  /** Insertion order is recency order: a touched run is moved to the end. */
  private readonly runs = new Map<string, Held<T>>();
  private readonly maxRuns: number;
  private readonly now: () => number;

  private readonly options: RunRegistryOptions;

  constructor(options: RunRegistryOptions = {}) {
    this.options = options;
    this.maxRuns = options.maxRuns ?? DEFAULT_MAX_RUNS;
    if (!Number.isInteger(this.maxRuns) || this.maxRuns < 1) throw new RangeError(`maxRuns must be a positive integer, got ${this.maxRuns}`);
    this.now = options.now ?? Date.now;
  }

  get size(): number {
    return this.runs.size;
  }

  /** The run's value, created on first contact; marks it used. */
  obtain(runId: string, create: () => T): T {
    this.sweepIdle();
    const held = this.runs.get(runId);
    const t = this.now();
    if (held) {
      this.runs.delete(runId);
      held.lastUsed = t;
      this.runs.set(runId, held);
      return held.value;
    }
    const value = create();
    this.runs.set(runId, { value, lastUsed: t });
    while (this.runs.size > this.maxRuns) {
      const oldest = this.runs.keys().next().value!;
      this.release(oldest, 'max-runs', `the least recently used of more than ${this.maxRuns} runs`);
    }
    return value;
  }

  /** The run's value without creating or touching it. */
  peek(runId: string): T | undefined {
    this.sweepIdle();
    return this.runs.get(runId)?.value;
  }

  /** Forgets a run on request; false when it was not held. */
  end(runId: string): boolean {
    return this.release(runId, 'ended', 'end-run');
  }

  /** Forgets runs idle past the limit. The oldest come first, so this stops at the first fresh one. */
  sweepIdle(): void {
    const idle = this.options.idleMs;
    if (!idle) return;
    const cutoff = this.now() - idle;
    for (const [runId, held] of this.runs) {
      if (held.lastUsed > cutoff) break;
      this.release(runId, 'idle', `idle for ${Math.round((this.now() - held.lastUsed) / 1000)} s (limit ${Math.round(idle / 1000)} s)`);
    }
  }

  private release(runId: string, reason: ReleaseReason, detail: string): boolean {
    if (!this.runs.delete(runId)) return false;
    this.options.onRelease?.(runId, reason, detail);
    return true;
  }
}
