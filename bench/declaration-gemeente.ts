/**
 * A reference municipality whose books fit a large declaration: one toewijzing per prestatie
 * (same client, product, period and unit, volume to spare), so the JW325 comes from the real
 * judge, line by line. Every hundredth line refers to a toewijzing the municipality does not
 * know, so the answer lists rejected prestaties (9338) as a real one would.
 */
import type { Jw323 } from '../ijw/messages/jw323.ts';
import { getProfile } from '../regions/index.ts';
import type { ReferenceGemeente } from '../simulators/gemeente/reference-gemeente.ts';
// The simulator module registers every flow (declaratie among them) on the reference parties.
import { createParty } from '../simulators/simulator.ts';

export const UNKNOWN_EVERY = 100;

export function gemeenteFor(model: Jw323, region = 'alkmaar'): ReferenceGemeente {
  const dagtekening = model.Header.BerichtIdentificatie.Dagtekening;
  const g = createParty('gemeente', {
    runId: 'bench',
    region: getProfile(region),
    party: model.Header.Ontvanger,
    counterparty: model.Header.Afzender,
    counterpartUrl: 'http://127.0.0.1:9/unused',
    date: dagtekening,
  }) as ReferenceGemeente;
  let n = 0;
  for (const c of model.Declaratie.Clienten.Client) {
    for (const p of c.Prestaties.Prestatie) {
      if (++n % UNKNOWN_EVERY === 0) continue;
      g.ledger.toewijzingen.set(p.ToewijzingNummer, {
        nummer: p.ToewijzingNummer,
        bsn: c.Bsn,
        aanbieder: model.Header.Afzender,
        gemeente: model.Header.Ontvanger,
        product: { categorie: p.ProductCategorie, code: p.ProductCode },
        toewijzingsdatum: p.ProductPeriode.Begindatum,
        toewijzingstijd: '09:00:00',
        ingangsdatum: p.ProductPeriode.Begindatum,
        ...(p.Eenheid === '83' ? { budget: p.GeleverdVolume } : { omvang: { volume: p.GeleverdVolume, eenheid: p.Eenheid, frequentie: '6' } }),
      });
    }
  }
  return g;
}
