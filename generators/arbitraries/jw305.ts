/** JW305 Start zorg: aanbieder → gemeente, one client, its started products. */
import fc from 'fast-check';
import type { Jw305, Jw305StartProduct } from '../../ijw/messages/jw305.ts';
import {
  type MessageConstraints, resolveConstraints, arbHeaderParts, heenHeader, arbTestBsn, arbSeed, arbGeslacht, arbGeboorteRaw,
  geboortedatum, verkorteNaam, arbCategoryPermutation, productCode, fromDay, layered, compact,
} from './building-blocks.ts';

const arbStartRaw = fc.record({
  withProduct: fc.boolean(),
  withCode: fc.boolean(),
  codeNr: fc.integer({ min: 1, max: 99 }),
  withIngang: fc.boolean(),
  beginBack: fc.integer({ min: 0, max: 120 }),
  ingangBack: fc.integer({ min: 0, max: 200 }),
  // CS058: only 1 (first delivery) or 3 (delete).
  status: fc.constantFrom('1', '1', '1', '3' as const),
});

/**
 * A JW305 valid under the XSD and the in-message rules: StartProducts with distinct
 * ToewijzingNummers (TR101), dates not after the Dagtekening (TR134), status 1 or 3 (CS058).
 * @example fc.sample(arbJw305({ gemeente: '0361' }), 1)
 */
export function arbJw305(constraints?: MessageConstraints): fc.Arbitrary<Jw305> {
  const r = resolveConstraints('arbJw305', constraints);
  const patch = fc
    .record({
      h: arbHeaderParts(r),
      bsn: arbTestBsn,
      naam: arbSeed,
      geslacht: arbGeslacht,
      geboorte: arbGeboorteRaw,
      firstNr: fc.integer({ min: 1, max: 999_000_000 }),
      cats: arbCategoryPermutation(r.maxItems),
      starts: fc.array(arbStartRaw, { minLength: 1, maxLength: r.maxItems }),
    })
    .map(({ h, bsn, naam, geslacht, geboorte, firstNr, cats, starts }) => ({
      Header: heenHeader('JW305', h),
      Client: {
        Bsn: bsn,
        Geboortedatum: geboortedatum(geboorte, h.day),
        Geslacht: geslacht,
        Naam: verkorteNaam(naam),
        StartProducten: {
          StartProduct: starts.map((s, i): Jw305StartProduct => {
            const begin = h.day - s.beginBack;
            return compact({
              ToewijzingNummer: firstNr + i,
              Product: s.withProduct ? compact({ Categorie: cats[i]!, Code: s.withCode ? productCode(cats[i]!, s.codeNr) : undefined }) : undefined,
              ToewijzingIngangsdatum: s.withIngang ? fromDay(begin - s.ingangBack) : undefined,
              Begindatum: fromDay(begin),
              StatusAanlevering: s.status,
            });
          }),
        },
      },
    }));
  return layered<Jw305>('JW305', patch, [], r.maxItems);
}
