// The 交办 a screening run makes: every street whose ledger got findings from the run (new, found
// again, or routed to it now) is told in the run's own transaction, like any other hand-off — one
// notice per street, naming how many and where they are (its 数据比对 problem, or the filtered
// ledger when they fell under several rules).
import { formatChineseDate } from '@paicha/core';
import type { Executor } from '../../../db/transaction.js';
import { insertNotifications } from '../../notifications/notifications.repository.js';
import { openGroupsOf } from './ledger.repository.js';
import type { RunRef } from './types.js';

export async function noticeFiledFindings(
  trx: Executor,
  run: RunRef,
  perUnit: ReadonlyMap<number, number>,
): Promise<void> {
  const unitIds = [...perUnit.keys()];
  if (unitIds.length === 0) return;
  const groups = await openGroupsOf(trx, run.campaignId, unitIds);
  await insertNotifications(
    trx,
    unitIds.flatMap((unitId) => {
      const mine = groups.filter((g) => g.unitId === unitId);
      const first = mine[0];
      if (!first) return [];
      const count = perUnit.get(unitId) ?? 0;
      return [
        {
          unit_id: unitId,
          kind: 'assigned',
          entity: 'problem',
          entity_id: first.id,
          title: `【交办】数据比对：本次比对向本单位交办${count}条问题线索`,
          body: [
            `${formatChineseDate(run.today)}数据比对${run.id ? `（第${run.id}次）` : ''}完成`,
            `新增（或再次发现）问题线索${count}条，已列入本单位${mine.length}个数据比对问题（问题编号：${mine.map((g) => g.id).join('、')}）`,
            '请逐户核实（属实的落实整改，不属实的说明理由并上传佐证）。',
          ].join('\n'),
          link:
            mine.length === 1
              ? `/problems/${first.id}`
              : `/problems?source=${encodeURIComponent('数据比对')}`,
          due_date: null,
          created_by: run.actorId,
          created_at: run.at,
        },
      ];
    }),
  );
}
