/** JW315 Verzoek om toewijzing (VOT): aanbieder → gemeente. */
import fc from 'fast-check';
import type { Jw315, Jw315AangevraagdProduct } from '../../ijw/messages/jw315.ts';
import type { CdtVerwijzer } from '../../ijw/schema/generated/basisschema.ts';
import {
  type MessageConstraints, resolveConstraints, arbHeaderParts, heenHeader, arbTestBsn, arbSeed, arbGeslacht, arbGeboorteRaw, arbAgb,
  geboortedatum, verkorteNaam, arbCategoryPermutation, arbTermsRaw, productTerms, fromDay, layered, compact, fakerFor,
} from './building-blocks.ts';
import { arbReferentieAanbieder } from './referentie.ts';

const arbVerwijzerRaw = fc.record({
  type: fc.constantFrom('01', '02', '03', '04', '05', '06', '08' as const),
  byCode: fc.boolean(),
  withNaam: fc.boolean(),
  agb: arbAgb,
  seed: arbSeed,
});

type VerwijzerRaw = { type: CdtVerwijzer['Type']; byCode: boolean; withNaam: boolean; agb: string; seed: number };

/** CD066-CD068: types 02-05 carry a ZorgverlenerCode or else a Naam (never both); other types no code. */
function verwijzer(v: VerwijzerRaw): CdtVerwijzer {
  const naam = fakerFor(v.seed).person.fullName().slice(0, 64).trim() || 'Onbekend';
  if (['02', '03', '04', '05'].includes(v.type)) return v.byCode ? { Type: v.type, ZorgverlenerCode: v.agb } : { Type: v.type, Naam: naam };
  return compact({ Type: v.type, Naam: v.withNaam ? naam : undefined });
}

const arbProductRaw = fc.record({
  terms: arbTermsRaw,
  beschikking: fc.option(fc.record({ nr: fc.integer({ min: 1, max: 999_999_999 }), back: fc.integer({ min: 0, max: 60 }) })),
  ingangOffset: fc.integer({ min: -60, max: 0 }),
  verwijzer: arbVerwijzerRaw,
});

/**
 * A JW315: unique ReferentieAanbieder per product (TR383), products of distinct categories so
 * periods never overlap (TR386), Omvang/Budget/Product per CD041/CD075-CD079/CD095/CS343,
 * BeschikkingNummer and -Ingangsdatum together (CD043), verwijzer per CD066-CD068, dates not
 * after the Dagtekening (TR134), end ≥ begin (CS003).
 * @example fc.sample(arbJw315({ maxItems: 2 }), 1)
 */
export function arbJw315(constraints?: MessageConstraints): fc.Arbitrary<Jw315> {
  const r = resolveConstraints('arbJw315', constraints);
  const patch = fc
    .record({
      h: arbHeaderParts(r),
      bsn: arbTestBsn,
      naam: arbSeed,
      geslacht: arbGeslacht,
      geboorte: arbGeboorteRaw,
      cats: arbCategoryPermutation(r.maxItems),
      refs: fc.uniqueArray(arbReferentieAanbieder, { minLength: r.maxItems, maxLength: r.maxItems }),
      products: fc.array(arbProductRaw, { minLength: 1, maxLength: r.maxItems }),
    })
    .map(({ h, bsn, naam, geslacht, geboorte, cats, refs, products }) => ({
      Header: heenHeader('JW315', h),
      Client: {
        Bsn: bsn,
        Geboortedatum: geboortedatum(geboorte, h.day),
        Geslacht: geslacht,
        Naam: verkorteNaam(naam),
        AangevraagdeProducten: {
          AangevraagdProduct: products.map((p, i): Jw315AangevraagdProduct => {
            const begin = h.day + p.ingangOffset;
            const t = productTerms(p.terms, cats[i]!, begin);
            return compact({
              ReferentieAanbieder: refs[i]!,
              BeschikkingNummer: p.beschikking?.nr,
              Product: t.Product,
              BeschikkingIngangsdatum: p.beschikking ? fromDay(begin - p.beschikking.back) : undefined,
              ToewijzingIngangsdatum: fromDay(begin),
              ToewijzingEinddatum: t.end === undefined ? undefined : fromDay(t.end),
              Omvang: t.Omvang,
              Budget: t.Budget,
              Verwijzer: verwijzer(p.verwijzer),
            });
          }),
        },
      },
    }));
  // Free leaves no in-message rule constrains come from the schema arbitrary.
  return layered<Jw315>('JW315', patch, [
    'Client.GezagsdragerBekend', 'Client.Commentaar',
    'Client.AangevraagdeProducten.AangevraagdProduct[].Raamcontract', 'Client.AangevraagdeProducten.AangevraagdProduct[].Commentaar',
  ], r.maxItems);
}
