/** JW306 Retour start zorg: the typed model and its build/read/parse. */
import * as S from '../schema/generated/jw306.ts';
import { defineMessage } from './define.ts';

export type Jw306 = S.Jw306Root;
export type Jw306RetourCodes = S.Jw306RetourCodes;
export type Jw306Header = S.Jw306Header;
export type Jw306StartProduct = S.Jw306StartProduct;
export type Jw306StartProducten = S.Jw306StartProducten;
export type Jw306Client = S.Jw306Client;

/** @example jw306.parse(jw306.build(model)) // deep-equals model */
export const jw306 = defineMessage<Jw306>('JW306', S.ROOT);
