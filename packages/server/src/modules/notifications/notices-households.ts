// Notices of the household screening's hand-offs: a screening run's 交办 (each street given
// findings, one notice with the count and its 数据比对 problems), the office re-mapping a place
// name (the street receiving its findings and each street losing them) and the office's 核实认定
// on a street's 不属实 (to the street). Built here like every notice (notices.ts), written by the
// run, the mapping or the decision in its own transaction.
import {
  FINDING_ACTION_LABELS,
  FINDING_VERIFICATION_LABELS,
  type FindingVerification,
  formatChineseDate,
} from '@paicha/core';
import { lines, type Notice } from './notices.js';

/** The run as its notice names it: which one, on which day (China), by whom. */
interface RunRef {
  id: number | null;
  today: string;
}

/**
 * The findings a run filed with one street (new, found again, or routed to it now) and the
 * street's open 数据比对 problems they sit in: the link opens the problem when there is one, the
 * filtered ledger when they fell under several rules.
 */
export function findingsFiled(
  run: RunRef,
  unitId: number,
  count: number,
  groups: readonly { id: number }[],
): Notice | null {
  const first = groups[0];
  if (!first) return null;
  return {
    unitId,
    kind: 'assigned',
    entity: 'problem',
    entityId: first.id,
    title: `【交办】数据比对：本次比对向本单位交办${count}条问题线索`,
    body: [
      `${formatChineseDate(run.today)}数据比对${run.id ? `（第${run.id}次）` : ''}完成`,
      `新增（或再次发现）问题线索${count}条，已列入本单位${groups.length}个数据比对问题（问题编号：${groups.map((g) => g.id).join('、')}）`,
      '请逐户核实（属实的落实整改，不属实的说明理由并上传佐证）。',
    ].join('\n'),
    link:
      groups.length === 1 ? `/problems/${first.id}` : `/problems?source=${encodeURIComponent('数据比对')}`,
  };
}

/** The office's decision on a street's 不属实: accepted (done) or not (rectify it as 属实). */
export function findingDecided(
  f: { id: number; unitId: number; householdId: string | null; detail: string },
  action: 'accept' | 'reject',
  to: FindingVerification,
  note: string,
): Notice {
  return {
    unitId: f.unitId,
    kind: 'finding_decision',
    entity: 'finding',
    entityId: f.id,
    title:
      action === 'accept'
        ? `【不属实已认定】户${f.householdId ?? ''}的问题线索`
        : `【不属实未认定】户${f.householdId ?? ''}的问题线索请按属实整改`,
    body: `${f.detail}\n办公室${FINDING_ACTION_LABELS[action]}，现为“${FINDING_VERIFICATION_LABELS[to]}”。${note ? `意见：${note}` : ''}`,
    link: `/households/findings?finding=${f.id}`,
  };
}

/** A place name the office mapped to a street: who did it, on which day (China), which name. */
interface PlaceMove {
  by: string;
  today: string;
  place: string;
}

const listed = (ids: readonly number[]) =>
  `${ids.slice(0, 10).join('、')}${ids.length > 10 ? ` 等${ids.length}个` : ''}`;

/**
 * 交办 to the street a place name now maps to: how many of the name's findings it now holds and
 * the 数据比对 problems they sit in (the link opens the one, or the filtered ledger).
 */
export function placeFindingsReceived(
  move: PlaceMove,
  unitId: number,
  count: number,
  groups: readonly number[],
): Notice | null {
  const first = groups[0];
  if (count === 0 || first === undefined) return null;
  return {
    unitId,
    kind: 'assigned',
    entity: 'problem',
    entityId: first,
    title: `【交办】地名“${move.place}”改为对应本单位，交办${count}条问题线索`,
    body: lines(
      `${move.by}于${formatChineseDate(move.today)}将地名“${move.place}”对应到本单位`,
      `该地名的问题线索${count}条已列入本单位${groups.length}个数据比对问题（问题编号：${listed(groups)}）`,
      '请逐户核实（属实的落实整改，不属实的说明理由并上传佐证）。',
    ),
    link: groups.length === 1 ? `/problems/${first}` : `/problems?source=${encodeURIComponent('数据比对')}`,
  };
}

/**
 * 改交他单位: a street whose open findings of a place name went to another street learns how many
 * and from which of its problems; the link is the ledger, where what it keeps stays.
 */
export function placeFindingsTakenAway(
  move: PlaceMove & { toName: string },
  unitId: number,
  count: number,
  groups: readonly number[],
): Notice {
  const first = groups[0];
  return {
    unitId,
    kind: 'reassigned',
    entity: first === undefined ? 'unit' : 'problem',
    entityId: first ?? unitId,
    link: '/problems',
    title: `【改交】地名“${move.place}”的${count}条问题线索已改由${move.toName}整改`,
    body: lines(
      `${move.by}于${formatChineseDate(move.today)}将地名“${move.place}”改为对应${move.toName}`,
      `本单位该地名未完成的问题线索${count}条随之交办${move.toName}`,
      groups.length > 0 && `涉及本单位的数据比对问题：${listed(groups)}`,
      '本单位不再负责这些问题线索的核实整改。',
    ),
  };
}
