/**
 * Werkdagen: Monday–Friday minus Dutch public holidays (Nieuwjaarsdag, Pasen, Koningsdag,
 * Hemelvaart, Pinksteren, Kerstmis; Bevrijdingsdag and Goede Vrijdag are not general days off),
 * the days date-holidays lists for country NL as type 'public'. They are computed here from the
 * Gregorian Easter date and the rules of Koningsdag rather than loaded from date-holidays,
 * whose data for every country and its calendars take some 25 MB of the process's memory;
 * werkdagen.test.ts holds the two to the same days and names. Dates are YYYY-MM-DD, computed
 * in UTC so no time zone moves a day.
 */

export class InvalidDateError extends Error {
  readonly code = 'INVALID_DATE';
  constructor(value: string) {
    super(`'${value}' is not a date (YYYY-MM-DD)`);
  }
}

const cache = new Map<number, Map<string, string>>();

/** Easter Sunday of a Gregorian year (the anonymous algorithm of Meeus, Jones and Butcher), in UTC. */
function easter(year: number): Date {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return new Date(Date.UTC(year, month - 1, day));
}

/** The king's or queen's day of a year, with its name: moved off a Sunday as the law of the time says. */
function royalDay(year: number): [string, string] | undefined {
  const sundayMoves = (month: number, day: number, by: number) => {
    const d = new Date(Date.UTC(year, month - 1, day));
    if (d.getUTCDay() === 0) d.setUTCDate(day + by);
    return iso(d);
  };
  if (year >= 2014) return [sundayMoves(4, 27, -1), 'Koningsdag'];
  if (year >= 1980) return [sundayMoves(4, 30, -1), 'Koninginnedag'];
  if (year >= 1949) return [sundayMoves(4, 30, 1), 'Koninginnedag'];
  if (year >= 1891) return [`${year}-08-31`, 'Koninginnedag'];
  if (year >= 1885) return [`${year}-08-31`, 'Prinsessedag'];
  return undefined;
}

function holidays(year: number): Map<string, string> {
  let m = cache.get(year);
  if (!m) {
    const e = easter(year);
    const afterEaster = (n: number) => iso(new Date(e.getTime() + n * 86_400_000));
    const days: [string, string][] = [
      [`${year}-01-01`, 'Nieuwjaar'],
      [afterEaster(0), 'Pasen'],
      [afterEaster(1), 'Tweede paasdag'],
      ...(royalDay(year) ? [royalDay(year)!] : []),
      [afterEaster(39), 'Hemelvaartsdag'],
      [afterEaster(49), 'Pinksteren'],
      [afterEaster(50), 'Tweede pinksterdag'],
      [`${year}-12-25`, 'Kerstmis'],
      [`${year}-12-26`, 'Tweede kerstdag'],
    ];
    // In date order, as date-holidays lists them (a day that is two holidays keeps the later).
    m = new Map(days.sort((x, y) => (x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : 0)));
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
