/**
 * The regions side by side: every national and regional rule × the regions, how each region
 * applies it (mandatory or optional per role, awaiting data, not testable, not in its protocol),
 * the protocol's own words with the clause, and — from a run — the result per region and role.
 * Then the region profiles compared: deadlines, the other terms, products and tariffs,
 * municipalities, and what each protocol leaves open. Used by the run report (`--region all`)
 * and, without any run, by `npm run report -- --catalogue` (renderCatalogueHtml).
 *
 * @example
 *   regionComparison(['alkmaar', 'fryslan'], { results: model.regions })   // a <section>
 *   writeFileSync('catalogue.html', renderCatalogueHtml({ generatedAt: new Date().toISOString() }));
 */
import { describe } from '../ijw/codelists/index.ts';
import { catalogue, citation, REGION_IDS, RULES_VERSION, type CatalogueRule, type Certifies, type RegionId } from '../regions/catalogue.ts';
import { isRegionId, profiles } from '../regions/index.ts';
import type { Cited, DeclarationRule, Product, RegionProfile } from '../regions/types.ts';
import { nationalRuleText } from '../regions/national-texts.ts';
import { escapeHtml as h } from './escape.ts';
import { pageHead } from './page-head.ts';
import type { RegionReport, Role } from './model.ts';

export interface ComparisonOptions {
  /** The run's results per region; without them the comparison shows how rules apply, not results. */
  results?: readonly Pick<RegionReport, 'region' | 'matrix'>[];
  /** Link to a region's rule row in the same document. */
  ruleHref?: (region: string, ruleId: string) => string;
}

const ROLE_OF: Record<Certifies, Role> = { G: 'gemeente', A: 'aanbieder' };
const RULE_ID = /\b[A-Z]{3}-[A-Z0-9]+(?:-[A-Z0-9]+)?\b/g;

/** The pack's short name (profile `shortName`). */
const regionLabel = (r: string): string => (isRegionId(r) ? profiles[r]!.shortName : r);

/** The rules × regions table and the profile comparison, as one `<section id="region-comparison">`. */
export function regionComparison(regionIds: readonly string[], opts: ComparisonOptions = {}): string {
  const regions = regionIds.filter(isRegionId);
  const rules = catalogue.filter((r) => r.scope === 'national' || (regions as readonly string[]).includes(r.scope));
  const national = rules.filter((r) => r.scope === 'national');
  const regional = rules.filter((r) => r.scope !== 'national');
  const deviations = regions.map((g) => national.filter((n) => relatedRegional(n, g).length).length);
  return `<section class="comparison" id="region-comparison">
<h2>Regions compared</h2>
<p>Every rule of the catalogue (RULES.md version ${h(RULES_VERSION)}) against the regions${opts.results ? ', with the result of this run per region and role' : ''}. A national rule applies in every region; a regional rule only where its protocol states it. <b>G</b> = the municipality's software is judged, <b>A</b> = the provider's. “Regional” under a national rule names the region's own rule that adds to it or departs from it.</p>
<table class="cmp-summary"><thead><tr><th>Region</th>${regions.map((g) => `<th>${h(regionLabel(g))}</th>`).join('')}</tr></thead><tbody>
<tr><th>Regional rules</th>${regions.map((g) => `<td>${regional.filter((r) => r.scope === g).length}</td>`).join('')}</tr>
<tr><th>National rules the region adds to or departs from</th>${regions.map((_, i) => `<td>${deviations[i]}</td>`).join('')}</tr>
<tr><th>Rules awaiting data / not testable</th>${regions.map((g) => `<td>${rules.filter((r) => applies(r, g) && r.status === 'awaiting-data').length} / ${rules.filter((r) => applies(r, g) && r.status === 'not-testable').length}</td>`).join('')}</tr>
</tbody></table>
<div class="cmp-filters no-print" data-table="cmp-rules">
<label>Show <select data-cmp="differs"><option value="">every rule</option><option value="yes">where the regions differ</option></select></label>
<label>Rules <select data-cmp="scope"><option value="">all</option><option value="national">national</option>${regions.map((g) => `<option value="${h(g)}">${h(regionLabel(g))} only</option>`).join('')}</select></label>
${opts.results ? `<label>Result <select data-cmp="result"><option value="">any</option><option value="fail">with a failure or error</option><option value="pass">passed everywhere</option><option value="untested">not tested somewhere</option></select></label>` : ''}
<span class="shown" aria-live="polite"></span>
</div>
<table class="cmp" id="cmp-rules">
<thead><tr><th>Rule</th><th>What the protocol says</th>${regions.map((g) => `<th class="cmp-region">${h(regionLabel(g))}</th>`).join('')}</tr></thead>
<tbody>
${national.map((r) => ruleRow(r, regions, opts)).join('\n')}
${regional.map((r) => ruleRow(r, regions, opts)).join('\n')}
</tbody>
</table>
${profileComparison(regions)}
</section>`;
}

