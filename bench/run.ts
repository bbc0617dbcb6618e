/**
 * npm run bench [-- --sizes 1000,10000,100000] [--no-xsd] [--no-conformance] [--no-server]
 *
 * 1. JW323 declarations of N prestaties: build, read (structure and datatypes), in-message
 *    rules, and the whole receive of a municipality (read, rules, judging every line, the
 *    JW325); throughput and peak memory, each size measured in a fresh process. Native libxml2
 *    (`xmllint --noout --schema`, and `--stream`) on the same file side by side, and the
 *    official XSDs through xmllint-wasm, when available.
 * 2. One ordinary message (one client), validated in-process.
 * 3. Wall time of `npm run conformance -- --region all` on the embedded reference parties.
 * 4. The simulator server under the load test's flow: throughput, p50/p99 latency, memory
 *    (bench/server.ts, in its own process; with and without the journal).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { tmpdir } from 'node:os';
import { buildLargeJw323 } from '../generators/large-declaration.ts';
import { validateMessage } from '../ijw/validate.ts';

const arg = (name: string) => {
  const eq = process.argv.find((a) => a.startsWith(`${name}=`));
  if (eq) return eq.slice(name.length + 1);
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : undefined;
};
const flag = (name: string) => process.argv.includes(name);
const sizes = (arg('--sizes') ?? '1000,10000,100000').split(',').map(Number).filter((n) => Number.isInteger(n) && n > 0);
if (sizes.length === 0) {
  console.error('bench: --sizes takes a comma-separated list of positive integers, e.g. --sizes 1000,10000');
  process.exit(2);
}
const xsdDir = resolve(process.env.IJW_XSD_DIR ?? '../shared/reference/xsd');
const haveXsd = existsSync(join(xsdDir, 'jw323.xsd'));
const haveXmllint = (() => {
  try {
    execFileSync('xmllint', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();
// The commands as their npm scripts (and bin/ijw) run them: the pinned Node with its own type
// stripping and compile cache, the young generation bounded (package.json; bench/README.md says why).
const node = [resolve('node_modules/.bin/node'), '--max-semi-space-size=16', '--import', './cli/compile-cache.mjs'] as const;
const dir = mkdtempSync(join(tmpdir(), 'ijw-bench-'));

function time<T>(f: () => T): [T, number] {
  const t0 = performance.now();
  const r = f();
  return [r, (performance.now() - t0) / 1000];
}

const pad = (s: string | number, n: number) => String(s).padStart(n);
const sec = (s: number) => (Number.isNaN(s) ? 'n/a' : s.toFixed(2));

/** GNU time, for the processor seconds of a child (`%U %S` on stderr), when installed. */
const gnuTime = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;

/**
 * Native libxml2 on the file, best of two runs (the first warms the page cache): wall seconds,
 * and processor seconds when GNU time is there (on a loaded machine wall time says more about
 * the other processes than about either program; processor time much less).
 */
function native(file: string, stream: boolean): { wall: number; cpu: number } {
  if (!haveXmllint || !haveXsd) return { wall: NaN, cpu: NaN };
  const args = ['--noout', ...(stream ? ['--stream'] : []), '--schema', join(xsdDir, 'jw323.xsd'), file];
  const runs = [0, 1].map(() => {
    const [r, wall] = time(() => (gnuTime ? spawnSync(gnuTime, ['-f', '%U %S', 'xmllint', ...args], { encoding: 'utf8' }) : spawnSync('xmllint', args, { stdio: 'ignore' })));
    const [u, s] = (gnuTime ? String(r.stderr).trim().split('\n').at(-1)!.split(' ').map(Number) : [NaN, NaN]) as [number, number];
    return { wall, cpu: u + s };
  });
  return { wall: Math.min(...runs.map((r) => r.wall)), cpu: Math.min(...runs.map((r) => r.cpu)) };
}

interface Measured {
  readS: number;
  rulesS: number;
  receiveS: number;
  readCpuS: number;
  rulesCpuS: number;
  receiveCpuS: number;
  rejected: number;
  peakRssMB: number;
  xsdWasmS?: number;
}

function measure(file: string, withXsd: boolean): Measured {
  const r = spawnSync(node[0], [...node.slice(1), '--expose-gc', 'bench/measure-declaration.ts', file, ...(withXsd ? ['--xsd', xsdDir] : [])], { encoding: 'utf8', maxBuffer: 16 * 2 ** 20 });
  if (r.status !== 0) throw new Error(`measuring ${file} failed:\n${r.stderr}`);
  return JSON.parse(r.stdout.trim().split('\n').at(-1)!) as Measured;
}

/**
 * The validate command and xmllint --schema as whole processes, in turn (pairs keep the ratio
 * fair when the machine's speed drifts): medians of the per-pair ratios. Needs GNU time.
 */
function wholeCommand(file: string, pairs: number) {
  if (!haveXmllint || !haveXsd || !gnuTime) return undefined;
  const run = (args: string[]) => {
    const [r, wall] = time(() => spawnSync(gnuTime, ['-f', '%U %S %M', ...args], { encoding: 'utf8', maxBuffer: 64 * 2 ** 20 }));
    const [u, s, kb] = String(r.stderr).trim().split('\n').at(-1)!.split(' ').map(Number) as [number, number, number];
    return { wall, cpu: u + s, peakMiB: kb / 1024 };
  };
  const median = (xs: number[]) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)]!;
  const ours: ReturnType<typeof run>[] = [];
  const theirs: ReturnType<typeof run>[] = [];
  for (let i = 0; i < pairs; i++) {
    ours.push(run([...node, 'cli/validate.ts', file]));
    theirs.push(run(['xmllint', '--noout', '--schema', join(xsdDir, 'jw323.xsd'), file]));
  }
  return {
    wall: median(ours.map((o) => o.wall)),
    nativeWall: median(theirs.map((o) => o.wall)),
    wallRatio: median(ours.map((o, i) => o.wall / theirs[i]!.wall)),
    cpuRatio: median(ours.map((o, i) => o.cpu / theirs[i]!.cpu)),
    peakMiB: median(ours.map((o) => o.peakMiB)),
    nativePeakMiB: median(theirs.map((o) => o.peakMiB)),
  };
}

