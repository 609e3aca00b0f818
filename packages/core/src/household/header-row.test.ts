import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { NATIONAL_HEADER } from '../test/household-data.js';
import { findHeaderRow } from './header-row.js';
import { matchHeader } from './headers.js';

describe('findHeaderRow', () => {
  const data = ['1', '江苏省连云港市', '开发区', '中云街道', '云山村', '3207030001', '320703000101', '张三'];

  it('finds the header under title rows, merged title cells and blank rows', () => {
    const rows = [
      ['2019年建档立卡贫困人口信息表', '', '', ''],
      [],
      ['填报单位：中云街道', '', '', '填报时间：2019年12月14日'],
      ['', '', ''],
      NATIONAL_HEADER,
      data,
    ];
    const found = findHeaderRow(rows, 'national');
    expect(found).toMatchObject({ headerRow: 4, headerRows: 1, dataStart: 5 });
    expect(found?.match.ok).toBe(true);
  });

  it('merges a grouped two-row header', () => {
    const rows = [
      ['户编号', '姓名', '证件号码', '与户主关系', '医疗保障', '', '住房'],
      ['', '', '', '', '是否参加城乡居民基本医疗保险', '是否参加大病保险', '危房等级'],
      ['3207030001', '张三', '11010519491231002X', '户主', '是', '是', 'A'],
    ];
    const found = findHeaderRow(rows, 'national');
    expect(found).toMatchObject({ headerRow: 0, headerRows: 2, dataStart: 2 });
    expect(found?.headers).toEqual([
      '户编号',
      '姓名',
      '证件号码',
      '与户主关系',
      '是否参加城乡居民基本医疗保险',
      '是否参加大病保险',
      '危房等级',
    ]);
  });

  it('skips a column-number row and never takes a data row for a header', () => {
    const rows = [
      ['户编号', '姓名', '证件号码', '与户主关系', '帮扶措施'],
      ['1', '2', '3', '4', '5'],
      ['3207030001', '张三', '11010519491231002X', '户主', '低保'],
    ];
    expect(findHeaderRow(rows, 'national')).toMatchObject({ headerRow: 0, headerRows: 1, dataStart: 2 });
    const noNumbers = [rows[0] ?? [], ['', '张三', '', '户主', '低保']];
    expect(findHeaderRow(noNumbers, 'national')).toMatchObject({ headerRow: 0, dataStart: 1 });
  });

  it('returns null when nothing looks like a header', () => {
    expect(findHeaderRow([['2019年建档立卡贫困人口信息表'], ['张三', '李四']], 'national')).toBeNull();
    expect(findHeaderRow([], 'national')).toBeNull();
    const deep = [...Array.from({ length: 40 }, () => ['说明']), NATIONAL_HEADER];
    expect(findHeaderRow(deep, 'national')).toBeNull();
    expect(findHeaderRow(deep, 'national', { maxScan: 50 })?.headerRow).toBe(40);
  });

  it('finds a shuffled header below any title rows and maps every column', () => {
    const header = fc.shuffledSubarray(NATIONAL_HEADER, { minLength: NATIONAL_HEADER.length });
    const titles = fc.array(
      fc.array(fc.constantFrom('', '开发区', '2019年', '信息表', '填报单位：', '单位：元')),
      {
        maxLength: 8,
      },
    );
    fc.assert(
      fc.property(header, titles, (h, t) => {
        const found = findHeaderRow([...t, h, data], 'national');
        if (found?.headerRow !== t.length || !found.match.ok) return false;
        return found.match.columns.every((c) => matchHeader(h[c.column], 'national')?.field === c.field);
      }),
    );
  });
});
