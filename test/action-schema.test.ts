import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { actionsSchema, actionSchemas } from '../simulators/action-schema.ts';
import { ACTION_NAMES } from '../simulators/actions.ts';
import { parseAction } from '../simulators/simulator.ts';

describe('adapter-protocol action schemas', () => {
  it('cover every action of the protocol', () => {
    expect(Object.keys(actionSchemas).sort()).toEqual([...ACTION_NAMES].sort());
  });

  it('are published current in docs/schemas/actions.schema.json (run npm run gen:action-schema)', () => {
    expect(JSON.parse(readFileSync('docs/schemas/actions.schema.json', 'utf8'))).toEqual(JSON.parse(JSON.stringify(actionsSchema)));
  });

  it('accept a valid action and refuse bad ones with the field named', () => {
    expect(parseAction(JSON.stringify({ action: 'start-care', toewijzingNummer: 12, begindatum: '2025-03-03', date: '2025-03-04' }), 'aanbieder').action).toBe('start-care');
    // begindatum is optional (the SUT then takes the first declarable care, ALK-START-2); the toewijzing is not.
    expect(parseAction(JSON.stringify({ action: 'start-care', toewijzingNummer: 12 }), 'aanbieder').action).toBe('start-care');
    expect(() => parseAction(JSON.stringify({ action: 'start-care', begindatum: '2025-03-03' }), 'aanbieder')).toThrow(/toewijzingNummer/);
    expect(() => parseAction(JSON.stringify({ action: 'start-care', toewijzingNummer: 12, begindatum: '3-3-2025' }), 'aanbieder')).toThrow(/begindatum/);
    expect(() => parseAction(JSON.stringify({ action: 'allocate', client: {}, products: [] }), 'aanbieder')).toThrow(/not for a aanbieder/);
    expect(() => parseAction('{not json', 'gemeente')).toThrow(/not JSON/);
    expect(() => parseAction(JSON.stringify({ action: 'dance' }), 'gemeente')).toThrow(/Unknown action 'dance'/);
  });
});
