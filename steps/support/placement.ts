/**
 * Where a retourcode may stand in a JW325. A line-level rule puts its code on the Prestatie. A
 * rule about an element of the Client (TR304: its Bsn) may put its code on the Client, with 0233
 * (not checked) on each of that client's prestaties (FLOWS.md, IV087/IV088: "a client-level error
 * puts that client's code on the Client and 0233 on all its prestaties"), or on each prestatie of
 * that client, as the harness's own municipality does. Where the standard leaves the placement
 * open, the harness accepts every placement it allows (docs/ADAPTER-PROTOCOL.md, "How every
 * message of your SUT is judged").
 */
import type { Jw325 } from '../../ijw/messages/jw325.ts';

/** Codes of rules on the Client class of a JW323, which the standard lets stand on the Client. */
export const CLIENT_LEVEL_CODES: Readonly<Record<string, { rule: string; element: string }>> = {
  '8187': { rule: 'TR304', element: 'Bsn' },
};

/** 0233: not checked, the code a class carries below a class with an error. */
export const NOT_CHECKED = '0233';

export interface RejectedLine {
  ref: string;
  nummer: number;
  /** The codes that reject this line: its own, plus its Client's client-level code where the line carries 0233. */
  codes: string[];
  /** Where the rejecting code stood: on the line itself, or on its Client (the line then carries 0233). */
  placement: 'prestatie' | 'client';
  bedrag: number;
  dc: string;
}

/** Rejected prestaties of a JW325 with the codes that reject them, wherever the standard lets those stand. */
export function rejectedLines(a: Jw325): RejectedLine[] {
  return (a.DeclaratieAntwoord?.Clienten?.Client ?? []).flatMap((c) => {
    const clientCodes = (c.RetourCodes?.RetourCode ?? []).filter((x) => x in CLIENT_LEVEL_CODES);
    return c.Prestaties.Prestatie.map((p) => {
      const own = p.RetourCodes.RetourCode;
      const inherited = own.includes(NOT_CHECKED) ? clientCodes.filter((x) => !own.includes(x)) : [];
      return {
        ref: p.ProductReferentie.ReferentieNummer,
        nummer: p.ToewijzingNummer,
        codes: [...own, ...inherited],
        placement: inherited.length ? ('client' as const) : ('prestatie' as const),
        bedrag: p.IngediendBedrag.Bedrag,
        dc: p.IngediendBedrag.DebetCredit,
      };
    });
  });
}
