/** JW316 Retour verzoek om toewijzing: the typed model and its build/read/parse. */
import * as S from '../schema/generated/jw316.ts';
import { defineMessage } from './define.ts';

export type Jw316 = S.Jw316Root;
export type Jw316RetourCodes = S.Jw316RetourCodes;
export type Jw316Header = S.Jw316Header;
export type Jw316AangevraagdProduct = S.Jw316AangevraagdProduct;
export type Jw316AangevraagdeProducten = S.Jw316AangevraagdeProducten;
export type Jw316Client = S.Jw316Client;

/** @example jw316.parse(jw316.build(model)) // deep-equals model */
export const jw316 = defineMessage<Jw316>('JW316', S.ROOT);
