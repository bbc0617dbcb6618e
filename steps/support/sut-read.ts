/** Reading what the parties sent, shared by the flow step files (moved from the region step files). */
import type { ConformanceWorld } from './world.ts';
import { settle } from './world.ts';
import type { MessageCode } from '../../ijw/messages/codes.ts';
import type { Jw301ToegewezenProduct } from '../../ijw/messages/jw301.ts';
import { addWerkdagen } from '../../ijw/calendar/werkdagen.ts';
import { safeRead } from './verzoek.ts';
import type { Exchange } from './harness.ts';

// from frlutr.steps.ts
export function header(xml: string, el: 'Afzender' | 'Ontvanger' | 'Dagtekening'): string | undefined {
  return new RegExp(`<(?:[\\w-]+:)?${el}>([^<]+)<`).exec(xml)?.[1];
}

// from amsterdam-rijnmond.steps.ts
/** Messages of a code the SUT sent since `from`, read. */
export function fromSut<T>(w: ConformanceWorld, code: MessageCode, from: number): { e: Exchange; m: T }[] {
  return w.received(code, from).filter((x) => x.read.code === code).map((x) => ({ e: x.exchange, m: x.read.model as T }));
}

/**
 * Waits for a message the SUT sends by itself: the business date moves werkdag by werkdag up to
 * the deadline (so a late message shows as late), then the last chance is taken.
 */
export async function awaitOwn<T>(w: ConformanceWorld, code: MessageCode, from: number, deadline: string, match: (m: T) => boolean): Promise<{ e: Exchange; m: T } | undefined> {
  const find = () => fromSut<T>(w, code, from).find((x) => match(x.m));
  while (!find() && w.date < deadline) {
    await w.setDate(addWerkdagen(w.date, 1) > deadline ? deadline : addWerkdagen(w.date, 1));
    await settle();
  }
  if (!find()) await w.awaitReceived(code, from, 200);
  return find();
}

// from national.steps.ts
/** ToewijzingNummers of the StartProducten or StopProducten of a JW305/JW307. */
export function numbersIn(e: Exchange): number[] {
  const r = safeRead(e.xml);
  if (r?.code === 'JW305') return r.model.Client.StartProducten.StartProduct.map((p) => p.ToewijzingNummer!).filter((n) => n !== undefined);
  if (r?.code === 'JW307') return r.model.Client.StopProducten.StopProduct.map((p) => p.ToewijzingNummer!).filter((n) => n !== undefined);
  return [];
}

/** The 301s the municipality sent, with their ToegewezenProducten, from a transcript index on. */
export function gemeente301s(w: ConformanceWorld, from = 0): { e: Exchange; products: Jw301ToegewezenProduct[] }[] {
  const dir = w.judged === 'gemeente' ? 'received' : 'sent';
  return w.transcript.slice(from).filter((e) => e.code === 'JW301' && e.direction === dir).flatMap((e) => {
    const r = safeRead(e.xml);
    return r?.code === 'JW301' ? [{ e, products: r.model.Client.ToegewezenProducten.ToegewezenProduct }] : [];
  });
}

/** The retour that answered a message: the next exchange of the retour's code after it. */
export function retourAfter(w: ConformanceWorld, e: Exchange, code: 'JW306' | 'JW308'): Exchange | undefined {
  const all = w.transcript;
  return all.slice(all.indexOf(e) + 1).find((x) => x.code === code && x.direction !== e.direction);
}

/** Every ToegewezenProduct the municipality sent, with the AGB code its JW301 was addressed to. */
export function toewijzingen301(w: ConformanceWorld) {
  const dir = w.judged === 'gemeente' ? 'received' : 'sent';
  return w.transcript.filter((e) => e.code === 'JW301' && e.direction === dir).flatMap((e) => {
    const r = safeRead(e.xml);
    return r?.code === 'JW301' ? r.model.Client.ToegewezenProducten.ToegewezenProduct.map((p) => ({ ontvanger: r.model.Header.Ontvanger, p })) : [];
  });
}
