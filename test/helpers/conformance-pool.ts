/**
 * `runConformance` in-process on a pool of worker threads, for tests that run many suites (the
 * faulty variants): each thread loads the harness once and runs the suites it is given, instead
 * of a `tsx cli/conformance.ts` process per suite. Size: IJW_TEST_WORKERS, default 2 (the cores
 * CI has). A thread takes `jobsPerWorker` suites at once (runConformance is re-entrant): more
 * than one only pays for suites that mostly wait, like those against a slow SUT.
 */
import type { Worker } from 'node:worker_threads';
import { tsWorker } from '../../runner/ts-worker.ts';
import type { ConformanceOptions, ConformanceResult } from '../../runner/run-conformance.ts';
import type { FromConformanceWorker } from './conformance-worker.ts';

export type PoolOptions = Omit<ConformanceOptions, 'onScenario' | 'onRegion' | 'cucumberOutput'>;

export class ConformancePool {
  private readonly workers: { worker: Worker; busy: number }[] = [];
  private readonly waiting: (() => void)[] = [];
  private seq = 0;
  private readonly size: number;
  private readonly opts: { unref?: boolean; jobsPerWorker?: number };

  /** `unref`: the threads do not keep the process alive (a pool no test closes). */
  constructor(size = Number(process.env.IJW_TEST_WORKERS) || 2, opts: { unref?: boolean; jobsPerWorker?: number } = {}) {
    this.size = size;
    this.opts = opts;
  }

  async run(opts: PoolOptions): Promise<ConformanceResult> {
    const slot = await this.acquire();
    const { worker } = slot;
    const id = ++this.seq;
    try {
      return await new Promise<ConformanceResult>((resolve, reject) => {
        const onMessage = (m: FromConformanceWorker) => {
          if (m.id !== id) return;
          worker.off('message', onMessage);
          worker.off('error', reject);
          if (m.ok) resolve(m.result);
          else reject(Object.assign(new Error(m.error.message), { name: m.error.name, stack: m.error.stack, code: m.error.code }));
        };
        worker.on('message', onMessage);
        worker.once('error', reject);
        worker.postMessage({ id, opts });
      });
    } finally {
      slot.busy--;
      this.waiting.shift()?.();
    }
  }

  private async acquire(): Promise<{ worker: Worker; busy: number }> {
    const max = this.opts.jobsPerWorker ?? 1;
    for (;;) {
      const free = this.workers.filter((w) => w.busy < max).sort((a, b) => a.busy - b.busy)[0];
      if (free && (free.busy === 0 || this.workers.length >= this.size)) {
        free.busy++;
        return free;
      }
      if (this.workers.length < this.size) {
        const worker = tsWorker(new URL('./conformance-worker.ts', import.meta.url), undefined);
        worker.setMaxListeners(0);
        if (this.opts.unref) worker.unref();
        const slot = { worker, busy: 1 };
        this.workers.push(slot);
        return slot;
      }
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    }
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.worker.terminate()));
  }
}
