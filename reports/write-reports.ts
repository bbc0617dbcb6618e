/**
 * The one entry point the runner (and `npm run report`) calls: reads a run directory and
 * writes `index.html`, `junit.xml` and `summary.json` into it.
 *
 * @example
 *   const { html } = await writeReports('reports/out/20250303-101500-abcd');
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadReportModel, type ReportModel } from './model.ts';
import { renderHtml } from './html.ts';
import { renderJunit } from './junit.ts';
import { renderSummary } from './summary.ts';
import type { CertificateBanner } from './certificate/banner.ts';

export interface WrittenReports {
  /** Paths of the files written. */
  html: string;
  junit: string;
  summary: string;
  model: ReportModel;
}

/** Renders the three reports of a run directory; BSNs masked unless `maskBsn: false`; `certificate` shows the one issued for the run. */
export async function writeReports(runDir: string, opts: { maskBsn?: boolean; certificate?: CertificateBanner } = {}): Promise<WrittenReports> {
  const model = await loadReportModel(runDir, { maskBsn: opts.maskBsn ?? true });
  const html = join(runDir, 'index.html');
  const junit = join(runDir, 'junit.xml');
  const summary = join(runDir, 'summary.json');
  writeFileSync(html, renderHtml(model, opts.certificate ? { certificate: opts.certificate } : {}));
  writeFileSync(junit, renderJunit(model));
  writeFileSync(summary, renderSummary(model));
  return { html, junit, summary, model };
}
