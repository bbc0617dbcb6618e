/**
 * `runConformance` in-process on a pool of worker threads, for tests that run many suites (the
 * faulty variants): each thread loads the harness once and runs one suite at a time, instead of
 * a `tsx cli/conformance.ts` process per suite. Size: IJW_TEST_WORKERS, default 2 (the cores CI has).
 */
import type { Worker } from 'node:worker_threads';
import { tsWorker } from '../../runner/ts-worker.ts';
import type { ConformanceOptions, ConformanceResult } from '../../runner/run-conformance.ts';
import type { FromConformanceWorker } from './conformance-worker.ts';

export type PoolOptions = Omit<ConformanceOptions, 'onScenario' | 'onRegion'>;

export class ConformancePool {
  private readonly idle: Worker[] = [];
  private readonly all: Worker[] = [];
  private readonly waiting: ((w: Worker) => void)[] = [];
  private seq = 0;

  constructor(private readonly size = Number(process.env.IJW_TEST_WORKERS) || 2) {}

  async run(opts: PoolOptions): Promise<ConformanceResult> {
    const worker = await this.acquire();
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
      this.release(worker);
    }
  }

  private acquire(): Promise<Worker> {
    const w = this.idle.pop();
    if (w) return Promise.resolve(w);
    if (this.all.length < this.size) {
      const fresh = tsWorker(new URL('./conformance-worker.ts', import.meta.url), undefined);
      this.all.push(fresh);
      return Promise.resolve(fresh);
    }
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  private release(w: Worker): void {
    const next = this.waiting.shift();
    if (next) next(w);
    else this.idle.push(w);
  }

  async close(): Promise<void> {
    await Promise.all(this.all.map((w) => w.terminate()));
  }
}
