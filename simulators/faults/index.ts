/** Every faulty variant, by id, filed by flow (verzoek, toewijzing, start-stop, declaratie, deadlines, general) plus the national and cross-message ones, and every region pack's variants.yaml (pack-variants.ts). Each breaks one rule; test/faults.test.ts proves the suite catches each. */
import type { Fault } from './fault.ts';
import { startStopFaults } from './start-stop.ts';
import { deadlineFaults } from './deadlines.ts';
import { declaratieFaults } from './declaratie.ts';
import { verzoekFaults } from './verzoek.ts';
import { nationalFaults } from './national.ts';
import { crossMessageFaults } from './cross-message.ts';
import { toewijzingFaults } from './toewijzing.ts';
import { generalFaults } from './general.ts';
import { packFaults } from './pack-variants.ts';

export const faults: readonly Fault[] = [...startStopFaults, ...deadlineFaults, ...declaratieFaults, ...verzoekFaults, ...toewijzingFaults, ...generalFaults, ...nationalFaults, ...crossMessageFaults, ...packFaults()];

export class UnknownFaultError extends Error {
  readonly code = 'UNKNOWN_FAULT';
  constructor(id: string) {
    super(`Unknown faulty variant '${id}'. Known: ${faults.map((f) => f.id).join(', ')}`);
  }
}

export function faultsById(ids: readonly string[]): Fault[] {
  return ids.map((id) => faults.find((f) => f.id === id) ?? (() => { throw new UnknownFaultError(id); })());
}
