/** JW308 Retour stop zorg: the typed model and its build/read/parse. */
import * as S from '../schema/generated/jw308.ts';
import { defineMessage } from './define.ts';

export type Jw308 = S.Jw308Root;
export type Jw308RetourCodes = S.Jw308RetourCodes;
export type Jw308Header = S.Jw308Header;
export type Jw308StopProduct = S.Jw308StopProduct;
export type Jw308StopProducten = S.Jw308StopProducten;
export type Jw308Client = S.Jw308Client;

/** @example jw308.parse(jw308.build(model)) // deep-equals model */
export const jw308 = defineMessage<Jw308>('JW308', S.ROOT);