function applies(r: CatalogueRule, region: string): boolean {
  return r.scope === 'national' || r.scope === region;
}

/** The region's own rules that name this national rule, or that it names. */
function relatedRegional(n: CatalogueRule, region: RegionId): CatalogueRule[] {
  const named = new Set(n.text.match(RULE_ID) ?? []);
  return catalogue.filter((r) => r.scope === region && (named.has(r.id) || (r.text.match(RULE_ID) ?? ([] as string[])).includes(n.id)));
}

function ruleRow(r: CatalogueRule, regions: readonly RegionId[], opts: ComparisonOptions): string {
  const results: string[] = [];
  // Regions differ on a regional rule, and on a national rule some region adds to or departs from.
  const differs = r.scope !== 'national' || regions.some((g) => relatedRegional(r, g).length > 0);
  const cells = regions.map((g) => {
    if (!applies(r, g)) return `<td class="cmp-na" title="Not in the protocol of ${h(regionLabel(g))}">—</td>`;
    const how = howApplied(r);
    const related = r.scope === 'national' ? relatedRegional(r, g) : [];
    const res = opts.results ? resultFor(r, g, opts) : undefined;
    if (res) results.push(res.cls);
    return `<td class="cmp-cell ${res ? `r-${res.cls}` : ''}">${how}${related.length ? `<div class="cmp-rel">regional: ${related.map((x) => `<code title="${h(x.text)}">${h(x.id)}</code>`).join(', ')}</div>` : ''}${res ? `<div class="cmp-res">${res.html}</div>` : ''}</td>`;
  });
  const result = !opts.results ? '' : results.some((c) => c === 'fail' || c === 'error') ? 'fail' : results.every((c) => c === 'pass') ? 'pass' : 'untested';
  const source = r.sourceDocument ? citation(r) : r.source;
  return `<tr data-scope="${h(r.scope)}" data-result="${result}" data-differs="${differs ? 'yes' : 'no'}" id="cmp-${h(r.id)}">
<th scope="row"><code>${h(r.id)}</code><br><small>${h(r.flow)}</small></th>
<td class="cmp-text">${h(r.text)}<div class="cmp-src">${h(source)}</div>${r.reason ? `<div class="cmp-reason"><em>${r.status === 'awaiting-data' ? 'Awaiting data' : 'Not testable through messages'}:</em> ${h(r.reason)}</div>` : ''}</td>
${cells.join('')}</tr>`;
}

/** "G mandatory · A optional", or the status when no scenario is due. */
function howApplied(r: CatalogueRule): string {
  if (r.status === 'awaiting-data') return `<span class="how awaiting" title="${h(r.reason ?? '')}">awaiting data</span>`;
  if (r.status === 'not-testable') return `<span class="how untestable" title="${h(r.reason ?? '')}">not testable</span>`;
  return r.certifies
    .map((c) => {
      const opt = r.optional.filter((o) => o.role === c);
      const whole = opt.some((o) => !o.part);
      const part = opt.filter((o) => o.part).map((o) => o.part!);
      return `<span class="how ${whole ? 'optional' : 'mandatory'}"${part.length ? ` title="${h(`optional: ${part.join('; ')}`)}"` : ''}><b>${c}</b> ${whole ? 'optional' : part.length ? 'mandatory, part optional' : 'mandatory'}</span>`;
    })
    .join(' ');
}

