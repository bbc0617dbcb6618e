/**
 * The glue between `npm run conformance -- --sut-image …` and {@link startSutContainer}: picks
 * the inbox port (the container must be told it before it starts), the interface the inbox
 * listens on (one the container's bridge reaches), parses `--sut-env KEY=VALUE`, and starts
 * the container.
 *
 * @example
 *   const sut = await startSutForRun({ image: 'vendor/app:1.4', port: 8080, healthPath: '/conformance/health', env: ['LOG=debug'], startupTimeoutMs: 60000 });
 *   await runConformance({ sut: sut.url, harnessHost: sut.harnessHost, inboxListenHost: sut.inboxListenHost, inboxPort: sut.inboxPort, … });
 *   await sut.stop();
 */
import { createServer } from 'node:net';
import { networkInterfaces } from 'node:os';
import { ContainerError, HOST_ALIAS, bridgeGatewayAddress, checkContainerEngine, startSutContainer, type StartedSut } from './sut-container.ts';

export interface SutForRunOptions {
  image?: string;
  imageTar?: string;
  port: number;
  healthPath: string;
  /** `KEY=VALUE` strings, as given with `--sut-env`. */
  env: string[];
  startupTimeoutMs: number;
  /** A fixed inbox port; default: a free one. */
  inboxPort?: number;
}

export interface StartedSutForRun extends StartedSut {
  /** The host name the SUT uses for the harness (goes into `configure`'s harnessUrl). */
  harnessHost: string;
  /** Where the harness inbox must listen so that the container reaches it. */
  inboxListenHost: string;
  inboxPort: number;
}

/** `--sut-env` values to an object; a value may contain `=`. */
export function parseEnvPairs(pairs: string[]): Record<string, string> {
  const env: Record<string, string> = {};
  for (const pair of pairs) {
    const i = pair.indexOf('=');
    if (i <= 0) throw new ContainerError('SUT_CONTAINER_FAILED', `--sut-env expects KEY=VALUE, got '${pair}'`);
    env[pair.slice(0, i)] = pair.slice(i + 1);
  }
  return env;
}

async function freePort(host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, host, () => {
      const addr = srv.address();
      srv.close(() => (typeof addr === 'object' && addr ? resolve(addr.port) : reject(new Error('no port'))));
    });
  });
}

/**
 * The bridge gateway when it is an address of this host (Linux engines: docker0), so the
 * inbox is not exposed on every interface; otherwise (Docker Desktop, remote engines) 0.0.0.0.
 */
export async function inboxListenAddress(): Promise<string> {
  const gateway = await bridgeGatewayAddress().catch(() => undefined);
  const local = Object.values(networkInterfaces()).flat().some((a) => a?.address === gateway);
  return gateway && local ? gateway : '0.0.0.0';
}

export async function startSutForRun(opts: SutForRunOptions): Promise<StartedSutForRun> {
  const env = parseEnvPairs(opts.env);
  await checkContainerEngine();
  const inboxListenHost = await inboxListenAddress();
  const inboxPort = opts.inboxPort ?? (await freePort(inboxListenHost));
  const sut = await startSutContainer({
    ...(opts.image ? { image: opts.image } : {}),
    ...(opts.imageTar ? { imageTar: opts.imageTar } : {}),
    port: opts.port,
    healthPath: opts.healthPath,
    env,
    startupTimeoutMs: opts.startupTimeoutMs,
    harnessPort: inboxPort,
  });
  return Object.assign(sut, { harnessHost: HOST_ALIAS, inboxListenHost, inboxPort });
}
