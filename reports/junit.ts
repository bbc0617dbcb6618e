/**
 * JUnit XML for CI gates: one testsuite per region and feature (`<region> › <feature>`), one
 * testcase per scenario; `<failure>` when the SUT broke a rule (message starts with the rule
 * id), `<error>` when the harness or transport failed, `<skipped/>` for skip and omit.
 * Built with xmlbuilder2, so escaping is the library's job.
 *
 * @example
 *   writeFileSync(join(runDir, 'junit.xml'), renderJunit(model));
 */
import { create } from 'xmlbuilder2';
type XMLBuilder = ReturnType<typeof create>;
import type { ReportModel, ScenarioReport } from './model.ts';
import { VERDICT_TEXT } from './verdict.ts';

// XML 1.0 forbids most control characters; error messages may carry them (ANSI escapes).
// eslint-disable-next-line no-control-regex
const NOT_XML = /[^\u0009\u000A\u000D\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;
const clean = (s: string) => s.replace(NOT_XML, '');
const secs = (ms: number) => (Math.max(ms, 0) / 1000).toFixed(3);

/** Renders the run as a JUnit XML document (UTF-8, pretty-printed). */
export function renderJunit(model: ReportModel): string {
  const suites = model.regions.flatMap((r) => r.features.map((f) => ({ region: r.region, feature: f.name, scenarios: f.scenarios })));
  const all = suites.flatMap((s) => s.scenarios);
  const root = create({ version: '1.0', encoding: 'UTF-8' }).ele('testsuites', {
    name: clean(`iJw ${model.run.ijwVersion} conformance ${model.run.runId}`),
    ...tally(all),
    timestamp: model.run.startedAt,
  });
  suites.forEach((s, i) => {
    const suite = root.ele('testsuite', {
      id: String(i),
      name: clean(`${s.region} › ${s.feature}`),
      ...tally(s.scenarios),
      timestamp: s.scenarios.find((x) => x.startedAt)?.startedAt ?? model.run.startedAt,
      hostname: 'ijw-conformance',
    });
    const props = suite.ele('properties');
    props.ele('property', { name: 'region', value: s.region });
    props.ele('property', { name: 'sut', value: clean(model.run.sutLabel) });
    props.ele('property', { name: 'harnessVersion', value: model.run.harnessVersion });
    props.ele('property', { name: 'verdict', value: VERDICT_TEXT[model.verdict] });
    for (const sc of s.scenarios) testcase(suite, s.feature, sc);
  });
  return root.end({ prettyPrint: true });
}

function tally(list: ScenarioReport[]): Record<string, string> {
  return {
    tests: String(list.length),
    failures: String(list.filter((s) => s.verdict === 'fail').length),
    errors: String(list.filter((s) => s.verdict === 'error').length),
    skipped: String(list.filter((s) => s.verdict === 'skip' || s.verdict === 'omit').length),
    time: secs(list.reduce((n, s) => n + s.durationMs, 0)),
  };
}

function testcase(suite: XMLBuilder, feature: string, s: ScenarioReport): void {
  const tc = suite.ele('testcase', { classname: clean(feature), name: clean(s.name), time: secs(s.durationMs) });
  const f = s.failure;
  if (s.verdict === 'fail') {
    const rule = f?.rule ?? (s.rules.join(', ') || 'unknown rule');
    tc.ele('failure', { message: clean(`[${rule}] ${f?.text ?? 'the system under test broke a rule'}`), type: 'ConformanceFailure' }).txt(clean(details(s)));
  } else if (s.verdict === 'error') {
    tc.ele('error', { message: clean(f?.text ?? 'harness or transport error'), type: 'HarnessError' }).txt(clean(details(s)));
  } else if (s.verdict === 'skip' || s.verdict === 'omit') {
    tc.ele('skipped', { message: s.verdict === 'omit' ? 'not run' : 'skipped' });
  }
  const out = [`tags: ${s.tags.join(' ')}`, ...s.steps.map((st) => `${st.status.padEnd(9)} ${st.keyword.trim()} ${st.text}`)];
  if (s.exchanges.length) out.push('messages:', ...s.exchanges.map((x) => `  ${x.at} ${x.from.played}:${x.from.role} -> ${x.to.played}:${x.to.role} ${x.messageCode}${x.retourcodes.length ? ` retourcodes ${x.retourcodes.join(',')}` : ''}`));
  tc.ele('system-out').txt(clean(out.join('\n')));
}

function details(s: ScenarioReport): string {
  const f = s.failure;
  if (!f) return '';
  return [
    f.rule ? `rule:     ${f.rule}` : undefined,
    `what:     ${f.text}`,
    f.expected !== undefined ? `expected: ${f.expected}` : undefined,
    f.actual !== undefined ? `actual:   ${f.actual}` : undefined,
    f.step ? `at step:  ${f.step}` : undefined,
    f.kind === 'error' && f.detail ? `\n${f.detail}` : undefined,
  ]
    .filter((x) => x !== undefined)
    .join('\n');
}
