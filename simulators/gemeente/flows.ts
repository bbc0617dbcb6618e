/**
 * The municipality's flow modules beyond start/stop (verzoek om toewijzing/wijziging,
 * declaratie). Each contributes handlers for the messages it receives, retour handling and
 * actions, so the reference gemeente stays one small class.
 */
import type { MessageCode } from '../../ijw/messages/codes.ts';
import type { Handlers } from '../party.ts';
import type { Action } from '../actions.ts';
import type { ReferenceGemeente } from './reference-gemeente.ts';

export interface GemeenteFlow {
  handlers: Handlers;
  onRetour?(code: MessageCode, model: unknown): Promise<void>;
  /** Returns true when it performed the action. */
  perform?(action: Action): Promise<boolean>;
  reset?(): void;
  /** Called after the business date moved (time-driven rules: lapses, vervalperiodes). */
  onDate?(date: string): Promise<void>;
}

export type GemeenteFlowFactory = (g: ReferenceGemeente) => GemeenteFlow;

/** Registered flow modules, in order. */
export const gemeenteFlows: GemeenteFlowFactory[] = [];
