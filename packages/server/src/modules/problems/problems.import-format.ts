// The columns of the ledger import template, with the other names clerks give them.
import { FORM_SOURCES, PROBLEM_MODES } from '@paicha/core';

export interface ImportColumn {
  field: string;
  header: string;
  synonyms: readonly string[];
  required: boolean;
  width: number;
  note: string;
}

export const IMPORT_COLUMNS: readonly ImportColumn[] = [
  {
    field: 'checkItem',
    header: '排查事项序号',
    synonyms: ['事项序号', '排查事项', '对应事项序号', '序号(排查事项)'],
    required: true,
    width: 10,
    note: '附件表中的序号 1–37',
  },
  {
    field: 'source',
    header: '问题来源',
    synonyms: ['来源'],
    required: false,
    width: 12,
    note: `${FORM_SOURCES.join('/')}，空白按“自查”（明察暗访、数据比对由系统生成，不能导入）`,
  },
  {
    field: 'description',
    header: '问题描述',
    synonyms: ['存在问题', '问题表现', '问题'],
    required: true,
    width: 40,
    note: '',
  },
  {
    field: 'foundDate',
    header: '发现日期',
    synonyms: ['发现时间', '排查日期'],
    required: true,
    width: 12,
    note: '如 2019-12-18',
  },
  {
    field: 'place',
    header: '地点',
    synonyms: ['地点(村/户)', '所在村', '村(社区)', '涉及村组'],
    required: false,
    width: 14,
    note: '村/户',
  },
  {
    field: 'householdRef',
    header: '户编号',
    synonyms: ['户码', '家庭编号'],
    required: false,
    width: 14,
    note: '',
  },
  {
    field: 'cause',
    header: '原因剖析',
    synonyms: ['原因分析', '问题原因', '原因'],
    required: false,
    width: 24,
    note: '',
  },
  { field: 'measures', header: '整改措施', synonyms: ['整改举措'], required: false, width: 24, note: '' },
  {
    field: 'responsibleLeader',
    header: '责任领导',
    synonyms: ['分管领导'],
    required: false,
    width: 10,
    note: '',
  },
  {
    field: 'responsiblePerson',
    header: '责任人',
    synonyms: ['具体责任人'],
    required: false,
    width: 10,
    note: '',
  },
  {
    field: 'mode',
    header: '整改方式',
    synonyms: ['整改类型'],
    required: true,
    width: 10,
    note: PROBLEM_MODES.join('/'),
  },
  {
    field: 'deadline',
    header: '整改时限',
    synonyms: ['完成时限', '整改期限', '整改完成时限'],
    required: false,
    width: 12,
    note: '限期整改必填；立行立改不填则为导入之日起按立行立改期限（默认7天）',
  },
  {
    field: 'deadlineReason',
    header: '超期理由',
    synonyms: ['时限说明'],
    required: false,
    width: 16,
    note: '时限晚于5月31日时必填',
  },
  {
    field: 'unit',
    header: '责任单位',
    synonyms: ['单位'],
    required: false,
    width: 12,
    note: '办公室导入时必填；单位导入时可不填',
  },
];

export const IMPORT_SYNONYMS: Record<string, readonly string[]> = Object.fromEntries(
  IMPORT_COLUMNS.map((c) => [c.field, [c.header, ...c.synonyms]]),
);

export const HEADER_BY_FIELD: Record<string, string> = Object.fromEntries(
  IMPORT_COLUMNS.map((c) => [c.field, c.header]),
);
