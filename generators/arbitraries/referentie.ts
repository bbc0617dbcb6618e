/** ReferentieAanbieder as aanbieders fill it: their own request number (LDT_Referentie, ≤ 36). */
import fc from 'fast-check';

export const arbReferentieAanbieder: fc.Arbitrary<string> = fc.oneof(
  fc.tuple(fc.constantFrom('VOT', 'VOW', 'AANVR'), fc.integer({ min: 2021, max: 2026 }), fc.integer({ min: 1, max: 99_999 })).map(([p, y, n]) => `${p}-${y}-${String(n).padStart(5, '0')}`),
  fc.uuid(),
);
