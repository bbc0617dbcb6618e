/** JW307 Stop zorg: the typed model and its build/read/parse. */
import * as S from '../schema/generated/jw307.ts';
import { defineMessage } from './define.ts';

export type Jw307 = S.Jw307Root;
export type Jw307Header = S.Jw307Header;
export type Jw307StopProduct = S.Jw307StopProduct;
export type Jw307StopProducten = S.Jw307StopProducten;
export type Jw307Client = S.Jw307Client;

/** @example jw307.parse(jw307.build(model)) // deep-equals model */
export const jw307 = defineMessage<Jw307>('JW307', S.ROOT);
