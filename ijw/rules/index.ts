/**
 * In-message rules (control level 2: a breach rejects the whole message with 0001), checked on
 * a structurally valid model. Each rule names its iJw id; see RULES-DIGEST.md §1–5.
 */
import type { Finding } from '../findings.ts';
import type { MessageCode } from '../messages/codes.ts';
import { isValidBsn } from '../bsn.ts';

export interface RuleContext {
  today?: string;
}

type Model = Record<string, any>;

export interface InMessageRule {
  id: string;
  messages: readonly MessageCode[] | 'all';
  description: string;
  check(model: Model, code: MessageCode, ctx: RuleContext): { path: string; text: string }[];
}

/** Every (path, value) of elements named `name`, depth first. */
function* find(model: unknown, name: string, path = '/Bericht'): Generator<[string, unknown, Model]> {
  if (typeof model !== 'object' || model === null) return;
  for (const [k, v] of Object.entries(model as Model)) {
    const items = Array.isArray(v) ? v : [v];
    for (let i = 0; i < items.length; i++) {
      const p = Array.isArray(v) ? `${path}/${k}[${i + 1}]` : `${path}/${k}`;
      if (k === name) yield [p, items[i], model as Model];
      yield* find(items[i], name, p);
    }
  }
}

const signed = (b: { Bedrag: number; DebetCredit: string }) => (b.DebetCredit === 'C' ? -b.Bedrag : b.Bedrag);

