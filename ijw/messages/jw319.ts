/** JW319 Antwoordbericht: the typed model and its build/read/parse. */
import * as S from '../schema/generated/jw319.ts';
import { defineMessage } from './define.ts';

export type Jw319 = S.Jw319Root;
export type Jw319Header = S.Jw319Header;
export type Jw319Woonplaatsbeginsel = S.Jw319Woonplaatsbeginsel;
export type Jw319Antwoord = S.Jw319Antwoord;

/** @example jw319.parse(jw319.build(model)) // deep-equals model */
export const jw319 = defineMessage<Jw319>('JW319', S.ROOT);
