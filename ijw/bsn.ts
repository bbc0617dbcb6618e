/** BSN elfproef (CS002) and masking: reports and logs never show a full BSN. */

/** True for 9 digits passing the elfproef: (9d1+8d2+…+2d8−1d9) mod 11 = 0, not all zeros. */
export function isValidBsn(bsn: string): boolean {
  if (!/^\d{9}$/.test(bsn) || bsn === '000000000') return false;
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += Number(bsn[i]) * (9 - i);
  sum -= Number(bsn[8]);
  return sum % 11 === 0;
}

/** The range of test BSNs (reference: elfproef.md). */
export const TEST_BSN_RANGE = { min: 999900006, max: 999999990 } as const;

/** `999900006` → `*****0006`. */
export function maskBsn(bsn: string): string {
  return `*****${bsn.slice(-4)}`;
}

/** Masks every 9-digit number in a text that passes the elfproef (other numbers stay). */
export function maskBsnsInText(text: string): string {
  return text.replace(/(?<!\d)\d{9}(?!\d)/g, (m) => (isValidBsn(m) ? maskBsn(m) : m));
}
