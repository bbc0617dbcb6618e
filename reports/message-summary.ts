/**
 * What a message says, in a few words, for the sequence diagram: "JW307 stop 1001, reden 31"
 * with the meaning of its codes from the code lists, and every retourcode explained. Tolerant
 * like xml-pretty.ts: the harness records broken documents too, so this never parses, it
 * only looks for the few elements it names (namespace prefixes ignored).
 *
 * @example
 *   summariseMessage('JW307', xml).label      // "JW307 stop 1001, reden 31"
 *   summariseMessage('JW307', xml).details    // ["reden 31: Levering is volgens plan beëindigd", …]
 */
import { describe, retourcodeMeaning, type CodeListId } from '../ijw/codelists/index.ts';

export interface RetourcodeExplained {
  code: string;
  /** How often it occurs in the document. */
  count: number;
  meaning: string;
  /** 0200 "geen opmerking", 0233 "niet beoordeeld", 8001 "volledig toegewezen": not a rejection. */
  ok: boolean;
}

export interface MessageSummary {
  code: string;
  /** What kind of message: "stop", "retour start", "declaratie-antwoord" … */
  name: string;
  /** One line: code, name and the key facts ("JW307 stop 1001, reden 31"). */
  label: string;
  /** Further lines: code meanings, dates, amounts. */
  details: string[];
  /** True for the technical retours (302, 306, 308, 316, 318, 320) and the 319/325 answers. */
  answer: boolean;
  retourcodes: RetourcodeExplained[];
}

export const MESSAGE_NAMES: Readonly<Record<string, string>> = {
  JW301: 'toewijzing',
  JW302: 'retour toewijzing',
  JW305: 'start',
  JW306: 'retour start',
  JW307: 'stop',
  JW308: 'retour stop',
  JW315: 'verzoek om toewijzing',
  JW316: 'retour verzoek om toewijzing',
  JW317: 'verzoek om wijziging',
  JW318: 'retour verzoek om wijziging',
  JW319: 'antwoord op verzoek',
  JW320: 'retour antwoord',
  JW323: 'declaratie',
  JW325: 'declaratie-antwoord',
};

/** Retourcodes that do not reject anything. */
const NOT_A_REJECTION = new Set(['0200', '0233', '8001']);

/** Text content of every element with this local name, in document order. */
export function elementValues(xml: string, local: string): string[] {
  const re = new RegExp(`<(?:[\\w.-]+:)?${local}(?:\\s[^>]*)?>([^<]*)<`, 'g');
  return [...xml.matchAll(re)].map((m) => decodeEntities(m[1]!.trim()));
}

