/**
 * The generators' plain building blocks (days, the XSD version, product categories and codes,
 * a declaration's total) without fast-check or faker, so generators/large-declaration.ts loads
 * neither: faker's locales alone take some 20 MB of a process that only builds a declaration.
 * building-blocks.ts and arbitraries/jw323.ts export them as before.
 */
import type { Jw323Prestatie } from '../../ijw/messages/jw323.ts';
import type { CdtXsdVersie } from '../../ijw/schema/generated/basisschema.ts';

const MS_PER_DAY = 86_400_000;
/** Days since 1970-01-01 of a `YYYY-MM-DD` date. */
export function toDay(d: string): number {
  return Math.floor(Date.parse(`${d}T00:00:00Z`) / MS_PER_DAY);
}
export function fromDay(n: number): string {
  return new Date(n * MS_PER_DAY).toISOString().slice(0, 10);
}
/** First and last day of the month `months` after (negative: before) the month of `day`. */
export function monthOf(day: number, months = 0): { first: number; last: number } {
  const d = new Date(day * MS_PER_DAY);
  const first = Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + months, 1) / MS_PER_DAY;
  const last = Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + months + 1, 0) / MS_PER_DAY;
  return { first, last };
}

/** IV034: copied from the appinfo of the official XSDs (all 14 and the basisschema are 0.1.0). */
export const XSD_VERSIE: CdtXsdVersie = { BasisschemaXsdVersie: '0.1.0', BerichtXsdVersie: '0.1.0' };

export const CATEGORIEEN = ['31', '32', '33', '34', '35', '36', '37', '38', '40', '41', '42', '43', '44', '45', '46', '47', '48', '49', '50', '51', '52', '53', '54', '55'] as const;
export type Categorie = (typeof CATEGORIEEN)[number];

export const productCode = (cat: string, n: number) => `${cat}A${String(n % 100).padStart(2, '0')}`;

/** TR358: debit adds, credit subtracts; the sign goes to DebetCredit, 0 is debit (CS325). */
export function totaal(prestaties: Iterable<Jw323Prestatie>): { TotaalBedrag: number; DebetCredit: 'D' | 'C' } {
  let sum = 0;
  for (const p of prestaties) sum += p.IngediendBedrag.DebetCredit === 'D' ? p.IngediendBedrag.Bedrag : -p.IngediendBedrag.Bedrag;
  return { TotaalBedrag: Math.abs(sum), DebetCredit: sum < 0 ? 'C' : 'D' };
}
