/**
 * The public list a region publishes: every certificate of a folder that verifies with one of
 * the region's keys, per region, with vendor, product, version, roles, date, suite version and
 * the key fingerprint; expired certificates (past `validUntil`) and superseded ones (the same
 * product certified again by a newer suite version) marked. One self-contained HTML page:
 * inline CSS, no script, no request; every text escaped.
 *
 * @example
 *   const list = collectCertificates('certs/', [regionKey]);
 *   writeFileSync('public/index.html', renderListPage(list));
 */
import type { KeyObject } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { escapeHtml as h } from '../escape.ts';
import { pageHead } from '../page-head.ts';
import { groupedFingerprint } from './banner.ts';
import { CertificateError } from './errors.ts';
import { regionProtocol, type Statement } from './statement.ts';
import { verifyCertificate } from './verify.ts';

export interface ListedCertificate {
  /** File name in the folder (and beside the page). */
  file: string;
  statement: Statement;
  fingerprint: string;
  expired: boolean;
  /** The file of the certificate that supersedes this one. */
  supersededBy?: string;
}

export interface CertificateList {
  generatedAt: string;
  keys: string[];
  listed: ListedCertificate[];
  /** Files that did not verify, with the reason: never listed. */
  rejected: { file: string; reason: string }[];
}

/** Numeric comparison of dotted versions ("0.10.0" > "0.9.2"); a non-numeric part compares as text. */
export function compareVersions(a: string, b: string): number {
  const pa = a.split(/[.+-]/);
  const pb = b.split(/[.+-]/);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const x = pa[i] ?? '0';
    const y = pb[i] ?? '0';
    const d = /^\d+$/.test(x) && /^\d+$/.test(y) ? Number(x) - Number(y) : x.localeCompare(y);
    if (d) return Math.sign(d);
  }
  return 0;
}

const productKey = (s: Statement) => JSON.stringify([s.predicate.sut.vendor, s.predicate.sut.name]);

/** Verifies every `*.json` of the folder with the keys (any one may have signed it) and marks expired and superseded. */
export function collectCertificates(dir: string, keys: KeyObject[], now = new Date()): CertificateList {
  const listed: ListedCertificate[] = [];
  const rejected: { file: string; reason: string }[] = [];
  const fingerprints: string[] = [];
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.json') && statSync(join(dir, f)).isFile()).sort()) {
    const text = readFileSync(join(dir, file), 'utf8');
    let last: CertificateError | undefined;
    let ok = false;
    for (const publicKey of keys) {
      try {
        const v = verifyCertificate({ envelopeText: text, where: file, publicKey, now });
        listed.push({ file, statement: v.statement, fingerprint: v.fingerprint, expired: v.expired });
        if (!fingerprints.includes(v.fingerprint)) fingerprints.push(v.fingerprint);
        ok = true;
        break;
      } catch (e) {
        if (!(e instanceof CertificateError)) throw e;
        last = e;
      }
    }
    if (!ok) rejected.push({ file, reason: last?.message ?? 'no key given' });
  }
  // Superseded: the same product certified for every region and role this one covers, by a newer suite version (or, equal, issued later).
  const covers = (s: Statement) => new Set(s.predicate.verdicts.map((v) => `${v.region}/${v.role}`));
  for (const c of listed) {
    const mine = covers(c.statement);
    const newer = listed.find(
      (o) =>
        o !== c &&
        productKey(o.statement) === productKey(c.statement) &&
        [...mine].every((k) => covers(o.statement).has(k)) &&
        (compareVersions(o.statement.predicate.suite.version, c.statement.predicate.suite.version) > 0 ||
          (compareVersions(o.statement.predicate.suite.version, c.statement.predicate.suite.version) === 0 && o.statement.predicate.certificate.issuedAt > c.statement.predicate.certificate.issuedAt)),
    );
    if (newer) c.supersededBy = newer.file;
  }
  return { generatedAt: now.toISOString(), keys: fingerprints, listed, rejected };
}

