/**
 * One measurement in a fresh process, so peak memory belongs to this size alone:
 * `tsx bench/measure-declaration.ts FILE` prints a JSON line with the read, rules and answer
 * times, the number of rejected lines in the JW325, and the peak RSS.
 */
import { readFileSync } from 'node:fs';
import { jw323 } from '../ijw/messages/jw323.ts';
import { jw325 } from '../ijw/messages/jw325.ts';
import { validateModel } from '../ijw/validate.ts';
import { gemeenteFor } from './declaration-gemeente.ts';

const file = process.argv[2];
if (!file) throw new Error('usage: measure-declaration.ts FILE');
const xml = readFileSync(file, 'utf8');
const seconds = (t0: number) => (performance.now() - t0) / 1000;

let t0 = performance.now();
const read = jw323.read(xml);
const readS = seconds(t0);
if (read.findings.length) throw new Error(`the JW323 has findings: ${read.findings[0]!.text}`);
t0 = performance.now();
const rules = validateModel('JW323', read.model);
const rulesS = seconds(t0);
if (rules.length) throw new Error(`the JW323 breaks ${rules[0]!.rule}: ${rules[0]!.text}`);

// The whole receive as a municipality does it: read, rules, judge every line, build the JW325.
const g = gemeenteFor(read.model!);
t0 = performance.now();
const answer = await g.receive(xml);
const receiveS = seconds(t0);
if (answer.status !== 200 || !answer.body) throw new Error(`no JW325: HTTP ${answer.status} ${JSON.stringify(answer.body ?? '').slice(0, 300)}`);
const jw = jw325.parse(answer.body);
const rejected = (jw.DeclaratieAntwoord?.Clienten?.Client ?? []).reduce((n, c) => n + c.Prestaties.Prestatie.length, 0);
console.log(JSON.stringify({ readS, rulesS, receiveS, rejected, answerBytes: answer.body.length, peakRssMB: process.resourceUsage().maxRSS / 1024 }));
