/**
 * Werkdagen: Monday–Friday minus Dutch public holidays, from date-holidays (country NL, type
 * 'public': Nieuwjaarsdag, Pasen, Koningsdag, Bevrijdingsdag (which date-holidays lists as
 * public only in lustrum years), Hemelvaart, Pinksteren, Kerstmis). Dates are YYYY-MM-DD,
 * computed in UTC so no time zone moves a day.
 */
import Holidays from 'date-holidays';

export class InvalidDateError extends Error {
  readonly code = 'INVALID_DATE';
  constructor(value: string) {
    super(`'${value}' is not a date (YYYY-MM-DD)`);
  }
}

const hd = new Holidays('NL');
const cache = new Map<number, Map<string, string>>();

function holidays(year: number): Map<string, string> {
  let m = cache.get(year);
  if (!m) {
    m = new Map();
    for (const h of hd.getHolidays(year)) if (h.type === 'public') m.set(h.date.slice(0, 10), h.name);
    cache.set(year, m);
  }
  return m;
}

function toUtc(date: string): Date {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) throw new InvalidDateError(date);
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  if (d.toISOString().slice(0, 10) !== date) throw new InvalidDateError(date);
  return d;
}

const iso = (d: Date) => d.toISOString().slice(0, 10);

export function holidaysInYear(year: number): { date: string; name: string }[] {
  return [...holidays(year)].map(([date, name]) => ({ date, name }));
}

export function isWerkdag(date: string): boolean {
  const d = toUtc(date);
  const wd = d.getUTCDay();
  return wd !== 0 && wd !== 6 && !holidays(d.getUTCFullYear()).has(date);
}

export function addDays(date: string, n: number): string {
  const d = toUtc(date);
  d.setUTCDate(d.getUTCDate() + n);
  return iso(d);
}

export function addMonths(date: string, n: number): string {
  const d = toUtc(date);
  const day = d.getUTCDate();
  d.setUTCDate(1);
  d.setUTCMonth(d.getUTCMonth() + n);
  const last = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate();
  d.setUTCDate(Math.min(day, last));
  return iso(d);
}

export function firstDayOfMonth(date: string): string {
  return `${toUtc(date).toISOString().slice(0, 7)}-01`;
}

export function lastDayOfMonth(date: string): string {
  const d = toUtc(date);
  return iso(new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)));
}

export function compareDates(a: string, b: string): number {
  return toUtc(a).getTime() - toUtc(b).getTime();
}

/** The n-th werkdag after `date` (n = 0: the date itself when a werkdag, else the next one). */
export function addWerkdagen(date: string, n: number): string {
  let d = date;
  if (n === 0) {
    while (!isWerkdag(d)) d = addDays(d, 1);
    return d;
  }
  let left = n;
  while (left > 0) {
    d = addDays(d, 1);
    if (isWerkdag(d)) left--;
  }
  return d;
}

/** Werkdagen after `from` up to and including `to` (0 when to ≤ from). */
export function werkdagenBetween(from: string, to: string): number {
  if (compareDates(to, from) <= 0) return 0;
  let n = 0;
  for (let d = addDays(from, 1); compareDates(d, to) <= 0; d = addDays(d, 1)) if (isWerkdag(d)) n++;
  return n;
}
