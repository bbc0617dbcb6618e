/**
 * JW325, the declaration answer to a JW323 (FLOWS.md "Declaration answer", IV087/IV088, TR342):
 * - level 2: Header 0001 (+ XsltVersie) only: the declaration counts as not sent;
 * - Header error (level 3/4): Header with that code only;
 * - error on class Declaratie (e.g. 9333): Header 0200, DeclaratieAntwoord with the code and
 *   TotaalToegekendBedrag 0, no prestaties (they are not judged);
 * - fully approved: Header 0200, DeclaratieAntwoord 8001, toegekend = ingediend, no clients;
 * - otherwise: Header 0200, DeclaratieAntwoord 0200, only the rejected prestaties with their
 *   codes (a client-level error: its code on the Client, 0233 on all its prestaties),
 *   toegekend = Σ approved (debit +, credit −), so Σ listed = ingediend − toegekend (TR342).
 */
import type { Finding } from '../findings.ts';
import type { Jw323 } from '../messages/jw323.ts';
import type { Jw325, Jw325Client, Jw325Header, Jw325Prestatie } from '../messages/jw325.ts';
import { signed } from '../rules/types.ts';
import { RULESET_VERSIE } from '../rules/index.ts';
import { codes, codesOf, inHeader, refuseXsdFindings, XSD_VERSIE, type RetourMeta } from './technical.ts';

/** A signed sum as CDT_TotaalBedragMetDC: the sign goes to DebetCredit, 0 is debit (CS325). */
export const totaalBedrag = (n: number) => ({ TotaalBedrag: Math.abs(n), DebetCredit: n < 0 ? 'C' : 'D' }) as const;

/**
 * The client and prestatie (0-based) a finding path points into, if any. A segment without an
 * index means the first, as `within` reads hand-written paths.
 */
const LOCATION = /^\/Bericht\/Declaratie\/Clienten\/Client(?:\[(\d+)\])?(?=\/|$)(\/Prestaties\/Prestatie(?:\[(\d+)\])?(?=\/|$))?/;
function locate(path: string): { client?: number; line?: number } {
  const m = LOCATION.exec(path);
  if (!m) return {};
  return { client: Number(m[1] ?? 1) - 1, ...(m[2] ? { line: Number(m[3] ?? 1) - 1 } : {}) };
}

/**
 * The JW325 for a received JW323 and the findings on it (paths into the 323).
 * @example buildJw325(jw323Model, [], { identificatie: 'A1', dagtekening: '2025-03-12' }) // 8001
 */
export function buildJw325(d: Jw323, findings: Finding[], meta: RetourMeta): Jw325 {
  refuseXsdFindings(findings);
  const header: Jw325Header = {
    BerichtCode: '491',
    BerichtVersie: 3,
    BerichtSubversie: 2,
    // A 325 is a gemeente → aanbieder message of its own: the 323's parties swap.
    Afzender: d.Header.Ontvanger,
    Ontvanger: d.Header.Afzender,
    BerichtIdentificatie: { Identificatie: meta.identificatie, Dagtekening: meta.dagtekening },
    XsdVersie: { ...XSD_VERSIE },
    DeclaratieIdentificatie: { ...d.Header.BerichtIdentificatie },
    XsdVersieDeclaratie: { ...d.Header.XsdVersie },
    RetourCodes: codes('0200'),
  };
  if (findings.some((f) => f.level === 2)) return { Header: { ...header, XsltVersie: meta.xsltVersie ?? RULESET_VERSIE, RetourCodes: codes('0001') } };
  const onHeader = findings.filter(inHeader);
  if (onHeader.length) return { Header: { ...header, RetourCodes: codes(...codesOf(onHeader)) } };

  const ingediend = d.Declaratie.TotaalIngediendBedrag;
  const answer = (toegekend: number, rc: string[], clienten: Jw325Client[] = []): Jw325 => ({
    Header: header,
    DeclaratieAntwoord: {
      DeclaratieNummer: d.Declaratie.DeclaratieNummer,
      TotaalIngediendBedrag: { ...ingediend },
      TotaalToegekendBedrag: totaalBedrag(toegekend),
      ...(clienten.length ? { Clienten: { Client: clienten } } : {}),
      RetourCodes: codes(...rc),
    },
  });
  if (findings.length === 0) return answer(signed(ingediend), ['8001']);

  const clients = d.Declaratie.Clienten.Client;
  // Each finding is placed once by its path: a 100,000-line declaration may have thousands.
  const onDeclaratie: Finding[] = [];
  const byClient = new Map<number, { own: Finding[]; lines: Map<number, Finding[]> }>();
  for (const f of findings) {
    const at = locate(f.path);
    if (at.client === undefined || at.client >= clients.length) {
      onDeclaratie.push(f);
      continue;
    }
    let c = byClient.get(at.client);
    if (!c) byClient.set(at.client, (c = { own: [], lines: new Map() }));
    if (at.line === undefined || at.line >= clients[at.client]!.Prestaties.Prestatie.length) c.own.push(f);
    else c.lines.set(at.line, [...(c.lines.get(at.line) ?? []), f]);
  }
  if (onDeclaratie.length) return answer(0, codesOf(onDeclaratie));

  const rejected: Jw325Client[] = [];
  let approved = 0;
  clients.forEach((c, ci) => {
    const found = byClient.get(ci);
    const lines: Jw325Prestatie[] = [];
    c.Prestaties.Prestatie.forEach((p, pi) => {
      const own = found?.lines.get(pi);
      // Prestaties are approved or rejected as a whole; a client error leaves them unjudged (0233).
      if (found?.own.length) lines.push({ ...p, RetourCodes: codes('0233') });
      else if (own) lines.push({ ...p, RetourCodes: codes(...codesOf(own)) });
      else approved += signed(p.IngediendBedrag);
    });
    if (lines.length) rejected.push({ Bsn: c.Bsn, Prestaties: { Prestatie: lines }, RetourCodes: codes(...(found?.own.length ? codesOf(found.own) : ['0200'])) });
  });
  return answer(approved, ['0200'], rejected);
}