function resultFor(r: CatalogueRule, region: RegionId, opts: ComparisonOptions): { cls: string; html: string } | undefined {
  const rep = opts.results?.find((x) => x.region === region);
  if (!rep) return { cls: 'none', html: '<small>not in this run</small>' };
  const row = rep.matrix.find((m) => m.id === r.id);
  if (!row) return { cls: 'none', html: '<small>not in this run</small>' };
  if (!row.scenarios.length) {
    if (row.status === 'not-covered') return { cls: 'not-covered', html: '<span class="pill not-covered">not covered</span>' };
    if (row.status === 'awaiting-data' || row.status === 'not-testable') return undefined;
    // Any other status the matrix gives a rule without scenarios (e.g. not selected in this run), in its words.
    return { cls: 'none', html: `<small>${h(String(row.status).replace(/-/g, ' '))}</small>` };
  }
  const href = opts.ruleHref?.(region, r.id);
  const parts = r.certifies.map((c) => {
    const mine = row.scenarios.filter((s) => s.role === ROLE_OF[c]);
    if (!mine.length) return `<span class="pill not-covered" title="No scenario judges the ${ROLE_OF[c]} on this rule">${c} –</span>`;
    // Any verdict other than pass (skip, omit, or one added later) keeps the cell from passing.
    const vs = mine.map((s) => s.verdict as string);
    const worst = vs.includes('fail') ? 'fail' : vs.includes('error') ? 'error' : vs.every((v) => v === 'pass') ? 'pass' : 'skip';
    const passed = mine.filter((s) => s.verdict === 'pass').length;
    return `<span class="pill ${worst}" title="${h(`${ROLE_OF[c]}: ${passed} of ${mine.length} scenarios passed`)}">${c} ${worst === 'pass' ? '✓' : worst === 'fail' ? '✗' : worst === 'error' ? '⚠' : '–'} ${passed}/${mine.length}</span>`;
  });
  const cls = row.status;
  const inner = parts.join(' ');
  return { cls, html: href ? `<a href="${h(href)}">${inner}</a>` : inner };
}

// ------------------------------------------------------------------ region profiles

const DEADLINES: [keyof RegionProfile['deadlines'], string, string][] = [
  ['retour', 'Technical retours (302, 306, 308, 316, 318, 320)', 'werkdagen'],
  ['toewijzingRetour', 'JW302 after a 301', 'werkdagen'],
  ['startRetour', 'JW306 after a 305', 'werkdagen'],
  ['stopRetour', 'JW308 after a 307', 'werkdagen'],
  ['verzoekRetour', 'JW316 after a 315', 'werkdagen'],
  ['answerRequest', 'JW301/319 after a 315/317', 'werkdagen'],
  ['answerRequestExtended', 'JW301 after a 315 when parental authority is checked', 'werkdagen'],
  ['inOnderzoekWeeks', 'Final answer after a 319 “in onderzoek”', 'weeks'],
  ['requestAfterIntake', 'JW315 after the intake', 'werkdagen'],
  ['start', 'JW305 after the actual start', 'werkdagen'],
  ['stop', 'JW307 after the actual end', 'werkdagen'],
  ['declarationAnswer', 'JW325 after the 323', 'werkdagen'],
];

