/** JW323 Declaratie: aanbieder → gemeente, one month of prestaties for many clients. */
import fc from 'fast-check';
import type { Jw323, Jw323Client, Jw323Prestatie } from '../../ijw/messages/jw323.ts';
import {
  type MessageConstraints, resolveConstraints, arbHeaderParts, heenHeader, arbTestBsn, CATEGORIEEN, productCode, fromDay, toDay, monthOf, layered, compact,
} from './building-blocks.ts';
import { totaal } from './plain.ts';

const CS100_FIRST_DAY = toDay('2021-01-01');

export const arbPrestatieRaw = fc.record({
  monthBack: fc.constantFrom(0, 0, 0, 1, 2),
  wholeMonth: fc.boolean(),
  from: fc.integer({ min: 0, max: 27 }),
  length: fc.integer({ min: 0, max: 30 }),
  cat: fc.constantFrom(...CATEGORIEEN),
  codeNr: fc.integer({ min: 1, max: 99 }),
  // No minutes (01): TR346's hour→minute rounding (IV081) depends on the toewijzing.
  eenheid: fc.constantFrom('04', '14', '16', '82', '83', '84' as const),
  volume: fc.integer({ min: 0, max: 200 }),
  tarief: fc.integer({ min: 1, max: 20_000 }),
  euros: fc.integer({ min: 0, max: 500_000 }),
  credit: fc.boolean(),
});
export type PrestatieRaw = typeof arbPrestatieRaw extends fc.Arbitrary<infer T> ? T : never;

/**
 * One prestatie with coherent amounts: IngediendBedrag = GeleverdVolume × ProductTarief when
 * Eenheid ≠ 83 (TR346), = GeleverdVolume and no tarief when 83 (CS339, CD087); 0 is debit
 * (CS325); a credit is never 0 and refers to an earlier prestatie (CD060). ProductPeriode in one
 * month (CS337), at or before the DeclaratiePeriode (TR319), from 2021 (CS100).
 */
export function prestatie(p: PrestatieRaw, refNr: string, toewijzingNummer: number, declMonthFirst: number): Jw323Prestatie {
  let m = monthOf(declMonthFirst, -p.monthBack);
  if (m.first < CS100_FIRST_DAY) m = monthOf(declMonthFirst);
  const begin = p.wholeMonth ? m.first : Math.min(m.first + p.from, m.last);
  const end = p.wholeMonth ? m.last : Math.min(begin + p.length, m.last);
  const credit = p.credit;
  const euro = p.eenheid === '83';
  const volume = euro ? Math.max(p.euros, credit ? 1 : 0) : Math.max(p.volume, credit ? 1 : 0);
  const bedrag = euro ? volume : volume * p.tarief;
  return compact({
    ProductReferentie: compact({ ReferentieNummer: refNr, VorigReferentieNummer: credit ? `${refNr.slice(0, 16)}-V` : undefined }),
    ToewijzingNummer: toewijzingNummer,
    ProductCategorie: p.cat,
    ProductCode: productCode(p.cat, p.codeNr),
    ProductPeriode: { Begindatum: fromDay(begin), Einddatum: fromDay(end) },
    GeleverdVolume: volume,
    Eenheid: p.eenheid,
    ProductTarief: euro ? undefined : p.tarief,
    IngediendBedrag: { Bedrag: bedrag, DebetCredit: credit && bedrag > 0 ? 'C' : 'D' },
  });
}

export { totaal };

export interface Jw323Constraints extends MessageConstraints {
  /** Most prestaties per client (default: maxItems). */
  maxPrestaties?: number;
}

/**
 * A JW323: DeclaratiePeriode one whole month before the Dagtekening (CS340), the
 * DeclaratieDagtekening after it and not after the Dagtekening, unique BSNs and ReferentieNummers
 * (TR101, TR314), VorigReferentieNummers unique and outside the message (TR315, TR316), one debit
 * per toewijzing and period (TR416), TotaalIngediendBedrag per TR358.
 * @example fc.sample(arbJw323({ maxItems: 5 }), 1)
 */
export function arbJw323(constraints?: Jw323Constraints): fc.Arbitrary<Jw323> {
  const r = resolveConstraints('arbJw323', constraints, ['maxPrestaties']);
  const maxP = constraints?.maxPrestaties ?? r.maxItems;
  if (!Number.isInteger(maxP) || maxP < 1) throw new RangeError(`arbJw323: constraints.maxPrestaties must be an integer ≥ 1, got ${JSON.stringify(constraints?.maxPrestaties)}`);
  const patch = fc
    .record({
      h: arbHeaderParts(r),
      nummer: fc.stringMatching(/^[A-Z0-9]{4,12}$/),
      monthsBack: fc.integer({ min: 1, max: 2 }),
      dagFraction: fc.integer({ min: 0, max: 1000 }),
      refBase: fc.integer({ min: 1, max: 9_999_999 }),
      firstNr: fc.integer({ min: 1, max: 900_000_000 }),
      clients: fc.uniqueArray(fc.record({ bsn: arbTestBsn, prestaties: fc.array(arbPrestatieRaw, { minLength: 1, maxLength: maxP }) }), {
        minLength: 1,
        maxLength: r.maxItems,
        selector: (c) => c.bsn,
      }),
    })
    .map(({ h, nummer, monthsBack, dagFraction, refBase, firstNr, clients }) => {
      const periode = monthOf(h.day, -monthsBack);
      const declDag = periode.last + 1 + Math.floor(((h.day - periode.last - 1) * dagFraction) / 1000);
      let seq = 0;
      const clienten: Jw323Client[] = clients.map((c) => ({
        Bsn: c.bsn,
        Prestaties: { Prestatie: c.prestaties.map((p) => { seq++; return prestatie(p, `${refBase}${String(seq).padStart(5, '0')}`, firstNr + seq, periode.first); }) },
      }));
      return {
        Header: heenHeader('JW323', h),
        Declaratie: {
          DeclaratieNummer: nummer,
          DeclaratiePeriode: { Begindatum: fromDay(periode.first), Einddatum: fromDay(periode.last) },
          DeclaratieDagtekening: fromDay(declDag),
          TotaalIngediendBedrag: totaal(clienten.flatMap((c) => c.Prestaties.Prestatie)),
          Clienten: { Client: clienten },
        },
      };
    });
  return layered<Jw323>('JW323', patch, [], r.maxItems);
}
