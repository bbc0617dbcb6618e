/** Faulty variants around declarations (JW323 → JW325); each replaces one named rule or check. */
import type { Fault } from './fault.ts';
import { aanbiederOverride, gemeenteOverride } from './override.ts';
import { aanbiederDeclaratieFlowOf } from '../aanbieder/declaratie.ts';
import { declaratieFlowOf, type DeclaratieChecks, type LineContext, type LineRejection } from '../gemeente/declaratie.ts';
import type { ReferenceGemeente } from '../gemeente/reference-gemeente.ts';
import type { CareRecord, PlannedLine } from '../aanbieder/declaratie.ts';
import { monthOf, declProduct, maxDate, monthStart, monthEnd, plusMonths } from '../gemeente/declaratie-rules.ts';
import { type Toewijzing, type StartRecord, liveStops, isDeleted } from '../ledger.ts';
import { weekDaysInToewijzing, mondayOf, onEachDeclaration, prestaties, isStopShare } from './support.ts';

/**
 * The municipality approves, on one named declaration check, the lines `when` picks out of
 * those the check rejects; every other line is judged as the reference does.
 */
export function approveWhen(g: ReferenceGemeente, check: keyof DeclaratieChecks, when: (c: LineContext, r: LineRejection) => boolean): void {
  const checks = declaratieFlowOf(g).checks;
  const judge = checks[check];
  checks[check] = (c) => {
    const r = judge(c);
    return r && when(c, r) ? undefined : r;
  };
}

/** One JW323 per client instead of one batch per month per municipality (ALK-D1, ZLM-D4). */
function perClient(lines: PlannedLine[]): PlannedLine[][] {
  const byClient = new Map<string, PlannedLine[]>();
  for (const l of lines) byClient.set(l.t.bsn, [...(byClient.get(l.t.bsn) ?? []), l]);
  return [...byClient.values()];
}

