/**
 * What the HTML report shows at its top when the run was certified: the key's fingerprint
 * (what a region checks against its published key) and what the certificate covers. The
 * report is itself a subject of the certificate, so it names the key, not the signature.
 */
import { escapeHtml as h } from '../escape.ts';

export interface CertificateBanner {
  /** SHA-256 of the signing key's SubjectPublicKeyInfo, hex (the DSSE keyid). */
  fingerprint: string;
  /** File name of the certificate beside the report. */
  file: string;
  sut: string;
  regions: string[];
  roles: string[];
  suite: { version: string; commit: string; rulesVersion: string };
  validUntil: string;
}

export const CERTIFICATE_CSS = `.certificate{border:2px solid var(--pass);border-radius:6px;padding:.4rem 1rem;margin:.3rem 0 1rem;background:#f6fff8}
.certificate h2{font-size:1.1rem;margin:.2rem 0}.certificate code.fp{word-break:break-all}`;

/** Groups a hex fingerprint in fours, as people read it aloud. */
export function groupedFingerprint(hex: string): string {
  return hex.replace(/(.{4})(?!$)/g, '$1 ');
}

export function certificateBannerHtml(c: CertificateBanner): string {
  return `<section class="certificate" id="certificate">
<h2>Signed certificate</h2>
<dl class="meta">
<dt>Key fingerprint (SHA-256)</dt><dd><code class="fp" id="certificate-fingerprint">${h(groupedFingerprint(c.fingerprint))}</code></dd>
<dt>Covers</dt><dd>${h(c.sut)}: ${h(c.regions.join(', '))} as ${h(c.roles.join(', '))}; suite ${h(c.suite.version)} (commit <code>${h(c.suite.commit.slice(0, 12))}</code>, rule catalogue v${h(c.suite.rulesVersion)}); every report file of this run by SHA-256</dd>
<dt>Valid until</dt><dd>${h(c.validUntil.slice(0, 10))}</dd>
<dt>Certificate</dt><dd><a href="${h(encodeURI(c.file))}">${h(c.file)}</a> — check it with <code>npm run verify -- ${h(c.file)} --report . --public-key &lt;key.pub&gt;</code></dd>
</dl>
</section>`;
}
