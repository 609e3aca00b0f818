// Writes the synthetic households (screening-data.ts) as the seven exports, each with its own
// header names: national.csv (UTF-8 with BOM, a title row above the header), sunshine.csv (GBK,
// as Excel on Chinese Windows saves it), the sector lists as UTF-8 CSV, and optionally the
// national export again as .xlsx (ExcelJS streaming writer). Streams with back-pressure.
import { once } from 'node:events';
import { createWriteStream, type WriteStream } from 'node:fs';
import path from 'node:path';
import type { HouseholdSource } from '@paicha/core';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { extraPersonId, type Household, households, PLANTS, type Planted, plant } from './screening-data.js';

class CsvFile {
  private chunk = '';
  private readonly out: WriteStream;
  rows = 0;
  constructor(
    file: string,
    private readonly encoding: 'utf8' | 'utf8-bom' | 'gbk',
  ) {
    this.out = createWriteStream(file);
    if (encoding === 'utf8-bom') this.chunk = '\uFEFF';
  }
  line(fields: readonly (string | number)[], data = true): void {
    this.chunk += `${fields.join(',')}\r\n`;
    if (data) this.rows++;
  }
  async flush(force = false): Promise<void> {
    if (!force && this.chunk.length < 1 << 18) return;
    const bytes = this.encoding === 'gbk' ? iconv.encode(this.chunk, 'gbk') : Buffer.from(this.chunk, 'utf8');
    this.chunk = '';
    if (!this.out.write(bytes)) await new Promise<void>((r) => this.out.once('drain', () => r()));
  }
  async close(): Promise<void> {
    await this.flush(true);
    await new Promise<void>((resolve, reject) =>
      this.out.end((err?: Error | null) => (err ? reject(err) : resolve())),
    );
  }
}

const NATIONAL = [
  '序号',
  '市',
  '县',
  '乡(镇)',
  '行政村',
  '户编号',
  '人口编号',
  '姓名',
  '性别',
  '证件号码',
  '与户主关系',
  '家庭人口数',
  '贫困户属性',
  '脱贫属性',
  '脱贫年度',
  '人均纯收入（元）',
  '在校生状况',
  '健康状况',
  '是否参加城乡居民基本医疗保险(新农合)',
  '是否参加大病保险',
  '是否享受低保',
  '是否特困供养人员',
  '是否解决安全饮水',
];
const SUNSHINE = [
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
];
const CATEGORY: Record<string, string> = {
  general: '一般贫困户',
  dibao: '低保贫困户',
  tekun: '特困供养贫困户',
};
const yn = (b: boolean) => (b ? '是' : '否');

/**
 * ExcelJS's streaming writer ignores back-pressure: rows are turned into XML far faster than the
 * zip entry deflates them, and at a million rows the queue held ~1 GB. Wait while it is long.
 */
async function xlsxBackPressure(ws: ExcelJS.Worksheet): Promise<void> {
  // The entry's input is a readable-stream 2 PassThrough: its queue is in _writableState.
  type Entry = NodeJS.EventEmitter & { _writableState?: { length: number } };
  const zipEntry = (ws as unknown as { stream?: { pipes?: Entry[] } }).stream?.pipes?.[0];
  if (zipEntry && (zipEntry._writableState?.length ?? 0) > 1 << 23) await once(zipEntry, 'drain');
}

export interface GeneratedData {
  dir: string;
  files: Record<HouseholdSource, string>;
  xlsx: string | null;
  rows: Record<HouseholdSource, number>;
  planted: Planted[];
  people: number;
  households: number;
}

function nationalRow(hh: Household, seq: number, m: number): (string | number)[] {
  const p = hh.members[m];
  if (!p) return [];
  const sex = Number(p.id[16]) % 2 === 1 ? '男' : '女';
  const status = hh.exited ? '已脱贫' : '未脱贫';
  return [
    seq,
    '连云港市',
    '开发区',
    hh.township,
    hh.village,
    hh.id,
    `${hh.id}${m + 1}`,
    p.name,
    sex,
    p.id,
    p.relation,
    hh.members.length,
    CATEGORY[hh.category] ?? '',
    status,
    hh.exited ? 2018 : '',
    hh.income,
    p.schoolStatus,
    p.health ?? '健康',
    '是',
    '是',
    yn(p.lowIncome),
    yn(p.extreme),
    '是',
  ];
}

