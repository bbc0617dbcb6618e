/**
 * What may be declared, and for how much: the declaration rules of a region profile read into
 * one small model, plus the date and volume arithmetic both reference parties use (the
 * provider to compute its JW323, the municipality to judge it).
 *
 * Interpretations (documented because the sources leave room):
 * - TR321 (9321): a prestatie may hold at most Omvang.Volume for every frequency period the
 *   ProductPeriode touches (calendar day, Monday–Sunday week, calendar month); a partly covered
 *   week or month counts in full (IV078, ALK-D3). Frequentie 6 (totaal binnen geldigheidsduur)
 *   allows Omvang.Volume over the whole toewijzing. Minutes declared on hours allocated count
 *   as minutes/60 (TR341, IJW-DECL-3).
 * - TR322 (9322): the sum of approved, not credited debit volumes on a toewijzing may not exceed
 *   Omvang.Volume × the frequency periods of the whole toewijzing; an open-ended toewijzing with
 *   a periodic frequency has no total to exceed.
 * - Percentage claims (Amsterdam Intensief & Perspectief, Behandeling, Dyslexie): one claim per
 *   start of the contracted trajectory tariff's share; the share is told by the amount, in
 *   eenheid 83 with GeleverdVolume = IngediendBedrag in eurocents (AMS-INT-5).
 */
import type { RegionProfile, ShareRules } from '../../regions/types.ts';
import type { Toewijzing } from '../ledger.ts';

export type DeclarationKind =
  /** GeleverdVolume × ProductTarief in the toewijzing's unit (national default, Alkmaar hours, etmalen). */
  | 'per-unit'
  /** A share of a trajectory tariff after the JW305 / after the JW307 (Amsterdam). */
  | 'percentage'
  /** Per month 1/12 of the yearly tariff, eenheid 82, volume 1 (Amsterdam Duurzaam, Verblijf). */
  | 'monthly-of-yearly'
  /** Euros delivered, eenheid 83: GeleverdVolume = IngediendBedrag in cents (Rijnmond arrangements). */
  | 'euro';

export interface DeclProduct {
  code: string;
  category: string;
  eenheid: string;
  frequentie: string;
  kind: DeclarationKind;
  /** Cents: per unit (per-unit), the trajectory tariff (percentage), the yearly tariff (monthly-of-yearly). */
  tariff?: number;
  /** Share after the JW305 and after a JW307 with reden 31 (percentage); 0 = no claim. */
  afterStart?: number;
  afterStopPlan?: number;
  /** Hours are rounded per month: < 30 minutes down, ≥ 30 up, at least 1 hour (ALK-D2). */
  hoursRounding?: boolean;
  /** Cents per year of care where the tariff changes with the year (UTR-DECL-1). */
  tariffByYear?: Record<string, number>;
  /** The catalogue rules the share checks name (the profile's `declarationRule.rules`). */
  rules?: ShareRules;
  /** Which year's tariff applies: of the delivery (default) or of the toewijzing's ingangsdatum (the profile's `declaration.tariffYear` for this eenheid). */
  tariffYear?: TariffYear;
}

/** The calendar year whose tariff applies to a line: that of the care delivered, or that of the toewijzing's start. */
export type TariffYear = 'delivery' | 'toewijzing-start';

/** The tariff for care on `date`: that year's where the profile gives one (UTR-DECL-1), else the product's. */
export function tariffIn(p: DeclProduct, date: string): number | undefined {
  return p.tariffByYear?.[date.slice(0, 4)] ?? p.tariff;
}

/**
 * The tariff of a line on toewijzing `t` for care delivered on `delivered`, by the product's
 * tariff-year policy: output products may take the year of the toewijzing's ingangsdatum, others
 * the year of delivery.
 * @example tariffFor({ ...p, tariffYear: 'toewijzing-start' }, { ingangsdatum: '2025-11-01' }, '2026-01-10') // 2025's tariff
 */
export function tariffFor(p: DeclProduct, t: Pick<Toewijzing, 'ingangsdatum'>, delivered: string): number | undefined {
  return tariffIn(p, p.tariffYear === 'toewijzing-start' ? t.ingangsdatum : delivered);
}

/**
 * The region's declaration model as the parties apply it. A profile's `periodFromStartStop` (a
 * seed that ties the ProductPeriode to the 305/307) is not part of it: TR387/TR388 win (AMS-PER-1).
 */
