/** JW301 Toewijzing: gemeente → aanbieder, one client with all its toegewezen producten. */
import fc from 'fast-check';
import type { Jw301, Jw301Relatie, Jw301ToegewezenProduct } from '../../ijw/messages/jw301.ts';
import type { LdtAdresSoort } from '../../ijw/schema/generated/basisschema.ts';
import {
  type MessageConstraints, resolveConstraints, arbHeaderParts, heenHeader, arbTestBsn, arbSeed, arbGeslacht, arbGeboorteRaw,
  geboortedatum, volledigeNaam, arbCategoryPermutation, arbTermsRaw, productTerms, fromDay, layered, compact, fakerFor,
} from './building-blocks.ts';
import { arbContactRaw, contact } from './contact.ts';
import { arbTime } from './from-schema.ts';
import { arbReferentieAanbieder } from './referentie.ts';

const arbToegewezenRaw = fc.record({
  terms: arbTermsRaw,
  ref: fc.option(arbReferentieAanbieder, { freq: 3 }),
  toewijzingBack: fc.integer({ min: 0, max: 10 }),
  tijd: arbTime,
  ingangBack: fc.integer({ min: 0, max: 200 }),
  // CS336: never 01; CS335: 13 only with Einddatum = Ingangsdatum.
  reden: fc.option(fc.constantFrom('02', '03', '04', '05', '06', '07', '08', '09', '10', '11', '12', '13', '14' as const), { freq: 2 }),
});

const arbRelatieRaw = fc.record({
  nummer: fc.integer({ min: 1, max: 99_999_999 }),
  soort: fc.constantFrom('03', '04', '05', '06', '07', '08', '09', '10', '11', '12', '13', '14', '15', '16', '17', '18', '19', '20', '21', '22', '23', '24', '25' as const),
  naam: arbSeed,
  geboorte: fc.option(fc.record({ age: fc.integer({ min: 18 * 365, max: 80 * 365 }) })),
  geslacht: fc.option(arbGeslacht),
  contactSoort: fc.constantFrom<LdtAdresSoort>('01', '02', '03', '04'),
  contact: arbContactRaw,
  withVolgorde: fc.boolean(),
});

/**
 * A JW301 valid under the XSD and the in-message rules: a BRP address among the contacts
 * (TR061), contacts per TR006/CD005/CD009/CD025/CD034/CS089, names per CS050/CS318, Taal iff
 * Vorm 1 (CD007), distinct ToewijzingNummers (TR101) and categories (TR302), product terms per
 * CD041/CD075-CD080/CS338, RedenWijziging per CS335/CS336, dates per TR134/CS003.
 * @example fc.sample(arbJw301(), 1)
 */
export function arbJw301(constraints?: MessageConstraints): fc.Arbitrary<Jw301> {
  const r = resolveConstraints('arbJw301', constraints);
  const patch = fc
    .record({
      h: arbHeaderParts(r),
      bsn: arbTestBsn,
      naam: arbSeed,
      geslacht: arbGeslacht,
      geboorte: arbGeboorteRaw,
      communicatie: fc.option(fc.constantFrom('1', '2', '3' as const)),
      extraSoorten: fc.shuffledSubarray(['02', '03', '04'] as LdtAdresSoort[], { minLength: 0, maxLength: Math.min(3, r.maxItems - 1) }),
      contacts: fc.array(arbContactRaw, { minLength: 4, maxLength: 4 }),
      relaties: fc.option(fc.uniqueArray(arbRelatieRaw, { minLength: 1, maxLength: r.maxItems, selector: (x) => x.nummer })),
      firstNr: fc.integer({ min: 1, max: 999_000_000 }),
      cats: arbCategoryPermutation(r.maxItems),
      products: fc.array(arbToegewezenRaw, { minLength: 1, maxLength: r.maxItems }),
    })
    .map(({ h, bsn, naam, geslacht, geboorte, communicatie, extraSoorten, contacts, relaties, firstNr, cats, products }) => {
      const soorten: LdtAdresSoort[] = ['01', ...extraSoorten];
      const client = {
        Bsn: bsn,
        Geboortedatum: geboortedatum(geboorte, h.day),
        Geslacht: geslacht,
        Naam: volledigeNaam(naam),
        Communicatie: communicatie ? compact({ Vorm: communicatie, Taal: communicatie === '1' ? fakerFor(naam).helpers.arrayElement(['Arabisch', 'Pools', 'Turks', 'Tigrinya', 'Engels']) : undefined }) : undefined,
        Relaties: relaties
          ? {
              Relatie: relaties.map((x, i): Jw301Relatie => compact({
                Nummer: `R${x.nummer}`,
                Volgorde: x.withVolgorde ? i + 1 : undefined,
                Soort: x.soort,
                Geboortedatum: x.geboorte ? { Datum: fromDay(h.day - x.geboorte.age) } : undefined,
                Geslacht: x.geslacht ?? undefined,
                Naam: volledigeNaam(x.naam),
                Contact: contact(x.contactSoort, x.contact, h.day),
              })),
            }
          : undefined,
        Contactgegevens: { Contact: soorten.map((s, i) => contact(s, contacts[i]!, h.day)) },
        ToegewezenProducten: {
          ToegewezenProduct: products.map((p, i): Jw301ToegewezenProduct => {
            const begin = h.day - p.ingangBack;
            const t = productTerms(p.terms, cats[i]!, begin);
            const end = p.reden === '13' ? begin : t.end;
            return compact({
              ToewijzingNummer: firstNr + i,
              ReferentieAanbieder: p.ref ?? undefined,
              Product: t.Product,
              Toewijzingsdatum: fromDay(h.day - p.toewijzingBack),
              Toewijzingstijd: p.tijd,
              Ingangsdatum: fromDay(begin),
              Einddatum: end === undefined ? undefined : fromDay(end),
              RedenWijziging: p.reden ?? undefined,
              Omvang: t.Omvang,
              Budget: t.Budget,
            });
          }),
        },
      };
      return { Header: heenHeader('JW301', h), Client: compact(client) };
    });
  return layered<Jw301>('JW301', patch, [
    'Client.JuridischeStatus', 'Client.WettelijkeVertegenwoordiging', 'Client.Commentaar',
    'Client.ToegewezenProducten.ToegewezenProduct[].Commentaar',
  ], r.maxItems);
}
