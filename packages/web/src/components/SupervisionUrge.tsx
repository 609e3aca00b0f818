// 催办 buttons placed on other areas' pages (the 月报 grid, a problem's page): self-contained, so
// those pages only mount them. Each renders nothing unless the office could usefully 催办 there.
// Deadlines are worded as every notice words them (core deadlineNoticeText): the date that counts,
// and a day off or a move said in brackets.

import { type DeadlineInfo, deadlineNoticeText } from '@paicha/core';
import type { Problem } from '../api/problemTypes';
import type { GridCell } from '../api/reports';
import { cnDate } from './dates';
import { UrgeButton } from './UrgeButton';

const periodName = (period: string) => `${Number(period.slice(0, 4))}年${Number(period.slice(5, 7))}月份`;

/** On a 月报 grid cell that is overdue and not submitted, or returned and not yet resubmitted. */
export function ReportCellUrge({
  unit,
  period,
  cell,
}: {
  unit: { id: number; name: string };
  period: { period: string; milestoneId: number; dueDate: string; deadline: DeadlineInfo };
  cell: GridCell;
}) {
  const missing = cell.timeliness === 'missing';
  if (!missing && cell.status !== 'returned') return null;
  const month = periodName(period.period);
  return (
    <UrgeButton
      size="small"
      type="link"
      units={[unit]}
      title={missing ? `${month}月报逾期未报送，请尽快报送` : `${month}月报已退回，请尽快修改后重新报送`}
      body={
        missing
          ? `${month}月报应于${deadlineNoticeText(period.deadline)}前报送，你单位至今未报送。请尽快填报，经单位负责人审核后报送区领导小组办公室。`
          : `${month}月报已被区领导小组办公室退回，请按退回理由修改，经单位负责人审核后重新报送。`
      }
      link={`/reports/${period.period}/${unit.id}`}
      linkLabel={`${unit.name} ${month}月报`}
      entity="report"
      entityId={period.milestoneId}
      testId="grid-urge"
    />
  );
}

/** On a problem past its deadline and not closed out. */
export function ProblemUrge({ problem: p }: { problem: Problem }) {
  if (!p.overdue) return null;
  const text = p.description.replace(/[。；;.\s]+$/, '');
  const short = text.length > 60 ? `${text.slice(0, 60)}…` : text;
  return (
    <UrgeButton
      units={[p.unit]}
      title={`问题 ${p.id} 已超过整改时限，请抓紧整改`}
      body={`问题：${short}。整改时限为${p.deadlineInfo ? deadlineNoticeText(p.deadlineInfo) : cnDate(p.deadline)}，现已逾期。请抓紧整改，及时记录整改进展、上传佐证材料并提交销号。`}
      link={`/problems/${p.id}`}
      linkLabel={`问题 ${p.id} 的办理页面`}
      entity="problem"
      entityId={p.id}
      testId="problem-urge"
    />
  );
}
