// 提醒设置 (office): how many days before a deadline units are reminded, whether reminders are
// also e-mailed, and a button to run the reminders now instead of waiting for the timer.
import { PlayCircleOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Form, Popconfirm, Select, Space, Spin, Switch, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { notificationsApi, notificationsChanged, type ReminderSettings } from '../../api/notifications';
import { LoadError } from '../../components/LoadError';
import { validValues } from '../../components/validValues';
import { useAction } from '../../hooks/useAction';
import { useAsync } from '../../hooks/useAsync';
import { LedgerSettingsCard } from '../problems/LedgerSettingsCard';
import { WorkbenchSettingsCard } from '../workbench/WorkbenchSettingsCard';

const DAY_CHOICES = [0, 1, 2, 3, 5, 7, 10, 14, 15, 30].map((d) => ({
  value: d,
  label: d === 0 ? '截止当天' : `提前 ${d} 天`,
}));

function RunNow() {
  const [result, setResult] = useState<{ created: number; emailed: number }>();
  const { run, busy, failure } = useAction(
    async () => {
      setResult(await notificationsApi.runReminders());
      notificationsChanged();
    },
    { inline: true },
  );

  return (
    <Card title="立即执行提醒" style={{ maxWidth: 760 }}>
      <Typography.Paragraph type="secondary">
        系统每隔一段时间（默认 30
        分钟）自动检查一次。需要马上提醒时（如刚调整了截止日期或提醒天数），可立即执行一次。已经发过的提醒不会重复发送。
      </Typography.Paragraph>
      <Popconfirm
        title="立即执行一次到期提醒？"
        description="将按当前设置向未按期报送、问题即将或已经超期的单位发送提醒。"
        okText="执行"
        cancelText="取消"
        okButtonProps={{ 'data-testid': 'reminders-run-ok' }}
        onConfirm={() => void run()}
      >
        <Button type="primary" icon={<PlayCircleOutlined />} loading={busy} data-testid="reminders-run">
          立即执行提醒
        </Button>
      </Popconfirm>
      {failure && <Alert type="error" showIcon style={{ marginTop: 16 }} message={failure} />}
      {result && (
        <Alert
          type={result.created ? 'success' : 'info'}
          showIcon
          style={{ marginTop: 16 }}
          data-testid="reminders-result"
          data-created={result.created}
          message={
            result.created
              ? `本次新发出 ${result.created} 条提醒${result.emailed ? `，发送邮件 ${result.emailed} 封` : ''}`
              : '没有需要新发的提醒（已发过的提醒不会重复发送）'
          }
          description={<Link to="/notifications?tab=sent">查看已发通知</Link>}
        />
      )}
    </Card>
  );
}

export default function ReminderSettingsPage() {
  const { message } = App.useApp();
  const [form] = Form.useForm<ReminderSettings>();
  const { data, error, reload } = useAsync(() => notificationsApi.settings(), []);
  const saving = useAction(
    async (v: ReminderSettings) => {
      const saved = await notificationsApi.saveSettings({
        days: [...v.days].sort((a, b) => b - a),
        email: Boolean(v.email),
      });
      form.setFieldsValue(saved);
      message.success('提醒设置已保存');
    },
    { inline: true },
  );
  const failure = saving.failure;

  async function save() {
    const v = await validValues(form);
    if (v) await saving.run(v);
  }

  if (error) return <LoadError error={error} onRetry={reload} />;
  if (!data) return <Spin style={{ display: 'block', margin: 48 }} />;

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Card title="提醒设置" style={{ maxWidth: 760 }}>
        <Typography.Paragraph type="secondary">
          在月报、节点报送的截止日期和问题整改时限之前，按下列天数提醒尚未完成的责任单位；逾期后再提醒一次。提醒显示在各单位的“通知”中。
        </Typography.Paragraph>
        {failure && (
          <Alert
            type="error"
            showIcon
            style={{ marginBottom: 16 }}
            message="保存失败，修改的内容已保留"
            description={failure}
          />
        )}
        <Form<ReminderSettings>
          form={form}
          layout="vertical"
          initialValues={data}
          data-testid="reminder-form"
        >
          <Form.Item
            name="days"
            label="提前提醒"
            rules={[{ required: true, message: '至少选择一个提醒时间' }]}
            extra="最多选 5 个；默认提前 3 天和 1 天"
          >
            <Select mode="multiple" maxCount={5} options={DAY_CHOICES} style={{ maxWidth: 480 }} />
          </Form.Item>
          <Form.Item
            name="email"
            label="同时发送邮件"
            valuePropName="checked"
            extra="发给用户管理中填写了邮箱的本单位用户；须由系统管理员配置邮件服务器，未配置时只在系统内提醒。"
          >
            <Switch checkedChildren="发送" unCheckedChildren="不发送" />
          </Form.Item>
          <Button
            type="primary"
            loading={saving.busy}
            onClick={() => void save()}
            data-testid="reminder-save"
          >
            保存设置
          </Button>
        </Form>
      </Card>
      <WorkbenchSettingsCard />
      <RunNow />
      <LedgerSettingsCard />
    </Space>
  );
}
