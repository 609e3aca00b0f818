// The access policy: who may do what to which unit's resources. The server enforces it (route
// gate, services); the web may use the same table to hide what a user could not do anyway.
//
// Every rule names the roles that act on any unit's resources (the district-wide office roles)
// and the roles that act only on their own unit's. A unit role never sees another unit: its
// resources answer like missing ones (404), so ids cannot be probed.
import { PROBLEM_SOURCES, type ProblemSource } from './problem.js';
import { DISTRICT_WIDE_ROLES, type Role } from './roles.js';

export interface AccessRule {
  /** Roles that take the action on every unit's resources. */
  readonly anyUnit: readonly Role[];
  /** Roles that take it on their own unit's resources only. */
  readonly ownUnit: readonly Role[];
  /** What a role outside the rule is told (403). */
  readonly denied: string;
}

const CLERKS: readonly Role[] = ['reporter', 'unit_head'];
const NONE: readonly Role[] = [];

export const ACCESS_RULES = {
  /** Any signed-in user, about their own account (who am I, change my password). */
  session: { anyUnit: NONE, ownUnit: [...DISTRICT_WIDE_ROLES, ...CLERKS], denied: '请先登录' },
  /** Reading: the office roles read every unit, unit users their own unit. */
  view: { anyUnit: DISTRICT_WIDE_ROLES, ownUnit: CLERKS, denied: '您无权查看' },
  /** Figures across all units (dashboard, scorecard, consolidated 月报表). */
  'view.district': {
    anyUnit: DISTRICT_WIDE_ROLES,
    ownUnit: NONE,
    denied: '全区汇总仅供领导小组办公室、区领导和督查人员查看',
  },
  /** Administration: units, users, campaigns, settings, household data, 催办, 通报. */
  office: { anyUnit: ['admin'], ownUnit: NONE, denied: '只有领导小组办公室管理员可以执行此操作' },
  /** Recording, importing and editing problems: units their own, the office any unit (交办). */
  'problem.record': { anyUnit: ['admin'], ownUnit: CLERKS, denied: '您的角色不能登记或修改问题' },
  /** Rectification steps (整改进展, 提交销号): the responsible unit's clerks. */
  'problem.work': {
    anyUnit: NONE,
    ownUnit: CLERKS,
    denied: '只有责任单位的填报人或负责人可以办理此步骤',
  },
  /** Review steps (退回, 销号, 重新打开, 交办): the office. */
  'problem.review': { anyUnit: ['admin'], ownUnit: NONE, denied: '只有领导小组办公室可以办理此步骤' },
  /**
   * Uploading files. An upload exists only to be claimed as evidence by a unit step (整改进展,
   * milestone submission); no office, leader or inspector step claims one (明察暗访 findings are
   * text), so only unit clerks upload.
   */
  'file.upload': { anyUnit: NONE, ownUnit: CLERKS, denied: '您的角色是只读或不需要上传材料，不能上传文件' },
  /** 月报 and milestone submissions: clerks fill in, the unit head submits, the office reviews. */
  'report.save': { anyUnit: NONE, ownUnit: CLERKS, denied: '只有本单位的填报人或负责人可以填写' },
  'report.submit': { anyUnit: NONE, ownUnit: ['unit_head'], denied: '只有本单位负责人可以审核并报送' },
  'report.review': { anyUnit: ['admin'], ownUnit: NONE, denied: '只有领导小组办公室可以审核' },
  /** 明察暗访 visits: the office and inspectors record them. */
  'inspection.record': {
    anyUnit: ['admin', 'inspector'],
    ownUnit: NONE,
    denied: '只有办公室和督查人员可以登记明察暗访',
  },
  /** Turning a visit's finding into a problem 交办 to the visited unit. */
  'inspection.assign': { anyUnit: ['admin'], ownUnit: NONE, denied: '只有领导小组办公室可以交办问题' },
  /** A screening finding's verification (属实 / 不属实 / 已整改, visits, cadre): its street's clerks. */
  'finding.verify': {
    anyUnit: NONE,
    ownUnit: CLERKS,
    denied: '只有问题线索所在街道的填报人或负责人可以核实',
  },
  /** Deciding a street's 不属实: the office. */
  'finding.review': { anyUnit: ['admin'], ownUnit: NONE, denied: '只有领导小组办公室可以认定不属实' },
  /** Names and ID numbers in full (audited). */
  'household.unmask': {
    anyUnit: ['admin'],
    ownUnit: NONE,
    denied: '只有领导小组办公室管理员可以查看完整的身份证号码和姓名',
  },
} as const satisfies Record<string, AccessRule>;

export type AccessAction = keyof typeof ACCESS_RULES;
export const ACCESS_ACTIONS = Object.keys(ACCESS_RULES) as AccessAction[];

/** Whom a policy question is about: a role and its unit. */
export interface AccessSubject {
  role: Role;
  unitId: number;
}

/** May the role take the action on some unit's resources (its own at least)? */
export function mayTake(role: Role, action: AccessAction): boolean {
  const rule: AccessRule = ACCESS_RULES[action];
  return rule.anyUnit.includes(role) || rule.ownUnit.includes(role);
}

/** Does the role take the action on every unit's resources (the office), not only its own? */
export function actsOnAnyUnit(role: Role, action: AccessAction): boolean {
  const rule: AccessRule = ACCESS_RULES[action];
  return rule.anyUnit.includes(role);
}

/**
 * May the subject take the action on a resource of `unitId`? `null` is a resource no unit owns
 * yet (a finding whose place is not mapped): only any-unit roles reach it.
 */
export function mayTakeOn(subject: AccessSubject, action: AccessAction, unitId: number | null): boolean {
  const rule: AccessRule = ACCESS_RULES[action];
  if (rule.anyUnit.includes(subject.role)) return true;
  return unitId !== null && unitId === subject.unitId && rule.ownUnit.includes(subject.role);
}

/** The units whose data a subject reads: every unit, or one. Derived once, from `view`. */
export type UnitScope = { all: true } | { all: false; unitId: number };

export function unitScope(subject: AccessSubject): UnitScope {
  return ACCESS_RULES.view.anyUnit.includes(subject.role)
    ? { all: true }
    : { all: false, unitId: subject.unitId };
}

/** Can the subject see a resource of this unit (`null`: no unit yet, the office's)? */
export function seesUnit(subject: AccessSubject, unitId: number | null): boolean {
  const scope = unitScope(subject);
  return scope.all || scope.unitId === unitId;
}

/**
 * Sources only their own paths set: 明察暗访 problems come from a visit's findings, 数据比对
 * ones from household screening (and close only when screening no longer finds them). A form,
 * an edit or an Excel import never sets or changes them.
 */
export const RESERVED_SOURCES = ['明察暗访', '数据比对'] as const;
export type ReservedSource = (typeof RESERVED_SOURCES)[number];

export function isReservedSource(source: string): source is ReservedSource {
  return (RESERVED_SOURCES as readonly string[]).includes(source);
}

/** The sources a form, an edit or an import may set. */
export const FORM_SOURCES: readonly ProblemSource[] = PROBLEM_SOURCES.filter((s) => !isReservedSource(s));

export const RESERVED_SOURCE_MESSAGE =
  '问题来源“明察暗访”“数据比对”只能由明察暗访记录或数据比对生成，不能手工登记、修改或导入';
