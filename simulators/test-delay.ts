/**
 * A test-only hook that holds delivered messages in flight after they are journalled, so a
 * test can kill or stop the server with messages deterministically accepted and unanswered.
 * Off unless IJW_SIMULATE_TEST_DELAY_MS is set; IJW_SIMULATE_TEST_DELAY_RUNS limits it to runs
 * whose id starts with that prefix.
 */
import type { Envelope } from './envelope.ts';

export function testDelayFromEnv(env: NodeJS.ProcessEnv): ((e: Envelope) => Promise<void>) | undefined {
  const ms = Number(env.IJW_SIMULATE_TEST_DELAY_MS);
  if (!Number.isFinite(ms) || ms <= 0) return undefined;
  const prefix = env.IJW_SIMULATE_TEST_DELAY_RUNS ?? '';
  return (e) => (e.run.startsWith(prefix) ? new Promise((resolve) => setTimeout(resolve, ms)) : Promise.resolve());
}
