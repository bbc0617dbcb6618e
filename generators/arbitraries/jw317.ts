/** JW317 Verzoek om wijziging (VOW): aanbieder → gemeente. */
import fc from 'fast-check';
import type { Jw317, Jw317NieuwProduct, Jw317TeWijzigenProduct } from '../../ijw/messages/jw317.ts';
import {
  type MessageConstraints, resolveConstraints, arbHeaderParts, heenHeader, arbTestBsn, arbCategoryPermutation, arbTermsRaw, productTerms,
  fromDay, layered, compact,
} from './building-blocks.ts';
import { arbReferentieAanbieder } from './referentie.ts';

const arbChangeRaw = fc.record({ terms: arbTermsRaw, after: fc.integer({ min: 1, max: 60 }), keepBoth: fc.boolean() });

/**
 * A JW317: at least one Ongewijzigd or TeWijzigen product (TR352) and one TeWijzigen or Nieuw
 * product (TR353), distinct ToewijzingNummers (TR101), new products of distinct categories
 * (TR410), Omvang/Budget per CD041/CD075-CD079/CD096/CS338. Dates lie after the Dagtekening
 * (TR380), which also keeps TR357 out of play.
 * @example fc.sample(arbJw317(), 1)
 */
export function arbJw317(constraints?: MessageConstraints): fc.Arbitrary<Jw317> {
  const r = resolveConstraints('arbJw317', constraints);
  const n = r.maxItems;
  const patch = fc
    .record({
      h: arbHeaderParts(r),
      bsn: arbTestBsn,
      ref: arbReferentieAanbieder,
      reden: fc.constantFrom('1', '2' as const),
      // Which of the three classes appear: every combination TR352 and TR353 allow.
      shape: fc.constantFrom('O+N', 'T', 'O+T', 'T+N', 'O+T+N'),
      firstNr: fc.integer({ min: 1, max: 999_000_000 }),
      ongewijzigd: fc.integer({ min: 1, max: n }),
      wijzig: fc.array(arbChangeRaw, { minLength: 1, maxLength: n }),
      nieuw: fc.array(arbChangeRaw, { minLength: 1, maxLength: n }),
      cats: arbCategoryPermutation(n),
    })
    .map(({ h, bsn, ref, reden, shape, firstNr, ongewijzigd, wijzig, nieuw, cats }) => {
      let nr = firstNr;
      const verzoek: Record<string, unknown> = { ReferentieAanbieder: ref, RedenVerzoek: reden };
      if (shape.includes('O')) verzoek.OngewijzigdeProducten = { OngewijzigdProduct: Array.from({ length: ongewijzigd }, () => ({ ToewijzingNummer: nr++ })) };
      if (shape.includes('T')) {
        verzoek.TeWijzigenProducten = {
          TeWijzigenProduct: wijzig.map((w): Jw317TeWijzigenProduct => {
            const begin = h.day + w.after;
            // A change carries Omvang or Budget or neither (CD077/CD078); a product cannot change here.
            const t = productTerms({ ...w.terms, mode: w.terms.mode === 'categorie' ? 'omvang' : w.terms.mode }, cats[0]!, begin);
            return compact({
              ToewijzingNummer: nr++,
              GewensteIngangsdatum: fromDay(begin),
              Einddatum: t.end === undefined ? undefined : fromDay(t.end),
              Omvang: w.keepBoth ? t.Omvang : undefined,
              Budget: t.Budget,
            });
          }),
        };
      }
      if (shape.includes('N')) {
        verzoek.NieuweProducten = {
          NieuwProduct: nieuw.map((w, i): Jw317NieuwProduct => {
            const begin = h.day + w.after;
            const t = productTerms(w.terms, cats[i]!, begin);
            return compact({ Product: t.Product, GewensteIngangsdatum: fromDay(begin), Einddatum: t.end === undefined ? undefined : fromDay(t.end), Omvang: t.Omvang, Budget: t.Budget });
          }),
        };
      }
      return { Header: heenHeader('JW317', h), Client: { Bsn: bsn, Verzoek: verzoek } };
    });
  return layered<Jw317>('JW317', patch, [], n);
}
