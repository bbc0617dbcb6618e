/** Rules of every heen message (RULES-DIGEST.md §1): BSN, versions, duplicate rows, dates. */
import { isValidBsn, maskBsn } from '../bsn.ts';
import { messages, type MessageModels } from '../messages/registry.ts';
import type { MessageCode } from '../messages/codes.ts';
import { after, defineRule, indexed, type Hit, type Finding } from './types.ts';
import { walkNamed } from './walk.ts';
import { clientBase, prestatieRows } from './prestaties.ts';

type Heen = 'JW301' | 'JW305' | 'JW307' | 'JW315' | 'JW317' | 'JW319' | 'JW323' | 'JW325';
const ALL: readonly Heen[] = ['JW301', 'JW305', 'JW307', 'JW315', 'JW317', 'JW319', 'JW323', 'JW325'];

export const cs002 = defineRule({
  id: 'CS002',
  messages: ['JW301', 'JW305', 'JW307', 'JW315', 'JW317', 'JW323', 'JW325'],
  level: 2,
  retourcode: '0001',
  description: 'De waarde (Bsn) moet voldoen aan de 11-proef.',
  check(model, hit, ctx) {
    const out: Finding[] = [];
    walkNamed(messages[ctx.message].root, model, 'Bsn', (path, value) => {
      // The BSN is masked in the text: findings end up in reports and logs.
      if (!isValidBsn(String(value))) out.push(hit(path, `Bsn ${maskBsn(String(value))} fails the 11-proef (expected (9d1+8d2+…+2d8−1d9) mod 11 = 0)`));
    });
    return out;
  },
});

export const cs025 = defineRule({
  id: 'CS025',
  messages: ALL,
  level: 2,
  retourcode: '0001',
  description: 'BerichtVersie vullen met 3.',
  check: (m, hit) => (m.Header.BerichtVersie === 3 ? [] : [hit('/Bericht/Header/BerichtVersie', `expected BerichtVersie 3, got ${m.Header.BerichtVersie}`)]),
});

export const cs015 = defineRule({
  id: 'CS015',
  messages: ALL,
  level: 2,
  retourcode: '0001',
  description: 'BerichtSubversie vullen met 2.',
  check: (m, hit) => (m.Header.BerichtSubversie === 2 ? [] : [hit('/Bericht/Header/BerichtSubversie', `expected BerichtSubversie 2, got ${m.Header.BerichtSubversie}`)]),
});

/** Where a row sits: its path, or a row that makes its path on demand. */
type Located = string | { readonly path: string };
const pathOf = (l: Located) => (typeof l === 'string' ? l : l.path);

/** The rows of one class TR101 compares: `[where, key]`; `label` names the key in a finding. */
interface RowClass {
  label: string;
  rows: [Located, string][];
}
const keyed = (rows: [string, string][]): RowClass => ({ label: '', rows });

/**
 * The logical keys TR101 compares, per message: `[path, key]` of every row of a class. A key
 * includes its parents' keys; a message has one Client (301–317) so the Bsn adds nothing there.
 * - 301: ToegewezenProduct by ToewijzingNummer; Relatie by Nummer.
 * - 305/307: Start/StopProduct by ToewijzingNummer (or Product when there is none) + Begindatum
 *   + StatusAanlevering: IV008 allows a delete (3) and a new delivery (1) of the same key in one
 *   message, which is how a correction is sent.
 * - 315: an AangevraagdProduct identical in every element (ReferentieAanbieder has TR383).
 * - 317: Ongewijzigd/TeWijzigen together by ToewijzingNummer (one toewijzing cannot be both);
 *   NieuwProduct by Product + GewensteIngangsdatum.
 * - 323/325: Client by Bsn; Prestatie by ReferentieNummer.
 */
