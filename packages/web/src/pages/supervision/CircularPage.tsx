// One 通报: the office reviews the draft (edits title, 文号, opening, requirements and deadline
// beside a live preview), refreshes its figures, issues it, or deletes it. Issued circulars are
// read-only; everyone who may see them downloads the .docx.
import { isAdmin } from '@paicha/core';
import { Alert, App, Button, Card, Col, Descriptions, Popconfirm, Row, Space, Spin, Tag } from 'antd';
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import { useUser } from '../../auth/AuthContext';
import { cnDate, cnDateOfInstant, cnDateTime } from '../../components/dates';
import { LoadError } from '../../components/LoadError';
import { useAction } from '../../hooks/useAction';
import { useAsync } from '../../hooks/useAsync';
import { type Circular, oneLine, supervisionApi } from './api';
import { CircularForm, type CircularFormValues, toInput } from './CircularForm';
import { CircularPreview } from './CircularPreview';

export function CircularStatusTag({ status }: { status: Circular['status'] }) {
  return (
    <Tag color={status === 'issued' ? 'green' : 'blue'} data-testid="circular-status" data-status={status}>
      {status === 'issued' ? '已签发' : '草稿'}
    </Tag>
  );
}

export default function CircularPage() {
  const id = Number(useParams().id);
  const user = useUser();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const loaded = useAsync(() => supervisionApi.circular(id), [id]);
  const [current, setCurrent] = useState<Circular>();
  const [dirty, setDirty] = useState<CircularFormValues | null>(null);
  const stepping = useAction(async (f: () => Promise<Circular | undefined>, done: string) => {
    const next = await f();
    if (next) setCurrent(next);
    message.success(done);
    return next;
  });
  const step = stepping.run;
  const busy = stepping.busy;
  const c = current ?? loaded.data;
  if (loaded.error) return <LoadError error={loaded.error} onRetry={loaded.reload} />;
  if (!c) return <Spin style={{ display: 'block', margin: 48 }} />;
  const editable = c.status === 'draft' && isAdmin(user.role);

  const save = async () => {
    if (!dirty) return c;
    const next = await step(
      () => supervisionApi.updateCircular(c.id, toInput(dirty, c.version)),
      '修改已保存',
    );
    if (next) setDirty(null);
    return next;
  };
  const issue = async () => {
    const saved = await save();
    if (!saved) return;
    await step(() => supervisionApi.issueCircular(c.id, saved.version), '通报已签发');
  };
  const remove = () =>
    step(async () => {
      await supervisionApi.deleteCircular(c.id, c.version);
      navigate('/supervision/circulars');
      return undefined;
    }, '草稿已删除');

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Card
        size="small"
        title={
          <Space>
            {oneLine(c.title)}
            <CircularStatusTag status={c.status} />
          </Space>
        }
        extra={
          <Space wrap>
            <Button
              data-testid="circular-download"
              onClick={() =>
                void step(async () => {
                  await supervisionApi.downloadDocx(c);
                  return undefined;
                }, '已开始下载')
              }
            >
              下载 Word
            </Button>
            {editable && (
              <>
                <Button
                  data-testid="circular-save"
                  disabled={!dirty}
                  loading={busy}
                  onClick={() => void save()}
                >
                  保存修改
                </Button>
                <Popconfirm
                  title="按当前台账和报送情况重新计算数据？"
                  description="正文中的数字、排名和通报名单将随之更新，已修改的文字保留。"
                  okText="重新计算"
                  onConfirm={() =>
                    void step(() => supervisionApi.refreshCircular(c.id, c.version), '数据已更新')
                  }
                >
                  <Button data-testid="circular-refresh" disabled={!!dirty}>
                    更新数据
                  </Button>
                </Popconfirm>
                <Popconfirm
                  title="签发后数据和正文将固定，不能再修改。确定签发？"
                  okText="签发"
                  okButtonProps={{ 'data-testid': 'issue-ok' }}
                  onConfirm={() => void issue()}
                >
                  <Button type="primary" data-testid="circular-issue" loading={busy}>
                    签发
                  </Button>
                </Popconfirm>
                <Popconfirm title="删除这份草稿？" okText="删除" onConfirm={() => void remove()}>
                  <Button danger>删除草稿</Button>
                </Popconfirm>
              </>
            )}
          </Space>
        }
      >
        <Descriptions size="small" column={{ xs: 1, md: 3 }}>
          <Descriptions.Item label="统计期间">
            {cnDate(c.periodFrom)}至{cnDate(c.periodTo)}
          </Descriptions.Item>
          <Descriptions.Item label="数据计算时间">{cnDateTime(c.figuresAt)}</Descriptions.Item>
          <Descriptions.Item label={c.status === 'issued' ? '签发' : '起草'}>
            {c.status === 'issued'
              ? `${c.issuedBy ?? ''} ${cnDateOfInstant(c.issuedAt)}`
              : `${c.createdBy ?? ''} ${cnDateOfInstant(c.createdAt)}`}
          </Descriptions.Item>
        </Descriptions>
        {c.status === 'draft' && (
          <Alert
            type="info"
            showIcon
            message="草稿中的数字、排名和通报名单来自生成（或更新数据）时的单位评分；签发时固定，之后台账变化不再影响本通报。"
          />
        )}
      </Card>
      <Row gutter={16}>
        {editable && (
          <Col xs={24} xl={10}>
            <Card size="small" title="审核修改">
              <CircularForm key={c.version} circular={c} onChange={setDirty} />
            </Card>
          </Col>
        )}
        <Col xs={24} xl={editable ? 14 : 24}>
          <CircularPreview doc={c.document} draft={c.status === 'draft'} />
        </Col>
      </Row>
    </Space>
  );
}
