/** The provider's flow modules beyond start/stop (verzoeken, declaratie); see gemeente/flows.ts. */
import type { MessageCode } from '../../ijw/messages/codes.ts';
import type { Jw301 } from '../../ijw/messages/jw301.ts';
import type { Handlers } from '../party.ts';
import type { Finding } from '../../ijw/findings.ts';
import type { Action } from '../actions.ts';
import type { ReferenceAanbieder } from './reference-aanbieder.ts';

export interface AanbiederFlow {
  handlers: Handlers;
  onRetour?(code: MessageCode, model: unknown): Promise<void>;
  /** Cross-message findings on an answer without retour (a JW325), before onRetour; see ReferenceParty.judgeAnswer. */
  judgeAnswer?(code: MessageCode, model: unknown): Finding[];
  onToewijzing?(m: Jw301): void;
  perform?(action: Action): Promise<boolean>;
  reset?(): void;
  /**
   * Called around every adapter action the provider performs as the system under test (never
   * when it plays the harness's side), with the business date already moved: what the provider
   * reports by itself from the facts it holds (care delivered, time passed) happens here.
   */
  onAct?(action: Action, phase: 'before' | 'after'): Promise<void>;
  /** Called after the business date moved (what the provider notices by itself: ALK-R3). */
  onDate?(date: string): Promise<void>;
  /** The Begindatum of a start the SUT is asked to report without one (ALK-START-2), when this flow knows it. */
  startDate?(toewijzingNummer: number): string | undefined;
}

export type AanbiederFlowFactory = (a: ReferenceAanbieder) => AanbiederFlow;

export const aanbiederFlows: AanbiederFlowFactory[] = [];
