/** JW307 Stop zorg: aanbieder → gemeente, one client, its stopped products. */
import fc from 'fast-check';
import type { Jw307, Jw307StopProduct } from '../../ijw/messages/jw307.ts';
import {
  type MessageConstraints, resolveConstraints, arbHeaderParts, heenHeader, arbTestBsn, arbSeed, arbGeslacht, arbGeboorteRaw,
  geboortedatum, verkorteNaam, arbCategoryPermutation, productCode, fromDay, layered, compact,
} from './building-blocks.ts';

const arbStopRaw = fc.record({
  withProduct: fc.boolean(),
  withCode: fc.boolean(),
  codeNr: fc.integer({ min: 1, max: 99 }),
  withIngang: fc.boolean(),
  beginBack: fc.integer({ min: 0, max: 400 }),
  endFraction: fc.integer({ min: 0, max: 1000 }),
  ingangBack: fc.integer({ min: 0, max: 200 }),
  reden: fc.constantFrom('02', '20', '31', '32', '33', '34', '35', '36', '37', '38', '39' as const),
  status: fc.constantFrom('1', '1', '1', '3' as const),
});

/**
 * A JW307 valid under the XSD and the in-message rules: Einddatum ≥ Begindatum (TR018), both
 * not after the Dagtekening (TR134), distinct ToewijzingNummers (TR101), status 1 or 3 (CS058).
 * @example fc.sample(arbJw307(), 1)
 */
export function arbJw307(constraints?: MessageConstraints): fc.Arbitrary<Jw307> {
  const r = resolveConstraints('arbJw307', constraints);
  const patch = fc
    .record({
      h: arbHeaderParts(r),
      bsn: arbTestBsn,
      naam: arbSeed,
      geslacht: arbGeslacht,
      geboorte: arbGeboorteRaw,
      firstNr: fc.integer({ min: 1, max: 999_000_000 }),
      cats: arbCategoryPermutation(r.maxItems),
      stops: fc.array(arbStopRaw, { minLength: 1, maxLength: r.maxItems }),
    })
    .map(({ h, bsn, naam, geslacht, geboorte, firstNr, cats, stops }) => ({
      Header: heenHeader('JW307', h),
      Client: {
        Bsn: bsn,
        Geboortedatum: geboortedatum(geboorte, h.day),
        Geslacht: geslacht,
        Naam: verkorteNaam(naam),
        StopProducten: {
          StopProduct: stops.map((s, i): Jw307StopProduct => {
            const begin = h.day - s.beginBack;
            const end = begin + Math.floor(((h.day - begin) * s.endFraction) / 1000);
            return compact({
              ToewijzingNummer: firstNr + i,
              Product: s.withProduct ? compact({ Categorie: cats[i]!, Code: s.withCode ? productCode(cats[i]!, s.codeNr) : undefined }) : undefined,
              ToewijzingIngangsdatum: s.withIngang ? fromDay(begin - s.ingangBack) : undefined,
              Begindatum: fromDay(begin),
              RedenBeeindiging: s.reden,
              Einddatum: fromDay(end),
              StatusAanlevering: s.status,
            });
          }),
        },
      },
    }));
  return layered<Jw307>('JW307', patch, [], r.maxItems);
}
