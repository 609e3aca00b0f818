// Text cleanup shared by every cell parser. Exports from Chinese office software carry full-width
// characters (typed with the IME in full-width mode), ideographic spaces used for alignment, and
// invisible characters pasted in from web pages and chat apps; none of them change the meaning.

// Zero-width space/joiners, word joiner, BOM (also appears mid-file after concatenation), soft
// hyphen: invisible in Excel, but they break equality and the ID-number pattern.
const INVISIBLE = /[\u200B-\u200D\u2060\uFEFF\u00AD]/g;

// Fast paths: an importer cleans every cell of a million rows, and nearly every cell is already
// clean. Each test below proves the full cleanup would return its input unchanged.
const WIDE = /[\uFF01-\uFF5E\u3000\u00A0]/;
// No whitespace (\s covers U+3000 and NBSP), no invisible character, no full-width ASCII.
const ALREADY_CLEAN = /^[^\s\u200B-\u200D\u2060\uFEFF\u00AD\uFF01-\uFF5E]*$/;
// Something that survives cleanup: not whitespace, not invisible.
const VISIBLE = /[^\s\u200B-\u200D\u2060\uFEFF\u00AD]/;
// Chinese characters only: no space, middle dot or invisible character for cleanName to touch.
const PLAIN_NAME = /^[\u3400-\u9FFF]+$/;

/** Full-width ASCII (U+FF01–FF5E) → ASCII, ideographic space U+3000 and NBSP → space. */
export function toHalfWidth(s: string): string {
  if (!WIDE.test(s)) return s;
  let out = '';
  for (const ch of s) {
    const c = ch.charCodeAt(0);
    if (c >= 0xff01 && c <= 0xff5e) out += String.fromCharCode(c - 0xfee0);
    else if (c === 0x3000 || c === 0x00a0) out += ' ';
    else out += ch;
  }
  return out;
}

export function stripInvisible(s: string): string {
  return s.replace(INVISIBLE, '');
}

/** A cell value as text: null/undefined → '', numbers and booleans as JavaScript prints them. */
export function cellText(raw: unknown): string {
  if (raw === null || raw === undefined) return '';
  if (typeof raw === 'string') return raw;
  if (typeof raw === 'number' || typeof raw === 'boolean' || typeof raw === 'bigint') return String(raw);
  if (raw instanceof Date) return Number.isNaN(raw.getTime()) ? '' : raw.toISOString();
  return String(raw);
}

/**
 * The cleaned text of a cell: invisible characters removed, full-width ASCII made half-width,
 * every run of whitespace (including line breaks inside a cell) collapsed to one space, trimmed.
 */
export function cleanText(raw: unknown): string {
  if (typeof raw === 'string' && ALREADY_CLEAN.test(raw)) return raw;
  return toHalfWidth(stripInvisible(cellText(raw)))
    .replace(/\s+/g, ' ')
    .trim();
}

const CJK = '\\u3400-\\u9FFF\\uF900-\\uFAFF';
const SPACE_BETWEEN_CJK = new RegExp(`(?<=[${CJK}·])\\s+(?=[${CJK}·])`, 'g');

/**
 * A person's name for comparison: clerks pad two-character names to line up in printed lists
 * ("张  三"), so spaces between Chinese characters go; spaces in Latin names stay. The many
 * middle dots of minority names (·・•‧) become one form.
 */
export function cleanName(raw: unknown): string {
  if (typeof raw === 'string' && PLAIN_NAME.test(raw)) return raw;
  return cleanText(raw)
    .replace(/[・•‧⋅]/g, '·')
    .replace(SPACE_BETWEEN_CJK, '')
    .replace(/\s*·\s*/g, '·');
}

/** True for a blank cell: empty, whitespace, or invisible characters only. */
export function isBlank(raw: unknown): boolean {
  if (typeof raw === 'string') {
    // Printable ASCII or a common ideograph first: visible, so not blank (the usual cell).
    const c = raw.charCodeAt(0);
    if ((c > 0x20 && c < 0x7f) || (c >= 0x4e00 && c <= 0x9fff)) return false;
    return !VISIBLE.test(raw);
  }
  return cleanText(raw) === '';
}
