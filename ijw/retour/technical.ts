/**
 * The technical retours 302/306/308/316/318/320 (FLOWS.md, IV028/IV032), built from the retour's
 * schema descriptor: a retour is its heen message with a RetourCodes class on every berichtklasse.
 */
import type { Finding } from '../findings.ts';
import { messages, type MessageModels } from '../messages/registry.ts';
import { RETOUR_OF, type HeenCode } from '../messages/codes.ts';
import type { ComplexType } from '../schema/types.ts';
import { RULESET_VERSIE } from '../rules/index.ts';
import type { LdtRetourCode } from '../schema/generated/basisschema.ts';

export interface RetourMeta {
  /** IdentificatieRetour (or, in a JW325, the BerichtIdentificatie) of the retour. */
  identificatie: string;
  /** DagtekeningRetour (or the JW325's Dagtekening), YYYY-MM-DD. */
  dagtekening: string;
  /** XsltVersie on a level-2 rejection; default RULESET_VERSIE. */
  xsltVersie?: string;
}

/** The heen message a retour of this type answers (JW302 → JW301 …). */
export type RetourOf<C extends HeenCode> = (typeof RETOUR_OF)[C];
export type TechnicalHeen = Exclude<HeenCode, 'JW323'>;

/** Thrown when no retour may be built, e.g. for a message with XSD errors (it gets none). */
export class RetourError extends Error {
  readonly code: 'NO_RETOUR_FOR_XSD_ERRORS' | 'NOT_A_HEEN_MESSAGE';

  constructor(code: 'NO_RETOUR_FOR_XSD_ERRORS' | 'NOT_A_HEEN_MESSAGE', message: string) {
    super(message);
    this.code = code;
    this.name = 'RetourError';
  }
}

/** The version of the XSDs the harness builds (IV034: all 14 and the basisschema are 0.1.0). */
export const XSD_VERSIE = { BasisschemaXsdVersie: '0.1.0', BerichtXsdVersie: '0.1.0' } as const;

type Model = Record<string, unknown>;
/** A RetourCodes class of distinct codes. */
export const codes = (...c: string[]) => ({ RetourCode: [...new Set(c)] as LdtRetourCode[] });

/** True when a finding concerns the Header (or the message as a whole). */
export const inHeader = (f: Finding) => f.path === '/Bericht' || f.path === '/' || f.path === '/Bericht/Header' || f.path.startsWith('/Bericht/Header/');

export function refuseXsdFindings(findings: Finding[]): void {
  const xsd = findings.find((f) => f.level === 1);
  if (xsd) throw new RetourError('NO_RETOUR_FOR_XSD_ERRORS', `A message with XSD errors gets no retour, only an error to the sender (FLOWS.md); first: ${xsd.path}: ${xsd.text}`);
}

/** Distinct retourcodes of some findings, in order (a finding without one counts as 0001). */
export const codesOf = (fs: Finding[]) => [...new Set(fs.map((f) => f.retourcode ?? '0001'))];

/**
 * Does class path `cls` (`/Bericht/Client/StartProducten/StartProduct[2]`) contain finding path
 * `p`? A segment without an index in the finding matches `[1]`, for hand-written paths.
 */
export function within(cls: string, p: string): boolean {
  const a = cls.split('/');
  const b = p.split('/');
  if (b.length < a.length) return false;
  return a.every((seg, i) => seg === b[i] || (seg.endsWith('[1]') && seg.slice(0, -3) === b[i]));
}

const classCache = new WeakMap<ComplexType, boolean>();
const isClass = (t: ComplexType) => t.children.some((c) => c.name === 'RetourCodes');
/** Whether a type is or contains a berichtklasse (so it must be copied class by class). */
function holdsClass(t: ComplexType): boolean {
  let v = classCache.get(t);
  if (v === undefined) {
    v = isClass(t) || t.children.some((c) => c.type.kind === 'complex' && holdsClass(c.type));
    classCache.set(t, v);
  }
  return v;
}

/**
 * The retour of a heen message 301/305/307/315/317/319:
 * - no findings: the Header only, no RetourCodes (IV028);
 * - a level-2 finding: the Header only with 0001 and XsltVersie (IV032);
 * - a level-3/4 finding on the Header: the Header only with those codes;
 * - level-3/4 findings below it: Header 0200 and the body (the one Client, or the 319's Antwoord)
 *   copied with every class coded: the findings' codes where they were found, 0233 (not checked)
 *   below a class with an error, 0200 (checked, fine) elsewhere.
 * @example technicalRetour('JW305', jw305Model, [], { identificatie: 'R1', dagtekening: '2025-03-11' })
 */