function rowKeys(code: MessageCode, model: unknown): RowClass[] {
  const m = model as MessageModels[Heen];
  const product = (p?: { Categorie: string; Code?: string }) => (p ? `${p.Categorie}/${p.Code ?? ''}` : '-');
  switch (code) {
    case 'JW301': {
      const c = (m as MessageModels['JW301']).Client;
      return [
        keyed(indexed(c.ToegewezenProducten.ToegewezenProduct, '/Bericht/Client/ToegewezenProducten', 'ToegewezenProduct').map(([p, path]) => [path, `ToewijzingNummer ${p.ToewijzingNummer}`])),
        keyed(indexed(c.Relaties?.Relatie, '/Bericht/Client/Relaties', 'Relatie').map(([r, path]) => [path, `Relatie Nummer ${r.Nummer}`])),
      ];
    }
    case 'JW305':
    case 'JW307': {
      const c = (m as MessageModels['JW305']).Client as MessageModels['JW305']['Client'] & MessageModels['JW307']['Client'];
      const [group, name] = code === 'JW305' ? ['StartProducten', 'StartProduct'] as const : ['StopProducten', 'StopProduct'] as const;
      const rows = (code === 'JW305' ? c.StartProducten?.StartProduct : c.StopProducten?.StopProduct) ?? [];
      return [
        keyed(indexed<(typeof rows)[number]>(rows, `/Bericht/Client/${group}`, name).map(([p, path]) => [
          path,
          `${p.ToewijzingNummer !== undefined ? `ToewijzingNummer ${p.ToewijzingNummer}` : `Product ${product(p.Product)}`}, Begindatum ${p.Begindatum}, StatusAanlevering ${p.StatusAanlevering}`,
        ])),
      ];
    }
    case 'JW315':
      return [
        keyed(indexed((m as MessageModels['JW315']).Client.AangevraagdeProducten.AangevraagdProduct, '/Bericht/Client/AangevraagdeProducten', 'AangevraagdProduct').map(([p, path]) => [path, `row ${JSON.stringify(p)}`])),
      ];
    case 'JW317': {
      const v = (m as MessageModels['JW317']).Client.Verzoek;
      return [
        keyed([
          ...indexed(v.OngewijzigdeProducten?.OngewijzigdProduct, '/Bericht/Client/Verzoek/OngewijzigdeProducten', 'OngewijzigdProduct'),
          ...indexed(v.TeWijzigenProducten?.TeWijzigenProduct, '/Bericht/Client/Verzoek/TeWijzigenProducten', 'TeWijzigenProduct'),
        ].map(([p, path]) => [path, `ToewijzingNummer ${p.ToewijzingNummer}`])),
        keyed(indexed(v.NieuweProducten?.NieuwProduct, '/Bericht/Client/Verzoek/NieuweProducten', 'NieuwProduct').map(([p, path]) => [path, `Product ${product(p.Product)}, GewensteIngangsdatum ${p.GewensteIngangsdatum}`])),
      ];
    }
    case 'JW323':
    case 'JW325': {
      // Up to 100,000 lines: the raw value is the key, and paths are made only for duplicates.
      const clients = code === 'JW323' ? (m as MessageModels['JW323']).Declaratie.Clienten.Client : ((m as MessageModels['JW325']).DeclaratieAntwoord?.Clienten?.Client ?? []);
      const rows = prestatieRows(m as MessageModels['JW323'], code);
      return [
        { label: 'Bsn ', rows: indexed<(typeof clients)[number]>(clients, clientBase(code), 'Client').map(([c, path]) => [path, c.Bsn]) },
        { label: 'ReferentieNummer ', rows: rows.map((r) => [r, r.p.ProductReferentie.ReferentieNummer]) },
      ];
    }
    default:
      return [];
  }
}

export const tr101 = defineRule({
  id: 'TR101',
  messages: ['JW301', 'JW305', 'JW307', 'JW315', 'JW317', 'JW323', 'JW325'],
  level: 2,
  retourcode: '0001',
  description: 'Binnen een bericht zijn dubbele regels niet toegestaan.',
  check(model, hit, ctx) {
    const out: Finding[] = [];
    for (const { label, rows } of rowKeys(ctx.message, model)) {
      const first = new Map<string, Located>();
      for (const [at, value] of rows) {
        const prev = first.get(value);
        if (prev === undefined) {
          first.set(value, at);
          continue;
        }
        const key = `${label}${value}`;
        out.push(hit(pathOf(at), `duplicate row: logical key (${key.length > 120 ? `${key.slice(0, 120)}…` : key}) already occurs at ${pathOf(prev)}; expected a unique key per class`));
      }
    }
    return out;
  },
});

/**
 * The dates TR134 bounds by the Dagtekening, per message. Dates that may lie in the future
 * (Ingangsdatum/Einddatum of a toewijzing or request, contact periods) are not listed:
 * - 301: Geboortedatum of client and relaties, Toewijzingsdatum.
 * - 305: Geboortedatum, StartProduct Begindatum (a start is reported after it happened).
 * - 307: Geboortedatum, StopProduct Begindatum and Einddatum (reported after the end, OP272).
 * - 315: Geboortedatum.
 * - 323: DeclaratieDagtekening, ProductPeriode Begindatum and Einddatum.
 * - 325: DeclaratieIdentificatie Dagtekening, ProductPeriode Begindatum and Einddatum.
 */
