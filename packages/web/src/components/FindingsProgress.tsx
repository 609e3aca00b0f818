import { Progress, Space, Typography } from 'antd';
import type { Problem } from '../api/problemTypes';

/**
 * A 数据比对 group's progress: its findings done (no longer found, or 不属实 accepted) of all.
 * Nothing for other problems.
 */
export function FindingsProgress({ p, wide }: { p: Problem; wide?: boolean }) {
  const f = p.findings;
  if (!f) return null;
  const percent = f.total === 0 ? 100 : Math.floor((f.done * 100) / f.total);
  return (
    <Space size={8} data-testid="findings-progress" data-done={f.done} data-total={f.total}>
      <Progress
        percent={percent}
        size="small"
        showInfo={false}
        status={f.done === f.total ? 'success' : 'normal'}
        style={{ width: wide ? 240 : 96, margin: 0 }}
      />
      <Typography.Text type="secondary" className="nowrap" style={{ fontSize: wide ? 14 : 12 }}>
        问题线索已完成 {f.done}/{f.total}
      </Typography.Text>
    </Space>
  );
}
