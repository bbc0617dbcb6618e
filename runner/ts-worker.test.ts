import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

/** Starts a command as the npm scripts do, and a tsWorker in it that reports its young generation's size. */
function youngGenerationOfWorker(flags: string[]): number {
  const worker = `const v8 = await import('node:v8'); const { parentPort } = await import('node:worker_threads'); const keep = []; for (let i = 0; i < 2e6; i++) keep.push({ i }); parentPort.postMessage(v8.getHeapSpaceStatistics().find((s) => s.space_name === 'new_space').space_size / 2 ** 20);`;
  const main = `const { tsWorker } = await import('./runner/ts-worker.ts'); const w = tsWorker(new URL('data:text/javascript,' + encodeURIComponent(${JSON.stringify(worker)})), undefined); w.on('message', (mb) => { console.log(mb); w.terminate(); });`;
  return Number(execFileSync(process.execPath, [...flags, '--import', './cli/compile-cache.mjs', '--input-type=module', '-e', main], { encoding: 'utf8' }).trim());
}

describe('tsWorker', () => {
  it("gives a thread the npm scripts' young-generation bound as a resource limit (a Worker refuses the flag itself)", () => {
    expect(youngGenerationOfWorker(['--max-semi-space-size=16'])).toBe(32);
  });
});
