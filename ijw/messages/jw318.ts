/** JW318 Retour verzoek om wijziging: the typed model and its build/read/parse. */
import * as S from '../schema/generated/jw318.ts';
import { defineMessage } from './define.ts';

export type Jw318 = S.Jw318Root;
export type Jw318RetourCodes = S.Jw318RetourCodes;
export type Jw318Header = S.Jw318Header;
export type Jw318OngewijzigdProduct = S.Jw318OngewijzigdProduct;
export type Jw318OngewijzigdeProducten = S.Jw318OngewijzigdeProducten;
export type Jw318TeWijzigenProduct = S.Jw318TeWijzigenProduct;
export type Jw318TeWijzigenProducten = S.Jw318TeWijzigenProducten;
export type Jw318NieuwProduct = S.Jw318NieuwProduct;
export type Jw318NieuweProducten = S.Jw318NieuweProducten;
export type Jw318Verzoek = S.Jw318Verzoek;
export type Jw318Client = S.Jw318Client;

/** @example jw318.parse(jw318.build(model)) // deep-equals model */
export const jw318 = defineMessage<Jw318>('JW318', S.ROOT);
