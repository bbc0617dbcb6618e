/**
 * The sequence diagram of one scenario, as inline SVG drawn here (no library, nothing to
 * download): two lanes (gemeente left, aanbieder right; the system under test's lane marked),
 * one arrow per message in the order exchanged, labelled with what the message says and the
 * retourcodes it carries, the harness's actions to the SUT as notes on the SUT's lane, changes
 * of the business date as dividers, and the failing step with the message it is about in red.
 * Each arrow carries `data-seq`; the report's script opens that message's XML on a click.
 *
 * @example
 *   sequenceDiagram(scenario, { msgId: (seq) => `alkmaar--s1-msg-${seq}` })
 *   // '<svg class="seq" …><g class="sq-msg" data-seq="1" …>…</g>…</svg>'
 */
import { describe } from '../ijw/codelists/index.ts';
import { escapeHtml as h } from './escape.ts';
import { summariseMessage, type MessageSummary } from './message-summary.ts';
import type { ActionRecord, ExchangeRecord, Role, ScenarioReport } from './model.ts';

export interface DiagramOptions {
  /** The DOM id of the XML view of the message with this seq (the arrow links to it). */
  msgId: (seq: number) => string;
}

type Row =
  | { kind: 'message'; x: ExchangeRecord; sum: MessageSummary; failing: boolean; about: boolean }
  | { kind: 'action'; a: ActionRecord; failing: boolean }
  | { kind: 'date'; date: string }
  | { kind: 'failure'; text: string; kind2: string };

// Geometry (px). Wide enough that the labels of the longest flows stay on one line each;
// the report scrolls the figure sideways instead of shrinking the text.
const GUTTER = 96;
const LANE: Record<Role, number> = { gemeente: 330, aanbieder: 740 };
const WIDTH = 990;
const HEAD = 58;
const LINE = 15;
const NOTE_W = 250;
const LABEL_CHARS = 58;
const LINE_CHARS = 96;

