import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync, spawn } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { getContainerRuntimeClient } from 'testcontainers';
import {
  CONTAINER_LABEL,
  ContainerEngineUnavailableError,
  SutContainerError,
  checkContainerEngine,
  startSutContainer,
} from './sut-container.ts';
import { inboxListenAddress, startSutForRun } from './for-run.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const IMAGE = process.env.IJW_TEST_SUT_IMAGE ?? 'ijw-conformance/stand-in-sut:test';

const engine = await checkContainerEngine().then(
  () => true,
  () => false,
);
if (!engine) console.warn('SKIPPED: no container engine (DOCKER_HOST unset / socket missing) — container tests run in CI');

describe('checkContainerEngine', () => {
  it('names the missing socket and what to set', async () => {
    const saved = process.env.DOCKER_HOST;
    process.env.DOCKER_HOST = 'unix:///tmp/ijw-no-such-engine/docker.sock';
    try {
      const err = await checkContainerEngine().then(() => undefined, (e: unknown) => e);
      expect(err).toBeInstanceOf(ContainerEngineUnavailableError);
      expect((err as ContainerEngineUnavailableError).code).toBe('CONTAINER_ENGINE_UNAVAILABLE');
      expect((err as Error).message).toContain('unix:///tmp/ijw-no-such-engine/docker.sock');
      expect((err as Error).message).toContain('TESTCONTAINERS_RYUK_DISABLED=true');
    } finally {
      if (saved === undefined) delete process.env.DOCKER_HOST;
      else process.env.DOCKER_HOST = saved;
    }
  });
});

/** The harness's containers of this file's image (other test files run other images at the same time). */
async function ourContainers(): Promise<string[]> {
  const docker = (await getContainerRuntimeClient()).container.dockerode;
  const list = await docker.listContainers({ all: true, filters: { label: [`${CONTAINER_LABEL}=1`], ancestor: [IMAGE] } });
  return list.map((c) => c.Id);
}

describe.skipIf(!engine)('a SUT in a container', () => {
  let inbox: Server;
  let inboxPort = 0;
  const received: string[] = [];

  beforeAll(async () => {
    const docker = (await getContainerRuntimeClient()).container.dockerode;
    const present = await docker.getImage(IMAGE).inspect().then(() => true, () => false);
    if (!present) {
      execFileSync('bash', ['scripts/container/build-sut-image.sh', IMAGE, 'scripts/container/stand-in-sut.ts', '--port', '8080'], { cwd: ROOT, stdio: 'inherit', timeout: 120_000 });
    }
    const host = await inboxListenAddress();
    inbox = createServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString()));
      req.on('end', () => {
        received.push(`${req.method} ${req.url} ${body}`);
        res.writeHead(202).end('inbox');
      });
    });
    await new Promise<void>((r) => inbox.listen(0, host, r));
    inboxPort = (inbox.address() as { port: number }).port;
  });

  afterAll(async () => {
    await new Promise((r) => inbox?.close(r));
    expect(await ourContainers()).toEqual([]);
  });

  it('starts the image, waits for health, passes IJW_HARNESS_URL, reaches the host, and removes the container', async () => {
    const t0 = Date.now();
    const sut = await startSutContainer({ image: IMAGE, port: 8080, healthPath: '/conformance/health', env: { IJW_EXTRA: 'x=1' }, startupTimeoutMs: 30_000, harnessPort: inboxPort });
    console.log(`container start + health: ${Date.now() - t0} ms`);
    try {
      expect(sut.harnessUrlForSut).toBe(`http://host.docker.internal:${inboxPort}`);
      expect((await fetch(`${sut.url}/conformance/health`)).status).toBe(200);
      const seen = (await (await fetch(`${sut.url}/env`)).json()) as { env: Record<string, string>; uid: number };
      expect(seen.env).toMatchObject({ IJW_HARNESS_URL: sut.harnessUrlForSut, IJW_EXTRA: 'x=1' });
      expect(seen.uid).not.toBe(0);
      // container → harness on the host, through host.docker.internal (host-gateway)
      const r = await fetch(`${sut.url}/conformance/actions`, { method: 'POST', body: JSON.stringify({ action: 'configure' }) });
      expect(await r.json()).toMatchObject({ ok: true, harnessStatus: 202, harnessBody: 'inbox' });
      expect(received.at(-1)).toBe('POST /berichten <Bericht>stand-in</Bericht>');
      expect(await sut.logs()).toContain('listening on');
    } finally {
      const t1 = Date.now();
      await sut.stop();
      console.log(`container stop (SIGTERM handled): ${Date.now() - t1} ms`);
    }
    expect(await sut.logs()).toContain('SIGTERM: stopping');
    expect(await ourContainers()).not.toContain(sut.containerId);
    await sut.stop(); // twice is fine
  });

  it('loads an image from a tarball (docker save) and runs it through startSutForRun', async () => {
    const docker = (await getContainerRuntimeClient()).container.dockerode;
    const tag = 'ijw-conformance/stand-in-sut:tar-test';
    await docker.getImage(IMAGE).tag({ repo: 'ijw-conformance/stand-in-sut', tag: 'tar-test' });
    const dir = mkdtempSync(join(tmpdir(), 'ijw-tar-'));
    const file = join(dir, 'image.tar');
    execFileSync('docker', ['save', '-o', file, tag]);
    await docker.getImage(tag).remove();
    try {
      const sut = await startSutForRun({ imageTar: file, port: 8080, healthPath: '/conformance/health', env: [], startupTimeoutMs: 30_000 });
      try {
        expect(sut.image).toBe(tag);
        expect(sut.harnessUrlForSut).toBe(`http://host.docker.internal:${sut.inboxPort}`);
        expect((await fetch(`${sut.url}/conformance/health`)).status).toBe(200);
      } finally {
        await sut.stop();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
      await docker.getImage(tag).remove().catch(() => undefined);
    }
  });

  it('removes a container that never becomes healthy and says why', async () => {
    const err = await startSutContainer({ image: IMAGE, port: 8080, healthPath: '/not-there', startupTimeoutMs: 3_000, harnessPort: inboxPort }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(SutContainerError);
    expect((err as SutContainerError).code).toBe('SUT_CONTAINER_FAILED');
    expect((err as Error).message).toContain('/not-there');
    expect(await ourContainers()).toEqual([]);
  });

  it('removes the container when the harness process gets SIGTERM', async () => {
    const child = spawn(join(ROOT, 'node_modules/.bin/tsx'), ['runner/container/test-fixtures/start-and-wait.ts', IMAGE], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
    const id = await new Promise<string>((resolveId, reject) => {
      let out = '';
      child.stdout.on('data', (c: Buffer) => {
        out += c.toString();
        const m = /started (\w+)/.exec(out);
        if (m) resolveId(m[1]!);
      });
      child.once('exit', (code) => reject(new Error(`fixture exited early (${code}): ${out}`)));
    });
    expect(await ourContainers()).toContain(id);
    const exited = new Promise<number | null>((r) => child.on('exit', (code) => r(code)));
    child.kill('SIGTERM');
    expect(await exited).toBe(143);
    expect(await ourContainers()).toEqual([]);
  }, 60_000);
});