const CSS = `body{font:15px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;margin:2rem auto;max-width:1200px;padding:0 1rem;color:#1f2328}
h1{font-size:1.6rem}h2{font-size:1.25rem;margin-top:2rem;border-bottom:1px solid #d0d7de}
table{border-collapse:collapse;width:100%;margin:.5rem 0}th,td{border:1px solid #d0d7de;padding:.3rem .5rem;text-align:left;vertical-align:top}
th{background:#f6f8fa}code{font-size:.85em;word-break:break-all}
tr.expired td,tr.superseded td{color:#656d76;background:#f6f8fa}
.status{font-weight:600}.status.valid{color:#1a7f37}.status.expired,.status.superseded{color:#9a6700}
.muted{color:#656d76}`;

function role(r: string): string {
  return r === 'gemeente' ? 'gemeente (municipality)' : r === 'aanbieder' ? 'aanbieder (provider)' : r;
}

/** The page. Links point at `certificates/<file>` beside it. */
export function renderListPage(list: CertificateList, opts: { title?: string } = {}): string {
  const title = opts.title ?? 'Certified iJw 3.2 systems';
  const regions = [...new Set(list.listed.flatMap((c) => c.statement.predicate.verdicts.map((v) => v.region)))].sort();
  const sections = regions.map((region) => {
    let protocol = '';
    try {
      const p = regionProtocol(region);
      protocol = `${p.name}: ${p.protocol.title}${p.protocol.version ? `, version ${p.protocol.version}` : ''}${p.protocol.date ? `, ${p.protocol.date}` : ''}`;
    } catch {
      protocol = region;
    }
    const rows = list.listed
      .filter((c) => c.statement.predicate.verdicts.some((v) => v.region === region))
      .sort((a, b) => productKey(a.statement).localeCompare(productKey(b.statement)) || b.statement.predicate.certificate.issuedAt.localeCompare(a.statement.predicate.certificate.issuedAt))
      .map((c) => row(c, region));
    return `<section id="region-${h(region)}">
<h2>${h(protocol)}</h2>
<table>
<thead><tr><th>Vendor</th><th>Product</th><th>Version</th><th>Roles certified</th><th>Date</th><th>Suite</th><th>Key fingerprint (SHA-256)</th><th>Status</th><th>Certificate</th></tr></thead>
<tbody>
${rows.join('\n')}
</tbody>
</table>
</section>`;
  });
  return `${pageHead(title, CSS)}
<body>
<h1>${h(title)}</h1>
<p>Systems whose conformance run was certified with a key of this list's publisher. Each certificate is a signed statement (DSSE envelope of an in-toto statement) of one complete, CONFORMANT run of the ijw-conformance suite; it names every report file by its SHA-256. Check one yourself:
<code>npm run verify -- certificates/&lt;file&gt; --public-key &lt;publisher's key&gt; [--report &lt;the vendor's report folder&gt;]</code>.</p>
<p class="muted">Keys: ${list.keys.map((k) => `<code>${h(groupedFingerprint(k))}</code>`).join(', ') || 'none'} · generated ${h(list.generatedAt.slice(0, 10))} · ${list.listed.length} certificate(s)</p>
${sections.join('\n') || '<p>No certificates.</p>'}
</body>
</html>
`;
}

function row(c: ListedCertificate, region: string): string {
  const p = c.statement.predicate;
  const roles = p.verdicts.filter((v) => v.region === region).map((v) => `${role(v.role)}: ${v.verdict.toUpperCase().replace('-', ' ')}`);
  const status = c.supersededBy ? 'superseded' : c.expired ? 'expired' : 'valid';
  const statusText = c.supersededBy
    ? `superseded by ${c.supersededBy}${c.expired ? '; expired' : ''}`
    : c.expired
      ? `expired ${p.certificate.validUntil.slice(0, 10)}`
      : `valid until ${p.certificate.validUntil.slice(0, 10)}`;
  return `<tr class="${status}"><td>${h(p.sut.vendor || '—')}</td><td>${h(p.sut.name)}</td><td>${h(p.sut.version)}</td><td>${roles.map(h).join('<br>')}</td><td>${h(p.certificate.issuedAt.slice(0, 10))}</td><td>${h(p.suite.version)}<br><span class="muted">rules v${h(p.suite.rulesVersion)}, <code>${h(p.suite.commit.slice(0, 12))}</code></span></td><td><code>${h(groupedFingerprint(c.fingerprint))}</code></td><td class="status ${status}">${h(statusText)}</td><td><a href="certificates/${h(encodeURIComponent(c.file))}">${h(c.file)}</a></td></tr>`;
}