/** The SVG of a scenario's exchange, or '' when nothing was exchanged and nothing acted. */
export function sequenceDiagram(s: ScenarioReport, opts: DiagramOptions): string {
  const sutRole: Role = s.role ?? s.exchanges.find((x) => x.from.played === 'sut')?.from.role ?? s.exchanges.find((x) => x.to.played === 'sut')?.to.role ?? 'gemeente';
  const harnessRole: Role = sutRole === 'gemeente' ? 'aanbieder' : 'gemeente';
  const rows = buildRows(s);
  if (!rows.some((r) => r.kind === 'message' || r.kind === 'action')) return '';
  const ids: Record<Role, string | undefined> = { gemeente: undefined, aanbieder: undefined };
  for (const x of s.exchanges) {
    ids[x.from.role] ??= x.from.id;
    ids[x.to.role] ??= x.to.id;
  }

  const parts: string[] = [];
  let y = HEAD + 14;
  let shownDate = '';
  const bands: { y0: number; y1: number }[] = [];
  for (const row of rows) {
    const y0 = y;
    if (row.kind === 'date') {
      parts.push(`<g class="sq-date"><line x1="${GUTTER}" x2="${WIDTH - 8}" y1="${y + 10}" y2="${y + 10}"/><text x="8" y="${y + 14}" class="sq-d">${h(row.date)}</text><text x="${GUTTER + 6}" y="${y + 6}" class="sq-small">business date set to ${h(row.date)}</text></g>`);
      shownDate = row.date;
      y += 24;
      continue;
    }
    if (row.kind === 'failure') {
      const lines = wrap(row.text, LINE_CHARS + 20);
      const hgt = 10 + lines.length * LINE;
      parts.push(`<g class="sq-failure ${row.kind2}"><rect x="${GUTTER}" y="${y}" width="${WIDTH - GUTTER - 8}" height="${hgt}" rx="4"/>${lines.map((l, i) => `<text x="${GUTTER + 8}" y="${y + 16 + i * LINE}">${h(l)}</text>`).join('')}</g>`);
      y += hgt + 8;
      continue;
    }
    const date = row.kind === 'message' ? row.x.businessDate : row.a.businessDate;
    const dateText = date && date !== shownDate ? `<text x="8" y="${y + 16}" class="sq-d">${h(date)}</text>` : '';
    if (date) shownDate = date;
    if (row.kind === 'action') {
      const lines = actionLines(row.a);
      const hgt = 8 + lines.length * LINE;
      const lane = LANE[sutRole];
      const x0 = sutRole === 'gemeente' ? lane - NOTE_W + 6 : lane - 6;
      parts.push(`${dateText}<g class="sq-action${row.a.ok ? '' : ' refused'}"><title>${h(`harness → SUT action: ${JSON.stringify(row.a.action)}`)}</title><path d="M${x0} ${y} h${NOTE_W - 10} l10 10 v${hgt - 10} h-${NOTE_W} z"/>${lines.map((l, i) => `<text x="${x0 + 6}" y="${y + 14 + i * LINE}"${i === 0 ? ' class="sq-b"' : ''}>${h(l)}</text>`).join('')}</g>`);
      y += hgt + 8;
      if (row.failing) bands.push({ y0, y1: y - 4 });
      continue;
    }
    const { x, sum } = row;
    const x1 = LANE[x.from.role];
    const x2 = LANE[x.to.role];
    const dir = x2 >= x1 ? 1 : -1;
    const label = clip(sum.label, LABEL_CHARS);
    const under: { text: string; cls: string; title?: string }[] = sum.details.map((d) => ({ text: clip(d, LINE_CHARS), cls: 'sq-detail', title: d }));
    if (sum.answer && !sum.retourcodes.length && x.messageCode !== 'JW319') under.push({ text: 'no retourcodes: accepted', cls: 'sq-ok' });
    for (const r of sum.retourcodes) {
      const t = `${r.code}${r.count > 1 ? ` ×${r.count}` : ''} ${r.meaning}`;
      under.push({ text: clip(t, LINE_CHARS), cls: r.ok ? 'sq-ok' : 'sq-rc', title: t });
    }
    if (x.httpStatus !== undefined && x.httpStatus >= 400) under.push({ text: `HTTP ${x.httpStatus}`, cls: 'sq-rc' });
    const arrowY = y + 22;
    const hgt = 30 + under.length * LINE;
    const left = Math.min(x1, x2);
    const cls = `sq-msg${sum.answer ? ' answer' : ''}${row.about ? ' about' : ''}`;
    const tip = `${sum.label} — business date ${x.businessDate}; ${x.from.played} ${x.from.role} → ${x.to.played} ${x.to.role}. Click to see the XML.`;
    parts.push(
      `${dateText}<g class="${cls}" data-seq="${x.seq}" data-target="${h(opts.msgId(x.seq))}" tabindex="0" role="button" aria-label="${h(tip)}"><title>${h(tip)}</title>` +
        `<rect class="sq-hit" x="${GUTTER}" y="${y}" width="${WIDTH - GUTTER - 8}" height="${hgt}"/>` +
        `<text x="${(x1 + x2) / 2}" y="${arrowY - 6}" text-anchor="middle" class="sq-label"><tspan class="sq-code">${h(x.messageCode)}</tspan>${h(label.slice(x.messageCode.length))}</text>` +
        `<line x1="${x1 + dir * 4}" y1="${arrowY}" x2="${x2 - dir * 9}" y2="${arrowY}" class="sq-arrow"/>` +
        `<path d="M${x2 - dir * 2} ${arrowY} l${-dir * 10} -5 v10 z" class="sq-head"/>` +
        under.map((u, i) => `<text x="${left + 12}" y="${arrowY + 15 + i * LINE}" class="${u.cls}">${u.title && u.title !== u.text ? `<title>${h(u.title)}</title>` : ''}${h(u.text)}</text>`).join('') +
        `</g>`,
    );
    y += hgt + 6;
    if (row.failing) bands.push({ y0, y1: y - 3 });
  }
  const height = y + 10;

  const head = (role: Role) => {
    const cx = LANE[role];
    const sut = role === sutRole;
    const who = sut ? 'system under test' : 'harness (reference)';
    return `<g class="sq-head-box${sut ? ' sut' : ''}"><rect x="${cx - 110}" y="6" width="220" height="42" rx="5"/><text x="${cx}" y="23" text-anchor="middle" class="sq-b">${h(role)}${ids[role] ? ` ${h(ids[role]!)}` : ''}</text><text x="${cx}" y="40" text-anchor="middle" class="sq-small">${who}</text></g>` +
      `<line class="sq-life${sut ? ' sut' : ''}" x1="${cx}" x2="${cx}" y1="48" y2="${height - 4}"/>`;
  };
  const bandSvg = mergeBands(bands).map((b) => `<rect class="sq-band" x="${GUTTER - 4}" y="${b.y0 - 2}" width="${WIDTH - GUTTER}" height="${b.y1 - b.y0 + 2}" rx="4"/>`).join('');
  return `<svg class="seq" xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${height}" viewBox="0 0 ${WIDTH} ${height}" role="img" aria-label="${h(`Sequence of the ${s.exchanges.length} messages of this scenario`)}">` +
    `<text x="8" y="40" class="sq-small">business date</text>${bandSvg}${head(harnessRole)}${head(sutRole)}${parts.join('')}</svg>`;
}