export function technicalRetour<C extends TechnicalHeen>(code: C, heen: MessageModels[C], findings: Finding[], meta: RetourMeta): MessageModels[RetourOf<C>] {
  refuseXsdFindings(findings);
  const retourCode = RETOUR_OF[code];
  const h = heen.Header;
  const header: Model = {
    BerichtCode: messages[retourCode].berichtCode,
    BerichtVersie: 3,
    BerichtSubversie: 2,
    // IV028: Afzender and Ontvanger are copied unchanged from the heen message.
    Afzender: h.Afzender,
    Ontvanger: h.Ontvanger,
    BerichtIdentificatie: { ...h.BerichtIdentificatie },
    XsdVersie: { ...h.XsdVersie },
    IdentificatieRetour: meta.identificatie,
    DagtekeningRetour: meta.dagtekening,
    XsdVersieRetour: { ...XSD_VERSIE },
  };
  const only = (extra: Model) => ({ Header: { ...header, ...extra } }) as unknown as MessageModels[RetourOf<C>];
  if (findings.length === 0) return only({});
  if (findings.some((f) => f.level === 2)) return only({ XsltVersie: meta.xsltVersie ?? RULESET_VERSIE, RetourCodes: codes('0001') });
  const onHeader = findings.filter(inHeader);
  if (onHeader.length) return only({ RetourCodes: codes(...codesOf(onHeader)) });

  const rootType = messages[retourCode].root.type as ComplexType;
  const out: Model = { Header: { ...header, RetourCodes: codes('0200') } };
  const placed = new Set<Finding>();
  for (const decl of rootType.children) {
    const v = (heen as unknown as Model)[decl.name];
    if (decl.name === 'Header' || v === undefined || decl.type.kind !== 'complex') continue;
    out[decl.name] = coded(decl.type, v as Model, `/Bericht/${decl.name}`, findings, false, placed);
  }
  // A finding outside every class (a path this message does not have) still rejects: on the Header.
  const stray = findings.filter((f) => !placed.has(f));
  if (stray.length) return only({ RetourCodes: codes(...codesOf(stray)) });
  return out as unknown as MessageModels[RetourOf<C>];
}

/** Copies a class with its codes, and its children: classes recursively, other values as they are. */
function coded(type: ComplexType, model: Model, path: string, findings: Finding[], parentRejected: boolean, placed: Set<Finding>): Model {
  const out: Model = {};
  // The findings of this class are those inside it but not inside one of its child classes.
  const mine = findings.filter((f) => within(path, f.path));
  const own = mine.filter((f) => !childClassPaths(type, model, path).some((cp) => within(cp, f.path)));
  own.forEach((f) => placed.add(f));
  const rc = own.length ? codesOf(own) : parentRejected ? ['0233'] : ['0200'];
  for (const decl of type.children) {
    if (decl.name === 'RetourCodes') {
      out.RetourCodes = codes(...rc);
      continue;
    }
    const v = model[decl.name];
    if (v === undefined) continue;
    if (decl.type.kind === 'simple' || !holdsClass(decl.type)) out[decl.name] = v;
    else if (decl.max > 1) out[decl.name] = (v as Model[]).map((item, i) => coded(decl.type as ComplexType, item, `${path}/${decl.name}[${i + 1}]`, findings, parentRejected || own.length > 0, placed));
    else out[decl.name] = coded(decl.type as ComplexType, v as Model, `${path}/${decl.name}`, findings, parentRejected || own.length > 0, placed);
  }
  return out;
}

/** Paths of the classes directly below a class (through wrappers such as StartProducten). */
function childClassPaths(type: ComplexType, model: Model, path: string): string[] {
  const out: string[] = [];
  for (const decl of type.children) {
    const v = model[decl.name];
    if (v === undefined || decl.type.kind !== 'complex' || !holdsClass(decl.type)) continue;
    const items = decl.max > 1 ? (v as Model[]).map((item, i) => [item, `${path}/${decl.name}[${i + 1}]`] as const) : [[v as Model, `${path}/${decl.name}`] as const];
    for (const [item, p] of items) {
      if (isClass(decl.type)) out.push(p);
      else out.push(...childClassPaths(decl.type, item, p));
    }
  }
  return out;
}
