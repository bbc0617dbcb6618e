/**
 * The harness's client for a system under test over the adapter protocol: deliver a message,
 * perform an action, wait for health. Transport failures are HarnessErrors (verdict "error"),
 * never conformance failures.
 */
import type { Action } from '../simulators/actions.ts';

export class HarnessError extends Error {
  readonly code: 'SUT_UNREACHABLE' | 'SUT_PROTOCOL' | 'SUT_TIMEOUT' | 'USAGE';

  constructor(code: 'SUT_UNREACHABLE' | 'SUT_PROTOCOL' | 'SUT_TIMEOUT' | 'USAGE', message: string) {
    super(message);
    this.code = code;
    this.name = 'HarnessError';
  }
}

/**
 * The SUT answered an action with a status the contract keeps for an action it cannot read
 * (400 malformed, 404 or 501 unknown or not implemented). For an action valid against the
 * schema of the contract that is the SUT's defect, not the transport's: the World fails the
 * scenario with it (steps/support/world.ts), and keeps a HarnessError for an action the harness
 * itself got wrong.
 */
export class ActionNotTaken extends Error {
  readonly code = 'ACTION_NOT_TAKEN';
  readonly action: Action;
  readonly status: number;
  readonly problem: { error?: string; detail?: string } | undefined;
  constructor(action: Action, status: number, problem: { error?: string; detail?: string } | undefined) {
    super(`Action '${action.action}' got HTTP ${status} from the SUT: ${problem?.error ?? ''} ${problem?.detail ?? ''}`.trim());
    this.action = action;
    this.status = status;
    this.problem = problem;
    this.name = 'ActionNotTaken';
  }
}

/** Statuses with which a SUT says it cannot read or does not know an action. */
export const NOT_TAKEN_STATUSES: readonly number[] = [400, 404, 501];

export interface SutClientOptions {
  baseUrl: string;
  runId: string;
  scenarioId?: string;
  /** Milliseconds per request. */
  timeoutMs: number;
  /** The transport (default: fetch); the in-process reference parties are reached without a socket. */
  fetch?: typeof fetch;
}

export interface ActionResult {
  ok: boolean;
  status: number;
  /** The problem the SUT gave when it refused (422). */
  problem?: { error?: string; detail?: string };
}

export class SutClient {
  readonly opts: SutClientOptions;

  constructor(opts: SutClientOptions) {
    this.opts = opts;
  }

  private headers(extra: Record<string, string>): Record<string, string> {
    return { 'x-conformance-run': this.opts.runId, ...(this.opts.scenarioId ? { 'x-conformance-scenario': this.opts.scenarioId } : {}), ...extra };
  }

  private async call(path: string, init: RequestInit): Promise<Response> {
    const url = `${this.opts.baseUrl.replace(/\/$/, '')}${path}`;
    try {
      return await (this.opts.fetch ?? fetch)(url, { ...init, signal: AbortSignal.timeout(this.opts.timeoutMs) });
    } catch (e) {
      const err = e as Error;
      if (err.name === 'TimeoutError') throw new HarnessError('SUT_TIMEOUT', `The SUT did not answer ${init.method} ${url} within ${this.opts.timeoutMs} ms`);
      throw new HarnessError('SUT_UNREACHABLE', `Cannot reach the SUT at ${url}: ${err.message}${err.cause ? ` (${(err.cause as Error).message})` : ''}`);
    }
  }

  /** Performs an action; a 422 is a refusal the scenario may expect, 400/404/501 an action not taken (ActionNotTaken), anything else unexpected a protocol error. */
  async act(action: Action): Promise<ActionResult> {
    const res = await this.call('/conformance/actions', { method: 'POST', headers: this.headers({ 'content-type': 'application/json' }), body: JSON.stringify(action) });
    const text = await res.text();
    if (res.status === 200) return { ok: true, status: 200 };
    let problem: ActionResult['problem'];
    try {
      problem = JSON.parse(text);
    } catch {
      problem = { detail: text.slice(0, 500) };
    }
    if (res.status === 422) return { ok: false, status: 422, ...(problem ? { problem } : {}) };
    if (NOT_TAKEN_STATUSES.includes(res.status)) throw new ActionNotTaken(action, res.status, problem);
    throw new HarnessError('SUT_PROTOCOL', `Action '${action.action}' got HTTP ${res.status} from the SUT (expected 200 or 422): ${problem?.error ?? ''} ${problem?.detail ?? ''}`.trim());
  }

  async health(): Promise<boolean> {
    try {
      const res = await this.call('/conformance/health', { method: 'GET', headers: this.headers({}) });
      return res.status === 200;
    } catch {
      return false;
    }
  }
}

/** Waits until the SUT's optional health endpoint answers 200, or it is plainly reachable. */
export async function waitForSut(baseUrl: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last = '';
  while (Date.now() < deadline) {
    try {
      const res = await fetch(`${baseUrl.replace(/\/$/, '')}/conformance/health`, { signal: AbortSignal.timeout(2000) });
      if (res.status === 200 || res.status === 404) return;
      last = `HTTP ${res.status}`;
    } catch (e) {
      last = (e as Error).cause ? String(((e as Error).cause as Error).message) : (e as Error).message;
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new HarnessError('SUT_UNREACHABLE', `The SUT at ${baseUrl} is not reachable (${last}) after ${timeoutMs} ms: is it running, and is --sut the base URL of its adapter endpoints?`);
}
