import { describe, expect, it } from 'vitest';
import { catalogue, citation } from './catalogue.ts';

describe('citations name the protocol', () => {
  it('name the protocol and section, not the seed file', () => {
    expect(citation({ source: '004 §2.4.2 lid 2' })).toBe('SAP Regio Alkmaar §2.4.2 lid 2');
    expect(citation({ source: '004 §2.4.2 lid 2; 001 "307 kan alleen…"; 000' })).toBe('SAP Regio Alkmaar §2.4.2 lid 2; Factsheet berichtenverkeer Jeugdhulp Rijnmond "307 kan alleen…"; Backofficevragen Gemeente Utrecht');
  });

  it('every rule of the catalogue gets a named source', () => {
    for (const r of catalogue) expect(citation(r), r.id).not.toMatch(/(^|;\s*)\d{3}\b|\.txt/);
  });
});
