// One household at the door: who lives there (与户主关系 as the roll's file wrote it, else 户主 or member),
// what every source says about it, the findings, the visit form, and the visits recorded so far.
import { ArrowLeftOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Collapse, Descriptions, List, Space, Spin, Tag, Typography } from 'antd';
import { useNavigate, useParams } from 'react-router-dom';
import { ApiError } from '../../api/client';
import { householdsApi } from '../../api/households';
import { verificationApi } from '../../api/verification';
import { useUser } from '../../auth/AuthContext';
import { cnDateTime } from '../../components/dates';
import { LoadError } from '../../components/LoadError';
import { useAsync } from '../../hooks/useAsync';
import { VisitRecords } from '../households/VisitRecords';
import { cached, cacheKey } from './offlineCache';
import { useOutbox } from './useOutbox';
import { VisitForm } from './VisitForm';

export default function VisitHouseholdPage() {
  const { householdId = '' } = useParams();
  const navigate = useNavigate();
  const { sent, drafts } = useOutbox();
  const user = useUser();
  const hh = useAsync(
    () => cached(cacheKey(user.id, 'hh', householdId), () => householdsApi.household(householdId)),
    [householdId, sent],
  );
  const visits = useAsync(
    () => cached(cacheKey(user.id, 'visits', householdId), () => verificationApi.visits(householdId)),
    [householdId, sent],
  );
  const waiting = drafts.filter((d) => d.householdId === householdId).length;
  const back = (
    <Button icon={<ArrowLeftOutlined />} onClick={() => navigate('/visit')} style={{ marginBottom: 12 }}>
      返回列表
    </Button>
  );
  if (hh.error)
    return (
      <>
        {back}
        {hh.error instanceof ApiError && hh.error.status === 404 ? (
          <Alert type="warning" showIcon message="没有找到这一户" description={hh.error.message} />
        ) : (
          <LoadError error={hh.error} onRetry={hh.reload} />
        )}
      </>
    );
  if (!hh.data) return <Spin style={{ display: 'block', margin: 48 }} />;
  const d = hh.data.data;
  const title = (id: number) => {
    const f = d.findings.find((x) => x.id === id);
    return f ? `序号${f.checkItem} ${f.ruleTitle}` : `线索 #${id}`;
  };

  return (
    <Space direction="vertical" size={12} style={{ width: '100%' }} data-testid="visit-household-page">
      {back}
      {hh.data.staleSince && (
        <Alert
          type="warning"
          showIcon
          message={`没有网络，显示的是 ${cnDateTime(hh.data.staleSince)} 加载的信息；核实记录照常保存，恢复网络后上传`}
        />
      )}
      <Card size="small" title={`户编号 ${d.householdId}`}>
        <Descriptions size="small" column={1}>
          <Descriptions.Item label="地址">
            {[d.township, d.village].filter(Boolean).join(' ') || '—'}
          </Descriptions.Item>
          <Descriptions.Item label="家庭人口">
            {d.members[0]?.householdSize ?? d.members.length} 人
          </Descriptions.Item>
        </Descriptions>
        <List
          size="small"
          dataSource={d.members}
          renderItem={(m) => (
            <List.Item data-testid="member-row">
              <Space wrap size={6}>
                <Typography.Text strong>{m.name ?? '—'}</Typography.Text>
                <Tag color={m.isHead ? 'blue' : 'default'}>
                  {m.relation ?? (m.isHead ? '户主' : '家庭成员')}
                </Tag>
                <Typography.Text type="secondary" style={{ fontSize: 12, fontFamily: 'monospace' }}>
                  {m.idNumber ?? ''}
                </Typography.Text>
                {m.income !== null && (
                  <Typography.Text style={{ fontSize: 12 }}>
                    人均纯收入 {m.income.toLocaleString('zh-CN')} 元
                  </Typography.Text>
                )}
              </Space>
            </List.Item>
          )}
        />
      </Card>
      {d.sources.length > 0 && (
        <Collapse
          size="small"
          items={d.sources.map((s) => ({
            key: s.source,
            label: `${s.label}（${s.records.length} 条记录）`,
            children: s.records.length ? (
              s.records.map((r) => (
                <div key={r.row} style={{ marginBottom: 8 }}>
                  <Typography.Text strong>{r.name ?? '—'}</Typography.Text>
                  <div style={{ fontSize: 13 }}>
                    {r.fields.map((f) => `${f.label}：${f.value}`).join('；') || '—'}
                  </div>
                </div>
              ))
            ) : (
              <Typography.Text type="secondary">没有这一户的记录</Typography.Text>
            ),
          }))}
        />
      )}
      {waiting > 0 && (
        <Alert
          type="warning"
          showIcon
          message={`这一户有 ${waiting} 条核实记录待上传`}
          data-testid="household-waiting"
        />
      )}
      {d.findings.length === 0 ? (
        <Alert type="success" showIcon message="这一户没有存在的问题线索" />
      ) : (
        <VisitForm householdId={d.householdId} findings={d.findings} />
      )}
      {visits.data && <VisitRecords visits={visits.data.data.items} findingTitle={title} small />}
    </Space>
  );
}
