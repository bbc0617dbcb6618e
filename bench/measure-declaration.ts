/**
 * One measurement in a fresh process, so peak memory belongs to this size alone:
 * `node --expose-gc bench/measure-declaration.ts FILE [--xsd DIR]` prints a JSON line with the read, rules
 * and receive times (wall and processor seconds), the number of rejected lines in the JW325, the peak RSS, and with --xsd
 * the time of the official XSDs through xmllint-wasm (after the peak RSS is taken).
 */
import { readFileSync } from 'node:fs';
import { jw323 } from '../ijw/messages/jw323.ts';
import { jw325 } from '../ijw/messages/jw325.ts';
import { validateModel } from '../ijw/validate.ts';
import { gemeenteFor } from './declaration-gemeente.ts';
import { loadOfficialXsd } from '../ijw/xsd/official-xsd.ts';
import { buildLargeJw323 } from '../generators/large-declaration.ts';

const file = process.argv[2];
if (!file) throw new Error('usage: measure-declaration.ts FILE');
const xml = readFileSync(file, 'utf8');
const seconds = (t0: number) => (performance.now() - t0) / 1000;
/** Processor seconds of this process so far (all its threads: the garbage collector's too). */
const cpu = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
};

// Warm up on a small declaration above the scanner threshold: the figures are those of a
// running receiver, not of the JIT compiling the reader. Each phase runs in a function of its
// own: a model left in the top-level code's registers would stay alive through the receive.
async function warmUp(): Promise<void> {
  const warm = buildLargeJw323(2_500, 7);
  for (let i = 0; i < 3; i++) {
    const r = jw323.read(warm);
    validateModel('JW323', r.model);
    await gemeenteFor(r.model!).receive(warm);
  }
}
await warmUp();

/**
 * Read and rules, timed; the municipality's books are made from this read. The receive reads
 * the text again, so this model is let go when the function returns: the peak is that of a
 * municipality holding its books and one declaration.
 */
function readAndRules() {
  let c0 = cpu();
  let t0 = performance.now();
  const read = jw323.read(xml);
  const readS = seconds(t0);
  const readCpuS = cpu() - c0;
  if (read.findings.length) throw new Error(`the JW323 has findings: ${read.findings[0]!.text}`);
  c0 = cpu();
  t0 = performance.now();
  const rules = validateModel('JW323', read.model);
  const rulesS = seconds(t0);
  const rulesCpuS = cpu() - c0;
  if (rules.length) throw new Error(`the JW323 breaks ${rules[0]!.rule}: ${rules[0]!.text}`);
  return { readS, readCpuS, rulesS, rulesCpuS, g: gemeenteFor(read.model!) };
}
const { readS, readCpuS, rulesS, rulesCpuS, g } = readAndRules();
// A municipality's books exist before a declaration comes; the bench made them just now from
// its own read. With --expose-gc (as bench/run.ts starts this) that read's garbage is collected
// here, so the peak is the receive's and not the bench's set-up. The receive itself is not helped.
(globalThis as { gc?: () => void }).gc?.();

// The whole receive as a municipality does it: read, rules, judge every line, build the JW325.
let c0 = cpu();
let t0 = performance.now();
const answer = await g.receive(xml);
const receiveS = seconds(t0);
const receiveCpuS = cpu() - c0;
if (answer.status !== 200 || !answer.body) throw new Error(`no JW325: HTTP ${answer.status} ${JSON.stringify(answer.body ?? '').slice(0, 300)}`);
const jw = jw325.parse(answer.body);
const rejected = (jw.DeclaratieAntwoord?.Clienten?.Client ?? []).reduce((n, c) => n + c.Prestaties.Prestatie.length, 0);
const peakRssMB = process.resourceUsage().maxRSS / 1024;
let xsdWasmS: number | undefined;
const xsdAt = process.argv.indexOf('--xsd');
if (xsdAt > 0) {
  const xsd = loadOfficialXsd(process.argv[xsdAt + 1]!);
  t0 = performance.now();
  const errors = await xsd.validate(xml, 'JW323');
  xsdWasmS = seconds(t0);
  if (errors.length) throw new Error(`the official XSD rejects the JW323: ${errors[0]!.text}`);
}
console.log(JSON.stringify({ readS, rulesS, receiveS, readCpuS, rulesCpuS, receiveCpuS, rejected, answerBytes: answer.body.length, peakRssMB, xsdWasmS }));
