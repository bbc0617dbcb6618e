/** The provider's flow modules beyond start/stop (verzoeken, declaratie); see gemeente/flows.ts. */
import type { MessageCode } from '../../ijw/messages/codes.ts';
import type { Jw301 } from '../../ijw/messages/jw301.ts';
import type { Handlers } from '../party.ts';
import type { Action } from '../actions.ts';
import type { ReferenceAanbieder } from './reference-aanbieder.ts';

export interface AanbiederFlow {
  handlers: Handlers;
  onRetour?(code: MessageCode, model: unknown): Promise<void>;
  onToewijzing?(m: Jw301): void;
  perform?(action: Action): Promise<boolean>;
  reset?(): void;
}

export type AanbiederFlowFactory = (a: ReferenceAanbieder) => AanbiederFlow;

export const aanbiederFlows: AanbiederFlowFactory[] = [];
