/** A thread of the ConformancePool: runs each suite it is sent with runConformance, one at a time. */
import { Writable } from 'node:stream';
import { parentPort } from 'node:worker_threads';
import { runConformance, type ConformanceResult } from '../../runner/run-conformance.ts';
import type { PoolOptions } from './conformance-pool.ts';

export type FromConformanceWorker =
  | { id: number; ok: true; result: ConformanceResult }
  | { id: number; ok: false; error: { name: string; message: string; stack?: string; code?: string } };

const port = parentPort!;
port.on('message', ({ id, opts }: { id: number; opts: PoolOptions }) => {
  // The test looks at the result; cucumber's dots and failure dumps would only clutter its output.
  const quiet = new Writable({ write: (_chunk, _enc, done) => done() });
  runConformance({ ...opts, cucumberOutput: quiet }).then(
    (result) => port.postMessage({ id, ok: true, result } satisfies FromConformanceWorker),
    (e: Error & { code?: string }) => port.postMessage({ id, ok: false, error: { name: e.name, message: e.message, ...(e.stack ? { stack: e.stack } : {}), ...(e.code ? { code: e.code } : {}) } } satisfies FromConformanceWorker),
  );
});
