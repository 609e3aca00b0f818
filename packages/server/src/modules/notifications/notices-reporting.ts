// Notices of the reporting hand-offs: a monthly report's or a milestone submission's 报送 (to the
// office), 审核通过, 退回 and 解锁 (to the unit), and an issued 通报 (to every unit it names). Built
// here like every notice (notices.ts), written by the service in the hand-off's transaction.
import { deadlineNoticeText, formatChineseDate } from '@paicha/core';
import type { Executor } from '../../db/transaction.js';
import type { Actor, AppContext } from '../../kernel/context.js';
import { campaignDeadlines } from '../calendar/deadlines.js';
import { byWhom, lines, type Notice, toOffice } from './notices.js';

/** A monthly report or a milestone submission of one unit. */
interface ReportRef {
  entity: 'monthly_report' | 'submission';
  /** The report's or submission's id. */
  id: number;
  unitId: number;
  unitName: string;
  /** As the clerk names it: 2020年1月份问题大排查及整改情况月报, “报送问题排查结果和问题清单”材料. */
  name: string;
  campaignId: number;
  /** The milestone's date as set; the notice states the one that counts under the policy. */
  dueDate: string;
  link: string;
}

/** 2020-01 + 1月份…月报 → 2020年1月份…月报. */
export const monthlyReportName = (period: string, title: string) => `${period.slice(0, 4)}年${title}`;
export const submissionName = (title: string) => `“${title}”材料`;

export type ReportStep = 'submit' | 'accept' | 'return' | 'unlock';

export async function reportStep(
  trx: Executor,
  ctx: AppContext,
  actor: Actor,
  step: ReportStep,
  r: ReportRef,
  detail: { reason?: string | undefined; late?: boolean; resubmission?: boolean } = {},
): Promise<Notice[]> {
  const when = `${byWhom(actor)}（${formatChineseDate(ctx.clock.today())}）`;
  const base = { entity: r.entity, entityId: r.id, link: r.link };
  switch (step) {
    case 'submit':
      return toOffice(trx, {
        ...base,
        kind: 'submitted',
        title: `【待审核】${r.unitName}报送了${r.name}${detail.resubmission ? '（退回后重新报送）' : ''}`,
        body: lines(
          `报送人：${when}`,
          `截止日期：${deadlineNoticeText((await campaignDeadlines(trx, r.campaignId)).info(r.dueDate))}${detail.late ? '（逾期报送）' : ''}`,
          '请审核：通过或退回。',
        ),
      });
    case 'accept':
      return [
        {
          ...base,
          unitId: r.unitId,
          kind: 'accepted',
          title: `【审核通过】${r.name}已审核通过`,
          body: lines(`审核人：${when}`, '材料已锁定；如需修改，请联系领导小组办公室解锁。'),
        },
      ];
    case 'return':
    case 'unlock':
      return [
        {
          ...base,
          unitId: r.unitId,
          kind: 'returned',
          title:
            step === 'return'
              ? `【退回】${r.name}被退回，请修改后重新报送`
              : `【退回】${r.name}已解锁退回，请修改后重新报送`,
          body: lines(
            `${step === 'return' ? '退回' : '解锁'}理由：${detail.reason ?? ''}`,
            `${step === 'return' ? '退回' : '解锁'}人：${when}`,
          ),
        },
      ];
  }
}

/** A unit as an issued 通报 names it: its place in the ranking and any 通报批评. */
export interface NamedUnit {
  unitId: number;
  rank: number | null;
  score: number | null;
  criticisms: { group: string; reason: string }[];
}

/** Issuing a 通报 tells every unit it names — the ranking names them all — with a link to it. */
export function circularIssued(
  circular: { id: number; title: string; docNumber: string; issuer: string; deadline: string | null },
  units: NamedUnit[],
): Notice[] {
  const anyCriticised = units.some((u) => u.criticisms.length > 0);
  const title = circular.title.replace(/\s*\n\s*/g, '');
  const doc = `《${title}》${circular.docNumber ? `（${circular.docNumber}）` : ''}`;
  return units.map((u) => {
    const criticised = u.criticisms.length > 0;
    const deadline =
      circular.deadline && (criticised || !anyCriticised)
        ? `请于${formatChineseDate(circular.deadline)}前将整改落实情况书面报送${circular.issuer}。`
        : null;
    return {
      unitId: u.unitId,
      kind: 'circular',
      entity: 'circular',
      entityId: circular.id,
      link: `/supervision/circulars/${circular.id}`,
      title: criticised ? `【通报】本单位在${doc}中被通报批评` : `【通报】${circular.issuer}印发${doc}`,
      body: lines(
        criticised && `通报批评：${u.criticisms.map((c) => `${c.group}（${c.reason}）`).join('；')}`,
        u.rank === null
          ? '本单位本期未参加综合评分排名。'
          : `本单位综合得分${u.score === null ? '—' : u.score.toFixed(1)}分，排名第${u.rank}名。`,
        deadline,
      ),
      dueDate: criticised || !anyCriticised ? circular.deadline : null,
    };
  });
}
