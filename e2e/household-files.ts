// Household exports for the 数据比对 browser test, made in memory the way the systems write them:
// a 国扶系统 .xlsx with title rows above the header (one header no synonym knows), a 阳光扶贫 CSV
// in GBK (what Excel saves on Chinese Windows), and 住建 appraisal lists, one of them broken.
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];

/** A valid 18-digit resident ID (GB 11643 check character). */
function residentId(area: string, birth: string, seq: string): string {
  const body = `${area}${birth}${seq}`;
  const sum = [...body].reduce((s, c, i) => s + Number(c) * (WEIGHTS[i] as number), 0);
  return body + '10X98765432'[sum % 11];
}

/** The same ID with a wrong check character: what a system holds after a typo (id_invalid). */
const wrongCheck = (id: string) => id.slice(0, 17) + (id.endsWith('0') ? '1' : '0');

interface Person {
  hh: string;
  name: string;
  id: string;
  relation: string;
  size: number;
  category: string;
  exit: string;
  income: number;
  township: string;
  village: string;
}

const p = (
  hh: string,
  name: string,
  id: string,
  relation: string,
  rest: Omit<Person, 'hh' | 'name' | 'id' | 'relation'>,
) => ({
  hh,
  name,
  id,
  relation,
  ...rest,
});

// A: exited at 5000 元 < 6000 (item 20); the wife's ID has a wrong check character (item 15). B: a C-grade house (item 32) and 阳光扶贫 counts 3 people
// (item 15). C: its 乡镇 is written "中云办", which no street is called (the office's queue).
// D: 猴嘴街道, nothing wrong.
const A = {
  size: 2,
  category: '一般贫困户',
  exit: '已脱贫',
  income: 5000,
  township: '中云街道',
  village: '中云村',
};
const B = {
  size: 2,
  category: '低保贫困户',
  exit: '已脱贫',
  income: 8200,
  township: '中云街道',
  village: '东山村',
};
const C = {
  size: 1,
  category: '一般贫困户',
  exit: '已脱贫',
  income: 4300,
  township: '中云办',
  village: '西山村',
};
const D = {
  size: 2,
  category: '一般贫困户',
  exit: '未脱贫',
  income: 3100,
  township: '猴嘴街道',
  village: '猴嘴村',
};

export const HH = { A: '320703101001', B: '320703101002', C: '320703101003', D: '320703102001' };

export const PEOPLE: Person[] = [
  p(HH.A, '张建国', residentId('320703', '19650312', '011'), '户主', A),
  p(HH.A, '李秀英', wrongCheck(residentId('320703', '19680520', '022')), '配偶', A),
  p(HH.B, '王德明', residentId('320703', '19580101', '031'), '户主', B),
  p(HH.B, '王小红', residentId('320703', '19900815', '042'), '子女', B),
  p(HH.C, '赵长顺', residentId('320703', '19490909', '051'), '户主', C),
  p(HH.D, '刘海波', residentId('320703', '19720214', '071'), '户主', D),
  p(HH.D, '陈美兰', residentId('320703', '19750630', '082'), '配偶', D),
];

/** 国扶系统 export: title and 填报单位 rows, then the header (row 3); 成员关系 is no known header. */
export async function nationalXlsx(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('贫困人口明细');
  const header = [
    '户编号',
    '姓名',
    '证件号码',
    '成员关系',
    '家庭人口数',
    '贫困户属性',
    '脱贫状态',
    '人均纯收入（元）',
    '乡镇（街道）',
    '行政村',
    '联系电话',
  ];
  ws.addRow(['连云港市开发区建档立卡贫困人口明细表']);
  ws.mergeCells(1, 1, 1, header.length);
  ws.addRow(['填报单位：开发区扶贫办', '', '', '', '', '', '', '', '导出时间：2019-12-20']);
  ws.addRow(header);
  for (const x of PEOPLE)
    ws.addRow([
      x.hh,
      x.name,
      x.id,
      x.relation,
      x.size,
      x.category,
      x.exit,
      x.income,
      x.township,
      x.village,
      '13800000000',
    ]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** 阳光扶贫 export as Excel saves CSV on Chinese Windows (GBK), with its own header names. */
export function sunshineCsvGbk(): Buffer {
  const lines = [
    '阳光扶贫监管系统 建档立卡人员信息,,,,,,,,',
    '户码,姓名,身份证号码,与户主关系,家庭人口,贫困户属性,脱贫状态,年人均收入,乡镇（街道）',
    ...PEOPLE.map((x) =>
      [
        x.hh,
        x.name,
        x.id,
        x.relation,
        x.hh === HH.B ? 3 : x.size,
        x.category,
        x.exit,
        x.income,
        x.township,
      ].join(','),
    ),
  ];
  return iconv.encode(lines.join('\r\n'), 'gbk');
}

const HOUSING_HEADER = ['户编号', '户主姓名', '户主身份证号', '鉴定等级', '鉴定日期'];
const head = (hh: string) => PEOPLE.find((x) => x.hh === hh && x.relation === '户主') as Person;

async function housing(rows: (string | number)[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('鉴定结果');
  ws.addRow(HOUSING_HEADER);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** 住建 appraisals: B's house is C grade. */
export function housingXlsx(): Promise<Buffer> {
  return housing([
    [HH.A, head(HH.A).name, head(HH.A).id, 'B级', '2019-10-12'],
    [HH.B, head(HH.B).name, head(HH.B).id, 'C级', '2019-10-12'],
    [HH.D, head(HH.D).name, head(HH.D).id, 'A级', '2019-10-15'],
  ]);
}

/** A broken appraisal list: an unknown grade, an impossible date, an ID typed as a number (digits lost). */
export function brokenHousingXlsx(): Promise<Buffer> {
  return housing([
    [HH.A, head(HH.A).name, head(HH.A).id, 'B级', '2019-10-12'],
    [HH.B, head(HH.B).name, Number('320703195801010310'), 'E级', '2019/13/01'],
  ]);
}
