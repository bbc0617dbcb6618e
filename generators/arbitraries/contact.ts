/** Contact classes of the JW301 (client and relaties), shaped by the address rules. */
import fc from 'fast-check';
import type { Jw301Contact } from '../../ijw/messages/jw301.ts';
import type { CdtAdres, LdtAdresSoort } from '../../ijw/schema/generated/basisschema.ts';
import { fakerFor, fromDay, compact } from './building-blocks.ts';

export const arbContactRaw = fc.record({
  seed: fc.integer({ min: 0, max: 0x7fff_ffff }),
  withAdres: fc.boolean(),
  withTelefoon: fc.boolean(),
  withTelefoon2: fc.boolean(),
  withEmail: fc.boolean(),
  withOrganisatie: fc.boolean(),
  huisletter: fc.option(fc.constantFrom('A', 'B', 'C', 'a'), { freq: 4 }),
  toevoeging: fc.option(fc.constantFrom('1', 'II', 'bis', 'RD', '3hg'), { freq: 4 }),
  aanduiding: fc.option(fc.constantFrom('BY', 'TO' as const), { freq: 6 }),
  periodeStart: fc.integer({ min: -200, max: 0 }),
  periodeLength: fc.integer({ min: 0, max: 180 }),
});
export type ContactRaw = typeof arbContactRaw extends fc.Arbitrary<infer T> ? T : never;

/** A complete Dutch address: Huis and Postcode together (TR006), LandCode with the Postcode (CD005), Huis for NL (CD025), NL postcode format (CS089). */
function adres(seed: number, raw: ContactRaw): CdtAdres {
  const f = fakerFor(seed);
  const postcode = `${f.number.int({ min: 1000, max: 9999 })}${f.string.alpha({ length: 2, casing: 'upper', exclude: ['F', 'I', 'O', 'Q', 'U', 'Y'] })}`;
  return {
    Huis: compact({ Huisnummer: f.number.int({ min: 1, max: 999 }), Huisletter: raw.huisletter ?? undefined, HuisnummerToevoeging: raw.toevoeging ?? undefined, AanduidingWoonadres: raw.aanduiding ?? undefined }),
    Postcode: postcode,
    Straatnaam: f.location.street().slice(0, 24).trim(),
    Plaatsnaam: f.location.city().slice(0, 80).trim(),
    LandCode: 'NL',
  };
}

/**
 * A Contact of the given Soort: Adres when the Soort needs one (CD034) or when chosen, else a
 * Telefoon (TR006 wants Telefoon or Huis + Postcode); Periode only for Soort 04 (CD009, CS003).
 */
export function contact(soort: LdtAdresSoort, raw: ContactRaw, day: number): Jw301Contact {
  const f = fakerFor(raw.seed + 1);
  const needsAdres = soort === '01' || soort === '03';
  const withAdres = needsAdres || raw.withAdres;
  const tel = () => ({ Telefoonnummer: `06${f.string.numeric(8)}`, Landnummer: '0031' });
  const c: Jw301Contact = { Soort: soort };
  if (withAdres) c.Adres = adres(raw.seed, raw);
  if (raw.withOrganisatie) c.Organisatie = f.company.name().slice(0, 35).trim() || 'Zorg BV';
  if (!withAdres || raw.withTelefoon) c.Telefoon = compact({ Telefoon01: tel(), Telefoon02: raw.withTelefoon2 ? tel() : undefined });
  if (raw.withEmail) c.Emailadres = f.internet.email().slice(0, 80);
  if (soort === '04') c.Periode = { Begindatum: fromDay(day + raw.periodeStart), Einddatum: fromDay(day + raw.periodeStart + raw.periodeLength) };
  return c;
}
