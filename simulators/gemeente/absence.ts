/**
 * Absence rules (Rijnmond RIJ-ABS-1): after a temporary stop (reden 20) care must resume
 * within the profile's lapse period, otherwise the municipality ends the toewijzing on the
 * stop's Einddatum with a new JW301. `lapseAfterWeeks` is a named rule so a faulty variant
 * replaces exactly it.
 */
import type { RegionProfile } from '../../regions/types.ts';
import { gemeenteFlows, type GemeenteFlow } from './flows.ts';
import type { ReferenceGemeente } from './reference-gemeente.ts';
import { addDays } from '../../ijw/calendar/werkdagen.ts';
import { isCurrent, liveStops } from '../ledger.ts';

export class AbsenceFlow implements GemeenteFlow {
  readonly handlers = {};
  /** Weeks after a temporary stop after which a toewijzing that did not resume lapses; undefined = never. */
  lapseAfterWeeks = (profile: RegionProfile): number | undefined => profile.startStop?.lapseAfterWeeks?.value;

  readonly g: ReferenceGemeente;

  constructor(g: ReferenceGemeente) {
    this.g = g;
  }

  async onDate(date: string): Promise<void> {
    const g = this.g;
    const weeks = this.lapseAfterWeeks(g.config.region);
    if (!weeks) return;
    for (const t of g.ledger.toewijzingen.values()) {
      const starts = g.ledger.starts.filter((s) => s.toewijzingNummer === t.nummer && !s.deleted);
      const last = starts.at(-1);
      if (!last || isCurrent(last)) continue;
      const stops = liveStops(last);
      if (!stops.length || stops.some((s) => s.reden !== '20')) continue;
      const pausedFrom = stops.at(-1)!.einddatum;
      if (addDays(pausedFrom, weeks * 7) >= date) continue;
      if (t.einddatum && t.einddatum <= pausedFrom) continue;
      // 05: herbeoordeling verkorting toewijzing, the closest JZ002 reason for a lapse.
      await g.changeToewijzing(t, pausedFrom, '05');
    }
  }
}

/** The absence flow of a reference municipality (for faulty variants). */
export function absenceFlowOf(g: ReferenceGemeente): AbsenceFlow {
  const f = g.flows.find((x): x is AbsenceFlow => x instanceof AbsenceFlow);
  if (!f) throw new Error('The absence flow is not registered (import simulators/flows.ts)');
  return f;
}

gemeenteFlows.push((g) => new AbsenceFlow(g));
