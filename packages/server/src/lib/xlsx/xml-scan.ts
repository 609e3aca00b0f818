// A streaming XML tokenizer for the parts of an .xlsx, with limits a SAX library does not keep:
// element depth, length of one tag and of one text node are checked as the text arrives, so a
// 400 MB cell or 100,000 nested elements are refused after a few kilobytes, never accumulated.
// DTDs are refused outright (an .xlsx has none; they are how entity-expansion bombs work).
// Element names are given without their namespace prefix (`x:row` → `row`).
import { AppError } from '@paicha/core';

export interface XmlLimits {
  maxDepth: number;
  /** Characters of one text node (raw, before entities are decoded). */
  maxText: number;
  /** Characters of one tag with its attributes. */
  maxTag: number;
}

export interface XmlHandler {
  /** `tag` is the whole tag text; attributes start at `attrsAt` (read them with `readAttrs`). */
  open(name: string, tag: string, attrsAt: number): void;
  close(name: string): void;
  /** Decoded text inside the current element (whitespace between elements included). */
  text(value: string): void;
}

const malformed = (why: string) => new AppError('unprocessable', `文件内容不是有效的 Excel 格式（${why}）`);

export class XmlScanner {
  private rest = '';
  private textParts: string[] = [];
  private textLen = 0;
  private depth = 0;

  constructor(
    private readonly handler: XmlHandler,
    private readonly limits: XmlLimits,
    private readonly onTooLong: () => AppError,
  ) {}

  write(chunk: string): void {
    const s = this.rest ? this.rest + chunk : chunk;
    this.rest = '';
    const n = s.length;
    let pos = 0;
    while (pos < n) {
      const lt = s.indexOf('<', pos);
      if (lt < 0) {
        this.addText(s, pos, n, false);
        return;
      }
      if (lt > pos) this.addText(s, pos, lt, false);
      const c1 = s.charCodeAt(lt + 1);
      if (c1 === 33 /* ! */) {
        if (s.startsWith('<!--', lt)) {
          const end = s.indexOf('-->', lt + 4);
          if (end < 0) {
            this.keep(s, lt, this.limits.maxText);
            return;
          }
          pos = end + 3;
          continue;
        }
        if (s.startsWith('<![CDATA[', lt)) {
          const end = s.indexOf(']]>', lt + 9);
          if (end < 0) {
            this.keep(s, lt, this.limits.maxText);
            return;
          }
          this.addText(s, lt + 9, end, true);
          pos = end + 3;
          continue;
        }
        if (n - lt < 9) {
          this.keep(s, lt, this.limits.maxTag);
          return;
        }
        throw malformed('含有 DTD 声明');
      }
      if (c1 === 63 /* ? */) {
        const end = s.indexOf('?>', lt + 2);
        if (end < 0) {
          this.keep(s, lt, this.limits.maxTag);
          return;
        }
        pos = end + 2;
        continue;
      }
      // A tag: its end is the first '>' outside a quoted attribute value.
      let i = lt + 1;
      let quote = 0;
      for (; i < n; i++) {
        const c = s.charCodeAt(i);
        if (quote) {
          if (c === quote) quote = 0;
        } else if (c === 62 /* > */) break;
        else if (c === 34 || c === 39) quote = c;
      }
      if (i >= n) {
        this.keep(s, lt, this.limits.maxTag);
        return;
      }
      if (i - lt > this.limits.maxTag) throw this.onTooLong();
      this.flushText();
      const tag = s.slice(lt, i + 1);
      if (c1 === 47 /* / */) {
        if (this.depth === 0) throw malformed('结束标记多余');
        this.depth--;
        this.handler.close(localName(tag, 2, tag.length - 1));
      } else {
        let nameEnd = lt + 1;
        while (nameEnd < i) {
          const c = s.charCodeAt(nameEnd);
          if (c === 32 || c === 9 || c === 10 || c === 13 || c === 47 || c === 62) break;
          nameEnd++;
        }
        const name = localName(tag, 1, nameEnd - lt);
        if (++this.depth > this.limits.maxDepth)
          throw new AppError(
            'unprocessable',
            `文件的 XML 嵌套超过 ${this.limits.maxDepth} 层，已拒绝（不是正常的 Excel 文件）`,
          );
        this.handler.open(name, tag, nameEnd - lt);
        if (s.charCodeAt(i - 1) === 47 /* / */) {
          this.depth--;
          this.handler.close(name);
        }
      }
      pos = i + 1;
    }
  }

