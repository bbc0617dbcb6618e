/**
 * Every message type, from many generated models: build → valid under the official XSDs (the
 * oracle, libxml2) → parse → deep-equals the model; and no in-message findings once
 * ijw/validate.ts exists. fast-check prints the seed and path of any failure.
 */
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { spawnSync } from 'node:child_process';
import { MESSAGE_CODES, type MessageCode } from '../ijw/messages/codes.ts';
import { messages } from '../ijw/messages/registry.ts';
import type { MessageDefinition } from '../ijw/messages/define.ts';
import { loadOfficialXsd } from '../ijw/xsd/official-xsd.ts';
import { arbMessage, arbAnyMessage, arbFromSchema, arbJw305, arbJw323 } from './arbitraries/index.ts';
import { assertXsdValid } from '../test/helpers/xsd-oracle.ts';
import { buildLargeJw323 } from './large-declaration.ts';
import { jw323 } from '../ijw/messages/jw323.ts';

const XSD_DIR = resolve(import.meta.dirname, '../../shared/reference/xsd');
const xsd = loadOfficialXsd(XSD_DIR);
const RUNS = 30;
const def = (code: MessageCode) => messages[code] as MessageDefinition<unknown>;

type Validate = (xml: string, opts?: object) => { findings: { rule: string; path: string; text: string }[] } | Promise<{ findings: { rule: string; path: string; text: string }[] }>;
const validatePath = resolve(import.meta.dirname, '../ijw/validate.ts');
const validateMessage: Validate | undefined = existsSync(validatePath) ? ((await import(validatePath)) as { validateMessage?: Validate }).validateMessage : undefined;

describe.each(MESSAGE_CODES)('%s arbitrary', (code) => {
  it('builds XML the official XSD accepts, and parses back to the same model', async () => {
    await assertXsdValid(xsd, code, arbMessage(code), (m) => def(code).build(m), (m, xml) => expect(def(code).parse(xml)).toEqual(m), RUNS);
  });

  it.skipIf(!validateMessage)('gives messages without findings under the in-message rules', async () => {
    await fc.assert(
      fc.asyncProperty(arbMessage(code), async (model) => {
        const r = await validateMessage!(def(code).build(model));
        expect(r.findings.map((f) => `${f.rule} ${f.path}: ${f.text}`)).toEqual([]);
      }),
      { numRuns: RUNS },
    );
  });

  it('gives the same value for the same seed', () => {
    const a = fc.sample(arbMessage(code), { seed: 1234, numRuns: 3 });
    const b = fc.sample(arbMessage(code), { seed: 1234, numRuns: 3 });
    expect(b).toEqual(a);
  });

  it('the bare schema arbitrary is XSD-valid by construction', async () => {
    await assertXsdValid(xsd, code, arbFromSchema(def(code).root, { maxOccurs: 2 }), (m) => def(code).build(m), (m, xml) => expect(def(code).parse(xml)).toEqual(m), 10);
  });
});

