/**
 * One libxml2 run over many documents gives each document exactly the findings it gets alone:
 * the batch is what the property tests use as their oracle, so it must not blur documents.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { loadOfficialXsd } from './official-xsd.ts';

const xsd = loadOfficialXsd(resolve(import.meta.dirname, '../../../shared/reference/xsd'));
const fixture = (f: string) => readFileSync(resolve(import.meta.dirname, '../../test/fixtures/messages', f), 'utf8');

describe('validateAll', () => {
  it('gives each document the findings it gets alone, in order', async () => {
    const valid = fixture('jw305-valid.xml');
    const docs = [valid, fixture('jw305-invalid-xsd.xml'), valid, fixture('malformed.xml'), valid.replace('<jw305:Afzender>12345678', '<jw305:Afzender>1234567x'), valid];
    const alone = await Promise.all(docs.map((d) => xsd.validate(d, 'JW305')));
    const batch = await xsd.validateAll(docs, 'JW305');
    expect(batch).toEqual(alone);
    expect(batch.map((f) => f.length > 0)).toEqual([false, true, false, true, true, false]);
  });

  it('takes no documents', async () => {
    expect(await xsd.validateAll([], 'JW305')).toEqual([]);
  });
});