function profileComparison(regions: readonly RegionId[]): string {
  const ps = regions.map((g) => profiles[g]!);
  const head = `<thead><tr><th>Term</th>${ps.map((p) => `<th>${h(regionLabel(p.id))}</th>`).join('')}</tr></thead>`;
  const deadlineRows = DEADLINES.filter(([k]) => ps.some((p) => p.deadlines[k])).map(
    ([k, label, unit]) => `<tr><th scope="row">${h(label)}</th>${ps.map((p) => citedCell(p.deadlines[k], (v) => `${v} ${unit}`)).join('')}</tr>`,
  );
  const terms = (['allocation', 'startStop', 'declaration'] as const).flatMap((section) => {
    const keys = [...new Set(ps.flatMap((p) => Object.keys(p[section])))];
    return keys.map(
      (k) => `<tr><th scope="row">${h(words(k))} <small>(${h(SECTION_LABEL[section])})</small></th>${ps.map((p) => citedCell((p[section] as unknown as Record<string, Cited<unknown> | undefined>)[k], fmtValue)).join('')}</tr>`,
    );
  });
  return `<h3 id="region-profiles">Region profiles: deadlines, terms, products and tariffs</h3>
<p>From the region profiles (regions/<id>/profile.yaml), each value with the clause it comes from. “—” means the protocol does not set it (the national standard applies or it is left open).</p>
<table class="cmp profiles"><caption>Deadlines</caption>${head}<tbody>${deadlineRows.join('')}</tbody></table>
<details class="cmp-more" open><summary>Other terms (allocation, start and stop, declaration)</summary>
<table class="cmp profiles">${head}<tbody>${terms.join('')}</tbody></table></details>
<table class="cmp products"><caption>Products and tariffs (<span class="ex">example</span>: the protocol gives no figure; the simulators use this one)</caption>
<thead><tr><th>Region</th><th>Code</th><th>Product</th><th>Eenheid</th><th>Frequentie</th><th>Declared as</th><th>Tariff</th><th>Source</th></tr></thead>
<tbody>${ps.flatMap((p) => p.products.map((pr, i) => productRow(p, pr, i))).join('')}</tbody></table>
<table class="cmp profiles"><caption>Municipalities</caption>${head}<tbody><tr><th scope="row">Members</th>${ps.map((p) => `<td><ul class="plain">${p.municipalities.map((m) => `<li><code>${h(m.code)}</code> ${h(m.name)}${m.declarationRoute ? ` <small>route ${h(m.declarationRoute)}</small>` : ''}</li>`).join('')}</ul><div class="cmp-src">${h(p.municipalities[0]?.source ?? '')}</div></td>`).join('')}</tr>
<tr><th scope="row">Messages used</th>${ps.map((p) => citedCell(p.messages, (v) => (v as string[]).join(' '))).join('')}</tr></tbody></table>
${nationalWinsTable(ps)}
<details class="cmp-more"><summary>What each protocol leaves open (${ps.reduce((n, p) => n + p.open.length, 0)} points)</summary>
${ps.map((p) => `<h4>${h(p.name)}</h4><ul>${p.open.map((o) => `<li><b>${h(o.topic)}</b>: ${h(o.open)} <small>(${h(o.source)})</small></li>`).join('')}</ul>`).join('')}
</details>`;
}

/** Per region, the rows where a binding national rule wins over the protocol's text, with both texts (for the protocol's authors). */
function nationalWinsTable(ps: readonly RegionProfile[]): string {
  const rows = ps.flatMap((p) => (p.nationalWins ?? []).map((w) => `<tr id="win-${h(p.id)}-${h(w.rule)}"><th scope="row">${h(regionLabel(p.id))}</th><td><code>${h(w.rule)}</code></td>
<td class="cmp-text"><q lang="nl">${h(w.seedText)}</q><div class="cmp-src">${h(w.source)}</div></td>
<td class="cmp-text">${w.national.map((id) => `<code>${h(id)}</code> <q lang="nl">${h(nationalRuleText(id) ?? '')}</q>`).join('<br>')}</td>
<td class="cmp-text">${h(w.why)}</td></tr>`));
  const none = ps.filter((p) => !(p.nationalWins ?? []).length).map((p) => regionLabel(p.id));
  return `<table class="cmp national-wins" id="national-wins"><caption>Where a national rule wins over the protocol's text (${rows.length} rows)${none.length ? `; none in ${h(none.join(', '))}` : ''}</caption>
<thead><tr><th>Region</th><th>Rule</th><th>The protocol says</th><th>The national rule says</th><th>Why it wins</th></tr></thead>
<tbody>${rows.join('\n')}</tbody></table>`;
}

