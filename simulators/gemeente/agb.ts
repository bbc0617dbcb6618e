/**
 * A change of the provider's AGB code (Regio Alkmaar §5.8, ALK-AGB-1): on the action
 * `change-agb` the municipality ends every running toewijzing on the old AGB the day before the
 * switch (JW301 with an adjusted einddatum, RedenWijziging 03 "Contractwijziging") and allocates
 * the rest of it anew on the new AGB from the switch date (a JW301 addressed to the new AGB).
 *
 * Toewijzingen with a budget or with frequentie "totaal binnen geldigheidsduur" move only after
 * every declaration over the earlier periods is handled (§5.8); the reference leaves them on the
 * old AGB (a scenario for that waits for a way to say "handled").
 */
import type { Toewijzing } from '../ledger.ts';
import type { Action } from '../actions.ts';
import { counts, plusDays } from './toewijzing-rules.ts';
import { gemeenteFlows, type GemeenteFlow } from './flows.ts';
import type { ReferenceGemeente } from './reference-gemeente.ts';

export interface AgbRules {
  /** Whether a toewijzing on the old AGB moves to the new one now (running on the switch date, not totaal/budget). */
  moves(t: Toewijzing, oudeAgb: string, ingangsdatum: string): boolean;
  /** The einddatum of the old toewijzing: the day before the switch. */
  oldEnd(ingangsdatum: string): string;
}

export const referenceAgbRules: AgbRules = {
  moves: (t, oudeAgb, ingangsdatum) =>
    t.aanbieder === oudeAgb && counts(t) && t.ingangsdatum < ingangsdatum && (!t.einddatum || t.einddatum >= ingangsdatum) && t.budget === undefined && t.omvang?.frequentie !== '6',
  oldEnd: (ingangsdatum) => plusDays(ingangsdatum, -1),
};

export class GemeenteAgbFlow implements GemeenteFlow {
  readonly handlers = {};
  rules: AgbRules = { ...referenceAgbRules };

  readonly g: ReferenceGemeente;

  constructor(g: ReferenceGemeente) {
    this.g = g;
  }

  async perform(action: Action): Promise<boolean> {
    if (action.action !== 'change-agb') return false;
    await this.changeAgb(action.oudeAgb, action.nieuweAgb, action.ingangsdatum);
    return true;
  }

  async changeAgb(oudeAgb: string, nieuweAgb: string, ingangsdatum: string): Promise<void> {
    const g = this.g;
    const moving = [...g.ledger.toewijzingen.values()].filter((t) => this.rules.moves(t, oudeAgb, ingangsdatum));
    const nextNummer = () => ++(g as unknown as { nextNummer: number }).nextNummer;
    for (const t of moving) {
      const fresh: Toewijzing = {
        nummer: nextNummer(),
        bsn: t.bsn,
        aanbieder: nieuweAgb,
        gemeente: t.gemeente,
        product: t.product,
        toewijzingsdatum: g.date,
        toewijzingstijd: '12:00:00',
        ingangsdatum,
        ...(t.einddatum ? { einddatum: t.einddatum } : {}),
        ...(t.omvang ? { omvang: t.omvang } : {}),
        ...(t.commentaar ? { commentaar: t.commentaar } : {}),
        changed: true,
      };
      g.ledger.toewijzingen.set(fresh.nummer, fresh);
      t.einddatum = this.rules.oldEnd(ingangsdatum);
      t.redenWijziging = '03';
      t.changed = true;
    }
    // One JW301 per client to each AGB: the shortened toewijzingen to the old, the new ones to the new.
    const own = g.config.counterparty;
    for (const bsn of new Set(moving.map((t) => t.bsn))) {
      for (const agb of [oudeAgb, nieuweAgb]) {
        g.config = { ...g.config, counterparty: agb };
        try {
          await g.send301(bsn);
        } finally {
          g.config = { ...g.config, counterparty: own };
        }
      }
    }
  }
}

/** The AGB-change flow of a reference municipality (for faulty variants and steps). */
export function agbFlowOf(g: ReferenceGemeente): GemeenteAgbFlow {
  const f = g.flows.find((x): x is GemeenteAgbFlow => x instanceof GemeenteAgbFlow);
  if (!f) throw new Error('The AGB-change flow is not registered (import simulators/flows.ts)');
  return f;
}

gemeenteFlows.push((g) => new GemeenteAgbFlow(g));
