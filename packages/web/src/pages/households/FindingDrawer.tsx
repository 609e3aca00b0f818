import { Descriptions, Drawer, Spin } from 'antd';
import { householdsApi } from '../../api/households';
import { cnDateTime } from '../../components/dates';
import { LoadError } from '../../components/LoadError';
import { useAsync } from '../../hooks/useAsync';
import { FindingVerifyPanel } from './FindingVerifyPanel';
import { FindingStatusTag, householdLink, ProblemLink, UnitCell } from './findingColumns';

/** One finding in full: where it was found, what both systems say, and the ledger problem it became. */
export function FindingDrawer(props: {
  id: number;
  unmasked: boolean;
  onClose: () => void;
  /** A verification step was taken: the list behind the drawer shows the new state. */
  onChanged?: () => void;
}) {
  const f = useAsync(() => householdsApi.finding(props.id, props.unmasked), [props.id, props.unmasked]);
  return (
    <Drawer open width={620} title="问题线索详情" onClose={props.onClose} data-testid="finding-drawer">
      {f.error ? (
        <LoadError error={f.error} onRetry={f.reload} />
      ) : !f.data ? (
        <Spin />
      ) : (
        <>
          <Descriptions column={1} bordered size="small" labelStyle={{ width: 110 }}>
            <Descriptions.Item label="排查事项">序号 {f.data.checkItem}</Descriptions.Item>
            <Descriptions.Item label="规则">{f.data.ruleTitle}</Descriptions.Item>
            <Descriptions.Item label="责任单位">
              <UnitCell f={f.data} />
            </Descriptions.Item>
            <Descriptions.Item label="乡镇（街道）">{f.data.township || '—'}</Descriptions.Item>
            <Descriptions.Item label="村（社区）">{f.data.village || '—'}</Descriptions.Item>
            <Descriptions.Item label="户编号">{householdLink(f.data.householdId)}</Descriptions.Item>
            <Descriptions.Item label="姓名">{f.data.name ?? '—'}</Descriptions.Item>
            <Descriptions.Item label="证件号码">{f.data.idNumber ?? '—'}</Descriptions.Item>
            <Descriptions.Item label="问题描述">
              <div className="cell-content">{f.data.detail}</div>
            </Descriptions.Item>
            <Descriptions.Item label="状态">
              <FindingStatusTag f={f.data} />
            </Descriptions.Item>
            <Descriptions.Item label="首次发现">{cnDateTime(f.data.createdAt)}</Descriptions.Item>
            <Descriptions.Item label="问题台账">
              <ProblemLink f={f.data} />
            </Descriptions.Item>
          </Descriptions>
          <FindingVerifyPanel
            finding={f.data}
            onChanged={() => {
              f.reload();
              props.onChanged?.();
            }}
          />
        </>
      )}
    </Drawer>
  );
}
