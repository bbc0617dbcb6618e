/**
 * What the provider reports by itself, from the facts it holds, where its region makes the
 * messages mandatory (Rijnmond, seed 001): the scenario gives the facts (care recorded with
 * `record-care`, time passing with `set-date`) and the provider decides.
 *
 * - RIJ-DECL-1 ("De 305- en 307-berichten zijn verplicht"): care recorded on a toewijzing without
 *   a start is reported with a JW305 whose Begindatum is the first day of care; care recorded
 *   after a temporary stop resumes it with a new JW305 (RIJ-ABS-1 "hervat middels een 305").
 * - RIJ-STOP-1 ("ook verzonden worden nadat de zorg volgens plan beëindigd is"): a current start
 *   on a toewijzing whose einddatum has passed is stopped with reden 31 (volgens plan) on that
 *   einddatum.
 * - RIJ-ABS-1 ("Als meer dan vier weken geen zorg wordt geleverd"): more than the region's weeks
 *   after the last care recorded on a current start, the start is stopped temporarily (reden 20)
 *   on the last day of care, unless support was agreed less often than weekly (RIJ-ABS-2,
 *   `start-care` with `lagereFrequentie`).
 *
 * Only recorded care tells the provider that care was delivered: a start on which no care was
 * recorded says nothing about absence, so nothing is reported on it (docs/ADAPTER-PROTOCOL.md).
 * Each decision is a named function in `rules`, so a faulty variant replaces exactly one.
 */
import type { Action } from '../actions.ts';
import { isCurrent, liveStops, type StartRecord, type Toewijzing } from '../ledger.ts';
import type { RegionProfile } from '../../regions/types.ts';
import type { ReferenceAanbieder } from './reference-aanbieder.ts';
import { aanbiederFlows, type AanbiederFlow } from './flows.ts';
import { aanbiederDeclaratieFlowOf, type CareRecord } from './declaratie.ts';
import { aanbiederVerzoekFlowOf } from './verzoek.ts';
import { plusDays } from '../gemeente/declaratie-rules.ts';
import { ActionRefused } from '../actions.ts';

export interface CareReportingRules {
  /** RIJ-DECL-1: the Begindatum of the JW305 for care delivered without a (resumed) start: the first day of that care. */
  startDate(care: CareRecord[]): string | undefined;
  /** RIJ-STOP-1: the Einddatum and reden of the stop of a current start whose toewijzing has ended, or undefined. */
  plannedEnd(t: Toewijzing, today: string): { einddatum: string; reden: string } | undefined;
  /** RIJ-ABS-1/2: the Einddatum of a temporary stop after too long without care, or undefined. */
  temporaryStop(profile: RegionProfile, lastCare: string, today: string, lowFrequency: boolean): string | undefined;
}

export const referenceCareReportingRules: CareReportingRules = {
  startDate: (care) => care.map((c) => c.begindatum).sort()[0],
  plannedEnd: (t, today) => (t.einddatum && t.einddatum < today ? { einddatum: t.einddatum, reden: '31' } : undefined),
  temporaryStop(profile, lastCare, today, lowFrequency) {
    const weeks = profile.startStop.maxWeeksWithoutCare?.value;
    if (!weeks || (lowFrequency && profile.startStop.lowFrequencyException?.value)) return undefined;
    // "meer dan vier weken geen zorg": from the day after the last care, more than weeks × 7 days.
    return today > plusDays(lastCare, weeks * 7) ? lastCare : undefined;
  },
};

export class CareReportingFlow implements AanbiederFlow {
  readonly handlers = {};
  rules: CareReportingRules = { ...referenceCareReportingRules };
  /** Toewijzingen on which support is agreed less often than weekly (RIJ-ABS-2). */
  readonly lowFrequency = new Set<number>();

  readonly a: ReferenceAanbieder;

  constructor(a: ReferenceAanbieder) {
    this.a = a;
  }

  reset(): void {
    this.lowFrequency.clear();
  }

  private get profile(): RegionProfile {
    return this.a.config.region;
  }

  async perform(action: Action): Promise<boolean> {
    if (action.action !== 'request-continuation') return false;
    await this.requestContinuation(action);
    return true;
  }

