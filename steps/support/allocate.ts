/** Getting a toewijzing in place, whichever side the SUT plays. */
import type { ConformanceWorld } from './world.ts';
import { settle } from './world.ts';
import { describeRetourcodes } from './setup-failure.ts';
import { harness, type Exchange, type OmvangFacts } from './harness.ts';

export interface AllocationFacts {
  alias: string;
  client: string;
  productCode: string;
  ingangsdatum: string;
  einddatum?: string;
  volume?: number;
  referentieAanbieder?: string;
  commentaar?: string;
}

/** The product as the region's profile defines it (category, unit, frequency). */
export function productOf(w: ConformanceWorld, code: string) {
  const p = w.profile.products.find((x) => x.code === code);
  if (!p) throw new Error(`Product ${code} is not in the ${w.profile.id} profile (it has ${w.profile.products.map((x) => x.code).join(', ')})`);
  return p;
}

export function omvangOf(w: ConformanceWorld, code: string, volume?: number): OmvangFacts {
  const p = productOf(w, code);
  return { volume: volume ?? p.defaultVolume ?? 10, eenheid: p.eenheid, frequentie: p.frequentie };
}

/**
 * Allocates as the municipality: the harness's own gemeente sends the 301 when the SUT is the
 * provider; the SUT's gemeente is asked to (action `allocate`) when it is the municipality.
 */
export async function allocate(w: ConformanceWorld, f: AllocationFacts): Promise<number> {
  const client = w.brpClient(f.client);
  const p = productOf(w, f.productCode);
  const product = { product: { categorie: p.category, code: p.code }, ingangsdatum: f.ingangsdatum, ...(f.einddatum ? { einddatum: f.einddatum } : {}), omvang: omvangOf(w, f.productCode, f.volume), ...(f.referentieAanbieder ? { referentieAanbieder: f.referentieAanbieder } : {}), ...(f.commentaar ? { commentaar: f.commentaar } : {}) };
  if (w.harnessRole === 'gemeente') {
    const g = harness(w).municipality.party;
    const from = w.transcript.length;
    const [nummer] = await g.allocate(client, [product]);
    await settle();
    const { heen, retour } = await w.retourOfLatest('JW301', from);
    const name = heen ? w.judge.describe(heen) : 'the JW301';
    if (!retour) w.fail({ rule: 'IJW-RET-1', expected: `a JW302 referring to ${name}, within --answer-timeout (${w.expectMs()} ms)`, actual: `no JW302 for ${name} (HTTP ${heen?.httpStatus ?? 'none'}) after waiting ${heen ? Date.now() - Date.parse(heen.at) : 0} ms`, text: `The provider did not answer the toewijzing ${name} with a retour` });
    if (retour.retourcodes.length) w.fail({ rule: 'IJW-RET-1', expected: `the correct ${name} accepted (JW302 with the Header only)`, actual: `retourcodes ${describeRetourcodes(retour.retourcodes)}`, text: `The provider rejected a correct toewijzing (${name}) when the scenario set up toewijzing "${f.alias}"` });
    w.toewijzingen.set(f.alias, nummer!);
    return nummer!;
  }
  const known = new Set(w.toewijzingen.values());
  const from = w.transcript.length;
  await w.actOrFail({ action: 'allocate', client, products: [product] });
  const got = await w.awaitReceived('JW301', from);
  if (!got) w.fail({ rule: 'IJW-VOT-1', expected: 'a JW301 from the municipality', actual: 'none received', text: 'The municipality did not send the toewijzing it was asked to send' });
  setupRejected(w, f.alias, got.exchange);
  const t = [...w.harness.ledger.toewijzingen.values()].find((x) => x.bsn === client.bsn && x.product.code === f.productCode && !known.has(x.nummer) && x.ingangsdatum === f.ingangsdatum);
  if (!t) w.fail({ rule: 'IJW-VOT-1', expected: `a ToegewezenProduct ${f.productCode} from ${f.ingangsdatum}`, actual: 'not in the JW301', text: 'The JW301 does not hold the allocated product' });
  w.toewijzingen.set(f.alias, t.nummer);
  return t.nummer;
}

/**
 * The harness's provider rejected the municipality's JW301 while the scenario set up a toewijzing:
 * the failure names that retour's rule and retourcode (and the judge puts the in-message finding
 * first), never the scenario's own rule as if the JW301 lacked the product.
 */
function setupRejected(w: ConformanceWorld, alias: string, heen: Exchange): void {
  const reason = heen.findings?.[0];
  if (!reason) return;
  const codes = [...new Set((heen.findings ?? []).map((x) => (x.retourcode ? `${x.retourcode} (${x.rule})` : x.rule)))].join(', ');
  const how = reason.retourcode ? `rejected the municipality's JW301 with ${codes}` : `refused the municipality's JW301 with HTTP ${heen.httpStatus ?? 400} and no retour (${codes})`;
  w.fail({
    rule: reason.rule,
    ...(reason.retourcode ? { retourcode: reason.retourcode } : {}),
    message: w.judge.describe(heen),
    path: reason.path,
    expected: `the municipality's JW301 for toewijzing "${alias}" accepted by the harness's aanbieder`,
    actual: `${reason.retourcode ? `rejected with ${codes}` : `refused (${codes})`}: ${reason.text}`,
    text: `toewijzing "${alias}" could not be ${w.currentStep?.setup === false ? 'allocated' : 'set up'}: the harness's aanbieder ${how}`,
  });
}
