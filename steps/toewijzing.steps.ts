/** Steps about toewijzingen (JW301/JW302). */
import { Given, When, Then } from '@cucumber/cucumber';
import type { ConformanceWorld } from './support/world.ts';
import { allocate } from './support/allocate.ts';
import type { ReferenceGemeente } from '../simulators/gemeente/reference-gemeente.ts';
import { settle } from './support/world.ts';

// Without a product: the region's standard product (the first in its profile).
Given('toewijzing {string} for client {string} from {date} to {date}', async function (this: ConformanceWorld, alias: string, client: string, from: string, to: string) {
  await allocate(this, { alias, client, productCode: this.profile.products[0]!.code, ingangsdatum: from, einddatum: to });
});

Given('toewijzing {string} of product {string} for client {string} from {date} to {date}', async function (this: ConformanceWorld, alias: string, product: string, client: string, from: string, to: string) {
  await allocate(this, { alias, client, productCode: product, ingangsdatum: from, einddatum: to });
});

Given('toewijzing {string} of product {string} for client {string} from {date} to {date} with volume {int}', async function (this: ConformanceWorld, alias: string, product: string, client: string, from: string, to: string, volume: number) {
  await allocate(this, { alias, client, productCode: product, ingangsdatum: from, einddatum: to, volume });
});

When('the municipality withdraws toewijzing {string}', async function (this: ConformanceWorld, alias: string) {
  this.beginStep();
  const nummer = this.toewijzingNummer(alias);
  const t = this.toewijzing(alias);
  if (this.harnessRole === 'gemeente') await (this.harness as ReferenceGemeente).changeToewijzing(this.harness.ledger.toewijzingen.get(nummer)!, t.ingangsdatum, '13');
  else await this.actOrFail({ action: 'change-allocation', toewijzingNummer: nummer, einddatum: t.ingangsdatum, redenWijziging: '13' });
});

/** A withdrawal with a given RedenWijziging: a toewijzing declared on is not deleted with 13 (TR385), so another reden says why. */
When('the municipality withdraws toewijzing {string} with RedenWijziging {string}', async function (this: ConformanceWorld, alias: string, reden: string) {
  this.beginStep();
  const nummer = this.toewijzingNummer(alias);
  const t = this.toewijzing(alias);
  if (this.harnessRole === 'gemeente') await (this.harness as ReferenceGemeente).changeToewijzing(this.harness.ledger.toewijzingen.get(nummer)!, t.ingangsdatum, reden);
  else await this.actOrFail({ action: 'change-allocation', toewijzingNummer: nummer, einddatum: t.ingangsdatum, redenWijziging: reden });
});

When('the municipality shortens toewijzing {string} to {date}', async function (this: ConformanceWorld, alias: string, einddatum: string) {
  this.beginStep();
  const nummer = this.toewijzingNummer(alias);
  // An ordinary shortening: the harness's municipality says why (05, herbeoordeling verkorting);
  // a municipality under test chooses the RedenWijziging itself (02 "cliënt overleden" would be wrong).
  if (this.harnessRole === 'gemeente') await (this.harness as ReferenceGemeente).changeToewijzing(this.harness.ledger.toewijzingen.get(nummer)!, einddatum, '05');
  else await this.actOrFail({ action: 'change-allocation', toewijzingNummer: nummer, einddatum });
});

Then('toewijzing {string} ends on {date}', async function (this: ConformanceWorld, alias: string, date: string) {
  const got = await this.awaitReceived('JW301');
  const t = this.harness.ledger.toewijzingen.get(this.toewijzingNummer(alias));
  if (!got || t?.einddatum !== date) {
    this.fail({ rule: this.rules.join(', '), expected: `a JW301 with Einddatum ${date} for toewijzing ${alias}`, actual: got ? `Einddatum ${t?.einddatum ?? 'empty'}` : 'no JW301 received', text: `The municipality did not end toewijzing ${alias} on ${date}` });
  }
});

Then('toewijzing {string} is allocated in eenheid {string} with frequentie {string}', function (this: ConformanceWorld, alias: string, eenheid: string, frequentie: string) {
  const t = this.toewijzing(alias);
  if (t.omvang?.eenheid !== eenheid || t.omvang?.frequentie !== frequentie) {
    this.fail({ rule: this.rules.join(', '), expected: `Omvang in eenheid ${eenheid}, frequentie ${frequentie}`, actual: t.omvang ? `eenheid ${t.omvang.eenheid}, frequentie ${t.omvang.frequentie}` : 'no Omvang', text: `Toewijzing ${alias} is not allocated in the unit the protocol prescribes` });
  }
});

/** TR332: only the harness's own municipality sends what a scenario dictates, a number used twice included. */
When('the municipality allocates a toewijzing for client {string} under the ToewijzingNummer of {string}', async function (this: ConformanceWorld, client: string, alias: string) {
  if (this.harnessRole !== 'gemeente') throw new Error('This step needs the harness to play the municipality (a @role:aanbieder scenario)');
  const g = this.harness as ReferenceGemeente;
  const nummer = this.toewijzingNummer(alias);
  const t = this.toewijzing(alias);
  this.beginStep();
  g.mutate301 = (m) => {
    for (const p of m.Client.ToegewezenProducten.ToegewezenProduct) p.ToewijzingNummer = nummer;
  };
  await g.allocate(this.client(client), [{ product: t.product, ingangsdatum: t.ingangsdatum, ...(t.einddatum ? { einddatum: t.einddatum } : {}), ...(t.omvang ? { omvang: t.omvang } : {}) }]);
  await settle();
});

/** TR381: the harness's own municipality sends a product code under a ProductCategorie the region's list does not give it. */
When('the municipality allocates the product of {string} to client {string} under ProductCategorie {string}', async function (this: ConformanceWorld, alias: string, client: string, categorie: string) {
  if (this.harnessRole !== 'gemeente') throw new Error('This step needs the harness to play the municipality (a @role:aanbieder scenario)');
  const g = this.harness as ReferenceGemeente;
  const t = this.toewijzing(alias);
  this.beginStep();
  g.mutate301 = (m) => {
    for (const p of m.Client.ToegewezenProducten.ToegewezenProduct) if (p.Product) p.Product.Categorie = categorie as never;
  };
  await g.allocate(this.client(client), [{ product: t.product, ingangsdatum: t.ingangsdatum, ...(t.einddatum ? { einddatum: t.einddatum } : {}), ...(t.omvang ? { omvang: t.omvang } : {}) }]);
  await settle();
});
