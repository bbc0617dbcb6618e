/** JW315 Verzoek om toewijzing (VOT): the typed model and its build/read/parse. */
import * as S from '../schema/generated/jw315.ts';
import { defineMessage } from './define.ts';

export type Jw315 = S.Jw315Root;
export type Jw315Header = S.Jw315Header;
export type Jw315AangevraagdProduct = S.Jw315AangevraagdProduct;
export type Jw315AangevraagdeProducten = S.Jw315AangevraagdeProducten;
export type Jw315Client = S.Jw315Client;

/** @example jw315.parse(jw315.build(model)) // deep-equals model */
export const jw315 = defineMessage<Jw315>('JW315', S.ROOT);