/** Messages and actions in the order they happened, date changes, the failing step marked. */
function buildRows(s: ScenarioReport): Row[] {
  const failIdx = s.steps.findIndex((st) => st.status === 'failed' || st.status === 'ambiguous' || st.status === 'undefined');
  const failStep = failIdx >= 0 ? s.steps[failIdx] : undefined;
  const inFailing = (at: string) => !!failStep?.startedAt && !!failStep.finishedAt && at > failStep.startedAt && at <= failStep.finishedAt;
  const about = s.failure ? aboutMessage(s, failStep?.finishedAt) : undefined;

  type Ev = { key: number; order: number; row: Row; at: string };
  const evs: Ev[] = [];
  s.exchanges.forEach((x, i) => evs.push({ key: x.seq, order: i, at: x.at, row: { kind: 'message', x, sum: summariseMessage(x.messageCode, x.xml), failing: inFailing(x.at), about: x === about } }));
  s.actions.forEach((a, i) => {
    const row: Row = a.action.action === 'set-date' && typeof a.action.date === 'string' ? { kind: 'date', date: a.action.date } : { kind: 'action', a, failing: failIdx >= 0 && a.step === failIdx };
    evs.push({ key: a.afterSeq + 0.5, order: i, at: a.at, row });
  });
  evs.sort((p, q) => p.key - q.key || p.order - q.order);
  const rows = evs.map((e) => e.row);
  if (s.failure) {
    const f = s.failure;
    const text = `${f.kind === 'fail' ? '✗ Failed' : f.kind === 'error' ? '⚠ Error' : `? ${String(f.kind)}`}${f.step ? ` at “${f.step}”` : ''}: ${f.text}${f.expected !== undefined ? ` — expected ${f.expected}` : ''}${f.actual !== undefined ? `; actual ${f.actual}` : ''}`;
    // After the last event before the failing step ended (or at the end when times are unknown).
    const end = failStep?.finishedAt;
    let at = rows.length;
    if (end) {
      const i = evs.findIndex((e) => e.at > end);
      if (i >= 0) at = i;
    }
    rows.splice(at, 0, { kind: 'failure', text, kind2: f.kind });
  }
  return rows;
}

/**
 * The message a failure is about: the last one exchanged up to the end of the failing step whose
 * code the finding names (expected, actual, text or step); else the last one up to then.
 */
export function aboutMessage(s: ScenarioReport, until?: string): ExchangeRecord | undefined {
  const f = s.failure;
  if (!f) return undefined;
  const upTo = until ? s.exchanges.filter((x) => x.at <= until) : s.exchanges;
  const said = `${f.step ?? ''} ${f.text} ${f.expected ?? ''} ${f.actual ?? ''}`;
  const codes = new Set(said.match(/JW3\d\d/g) ?? []);
  return [...upTo].reverse().find((x) => codes.has(x.messageCode)) ?? upTo.at(-1);
}

function actionLines(a: ActionRecord): string[] {
  const { action, ...rest } = a.action;
  const skip = new Set(['date', 'client', 'harnessUrl']);
  const facts = Object.entries(rest)
    .filter(([k, v]) => !skip.has(k) && v !== undefined)
    .map(([k, v]) => `${k} ${typeof v === 'object' ? compact(v) : String(v)}${k === 'eenheid' ? ` (${describe('WJ756', String(v))?.toLowerCase() ?? '?'})` : ''}`);
  const lines = [`▶ ${action}`, ...wrap(facts.join(', '), 36).slice(0, 4)];
  if (!a.ok) lines.push(clip(`refused (HTTP ${a.status})${a.problem ? `: ${a.problem}` : ''}`, 38));
  return lines;
}

