import { describe, expect, it } from 'vitest';
import { NATIONAL_HEADER } from '../test/household-data.js';
import { detectSource, sourcesNamed } from './detect-source.js';

// Header rows as the systems export them (the national one is core's shared test header).
const NATIONAL = [
  ['全国扶贫开发信息系统 建档立卡贫困人口明细'],
  [],
  [...NATIONAL_HEADER],
  [
    '1',
    '连云港市',
    '开发区',
    '中云街道',
    '第1村',
    '320700000001',
    '1',
    '王某',
    '男',
    '320706199001011234',
    '户主',
  ],
];
const SUNSHINE = [
  [
    '县',
    '乡镇(街道)',
    '村(社区)',
    '户编号',
    '成员姓名',
    '身份证号码',
    '与户主关系',
    '家庭人口',
    '户类型',
    '脱贫状态',
    '年人均收入',
    '是否享受低保',
    '特困',
    '就学状态',
  ],
];
const EDUCATION = [['学生姓名', '学生身份证号', '学校名称', '年级', '在校状态']];
const MEDICAL = [['参保人姓名', '参保人身份证号', '险种', '参保状态']];
const HOUSING = [['户编号', '户主姓名', '户主身份证号', '鉴定等级', '鉴定日期']];
const CIVIL = [['救助对象姓名', '救助对象身份证号', '救助类型', '状态']];
const WATER = [['户编号', '户主姓名', '是否通自来水']];

describe('detectSource', () => {
  it('recognises each sector list by its headers alone, whatever the file is called', () => {
    expect(detectSource(EDUCATION, '1.csv')).toEqual({ source: 'education', by: 'headers' });
    expect(detectSource(MEDICAL, '2.xlsx')).toEqual({ source: 'medical', by: 'headers' });
    expect(detectSource(HOUSING, '3.csv')).toEqual({ source: 'housing', by: 'headers' });
    expect(detectSource(CIVIL, '4.csv')).toEqual({ source: 'civil', by: 'headers' });
    expect(detectSource(WATER, '5.csv')).toEqual({ source: 'water', by: 'headers' });
  });

  it('tells the national roll from 阳光扶贫 by the file name, since their headers fit both', () => {
    expect(detectSource(NATIONAL, '全国扶贫开发信息系统_贫困人口.xlsx')).toEqual({
      source: 'national',
      by: 'name',
    });
    expect(detectSource(NATIONAL, 'national.csv')).toEqual({ source: 'national', by: 'name' });
    expect(detectSource(SUNSHINE, '阳光扶贫监管系统导出.csv')).toEqual({ source: 'sunshine', by: 'name' });
  });

  it('refuses to guess when the headers fit several systems and the name does not settle it', () => {
    const guess = detectSource(NATIONAL, '导出数据.xlsx');
    expect(guess.source).toBeNull();
    if (guess.source === null) {
      expect(guess.candidates).toEqual(expect.arrayContaining(['national', 'sunshine']));
      expect(guess.message).toContain('全国扶贫开发信息系统');
      expect(guess.message).toContain('阳光扶贫监管系统');
    }
    // A name pointing at a system the headers do not fit does not override them.
    expect(detectSource(EDUCATION, '阳光扶贫.csv')).toEqual({ source: 'education', by: 'headers' });
  });

  it('refuses a file whose headers fit no system', () => {
    const guess = detectSource(
      [
        ['序号', '备注'],
        ['1', '无'],
      ],
      'national.csv',
    );
    expect(guess).toMatchObject({ source: null, candidates: [] });
  });

  it('reads the systems’ words in file names', () => {
    expect(sourcesNamed('2019年低保特困名单.xlsx')).toEqual(['civil']);
    expect(sourcesNamed('自来水入户.csv')).toEqual(['water']);
    expect(sourcesNamed('Sunshine.CSV')).toEqual(['sunshine']);
  });
});
