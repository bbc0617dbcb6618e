/**
 * Regions of a run at once: this thread and `size - 1` worker threads, one region each at a
 * time, each with its own in-process reference parties. Progress is shown as if the regions ran
 * one after the other: a region's lines are held until the regions before it have finished.
 */
import { Writable } from 'node:stream';
import type { Worker } from 'node:worker_threads';
import type { RegionId } from '../regions/catalogue.ts';
import { HarnessError } from './sut-client.ts';
import { runRegion, type RegionJob, type RegionRunResult } from './region-run.ts';
import type { RegionProgress } from './run-conformance.ts';
import type { FromRegionWorker } from './region-worker.ts';
import type { ScenarioOutcome } from './verdicts.ts';
import { tsWorker } from './ts-worker.ts';

export async function runRegionsInWorkers(jobs: RegionJob[], size: number, progress: RegionProgress): Promise<RegionRunResult[]> {
  const results: (RegionRunResult | undefined)[] = jobs.map(() => undefined);
  const held: (() => void)[][] = jobs.map(() => []);
  let shown = 0; // regions before this one have finished and shown all their lines
  const show = (i: number, line: () => void) => (i === shown ? line() : held[i]!.push(line));
  const finished = () => {
    while (shown < jobs.length && results[shown]) {
      shown++;
      for (const line of held.at(shown) ?? []) line();
    }
  };

  const queue = jobs.map((job, i) => ({ job, i }));
  const workers: Worker[] = [];
  try {
    await Promise.all(
      Array.from({ length: Math.min(size, jobs.length) }, async (_, lane) => {
        // Lane 0 is this thread (it would only wait otherwise): one thread fewer to start.
        if (lane === 0) {
          for (let next = queue.shift(); next; next = queue.shift()) {
            const { job, i } = next;
            const out = progress.stdout ?? process.stdout;
            const stdout = new Writable({
              write(chunk: Buffer | string, _enc, done) {
                const text = chunk.toString();
                show(i, () => out.write(text));
                done();
              },
            });
            results[i] = await runRegion(job, {
              stdout,
              onRegion: (total) => show(i, () => progress.onRegion(job.region, total)),
              onScenario: (o) => show(i, () => progress.onScenario({ ...o, region: job.region })),
            });
            finished();
          }
          return;
        }
        const worker = tsWorker(new URL('./region-worker.ts', import.meta.url), undefined);
        workers.push(worker);
        for (let next = queue.shift(); next; next = queue.shift()) {
          const { job, i } = next;
          results[i] = await new Promise<RegionRunResult>((resolve, reject) => {
            const onMessage = (m: FromRegionWorker) => {
              if (m.type === 'region') show(i, () => progress.onRegion(job.region, m.total));
              else if (m.type === 'stdout') show(i, () => (progress.stdout ?? process.stdout).write(m.text));
              else if (m.type === 'scenario') {
                const o = m.outcome as ScenarioOutcome & { index: number; total: number };
                show(i, () => progress.onScenario({ ...o, region: job.region as RegionId }));
              } else {
                worker.off('message', onMessage);
                worker.off('error', reject);
                if (m.type === 'done') resolve(m.result as RegionRunResult);
                else reject(m.error.code === 'USAGE' ? new HarnessError('USAGE', m.error.message) : Object.assign(new Error(m.error.message), { stack: m.error.stack }));
              }
            };
            worker.on('message', onMessage);
            worker.once('error', reject);
            worker.postMessage(job);
          });
          finished();
        }
      }),
    );
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  return results as RegionRunResult[];
}
