/**
 * Synthetic parties and clients with @faker-js/faker (nl), reproducible from a seed. BSNs are
 * test BSNs (9999xxxxx) that pass the elfproef; names fit the XSD lengths (LDT_Naam ≤ 200,
 * LDT_Voorletters 1–6 letters).
 */
import { Faker, nl, en, base } from '@faker-js/faker';
import fc from 'fast-check';
import { isValidBsn, TEST_BSN_RANGE } from '../ijw/bsn.ts';

export interface SyntheticClient {
  bsn: string;
  geboortedatum: string;
  geslacht: '0' | '1' | '2';
  achternaam: string;
  voorletters: string;
}

/** A test BSN in 999900006–999999990 that passes the elfproef. */
export function testBsn(faker: Faker): string {
  for (;;) {
    const n = faker.number.int({ min: TEST_BSN_RANGE.min, max: TEST_BSN_RANGE.max });
    const s = String(n);
    if (isValidBsn(s)) return s;
  }
}

/** An 8-digit AGB code of a youth-care organisation (type 73 or 75). */
export function agbCode(faker: Faker): string {
  return `${faker.helpers.arrayElement(['73', '75'])}${faker.string.numeric(6)}`;
}

export function client(faker: Faker, refDate = '2025-01-01'): SyntheticClient {
  const ref = new Date(`${refDate}T00:00:00Z`);
  const birth = faker.date.between({ from: new Date(ref.getTime() - 17 * 365.25 * 864e5), to: new Date(ref.getTime() - 365 * 864e5) });
  const sex = faker.helpers.arrayElement(['male', 'female'] as const);
  const first = faker.person.firstName(sex).replace(/[^A-Za-zÀ-ỳ]/g, '') || 'A';
  return {
    bsn: testBsn(faker),
    geboortedatum: birth.toISOString().slice(0, 10),
    geslacht: sex === 'male' ? '1' : '2',
    achternaam: faker.person.lastName().slice(0, 200),
    voorletters: first[0]!.toUpperCase(),
  };
}

export function provider(faker: Faker): { agb: string; naam: string } {
  return { agb: agbCode(faker), naam: `${faker.company.name()} Jeugdhulp`.slice(0, 200) };
}

export function createPartyFactory(seed: number) {
  const faker = new Faker({ locale: [nl, en, base], seed });
  return {
    client: (refDate?: string) => client(faker, refDate),
    provider: () => provider(faker),
    testBsn: () => testBsn(faker),
  };
}

/** fast-check arbitraries driving faker from fast-check's seed, so failures replay. */
export const arbTestBsn = fc.integer().map((seed) => createPartyFactory(seed).testBsn());
export const arbClient = fc.integer().map((seed) => createPartyFactory(seed).client());