const SECTION_LABEL = { allocation: 'toewijzing', startStop: 'start/stop', declaration: 'declaratie' } as const;

function citedCell(c: Cited<unknown> | undefined, fmt: (v: unknown) => string): string {
  if (!c) return '<td class="cmp-na">—</td>';
  return `<td>${h(fmt(c.value))}${c.note ? ` <span class="note" title="${h(c.note)}">i</span>` : ''}<div class="cmp-src">${h(c.source)}</div></td>`;
}

function fmtValue(v: unknown): string {
  if (typeof v === 'boolean') return v ? 'yes' : 'no';
  if (Array.isArray(v)) return v.join(', ');
  if (v && typeof v === 'object') return Object.entries(v).map(([k, x]) => `${words(k)} ${fmtValue(x)}`).join(', ');
  return String(v);
}

/** `answerRequestExtended` → "answer request extended". */
function words(k: string): string {
  return k.replace(/([A-Z])/g, ' $1').toLowerCase().trim();
}

function declaredAs(r: DeclarationRule): string {
  switch (r.kind) {
    case 'per-unit':
      return 'volume × tariff';
    case 'etmalen':
      return 'etmalen × etmaalprijs';
    case 'percentage-after-start-stop':
      return `${r.afterStart}% after the 305, ${r.afterStopReden.percentage}% after a 307 with reden ${r.afterStopReden.reden.join('/')}`;
    case 'monthly-fraction-of-yearly':
      return '1/12 of the yearly tariff per month';
    case 'full-after-start':
      return '100% after the 305';
    case 'euro-per-week':
      return 'amount in eurocents (eenheid 83)';
  }
}

function productRow(p: RegionProfile, pr: Product, i: number): string {
  const t = pr.tariff;
  return `<tr${i === 0 ? ' class="first"' : ''}><th scope="row">${i === 0 ? h(regionLabel(p.id)) : ''}</th><td><code>${h(pr.code)}</code>${pr.example ? ' <span class="ex">example</span>' : ''}</td><td>${h(pr.name)}${pr.note ? ` <span class="note" title="${h(pr.note)}">i</span>` : ''}</td><td>${h(`${pr.eenheid} ${describe('WJ756', pr.eenheid) ?? ''}`)}</td><td>${h(`${pr.frequentie} ${describe('WMO757', pr.frequentie) ?? ''}`)}</td><td>${h(declaredAs(pr.declarationRule))}</td><td>€${(t.cents / 100).toFixed(2)} per ${h(t.per)}${t.example ? ' <span class="ex">example</span>' : ''}${t.note ? ` <span class="note" title="${h(t.note)}">i</span>` : ''}</td><td class="cmp-src">${h(pr.source)}</td></tr>`;
}

// ------------------------------------------------------------------ the standalone page

/**
 * The comparison of every region without a run, from the catalogue and the region profiles
 * alone: one self-contained HTML document (no network; opens from disk, prints).
 */
export function renderCatalogueHtml(opts: { generatedAt: string; harnessVersion?: string; regions?: readonly string[] } = { generatedAt: new Date().toISOString() }): string {
  const regions = opts.regions ?? REGION_IDS;
  return `${pageHead('iJw 3.2 rule catalogue — the regions compared', `${PAGE_CSS}${COMPARISON_CSS}`, { scripts: true })}
<body>
<h1>iJw 3.2 rule catalogue — the regions compared</h1>
<p class="meta">Rule catalogue version ${h(RULES_VERSION)} · ${regions.length} regions · ${catalogue.length} rules · generated ${h(opts.generatedAt.slice(0, 19).replace('T', ' '))} UTC${opts.harnessVersion ? ` by ijw-conformance ${h(opts.harnessVersion)}` : ''}. Nothing was run: this shows what the suite tests in each region and what each protocol sets, so it can be read before any vendor runs the suite.</p>
<main>${regionComparison(regions)}</main>
<script>${COMPARISON_JS}</script>
</body>
</html>
`;
}