export interface DeclRegion {
  /** A declaration more than this many months after the JW307 is rejected (Fryslân: 12). */
  maxMonthsAfterStop?: number;
  /** The catalogue rule that term certifies (Fryslân: FRL-DECL-4). */
  maxMonthsAfterStopRule?: string;
  /** A credit repeats the approved debit in full; a partial credit is rejected. */
  creditsInFullOnly?: boolean;
  /** After a JW301 shortens or withdraws a toewijzing, the provider credits the approved lines outside it by itself. */
  creditOutsideToewijzing?: boolean;
}

type Loose = Record<string, unknown>;
const val = (x: unknown): unknown => (x && typeof x === 'object' && 'value' in (x as Loose) ? (x as Loose).value : x);
const num = (x: unknown): number | undefined => (typeof val(x) === 'number' ? (val(x) as number) : undefined);
const str = (x: unknown): string | undefined => (typeof val(x) === 'string' ? (val(x) as string) : undefined);

/** The region's declaration model (see the profile's `declaration` section). */
export function declRegion(profile: RegionProfile): DeclRegion {
  const d = ((profile as unknown as Loose).declaration ?? {}) as Loose;
  const m = num(d.maxMonthsAfterStop);
  const rule = (d.maxMonthsAfterStop as Loose | undefined)?.rule;
  return {
    ...(m !== undefined ? { maxMonthsAfterStop: m } : {}),
    ...(typeof rule === 'string' ? { maxMonthsAfterStopRule: rule } : {}),
    ...(val(d.creditsInFullOnly) === true ? { creditsInFullOnly: true } : {}),
    ...(val(d.creditOutsideToewijzing) === true ? { creditOutsideToewijzing: true } : {}),
  };
}

/** The declaration rule of a product code in the profile; undefined when the profile lacks it. */
export function declProduct(profile: RegionProfile, code: string | undefined): DeclProduct | undefined {
  const p = profile.products.find((x) => x.code === code) as unknown as Loose | undefined;
  if (!p) return undefined;
  const decl = (p.declaration ?? {}) as Loose;
  const kind = (str(decl.kind) ?? 'per-unit') as DeclarationKind;
  const tariff = num(decl.tariff) ?? num(p.tariff);
  const afterStart = num(decl.afterStart);
  const afterStopPlan = num(decl.afterStopPlan);
  const byUnit = val(((profile as unknown as Loose).declaration as Loose | undefined)?.tariffYear) as Record<string, TariffYear> | undefined;
  const tariffYear = byUnit?.[p.eenheid as string];
  return {
    code: p.code as string,
    category: p.category as string,
    eenheid: p.eenheid as string,
    frequentie: p.frequentie as string,
    kind,
    ...(tariff !== undefined ? { tariff } : {}),
    ...(afterStart !== undefined ? { afterStart } : {}),
    ...(afterStopPlan !== undefined ? { afterStopPlan } : {}),
    ...(val(decl.hoursRounding) === true ? { hoursRounding: true } : {}),
    ...(decl.tariffByYear ? { tariffByYear: decl.tariffByYear as Record<string, number> } : {}),
    ...(decl.rules ? { rules: decl.rules as ShareRules } : {}),
    ...(tariffYear && tariffYear !== 'delivery' ? { tariffYear } : {}),
  };
}

// ------------------------------------------------------------------ dates (YYYY-MM-DD, UTC)

const toDate = (d: string) => new Date(`${d}T00:00:00Z`);
const fromDate = (d: Date) => d.toISOString().slice(0, 10);

export function monthStart(month: string): string {
  return `${month}-01`;
}

export function monthEnd(month: string): string {
  let end = monthEnds.get(month);
  if (end === undefined) {
    const [y, m] = month.split('-').map(Number) as [number, number];
    end = fromDate(new Date(Date.UTC(y, m, 0)));
    // Every line of a declaration asks for the same few months.
    if (monthEnds.size < 1000) monthEnds.set(month, end);
  }
  return end;
}
const monthEnds = new Map<string, string>();

export function monthOf(date: string): string {
  return date.slice(0, 7);
}

export function plusDays(date: string, n: number): string {
  const d = toDate(date);
  d.setUTCDate(d.getUTCDate() + n);
  return fromDate(d);
}

export function plusMonths(date: string, n: number): string {
  const [y, m, day] = date.split('-').map(Number) as [number, number, number];
  const last = new Date(Date.UTC(y, m - 1 + n + 1, 0)).getUTCDate();
  return fromDate(new Date(Date.UTC(y, m - 1 + n, Math.min(day, last))));
}

