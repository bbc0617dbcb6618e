/** Run ids for scenarios: the adapter protocol's X-Conformance-Run, one per scenario. */
import { randomUUID } from 'node:crypto';
import { threadId } from 'node:worker_threads';

let runSeq = 0;

/**
 * A run id unique across cucumber workers (threads of one process: the pid is shared), regions
 * and harness runs: the harness run, the region, the worker, a sequence and random bits.
 */
export function scenarioRunId(harnessRunId: string, region: string): string {
  const worker = process.env.CUCUMBER_WORKER_ID ?? `t${threadId}`;
  return `${harnessRunId}-${region}-w${worker}-${++runSeq}-${randomUUID().slice(0, 8)}`;
}
