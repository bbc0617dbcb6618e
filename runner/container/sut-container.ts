/**
 * Run a vendor's system under test (SUT) from a container image, for `--sut-image` and
 * `--sut-image-tar`: start it with testcontainers, wait until its health path answers 200,
 * tell it where the harness inbox is (IJW_HARNESS_URL), and always remove it afterwards:
 * on stop(), when it fails to start, and on SIGINT/SIGTERM of the harness process.
 *
 * The container reaches the harness on the host as `host.docker.internal` (an extra host
 * mapped to the engine's `host-gateway`, the bridge's gateway address). So the harness inbox
 * must listen on an address the bridge reaches: `0.0.0.0`, or the address from
 * {@link bridgeGatewayAddress}; `127.0.0.1` is not reachable from a container.
 *
 * @example
 *   await checkContainerEngine();
 *   await using sut = await startSutContainer({ image: 'vendor/app:1.4', port: 8080,
 *     healthPath: '/conformance/health', startupTimeoutMs: 60_000, harnessPort: 7100 });
 *   // sut.url: base URL for the adapter protocol; sut.harnessUrlForSut: what the SUT was told
 */
import { createReadStream, existsSync } from 'node:fs';
import { request } from 'node:http';
import { randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';
import { GenericContainer, Wait, getContainerRuntimeClient, type StartedTestContainer } from 'testcontainers';

/** Every container the harness starts carries this label (value '1'): `docker ps -a --filter label=ijw-conformance=1`. */
export const CONTAINER_LABEL = 'ijw-conformance';
/** Identifies one started SUT container, for clean-up by label even when start() failed halfway. */
export const SESSION_LABEL = 'ijw-conformance.session';
/** The environment variable that tells a containerised SUT the harness inbox's base URL. */
export const HARNESS_URL_ENV = 'IJW_HARNESS_URL';
/** The host name a SUT container uses for the host running the harness. */
export const HOST_ALIAS = 'host.docker.internal';

export interface SutContainerOptions {
  /** The image to run (`vendor/app:1.4`). With `imageTar`: optional, defaults to the image the tarball holds. */
  image?: string;
  /** A `docker save` tarball, loaded into the engine first. */
  imageTar?: string;
  /** The port the SUT listens on inside the container (default 8080). */
  port: number;
  /** The path that answers 200 once the SUT is ready (default /conformance/health). */
  healthPath: string;
  /** Extra environment for the container (IJW_HARNESS_URL is set by the harness). */
  env?: Record<string, string>;
  /** How long the container may take to answer 200 on its health path (default 60000). */
  startupTimeoutMs: number;
  /** The port of the harness inbox on the host. */
  harnessPort: number;
}

export interface StartedSut extends AsyncDisposable {
  /** Base URL to reach the SUT from the host (`http://localhost:32768`). */
  url: string;
  /** How the container reaches the harness inbox (`http://host.docker.internal:<harnessPort>`). */
  harnessUrlForSut: string;
  /** The image the container runs. */
  image: string;
  containerId: string;
  /** Everything the container printed so far (stdout and stderr). */
  logs(): Promise<string>;
  /** Stop and remove the container; safe to call twice. */
  stop(): Promise<void>;
}

export type ContainerErrorCode = 'CONTAINER_ENGINE_UNAVAILABLE' | 'SUT_IMAGE_LOAD_FAILED' | 'SUT_CONTAINER_FAILED';

/** A failure of the container machinery (not a conformance finding): the CLI exits 2. */
export class ContainerError extends Error {
  readonly code: ContainerErrorCode;

  constructor(code: ContainerErrorCode, message: string) {
    super(message);
    this.code = code;
    this.name = new.target.name;
  }
}

export class ContainerEngineUnavailableError extends ContainerError {
  readonly tried: string[];

  constructor(tried: string[], detail: string) {
    super('CONTAINER_ENGINE_UNAVAILABLE', [
      `No container engine reachable (tried ${tried.join(', ')}): ${detail}.`,
      'To fix: start Docker (or dockerd: `eval "$(scripts/container/dockerd.sh start)"`), set DOCKER_HOST to its socket',
      '(e.g. DOCKER_HOST=unix:///tmp/ijw-dockerd/docker.sock), and, where the ryuk image cannot be pulled,',
      'TESTCONTAINERS_RYUK_DISABLED=true (the harness removes its containers itself).',
    ].join(' '));
    this.tried = tried;
  }
}

export class SutImageLoadError extends ContainerError {
  constructor(message: string) {
    super('SUT_IMAGE_LOAD_FAILED', message);
  }
}

export class SutContainerError extends ContainerError {
  readonly logs: string;

  constructor(message: string, logs: string) {
    super('SUT_CONTAINER_FAILED', message);
    this.logs = logs;
  }
}

/** Where the Docker API is, as testcontainers will look first: DOCKER_HOST, else the default socket. */
function engineEndpoint(): { label: string; socketPath?: string; host?: string; port?: number } {
  const dockerHost = process.env.DOCKER_HOST;
  if (!dockerHost) return { label: 'unix:///var/run/docker.sock (DOCKER_HOST unset)', socketPath: '/var/run/docker.sock' };
  if (dockerHost.startsWith('unix://')) return { label: `${dockerHost} (DOCKER_HOST)`, socketPath: dockerHost.slice('unix://'.length) };
  const m = /^(?:tcp|http):\/\/([^:/]+)(?::(\d+))?/.exec(dockerHost);
  if (m) return { label: `${dockerHost} (DOCKER_HOST)`, host: m[1]!, port: Number(m[2] ?? 2375) };
  return { label: `${dockerHost} (DOCKER_HOST)` };
}

/**
 * Throws {@link ContainerEngineUnavailableError} unless the engine answers `GET /_ping`.
 * @example await checkContainerEngine(); // before anything else touches testcontainers
 */
export async function checkContainerEngine(timeoutMs = 5000): Promise<void> {
  const ep = engineEndpoint();
  if (ep.socketPath === undefined && ep.host === undefined) {
    throw new ContainerEngineUnavailableError([ep.label], 'DOCKER_HOST is neither unix://<socket> nor tcp://<host>:<port> (TLS engines: check with `docker info`)');
  }
  if (ep.host !== undefined && (process.env.DOCKER_TLS_VERIFY || ep.port === 2376)) {
    // A TLS engine: let testcontainers (dockerode, with DOCKER_CERT_PATH) do the talking.
    await getContainerRuntimeClient().catch((e: unknown) => {
      throw new ContainerEngineUnavailableError([ep.label], (e as Error).message);
    });
    return;
  }
  if (ep.socketPath !== undefined && !existsSync(ep.socketPath)) {
    throw new ContainerEngineUnavailableError([ep.label], `socket ${ep.socketPath} does not exist`);
  }
  await new Promise<void>((resolve, reject) => {
    const req = request(
      { ...(ep.socketPath !== undefined ? { socketPath: ep.socketPath } : { host: ep.host, port: ep.port }), path: '/_ping', method: 'GET', timeout: timeoutMs },
      (res) => {
        res.resume();
        if (res.statusCode === 200) resolve();
        else reject(new ContainerEngineUnavailableError([ep.label], `GET /_ping answered ${res.statusCode}`));
      },
    );
    req.on('timeout', () => req.destroy(new Error(`no answer within ${timeoutMs} ms`)));
    req.on('error', (e) => reject(e instanceof ContainerEngineUnavailableError ? e : new ContainerEngineUnavailableError([ep.label], e.message)));
    req.end();
  });
}

/**
 * `docker load` a tarball through the engine API; returns the image reference it held
 * (its first tag, or its id when it was saved without one).
 */
export async function loadImageTar(file: string): Promise<string> {
  if (!existsSync(file)) throw new SutImageLoadError(`--sut-image-tar: ${file} does not exist`);
  const client = await getContainerRuntimeClient();
  const docker = client.container.dockerode;
  const stream = (await docker.loadImage(createReadStream(file), { quiet: true })) as NodeJS.ReadableStream;
  const events = await new Promise<{ stream?: string; error?: string }[]>((resolve, reject) =>
    docker.modem.followProgress(stream, (err: Error | null, out: { stream?: string; error?: string }[]) => (err ? reject(err) : resolve(out))),
  ).catch((e: unknown) => {
    throw new SutImageLoadError(`loading ${file} failed: ${(e as Error).message}`);
  });
  const failed = events.find((e) => e.error);
  if (failed) throw new SutImageLoadError(`loading ${file} failed: ${failed.error}`);
  const text = events.map((e) => e.stream ?? '').join('');
  const m = /Loaded image: (\S+)/.exec(text) ?? /Loaded image ID: (\S+)/.exec(text);
  if (!m) throw new SutImageLoadError(`loading ${file}: the engine did not say which image it loaded (${text.trim() || 'no output'})`);
  return m[1]!;
}

/** The bridge network's gateway: the host address containers reach (an inbox may listen there instead of 0.0.0.0). */
export async function bridgeGatewayAddress(): Promise<string | undefined> {
  const client = await getContainerRuntimeClient();
  const info = await client.container.dockerode.getNetwork('bridge').inspect() as { IPAM?: { Config?: { Gateway?: string }[] } };
  return info.IPAM?.Config?.find((c) => c.Gateway)?.Gateway;
}

/** Remove every container carrying `label=value`, running or not. Never throws. */
async function removeByLabel(label: string, value: string): Promise<void> {
  try {
    const client = await getContainerRuntimeClient();
    const docker = client.container.dockerode;
    const found = await docker.listContainers({ all: true, filters: { label: [`${label}=${value}`] } });
    await Promise.all(found.map((c) => docker.getContainer(c.Id).remove({ force: true, v: true }).catch(() => undefined)));
  } catch {
    // best effort: the engine may be gone already
  }
}

/**
 * While a container runs, SIGINT/SIGTERM remove it, then end the process with 128 + the
 * signal number, as the signal would have.
 */
function guardSignals(cleanup: () => Promise<void>): () => void {
  const signals: NodeJS.Signals[] = ['SIGINT', 'SIGTERM'];
  let done = false;
  const handler = (signal: NodeJS.Signals): void => {
    if (done) return;
    done = true;
    remove();
    // Exit as the signal would have (130 / 143). Re-raising is not enough: a loader such as
    // tsx keeps its own listener in the process, and then nothing would end it.
    void cleanup().finally(() => process.exit(128 + (signal === 'SIGINT' ? 2 : 15)));
  };
  const remove = (): void => {
    for (const s of signals) process.off(s, handler);
  };
  for (const s of signals) process.on(s, handler);
  return remove;
}

const LOG_LIMIT = 2_000_000;

/**
 * Start the SUT container and wait until it is healthy.
 * @example const sut = await startSutContainer({ image: 'vendor/app:1.4', port: 8080, healthPath: '/conformance/health', startupTimeoutMs: 60000, harnessPort: 7100 });
 */
export async function startSutContainer(opts: SutContainerOptions): Promise<StartedSut> {
  const port = opts.port || 8080;
  const healthPath = opts.healthPath || '/conformance/health';
  const startupTimeoutMs = opts.startupTimeoutMs || 60_000;
  await checkContainerEngine();

  let image = opts.image;
  if (opts.imageTar) {
    const loaded = await loadImageTar(opts.imageTar);
    image ??= loaded;
  }
  if (!image) throw new SutContainerError('No image given: pass --sut-image IMAGE or --sut-image-tar FILE', '');

  const harnessUrlForSut = `http://${HOST_ALIAS}:${opts.harnessPort}`;
  const session = randomUUID();
  let logText = '';
  const collect = (stream: Readable): void => {
    stream.on('data', (chunk: string | Buffer) => {
      logText += chunk.toString();
      if (logText.length > LOG_LIMIT) logText = logText.slice(-LOG_LIMIT);
    });
  };

  const releaseSignals = guardSignals(() => removeByLabel(SESSION_LABEL, session));
  let started: StartedTestContainer;
  try {
    started = await new GenericContainer(image)
      .withExposedPorts(port)
      .withEnvironment({ ...opts.env, [HARNESS_URL_ENV]: harnessUrlForSut })
      .withExtraHosts([{ host: HOST_ALIAS, ipAddress: 'host-gateway' }])
      .withLabels({ [CONTAINER_LABEL]: '1', [SESSION_LABEL]: session })
      .withLogConsumer(collect)
      // An HTTP wait: distroless/scratch images have no shell for the default port check.
      .withWaitStrategy(Wait.forHttp(healthPath, port, { abortOnContainerExit: true }).forStatusCode(200))
      .withStartupTimeout(startupTimeoutMs)
      .start();
  } catch (e) {
    await removeByLabel(SESSION_LABEL, session);
    releaseSignals();
    const tail = logText.split('\n').slice(-30).join('\n').trim();
    throw new SutContainerError(
      `The SUT container from ${image} did not become healthy: GET ${healthPath} on port ${port} within ${startupTimeoutMs} ms (${(e as Error).message}). ` +
        `Check that it listens on 0.0.0.0:${port} and answers 200 there; the container was removed.` +
        (tail ? `\nIts last output:\n${tail}` : '\nIt printed nothing.'),
      logText,
    );
  }

  let stopped: Promise<void> | undefined;
  const stop = (): Promise<void> =>
    (stopped ??= (async () => {
      try {
        await started.stop({ timeout: 10_000, remove: true, removeVolumes: true });
      } catch {
        // fall through to the label sweep
      } finally {
        await removeByLabel(SESSION_LABEL, session);
        releaseSignals();
      }
    })());

  return {
    url: `http://${started.getHost()}:${started.getMappedPort(port)}`,
    harnessUrlForSut,
    image,
    containerId: started.getId(),
    logs: async () => logText,
    stop,
    [Symbol.asyncDispose]: stop,
  };
}
