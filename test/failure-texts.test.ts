/**
 * Failures point the right way (issue 10, point 9): when a SUT's message is rejected for
 * something other than the rule under test, the failure names the rule actually broken, the
 * message, the element path and the retourcode or XSD text first, lists the scenario's own
 * rule as affected, and says when the step that failed sets the scenario up. The texts of
 * three recorded runs are compared with test/golden/failure-texts.txt
 * (regenerate: IJW_UPDATE_GOLDEN=1 npx vitest run test/failure-texts.test.ts).
 */
import { afterAll, describe, expect, it } from 'vitest';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './helpers/run-cli.ts';
import { conformanceInProcess } from './helpers/conformance.ts';
import { startContractSut, type ContractVariant, type StartedContractSut } from './stand-in/contract-sut.ts';

const GOLDEN = join(ROOT, 'test', 'golden', 'failure-texts.txt');
const started: StartedContractSut[] = [];
afterAll(async () => {
  await Promise.all(started.map((s) => s.close()));
});

/** Identifications and timings differ per run; everything else must not. */
export function normalise(text: string): string {
  return text
    .replace(/\b[AG]\d{11}\b/g, '<id>')
    .replace(/\b\d+ ms\b/g, '<n> ms');
}

const RUNS: { title: string; variant: ContractVariant; role: 'gemeente' | 'aanbieder'; tags: string }[] = [
  { title: 'a provider whose contract tariff differs (TR418, 0611)', variant: 'wrong-tariff', role: 'aanbieder', tags: '@rule:ALK-D1' },
  { title: 'a municipality whose JW301 lacks the ReferentieAanbieder (TR379)', variant: '301-without-referentie', role: 'gemeente', tags: '@rule:IJW-VOT-1' },
  { title: 'a municipality whose JW301 breaks the XSD', variant: '301-breaks-xsd', role: 'gemeente', tags: '@rule:IJW-INTREK-1' },
  { title: 'a municipality whose JW301 has no address (TR006), rejected while the scenario is set up', variant: '301-without-address', role: 'gemeente', tags: '@rule:IJW-DECL-1 and @smoke' },
];

async function failureTexts(run: (typeof RUNS)[number]): Promise<string> {
  const sut = await startContractSut({ role: run.role, delayMs: 0, variant: run.variant });
  started.push(sut);
  const { verdict: v } = await conformanceInProcess({ regions: ['alkmaar'], role: run.role, sut: sut.url, tags: run.tags, answerTimeoutMs: 1000 });
  const failed = v.outcomes.filter((o) => o.outcome !== 'pass').sort((a, b) => a.name.localeCompare(b.name));
  return [`## ${run.title} (${run.variant}, --tags ${run.tags})`, ...failed.map((o) => `### ${o.name} [${o.outcome}]\n${normalise(o.message ?? '')}`)].join('\n\n');
}

describe('failure texts', () => {
  it('name the rule actually broken first, the scenario\'s rule as affected, and a failed setup as setup', { timeout: 300_000 }, async () => {
    const texts = [];
    for (const run of RUNS) texts.push(await failureTexts(run));
    const actual = `${texts.join('\n\n')}\n`;
    if (process.env.IJW_UPDATE_GOLDEN || !existsSync(GOLDEN)) writeFileSync(GOLDEN, actual);
    expect(actual).toBe(readFileSync(GOLDEN, 'utf8'));
    // What the golden file holds, in words (so a regenerated file cannot hide a regression):
    expect(actual).toMatch(/^\[TR418 · 0611\] JW323 <id> \/Bericht\/Declaratie\/Clienten\/Client\[1\]\/Prestaties\/Prestatie\[1\]: /m);
    expect(actual).toMatch(/^\s+affects: ALK-D1: /m);
    expect(actual).toMatch(/^\[TR379\] JW301 <id> .*ReferentieAanbieder: A JW301 was sent/m);
    expect(actual).toMatch(/^\[XSD\] JW301 <id> \/Bericht\/Client\/ToegewezenProducten\/ToegewezenProduct\[1\]\/Ingangsdatum: .*Ingangsdatum is missing/m);
    expect(actual).toMatch(/^Setup failed \(Given toewijzing "T1" /m);
    // Issue 16: a set-up step that failed on a retour names that retour's rule and retourcode, not the scenario's rule.
    expect(actual).toMatch(/^\[TR006 · 0001\] JW301 <id> \/Bericht\/Client\/Contactgegevens\/Contact\[1\]: /m);
    expect(actual).toMatch(/^\s+affects: IJW-DECL-1: toewijzing "T1" could not be set up: the harness's aanbieder rejected the municipality's JW301 with 0001 \(TR006\)/m);
    expect(actual).not.toMatch(/does not hold the allocated product/);
  });
});
