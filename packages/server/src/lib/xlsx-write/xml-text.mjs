// Text made safe for the workbook's XML. Plain JavaScript for the worker thread (zip-stream.mjs).

// XML 1.0 refuses C0 controls other than tab, LF and CR, U+FFFE/U+FFFF and unpaired surrogates:
// one in a cell would make Excel call the whole file corrupt, so they are dropped.
const ILLEGAL =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: finding the characters XML refuses is the point
  /[\x00-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
// biome-ignore lint/suspicious/noControlCharactersInRegex: as above
const SPECIAL = /[&<>"\r\x00-\x08\x0B\x0C\x0E-\x1F\uD800-\uDFFF\uFFFE\uFFFF]/;
const ESCAPES = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', '\r': '&#13;' };

/**
 * Text as XML content (or, with `attribute`, an attribute value): escaped, illegal characters
 * dropped. A CR is written as a reference, else the reader's line-end normalisation loses it.
 */
export function xmlText(value, attribute) {
  const s = String(value);
  if (!attribute && !SPECIAL.test(s)) return s;
  const clean = s.replace(ILLEGAL, '').replace(/[&<>"\r]/g, (c) => ESCAPES[c]);
  return attribute ? clean.replace(/\n/g, '&#10;').replace(/\t/g, '&#9;') : clean;
}