function boundedDates(code: MessageCode, model: unknown): [string, string | undefined][] {
  const out: [string, string | undefined][] = [];
  // Every message with a Client that has a Geboortedatum (301, 305, 307, 315) bounds it.
  const client = (model as { Client?: { Geboortedatum?: { Datum: string } } }).Client;
  if (client?.Geboortedatum) out.push(['/Bericht/Client/Geboortedatum/Datum', client.Geboortedatum.Datum]);
  switch (code) {
    case 'JW301': {
      const c = (model as MessageModels['JW301']).Client;
      for (const [r, p] of indexed(c.Relaties?.Relatie, '/Bericht/Client/Relaties', 'Relatie')) out.push([`${p}/Geboortedatum/Datum`, r.Geboortedatum?.Datum]);
      for (const [t, p] of indexed(c.ToegewezenProducten.ToegewezenProduct, '/Bericht/Client/ToegewezenProducten', 'ToegewezenProduct')) out.push([`${p}/Toewijzingsdatum`, t.Toewijzingsdatum]);
      break;
    }
    case 'JW305':
      for (const [s, p] of indexed((model as MessageModels['JW305']).Client.StartProducten.StartProduct, '/Bericht/Client/StartProducten', 'StartProduct')) out.push([`${p}/Begindatum`, s.Begindatum]);
      break;
    case 'JW307':
      for (const [s, p] of indexed((model as MessageModels['JW307']).Client.StopProducten.StopProduct, '/Bericht/Client/StopProducten', 'StopProduct')) out.push([`${p}/Begindatum`, s.Begindatum], [`${p}/Einddatum`, s.Einddatum]);
      break;
    case 'JW323':
    case 'JW325': {
      if (code === 'JW323') out.push(['/Bericht/Declaratie/DeclaratieDagtekening', (model as MessageModels['JW323']).Declaratie.DeclaratieDagtekening]);
      else out.push(['/Bericht/Header/DeclaratieIdentificatie/Dagtekening', (model as MessageModels['JW325']).Header.DeclaratieIdentificatie.Dagtekening]);
      // The ProductPeriode dates of every prestatie: checked by tr134 itself, one line at a time.
      break;
    }
  }
  return out;
}

export const tr134 = defineRule({
  id: 'TR134',
  messages: ['JW301', 'JW305', 'JW307', 'JW315', 'JW323', 'JW325'],
  level: 2,
  retourcode: '0001',
  description: 'Vullen met een bestaande datum die niet groter is dan de Dagtekening van het bericht.',
  check(model, hit, ctx) {
    const dagtekening = model.Header.BerichtIdentificatie.Dagtekening;
    const late = (d: string | undefined) => d !== undefined && after(d, dagtekening);
    const out = boundedDates(ctx.message, model)
      .filter(([, d]) => late(d))
      .map(([path, d]) => hit(path, `expected a date not after the Dagtekening ${dagtekening}, got ${d}`));
    if (ctx.message === 'JW323' || ctx.message === 'JW325') {
      for (const r of prestatieRows(model as MessageModels['JW323'], ctx.message)) {
        for (const which of ['Begindatum', 'Einddatum'] as const) {
          const d = r.p.ProductPeriode[which];
          if (late(d)) out.push(hit(`${r.path}/ProductPeriode/${which}`, `expected a date not after the Dagtekening ${dagtekening}, got ${d}`));
        }
      }
    }
    return out;
  },
});

export const tr135 = defineRule({
  id: 'TR135',
  messages: ALL,
  level: 4,
  retourcode: '8848',
  description: 'Vullen met een bestaande datum die niet in de toekomst ligt (Dagtekening, tegen de systeemdatum).',
  check(model, hit, ctx) {
    const d = model.Header.BerichtIdentificatie.Dagtekening;
    return ctx.today && after(d, ctx.today) ? [hit('/Bericht/Header/BerichtIdentificatie/Dagtekening', `expected a Dagtekening not after the system date ${ctx.today}, got ${d}`)] : [];
  },
});

export const genericRules = [cs002, cs025, cs015, tr101, tr134, tr135];
export type { Hit };
