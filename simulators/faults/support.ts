/** Behaviour several faulty variants share (e.g. a change to every declaration a provider sends). */
import { messages, type MessageModels } from '../../ijw/messages/registry.ts';
import { aanbiederVerzoekFlowOf } from '../aanbieder/verzoek.ts';
import type { LineContext } from '../gemeente/declaratie.ts';
import { plusDays } from '../gemeente/toewijzing-rules.ts';
import { share } from '../gemeente/declaratie-rules.ts';
import type { Toewijzing } from '../ledger.ts';
import type { ReferenceAanbieder } from '../aanbieder/reference-aanbieder.ts';
import type { Jw323 } from '../../ijw/messages/jw323.ts';
import type { MessageCode } from '../../ijw/messages/codes.ts';
import type { ReferenceGemeente } from '../gemeente/reference-gemeente.ts';


/** The BerichtCode of a document, to tell messages apart in a receive override. */
export const isMessage = (xml: string, code: keyof typeof messages) => new RegExp(`<(?:[\\w-]+:)?BerichtCode>\\s*${messages[code].berichtCode}\\s*<`).test(xml);

/** Days of the ISO week (Monday–Sunday) of `d` that lie within the toewijzing. */
export function weekDaysInToewijzing(d: string, t: Toewijzing): number {
  const day = new Date(`${d}T00:00:00Z`);
  const monday = plusDays(d, -((day.getUTCDay() + 6) % 7));
  let n = 0;
  for (let i = 0; i < 7; i++) {
    const x = plusDays(monday, i);
    if (x >= t.ingangsdatum && (!t.einddatum || x <= t.einddatum)) n++;
  }
  return n;
}

export const mondayOf = (d: string) => plusDays(d, -((new Date(`${d}T00:00:00Z`).getUTCDay() + 6) % 7));

/** Changes every JW323 the provider sends just before it goes out (one behaviour of the declaration). */
export function onEachDeclaration(a: ReferenceAanbieder, change: (msg: Jw323) => void): void {
  const send = a.send.bind(a);
  a.send = (async <C extends MessageCode>(code: C, model: MessageModels[C]) => {
    if (code === 'JW323') change(model as unknown as Jw323);
    return send(code, model);
  }) as typeof a.send;
}

export const prestaties = (msg: Jw323) => msg.Declaratie.Clienten.Client.flatMap((c) => c.Prestaties.Prestatie);

/** Whether a line claims the share after the stop (percentage products). */
export function isStopShare(c: LineContext): boolean {
  const p = c.product;
  return !!p && p.kind === 'percentage' && p.tariff !== undefined && !!p.afterStopPlan && c.p.IngediendBedrag.Bedrag === share(p.tariff, p.afterStopPlan);
}

/** Every message this party originates carries `field` = `code` in its header. */
export function headerSays(party: ReferenceGemeente | ReferenceAanbieder, field: 'Afzender' | 'Ontvanger', code: string): void {
  const p = party as unknown as { header: (c: string) => Record<string, unknown> };
  const header = p.header.bind(party);
  p.header = (c) => ({ ...header(c), [field]: code });
}



/** The provider also sends a JW315 on a referral that gets a JW301 directly (01: gebiedsteam, buurtteam). */
export function requestsOnMunicipalReferral(a: ReferenceAanbieder): void {
  const rules = aanbiederVerzoekFlowOf(a).rules;
  const mayRequest = rules.mayRequest.bind(rules);
  rules.mayRequest = (profile, act, today) => (act.verwijzer.type === '01' ? undefined : mayRequest(profile, act, today));
}
