import { describe, expect, it } from 'vitest';
import { protocolSource } from './protocol-names.ts';
import { catalogue } from '../regions/catalogue.ts';

describe('protocol names in the report', () => {
  it('name the protocol and section, not the seed file', () => {
    expect(protocolSource('004 §2.4.2 lid 2')).toBe('SAP Regio Alkmaar §2.4.2 lid 2');
    expect(protocolSource('004 §2.4.2 lid 2; 001 "307 kan alleen…"; 000')).toBe('SAP Regio Alkmaar §2.4.2 lid 2; Factsheet berichtenverkeer Jeugdhulp Rijnmond "307 kan alleen…"; Backofficevragen Gemeente Utrecht');
  });

  it('every rule of the catalogue gets a named source', () => {
    for (const r of catalogue) expect(protocolSource(r.source), r.id).not.toMatch(/(^|;\s*)\d{3}\b|\.txt/);
  });
});
