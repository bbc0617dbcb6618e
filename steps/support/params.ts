/** The world parameters the runner passes to every scenario (cucumber worldParameters). */
import type { RegionId } from '../../regions/catalogue.ts';

export type SutTarget =
  | { kind: 'reference'; faults?: string[] }
  | { kind: 'http'; url: string; role: 'gemeente' | 'aanbieder' };

export interface WorldParams {
  region: RegionId;
  sut: SutTarget;
  runId: string;
  /** How long to wait for a message the SUT sends on its own (ms). */
  answerTimeoutMs: number;
  /** How long one request to the SUT may take (ms). */
  requestTimeoutMs: number;
  /** The address the SUT uses to reach the harness inbox (HTTP SUTs). */
  harnessHost: string;
  /** The host the harness inbox listens on. */
  inboxListenHost: string;
  inboxPort?: number;
}

export const IN_PROCESS = {
  harness: 'http://harness.ijw.test',
  gemeente: 'http://gemeente.sut.ijw.test',
  aanbieder: 'http://aanbieder.sut.ijw.test',
} as const;

export function defaultParams(partial: Partial<WorldParams> = {}): WorldParams {
  return {
    region: 'alkmaar',
    sut: { kind: 'reference' },
    runId: 'local',
    answerTimeoutMs: 5000,
    requestTimeoutMs: 15000,
    harnessHost: '127.0.0.1',
    inboxListenHost: '127.0.0.1',
    ...partial,
  };
}
