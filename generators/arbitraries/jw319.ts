/** JW319 Antwoordbericht: gemeente → aanbieder, the answer to a VOT or VOW that is not a toewijzing. */
import fc from 'fast-check';
import type { Jw319, Jw319Antwoord } from '../../ijw/messages/jw319.ts';
import { type MessageConstraints, resolveConstraints, arbHeaderParts, heenHeader, arbGemeente, layered, compact, GEMEENTEN } from './building-blocks.ts';
import { arbReferentieAanbieder } from './referentie.ts';

/**
 * A JW319: RedenAfwijzingVerzoek filled iff VerzoekAntwoord = 1 (CD085/CD086), class
 * Woonplaatsbeginsel iff the reason is 8 (TR377/TR409), naming another gemeente.
 * @example fc.sample(arbJw319(), 1)
 */
export function arbJw319(constraints?: MessageConstraints): fc.Arbitrary<Jw319> {
  const r = resolveConstraints('arbJw319', constraints);
  const patch = fc
    .record({
      h: arbHeaderParts(r),
      ref: arbReferentieAanbieder,
      antwoord: fc.constantFrom('1', '2' as const),
      reden: fc.constantFrom('1', '2', '3', '4', '5', '6', '7', '8', '8', '9' as const),
      andere: arbGemeente,
    })
    .map(({ h, ref, antwoord, reden, andere }) => {
      const woonplaats = andere === h.gemeente ? GEMEENTEN.find((g) => g !== h.gemeente)! : andere;
      const a: Jw319Antwoord = compact({
        ReferentieAanbieder: ref,
        VerzoekAntwoord: antwoord,
        RedenAfwijzingVerzoek: antwoord === '1' ? reden : undefined,
        Woonplaatsbeginsel: antwoord === '1' && reden === '8' ? { Gemeente: woonplaats } : undefined,
      });
      return { Header: heenHeader('JW319', h), Antwoord: a };
    });
  return layered<Jw319>('JW319', patch, [], r.maxItems);
}