const PAGE_CSS = `
:root{--pass:#1a7f37;--fail:#cf222e;--error:#bc4c00;--skip:#6e7781;--omit:#8c959f;--fg:#1f2328;--muted:#59636e;--line:#d1d9e0}
*{box-sizing:border-box}body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;color:var(--fg);margin:0;padding:0 1.5rem 2rem;line-height:1.45;font-size:15px}
code{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:.9em}small,.meta{color:var(--muted)}
h1{font-size:1.5rem}h2{font-size:1.3rem;border-bottom:2px solid var(--line)}table{border-collapse:collapse;margin:.5rem 0}th,td{border:1px solid var(--line);padding:.3rem .5rem;text-align:left;vertical-align:top}
caption{text-align:left;color:var(--muted);padding:.2rem 0;font-weight:600}
.pill{display:inline-block;border-radius:999px;padding:0 .55rem;font-size:.8rem;font-weight:600;color:#fff;background:var(--skip);white-space:nowrap}
.pill.not-covered{background:#fff;color:var(--fail);border:1px dashed var(--fail)}
@media print{body{font-size:9.5pt;padding:0}.no-print{display:none}tr{break-inside:avoid}}
`;

/** Styles of the comparison (shared by the run report and the catalogue page). */
export const COMPARISON_CSS = `
.cmp{width:100%;font-size:.92em}.cmp th[scope=row]{white-space:nowrap}.cmp-text{min-width:22rem;max-width:40rem}
.cmp-src{color:var(--muted);font-size:.85em;margin-top:.15rem}.cmp-reason{font-size:.85em;margin-top:.2rem}
.cmp-na{color:#8c959f;text-align:center;background:#f6f8fa}.cmp-cell{min-width:7.5rem}
.how{display:inline-block;font-size:.8rem;border-radius:3px;padding:0 .3rem;margin:1px 0;white-space:nowrap}
.how.mandatory{background:#ddf4ff;color:#0550ae}.how.optional{background:#fbefff;color:#8250df;border:1px dashed #8250df}
.how.awaiting,.how.untestable{background:#f6f8fa;color:#57606a;border:1px dotted #8c959f}
.cmp-rel{font-size:.8rem;margin-top:.2rem;color:#9a6700}.cmp-rel code{background:#fff8c5;white-space:nowrap}
.cmp-res{margin-top:.2rem}.cmp-res a{text-decoration:none}
td.r-fail{background:#ffebe9}td.r-error{background:#fff1e5}td.r-not-covered{background:#fff8c5}
.cmp-summary td{text-align:center}.cmp-filters{display:flex;gap:1rem;align-items:center;margin:.5rem 0}.cmp-filters select{font:inherit}
.products tr.first th,.products tr.first td{border-top:2px solid #8c959f}
.ex{font-size:.75rem;color:#9a6700;border:1px solid #d4a72c;border-radius:3px;padding:0 .2rem}
.note{cursor:help;color:#0969da;display:inline-block;width:1.15em;height:1.15em;line-height:1.1em;border:1px solid #0969da;border-radius:50%;font-size:.7rem;font-weight:700;font-style:italic;text-align:center;font-family:Georgia,serif}ul.plain{list-style:none;padding:0;margin:0}
.cmp-more{margin:.6rem 0}.cmp-more>summary{cursor:pointer;font-weight:600}
`;

/** Filters of the rules × regions table (plain JS, shared by both pages). */
export const COMPARISON_JS = `
(function(){
  document.querySelectorAll('.cmp-filters').forEach(function(bar){
    var table=document.getElementById(bar.getAttribute('data-table'));if(!table)return;
    var selects=bar.querySelectorAll('select'),shown=bar.querySelector('.shown');
    function apply(){
      var rows=table.querySelectorAll('tbody tr'),n=0;
      rows.forEach(function(r){
        var ok=true;selects.forEach(function(s){var k=s.getAttribute('data-cmp');if(s.value&&r.getAttribute('data-'+k)!==s.value)ok=false;});
        r.hidden=!ok;if(ok)n++;
      });
      shown.textContent=n+' of '+rows.length+' rules shown';
    }
    selects.forEach(function(s){s.addEventListener('change',apply);});apply();
  });
})();
`;
