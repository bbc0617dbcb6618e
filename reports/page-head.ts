/**
 * The head of every HTML page the project writes (the run report, the rule catalogue, the
 * certificate list): self-contained, opened from disk, and its Content-Security-Policy allows
 * nothing from outside — only inline styles, and inline scripts or data: images where asked for.
 */
import { escapeHtml as h } from './escape.ts';

export function pageHead(title: string, css: string, allow: { scripts?: boolean; dataImages?: boolean } = {}): string {
  const csp = ["default-src 'none'; style-src 'unsafe-inline'", allow.scripts ? "; script-src 'unsafe-inline'" : '', allow.dataImages ? '; img-src data:' : ''].join('');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<title>${h(title)}</title>
<style>${css}</style>
</head>`;
}
