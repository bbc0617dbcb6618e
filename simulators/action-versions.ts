/**
 * Which version of the adapter protocol introduced each action and each field added after 1.0
 * (docs/ADAPTER-PROTOCOL.md, Changelog). A failure for an action the SUT does not take names the
 * version, and test/action-schema.test.ts holds every action and field to the changelog entry of
 * its version.
 */
import type { ActionName } from './actions.ts';

/** The version docs/ADAPTER-PROTOCOL.md describes and docs/schemas/actions.schema.json carries. */
export const CONTRACT_VERSION = '1.2';

export type ContractVersion = '1.0' | '1.1' | '1.2';

/** Actions added after 1.0; every other action is in 1.0. */
const ACTIONS_ADDED: Partial<Record<ActionName, ContractVersion>> = {
  'end-run': '1.1',
  'request-continuation': '1.1',
  'change-agb': '1.1',
  'change-product': '1.1',
  'record-residence': '1.1',
  'register-location': '1.1',
};

/**
 * Fields added to an action after the action itself, as `action field.path` (a field of an array's
 * items is written without the brackets: `products.locatiecode`). Every other field came with its action.
 */
export const FIELDS_ADDED: Readonly<Record<string, ContractVersion>> = {
  'request-allocation products.locatiecode': '1.1',
  'request-allocation verwijzer.organisatie': '1.1',
  'request-allocation intakedatum': '1.1',
  'request-allocation problematiek': '1.1',
  'request-allocation hoofdaannemer': '1.1',
  'request-change added.locatiecode': '1.1',
  'allocate products.locatiecode': '1.1',
  'start-care lagereFrequentie': '1.1',
  'record-care absence': '1.1',
  'record-care intake': '1.1',
  'allocate client.adres': '1.2',
  'allocate client.telefoon': '1.2',
};

export function actionSince(name: string): ContractVersion {
  return ACTIONS_ADDED[name as ActionName] ?? '1.0';
}

/** The version of a field (`action field.path`): its own, else that of the nearest field it is part of, else its action's. */
export function fieldSince(action: string, path: string): ContractVersion {
  for (let p = path; p; p = p.includes('.') ? p.slice(0, p.lastIndexOf('.')) : '') {
    const v = FIELDS_ADDED[`${action} ${p}`];
    if (v) return v;
  }
  return actionSince(action);
}