console.log(`node ${process.version}; xmllint ${haveXmllint ? 'present' : 'absent (apt-get install libxml2-utils)'}; official XSDs ${haveXsd ? xsdDir : 'absent (set IJW_XSD_DIR)'}`);
console.log('\nJW323 declarations (validate = read + rules; receive = read, rules, judge every line, build the JW325)');
console.log('prestaties |   MB | build s | read s | rules s | validate s | prestaties/s | receive s | rejected | xmllint s | --stream s | validate/native | receive/native | cpu: validate/native | cpu: receive/native | peak RSS MB | xmllint-wasm s');
const rows: { n: number; validate: number }[] = [];
try {
  for (const n of sizes) {
    const [xml, buildS] = time(() => buildLargeJw323(n, 42));
    const file = join(dir, `jw323-${n}.xml`);
    writeFileSync(file, xml);
    const mb = Buffer.byteLength(xml) / 2 ** 20;
    const m = measure(file, haveXsd && !flag('--no-xsd') && n <= 10_000);
    const full = native(file, false);
    const stream = native(file, true);
    const [nativeS, streamS] = [full.wall, stream.wall];
    const validate = m.readS + m.rulesS;
    // The reference point is the faster of the two native modes.
    const ref = Math.min(nativeS, streamS);
    const refCpu = Math.min(full.cpu, stream.cpu);
    // A native time below the clock's resolution (0.00 s) gives no ratio worth printing.
    const ratio = (a: number, b: number) => (Number.isNaN(b) || b <= 0 ? 'n/a' : `${(a / b).toFixed(1)}×`);
    rows.push({ n, validate });
    console.log(
      [
        pad(n, 10), pad(mb.toFixed(1), 4), pad(sec(buildS), 7), pad(sec(m.readS), 6), pad(sec(m.rulesS), 7), pad(sec(validate), 10), pad(Math.round(n / validate), 12),
        pad(sec(m.receiveS), 9), pad(m.rejected, 8), pad(sec(nativeS), 9), pad(sec(streamS), 10),
        pad(ratio(validate, ref), 15), pad(ratio(m.receiveS, ref), 14),
        pad(ratio(m.readCpuS + m.rulesCpuS, refCpu), 20), pad(ratio(m.receiveCpuS, refCpu), 19),
        pad(m.peakRssMB.toFixed(0), 11), pad(m.xsdWasmS === undefined ? 'n/a' : sec(m.xsdWasmS), 14),
      ].join(' | '),
    );
  }
  if (rows.length > 1) {
    const [a, b] = [rows.at(-2)!, rows.at(-1)!];
    console.log(`cost per size: ${b.n / a.n}× the prestaties took ${(b.validate / a.validate).toFixed(1)}× the validate time`);
  }
  // The validate command as a whole process (start-up included) against xmllint, on the largest size.
  const largest = sizes.at(-1)!;
  const file = join(dir, `jw323-${largest}.xml`);
  const cmd = wholeCommand(file, 3);
  if (cmd) {
    console.log(
      `validate command (bin/ijw validate, what the npm script runs without npm's own start), ${largest} prestaties, against xmllint --schema in turn, median of 3 pairs: ` +
        `${sec(cmd.wall)} s against ${sec(cmd.nativeWall)} s wall (${cmd.wallRatio.toFixed(2)}×), processor ${cmd.cpuRatio.toFixed(2)}×, peak ${cmd.peakMiB.toFixed(0)} MiB against ${cmd.nativePeakMiB.toFixed(0)} MiB`,
    );
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}

// One ordinary message, in-process and warm.
const small = buildLargeJw323(1, 1);
const reps = 500;
for (let i = 0; i < 50; i++) await validateMessage(small);
const t0 = performance.now();
for (let i = 0; i < reps; i++) await validateMessage(small);
console.log(`\none-client JW323, validateMessage (read + rules): ${((performance.now() - t0) / reps).toFixed(2)} ms`);

if (!flag('--no-conformance')) {
  const out = mkdtempSync(join(tmpdir(), 'ijw-bench-conformance-'));
  try {
    const [r, s] = time(() => spawnSync(node[0], [...node.slice(1), 'cli/conformance.ts', '--region', 'all', '--out', out], { encoding: 'utf8', maxBuffer: 64 * 2 ** 20 }));
    const scenarios = /(\d+) scenarios/g;
    const total = [...(r.stdout ?? '').matchAll(scenarios)].reduce((t, x) => t + Number(x[1]), 0);
    console.log(`npm run conformance -- --region all: ${s.toFixed(1)} s wall, ${total} scenarios, exit ${r.status}`);
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

// The server in a process of its own too: this one holds the large declarations' garbage.
if (!flag('--no-server')) {
  for (const extra of [[], ['--journal']]) {
    const r = spawnSync(node[0], [...node.slice(1), 'bench/server.ts', ...extra], { encoding: 'utf8' });
    console.log(r.status === 0 ? r.stdout.trim() : `simulator server${extra.length ? ' (journal)' : ''}: failed\n${r.stderr}`);
  }
}