/** A short rendering of a nested action value (products, changes): the leaf values only. */
function compact(v: unknown): string {
  if (Array.isArray(v)) return v.map(compact).join('; ');
  if (v && typeof v === 'object' && 'ingangsdatum' in v) {
    // A product line of allocate / request-allocation / request-change.
    const p = v as { product?: { code?: string; categorie?: string }; ingangsdatum?: string; einddatum?: string; omvang?: { volume: number; eenheid: string; frequentie: string } };
    const o = p.omvang;
    return `${p.product?.code ?? p.product?.categorie ?? ''} ${p.ingangsdatum}–${p.einddatum ?? ''}${o ? ` ${o.volume}×${describe('WJ756', o.eenheid)?.toLowerCase() ?? o.eenheid}/${describe('WMO757', o.frequentie)?.toLowerCase().replace(/^per /, '') ?? o.frequentie}` : ''}`.trim();
  }
  if (v && typeof v === 'object') return Object.values(v).map(compact).filter(Boolean).join(' ');
  return v === undefined ? '' : String(v);
}

function clip(s: string, n: number): string {
  return s.length > n ? `${s.slice(0, n - 1)}…` : s;
}

function wrap(s: string, n: number): string[] {
  const out: string[] = [];
  let line = '';
  for (const word of s.split(/\s+/).filter(Boolean)) {
    const w = clip(word, n);
    if (line && line.length + 1 + w.length > n) {
      out.push(line);
      line = w;
    } else line = line ? `${line} ${w}` : w;
  }
  if (line) out.push(line);
  return out;
}

function mergeBands(bands: { y0: number; y1: number }[]): { y0: number; y1: number }[] {
  const out: { y0: number; y1: number }[] = [];
  for (const b of bands) {
    const last = out.at(-1);
    if (last && b.y0 - last.y1 < 14) last.y1 = b.y1;
    else out.push({ ...b });
  }
  return out;
}

/** Styles of the diagram, for the report's stylesheet. */
export const SEQUENCE_CSS = `
.seqwrap{overflow-x:auto;margin:.5rem 0;border:1px solid var(--line);border-radius:4px;background:#fff}
svg.seq{display:block;font-family:system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;font-size:12px}
svg.seq text{fill:#1f2328}
.sq-small{font-size:10.5px;fill:#59636e!important}.sq-b{font-weight:700}.sq-d{font-family:ui-monospace,monospace;font-size:11px;fill:#59636e!important}
.sq-head-box rect{fill:#f6f8fa;stroke:#8c959f}.sq-head-box.sut rect{fill:#ddf4ff;stroke:#0969da;stroke-width:2}
.sq-life{stroke:#8c959f;stroke-dasharray:4 4}.sq-life.sut{stroke:#0969da;stroke-width:2;stroke-dasharray:none}
.sq-date line{stroke:#d1d9e0;stroke-dasharray:2 3}
.sq-msg{cursor:pointer;outline:none}.sq-hit{fill:transparent}.sq-msg:hover .sq-hit,.sq-msg:focus .sq-hit{fill:#f6f8fa;stroke:#0969da}
.sq-arrow{stroke:#1f2328;stroke-width:1.6}.sq-head{fill:#1f2328}.sq-msg.answer .sq-arrow{stroke-dasharray:6 4}
.sq-label{font-size:12.5px}.sq-code{font-weight:700;font-family:ui-monospace,monospace}
.sq-detail{fill:#59636e!important}.sq-rc{fill:#a40e26!important;font-weight:600}.sq-ok{fill:#1a7f37!important}
.sq-msg.about .sq-arrow{stroke:#cf222e;stroke-width:3}.sq-msg.about .sq-head{fill:#cf222e}.sq-msg.about .sq-hit{fill:#ffebe9;stroke:#cf222e}
.sq-action path{fill:#fff8c5;stroke:#d4a72c}.sq-action.refused path{fill:#ffebe9;stroke:#cf222e}
.sq-band{fill:#ffebe9;opacity:.6}
.sq-failure rect{fill:#ffebe9;stroke:#cf222e}.sq-failure.error rect{fill:#fff1e5;stroke:#bc4c00}.sq-failure text{font-weight:600}
.msg.flash>summary{animation:flash 1.6s}@keyframes flash{from{background:#fff8c5}to{background:transparent}}
@media print{.seqwrap{overflow:visible;border:none}svg.seq{max-width:100%;height:auto}}
`;
