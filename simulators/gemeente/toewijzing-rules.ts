/**
 * Allocation rules of the reference municipality (JW301): the einddatum a region gives a
 * toewijzing, stacking, and the vervalperiode. Each rule is a named function on one object so a
 * faulty variant replaces exactly one of them.
 */
import type { RegionProfile } from '../../regions/types.ts';
import { isDeleted, type Ledger, type Toewijzing } from '../ledger.ts';
import type { ProductFacts } from '../actions.ts';

// ------------------------------------------------------------------ calendar dates (UTC, YYYY-MM-DD)

function toDate(d: string): Date {
  return new Date(`${d}T00:00:00Z`);
}

function iso(d: Date): string {
  return d.toISOString().slice(0, 10);
}

export function plusDays(d: string, n: number): string {
  const x = toDate(d);
  x.setUTCDate(x.getUTCDate() + n);
  return iso(x);
}

/** Calendar months later; the day is clamped to the month's end (2025-01-31 + 1 month = 2025-02-28). */
export function plusMonths(d: string, n: number): string {
  const x = toDate(d);
  const day = x.getUTCDate();
  x.setUTCDate(1);
  x.setUTCMonth(x.getUTCMonth() + n);
  const last = new Date(Date.UTC(x.getUTCFullYear(), x.getUTCMonth() + 1, 0)).getUTCDate();
  x.setUTCDate(Math.min(day, last));
  return iso(x);
}

/** Whether two periods overlap; a missing end is open. */
export function overlaps(a: { from: string; to?: string | undefined }, b: { from: string; to?: string | undefined }): boolean {
  return a.from <= (b.to ?? '9999-12-31') && b.from <= (a.to ?? '9999-12-31');
}

/** The end of a fixed-length toewijzing: the day before the same date `years` later (2025-03-03 + 2 years → 2027-03-02). */
export function endAfterYears(ingangsdatum: string, years: number): string {
  return plusDays(plusMonths(ingangsdatum, 12 * years), -1);
}

/** A toewijzing counts (for stacking, TR349 …) while it is not deleted (einddatum = ingangsdatum with 13/01). */
export function counts(t: Toewijzing): boolean {
  return !isDeleted(t) && !(t.einddatum !== undefined && t.einddatum === t.ingangsdatum && !!t.redenWijziging);
}

/** Current on `date`: counts and has not ended before it (TR349: valid on or after today, or starting later). */
export function isCurrentToewijzing(t: Toewijzing, date: string): boolean {
  return counts(t) && (!t.einddatum || t.einddatum >= date);
}

export interface Candidate {
  bsn: string;
  aanbieder: string;
  product: ProductFacts;
  ingangsdatum: string;
  einddatum?: string | undefined;
}

export interface ToewijzingRules {
  /**
   * The einddatum the municipality gives a toewijzing: FRL-TOEW-1 ingangsdatum + 2 years where the
   * profile fixes a duration, otherwise the requested one (ALK-T2 requires one in Alkmaar).
   */
  einddatum(profile: RegionProfile, ingangsdatum: string, requested: string | undefined): string | undefined;
  /**
   * IJW-STAP-1 / FRL-STAP-1: the toewijzing a new one would stack on, if any. The same product at
   * the same provider for an overlapping period; in a region whose products cannot be combined
   * with other youth care (Fryslân), any overlapping toewijzing of the client. Deleted ones do not count.
   */
  stacksOn(ledger: Ledger, profile: RegionProfile, c: Candidate, ignore?: ReadonlySet<number>): Toewijzing | undefined;
  /**
   * ALK-VOW-3: the ingangsdatum of what a VOW changes or adds, honoured on `honourDate`: never
   * retroactive in Alkmaar (the day after honouring for a replaced or changed product, the honour
   * date for a new one); elsewhere the desired date.
   */
  vowIngangsdatum(profile: RegionProfile, desired: string, honourDate: string, replaces: boolean): string;
  /** ALK-T7: whether a toewijzing that has not started lapses on `date` (12 months after its ingangsdatum). */
  lapses(profile: RegionProfile, t: Toewijzing, started: boolean, date: string): boolean;
  /**
   * FRL-STAP-2: in a region whose products run alone, the running toewijzingen of other care that
   * a directly allocated one ends (the municipality shortens them to the day before it begins).
   */
  endedBy(ledger: Ledger, profile: RegionProfile, c: Candidate): Toewijzing[];
}

export const referenceToewijzingRules: ToewijzingRules = {
  einddatum(profile, ingangsdatum, requested) {
    const d = profile.allocation.toewijzingDuration?.value;
    if (d) return endAfterYears(ingangsdatum, d.years);
    return requested;
  },
  stacksOn(ledger, profile, c, ignore) {
    const anyCare = profile.allocation.combinableWithOtherCare?.value === false;
    return [...ledger.toewijzingen.values()].find(
      (t) =>
        !ignore?.has(t.nummer) &&
        t.bsn === c.bsn &&
        counts(t) &&
        (anyCare || (t.aanbieder === c.aanbieder && sameProduct(t.product, c.product))) &&
        overlaps({ from: t.ingangsdatum, to: t.einddatum }, { from: c.ingangsdatum, to: c.einddatum }),
    );
  },
  vowIngangsdatum(profile, desired, honourDate, replaces) {
    if (!profile.allocation.vowNotRetroactive?.value) return desired;
    const earliest = replaces ? plusDays(honourDate, 1) : honourDate;
    return desired < earliest ? earliest : desired;
  },
  endedBy(ledger, profile, c) {
    if (profile.allocation.combinableWithOtherCare?.value !== false) return [];
    return [...ledger.toewijzingen.values()].filter(
      (t) => t.bsn === c.bsn && counts(t) && !sameProduct(t.product, c.product) && t.ingangsdatum < c.ingangsdatum && overlaps({ from: t.ingangsdatum, to: t.einddatum }, { from: c.ingangsdatum, to: c.einddatum }),
    );
  },
  lapses(profile, t, started, date) {
    const months = profile.allocation.vervalperiodeMonths?.value;
    if (!months || started || !counts(t)) return false;
    return plusMonths(t.ingangsdatum, months) < date;
  },
};

/** The same product: by code, or by category when a code is missing (TR302). */
export function sameProduct(a: ProductFacts, b: ProductFacts): boolean {
  if (a.code && b.code) return a.code === b.code;
  return a.categorie === b.categorie;
}
