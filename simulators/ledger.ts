/**
 * The business state both reference parties keep per run: clients, toewijzingen, starts and
 * stops, requests, declarations. Plain data so it can be cloned for all-or-nothing judging.
 */
import type { ClientFacts, OmvangFacts, ProductFacts } from './actions.ts';

export interface Toewijzing {
  nummer: number;
  bsn: string;
  aanbieder: string;
  gemeente: string;
  product: ProductFacts;
  toewijzingsdatum: string;
  toewijzingstijd: string;
  ingangsdatum: string;
  einddatum?: string;
  redenWijziging?: string;
  omvang?: OmvangFacts;
  budget?: number;
  referentieAanbieder?: string;
  commentaar?: string;
  /** Set on a change since the last 301 was sent (OP087). */
  changed?: boolean;
}

export interface StopRecord {
  einddatum: string;
  reden: string;
  deleted: boolean;
}

export interface StartRecord {
  bsn: string;
  toewijzingNummer: number;
  begindatum: string;
  deleted: boolean;
  stops: StopRecord[];
}

export interface RequestRecord {
  referentieAanbieder: string;
  kind: 'JW315' | 'JW317';
  bsn: string;
  dagtekening: string;
  /** open until a 319(1) or a 301 with this reference (TR374). */
  status: 'open' | 'in-onderzoek' | 'honoured' | 'rejected';
  products: { product: ProductFacts; ingangsdatum: string; einddatum?: string; omvang?: OmvangFacts; commentaar?: string }[];
  verwijzerType?: string;
}

/** What a declaration line claims: period, volume, unit, tariff and the signed amount. */
export interface LineAmounts {
  begindatum: string;
  einddatum: string;
  volume: number;
  eenheid: string;
  tarief?: number;
  bedrag: number;
  debetCredit: 'D' | 'C';
}

export interface PrestatieRecord extends LineAmounts {
  referentieNummer: string;
  vorigReferentieNummer?: string;
  bsn: string;
  toewijzingNummer: number;
  categorie: string;
  code: string;
  status: 'submitted' | 'approved' | 'rejected';
  /** Set when an approved debit has been credited (TR390). */
  credited?: boolean;
  approvedOn?: string;
}

export interface Ledger {
  clients: Map<string, ClientFacts>;
  toewijzingen: Map<number, Toewijzing>;
  starts: StartRecord[];
  requests: Map<string, RequestRecord>;
  declaratieNummers: Set<string>;
  prestaties: Map<string, PrestatieRecord>;
  /** Identificaties received per message type (TR056). */
  identificaties: Set<string>;
}

export function emptyLedger(): Ledger {
  return {
    clients: new Map(),
    toewijzingen: new Map(),
    starts: [],
    requests: new Map(),
    declaratieNummers: new Set(),
    prestaties: new Map(),
    identificaties: new Set(),
  };
}

/** A start is current while it is not deleted and has no stop that is not deleted (IV008). */
export function isCurrent(s: StartRecord): boolean {
  return !s.deleted && !s.stops.some((x) => !x.deleted);
}

export function liveStops(s: StartRecord): StopRecord[] {
  return s.stops.filter((x) => !x.deleted);
}

/** Toewijzingen of a client at one provider that are deleted do not count anywhere (RedenWijziging 13). */
export function isDeleted(t: Toewijzing): boolean {
  return t.redenWijziging === '13' || (t.redenWijziging === '01' && t.einddatum === t.ingangsdatum);
}

export function cloneLedger(l: Ledger): Ledger {
  return structuredClone(l);
}
