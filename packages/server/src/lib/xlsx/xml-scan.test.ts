// The tokenizer sees the XML in arbitrary pieces (inflated chunks): whatever the cut — inside a
// tag, an attribute, an entity, a CDATA section or a comment — the events are the same.
import { AppError } from '@paicha/core';
import { describe, expect, it } from 'vitest';
import { attr, readAttrs, XmlScanner } from './xml-scan.js';

const XML = `<?xml version="1.0"?><!-- 注释 --><x:sst xmlns:x="ns" a='1 > 0' b="&quot;q&quot;">
<x:si><x:t xml:space="preserve"> 张&amp;三 &#x4E2D;&#25991; </x:t></x:si><si><t><![CDATA[<原样> & ]]></t></si><e/></x:sst>`;

function events(pieces: string[]): string[] {
  const out: string[] = [];
  const scanner = new XmlScanner(
    {
      open: (name, tag, at) => out.push(`<${name} ${JSON.stringify(readAttrs(tag, at))}`),
      close: (name) => out.push(`</${name}`),
      text: (v) => out.push(`"${v}"`),
    },
    { maxDepth: 8, maxText: 1000, maxTag: 1000 },
    () => new AppError('unprocessable', 'too long'),
  );
  for (const p of pieces) scanner.write(p);
  scanner.end();
  return out;
}

describe('xml scanner', () => {
  it('gives the same events however the text is cut', () => {
    const whole = events([XML]);
    expect(whole).toEqual([
      '<sst ["a","1 > 0","b","\\"q\\""]',
      '"\n"',
      '<si []',
      '<t ["space","preserve"]',
      '" 张&三 中文 "',
      '</t',
      '</si',
      '<si []',
      '<t []',
      '"<原样> & "',
      '</t',
      '</si',
      '<e []',
      '</e',
      '</sst',
    ]);
    expect(events([...XML])).toEqual(whole);
    for (let cut = 1; cut < XML.length; cut += 7)
      expect(events([XML.slice(0, cut), XML.slice(cut)])).toEqual(whole);
  });

  it('reads attributes with spaces around =, single quotes and prefixes; skips namespace declarations', () => {
    const tag = `<c  r = 'B7'\tt="s" xmlns:r="x" r:id="rId3"/>`;
    const a = readAttrs(tag, 2);
    expect(attr(a, 'r')).toBe('B7');
    expect(attr(a, 't')).toBe('s');
    expect(attr(a, 'id')).toBe('rId3');
    expect(a).toHaveLength(6);
  });

  it('refuses depth, long text and long tags as they arrive, and a document cut short', () => {
    expect(() => events(['<a>'.repeat(9)])).toThrow(/嵌套超过 8 层/);
    expect(() => events(['<a>', 'x'.repeat(600), 'x'.repeat(600)])).toThrow('too long');
    expect(() => events([`<a b="${'x'.repeat(1200)}`])).toThrow('too long');
    expect(() => events(['<a><b>'])).toThrow(/内容不完整/);
  });
});
