/**
 * Retour messages (302, 306, 308, 316, 318, 320) from a heen message, the ways FLOWS.md allows:
 * accepted (Header only, no codes), level 2 (Header with 0001 and XsltVersie), a Header error
 * at level 3/4 (the rule's code only), or a class error (Header 0200, the client copied back
 * with RetourCodes in every class: the rule's code on one class, 0200 on the others).
 */
import fc from 'fast-check';
import type { ComplexType } from '../../ijw/schema/types.ts';
import type { MessageCode } from '../../ijw/messages/codes.ts';
import { BERICHT_CODES } from '../../ijw/messages/codes.ts';
import { messages } from '../../ijw/messages/registry.ts';
import { XSD_VERSIE, arbIdentificatie, fromDay, toDay } from './building-blocks.ts';

export interface RetourSpec {
  /** The class that gets the rule's code, and the codes that fit there. */
  errorClass: readonly string[];
  codes: readonly string[];
}

interface Heen { Header: { BerichtIdentificatie: { Identificatie: string; Dagtekening: string }; Afzender: string; Ontvanger: string; XsdVersie: unknown } }

const HEADER_CODES = ['9056', '8848'] as const;

export function arbRetour<T>(code: MessageCode, heen: fc.Arbitrary<Heen>, spec: RetourSpec): fc.Arbitrary<T> {
  const root = messages[code].root.type as ComplexType;
  return fc
    .record({
      heen,
      mode: fc.constantFrom('accepted', 'xslt', 'header', 'classes', 'classes'),
      id: arbIdentificatie,
      after: fc.integer({ min: 0, max: 3 }),
      headerCode: fc.constantFrom(...HEADER_CODES),
      code: fc.constantFrom(...spec.codes),
      xslt: fc.option(fc.constantFrom('1.0.0', '1.2.0', '2.0.1'), { freq: 3 }),
    })
    .map(({ heen: h, mode, id, after, headerCode, code: ruleCode, xslt }) => {
      const hh = h.Header;
      const header: Record<string, unknown> = {
        BerichtCode: BERICHT_CODES[code],
        BerichtVersie: 3,
        BerichtSubversie: 2,
        Afzender: hh.Afzender,
        Ontvanger: hh.Ontvanger,
        BerichtIdentificatie: { Identificatie: id, Dagtekening: fromDay(toDay(hh.BerichtIdentificatie.Dagtekening) + after) },
        XsdVersie: { ...XSD_VERSIE },
        IdentificatieRetour: hh.BerichtIdentificatie.Identificatie,
        DagtekeningRetour: hh.BerichtIdentificatie.Dagtekening,
        XsdVersieRetour: structuredClone(hh.XsdVersie),
      };
      // XsltVersie is mandatory when rejecting on the XSLTs, optional otherwise.
      if (mode === 'xslt') header.XsltVersie = xslt ?? '1.0.0';
      else if (xslt) header.XsltVersie = xslt;
      if (mode === 'xslt') header.RetourCodes = { RetourCode: ['0001'] };
      if (mode === 'header') header.RetourCodes = { RetourCode: [headerCode] };
      const model: Record<string, unknown> = { Header: header };
      if (mode === 'classes') {
        header.RetourCodes = { RetourCode: ['0200'] };
        const body = root.children.find((c) => c.name !== 'Header')!;
        const copy = structuredClone((h as unknown as Record<string, unknown>)[body.name]) as Record<string, unknown>;
        const state = { placed: false };
        for (const cls of spec.errorClass) if (!state.placed) addCodes(copy, body.type as ComplexType, cls, ruleCode, state, true);
        // When the error class is absent, the code goes on the client-level class.
        if (!state.placed) (copy as { RetourCodes: unknown }).RetourCodes = { RetourCode: [ruleCode] };
        model[body.name] = copy;
      }
      return model as T;
    });
}

/** Puts RetourCodes in every class of `obj` (the retour descriptor says which have them). */
function addCodes(obj: Record<string, unknown>, type: ComplexType, errorClass: string, code: string, state: { placed: boolean }, top: boolean): void {
  for (const child of type.children) {
    const v = obj[child.name];
    if (child.type.kind !== 'complex' || v === undefined || child.name === 'RetourCodes') continue;
    const items = Array.isArray(v) ? v : [v];
    for (const item of items) {
      const hit = child.name === errorClass && !state.placed;
      if (hit) state.placed = true;
      addCodes(item as Record<string, unknown>, child.type, errorClass, code, state, false);
      if (child.type.children.some((c) => c.name === 'RetourCodes')) {
        const rc = (item as { RetourCodes?: { RetourCode: string[] } }).RetourCodes;
        if (!rc) (item as Record<string, unknown>).RetourCodes = { RetourCode: [hit ? code : '0200'] };
        else if (hit) rc.RetourCode = [code];
      }
    }
  }
  if (top && type.children.some((c) => c.name === 'RetourCodes') && !obj.RetourCodes) obj.RetourCodes = { RetourCode: ['0200'] };
}
