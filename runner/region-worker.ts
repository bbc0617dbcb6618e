/** The thread's main of a region run in a worker (region-workers.ts): runs jobs as they come, reports progress. */
import { Writable } from 'node:stream';
import { parentPort } from 'node:worker_threads';
import { runRegion, type RegionJob } from './region-run.ts';

export type FromRegionWorker =
  | { type: 'region'; region: string; total: number }
  | { type: 'stdout'; region: string; text: string }
  | { type: 'scenario'; region: string; outcome: unknown }
  | { type: 'done'; region: string; result: unknown }
  | { type: 'failed'; region: string; error: { name: string; message: string; code?: string; stack?: string } };

const port = parentPort!;
port.on('message', (job: RegionJob) => {
  const post = (m: FromRegionWorker) => port.postMessage(m);
  // Cucumber's progress goes through the pool too, so it shows in region order with the rest.
  const stdout = new Writable({
    write(chunk: Buffer | string, _enc, done) {
      post({ type: 'stdout', region: job.region, text: chunk.toString() });
      done();
    },
  });
  runRegion(job, {
    stdout,
    onRegion: (total) => post({ type: 'region', region: job.region, total }),
    onScenario: (outcome) => post({ type: 'scenario', region: job.region, outcome }),
  }).then(
    (result) => post({ type: 'done', region: job.region, result }),
    (e: Error & { code?: string }) => post({ type: 'failed', region: job.region, error: { name: e.name, message: e.message, ...(e.code ? { code: e.code } : {}), ...(e.stack ? { stack: e.stack } : {}) } }),
  );
});
