/**
 * A large, valid JW323 for load tests: N prestaties spread over many clients, built as a model
 * and serialised by the message layer (no hand-assembled XML). Deterministic per seed; no
 * fast-check, a small PRNG instead, so 100,000 prestaties take seconds, not minutes.
 */
import { jw323, type Jw323, type Jw323Client } from '../ijw/messages/jw323.ts';
import { BERICHT_CODES } from '../ijw/messages/codes.ts';
// The plain blocks only: the arbitraries' modules would load fast-check and faker.
import { XSD_VERSIE, CATEGORIEEN, productCode, fromDay, toDay, monthOf, totaal } from './arbitraries/plain.ts';

/** mulberry32: tiny, fast and good enough for test data. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The n-th test BSN (999900006 upwards) that passes the elfproef. */
function* testBsns(): Generator<string> {
  for (let prefix = 99_990_000; prefix <= 99_999_999; prefix++) {
    const d = String(prefix);
    let s = 0;
    for (let i = 0; i < 8; i++) s += Number(d[i]) * (9 - i);
    const check = s % 11;
    if (check < 10) {
      const bsn = `${d}${check}`;
      if (bsn >= '999900006') yield bsn;
    }
  }
}

/** The model behind `buildLargeJw323`. */
export function largeJw323Model(prestaties: number, seed: number): Jw323 {
  if (!Number.isInteger(prestaties) || prestaties < 1) throw new RangeError(`buildLargeJw323: prestaties must be an integer ≥ 1, got ${prestaties}`);
  if (!Number.isInteger(seed)) throw new RangeError(`buildLargeJw323: seed must be an integer, got ${seed}`);
  const rnd = prng(seed);
  const int = (lo: number, hi: number) => lo + Math.floor(rnd() * (hi - lo + 1));
  const dagtekening = toDay('2025-03-05') + int(0, 300);
  const periode = monthOf(dagtekening, -1);
  // About 4 prestaties per client; the test range 999900006-999999990 holds ≈ 9,000 valid BSNs.
  const clientCount = Math.min(Math.ceil(prestaties / 4), 9_000);
  const bsns = testBsns();
  const clients: Jw323Client[] = [];
  let made = 0;
  for (let c = 0; c < clientCount; c++) {
    const bsn = bsns.next();
    if (bsn.done) throw new RangeError(`buildLargeJw323: more clients (${clientCount}) than test BSNs`);
    const n = Math.floor((prestaties * (c + 1)) / clientCount) - Math.floor((prestaties * c) / clientCount);
    const list = [];
    for (let k = 0; k < n; k++) {
      made++;
      const cat = CATEGORIEEN[int(0, CATEGORIEEN.length - 1)]!;
      const euro = rnd() < 0.15;
      const volume = euro ? int(100, 250_000) : int(1, 120);
      const tarief = int(500, 15_000);
      list.push({
        ProductReferentie: { ReferentieNummer: `L${seed % 1000}-${made}` },
        // One toewijzing per prestatie keeps TR416 (no second debit for the same period) out of play.
        ToewijzingNummer: 100_000_000 + made,
        ProductCategorie: cat,
        ProductCode: productCode(cat, int(1, 99)),
        ProductPeriode: { Begindatum: fromDay(periode.first), Einddatum: fromDay(periode.last) },
        GeleverdVolume: volume,
        Eenheid: euro ? ('83' as const) : (['04', '14', '16', '82', '84'] as const)[int(0, 4)]!,
        ...(euro ? {} : { ProductTarief: tarief }),
        IngediendBedrag: { Bedrag: euro ? volume : volume * tarief, DebetCredit: 'D' as const },
      });
    }
    clients.push({ Bsn: bsn.value, Prestaties: { Prestatie: list } });
  }
  return {
    Header: {
      BerichtCode: BERICHT_CODES.JW323,
      BerichtVersie: 3,
      BerichtSubversie: 2,
      Afzender: String(98_000_000 + (seed % 1_000_000)).padStart(8, '0'),
      Ontvanger: '0361',
      BerichtIdentificatie: { Identificatie: `LARGE${seed % 10_000_000}`.slice(0, 12), Dagtekening: fromDay(dagtekening) },
      XsdVersie: { ...XSD_VERSIE },
    },
    Declaratie: {
      DeclaratieNummer: `D${seed % 100_000_000}`,
      DeclaratiePeriode: { Begindatum: fromDay(periode.first), Einddatum: fromDay(periode.last) },
      DeclaratieDagtekening: fromDay(dagtekening),
      TotaalIngediendBedrag: totaal(clients.flatMap((c) => c.Prestaties.Prestatie)),
      Clienten: { Client: clients },
    },
  };
}

/**
 * A valid JW323 with `prestaties` prestaties over ≈ prestaties/4 clients (at most 9,000), same seed ⇒ same text.
 * @example const xml = buildLargeJw323(10_000, 1)
 */
export function buildLargeJw323(prestaties: number, seed: number): string {
  return jw323.build(largeJw323Model(prestaties, seed), { pretty: false });
}
