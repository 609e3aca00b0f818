// Canonical fields of the household imports and the header names each is known by (DESIGN.md
// "Household import formats" — a contract: names may be added, never removed). Headers are
// compared after normalizeHeader, so spacing, full-width brackets and "*" markers need no
// variants here. 阳光扶贫's schema is not public ⚠: its names here are the plausible ones.
import type { HouseholdSource } from './sources.js';

export const FIELD_LABELS = {
  householdId: '户编号',
  personId: '人口编号',
  name: '姓名',
  sex: '性别',
  idNumber: '证件号码',
  relation: '与户主关系',
  headName: '户主姓名',
  headIdNumber: '户主证件号码',
  householdSize: '家庭人口数',
  category: '贫困户属性',
  exitStatus: '脱贫状态',
  exitYear: '脱贫年度',
  incomePerCapita: '人均纯收入',
  city: '市',
  county: '县(市、区)',
  township: '乡(镇、街道)',
  village: '村(社区)',
  schoolStatus: '在校生状况',
  school: '学校',
  gradeLevel: '年级',
  health: '健康状况',
  residentInsurance: '是否参加城乡居民基本医疗保险',
  seriousIllnessInsurance: '是否参加大病保险',
  employeeInsurance: '是否参加城镇职工基本医疗保险',
  insuranceType: '险种',
  insuranceStatus: '参保状态',
  lowIncomeSupport: '是否享受低保',
  extremePoverty: '是否特困供养人员',
  assistanceType: '救助类型',
  assistanceStatus: '救助状态',
  housingGrade: '鉴定等级',
  appraisalDate: '鉴定日期',
  renovationStatus: '改造状态',
  safeWater: '是否解决安全饮水',
} as const;

export type FieldId = keyof typeof FIELD_LABELS;
export const FIELD_IDS = Object.keys(FIELD_LABELS) as FieldId[];

