// Which encoding a CSV file is in. Excel on Chinese Windows saves "CSV" in GBK (code page 936)
// and "CSV UTF-8" with a BOM; exports from web systems are plain UTF-8. Nobody is asked: a
// clerk does not know. Decoding is the caller's (iconv-lite on the server); this only decides.

export type TextEncodingName = 'utf-8' | 'utf-8-bom' | 'gb18030';

interface Utf8Scan {
  valid: boolean;
  /** Characters of Chinese text: ideographs, CJK and full-width punctuation, “”√①○✓. */
  plausible: number;
  /** Other non-ASCII characters (Latin-1, Cyrillic, Arabic, rare CJK Ext-A …). */
  implausible: number;
}

// Latin-1 is left out on purpose: it is exactly what GBK bytes with lead C2/C3 (卢 陆 毛 梅 猫 …)
// decode to when misread as UTF-8, and a Chinese CSV that really is UTF-8 has ideographs. The
// four Latin-1 signs clerks do type (× for 否, the · of minority names, °, ¥) count for neither.
const NEUTRAL = new Set([0xd7, 0xb7, 0xb0, 0xa5]);

function isPlausible(cp: number): boolean {
  return (
    (cp >= 0x2000 && cp <= 0x2bff) || // punctuation, letterlike, arrows, math (√), ①, box, ○ ✓ ✗
    (cp >= 0x3000 && cp <= 0x303f) || // CJK punctuation: 、。《》【】
    (cp >= 0x4e00 && cp <= 0x9fff) || // CJK unified ideographs
    (cp >= 0xff00 && cp <= 0xffef) || // full-width forms
    cp === 0xfeff
  );
}

/**
 * Strict UTF-8 validation (no overlong forms, no surrogates, nothing above U+10FFFF) that also
 * counts what the characters are. A sequence cut off by the end of the buffer is accepted, so
 * the caller may pass only the first chunk of a large file.
 */
function scanUtf8(b: Uint8Array): Utf8Scan {
  const scan: Utf8Scan = { valid: true, plausible: 0, implausible: 0 };
  let i = 0;
  while (i < b.length) {
    const c = b[i] ?? 0;
    if (c < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let cp: number;
    let min: number;
    if (c >= 0xc2 && c <= 0xdf) [need, cp, min] = [1, c & 0x1f, 0x80];
    else if (c >= 0xe0 && c <= 0xef) [need, cp, min] = [2, c & 0x0f, 0x800];
    else if (c >= 0xf0 && c <= 0xf4) [need, cp, min] = [3, c & 0x07, 0x10000];
    else return { ...scan, valid: false };
    for (let k = 1; k <= need; k++) {
      if (i + k >= b.length) return scan; // cut off by the chunk boundary
      const t = b[i + k] ?? 0;
      if ((t & 0xc0) !== 0x80) return { ...scan, valid: false };
      cp = (cp << 6) | (t & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return { ...scan, valid: false };
    if (isPlausible(cp)) scan.plausible++;
    else if (!NEUTRAL.has(cp)) scan.implausible++;
    i += need + 1;
  }
  return scan;
}

/** Whether the bytes parse as GB18030 (one, two or four bytes per character). */
function isGb18030(b: Uint8Array): boolean {
  let i = 0;
  while (i < b.length) {
    const c = b[i] ?? 0;
    if (c < 0x80) {
      i++;
      continue;
    }
    if (c === 0x80 || c === 0xff) return false;
    if (i + 1 >= b.length) return true; // cut off by the chunk boundary
    const t = b[i + 1] ?? 0;
    if ((t >= 0x40 && t <= 0x7e) || (t >= 0x80 && t <= 0xfe)) {
      i += 2;
    } else if (t >= 0x30 && t <= 0x39) {
      if (i + 3 >= b.length) return true;
      const [t2, t3] = [b[i + 2] ?? 0, b[i + 3] ?? 0];
      if (t2 < 0x81 || t2 > 0xfe || t3 < 0x30 || t3 > 0x39) return false;
      i += 4;
    } else {
      return false;
    }
  }
  return true;
}

/**
 * The encoding of CSV bytes (the whole file or its first chunk; 64 KB is plenty). Valid UTF-8 is
 * UTF-8 — unless it decodes mostly to characters Chinese text does not use while the same bytes
 * are well-formed GBK: short GBK texts can be valid UTF-8 by accident (卢路 = C2 AC C2 B7 reads
 * as "¬·"). Anything else is GB18030, the superset of GBK and GB2312.
 */
export function detectTextEncoding(bytes: Uint8Array): TextEncodingName {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8-bom';
  const utf8 = scanUtf8(bytes);
  if (!utf8.valid) return 'gb18030';
  if (utf8.implausible > utf8.plausible && isGb18030(bytes)) return 'gb18030';
  return 'utf-8';
}
