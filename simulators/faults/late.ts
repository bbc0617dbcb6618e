/**
 * A provider that holds back its JW305 or JW307 and sends it in a batch `werkdagen` later (the
 * deadline variants of every region). A withdrawal (StatusAanlevering 3) goes at once. And a
 * municipality that answers one kind of message with its retour `werkdagen` late.
 */
import type { ReferenceAanbieder } from '../aanbieder/reference-aanbieder.ts';
import type { ReferenceGemeente } from '../gemeente/reference-gemeente.ts';
import { addWerkdagen } from '../../ijw/calendar/werkdagen.ts';

/** The municipality answers what `handler` receives (its JW305 or JW307) with a 202 and sends the retour `werkdagen` later; other retours go on time. */
export function answersLate(g: ReferenceGemeente, handler: 'onStart' | 'onStop', werkdagen: number): void {
  const o = g as unknown as Record<typeof handler, (m: unknown) => unknown>;
  const honest = o[handler].bind(g);
  o[handler] = (m) => {
    const previous = g.retourDelayWerkdagen;
    g.retourDelayWerkdagen = werkdagen;
    setTimeout(() => void (g.retourDelayWerkdagen = previous), 0);
    return honest(m);
  };
}

export function sendsStartLate(a: ReferenceAanbieder, werkdagen: number): void {
  const startCare = a.startCare.bind(a);
  a.startCare = async (nummer, begindatum, status) => {
    if (status === '3') return startCare(nummer, begindatum, status);
    a.schedule(addWerkdagen(a.date, werkdagen), 'batched JW305', () => startCare(nummer, begindatum, status));
  };
}

/** The batch goes `werkdagen` after today, or after the end of care when that lies ahead. */
export function sendsStopLate(a: ReferenceAanbieder, werkdagen: number): void {
  const stopCare = a.stopCare.bind(a);
  a.stopCare = async (nummer, einddatum, reden, begindatum, status) => {
    if (status === '3') return stopCare(nummer, einddatum, reden, begindatum, status);
    const from = einddatum > a.date ? einddatum : a.date;
    a.schedule(addWerkdagen(from, werkdagen), 'batched JW307', () => stopCare(nummer, einddatum, reden, begindatum, status));
  };
}