export const declaratieFaults: Fault[] = [
  aanbiederOverride({
    id: 'aanbieder-claims-100-after-start',
    rule: 'AMS-INT-1',
    region: 'amsterdam',
    description: 'Claims 100% of the trajectory tariff after the JW305 instead of 70%',
    table: 'declaratie.rules',
    name: 'startShare',
    with: () => () => 1,
  }),
  aanbiederOverride({
    id: 'aanbieder-claims-30-after-reden-32',
    rule: 'AMS-INT-3',
    region: 'amsterdam',
    description: 'Claims the remaining 30% after any definitive JW307, also after reden 32 (only reden 31 gives it)',
    table: 'declaratie.rules',
    name: 'stopShare',
    with: () => (p) => p.afterStopPlan ?? 0,
  }),
  {
    id: 'aanbieder-declares-in-wrong-unit',
    role: 'aanbieder',
    rule: 'RIJ-PROD-2',
    region: 'rijnmond',
    description: 'Declares euro-allocated arrangements as one piece (eenheid 82) at the month\'s amount instead of in eenheid 83 of the JW301',
    apply(a) {
      const flow = aanbiederDeclaratieFlowOf(a);
      const perUnit = flow.rules.perUnit;
      flow.rules.perUnit = (...args) => {
        const r = perUnit(...args);
        return r && r.eenheid === '83' ? { volume: 1, eenheid: '82', tarief: r.bedrag, bedrag: r.bedrag } : r;
      };
    },
  },
  aanbiederOverride({
    id: 'aanbieder-debit-before-credit',
    rule: 'AMS-CRED-1',
    region: 'amsterdam',
    description: 'Corrects an approved line by sending the corrected debit before the credit of the approved line',
    table: 'declaratie.rules',
    name: 'correction',
    with: () => (credit, debit) => [debit, credit],
  }),
  {
    id: 'gemeente-answers-declaration-late',
    role: 'gemeente',
    rule: 'FRL-DECL-3',
    region: 'fryslan',
    description: 'Answers a JW323 with 202 and sends the JW325 11 werkdagen later (the deadline is 10)',
    affectsEveryFlow: 'every declaration scenario waits for a JW325 that comes 11 werkdagen late',
    apply(g) {
      declaratieFlowOf(g).answerDelayWerkdagen = 11;
    },
  },
  gemeenteOverride({
    id: 'gemeente-accepts-declaration-after-one-year',
    rule: 'FRL-DECL-4',
    region: 'fryslan',
    description: 'Approves declarations sent more than one year after the JW307',
    table: 'declaratie.checks',
    name: 'declarationTerm',
    with: () => () => undefined,
  }),
  {
    id: 'gemeente-rejects-before-start',
    role: 'gemeente',
    rule: 'IJW-DECL-8',
    region: 'amsterdam',
    description: 'Rejects a line whose ProductPeriode begins before the JW305 though it lies within the toewijzing (OP364 forbids it)',
    apply(g) {
      const checks = declaratieFlowOf(g).checks;
      const within = checks.withinToewijzing;
      checks.withinToewijzing = (c) => {
        const begin = c.p.ProductPeriode.Begindatum;
        const started = c.starts.some((s) => !s.deleted && s.begindatum <= begin);
        return within(c) ?? (started ? undefined : { retourcode: '9307', rule: 'OP364', text: `ProductPeriode begins ${begin}, before the start of care` });
      };
    },
  },
  gemeenteOverride({
    id: 'gemeente-accepts-period-outside-toewijzing',
    rule: 'IJW-DECL-2',
    region: 'alkmaar',
    description: 'Does not reject a prestatie whose ProductPeriode lies outside the toewijzing (should be 9307/9308)',
    table: 'declaratie.checks',
    name: 'withinToewijzing',
    with: () => () => undefined,
  }),
  aanbiederOverride({
    id: 'aanbieder-declares-per-client',
    rule: 'ALK-D1',
    region: 'alkmaar',
    description: 'Sends a separate JW323 per client instead of one batch per month per municipality',
    table: 'declaratie.rules',
    name: 'batches',
    with: () => perClient,
  }),
  aanbiederOverride({
    id: 'aanbieder-rounds-minutes-up',
    rule: 'ALK-D2',
    region: 'alkmaar',
    description: 'Rounds any remaining minutes up to a whole hour (149 minutes → 3 hours)',
    table: 'declaratie.rules',
    name: 'perUnit',
    with: (perUnit) => (party, t, product, care) => {
      const r = perUnit(party, t, product, care);
      if (!r || !product.hoursRounding || r.eenheid !== '04' || !care.some((c) => c.eenheid === '01')) return r;
      const minutes = care.reduce((s, c) => s + (c.eenheid === '01' ? c.volume : c.volume * 60), 0);
      const hours = Math.max(1, Math.ceil(minutes / 60));
      return { ...r, volume: hours, bedrag: hours * (r.tarief ?? 0) };
    },
  }),
  gemeenteOverride({
    id: 'gemeente-refuses-rounded-hours',
    rule: 'ALK-D2',
    region: 'alkmaar',
    description: 'Does not accept care allocated in hours declared as rounded whole hours: it wants the exact minutes and rejects an hours line with 9341',
    table: 'declaratie.checks',
    name: 'unit',
    with: (unit) => (c) => unit(c) ?? (c.t.omvang?.eenheid === '04' && c.p.Eenheid === '04' && c.product?.hoursRounding ? { retourcode: '9341', rule: 'TR341', text: 'hours are declared in minutes here' } : undefined),
  }),
  aanbiederOverride({
    id: 'aanbieder-prorates-broken-week',
    rule: 'ALK-D3',
    region: 'alkmaar',
    description: 'In a broken week declares at most the pro-rata share of the weekly volume (3 hours × 5/7 → 2), not the full weekly volume',
    table: 'declaratie.rules',
    name: 'perUnit',
    with: (perUnit) => (party, t, product, care) => {
      const r = perUnit(party, t, product, care);
      if (!r || !t.omvang || t.omvang.frequentie !== '2') return r;
      const byWeek = new Map<string, CareRecord[]>();
      for (const c of care) byWeek.set(mondayOf(c.begindatum), [...(byWeek.get(mondayOf(c.begindatum)) ?? []), c]);
      let volume = 0;
      for (const [monday, list] of byWeek) {
        const v = list.reduce((s, c) => s + c.volume, 0);
        volume += Math.min(v, Math.floor((t.omvang.volume * weekDaysInToewijzing(monday, t)) / 7));
      }
      return volume >= r.volume ? r : { ...r, volume, bedrag: volume * (r.tarief ?? 0) };
    },
  }),
  gemeenteOverride({
    id: 'gemeente-prorates-broken-week',
    rule: 'ALK-D3',
    region: 'alkmaar',
    description: 'Allows in a broken period only the pro-rata share of the weekly volume (its days / 7), and rejects the full weekly volume with 9321',
    table: 'declaratie.checks',
    name: 'volume',
    with: (volume) => (c) => {
      const r = volume(c);
      if (r || !c.t.omvang || c.t.omvang.frequentie !== '2' || c.p.Eenheid !== c.t.omvang.eenheid) return r;
      const pp = c.p.ProductPeriode;
      const days = Math.round((Date.parse(pp.Einddatum) - Date.parse(pp.Begindatum)) / 86_400_000) + 1;
      const max = Math.floor((c.t.omvang.volume * days) / 7);
      return c.p.GeleverdVolume > max ? { retourcode: '9321', rule: 'TR321', text: `GeleverdVolume ${c.p.GeleverdVolume} exceeds ${max} (pro rata over ${days} days)` } : undefined;
    },
  }),
  aanbiederOverride({
    id: 'aanbieder-declares-absence',
    rule: 'ALK-D4',
    region: 'alkmaar',
    description: 'Declares planned care the client missed or cancelled',
    table: 'declaratie.rules',
    name: 'declarable',
    with: () => () => true,
  }),
  {
    id: 'aanbieder-corrects-after-two-months',
    role: 'aanbieder',
    rule: 'ALK-D5',
    region: 'alkmaar',
    description: 'Corrects an approved line also more than 2 months after its approval',
    apply(a) {
      const flow = aanbiederDeclaratieFlowOf(a);
      const correct = flow.correct.bind(flow);
      flow.correct = async (ref, volume) => {
        const region = a.config.region;
        a.config = { ...a.config, region: { ...region, declaration: { ...region.declaration, correctionMonths: { value: 1200, source: 'fault' } } } };
        try {
          await correct(ref, volume);
        } finally {
          a.config = { ...a.config, region };
        }
      };
    },
  },
  {
    id: 'aanbieder-declares-per-session',
    role: 'aanbieder',
    rule: 'ALK-D6',
    region: 'alkmaar',
    description: 'Declares each session of the month as its own line, each rounded, instead of one line summed over the month',
    apply(a) {
      const flow = aanbiederDeclaratieFlowOf(a);
      const linesFor = flow['linesFor'].bind(flow);
      flow['linesFor'] = (t: Toewijzing, month: string) => {
        const all = [...flow.care];
        const mine = all.filter((c) => c.toewijzingNummer === t.nummer && monthOf(c.begindatum) === month && flow.rules.declarable(c));
        if (mine.length < 2) return linesFor(t, month);
        try {
          return mine.flatMap((c) => {
            flow.care.splice(0, flow.care.length, c);
            return linesFor(t, month);
          });
        } finally {
          flow.care.splice(0, flow.care.length, ...all);
        }
      };
    },
  },
  {
    id: 'aanbieder-declares-category-as-code',
    role: 'aanbieder',
    rule: 'ALK-D7',
    region: 'alkmaar',
    description: 'Declares with the product category in ProductCode, not the specific product of the toewijzing',
    apply(a) {
      const flow = aanbiederDeclaratieFlowOf(a);
      const send = flow['send'].bind(flow);
      flow['send'] = (gemeente: string, month: string, planned: PlannedLine[]) => send(gemeente, month, planned.map((l) => ({ ...l, t: { ...l.t, product: { categorie: l.t.product.categorie, code: l.t.product.categorie } } })));
    },
  },
  {
    id: 'aanbieder-claims-70-without-start',
    role: 'aanbieder',
    rule: 'AMS-INT-4',
    region: 'amsterdam',
    description: 'Claims the 70% of a trajectory product from the toewijzing alone, without having sent a JW305',
    apply(a) {
      const flow = aanbiederDeclaratieFlowOf(a);
      const declare = flow.declare.bind(flow);
      flow.declare = async (month) => {
        const fakes: StartRecord[] = [];
        for (const t of a.ledger.toewijzingen.values()) {
          if (declProduct(a.config.region, t.product.code)?.kind !== 'percentage') continue;
          if (a.ledger.starts.some((s) => s.toewijzingNummer === t.nummer && !s.deleted)) continue;
          const s: StartRecord = { bsn: t.bsn, toewijzingNummer: t.nummer, begindatum: maxDate(t.ingangsdatum, monthStart(month)), deleted: false, stops: [] };
          a.ledger.starts.push(s);
          fakes.push(s);
        }
        try {
          await declare(month);
        } finally {
          for (const s of fakes) a.ledger.starts.splice(a.ledger.starts.indexOf(s), 1);
        }
      };
    },
  },
  aanbiederOverride({
    id: 'aanbieder-never-claims-30',
    rule: 'AMS-INT-2',
    region: 'amsterdam',
    description: 'Claims nothing after a JW307 with reden 31 (the remaining 30% is due)',
    table: 'declaratie.rules',
    name: 'stopShare',
    with: () => () => 0,
  }),
  aanbiederOverride({
    id: 'aanbieder-claims-share-per-piece',
    rule: 'AMS-INT-5',
    region: 'amsterdam',
    description: 'Claims the 70%/30% share in eenheid 82 (stuks) instead of 83 (euro)',
    table: 'declaratie.rules',
    name: 'claimUnit',
    with: () => () => '82',
  }),
  {
    id: 'aanbieder-claims-yearly-tariff-per-month',
    role: 'aanbieder',
    rule: 'AMS-DUUR-1',
    region: 'amsterdam',
    description: 'Declares Duurzaam and Verblijf with the whole yearly tariff per month instead of 1/12 of it',
    apply(a) {
      onEachDeclaration(a, (msg) => {
        for (const p of prestaties(msg)) {
          if (declProduct(a.config.region, p.ProductCode)?.kind !== 'monthly-of-yearly' || p.ProductTarief === undefined) continue;
          p.ProductTarief *= 12;
          p.IngediendBedrag.Bedrag = p.GeleverdVolume * p.ProductTarief;
        }
      });
    },
  },
  {
    id: 'aanbieder-declares-allocated-etmalen',
    role: 'aanbieder',
    rule: 'AMS-KV-1',
    region: 'amsterdam',
    description: 'Declares Kortdurend verblijf as the allocated etmalen per week instead of the etmalen delivered in the month',
    apply(a) {
      const flow = aanbiederDeclaratieFlowOf(a);
      const perUnit = flow.rules.perUnit;
      flow.rules.perUnit = (aa, t, product, care) => {
        const r = perUnit(aa, t, product, care);
        if (!r || r.eenheid !== '14' || !t.omvang) return r;
        return { ...r, volume: t.omvang.volume, bedrag: t.omvang.volume * (r.tarief ?? 0) };
      };
    },
  },
  aanbiederOverride({
    id: 'aanbieder-claims-70-for-dyslexie',
    rule: 'AMS-DYS-1',
    region: 'amsterdam',
    description: 'Claims 70% for Dyslexie diagnostiek after the JW305, as for a trajectory (100% is due)',
    table: 'declaratie.rules',
    name: 'startShare',
    with: () => (p) => (p.afterStart === 1 ? 0.7 : (p.afterStart ?? 0)),
  }),
  aanbiederOverride({
    id: 'aanbieder-claims-30-after-reden-33',
    rule: 'AMS-BEH-1',
    region: 'amsterdam',
    description: 'Claims the 30% of Behandeling after any definitive JW307, also after reden 33 (only reden 31 gives it)',
    table: 'declaratie.rules',
    name: 'stopShare',
    with: () => (p) => p.afterStopPlan ?? 0,
  }),
  {
    id: 'aanbieder-bounds-period-by-start-stop',
    role: 'aanbieder',
    rule: 'AMS-PER-1',
    region: 'amsterdam',
    description: "Bounds the ProductPeriode by the start and stop of care (the seed's iJw 2.4 reading) instead of the month and the toewijzing (TR387/TR388)",
    apply(a) {
      onEachDeclaration(a, (msg) => {
        const bsnOf = new Map(msg.Declaratie.Clienten.Client.flatMap((c) => c.Prestaties.Prestatie.map((p) => [p, c.Bsn] as const)));
        for (const p of prestaties(msg)) {
          if (p.IngediendBedrag.DebetCredit !== 'D') continue;
          const starts = a.ledger.starts.filter((s) => !s.deleted && s.toewijzingNummer === p.ToewijzingNummer && s.bsn === bsnOf.get(p));
          const pp = p.ProductPeriode;
          const start = starts.map((s) => s.begindatum).filter((d) => d > pp.Begindatum && d <= pp.Einddatum).at(-1);
          const stop = starts.flatMap((s) => s.stops.filter((x) => !x.deleted).map((x) => x.einddatum)).filter((d) => d >= pp.Begindatum && d < pp.Einddatum).at(-1);
          p.ProductPeriode = { Begindatum: start ?? pp.Begindatum, Einddatum: stop ?? pp.Einddatum };
        }
      });
    },
  },
  {
    id: 'aanbieder-fills-spic-tariff-in-euro-claim',
    role: 'aanbieder',
    rule: 'AMS-INT-5',
    region: 'amsterdam',
    description: 'Fills ProductTarief with the full SPIC tariff on a share claimed in eenheid 83, where CD087 keeps it empty',
    apply(a) {
      onEachDeclaration(a, (msg) => {
        for (const p of prestaties(msg)) {
          const tariff = declProduct(a.config.region, p.ProductCode)?.tariff;
          if (p.Eenheid === '83' && tariff !== undefined) p.ProductTarief = tariff;
        }
      });
    },
  },
  gemeenteOverride({
    id: 'gemeente-approves-any-share',
    rule: 'AMS-INT-1',
    region: 'amsterdam',
    description: 'Approves a trajectory claim whatever its amount (100% after the JW305 included)',
    table: 'declaratie.checks',
    name: 'claimIsContractedShare',
    with: () => () => undefined,
  }),
  gemeenteOverride({
    id: 'gemeente-rejects-30-after-reden-31',
    rule: 'AMS-INT-2',
    region: 'amsterdam',
    description: 'Rejects the 30% claim also after a JW307 with reden 31',
    table: 'declaratie.checks',
    name: 'stopClaimNeedsPlannedStop',
    with: (orig) => (c) => orig(c) ?? (isStopShare(c) ? { retourcode: '0611', rule: 'AMS-INT-2', text: 'the 30% is not paid' } : undefined),
  }),
  {
    id: 'gemeente-approves-30-after-reden-32',
    role: 'gemeente',
    rule: 'AMS-INT-3',
    region: 'amsterdam',
    description: 'Approves the 30% claim after a JW307 with a reden other than 31',
    apply(g) {
      approveWhen(g, 'stopClaimNeedsPlannedStop', (_c, r) => r.rule === 'AMS-INT-3');
    },
  },
  {
    id: 'gemeente-accepts-period-from-start-of-care',
    role: 'gemeente',
    rule: 'TR387',
    region: 'amsterdam',
    description: "Approves a ProductPeriode that begins on the start of care (the seed's iJw 2.4 reading of AMS-PER-1) instead of the 1st of the month (should be 9387)",
    apply(g) {
      approveWhen(g, 'periodBeginsOnFirst', (c) => c.starts.some((s) => s.begindatum === c.p.ProductPeriode.Begindatum));
    },
  },
  {
    id: 'gemeente-accepts-period-to-stop-of-care',
    role: 'gemeente',
    rule: 'TR388',
    region: 'amsterdam',
    description: "Approves a ProductPeriode that ends on the stop of care (the seed's iJw 2.4 reading of AMS-PER-1) instead of the last day of the month (should be 9388)",
    apply(g) {
      approveWhen(g, 'periodEndsOnLast', (c) => c.starts.some((s) => s.stops.some((x) => !x.deleted && x.einddatum === c.p.ProductPeriode.Einddatum)));
    },
  },
  gemeenteOverride({
    id: 'gemeente-accepts-claim-in-other-unit',
    rule: 'AMS-INT-5',
    region: 'amsterdam',
    description: 'Approves a trajectory claim declared in another unit than 83 (euro) (should be 9341)',
    table: 'declaratie.checks',
    name: 'unit',
    with: () => () => undefined,
  }),
  {
    id: 'gemeente-approves-yearly-tariff',
    role: 'gemeente',
    rule: 'AMS-DUUR-1',
    region: 'amsterdam',
    description: 'Approves a Duurzaam month declared at the whole yearly tariff (1/12 is due; should be 0611)',
    apply(g) {
      approveWhen(g, 'tariff', (c) => c.product?.kind === 'monthly-of-yearly');
    },
  },
  {
    id: 'gemeente-approves-other-etmaal-tariff',
    role: 'gemeente',
    rule: 'AMS-KV-1',
    region: 'amsterdam',
    description: 'Approves Kortdurend verblijf etmalen at a ProductTarief other than the contracted one (should be 0611)',
    apply(g) {
      approveWhen(g, 'tariff', (c) => c.p.Eenheid === '14');
    },
  },
  {
    id: 'gemeente-approves-second-full-claim',
    role: 'gemeente',
    rule: 'AMS-DYS-1',
    region: 'amsterdam',
    description: 'Approves a second 100% claim of Dyslexie diagnostiek on the same start',
    apply(g) {
      approveWhen(g, 'startClaimNeedsStart', (c, r) => /already claimed/.test(r.text) && c.product?.afterStart === 1);
    },
  },
  {
    id: 'gemeente-approves-30-after-reden-33',
    role: 'gemeente',
    rule: 'AMS-BEH-1',
    region: 'amsterdam',
    description: 'Approves the 30% of Behandeling after a JW307 with reden 33',
    apply(g) {
      const name = (c: LineContext) => g.config.region.products.find((x) => x.code === c.p.ProductCode)?.name ?? '';
      approveWhen(g, 'stopClaimNeedsPlannedStop', (c, r) => r.rule === 'AMS-BEH-1' && /Behandeling/.test(name(c)));
    },
  },
  {
    id: 'gemeente-answers-declaration-late-amsterdam',
    role: 'gemeente',
    rule: 'AMS-TERM-1',
    region: 'amsterdam',
    description: 'Answers a JW323 with 202 and sends the JW325 11 werkdagen later (the deadline is 10)',
    affectsEveryFlow: 'every declaration scenario waits for a JW325 that comes 11 werkdagen late',
    apply(g) {
      declaratieFlowOf(g).answerDelayWerkdagen = 11;
    },
  },
  aanbiederOverride({
    id: 'aanbieder-never-reports-start',
    rule: 'RIJ-DECL-1',
    region: 'rijnmond',
    description: 'Sends no JW305 for care delivered on a toewijzing unless asked to start (the 305 is mandatory)',
    table: 'care-reporting.rules',
    name: 'startDate',
    with: () => () => undefined,
  }),
  gemeenteOverride({
    id: 'gemeente-accepts-declaration-in-other-unit',
    rule: 'RIJ-PROD-2',
    region: 'rijnmond',
    description: 'Approves an arrangement declared in another unit than the JW301\'s (should be 9341)',
    table: 'declaratie.checks',
    name: 'unit',
    with: () => () => undefined,
  }),
  {
    id: 'gemeente-answers-declaration-after-two-weeks',
    role: 'gemeente',
    rule: 'RIJ-TERM-2',
    region: 'rijnmond',
    description: 'Answers a JW323 10 werkdagen later: within the national term, but later than 2 weeks when Easter falls in them',
    affectsEveryFlow: 'every declaration scenario waits for a JW325 that comes 10 werkdagen late',
    apply(g) {
      declaratieFlowOf(g).answerDelayWerkdagen = 10;
    },
  },
  {
    id: 'aanbieder-declares-from-start-of-care',
    role: 'aanbieder',
    rule: 'FRL-DECL-1',
    region: 'fryslan',
    description: 'Bounds the ProductPeriode by the start and stop of care, as the seed\'s §8.1 says, instead of by the toewijzing only (TR387/TR388)',
    apply(a) {
      type Period = { begindatum: string; einddatum: string } | undefined;
      const flow = aanbiederDeclaratieFlowOf(a) as unknown as { productPeriode: (t: Toewijzing, month: string) => Period };
      const productPeriode = flow.productPeriode.bind(flow);
      flow.productPeriode = (t, month) => {
        const pp = productPeriode(t, month);
        // The start of care on this toewijzing that the period lies in (the last one begun by its end).
        const start: StartRecord | undefined = pp ? a.ledger.starts.filter((s) => !s.deleted && s.bsn === t.bsn && s.toewijzingNummer === t.nummer && s.begindatum <= pp.einddatum).at(-1) : undefined;
        if (!pp || !start) return pp;
        const stop = liveStops(start).at(-1)?.einddatum;
        const begindatum = start.begindatum > pp.begindatum ? start.begindatum : pp.begindatum;
        const einddatum = stop && stop < pp.einddatum ? stop : pp.einddatum;
        return begindatum <= einddatum ? { begindatum, einddatum } : undefined;
      };
    },
  },
  {
    id: 'gemeente-accepts-period-from-start-of-care-fryslan',
    role: 'gemeente',
    rule: 'FRL-DECL-1',
    region: 'fryslan',
    description: 'Approves a ProductPeriode bounded by the start or stop of care (the seed\'s §8.1) instead of rejecting it with 9387/9388 (TR387/TR388)',
    apply(g) {
      const checks = declaratieFlowOf(g).checks;
      const begins = checks.periodBeginsOnFirst.bind(checks);
      const ends = checks.periodEndsOnLast.bind(checks);
      checks.periodBeginsOnFirst = (c) => (c.starts.some((s) => s.begindatum === c.p.ProductPeriode.Begindatum) ? undefined : begins(c));
      checks.periodEndsOnLast = (c) => (c.starts.some((s) => liveStops(s).some((x) => x.einddatum === c.p.ProductPeriode.Einddatum)) ? undefined : ends(c));
    },
  },
  gemeenteOverride({
    id: 'gemeente-frl-accepts-any-tariff',
    rule: 'FRL-DECL-1',
    region: 'fryslan',
    description: 'Approves a line whose ProductTarief is not the etmaalprijs',
    table: 'declaratie.checks',
    name: 'tariff',
    with: () => () => undefined,
  }),
  {
    id: 'gemeente-pays-without-toewijzing',
    role: 'gemeente',
    rule: 'FRL-DECL-2',
    region: 'fryslan',
    description: 'Approves a line whose ToewijzingNummer is no toewijzing of the client',
    apply(g) {
      const flow = declaratieFlowOf(g) as unknown as { judgeLine: (...args: unknown[]) => unknown[] };
      const judgeLine = flow.judgeLine.bind(flow);
      flow.judgeLine = (...args) => {
        const p = args[2] as { ToewijzingNummer: number };
        return g.ledger.toewijzingen.has(p.ToewijzingNummer) ? judgeLine(...args) : [];
      };
    },
  },
  gemeenteOverride({
    id: 'gemeente-counts-year-from-declared-month',
    rule: 'FRL-DECL-4',
    region: 'fryslan',
    description: 'Rejects a declaration more than a year after the month it declares, counting from the ProductPeriode instead of from the JW307',
    table: 'declaratie.checks',
    name: 'declarationTerm',
    with: (declarationTerm) => (c) => {
      const limit = c.p.ProductPeriode.Einddatum.replace(/^(\d{4})/, (y) => String(Number(y) + 1));
      return c.msg.Header.BerichtIdentificatie.Dagtekening > limit
        ? { retourcode: '9319', rule: 'FRL-DECL-4', text: `declared more than a year after ${c.p.ProductPeriode.Einddatum}` }
        : declarationTerm(c);
    },
  }),
  aanbiederOverride({
    id: 'aanbieder-declares-running-month',
    rule: 'FRL-DECL-5',
    region: 'fryslan',
    description: 'Declares a month before it has ended',
    table: 'declaratie.rules',
    name: 'notDeclarableYet',
    with: () => () => undefined,
  }),
  {
    id: 'aanbieder-reuses-declaratienummer',
    role: 'aanbieder',
    rule: 'UTR-DECL-1',
    region: 'utrecht',
    description: 'Gives every declaration the same DeclaratieNummer (the seed demands a unique factuurnummer)',
    apply(a) {
      const flow = aanbiederDeclaratieFlowOf(a) as unknown as { nextNumber: (prefix: string, width: number) => string };
      const nextNumber = flow.nextNumber.bind(flow);
      flow.nextNumber = (prefix, width) => (prefix === 'D' ? 'D0001' : nextNumber(prefix, width));
    },
  },
  aanbiederOverride({
    id: 'aanbieder-declares-at-this-years-tariff',
    rule: 'UTR-DECL-1',
    region: 'utrecht',
    description: 'Declares care at the tariff of the year it declares in, not of the year of care (December care in January at the new tariff)',
    table: 'declaratie.rules',
    name: 'perUnit',
    with: (perUnit) => (party, t, product, care) => perUnit(party, t, product, care.map((c) => ({ ...c, begindatum: party.date }))),
  }),
  gemeenteOverride({
    id: 'gemeente-utr-accepts-any-tariff',
    rule: 'UTR-DECL-1',
    region: 'utrecht',
    description: 'Approves a line at a tariff that is not the tariff of the year of care',
    table: 'declaratie.checks',
    name: 'tariff',
    with: () => () => undefined,
  }),
  {
    id: 'gemeente-wants-rejected-line-credited',
    role: 'gemeente',
    rule: 'UTR-DECL-2',
    region: 'utrecht',
    description: 'Rejects a line declared again after a rejection unless the rejected line is credited first (9389)',
    apply(g) {
      const checks = declaratieFlowOf(g).checks;
      const debitAfterCredit = checks.debitAfterCredit.bind(checks);
      checks.debitAfterCredit = (c) => {
        const pp = c.p.ProductPeriode;
        const rejected = [...g.ledger.prestaties.values()].find((x) => x.status === 'rejected' && x.debetCredit === 'D' && x.toewijzingNummer === c.p.ToewijzingNummer && x.begindatum === pp.Begindatum && x.einddatum === pp.Einddatum);
        return debitAfterCredit(c) ?? (rejected ? { retourcode: '9389', rule: 'UTR-DECL-2', text: `line ${rejected.referentieNummer} was rejected and not credited` } : undefined);
      };
    },
  },
  {
    id: 'zlm-aanbieder-declares-two-months-late',
    role: 'aanbieder', rule: 'ZLM-D2', region: 'zuid-limburg',
    description: 'Declares a month only once the month after it has ended too (in the second month after it, not at the latest in the following one)',
    apply(a) {
      aanbiederDeclaratieFlowOf(a).rules.notDeclarableYet = (month, today) => {
        const next = plusMonths(`${month}-01`, 1).slice(0, 7);
        return today > monthEnd(next) ? undefined : `${month} is declared after ${next} has ended`;
      };
    },
  },
  aanbiederOverride({
    id: 'zlm-aanbieder-declares-output-in-euro', rule: 'ZLM-D3', region: 'zuid-limburg',
    description: 'Declares output products (eenheid 82) as an amount in eenheid 83 instead of in pieces',
    table: 'declaratie.rules',
    name: 'perUnit',
    with: (perUnit) => (...args) => {
      const r = perUnit(...args);
      return r && r.eenheid === '82' ? { volume: r.bedrag, eenheid: '83', bedrag: r.bedrag } : r;
    },
  }),
  aanbiederOverride({
    id: 'zlm-aanbieder-declares-per-client',
    rule: 'ZLM-D4', region: 'zuid-limburg',
    description: 'Sends one JW323 per client instead of one batch per month per municipality',
    table: 'declaratie.rules',
    name: 'batches',
    with: () => perClient,
  }),
  {
    id: 'zlm-aanbieder-credits-the-difference',
    role: 'aanbieder', rule: 'ZLM-CR-1', region: 'zuid-limburg',
    description: 'Corrects an approved line by crediting only the difference (a partial credit) instead of the whole line and a new debit',
    apply(a) {
      aanbiederDeclaratieFlowOf(a).rules.correction = (credit, debit) => [{ ...credit, volume: credit.volume - debit.volume, bedrag: credit.bedrag - debit.bedrag }];
    },
  },
  {
    id: 'zlm-aanbieder-ignores-shortening',
    role: 'aanbieder', rule: 'ZLM-CR-2', region: 'zuid-limburg',
    description: 'Credits the lines of a withdrawn toewijzing but not the approved lines a shortened one no longer covers',
    apply(a) {
      aanbiederDeclaratieFlowOf(a).rules.outsideToewijzing = (t) => isDeleted(t) || t.einddatum === t.ingangsdatum;
    },
  },
  {
    id: 'zlm-aanbieder-ignores-withdrawal',
    role: 'aanbieder', rule: 'ZLM-CR-3', region: 'zuid-limburg',
    description: 'Treats a withdrawn toewijzing as gone and credits nothing declared on it (it does credit past a shortened einddatum)',
    apply(a) {
      const rules = aanbiederDeclaratieFlowOf(a).rules;
      const outside = rules.outsideToewijzing;
      rules.outsideToewijzing = (t, line) => !(isDeleted(t) || t.einddatum === t.ingangsdatum) && outside(t, line);
    },
  },
];