  /** RIJ-VOT-2: a follow-up is asked with the region's message: a new JW315 from the day after the einddatum, or a JW317 extending it. */
  private async requestContinuation(action: Extract<Action, { action: 'request-continuation' }>): Promise<void> {
    const t = this.a.toewijzing(action.toewijzingNummer);
    const client = this.a.ledger.clients.get(t.bsn);
    if (!client) throw new ActionRefused(`Client of toewijzing ${t.nummer} is unknown`);
    const flow = aanbiederVerzoekFlowOf(this.a);
    if (this.profile.allocation.continuationRequest?.value === 'JW315') {
      const origin = t.referentieAanbieder ? flow.sent.get(t.referentieAanbieder) : undefined;
      const verwijzer = action.verwijzer ?? (origin?.verwijzerType ? { type: origin.verwijzerType } : undefined);
      if (!verwijzer) throw new ActionRefused(`A follow-up of toewijzing ${t.nummer} is a new JW315 (${this.profile.allocation.continuationRequest.rule ?? 'continuationRequest'}), which needs the referrer: give 'verwijzer'`);
      if (!t.einddatum) throw new ActionRefused(`Toewijzing ${t.nummer} has no einddatum to follow up`);
      await flow.perform({
        action: 'request-allocation',
        client,
        products: [{ product: t.product, ingangsdatum: plusDays(t.einddatum, 1), einddatum: action.einddatum, ...(t.omvang ? { omvang: t.omvang } : {}) }],
        verwijzer,
      });
      return;
    }
    await flow.perform({ action: 'request-change', client, changed: [{ toewijzingNummer: t.nummer, einddatum: action.einddatum }], added: [] });
  }

  async onAct(action: Action, phase: 'before' | 'after'): Promise<void> {
    if (phase === 'before' && action.action === 'start-care' && action.lagereFrequentie) this.lowFrequency.add(action.toewijzingNummer);
    if (!this.profile.startStop.startStopMandatory?.value) return;
    for (const t of [...this.a.ledger.toewijzingen.values()]) await this.report(t);
  }

  /** The care recorded on a toewijzing up to today (planned care the client missed is no care). */
  private care(t: Toewijzing): CareRecord[] {
    const today = this.a.date;
    return aanbiederDeclaratieFlowOf(this.a).care.filter((c) => c.toewijzingNummer === t.nummer && !c.absence && c.begindatum <= today);
  }

  private starts(t: Toewijzing): StartRecord[] {
    return this.a.ledger.starts.filter((s) => s.toewijzingNummer === t.nummer && !s.deleted);
  }

  private async report(t: Toewijzing): Promise<void> {
    const today = this.a.date;
    const care = this.care(t);
    const last = this.starts(t).at(-1);
    // A (re)start: care without a start, or care after a temporary stop.
    if (!last || (!isCurrent(last) && liveStops(last).every((x) => x.reden === '20'))) {
      const resumedAfter = last ? liveStops(last).at(-1)!.einddatum : undefined;
      const begin = this.rules.startDate(care.filter((c) => !resumedAfter || c.begindatum > resumedAfter));
      if (begin && (!t.einddatum || begin <= t.einddatum)) await this.a.startCare(t.nummer, begin);
    }
    const current = this.starts(t).find(isCurrent);
    if (!current) return;
    const end = this.rules.plannedEnd(t, today);
    if (end) return this.a.stopCare(t.nummer, end.einddatum, end.reden);
    const since = care.filter((c) => c.begindatum >= current.begindatum);
    if (!since.length) return;
    const lastCare = since.map((c) => c.einddatum).sort().at(-1)!;
    const pause = this.rules.temporaryStop(this.profile, lastCare, today, this.lowFrequency.has(t.nummer));
    if (pause) await this.a.stopCare(t.nummer, pause, '20');
  }
}

/** The care-reporting flow of a reference provider (for faulty variants). */
export function careReportingFlowOf(a: ReferenceAanbieder): CareReportingFlow {
  const f = a.flows.find((x): x is CareReportingFlow => x instanceof CareReportingFlow);
  if (!f) throw new Error('The care-reporting flow is not registered (import simulators/flows.ts)');
  return f;
}

aanbiederFlows.push((a) => new CareReportingFlow(a));
