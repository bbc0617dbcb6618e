/** Checks a lexical value against a simple type, as an XSD validator would. */
import type { SimpleType } from './types.ts';

const regexCache = new Map<string, RegExp>();

/** XSD regular expressions are implicitly anchored, and `\s`, `\S`, `.` are narrower than in JS. */
function xsdRegex(pattern: string): RegExp {
  let re = regexCache.get(pattern);
  if (!re) {
    let js = '';
    for (let i = 0; i < pattern.length; i++) {
      const c = pattern[i]!;
      if (c === '\\' && i + 1 < pattern.length) {
        const n = pattern[++i]!;
        js += n === 's' ? '[ \\t\\n\\r]' : n === 'S' ? '[^ \\t\\n\\r]' : `\\${n}`;
      } else if (c === '.') {
        // Inside a character class '.' is literal in both dialects.
        js += insideClass(pattern, i) ? '.' : '[^\\n\\r]';
      } else js += c;
    }
    // A `\s` expansion inside a class must not nest brackets.
    js = js.replace(/\[([^\]]*?)\[ \\t\\n\\r\]/g, '[$1 \\t\\n\\r').replace(/\[([^\]]*?)\[\^ \\t\\n\\r\]/g, '[$1^ \\t\\n\\r');
    re = new RegExp(`^(?:${js})$`, 'u');
    regexCache.set(pattern, re);
  }
  return re;
}

function insideClass(p: string, at: number): boolean {
  let open = false;
  for (let i = 0; i < at; i++) {
    if (p[i] === '\\') i++;
    else if (p[i] === '[') open = true;
    else if (p[i] === ']') open = false;
  }
  return open;
}

/** XSD whiteSpace collapse: only space, tab, CR and LF count (trim() would also strip NBSP). */
const collapse = (s: string) => (HAS_SPACE.test(s) ? s.replace(/[ \t\n\r]+/g, ' ').replace(/^ | $/g, '') : s);
const HAS_SPACE = /[ \t\n\r]/;

/** True when `y-m-d` is a date that exists in the proleptic Gregorian calendar. */
export function isRealDate(value: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return false;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  if (y === 0 || mo < 1 || mo > 12 || d < 1) return false;
  const dim = [31, y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][mo - 1]!;
  return d <= dim;
}

export interface SimpleResult {
  /** The typed value: number for integer types, the (whitespace-normalised) string otherwise. */
  readonly value: string | number;
  readonly problem?: string;
}

/**
 * Checks `raw` against `type`.
 * @example checkSimple(LDT_Datum, '2025-02-30').problem // 'is not an existing date'
 */
export function checkSimple(type: SimpleType, raw: string): SimpleResult {
  // Dates and codes repeat a million times in a large declaration: judge each once, and keep
  // one string of each (the model holds the first, not one copy per line). Codes include the
  // short free ones (a ProductCode is at most 5 characters, from a short list). Values that are
  // mostly unique (numbers, identifiers, amounts) are not kept.
  if (raw.length > 32 || !(type.enumeration || type.base === 'date' || type.base === 'time' || (type.base === 'string' && type.maxLength !== undefined && type.maxLength <= 5))) return judge(type, raw);
  let seen = memo.get(type);
  if (!seen) memo.set(type, (seen = new Map()));
  let r = seen.get(raw);
  if (!r) {
    r = judge(type, raw);
    if (seen.size < MEMO_PER_TYPE) seen.set(raw, r);
  }
  return r;
}

// A bound for values that turn out not to repeat; above the product codes a declaration uses.
const MEMO_PER_TYPE = 4096;
const memo = new WeakMap<SimpleType, Map<string, SimpleResult>>();

