/** The iJw 3.2 code lists as typed data (generated from the reference code lists). */
import { CODELISTS } from './generated.ts';

export type CodeListId = keyof typeof CODELISTS;
export interface CodeList { id: CodeListId; name: string; codes: { code: string; omschrijving: string }[] }

const index = new Map<string, Map<string, string>>();
for (const [id, l] of Object.entries(CODELISTS)) index.set(id, new Map(l.codes.map(([c, o]) => [c, o])));

export function codeList(id: CodeListId): CodeList {
  return { id, name: CODELISTS[id].name, codes: CODELISTS[id].codes.map(([code, omschrijving]) => ({ code, omschrijving })) };
}

export function isCode(id: CodeListId, code: string): boolean {
  return index.get(id)?.has(code) ?? false;
}

export function describe(id: CodeListId, code: string): string | undefined {
  return index.get(id)?.get(code);
}

/** The meaning of a retourcode (WJ001), e.g. 9069 → "Er is geen actueel startbericht met dezelfde sleutel." */
export function retourcodeMeaning(code: string): string | undefined {
  return describe('WJ001', code) ?? (code === '9355' ? 'ReferentieAanbieder in het antwoordbericht komt niet voor in een eerder verzoek.' : undefined);
}

export function municipality(code: string): { code: string; name: string } | undefined {
  const name = describe('CBS_Gemeentecodes', code);
  return name ? { code, name } : undefined;
}
