/**
 * A worker thread running one of the project's TypeScript modules. Under tsx (its loader in
 * execArgv, as `npm run` starts the commands) or Node's own type stripping the thread loads
 * .ts files the way this one does; inside a test runner, whose transform a new thread does not
 * share, it gets tsx's loader.
 */
import { Worker } from 'node:worker_threads';

function execArgv(): string[] {
  const argv = process.execArgv;
  if (argv.some((a) => a.includes('tsx'))) return argv;
  try {
    return [...argv, '--import', import.meta.resolve('tsx')];
  } catch {
    return argv;
  }
}

export function tsWorker(module: URL, workerData: unknown): Worker {
  return new Worker(module, { workerData, execArgv: execArgv() });
}
