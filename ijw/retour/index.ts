/**
 * Retour builders (FLOWS.md, IV028/IV032/IV087): the technical retours 302/306/308/316/318/320
 * are built generically from the retour's schema descriptor (it is the heen message with a
 * RetourCodes class on every berichtklasse), and the JW325 from the declaration's findings.
 */
import type { Finding } from '../findings.ts';
import { messages, type MessageModels } from '../messages/registry.ts';
import { RETOUR_OF, type HeenCode, type MessageCode } from '../messages/codes.ts';
import type { ComplexType } from '../schema/types.ts';
import type { Jw323 } from '../messages/jw323.ts';
import type { Jw325, Jw325Client, Jw325Prestatie } from '../messages/jw325.ts';

export interface RetourMeta {
  identificatie: string;
  dagtekening: string;
}

type Model = Record<string, unknown>;
const codes = (...c: string[]) => ({ RetourCode: c as never[] });

/**
 * The retour (or, for a JW323, the JW325) of a received heen message, given the findings.
 * @example buildRetour({ code: 'JW305', model }, [], meta) // Header only: accepted
 */
export function buildRetour(heen: { code: MessageCode; model: unknown }, findings: Finding[], meta: RetourMeta): unknown {
  if (heen.code === 'JW323') return build325(heen.model as Jw323, findings, meta);
  const retourCode = RETOUR_OF[heen.code as HeenCode];
  if (!retourCode) throw new Error(`${heen.code} has no retour`);
  const h = (heen.model as Model).Header as Model;
  const header: Model = {
    BerichtCode: messages[retourCode].berichtCode,
    BerichtVersie: 3,
    BerichtSubversie: 2,
    Afzender: h.Afzender,
    Ontvanger: h.Ontvanger,
    BerichtIdentificatie: h.BerichtIdentificatie,
    XsdVersie: h.XsdVersie,
    IdentificatieRetour: meta.identificatie,
    DagtekeningRetour: meta.dagtekening,
    XsdVersieRetour: { BasisschemaXsdVersie: '0.1.0', BerichtXsdVersie: '0.1.0' },
  };
  if (findings.length === 0) return { Header: header };
  const level2 = findings.find((f) => f.level <= 2);
  if (level2) return { Header: { ...header, RetourCodes: codes('0001') } };
  const headerFinding = findings.find((f) => f.path.startsWith('/Bericht/Header'));
  if (headerFinding) return { Header: { ...header, RetourCodes: codes(headerFinding.retourcode ?? '0001') } };
  // Level 3/4 in a client's classes: Header 0200, the client copied with a code on every class.
  const rootType = messages[retourCode].root.type as ComplexType;
  const clientDecl = rootType.children.find((c) => c.name === 'Client');
  const heenClient = (heen.model as Model).Client;
  if (!clientDecl || !heenClient) return { Header: { ...header, RetourCodes: codes(findings[0]!.retourcode ?? '0001') } };
  const byPath = new Map<string, string[]>();
  for (const f of findings) byPath.set(f.path, [...(byPath.get(f.path) ?? []), f.retourcode ?? '0001']);
  const client = coded(clientDecl.type as ComplexType, heenClient as Model, '/Bericht/Client', byPath);
  return { Header: { ...header, RetourCodes: codes('0200') }, Client: client };
}

/** Copies a class and puts RetourCodes on it (the finding's code there, else 0200), recursively. */
function coded(type: ComplexType, model: Model, path: string, byPath: Map<string, string[]>): Model {
  const out: Model = {};
  for (const decl of type.children) {
    if (decl.name === 'RetourCodes') {
      out.RetourCodes = codes(...(byPath.get(path) ?? ['0200']));
      continue;
    }
    const v = model[decl.name];
    if (v === undefined) continue;
    if (decl.type.kind === 'simple') out[decl.name] = v;
    else if (Array.isArray(v)) out[decl.name] = v.map((item, i) => coded(decl.type as ComplexType, item as Model, `${path}/${decl.name}[${i + 1}]`, byPath));
    else out[decl.name] = coded(decl.type as ComplexType, v as Model, `${path}/${decl.name}`, byPath);
  }
  return out;
}

