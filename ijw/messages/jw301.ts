/** JW301 Toewijzing: the typed model and its build/read/parse. */
import * as S from '../schema/generated/jw301.ts';
import { defineMessage } from './define.ts';

export type Jw301 = S.Jw301Root;
export type Jw301Header = S.Jw301Header;
export type Jw301Contact = S.Jw301Contact;
export type Jw301Relatie = S.Jw301Relatie;
export type Jw301Relaties = S.Jw301Relaties;
export type Jw301Contactgegevens = S.Jw301Contactgegevens;
export type Jw301ToegewezenProduct = S.Jw301ToegewezenProduct;
export type Jw301ToegewezenProducten = S.Jw301ToegewezenProducten;
export type Jw301Client = S.Jw301Client;

/** @example jw301.parse(jw301.build(model)) // deep-equals model */
export const jw301 = defineMessage<Jw301>('JW301', S.ROOT);
