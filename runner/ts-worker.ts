/**
 * A worker thread running one of the project's TypeScript modules. The code base is erasable
 * TypeScript (tsconfig erasableSyntaxOnly), so a thread loads .ts files with Node's own type
 * stripping, as the commands do (`npm run` starts them with plain node); only where Node has no
 * type stripping does it get tsx's loader.
 */
import { Worker } from 'node:worker_threads';

/**
 * The young generation's bound the npm scripts set (`--max-semi-space-size`, package.json): a
 * Worker refuses V8 heap flags in its execArgv, so a thread gets it as a resource limit (V8's
 * young generation is three semi-spaces: two and the new large-object space).
 */
const SEMI_SPACE = /^--max-semi-space-size=(\d+)$/;

function resourceLimits(): { maxYoungGenerationSizeMb: number } | undefined {
  const mb = process.execArgv.map((a) => SEMI_SPACE.exec(a)?.[1]).find((x) => x !== undefined);
  return mb === undefined ? undefined : { maxYoungGenerationSizeMb: 3 * Number(mb) };
}

function execArgv(): string[] {
  const argv = process.execArgv.filter((a) => !SEMI_SPACE.test(a));
  if (argv.some((a) => a.includes('tsx'))) return argv;
  if ((process.features as { typescript?: string | false }).typescript) return argv;
  try {
    return [...argv, '--import', import.meta.resolve('tsx')];
  } catch {
    return argv;
  }
}

export function tsWorker(module: URL, workerData: unknown): Worker {
  const limits = resourceLimits();
  return new Worker(module, { workerData, execArgv: execArgv(), ...(limits ? { resourceLimits: limits } : {}) });
}