const signed = (b: { Bedrag?: number; TotaalBedrag?: number; DebetCredit: string }) => (b.Bedrag ?? b.TotaalBedrag ?? 0) * (b.DebetCredit === 'C' ? -1 : 1);
const total = (n: number) => ({ TotaalBedrag: Math.abs(n), DebetCredit: n < 0 ? 'C' : 'D' }) as const;

/** The JW325 (IV087): 8001 when fully approved; only rejected prestaties listed; TR342 holds. */
export function build325(d: Jw323, findings: Finding[], meta: RetourMeta): Jw325 {
  const header = {
    BerichtCode: '491',
    BerichtVersie: 3,
    BerichtSubversie: 2,
    Afzender: d.Header.Ontvanger,
    Ontvanger: d.Header.Afzender,
    BerichtIdentificatie: { Identificatie: meta.identificatie, Dagtekening: meta.dagtekening },
    XsdVersie: { BasisschemaXsdVersie: '0.1.0', BerichtXsdVersie: '0.1.0' },
    DeclaratieIdentificatie: d.Header.BerichtIdentificatie,
    XsdVersieDeclaratie: d.Header.XsdVersie,
  };
  if (findings.some((f) => f.level <= 2)) return { Header: { ...header, RetourCodes: codes('0001') } } as Jw325;
  const headerFinding = findings.find((f) => f.path.startsWith('/Bericht/Header'));
  if (headerFinding) return { Header: { ...header, RetourCodes: codes(headerFinding.retourcode ?? '0001') } } as Jw325;
  const ingediend = d.Declaratie.TotaalIngediendBedrag;
  const answer = (toegekend: number, rc: string, clienten?: Jw325Client[]) =>
    ({
      Header: { ...header, RetourCodes: codes('0200') },
      DeclaratieAntwoord: {
        DeclaratieNummer: d.Declaratie.DeclaratieNummer,
        TotaalIngediendBedrag: ingediend,
        TotaalToegekendBedrag: total(toegekend),
        ...(clienten?.length ? { Clienten: { Client: clienten } } : {}),
        RetourCodes: codes(rc),
      },
    }) as Jw325;
  const declaratieLevel = findings.find((f) => !/\/Clienten\/Client\[\d+\]/.test(f.path));
  if (declaratieLevel) return answer(0, declaratieLevel.retourcode ?? '0001');
  if (findings.length === 0) return answer(signed(ingediend), '8001');
  const rejected: Jw325Client[] = [];
  let approved = 0;
  d.Declaratie.Clienten.Client.forEach((c, ci) => {
    const cPath = `/Bericht/Declaratie/Clienten/Client[${ci + 1}]`;
    const clientCodes = findings.filter((f) => f.path === cPath).map((f) => f.retourcode ?? '0001');
    const lines: Jw325Prestatie[] = [];
    c.Prestaties.Prestatie.forEach((p, pi) => {
      const pPath = `${cPath}/Prestaties/Prestatie[${pi + 1}]`;
      const own = findings.filter((f) => f.path === pPath || f.path.startsWith(`${pPath}/`)).map((f) => f.retourcode ?? '0001');
      if (clientCodes.length || own.length) lines.push({ ...p, RetourCodes: codes(...(clientCodes.length ? ['0233'] : [...new Set(own)])) });
      else approved += signed(p.IngediendBedrag);
    });
    if (lines.length) rejected.push({ Bsn: c.Bsn, Prestaties: { Prestatie: lines }, RetourCodes: codes(...(clientCodes.length ? clientCodes : ['0200'])) });
  });
  return answer(approved, '0200', rejected);
}

export type { MessageModels };