function judge(type: SimpleType, raw: string): SimpleResult {
  const lexical = type.base === 'string' ? raw : collapse(raw);
  let value: string | number = lexical;
  switch (type.base) {
    case 'integer': {
      if (!/^[+-]?\d+$/.test(lexical)) return { value: lexical, problem: `'${lexical}' is not an integer` };
      value = Number(lexical);
      if (!Number.isSafeInteger(value)) return { value: lexical, problem: `'${lexical}' is out of range` };
      break;
    }
    case 'date': {
      const core = /^(\d{4}-\d{2}-\d{2})(Z|[+-]\d{2}:\d{2})?$/.exec(lexical);
      if (!core) return { value: lexical, problem: `'${lexical}' is not a date (YYYY-MM-DD)` };
      if (!isRealDate(core[1]!)) return { value: lexical, problem: `'${lexical}' is not an existing date` };
      break;
    }
    case 'time': {
      if (!/^([01]\d|2[0-3]):[0-5]\d:[0-5]\d(\.\d+)?(Z|[+-]\d{2}:\d{2})?$/.test(lexical)) {
        return { value: lexical, problem: `'${lexical}' is not a time (hh:mm:ss)` };
      }
      break;
    }
    case 'string':
      break;
  }
  const len = codePoints(lexical);
  if (type.minLength !== undefined && len < type.minLength) {
    return { value, problem: `'${lexical}' is shorter than ${type.minLength} characters` };
  }
  if (type.maxLength !== undefined && len > type.maxLength) {
    return { value, problem: `'${clip(lexical)}' is longer than ${type.maxLength} characters (${len})` };
  }
  if (typeof value === 'number') {
    if (type.minInclusive !== undefined && value < type.minInclusive) return { value, problem: `${value} is below the minimum ${type.minInclusive}` };
    if (type.maxInclusive !== undefined && value > type.maxInclusive) return { value, problem: `${value} is above the maximum ${type.maxInclusive}` };
  }
  if (type.enumeration && !type.enumeration.includes(lexical)) {
    return { value, problem: `'${clip(lexical)}' is not a code of ${type.name} (allowed: ${listCodes(type.enumeration)})` };
  }
  const steps = type.patterns === undefined ? undefined : compiledPatterns(type);
  for (let i = 0; i < (steps?.length ?? 0); i++) {
    const step = type.patterns![i]!;
    let ok: boolean;
    try {
      ok = steps![i]!.some((re) => re.test(lexical));
    } catch (e) {
      // V8's backtracking ran out of stack on a huge value: a finding, never a crash.
      if (!(e instanceof RangeError)) throw e;
      return { value, problem: `'${clip(lexical)}' (${len} characters) is too long to check against the pattern ${step.join(' | ')} of ${type.name}` };
    }
    if (!ok) return { value, problem: `'${clip(lexical)}' does not match the pattern ${step.join(' | ')} of ${type.name}` };
  }
  return { value };
}

/**
 * Patterns whose literal translation backtracks once per repetition in V8 and overflows the
 * stack on a few MB of text (a 4 MB Commentaar of words threw RangeError), with an equivalent
 * regex that does not. `([.\s]*\S+[.\s]*)+` (LDT_Commentaar; '.' in a class is literal) holds
 * exactly for the strings with at least one character outside XSD's \s.
 */
const EQUIVALENT: ReadonlyMap<string, RegExp> = new Map([['([.\\s]*\\S+[.\\s]*)+', /[^ \t\n\r]/]]);

/** Each type's patterns as regexes, made once per type (a declaration checks a million values). */
const compiled = new WeakMap<SimpleType, readonly (readonly RegExp[])[]>();
function compiledPatterns(type: SimpleType): readonly (readonly RegExp[])[] {
  let c = compiled.get(type);
  if (!c) compiled.set(type, (c = (type.patterns ?? []).map((step) => step.map((p) => EQUIVALENT.get(p) ?? xsdRegex(p)))));
  return c;
}

/** Length in code points, as XSD counts characters, without copying a (possibly huge) string into an array. */
function codePoints(s: string): number {
  let n = s.length;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        n--;
        i++;
      }
    }
  }
  return n;
}

const clip = (s: string) => (s.length > 60 ? `${s.slice(0, 57)}...` : s);
const listCodes = (codes: readonly string[]) => (codes.length > 12 ? `${codes.slice(0, 12).join(', ')}, … ${codes.length} codes` : codes.join(', '));
