/** JW317 Verzoek om wijziging (VOW): the typed model and its build/read/parse. */
import * as S from '../schema/generated/jw317.ts';
import { defineMessage } from './define.ts';

export type Jw317 = S.Jw317Root;
export type Jw317Header = S.Jw317Header;
export type Jw317OngewijzigdProduct = S.Jw317OngewijzigdProduct;
export type Jw317OngewijzigdeProducten = S.Jw317OngewijzigdeProducten;
export type Jw317TeWijzigenProduct = S.Jw317TeWijzigenProduct;
export type Jw317TeWijzigenProducten = S.Jw317TeWijzigenProducten;
export type Jw317NieuwProduct = S.Jw317NieuwProduct;
export type Jw317NieuweProducten = S.Jw317NieuweProducten;
export type Jw317Verzoek = S.Jw317Verzoek;
export type Jw317Client = S.Jw317Client;

/** @example jw317.parse(jw317.build(model)) // deep-equals model */
export const jw317 = defineMessage<Jw317>('JW317', S.ROOT);
