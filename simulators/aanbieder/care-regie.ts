/**
 * What the provider decides from the care it delivered, without being told (Regio Alkmaar):
 * - ALK-START-2, UTR-START-1: the start of care is the day of the first declarable time-bound
 *   activity, so a start reported without a Begindatum takes the first care recorded that starts
 *   care (absence does not, ALK-D4; nor does an intake or orientation, UTR-START-1);
 * - ALK-R3: care not delivered for `temporaryStopAfterMonths` consecutive calendar months is
 *   reported as a temporary stop (JW307 reden 20), dated on the last day care was delivered.
 *
 * Each decision is a named function in `rules`, so a faulty variant replaces exactly one.
 */
import { isCurrent, type StartRecord, type Toewijzing } from '../ledger.ts';
import type { RegionProfile } from '../../regions/types.ts';
import { plusDays, plusMonths } from '../gemeente/toewijzing-rules.ts';
import type { Action } from '../actions.ts';
import { aanbiederFlows, type AanbiederFlow } from './flows.ts';
import { aanbiederDeclaratieFlowOf, type CareRecord } from './declaratie.ts';
import type { ReferenceAanbieder } from './reference-aanbieder.ts';

export interface CareRegieRules {
  /** ALK-START-2: the Begindatum of a start from the recorded care (undefined: none recorded). */
  startDate(care: readonly CareRecord[], after: string | undefined, today: string): string | undefined;
  /**
   * ALK-R3: the Einddatum of the temporary stop due on `today` for a current start, or undefined.
   * `lastCare` is the last day care was delivered since the start (or the start itself).
   */
  pauseToReport(profile: RegionProfile, t: Toewijzing, start: StartRecord, lastCare: string, today: string): string | undefined;
  /** ALK-AGB-1: the RedenBeeindiging of the stop on the old AGB (the seed names none: 36, geïnitieerd door de gemeente). */
  agbStopReden(): string;
}

const monthStart = (d: string) => `${d.slice(0, 7)}-01`;

export const referenceCareRegieRules: CareRegieRules = {
  startDate(care, after, today) {
    const first = care.filter((c) => (!after || c.begindatum > after) && c.begindatum <= today).map((c) => c.begindatum).sort()[0];
    return first;
  },
  pauseToReport(profile, t, _start, lastCare, today) {
    const months = profile.startStop.temporaryStopAfterMonths?.value;
    if (!months) return undefined;
    // The toewijzing itself ended: that is a definitive stop, not a pause.
    if (t.einddatum && t.einddatum < today) return undefined;
    // `months` whole calendar months after the month of the last care have passed without care.
    return monthStart(today) >= plusMonths(monthStart(lastCare), months + 1) ? lastCare : undefined;
  },
  agbStopReden: () => '36',
};

export class CareRegieFlow implements AanbiederFlow {
  readonly handlers = {};
  rules: CareRegieRules = { ...referenceCareRegieRules };
  /** AGB changes agreed outside the messages (action `change-agb`, ALK-AGB-1). */
  readonly agbChanges: { oudeAgb: string; nieuweAgb: string; ingangsdatum: string }[] = [];

  readonly a: ReferenceAanbieder;

  constructor(a: ReferenceAanbieder) {
    this.a = a;
  }

  reset(): void {
    this.agbChanges.length = 0;
  }

  async perform(action: Action): Promise<boolean> {
    if (action.action !== 'change-agb') return false;
    this.agbChanges.push({ oudeAgb: action.oudeAgb, nieuweAgb: action.nieuweAgb, ingangsdatum: action.ingangsdatum });
    await this.onDate(this.a.date);
    return true;
  }

  /**
   * ALK-AGB-1: care on a toewijzing of the old AGB that the municipality ended the day before the
   * switch is stopped on that day, and started on the day of the switch on the toewijzing of the
   * same product and client that the municipality gave the new AGB.
   */
  private async switchAgb(date: string): Promise<void> {
    for (const c of this.agbChanges) {
      const last = plusDays(c.ingangsdatum, -1);
      if (date < last) continue;
      for (const t of [...this.a.ledger.toewijzingen.values()]) {
        if (t.aanbieder !== c.oudeAgb || t.einddatum !== last) continue;
        const start = this.a.ledger.starts.find((s) => s.toewijzingNummer === t.nummer && isCurrent(s));
        const successor = [...this.a.ledger.toewijzingen.values()].find((n) => n.aanbieder === c.nieuweAgb && n.bsn === t.bsn && n.ingangsdatum === c.ingangsdatum && n.product.code === t.product.code);
        if (start && successor) await this.a.stopCare(t.nummer, last, this.rules.agbStopReden());
        if (!successor || date < c.ingangsdatum) continue;
        const started = this.a.ledger.starts.some((s) => s.toewijzingNummer === successor.nummer && !s.deleted);
        const wasDelivered = this.a.ledger.starts.some((s) => s.toewijzingNummer === t.nummer && !s.deleted && s.stops.some((x) => !x.deleted && x.einddatum === last && x.reden !== '20'));
        if (!started && wasDelivered) await this.a.startCare(successor.nummer, c.ingangsdatum);
      }
    }
  }

  /** Declarable care recorded on a toewijzing (absence is not care). */
  private careOn(nummer: number): CareRecord[] {
    const d = aanbiederDeclaratieFlowOf(this.a);
    return d.care.filter((c) => c.toewijzingNummer === nummer && d.rules.declarable(c));
  }

  startDate(nummer: number): string | undefined {
    // After a stop, care starts again with the first care after it. An intake or orientation
    // does not start care (UTR-START-1), nor does absence.
    const starts = this.a.ledger.starts.filter((s) => s.toewijzingNummer === nummer && !s.deleted);
    const lastStop = starts.flatMap((s) => s.stops.filter((x) => !x.deleted).map((x) => x.einddatum)).sort().at(-1);
    const d = aanbiederDeclaratieFlowOf(this.a);
    const care = d.care.filter((c) => c.toewijzingNummer === nummer && d.rules.startsCare(c));
    return this.rules.startDate(care, lastStop, this.a.date);
  }

  async onDate(date: string): Promise<void> {
    await this.switchAgb(date);
    for (const t of [...this.a.ledger.toewijzingen.values()]) {
      const start = this.a.ledger.starts.find((s) => s.toewijzingNummer === t.nummer && isCurrent(s));
      if (!start) continue;
      const lastCare = this.careOn(t.nummer).map((c) => c.einddatum).filter((d) => d >= start.begindatum && d <= date).sort().at(-1) ?? start.begindatum;
      const einddatum = this.rules.pauseToReport(this.a.config.region, t, start, lastCare, date);
      if (einddatum) await this.a.stopCare(t.nummer, einddatum, '20');
    }
  }
}

/** The care-regie flow of a reference provider (for faulty variants). */
export function careRegieFlowOf(a: ReferenceAanbieder): CareRegieFlow {
  const f = a.flows.find((x): x is CareRegieFlow => x instanceof CareRegieFlow);
  if (!f) throw new Error('The care-regie flow is not registered (import simulators/flows.ts)');
  return f;
}

aanbiederFlows.push((a) => new CareRegieFlow(a));
