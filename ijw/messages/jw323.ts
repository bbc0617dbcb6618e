/** JW323 Declaratie: the typed model and its build/read/parse. */
import * as S from '../schema/generated/jw323.ts';
import { defineMessage } from './define.ts';

export type Jw323 = S.Jw323Root;
export type Jw323Header = S.Jw323Header;
export type Jw323Prestatie = S.Jw323Prestatie;
export type Jw323Prestaties = S.Jw323Prestaties;
export type Jw323Client = S.Jw323Client;
export type Jw323Clienten = S.Jw323Clienten;
export type Jw323Declaratie = S.Jw323Declaratie;

/** @example jw323.parse(jw323.build(model)) // deep-equals model */
export const jw323 = defineMessage<Jw323>('JW323', S.ROOT);
