/** JW305 Start zorg: the typed model and its build/read/parse. */
import * as S from '../schema/generated/jw305.ts';
import { defineMessage } from './define.ts';

export type Jw305 = S.Jw305Root;
export type Jw305Header = S.Jw305Header;
export type Jw305StartProduct = S.Jw305StartProduct;
export type Jw305StartProducten = S.Jw305StartProducten;
export type Jw305Client = S.Jw305Client;

/** @example jw305.parse(jw305.build(model)) // deep-equals model */
export const jw305 = defineMessage<Jw305>('JW305', S.ROOT);
