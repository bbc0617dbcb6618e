/** JW325 Declaratie-antwoord: gemeente → aanbieder, the answer to a generated JW323. */
import fc from 'fast-check';
import type { Jw325, Jw325Client } from '../../ijw/messages/jw325.ts';
import type { Jw323 } from '../../ijw/messages/jw323.ts';
import { BERICHT_CODES } from '../../ijw/messages/codes.ts';
import { XSD_VERSIE, arbIdentificatie, fromDay, toDay, type MessageConstraints } from './building-blocks.ts';
import { arbJw323, totaal } from './jw323.ts';

const PRESTATIE_CODES = ['9307', '9308', '9319', '9321', '9338', '9339', '9340', '9341', '9346', '9387', '9388', '0611', '8021'] as const;

/**
 * A JW325 answering a valid JW323 (FLOWS.md, IV087/IV088): fully approved (8001, toegekend =
 * ingediend), a level-2 rejection (Header 0001 only), a rejection of the Declaratie (9333,
 * toegekend 0), or a partial approval listing only rejected debit prestaties with
 * Σ rejected = TotaalIngediend − TotaalToegekend (TR342). Amounts of 0 are debit (CS325).
 * @example fc.sample(arbJw325(), 1)
 */
export function arbJw325(constraints?: MessageConstraints): fc.Arbitrary<Jw325> {
  return fc
    .record({
      d: arbJw323(constraints),
      mode: fc.constantFrom('approved', 'partial', 'partial', 'declaratie', 'xslt'),
      id: arbIdentificatie,
      after: fc.integer({ min: 1, max: 14 }),
      reject: fc.array(fc.boolean(), { minLength: 64, maxLength: 64 }),
      codes: fc.array(fc.constantFrom(...PRESTATIE_CODES), { minLength: 64, maxLength: 64 }),
    })
    .map(({ d, mode, id, after, reject, codes }): Jw325 => {
      const h = (d as Jw323).Header;
      const header: Jw325['Header'] = {
        BerichtCode: BERICHT_CODES.JW325,
        BerichtVersie: 3,
        BerichtSubversie: 2,
        Afzender: h.Ontvanger,
        Ontvanger: h.Afzender,
        BerichtIdentificatie: { Identificatie: id, Dagtekening: fromDay(toDay(h.BerichtIdentificatie.Dagtekening) + after) },
        XsdVersie: { ...XSD_VERSIE },
        DeclaratieIdentificatie: { ...h.BerichtIdentificatie },
        XsdVersieDeclaratie: { ...h.XsdVersie },
        RetourCodes: { RetourCode: ['0200'] },
      };
      if (mode === 'xslt') return { Header: { ...header, XsltVersie: '1.0.0', RetourCodes: { RetourCode: ['0001'] } } };
      const decl = d.Declaratie;
      const ingediend = { ...decl.TotaalIngediendBedrag };
      const base = { DeclaratieNummer: decl.DeclaratieNummer, TotaalIngediendBedrag: ingediend };
      if (mode === 'declaratie') {
        return { Header: header, DeclaratieAntwoord: { ...base, TotaalToegekendBedrag: { TotaalBedrag: 0, DebetCredit: 'D' }, RetourCodes: { RetourCode: ['9333'] } } };
      }
      // Only debits can be rejected: a credit is refused for technical reasons only (IV085).
      let k = 0;
      const clients: Jw325Client[] = [];
      const approved = [];
      for (const c of decl.Clienten.Client) {
        const rejected = [];
        for (const p of c.Prestaties.Prestatie) {
          const i = k++ % 64;
          if (mode === 'partial' && p.IngediendBedrag.DebetCredit === 'D' && reject[i]) rejected.push({ ...structuredClone(p), RetourCodes: { RetourCode: [codes[i]!] } });
          else approved.push(p);
        }
        if (rejected.length) clients.push({ Bsn: c.Bsn, Prestaties: { Prestatie: rejected }, RetourCodes: { RetourCode: ['0200'] } });
      }
      if (!clients.length) {
        return { Header: header, DeclaratieAntwoord: { ...base, TotaalToegekendBedrag: { ...ingediend }, RetourCodes: { RetourCode: ['8001'] } } };
      }
      return {
        Header: header,
        DeclaratieAntwoord: { ...base, TotaalToegekendBedrag: totaal(approved), Clienten: { Client: clients }, RetourCodes: { RetourCode: ['0200'] } },
      };
    });
}
