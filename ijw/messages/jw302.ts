/** JW302 Retour toewijzing: the typed model and its build/read/parse. */
import * as S from '../schema/generated/jw302.ts';
import { defineMessage } from './define.ts';

export type Jw302 = S.Jw302Root;
export type Jw302RetourCodes = S.Jw302RetourCodes;
export type Jw302Header = S.Jw302Header;
export type Jw302Contact = S.Jw302Contact;
export type Jw302Relatie = S.Jw302Relatie;
export type Jw302Relaties = S.Jw302Relaties;
export type Jw302Contactgegevens = S.Jw302Contactgegevens;
export type Jw302ToegewezenProduct = S.Jw302ToegewezenProduct;
export type Jw302ToegewezenProducten = S.Jw302ToegewezenProducten;
export type Jw302Client = S.Jw302Client;

/** @example jw302.parse(jw302.build(model)) // deep-equals model */
export const jw302 = defineMessage<Jw302>('JW302', S.ROOT);
