// One section of the 待办 page: its count, what it counts, the first few entries (each opens its
// item) and a link to the whole list with the same filter.
import { formatChineseDate } from '@paicha/core';
import { Badge, Card, List, Space, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import type { WorkbenchEntry, WorkbenchSection } from '../../api/workbench';
import { DeadlineText } from '../../components/DeadlineText';

function EntryRow({ entry, onOpen }: { entry: WorkbenchEntry; onOpen?: (e: WorkbenchEntry) => void }) {
  return (
    <List.Item data-testid="workbench-entry" data-key={entry.key} style={{ paddingInline: 0 }}>
      <div style={{ display: 'flex', gap: 12, width: '100%', alignItems: 'flex-start' }}>
        <div style={{ flex: 1, minWidth: 0 }}>
          <Link to={entry.link} onClick={() => onOpen?.(entry)} data-testid="workbench-entry-link">
            <Typography.Text ellipsis style={{ color: 'inherit', maxWidth: '100%' }} title={entry.title}>
              {entry.title}
            </Typography.Text>
          </Link>
          {entry.detail && (
            <Typography.Paragraph type="secondary" ellipsis={{ rows: 1 }} style={{ margin: 0, fontSize: 12 }}>
              {entry.detail}
            </Typography.Paragraph>
          )}
        </div>
        <Space direction="vertical" size={2} align="end" style={{ flex: 'none' }}>
          <Tag color={entry.urgent ? 'red' : 'blue'} style={{ marginInlineEnd: 0 }}>
            {entry.tag}
          </Tag>
          {entry.date && (
            <Typography.Text type={entry.urgent ? 'danger' : 'secondary'} style={{ fontSize: 12 }}>
              {entry.deadline ? (
                <DeadlineText deadline={entry.deadline} prefix={`${entry.dateLabel} `} />
              ) : (
                `${entry.dateLabel} ${formatChineseDate(entry.date)}`
              )}
            </Typography.Text>
          )}
        </Space>
      </div>
    </List.Item>
  );
}

export function WorkbenchSectionCard({
  section,
  onOpen,
}: {
  section: WorkbenchSection;
  /** Called as an entry is opened (notices are marked read). */
  onOpen?: (e: WorkbenchEntry) => void;
}) {
  const urgent = section.entries.some((e) => e.urgent);
  const more = section.count - section.entries.length;
  return (
    <Card
      size="small"
      data-testid="workbench-section"
      data-key={section.key}
      data-count={section.count}
      title={
        <Space size={8}>
          {section.title}
          <Badge count={section.count} overflowCount={9999} color={urgent ? '#cf1322' : '#1677ff'} />
        </Space>
      }
      extra={
        <Link to={section.link} data-testid="workbench-more">
          查看全部
        </Link>
      }
      style={{ height: '100%' }}
    >
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {section.hint}
      </Typography.Text>
      <List
        size="small"
        dataSource={section.entries}
        rowKey="key"
        renderItem={(e) => <EntryRow entry={e} {...(onOpen ? { onOpen } : {})} />}
      />
      {more > 0 && (
        <Link to={section.link} style={{ fontSize: 12 }}>
          还有 {more} 项，查看全部
        </Link>
      )}
    </Card>
  );
}
