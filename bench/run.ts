/**
 * npm run bench [-- --sizes 1000,10000,100000]
 * JW323 declarations of N prestaties: build, read (structure), in-message rules, the JW325
 * answer, throughput and peak memory; native libxml2 (`xmllint --stream --schema`) on the same
 * file side by side when xmllint and the official XSDs are available (IJW_XSD_DIR or
 * ../shared/reference/xsd).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { tmpdir } from 'node:os';
import { buildLargeJw323 } from '../generators/large-declaration.ts';
import { jw323 } from '../ijw/messages/jw323.ts';
import { validateModel } from '../ijw/validate.ts';
import { build325 } from '../ijw/retour/index.ts';
import { jw325 } from '../ijw/messages/jw325.ts';

const sizes = (process.argv.find((a) => a.startsWith('--sizes='))?.slice(8) ?? process.argv[process.argv.indexOf('--sizes') + 1] ?? '1000,10000,100000')
  .split(',').map(Number).filter((n) => n > 0);
const xsdDir = process.env.IJW_XSD_DIR ?? resolve('../shared/reference/xsd');
const hasXmllint = (() => { try { execFileSync('xmllint', ['--version'], { stdio: 'ignore' }); return true; } catch { return false; } })();
const dir = mkdtempSync(join(tmpdir(), 'ijw-bench-'));

function time<T>(f: () => T): [T, number] {
  const t0 = performance.now();
  const r = f();
  return [r, (performance.now() - t0) / 1000];
}

console.log(`node ${process.version}; xmllint ${hasXmllint ? 'present' : 'absent (apt-get install libxml2-utils)'}; XSDs ${existsSync(join(xsdDir, 'jw323.xsd')) ? xsdDir : 'absent'}`);
console.log('prestaties |   MB | build s | read s | rules s | answer s | validate+answer s | prestaties/s | native xsd s | ratio | peak RSS MB');
for (const n of sizes) {
  const [xml, build] = time(() => buildLargeJw323(n, 42));
  const file = join(dir, `jw323-${n}.xml`);
  writeFileSync(file, xml);
  const [read, readS] = time(() => jw323.read(xml));
  if (read.findings.length) throw new Error(`generated JW323 has findings: ${read.findings[0]!.text}`);
  const [rules, rulesS] = time(() => validateModel('JW323', read.model));
  if (rules.length) throw new Error(`generated JW323 breaks ${rules[0]!.rule}`);
  const [, answerS] = time(() => jw325.build(build325(read.model!, [], { identificatie: 'BENCH1', dagtekening: read.model!.Header.BerichtIdentificatie.Dagtekening })));
  let native = NaN;
  if (hasXmllint && existsSync(join(xsdDir, 'jw323.xsd'))) {
    [, native] = time(() => execFileSync('xmllint', ['--noout', '--stream', '--schema', join(xsdDir, 'jw323.xsd'), file], { stdio: 'ignore' }));
  }
  const total = readS + rulesS + answerS;
  const rss = process.memoryUsage().rss / 2 ** 20;
  console.log(`${String(n).padStart(10)} | ${(xml.length / 2 ** 20).toFixed(1).padStart(4)} | ${build.toFixed(2).padStart(7)} | ${readS.toFixed(2).padStart(6)} | ${rulesS.toFixed(2).padStart(7)} | ${answerS.toFixed(2).padStart(8)} | ${total.toFixed(2).padStart(17)} | ${Math.round(n / total).toString().padStart(12)} | ${Number.isNaN(native) ? '         n/a' : native.toFixed(2).padStart(12)} | ${Number.isNaN(native) ? '  n/a' : (total / native).toFixed(1).padStart(5)} | ${rss.toFixed(0).padStart(11)}`);
}

// One ordinary message, in-process.
const small = buildLargeJw323(1, 1);
const reps = 200;
const [, smallS] = time(() => { for (let i = 0; i < reps; i++) validateModel('JW323', jw323.read(small).model); });
console.log(`one-client JW323 read + rules: ${((smallS / reps) * 1000).toFixed(2)} ms`);