export const maxDate = (...ds: (string | undefined)[]) => ds.filter((d): d is string => !!d).sort().at(-1)!;
export const minDate = (...ds: (string | undefined)[]) => ds.filter((d): d is string => !!d).sort()[0]!;

/** Monday of the calendar week of `date`. */
function weekStart(date: string): string {
  const d = toDate(date);
  return plusDays(date, -((d.getUTCDay() + 6) % 7));
}

/** How many frequency periods (day, Monday–Sunday week, month) the period touches; a partial one counts in full (IV078). */
export function periodsTouched(frequentie: string, begin: string, end: string): number {
  if (end < begin) return 0;
  if (frequentie === '1') return Math.round((toDate(end).getTime() - toDate(begin).getTime()) / 86_400_000) + 1;
  if (frequentie === '2') return Math.round((toDate(weekStart(end)).getTime() - toDate(weekStart(begin)).getTime()) / (7 * 86_400_000)) + 1;
  if (frequentie === '4') {
    const [y1, m1] = begin.split('-').map(Number) as [number, number];
    const [y2, m2] = end.split('-').map(Number) as [number, number];
    return (y2 - y1) * 12 + (m2 - m1) + 1;
  }
  return 1;
}

// ------------------------------------------------------------------ units and volumes

export const UNIT_NAMES: Record<string, string> = { '01': 'minuut', '04': 'uur', '14': 'etmaal', '16': 'dagdeel', '82': 'stuks (output)', '83': 'euro', '84': 'stuks (inspanning)' };

/** TR341: the unit of the toewijzing, or minutes when hours were allocated. */
export function unitFits(allocated: string, declared: string): boolean {
  return declared === allocated || (allocated === '04' && declared === '01');
}

/** A declared volume in the allocated unit (minutes on hours count as hours). */
export function inAllocatedUnit(allocated: string, declared: string, volume: number): number {
  return allocated === '04' && declared === '01' ? volume / 60 : volume;
}

/** TR321: the most a prestatie over [begin, end] may hold, in the allocated unit; undefined = no limit. */
export function maxVolumeFor(t: Toewijzing, begin: string, end: string): number | undefined {
  if (!t.omvang) return undefined;
  if (t.omvang.frequentie === '6') return t.omvang.volume;
  const b = maxDate(begin, t.ingangsdatum);
  const e = t.einddatum ? minDate(end, t.einddatum) : end;
  return t.omvang.volume * periodsTouched(t.omvang.frequentie, b, e);
}

/** TR322: the most all prestaties on the toewijzing may hold together; undefined = no limit (open-ended). */
export function totalVolumeFor(t: Toewijzing): number | undefined {
  if (!t.omvang) return undefined;
  if (t.omvang.frequentie === '6') return t.omvang.volume;
  if (!t.einddatum) return undefined;
  return t.omvang.volume * periodsTouched(t.omvang.frequentie, t.ingangsdatum, t.einddatum);
}

/** How minutes become whole hours (the profile's `declaration.hoursRounding`; IV079's defaults). */
export interface HoursRounding {
  roundUpFromMinutes: number;
  minimumHours: number;
}

/** ALK-D2 / IV079: minutes to whole hours, remaining minutes below `roundUpFromMinutes` down, from it up, at least `minimumHours`. */
export function roundHours(minutes: number, rounding: HoursRounding = { roundUpFromMinutes: 30, minimumHours: 1 }): number {
  if (minutes <= 0) return 0;
  return Math.max(rounding.minimumHours, Math.floor(minutes / 60) + (minutes % 60 >= rounding.roundUpFromMinutes ? 1 : 0));
}

/** The share of a tariff in cents, rounded to whole cents. */
export function share(tariff: number, fraction: number): number {
  return Math.round(tariff * fraction);
}

/** 1/12 of a yearly tariff in cents (AMS-DUUR-1). */
export function monthlyOfYearly(yearly: number): number {
  return Math.round(yearly / 12);
}

export function euro(cents: number): string {
  const sign = cents < 0 ? '-' : '';
  const a = Math.abs(Math.round(cents));
  return `${sign}€ ${Math.floor(a / 100).toLocaleString('nl-NL')},${String(a % 100).padStart(2, '0')} (${cents} cents)`;
}
