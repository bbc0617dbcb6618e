/**
 * The rule tables in the format of shared/RULES.md: cutting a region's section out of RULES.md
 * (what a pack's rules.md must equal) and its national part (what every region applies).
 *
 * @example
 *   rulesSection(readFileSync('../shared/RULES.md', 'utf8'), 'utrecht') // '## Utrecht (`utrecht`; …)\n\n| id | rule | …'
 */

const NOT_TESTABLE = '## Not testable through messages';

/** Lines of the `## ` section whose heading matches, up to the next `## ` heading; trailing blank lines dropped. */
function section(lines: string[], heading: (h: string) => boolean): string[] {
  const start = lines.findIndex((l) => l.startsWith('## ') && heading(l));
  if (start < 0) return [];
  let end = lines.findIndex((l, i) => i > start && l.startsWith('## '));
  if (end < 0) end = lines.length;
  const out = lines.slice(start, end);
  while (out.length && !out[out.length - 1]!.trim()) out.pop();
  return out;
}

const rowId = (l: string) => /^\|\s*([A-Z]{3}-[A-Z0-9-]+)\s*\|/.exec(l)?.[1];

/**
 * The region's section of RULES.md (heading "## … (`id`; …)"), followed by its rows of "Not
 * testable through messages" under that heading, if it has any: the text of a pack's rules.md.
 * Undefined when RULES.md has no section for the id.
 */
export function rulesSection(rulesMd: string, id: string): string | undefined {
  const lines = rulesMd.split('\n');
  const own = section(lines, (h) => h.includes(`(\`${id}\`;`) || h.includes(`(\`${id}\`)`));
  if (!own.length) return undefined;
  const prefix = own.map(rowId).find(Boolean)?.slice(0, 4);
  const nt = section(lines, (h) => h.startsWith(NOT_TESTABLE));
  const header = nt.findIndex((l) => /^\|\s*id\s*\|/.test(l));
  const rows = prefix && header >= 0 ? nt.filter((l) => rowId(l)?.startsWith(prefix)) : [];
  const tail = rows.length ? ['', NOT_TESTABLE, '', nt[header]!, nt[header + 1]!, ...rows] : [];
  return [...own, ...tail].join('\n') + '\n';
}

/** The national part of RULES.md: everything before the first regional section (the title, the conventions, the IJW table). */
export function nationalPart(rulesMd: string): string {
  const lines = rulesMd.split('\n');
  const first = lines.findIndex((l) => l.startsWith('## ') && /\(`[a-z][a-z-]*`/.test(l));
  return lines.slice(0, first < 0 ? lines.length : first).join('\n') + '\n';
}