describe('arbitraries', () => {
  it('arbAnyMessage tags each model with its code', () => {
    for (const { code, model } of fc.sample(arbAnyMessage(), { seed: 9, numRuns: 20 })) {
      expect((model.Header as { BerichtCode: string }).BerichtCode).toBe(def(code).berichtCode);
    }
  });

  it('JW323 totals follow TR358 and amounts follow TR346/CS339/CS325', () => {
    fc.assert(
      fc.property(arbJw323({ maxItems: 4 }), (m) => {
        let sum = 0;
        for (const c of m.Declaratie.Clienten.Client) {
          for (const p of c.Prestaties.Prestatie) {
            const b = p.IngediendBedrag;
            expect(b.Bedrag).toBe(p.Eenheid === '83' ? p.GeleverdVolume : p.GeleverdVolume * p.ProductTarief!);
            if (b.Bedrag === 0) expect(b.DebetCredit).toBe('D');
            expect(p.ProductReferentie.VorigReferentieNummer !== undefined).toBe(b.DebetCredit === 'C');
            expect(p.ProductPeriode.Begindatum.slice(0, 7)).toBe(p.ProductPeriode.Einddatum.slice(0, 7));
            sum += b.DebetCredit === 'D' ? b.Bedrag : -b.Bedrag;
          }
        }
        const t = m.Declaratie.TotaalIngediendBedrag;
        expect(t.DebetCredit === 'C' ? -t.TotaalBedrag : t.TotaalBedrag).toBe(sum);
      }),
      { numRuns: 50 },
    );
  });

  it('refuses bad constraints at once, naming the arbitrary and the value', () => {
    expect(() => arbJw305({ gemeente: '12' })).toThrow(/arbJw305: constraints.gemeente .* got "12"/);
    expect(() => arbJw305({ aanbieder: 'abc' })).toThrow(/arbJw305: constraints.aanbieder/);
    expect(() => arbJw305({ dagtekening: { min: '2024-02-30', max: '2024-03-01' } })).toThrow(/arbJw305: constraints.dagtekening/);
    expect(() => arbJw305({ maxItems: 0 })).toThrow(/arbJw305: constraints.maxItems .* got 0/);
    expect(() => arbJw305({ colour: 'red' } as never)).toThrow(/arbJw305: unknown constraint 'colour'/);
    expect(() => arbMessage('JW999' as MessageCode)).toThrow(/arbMessage: unknown message code "JW999"/);
  });

  it('honours the constraints it is given', () => {
    for (const m of fc.sample(arbJw305({ gemeente: '0361', aanbieder: '98123456', dagtekening: { min: '2024-05-01', max: '2024-05-31' } }), { seed: 3, numRuns: 10 })) {
      expect(m.Header.Ontvanger).toBe('0361');
      expect(m.Header.Afzender).toBe('98123456');
      expect(m.Header.BerichtIdentificatie.Dagtekening.slice(0, 7)).toBe('2024-05');
    }
  });
});

describe('buildLargeJw323', () => {
  it('builds a valid declaration with the asked number of prestaties, the same for the same seed', async () => {
    const xml = buildLargeJw323(500, 7);
    expect(buildLargeJw323(500, 7)).toBe(xml);
    expect(await xsd.validate(xml, 'JW323')).toEqual([]);
    const m = jw323.parse(xml);
    expect(m.Declaratie.Clienten.Client.flatMap((c) => c.Prestaties.Prestatie)).toHaveLength(500);
    expect(m.Declaratie.Clienten.Client.length).toBeGreaterThan(100);
  });
});

describe('generate command', () => {
  const cli = resolve(import.meta.dirname, '../cli/generate.ts');
  // As `npm run generate` runs it: the pinned Node with its own type stripping.
  const run = (...args: string[]) => spawnSync(resolve(import.meta.dirname, '../node_modules/.bin/node'), ['--import', './cli/compile-cache.mjs', cli, ...args], { encoding: 'utf8', cwd: resolve(import.meta.dirname, '..') });

  it('writes valid messages, and the same seed writes the same bytes', async () => {
    const a = mkdtempSync(join(tmpdir(), 'ijw-gen-'));
    const b = mkdtempSync(join(tmpdir(), 'ijw-gen-'));
    try {
      const r = run('--message', 'jw305', '--count', '3', '--seed', '77', '--out', a);
      expect(r.status, r.stderr).toBe(0);
      expect(r.stdout).toMatch(/seed 77/);
      expect(r.stdout).toMatch(/replay: npm run generate -- --message jw305 --count 3 --seed 77/);
      expect(readdirSync(a).sort()).toEqual(['jw305-0001.xml', 'jw305-0002.xml', 'jw305-0003.xml']);
      expect(await xsd.validateAll(readdirSync(a).map((f) => readFileSync(join(a, f), 'utf8')), 'JW305')).toEqual([[], [], []]);
      expect(run('--message', 'jw305', '--count', '3', '--seed', '77', '--out', b).status).toBe(0);
      for (const f of readdirSync(a)) expect(readFileSync(join(b, f))).toEqual(readFileSync(join(a, f)));
    } finally {
      rmSync(a, { recursive: true, force: true });
      rmSync(b, { recursive: true, force: true });
    }
  });

  it('exits 2 on an unknown message, listing the valid ones, and on a missing --out', () => {
    const r = run('--message', 'jw999', '--out', tmpdir());
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/unknown message 'jw999'.*jw305.*jw325/);
    const m = run('--message', 'jw305');
    expect(m.status).toBe(2);
    expect(m.stderr).toMatch(/--out/);
  });
});
