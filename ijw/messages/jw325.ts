/** JW325 Declaratie-antwoord: the typed model and its build/read/parse. */
import * as S from '../schema/generated/jw325.ts';
import { defineMessage } from './define.ts';

export type Jw325 = S.Jw325Root;
export type Jw325RetourCodes = S.Jw325RetourCodes;
export type Jw325Header = S.Jw325Header;
export type Jw325Prestatie = S.Jw325Prestatie;
export type Jw325Prestaties = S.Jw325Prestaties;
export type Jw325Client = S.Jw325Client;
export type Jw325Clienten = S.Jw325Clienten;
export type Jw325DeclaratieAntwoord = S.Jw325DeclaratieAntwoord;

/** @example jw325.parse(jw325.build(model)) // deep-equals model */
export const jw325 = defineMessage<Jw325>('JW325', S.ROOT);
