/**
 * Pretty-printed iJw XML as escaped HTML, with every RetourCode highlighted and explained.
 * Tolerant on purpose: the harness also records broken documents (that is what some
 * scenarios send), so this never parses, it only tokenises and indents.
 *
 * @example
 *   xmlToHtml('<a><RetourCode>0001</RetourCode></a>', (c) => 'Bericht afgekeurd')
 *   // '&lt;a&gt;\n  &lt;RetourCode&gt;<mark class="rc" title="0001: Bericht afgekeurd">0001</mark>…'
 */
import { escapeHtml } from './escape.ts';

const TOKEN = /<!\[CDATA\[[\s\S]*?\]\]>|<!--[\s\S]*?-->|<\?[\s\S]*?\?>|<![^>]*>|<\/?[^>]*>|[^<]+|</g;

interface Token {
  kind: 'open' | 'close' | 'self' | 'text' | 'other';
  raw: string;
  name?: string;
}

function tokenise(xml: string): Token[] {
  const out: Token[] = [];
  for (const m of xml.matchAll(TOKEN)) {
    const raw = m[0];
    if (raw.startsWith('</')) out.push({ kind: 'close', raw, name: localName(raw.slice(2)) });
    else if (/^<[\w:.-]/.test(raw) && raw.endsWith('/>')) out.push({ kind: 'self', raw, name: localName(raw.slice(1)) });
    else if (/^<[\w:.-]/.test(raw) && raw.endsWith('>')) out.push({ kind: 'open', raw, name: localName(raw.slice(1)) });
    else if (raw.startsWith('<')) out.push({ kind: 'other', raw });
    else if (raw.trim()) out.push({ kind: 'text', raw: raw.trim() });
  }
  return out;
}

function localName(s: string): string {
  const name = /^[\w:.-]+/.exec(s)?.[0] ?? '';
  return name.includes(':') ? name.slice(name.indexOf(':') + 1) : name;
}

/** Indented, escaped HTML of an XML document; RetourCode values become `<mark>` with their meaning. */
export function xmlToHtml(xml: string, meaning: (code: string) => string | undefined): string {
  const tokens = tokenise(xml);
  const lines: string[] = [];
  let depth = 0;
  const pad = () => '  '.repeat(Math.max(depth, 0));
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const next = tokens[i + 1];
    const after = tokens[i + 2];
    // <El>text</El> stays on one line.
    if (t.kind === 'open' && next?.kind === 'text' && after?.kind === 'close' && after.name === t.name) {
      const value = t.name === 'RetourCode' ? retourMark(next.raw, meaning) : escapeHtml(next.raw);
      lines.push(`${pad()}${tag(t.raw)}${value}${tag(after.raw)}`);
      i += 2;
      continue;
    }
    if (t.kind === 'close') depth--;
    lines.push(`${pad()}${t.kind === 'text' ? escapeHtml(t.raw) : tag(t.raw)}`);
    if (t.kind === 'open') depth++;
  }
  return lines.join('\n');
}

function tag(raw: string): string {
  return `<span class="tag">${escapeHtml(raw)}</span>`;
}

function retourMark(code: string, meaning: (code: string) => string | undefined): string {
  const m = meaning(code);
  return `<mark class="rc" title="${escapeHtml(`${code}: ${m ?? 'unknown retourcode'}`)}">${escapeHtml(code)}</mark>`;
}
