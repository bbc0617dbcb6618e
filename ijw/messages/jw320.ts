/** JW320 Retour antwoordbericht: the typed model and its build/read/parse. */
import * as S from '../schema/generated/jw320.ts';
import { defineMessage } from './define.ts';

export type Jw320 = S.Jw320Root;
export type Jw320RetourCodes = S.Jw320RetourCodes;
export type Jw320Header = S.Jw320Header;
export type Jw320Woonplaatsbeginsel = S.Jw320Woonplaatsbeginsel;
export type Jw320Antwoord = S.Jw320Antwoord;

/** @example jw320.parse(jw320.build(model)) // deep-equals model */
export const jw320 = defineMessage<Jw320>('JW320', S.ROOT);
