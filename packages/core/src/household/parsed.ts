// The result of reading one cell. Blank cells are ok with value null (whether a field may be
// blank is the importer's decision, not the parser's); anything unreadable is an error with a
// stable code for programs and a Chinese message for the per-row error report.

export const VALUE_FAILURE_MESSAGES = {
  yes_no: '无法识别为“是/否”',
  number: '不是有效的数字',
  negative: '不能为负数',
  integer: '不是整数',
  range: '超出允许范围',
  date: '不是有效日期',
  date_ambiguous: '日期格式有歧义，请写成“年-月-日”（如2019-12-04）',
  date_excel_1900_02_29: 'Excel日期序列号60对应不存在的1900年2月29日',
  housing_grade: '无法识别的房屋鉴定等级（应为A、B、C、D级）',
  enum: '无法识别的取值',
} as const;

export type ValueFailure = keyof typeof VALUE_FAILURE_MESSAGES;

export type Parsed<T> = { ok: true; value: T } | { ok: false; reason: ValueFailure; message: string };

export function parsed<T>(value: T): Parsed<T> {
  return { ok: true, value };
}

export function failed<T>(reason: ValueFailure): Parsed<T> {
  return { ok: false, reason, message: VALUE_FAILURE_MESSAGES[reason] };
}