export const inMessageRules: InMessageRule[] = [
  {
    id: 'CS002',
    messages: ['JW301', 'JW305', 'JW307', 'JW315', 'JW317', 'JW323', 'JW325'],
    description: 'BSN passes the elfproef',
    check: (m) => [...find(m, 'Bsn')].filter(([, v]) => !isValidBsn(String(v))).map(([path, v]) => ({ path, text: `Bsn ${String(v).slice(0, 5)}**** fails the elfproef` })),
  },
  {
    id: 'CS058',
    messages: ['JW305', 'JW307'],
    description: 'StatusAanlevering is 1 or 3',
    check: (m) => [...find(m, 'StatusAanlevering')].filter(([, v]) => v !== '1' && v !== '3').map(([path, v]) => ({ path, text: `StatusAanlevering ${v} is not allowed (only 1 or 3)` })),
  },
  {
    id: 'TR018',
    messages: ['JW307'],
    description: 'Einddatum ≥ Begindatum',
    check: (m) => [...find(m, 'StopProduct')].filter(([, p]) => (p as Model).Einddatum < (p as Model).Begindatum).map(([path, p]) => ({ path: `${path}/Einddatum`, text: `Einddatum ${(p as Model).Einddatum} is before Begindatum ${(p as Model).Begindatum}` })),
  },
  {
    id: 'CS003',
    messages: ['JW301'],
    description: 'Einddatum ≥ Ingangsdatum',
    check: (m) => [...find(m, 'ToegewezenProduct')].filter(([, p]) => (p as Model).Einddatum && (p as Model).Einddatum < (p as Model).Ingangsdatum).map(([path, p]) => ({ path: `${path}/Einddatum`, text: `Einddatum ${(p as Model).Einddatum} is before Ingangsdatum ${(p as Model).Ingangsdatum}` })),
  },
  {
    id: 'CS335',
    messages: ['JW301'],
    description: 'RedenWijziging 13 only when Einddatum = Ingangsdatum; 01 is not used (CS336)',
    check: (m) =>
      [...find(m, 'ToegewezenProduct')]
        .filter(([, p]) => ((p as Model).RedenWijziging === '13' && (p as Model).Einddatum !== (p as Model).Ingangsdatum) || (p as Model).RedenWijziging === '01')
        .map(([path, p]) => ({ path: `${path}/RedenWijziging`, text: `RedenWijziging ${(p as Model).RedenWijziging} with Ingangsdatum ${(p as Model).Ingangsdatum} and Einddatum ${(p as Model).Einddatum ?? 'empty'}` })),
  },
  {
    id: 'TR101',
    messages: ['JW305', 'JW307', 'JW323'],
    description: 'No duplicate rows: the logical key is unique within the message',
    check(m, code) {
      const seen = new Set<string>();
      const out: { path: string; text: string }[] = [];
      const items = code === 'JW323' ? [...find(m, 'Prestatie')].map(([p, v]) => [p, (v as Model).ProductReferentie.ReferentieNummer] as const) : [...find(m, code === 'JW305' ? 'StartProduct' : 'StopProduct')].map(([p, v]) => [p, `${(v as Model).ToewijzingNummer}|${(v as Model).Begindatum}|${(v as Model).StatusAanlevering}`] as const);
      for (const [path, key] of items) {
        if (seen.has(key)) out.push({ path, text: `duplicate logical key ${key}` });
        seen.add(key);
      }
      return out;
    },
  },
  {
    id: 'TR358',
    messages: ['JW323'],
    description: 'TotaalIngediendBedrag = Σ debit − Σ credit',
    check(m) {
      const d = m.Declaratie;
      let sum = 0;
      for (const [, p] of find(d, 'Prestatie')) sum += signed((p as Model).IngediendBedrag);
      const t = d.TotaalIngediendBedrag;
      const declared = t.DebetCredit === 'C' ? -t.TotaalBedrag : t.TotaalBedrag;
      return declared === sum ? [] : [{ path: '/Bericht/Declaratie/TotaalIngediendBedrag', text: `TotaalIngediendBedrag ${declared} ≠ Σ IngediendBedrag ${sum}` }];
    },
  },
  {
    id: 'CS339',
    messages: ['JW323'],
    description: 'Eenheid 83 (euro): IngediendBedrag = GeleverdVolume',
    check: (m) => [...find(m, 'Prestatie')].filter(([, p]) => (p as Model).Eenheid === '83' && (p as Model).IngediendBedrag.Bedrag !== (p as Model).GeleverdVolume).map(([path, p]) => ({ path: `${path}/IngediendBedrag`, text: `Bedrag ${(p as Model).IngediendBedrag.Bedrag} ≠ GeleverdVolume ${(p as Model).GeleverdVolume} in eenheid 83` })),
  },
  {
    id: 'CS325',
    messages: ['JW323'],
    description: 'An amount of 0 is debit',
    check: (m) => [...find(m, 'IngediendBedrag')].filter(([, b]) => (b as Model).Bedrag === 0 && (b as Model).DebetCredit !== 'D').map(([path]) => ({ path, text: 'amount 0 must have DebetCredit D' })),
  },
  {
    id: 'CD060',
    messages: ['JW323'],
    description: 'VorigReferentieNummer is filled only on a credit',
    check: (m) => [...find(m, 'Prestatie')].filter(([, p]) => !!(p as Model).ProductReferentie.VorigReferentieNummer !== ((p as Model).IngediendBedrag.DebetCredit === 'C')).map(([path]) => ({ path: `${path}/ProductReferentie`, text: 'VorigReferentieNummer must be filled on a credit and only there' })),
  },
  {
    id: 'CD066',
    messages: ['JW315'],
    description: 'Verwijzer: type 02–05 with ZorgverlenerCode has no Naam (CD066); 02–05 without it has a Naam (CD067); other types have no ZorgverlenerCode (CD068)',
    check: (m) =>
      [...find(m, 'Verwijzer')].flatMap(([path, v]) => {
        const ver = v as Model;
        const medical = ['02', '03', '04', '05'].includes(ver.Type);
        if (medical && ver.ZorgverlenerCode && ver.Naam) return [{ path: `${path}/Naam`, text: `type ${ver.Type} with ZorgverlenerCode must not have a Naam (CD066)` }];
        if (medical && !ver.ZorgverlenerCode && !ver.Naam) return [{ path: `${path}/Naam`, text: `type ${ver.Type} without ZorgverlenerCode needs a Naam (CD067)` }];
        if (!medical && ver.ZorgverlenerCode) return [{ path: `${path}/ZorgverlenerCode`, text: `type ${ver.Type} must not have a ZorgverlenerCode (CD068)` }];
        return [];
      }),
  },
  {
    id: 'CD085',
    messages: ['JW319'],
    description: 'RedenAfwijzingVerzoek filled iff VerzoekAntwoord = 1 (CD086)',
    check: (m) => [...find(m, 'VerzoekAntwoord')].filter(([, v, parent]) => (v === '1') !== (parent.RedenAfwijzingVerzoek !== undefined)).map(([path, v]) => ({ path, text: `VerzoekAntwoord ${v} ${v === '1' ? 'needs' : 'must not have'} a RedenAfwijzingVerzoek` })),
  },
];