export const FIELD_SYNONYMS: Record<FieldId, readonly string[]> = {
  householdId: [
    '户编号',
    '户码',
    '家庭编号',
    '户号',
    '户编码',
    '家庭户编号',
    '贫困户编号',
    '农户编号',
    '户ID',
  ],
  personId: ['人口编号', '人员编号', '成员编号', '个人编号'],
  name: [
    '姓名',
    '成员姓名',
    '人员姓名',
    '家庭成员姓名',
    '贫困人口姓名',
    '学生姓名',
    '参保人姓名',
    '救助对象姓名',
  ],
  sex: ['性别'],
  idNumber: [
    '证件号码',
    '身份证号',
    '身份证号码',
    '公民身份号码',
    '身份证',
    '证件号',
    '成员证件号码',
    '成员身份证号',
    '成员身份证号码',
    '公民身份证号码',
    '身份证件号码',
    '居民身份证号码',
    '学生身份证号',
    '参保人身份证号',
    '参保人证件号码',
    '救助对象身份证号',
    '残疾人证号',
  ],
  relation: ['与户主关系', '与户主的关系', '家庭关系'],
  headName: ['户主姓名', '户主'],
  headIdNumber: ['户主证件号码', '户主身份证号', '户主身份证号码', '户主公民身份号码', '户主证件号'],
  householdSize: ['家庭人口数', '家庭人口', '人口数', '家庭人数', '户人口数', '家庭成员数', '在册人口数'],
  category: ['贫困户属性', '户类型', '农户属性', '贫困户类型', '低收入农户属性', '户属性'],
  exitStatus: ['脱贫状态', '脱贫属性', '是否脱贫', '脱贫情况', '贫困户状态'],
  exitYear: ['脱贫年度', '脱贫年份'],
  incomePerCapita: [
    '人均纯收入',
    '年人均纯收入',
    '年人均收入',
    '人均可支配收入',
    '年人均可支配收入',
    '家庭人均纯收入',
    '家庭年人均纯收入',
    '人均收入',
  ],
  city: ['市', '地市', '所在市', '市(州)'],
  county: ['县', '县(区)', '县(市、区)', '县(市区)', '区县', '县区', '所在县'],
  township: [
    '乡(镇)',
    '乡镇(街道)',
    '街道',
    '所在街道',
    '乡镇',
    '镇(街道)',
    '街道(乡镇)',
    '所属街道',
    '乡镇街道',
  ],
  village: ['行政村', '村(社区)', '村', '社区', '村(居)', '所在村', '村居', '村委会', '所属村', '村(居)委会'],
  schoolStatus: ['在校生状况', '在校状态', '就学状态', '在校生情况', '就学情况', '学籍状态', '是否在校'],
  school: ['学校', '学校名称', '就读学校'],
  gradeLevel: ['年级', '就读年级'],
  health: ['健康状况', '身体状况', '健康状态'],
  residentInsurance: [
    '是否参加城乡居民基本医疗保险(新农合)',
    '是否参加城乡居民基本医疗保险',
    '是否参加新农合',
    '城乡居民基本医疗保险',
    '是否参加城乡居民医保',
    '城乡居民医保',
    '新农合',
  ],
  seriousIllnessInsurance: ['是否参加大病保险', '大病保险', '是否参加城乡居民大病保险'],
  employeeInsurance: ['是否参加城镇职工基本医疗保险', '城镇职工基本医疗保险', '职工医保', '是否参加职工医保'],
  insuranceType: ['险种', '参保险种', '险种类型', '保险类型', '参保类型'],
  insuranceStatus: ['参保状态', '缴费状态', '参保情况'],
  lowIncomeSupport: ['是否享受低保', '低保', '是否低保户', '是否低保', '享受低保'],
  extremePoverty: ['是否特困供养人员', '特困', '是否特困', '是否特困人员', '特困供养', '是否五保户'],
  assistanceType: ['救助类型', '保障类型', '救助类别'],
  assistanceStatus: ['救助状态', '保障状态'],
  housingGrade: ['鉴定等级', '危房等级', '房屋等级', '房屋鉴定等级', '危险等级', '房屋危险等级'],
  appraisalDate: ['鉴定日期', '鉴定时间'],
  renovationStatus: ['改造状态', '改造情况', '危改状态'],
  safeWater: [
    '是否解决安全饮水',
    '是否通自来水',
    '饮水安全',
    '安全饮水',
    '是否安全饮水',
    '饮水是否安全',
    '是否饮水安全',
    '自来水入户',
    '是否自来水入户',
  ],
};

// A bare "状态" means different things in different lists.
export const SOURCE_SYNONYMS: Partial<Record<HouseholdSource, Partial<Record<FieldId, readonly string[]>>>> =
  {
    education: { schoolStatus: ['状态'] },
    medical: { insuranceStatus: ['状态'] },
    civil: { assistanceStatus: ['状态'] },
    housing: { renovationStatus: ['状态'] },
  };

/**
 * What each source must carry for its rows to be usable: every group must be matched by at least
 * one of its fields. Only identification and each list's own subject are required; the other
 * fields feed individual rules, which report what they could not check.
 */
export const SOURCE_REQUIRED: Record<HouseholdSource, readonly (readonly FieldId[])[]> = {
  // The roll: households are its unit, and the 户主 rule needs the relation.
  national: [['householdId'], ['name'], ['idNumber'], ['relation']],
  // Joined to the roll by ID number; the household by its number or its head's ID.
  sunshine: [['name'], ['idNumber'], ['householdId', 'headIdNumber']],
  education: [['idNumber'], ['schoolStatus']],
  // A list of the insured: the scheme may be a 险种 column or yes/no columns per scheme.
  medical: [['idNumber'], ['insuranceType', 'residentInsurance', 'employeeInsurance']],
  // Appraisals are per house, identified by household number or the head's ID.
  housing: [['householdId', 'headIdNumber', 'idNumber'], ['housingGrade']],
  civil: [
    ['idNumber', 'headIdNumber'],
    ['assistanceType', 'lowIncomeSupport', 'extremePoverty'],
  ],
  water: [['householdId', 'headIdNumber', 'idNumber'], ['safeWater']],
};

/** "户编号或户主证件号码" */
export function requirementLabel(group: readonly FieldId[]): string {
  return group.map((f) => FIELD_LABELS[f]).join('或');
}
