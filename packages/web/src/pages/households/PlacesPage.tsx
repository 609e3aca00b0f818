import { isAdmin } from '@paicha/core';
import { Alert, App, Button, Card, Popconfirm, Select, Space, Table, Tabs, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { unitsApi } from '../../api/endpoints';
import { householdsApi } from '../../api/households';
import type { PlaceView } from '../../api/householdTypes';
import { useUser } from '../../auth/AuthContext';
import { cnDateOfInstant } from '../../components/dates';
import { LoadError } from '../../components/LoadError';
import { testIdRow } from '../../components/rowProps';
import { useAction } from '../../hooks/useAction';
import { useAsync } from '../../hooks/useAsync';

type Status = 'open' | 'resolved' | 'all';

/**
 * 待匹配地名: 乡镇（街道） names in the imports that name no street. Their findings wait with the
 * office until the name is mapped; mapping routes them to the street's ledger at once.
 */
export default function PlacesPage() {
  const user = useUser();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [status, setStatus] = useState<Status>('open');
  const [picked, setPicked] = useState<Record<number, number>>({});
  const places = useAsync(() => householdsApi.places(status), [status]);
  const streets = useAsync(async () => (await unitsApi.list()).filter((u) => u.kind === 'street'), []);
  const resolve = useAction(async (p: PlaceView, unitId: number) => {
    const street = streets.data?.find((s) => s.id === unitId)?.name ?? '';
    const { routed } = await householdsApi.resolvePlace(p.id, unitId);
    message.success(
      routed > 0
        ? `已将“${p.name}”对应到${street}：${routed} 条问题线索已转入${street}的问题台账`
        : `已将“${p.name}”对应到${street}，今后比对发现的问题将转入${street}的问题台账`,
    );
    places.reload();
  });
  if (!isAdmin(user.role)) return <Alert type="info" showIcon message="地名对应由区领导小组办公室处理。" />;

  function streetCell(p: PlaceView) {
    if (p.unit) return <Tag color="green">{p.unit.name}</Tag>;
    const unitId = picked[p.id];
    const street = streets.data?.find((s) => s.id === unitId)?.name;
    return (
      <Space>
        <Select
          aria-label={`对应街道：${p.name}`}
          style={{ width: 180 }}
          placeholder="选择街道"
          showSearch
          optionFilterProp="label"
          value={unitId}
          options={streets.data?.map((s) => ({ value: s.id, label: s.name }))}
          onChange={(v: number) => setPicked((m) => ({ ...m, [p.id]: v }))}
        />
        <Popconfirm
          title={`将“${p.name}”对应到${street ?? ''}？`}
          description={`该地名下的问题线索将立即转入${street ?? ''}的问题台账，由${street ?? ''}整改；今后导入的数据同样按此对应。`}
          okText="确认对应"
          cancelText="取消"
          disabled={unitId === undefined}
          onConfirm={() => unitId !== undefined && void resolve.run(p, unitId)}
        >
          <Button
            type="primary"
            disabled={unitId === undefined}
            loading={resolve.pending?.[0].id === p.id}
            data-testid="place-resolve"
          >
            对应
          </Button>
        </Popconfirm>
      </Space>
    );
  }

  const error = places.error ?? streets.error;
  return (
    <Card title="待匹配地名">
      <Typography.Paragraph type="secondary">
        导入数据中“乡镇（街道）”一栏的名称与街道名称一致（如“宋跳镇”与“宋跳街道”）时自动对应；对应不上的名称列在这里，
        它们的问题线索暂由办公室保管，不进入任何街道的台账。选择街道并确认后，这些问题线索随即转入该街道的问题台账。
      </Typography.Paragraph>
      <Tabs
        activeKey={status}
        onChange={(k) => setStatus(k as Status)}
        items={[
          { key: 'open', label: '待匹配' },
          { key: 'resolved', label: '已对应' },
          { key: 'all', label: '全部' },
        ]}
      />
      {error ? (
        <LoadError error={error} onRetry={places.reload} />
      ) : (
        <Table<PlaceView>
          rowKey="id"
          size="middle"
          loading={places.loading}
          dataSource={places.data}
          pagination={{ pageSize: 50, hideOnSinglePage: true, showTotal: (t) => `共 ${t} 个地名` }}
          locale={{ emptyText: status === 'open' ? '没有待匹配的地名，所有地名都已对应到街道' : '暂无' }}
          onRow={(p) => testIdRow('place-row', { 'data-name': p.name })}
          columns={[
            {
              title: '地名（乡镇/街道）',
              dataIndex: 'name',
              sorter: (a, b) => a.name.localeCompare(b.name, 'zh-CN'),
            },
            {
              title: '户数',
              dataIndex: 'households',
              width: 90,
              align: 'right',
              sorter: (a, b) => a.households - b.households,
              defaultSortOrder: status === 'open' ? 'descend' : undefined,
            },
            { title: '首次出现', dataIndex: 'firstSeenAt', width: 140, render: cnDateOfInstant },
            { title: '最近出现', dataIndex: 'lastSeenAt', width: 140, render: cnDateOfInstant },
            { title: '对应街道', width: 320, render: (_, p) => streetCell(p) },
            {
              title: '问题线索',
              width: 110,
              render: (_, p) =>
                p.unit ? (
                  <Button type="link" size="small" onClick={() => navigate(`/households?unit=${p.unit?.id}`)}>
                    查看
                  </Button>
                ) : (
                  <Button type="link" size="small" onClick={() => navigate('/households?unit=none')}>
                    待对应的
                  </Button>
                ),
            },
          ]}
        />
      )}
    </Card>
  );
}