  end(): void {
    if (this.rest || this.depth > 0) throw malformed('内容不完整');
    this.flushText();
  }

  private keep(s: string, from: number, limit: number): void {
    if (s.length - from > limit) throw this.onTooLong();
    this.rest = s.slice(from);
  }

  private addText(s: string, from: number, to: number, cdata: boolean): void {
    this.textLen += to - from;
    if (this.textLen > this.limits.maxText) throw this.onTooLong();
    const part = s.slice(from, to);
    this.textParts.push(cdata ? part.replace(/&/g, '&amp;').replace(/</g, '&lt;') : part);
  }

  private flushText(): void {
    if (this.textLen === 0 && this.textParts.length === 0) return;
    const raw = this.textParts.length === 1 ? (this.textParts[0] as string) : this.textParts.join('');
    this.textParts = [];
    this.textLen = 0;
    if (raw) this.handler.text(raw.includes('&') ? decodeEntities(raw) : raw);
  }
}

function localName(tag: string, from: number, to: number): string {
  const colon = tag.indexOf(':', from);
  return tag.slice(colon >= 0 && colon < to ? colon + 1 : from, to).trim();
}

const NAMED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-fA-F]{1,6}|#[0-9]{1,7}|lt|gt|amp|quot|apos);/g, (m, e: string) => {
    if (e[0] !== '#') return NAMED[e] ?? m;
    const code = e[1] === 'x' ? Number.parseInt(e.slice(2), 16) : Number.parseInt(e.slice(1), 10);
    return code <= 0x10ffff ? String.fromCodePoint(code) : m;
  });
}

/** Attributes of a tag as [name, value, name, value, …], names without prefix, values decoded. */
export function readAttrs(tag: string, at: number): string[] {
  const out: string[] = [];
  const n = tag.length;
  let i = at;
  while (i < n) {
    let c = tag.charCodeAt(i);
    while (c === 32 || c === 9 || c === 10 || c === 13) c = tag.charCodeAt(++i);
    if (c === 47 || c === 62 || i >= n) break;
    const nameStart = i;
    while (i < n && c !== 61 /* = */ && c !== 32 && c !== 9 && c !== 10 && c !== 13) c = tag.charCodeAt(++i);
    const name = tag.slice(nameStart, i);
    while (c === 32 || c === 9 || c === 10 || c === 13) c = tag.charCodeAt(++i);
    if (c !== 61) break;
    c = tag.charCodeAt(++i);
    while (c === 32 || c === 9 || c === 10 || c === 13) c = tag.charCodeAt(++i);
    if (c !== 34 && c !== 39) break;
    const end = tag.indexOf(c === 34 ? '"' : "'", i + 1);
    if (end < 0) break;
    const value = tag.slice(i + 1, end);
    i = end + 1;
    // Namespace declarations are not attributes (`xmlns:r` would otherwise read as `r`).
    if (name.startsWith('xmlns')) continue;
    const colon = name.indexOf(':');
    out.push(colon >= 0 ? name.slice(colon + 1) : name, value.includes('&') ? decodeEntities(value) : value);
  }
  return out;
}

export function attr(attrs: readonly string[], name: string): string | undefined {
  for (let i = 0; i < attrs.length; i += 2) if (attrs[i] === name) return attrs[i + 1];
  return undefined;
}
