/** When a simulator lets go of a run: end-run, idle time, max-runs; each release logged. */
import { describe, expect, it } from 'vitest';
import { RunRegistry, type ReleaseReason } from './run-registry.ts';
import { Simulator } from './simulator.ts';

function registry(opts: { maxRuns?: number; idleMs?: number }) {
  let now = 0;
  const released: [string, ReleaseReason][] = [];
  const r = new RunRegistry<string>({ ...opts, now: () => now, onRelease: (id, reason) => released.push([id, reason]) });
  return { r, released, advance: (ms: number) => void (now += ms) };
}

describe('run registry', () => {
  it('forgets the least recently used run beyond max-runs', () => {
    const { r, released } = registry({ maxRuns: 2 });
    r.obtain('a', () => 'A');
    r.obtain('b', () => 'B');
    expect(r.obtain('a', () => 'new')).toBe('A');
    r.obtain('c', () => 'C');
    expect(released).toEqual([['b', 'max-runs']]);
    expect([r.peek('a'), r.peek('b'), r.peek('c')]).toEqual(['A', undefined, 'C']);
  });

  it('forgets runs idle past the limit, and only those', () => {
    const { r, released, advance } = registry({ idleMs: 1000 });
    r.obtain('old', () => 'O');
    advance(600);
    r.obtain('young', () => 'Y');
    advance(500);
    expect(r.peek('young')).toBe('Y');
    expect(r.peek('old')).toBeUndefined();
    expect(released).toEqual([['old', 'idle']]);
    expect(r.size).toBe(1);
  });

  it('forgets a run on end, once', () => {
    const { r, released } = registry({});
    r.obtain('a', () => 'A');
    expect(r.end('a')).toBe(true);
    expect(r.end('a')).toBe(false);
    expect(released).toEqual([['a', 'ended']]);
    expect(r.obtain('a', () => 'fresh')).toBe('fresh');
  });

  it('refuses a max-runs that is not a positive integer', () => {
    expect(() => new RunRegistry({ maxRuns: 0 })).toThrow(RangeError);
  });
});

describe('simulator end-run', () => {
  it('forgets the run without creating one, logs it, and the run starts afresh afterwards', async () => {
    const lines: string[] = [];
    const sim = new Simulator({ role: 'gemeente', region: 'alkmaar', log: (l) => lines.push(l), maxRuns: 10 });
    const action = sim.handlers('http://sim.test').find((h) => h.info.header === 'POST http://sim.test/conformance/actions')!;
    const post = async (run: string, body: object) => {
      const r = await action.run({ request: new Request('http://sim.test/conformance/actions', { method: 'POST', headers: { 'x-conformance-run': run }, body: JSON.stringify(body) }), requestId: run });
      return r?.response?.status;
    };
    expect(await post('x', { action: 'set-date', date: '2025-03-03' })).toBe(200);
    expect(sim.runCount).toBe(1);
    expect(await post('x', { action: 'end-run' })).toBe(200);
    expect(await post('never-seen', { action: 'end-run' })).toBe(200);
    expect(sim.runCount).toBe(0);
    expect(lines.filter((l) => l.includes('forgotten'))).toEqual([expect.stringMatching(/gemeente run=x forgotten \(ended: end-run\)$/)]);
    expect(await post('x', { action: 'end-run', extra: 1 })).toBe(400);
  });
});
