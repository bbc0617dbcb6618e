/** Rules of the toewijzing (301) and start/stop (305/307) messages (RULES-DIGEST.md §3, §4). */
import { after, defineRule, indexed, type Finding } from './types.ts';

const TP = '/Bericht/Client/ToegewezenProducten';

export const cs003Toewijzing = defineRule({
  id: 'CS003',
  messages: ['JW301'],
  level: 2,
  retourcode: '0001',
  description: 'Indien van toepassing vullen met een waarde die groter is dan, of gelijk is aan de Begindatum (of Ingangsdatum) van de aangeduide periode.',
  check(m, hit) {
    const out: Finding[] = [];
    for (const [t, p] of indexed(m.Client.ToegewezenProducten.ToegewezenProduct, TP, 'ToegewezenProduct')) {
      if (t.Einddatum && after(t.Ingangsdatum, t.Einddatum)) out.push(hit(`${p}/Einddatum`, `expected Einddatum ≥ Ingangsdatum ${t.Ingangsdatum}, got ${t.Einddatum}`));
    }
    // Contact periods: of the client and of each relatie.
    const contacts = [
      ...indexed(m.Client.Contactgegevens.Contact, '/Bericht/Client/Contactgegevens', 'Contact'),
      ...indexed(m.Client.Relaties?.Relatie, '/Bericht/Client/Relaties', 'Relatie').map(([r, p]) => [r.Contact, `${p}/Contact`] as const),
    ];
    for (const [c, p] of contacts) {
      const per = c.Periode;
      if (per?.Begindatum && per.Einddatum && after(per.Begindatum, per.Einddatum)) out.push(hit(`${p}/Periode/Einddatum`, `expected Einddatum ≥ Begindatum ${per.Begindatum}, got ${per.Einddatum}`));
    }
    return out;
  },
});

export const cs335 = defineRule({
  id: 'CS335',
  messages: ['JW301'],
  level: 2,
  retourcode: '0001',
  description: 'RedenWijziging 13 (verwijderd) mag alleen gebruikt worden indien de ingangsdatum gelijk is aan de einddatum',
  check: (m, hit) =>
    indexed(m.Client.ToegewezenProducten.ToegewezenProduct, TP, 'ToegewezenProduct')
      .filter(([t]) => t.RedenWijziging === '13' && t.Einddatum !== t.Ingangsdatum)
      .map(([t, p]) => hit(`${p}/RedenWijziging`, `RedenWijziging 13 (verwijderd): expected Einddatum = Ingangsdatum ${t.Ingangsdatum}, got Einddatum ${t.Einddatum ?? '(empty)'}`)),
});

export const cs336 = defineRule({
  id: 'CS336',
  messages: ['JW301'],
  level: 2,
  retourcode: '0001',
  description: '01 (Administratieve correctie (vervallen)) niet gebruiken',
  check: (m, hit) =>
    indexed(m.Client.ToegewezenProducten.ToegewezenProduct, TP, 'ToegewezenProduct')
      .filter(([t]) => t.RedenWijziging === '01')
      .map(([, p]) => hit(`${p}/RedenWijziging`, 'expected any RedenWijziging but 01 (vervallen), got 01')),
});

export const tr018 = defineRule({
  id: 'TR018',
  messages: ['JW307'],
  level: 2,
  retourcode: '0001',
  description: 'Einddatum moet groter dan of gelijk zijn aan Begindatum.',
  check: (m, hit) =>
    indexed(m.Client.StopProducten.StopProduct, '/Bericht/Client/StopProducten', 'StopProduct')
      .filter(([s]) => after(s.Begindatum, s.Einddatum))
      .map(([s, p]) => hit(`${p}/Einddatum`, `expected Einddatum ≥ Begindatum ${s.Begindatum}, got ${s.Einddatum}`)),
});

export const cs058 = defineRule({
  id: 'CS058',
  messages: ['JW305', 'JW307'],
  level: 2,
  retourcode: '0001',
  description: '1 (eerste aanlevering) of 3 (verwijderen aanlevering) vullen.',
  check(m, hit, ctx) {
    const rows =
      ctx.message === 'JW305'
        ? indexed((m as import('../messages/jw305.ts').Jw305).Client.StartProducten.StartProduct, '/Bericht/Client/StartProducten', 'StartProduct')
        : indexed((m as import('../messages/jw307.ts').Jw307).Client.StopProducten.StopProduct, '/Bericht/Client/StopProducten', 'StopProduct');
    return rows
      .filter(([s]) => s.StatusAanlevering !== '1' && s.StatusAanlevering !== '3')
      .map(([s, p]) => hit(`${p}/StatusAanlevering`, `expected StatusAanlevering 1 or 3 (a correction is 3 then 1), got ${s.StatusAanlevering}`));
  },
});

export const toewijzingRules = [cs003Toewijzing, cs335, cs336, tr018, cs058];
