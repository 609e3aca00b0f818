// Beside the scorecard: the formula with the office's current weights, and the units that fall
// under each 通报批评 heading with the threshold that put them there.
import { Card, Descriptions, Space, Tag, Typography } from 'antd';
import { percent, type Scorecard } from './api';
import { GROUP_COLORS } from './scorecardColumns';

export function FormulaCard({ sc }: { sc: Scorecard }) {
  const w = sc.rules.weights;
  const total = w.onTime + w.closure + w.overdue + w.returns || 1;
  const share = (x: number) => `${Math.round((x / total) * 1000) / 10}%`;
  const t = sc.totals;
  return (
    <Card title="计算方法" size="small" data-testid="formula">
      <Typography.Paragraph>
        <Typography.Text code>
          综合得分 = 100 × ( {w.onTime} × 按时报送率 + {w.closure} × 整改销号率 + {w.overdue} × (1 − 逾期问题
          ÷ 发现问题) + {w.returns} × (1 − 退回次数 ÷ 提交次数) ) ÷ 权重合计
        </Typography.Text>
      </Typography.Paragraph>
      <Descriptions size="small" column={1} bordered>
        <Descriptions.Item label={`按时报送率（${share(w.onTime)}）`}>
          按时报送 ÷
          应报送。应报送为期间内到期的月报和节点报送（各单位承担排查事项即需报送）；以首次报送日期判断，截止日当天报送为按时。
        </Descriptions.Item>
        <Descriptions.Item label={`整改销号率（${share(w.closure)}）`}>
          已销号 ÷ 发现问题，截至统计截止日（截止日在今天之后的按今天）。
        </Descriptions.Item>
        <Descriptions.Item label={`逾期问题控制（${share(w.overdue)}）`}>
          1 − 逾期问题 ÷ 发现问题。逾期问题：整改时限已过、截至统计截止日仍未销号。
        </Descriptions.Item>
        <Descriptions.Item label={`退回情况（${share(w.returns)}）`}>
          1 − 退回次数 ÷ 提交次数。退回次数：期间内问题销号申请被退回次数 +
          月报及节点材料被退回次数；提交次数同口径。
        </Descriptions.Item>
        <Descriptions.Item label="不适用的项">
          单位没有到期报送、没有问题或期间内没有提交时，对应项不计入，其余权重按比例折算；全部不适用的单位不参与排名。
        </Descriptions.Item>
        <Descriptions.Item label="全区合计">
          应报送 {t.figures.expected}，按时 {t.figures.onTime}（{percent(t.rates.onTimeRate)}）；发现问题{' '}
          {t.figures.found}，已销号 {t.figures.closed}（{percent(t.rates.closureRate)}），逾期{' '}
          {t.figures.overdue}；退回 {t.figures.returnedProblems + t.figures.returnedReports} 次。
        </Descriptions.Item>
      </Descriptions>
    </Card>
  );
}

export function GroupsCard({ sc }: { sc: Scorecard }) {
  return (
    <Card title="通报批评情形" size="small" data-testid="groups">
      <Space direction="vertical" style={{ width: '100%' }}>
        {sc.groups.map((g) => (
          <div key={g.group} data-testid="group" data-group={g.group}>
            <Tag color={GROUP_COLORS[g.group]}>{g.group}</Tag>
            <Typography.Text type="secondary">（{g.criterion}）</Typography.Text>
            <div style={{ marginTop: 4, paddingLeft: 8 }}>
              {g.units.length === 0 ? (
                <Typography.Text type="secondary">无</Typography.Text>
              ) : (
                g.units.map((u) => `${u.name}（${u.reason}）`).join('；')
              )}
            </div>
          </div>
        ))}
      </Space>
    </Card>
  );
}
