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

/**
 * The rows of one class TR101 compares, as `[where, key, parentKey]`: a key must be unique among
 * the rows with the same parent key. `show` turns them into finding text.
 */
interface RowClass {
  each(visit: (at: Located, key: string, parent: string) => void): void;
  show?: (key: string, parent: string) => string;
}
const keyed = (rows: [string, string][]): RowClass => ({ each: (visit) => rows.forEach(([at, key]) => visit(at, key, '')) });
const product = (p?: { Categorie: string; Code?: string }) => (p ? `${p.Categorie}/${p.Code ?? '-'}` : '(none)');

/**
 * The logical keys TR101 compares (element-rules.json `logicalKeys`), each combined with its
 * parents' keys. A 301–317 has one Client, so its Bsn adds nothing there.
 * - 301: Contact (of the client) by Soort; Relatie by Nummer; ToegewezenProduct by ToewijzingNummer.
 * - 305: StartProduct by ToewijzingNummer, Product, Begindatum.
 * - 307: StopProduct by ToewijzingNummer, Product, Begindatum, Einddatum, RedenBeeindiging: a
 *   temporary and a definitive stop of one start differ. StatusAanlevering is no key element:
 *   IV008 lets a correction delete (3) and re-send (1) in one message only when a key changes.
 * - 315: AangevraagdProduct by ReferentieAanbieder.
 * - 317: Ongewijzigd/TeWijzigenProduct by ToewijzingNummer, compared together (one toewijzing
 *   cannot be both unchanged and changed); NieuwProduct by Product, GewensteIngangsdatum.
 * - 323/325: Client by Bsn; Prestatie by ReferentieNummer within its Client (Bsn).
 */
function rowKeys(code: MessageCode, model: unknown): RowClass[] {
  const m = model as MessageModels[Heen];
  switch (code) {
    case 'JW301': {
      const c = (m as MessageModels['JW301']).Client;
      return [
        keyed(indexed(c.Contactgegevens.Contact, '/Bericht/Client/Contactgegevens', 'Contact').map(([k, path]) => [path, `Contact Soort ${k.Soort}`])),
        keyed(indexed(c.Relaties?.Relatie, '/Bericht/Client/Relaties', 'Relatie').map(([r, path]) => [path, `Relatie Nummer ${r.Nummer}`])),
        keyed(indexed(c.ToegewezenProducten.ToegewezenProduct, '/Bericht/Client/ToegewezenProducten', 'ToegewezenProduct').map(([p, path]) => [path, `ToewijzingNummer ${p.ToewijzingNummer}`])),
      ];
    }
    case 'JW305':
      return [
        keyed(indexed((m as MessageModels['JW305']).Client.StartProducten.StartProduct, '/Bericht/Client/StartProducten', 'StartProduct').map(([p, path]) => [
          path,
          `ToewijzingNummer ${p.ToewijzingNummer ?? '(none)'}, Product ${product(p.Product)}, Begindatum ${p.Begindatum}`,
        ])),
      ];
    case 'JW307':
      return [
        keyed(indexed((m as MessageModels['JW307']).Client.StopProducten.StopProduct, '/Bericht/Client/StopProducten', 'StopProduct').map(([p, path]) => [
          path,
          `ToewijzingNummer ${p.ToewijzingNummer ?? '(none)'}, Product ${product(p.Product)}, Begindatum ${p.Begindatum}, Einddatum ${p.Einddatum}, RedenBeeindiging ${p.RedenBeeindiging}`,
        ])),
      ];
    case 'JW315':
      return [
        keyed(indexed((m as MessageModels['JW315']).Client.AangevraagdeProducten.AangevraagdProduct, '/Bericht/Client/AangevraagdeProducten', 'AangevraagdProduct').map(([p, path]) => [path, `ReferentieAanbieder ${p.ReferentieAanbieder}`])),
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
      // Up to 100,000 lines: the raw values are the key, and paths and texts are made only for
      // duplicates. The BSN is masked in texts (findings end up in reports and logs).
      const clients = code === 'JW323' ? (m as MessageModels['JW323']).Declaratie.Clienten.Client : ((m as MessageModels['JW325']).DeclaratieAntwoord?.Clienten?.Client ?? []);
      const rows = prestatieRows(m as MessageModels['JW323'], code);
      return [
        { each: (visit) => indexed<(typeof clients)[number]>(clients, clientBase(code), 'Client').forEach(([c, path]) => visit(path, c.Bsn, '')), show: (bsn) => `Client Bsn ${maskBsn(bsn)}` },
        { each: (visit) => { for (const r of rows) visit(r, r.p.ProductReferentie.ReferentieNummer, r.bsn); }, show: (ref, bsn) => `ReferentieNummer ${ref} within Client Bsn ${maskBsn(bsn)}` },
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
    for (const { each, show } of rowKeys(ctx.message, model)) {
      // Per parent key, the first row of each key; the last parent's map is kept at hand, as a
      // declaration's prestaties come client by client.
      const byParent = new Map<string, Map<string, Located>>();
      let lastParent: string | undefined;
      let first = new Map<string, Located>();
      each((at, value, parent) => {
        if (parent !== lastParent) {
          lastParent = parent;
          first = byParent.get(parent) ?? new Map();
          byParent.set(parent, first);
        }
        const prev = first.get(value);
        if (prev === undefined) {
          first.set(value, at);
          return;
        }
        const key = show ? show(value, parent) : value;
        out.push(hit(pathOf(at), `duplicate row: logical key (${key.length > 120 ? `${key.slice(0, 120)}…` : key}) already occurs at ${pathOf(prev)}; expected a unique key per class`));
      });
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
 * - 323: DeclaratieDagtekening, ProductPeriode Begindatum (its Einddatum is TR137's).
 * - 325: DeclaratieIdentificatie Dagtekening, ProductPeriode Begindatum.
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
      // The ProductPeriode Begindatum of every prestatie: checked by tr134 itself, one line at a time.
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
        // The Einddatum is TR137's (≥ Begindatum and ≤ Dagtekening).
        const d = r.p.ProductPeriode.Begindatum;
        if (late(d)) out.push(hit(`${r.path}/ProductPeriode/Begindatum`, `expected a date not after the Dagtekening ${dagtekening}, got ${d}`));
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
