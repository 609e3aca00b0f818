import { Button, Card, Empty, List, Typography } from 'antd';
import { useState } from 'react';
import type { Overview } from '../../api/types';
import { DeadlineTag } from '../../components/DeadlineTag';
import { DeadlineText } from '../../components/DeadlineText';

// The nearest few are what needs acting on; the rest of the calendar is one click away.
const FIRST_SHOWN = 5;

export function UpcomingDeadlines({ upcoming }: { upcoming: Overview['upcoming'] }) {
  const [all, setAll] = useState(false);
  const shown = all ? upcoming : upcoming.slice(0, FIRST_SHOWN);
  return (
    <Card title="近期报送节点" style={{ height: '100%' }}>
      {upcoming.length === 0 ? (
        <Empty description="暂无待报送事项" image={Empty.PRESENTED_IMAGE_SIMPLE} />
      ) : (
        <List
          size="small"
          dataSource={shown}
          rowKey={(u) => u.milestone.id}
          renderItem={({ milestone, deadline, daysLeft }) => (
            <List.Item data-testid="deadline-item" actions={[<DeadlineTag key="tag" daysLeft={daysLeft} />]}>
              <List.Item.Meta
                title={milestone.title}
                description={
                  <Typography.Text type="secondary">
                    <DeadlineText deadline={deadline} prefix="截止：" />
                  </Typography.Text>
                }
              />
            </List.Item>
          )}
          footer={
            upcoming.length > FIRST_SHOWN ? (
              <Button type="link" size="small" onClick={() => setAll(!all)}>
                {all ? '收起' : `展开全部（共${upcoming.length}项）`}
              </Button>
            ) : undefined
          }
        />
      )}
    </Card>
  );
}
