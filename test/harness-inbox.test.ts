/**
 * Per-run resources of the harness (issue 10, points 1–2): run ids unique across workers and
 * regions, one inbox port per worker, and a message for an ended run answered as such.
 */
import { describe, expect, it } from 'vitest';
import { inboxPortFor, notRunning, registerRun, unregisterRun } from '../steps/support/harness-inbox.ts';
import { scenarioRunId } from '../steps/support/run-id.ts';
import type { ReferenceParty } from '../simulators/party.ts';

describe('the harness inbox', () => {
  it('answers a message for an ended run with 409, saying since when', async () => {
    registerRun('run-a', {} as ReferenceParty);
    unregisterRun('run-a');
    const res = notRunning('run-a');
    expect(res.status).toBe(409);
    const body = (await res.json()) as { error: string; detail: string; endedAt: string };
    expect(body.error).toBe('run ended');
    expect(Date.parse(body.endedAt)).not.toBeNaN();
    expect(body.detail).toMatch(/ended at \S+ \(\d+ ms ago\)/);
  });

  it('answers a run id it never had with 400', async () => {
    const res = notRunning('never');
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: string }).error).toBe('unknown run');
  });

  it('gives every worker its own port when one is fixed', () => {
    expect(inboxPortFor(undefined, '1')).toBe(0);
    expect(inboxPortFor(7070, undefined)).toBe(7070);
    expect(inboxPortFor(7070, '0')).toBe(7070);
    expect(inboxPortFor(7070, '3')).toBe(7073);
  });
});

describe('scenario run ids', () => {
  it('are unique across workers (threads share a pid), regions and harness runs', () => {
    const ids = new Set<string>();
    for (const worker of ['0', '1']) {
      process.env.CUCUMBER_WORKER_ID = worker;
      for (const region of ['alkmaar', 'utrecht']) for (let i = 0; i < 50; i++) ids.add(scenarioRunId('20251201-1200-abcd', region));
    }
    delete process.env.CUCUMBER_WORKER_ID;
    expect(ids.size).toBe(200);
    expect([...ids][0]).toMatch(/^20251201-1200-abcd-alkmaar-w0-\d+-[0-9a-f]{8}$/);
  });
});