function decodeEntities(s: string): string {
  return s.replace(/&(lt|gt|amp|quot|apos);/g, (_, e: string) => ({ lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" })[e]!);
}

/** How many elements with this local name the document has. */
const count = (xml: string, local: string) => elementValues(xml, local).length;
const first = (xml: string, local: string) => elementValues(xml, local)[0];
const uniq = (xs: string[]) => [...new Set(xs)];
const list = (xs: string[], max = 3) => (xs.length > max ? `${xs.slice(0, max).join(', ')} +${xs.length - max}` : xs.join(', '));
const meaning = (id: CodeListId, code: string | undefined) => (code ? `${code}: ${describe(id, code) ?? 'unknown code'}` : undefined);
const euro = (cents: string | undefined) => (cents !== undefined && /^-?\d+$/.test(cents) ? `€${(Number(cents) / 100).toFixed(2)}` : cents ?? '?');
const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** The code, name, key facts and retourcodes of one message. */
export function summariseMessage(code: string, xml: string): MessageSummary {
  const name = MESSAGE_NAMES[code] ?? 'bericht';
  const details: string[] = [];
  let facts = '';
  const nummers = uniq(elementValues(xml, 'ToewijzingNummer'));
  const deleting = elementValues(xml, 'StatusAanlevering').includes('3');
  switch (code) {
    case 'JW301': {
      facts = `${list(nummers)}`;
      const reden = uniq(elementValues(xml, 'RedenWijziging'));
      if (reden.length) facts += `, wijziging ${reden.join(', ')}`;
      for (const r of reden) details.push(`reden wijziging ${meaning('JZ002', r)}`);
      const ref = uniq(elementValues(xml, 'ReferentieAanbieder'));
      if (ref.length) details.push(`honours request ${list(ref)}`);
      const period = periodOf(xml, 'Ingangsdatum', 'Einddatum');
      if (period) details.push(`${list(uniq(elementValues(xml, 'Code')))} ${period}`);
      break;
    }
    case 'JW305': {
      facts = `${deleting ? 'verwijderen ' : ''}${list(nummers)}`;
      const begin = uniq(elementValues(xml, 'Begindatum'));
      if (begin.length) facts += `, begindatum ${list(begin)}`;
      break;
    }
    case 'JW307': {
      const reden = uniq(elementValues(xml, 'RedenBeeindiging'));
      facts = `${deleting ? 'verwijderen ' : ''}${list(nummers)}${reden.length ? `, reden ${reden.join(', ')}` : ''}`;
      for (const r of reden) details.push(`reden ${meaning('JZ588', r)}`);
      const end = uniq(elementValues(xml, 'Einddatum'));
      if (end.length) details.push(`einddatum ${list(end)}`);
      break;
    }
    case 'JW315': {
      const ref = uniq(elementValues(xml, 'ReferentieAanbieder'));
      facts = `${list(ref)} (${list(uniq(elementValues(xml, 'Code')))})`;
      const type = uniq(elementValues(xml, 'Type'));
      if (type.length) details.push(`verwijzer ${type.map((t) => meaning('COD327', t)).join('; ')}`);
      break;
    }
    case 'JW317': {
      facts = list(uniq(elementValues(xml, 'ReferentieAanbieder')));
      const reden = first(xml, 'RedenVerzoek');
      if (reden) details.push(`reden verzoek ${meaning('WJ758', reden)}`);
      details.push(`${count(xml, 'TeWijzigenProduct')} to change, ${count(xml, 'OngewijzigdProduct')} unchanged, ${count(xml, 'NieuwProduct')} new`);
      break;
    }
    case 'JW319': {
      const antwoord = first(xml, 'VerzoekAntwoord');
      const reden = first(xml, 'RedenAfwijzingVerzoek');
      facts = `${list(uniq(elementValues(xml, 'ReferentieAanbieder')))}: ${antwoord === '1' ? 'afgewezen' : antwoord === '2' ? 'in onderzoek' : `antwoord ${antwoord ?? '?'}`}${reden ? `, reden ${reden}` : ''}`;
      if (reden) details.push(`reden afwijzing ${meaning('WJ759', reden)}`);
      const wpb = first(xml, 'Gemeente');
      if (reden === '8' && wpb) details.push(`woonplaatsbeginsel: gemeente ${wpb}`);
      break;
    }
    case 'JW323': {
      const nr = first(xml, 'DeclaratieNummer');
      const begin = first(xml, 'Begindatum');
      const dc = elementValues(xml, 'DebetCredit').slice(1);
      const lines = count(xml, 'Prestatie');
      const credit = dc.filter((x) => x === 'C').length;
      facts = `${nr ?? ''} ${begin?.slice(0, 7) ?? ''}, ${plural(lines, 'prestatie')}${credit ? ` (${credit} credit)` : ''}`.trim();
      details.push(`ingediend ${euro(first(xml, 'TotaalBedrag'))} ${elementValues(xml, 'DebetCredit')[0] ?? ''}`.trim());
      break;
    }
    case 'JW325': {
      const nr = first(xml, 'DeclaratieNummer');
      const totals = elementValues(xml, 'TotaalBedrag');
      facts = nr ?? '';
      details.push(`toegekend ${euro(totals[1])} van ${euro(totals[0])} ingediend`);
      break;
    }
    default:
      break;
  }
  const codes = [...xml.matchAll(/<(?:[\w.-]+:)?RetourCode>\s*([^<\s]+)\s*</g)].map((m) => m[1]!);
  const counted = new Map<string, number>();
  for (const c of codes) counted.set(c, (counted.get(c) ?? 0) + 1);
  const retourcodes = [...counted].map(([c, count]) => ({ code: c, count, meaning: retourcodeMeaning(c) ?? 'unknown retourcode (not in the WJ001 code list)', ok: NOT_A_REJECTION.has(c) }));
  const answer = /^JW3(02|06|08|16|18|20|19|25)$/.test(code);
  return { code, name, label: `${code} ${name}${facts ? ` ${facts}` : ''}`, details, answer, retourcodes };
}

function periodOf(xml: string, from: string, to: string): string | undefined {
  const a = first(xml, from);
  const b = first(xml, to);
  if (!a && !b) return undefined;
  return `${a ?? '…'} – ${b ?? 'open'}`;
}
