/**
 * Absence rules (Rijnmond RIJ-ABS-1): after a temporary stop (reden 20) care must resume
 * within the profile's lapse period, otherwise the municipality ends the toewijzing on the
 * stop's Einddatum with a new JW301.
 */
import { gemeenteFlows } from './flows.ts';
import { addDays } from '../../ijw/calendar/werkdagen.ts';
import { isCurrent, liveStops } from '../ledger.ts';

gemeenteFlows.push((g) => ({
  handlers: {},
  async onDate(date) {
    const weeks = g.config.region.startStop?.lapseAfterWeeks?.value;
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
  },
}));