export async function writeScreeningFiles(
  dir: string,
  people: number,
  options: { xlsx?: boolean; unmatchedTownship?: boolean } = {},
): Promise<GeneratedData> {
  const file = (s: string) => path.join(dir, `${s}.csv`);
  const f = {
    national: new CsvFile(file('national'), 'utf8-bom'),
    sunshine: new CsvFile(file('sunshine'), 'gbk'),
    education: new CsvFile(file('education'), 'utf8'),
    medical: new CsvFile(file('medical'), 'utf8'),
    housing: new CsvFile(file('housing'), 'utf8'),
    civil: new CsvFile(file('civil'), 'utf8'),
    water: new CsvFile(file('water'), 'utf8'),
  };
  f.national.line(['全国扶贫开发信息系统 建档立卡贫困人口明细'], false);
  f.national.line([''], false);
  f.national.line(NATIONAL, false);
  f.sunshine.line(SUNSHINE, false);
  f.education.line(['学生姓名', '学生身份证号', '学校名称', '年级', '在校状态'], false);
  f.medical.line(['参保人姓名', '参保人身份证号', '险种', '参保状态'], false);
  f.housing.line(['户编号', '户主姓名', '户主身份证号', '鉴定等级', '鉴定日期'], false);
  f.civil.line(['救助对象姓名', '救助对象身份证号', '救助类型', '状态'], false);
  f.water.line(['户编号', '户主姓名', '是否通自来水'], false);
  const xlsxPath = options.xlsx ? path.join(dir, 'national.xlsx') : null;
  const wb = xlsxPath
    ? new ExcelJS.stream.xlsx.WorkbookWriter({
        filename: xlsxPath,
        useSharedStrings: false,
        useStyles: false,
      })
    : null;
  const ws = wb?.addWorksheet('贫困人口');
  ws?.addRow(['全国扶贫开发信息系统 建档立卡贫困人口明细']).commit();
  ws?.addRow(NATIONAL).commit();

  const planted: Planted[] = [];
  const P = PLANTS;
  let seq = 0;
  let count = 0;
  for (const hh of households(people, options)) {
    count++;
    planted.push(...plant(hh, options));
    const head = hh.members[0];
    if (!head) continue;
    for (let m = 0; m < hh.members.length; m++) {
      const p = hh.members[m];
      if (!p) continue;
      const row = nationalRow(hh, ++seq, m);
      f.national.line(row);
      ws?.addRow(row).commit();
      const inSunshine =
        hh.plant !== P.householdMissingInSunshine &&
        !(hh.plant === P.personMissingInSunshine && m === hh.members.length - 1);
      if (inSunshine) {
        const size = hh.members.length + (hh.plant === P.sizeMismatch ? 1 : 0);
        const status = hh.plant === P.exitMismatch ? '未脱贫' : hh.exited ? '已脱贫' : '未脱贫';
        const income = hh.income + (hh.plant === P.incomeMismatch ? 500 : 0);
        const low = hh.plant === P.dibaoMismatchSunshine && m === 0 ? !p.lowIncome : p.lowIncome;
        f.sunshine.line([
          '开发区',
          hh.township,
          hh.village,
          hh.id,
          p.name,
          p.id,
          p.relation,
          size,
          CATEGORY[hh.category] ?? '',
          status,
          income,
          yn(low),
          yn(p.extreme),
          p.schoolStatus === '在校生' ? '在校' : p.schoolStatus,
        ]);
      }
      if (p.schoolAge && p.schoolStatus === '在校生')
        f.education.line([p.name, p.id, '开发区实验学校', '三年级', '在校']);
      if (!(hh.plant === P.noInsurance && m === 0))
        f.medical.line([p.name, p.id, '城乡居民基本医疗保险', '正常']);
      if (hh.plant === P.doubleInsurance && m === 0)
        f.medical.line([p.name, p.id, '城镇职工基本医疗保险', '正常']);
      const civilDibao = p.lowIncome && !(hh.plant === P.dibaoNotInCivil && m === 0);
      const civilTekun = p.extreme || (hh.plant === P.tekunNotInRoll && m === 0);
      if (civilDibao) f.civil.line([p.name, p.id, '低保', '正常']);
      if (civilTekun) f.civil.line([p.name, p.id, '特困供养', '正常']);
    }
    if (hh.plant === P.extraPersonInSunshine) {
      f.sunshine.line([
        '开发区',
        hh.township,
        hh.village,
        hh.id,
        '新增人员',
        extraPersonId(hh.index),
        '其他',
        hh.members.length,
        CATEGORY[hh.category] ?? '',
        hh.exited ? '已脱贫' : '未脱贫',
        hh.income,
        '否',
        '否',
        '非在校生',
      ]);
    }
    const grade = hh.plant === P.unsafeHouse ? (hh.index % 2 ? 'C级' : 'D级') : hh.index % 2 ? 'A' : 'B';
    const appraised = hh.index % 3 === 0 ? '43631' : hh.index % 3 === 1 ? '2019-06-15' : '2019年6月15日';
    f.housing.line([hh.id, head.name, head.id, grade, appraised]);
    f.water.line([hh.id, head.name, hh.plant === P.noWater ? '否' : '是']);
    for (const c of Object.values(f)) await c.flush();
    if (ws && count % 256 === 0) await xlsxBackPressure(ws);
  }
  for (const c of Object.values(f)) await c.close();
  if (wb) await wb.commit();
  const files = Object.fromEntries(Object.keys(f).map((s) => [s, file(s)])) as Record<
    HouseholdSource,
    string
  >;
  const rows = Object.fromEntries(Object.entries(f).map(([s, c]) => [s, c.rows])) as Record<
    HouseholdSource,
    number
  >;
  return { dir, files, xlsx: xlsxPath, rows, planted, people: seq, households: count };
}
