/**
 * A worker thread running one of the project's TypeScript modules. The code base is erasable
 * TypeScript (tsconfig erasableSyntaxOnly), so a thread loads .ts files with Node's own type
 * stripping, as the commands do (`npm run` starts them with plain node); only where Node has no
 * type stripping does it get tsx's loader.
 */
import { Worker } from 'node:worker_threads';

function execArgv(): string[] {
  const argv = process.execArgv;
  if (argv.some((a) => a.includes('tsx'))) return argv;
  if ((process.features as { typescript?: string | false }).typescript) return argv;
  try {
    return [...argv, '--import', import.meta.resolve('tsx')];
  } catch {
    return argv;
  }
}

export function tsWorker(module: URL, workerData: unknown): Worker {
  return new Worker(module, { workerData, execArgv: execArgv() });
}
