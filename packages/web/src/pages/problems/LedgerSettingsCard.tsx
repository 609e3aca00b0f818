// 台账设置 (office, on the 提醒设置 page): the 立行立改期限 — how many days after it is recorded a
// 立行立改 problem without a deadline is due (and overdue after).
import { Alert, App, Button, Card, Checkbox, Form, InputNumber, Spin, Typography } from 'antd';
import { type LedgerSettings, problemsApi } from '../../api/problems';
import { LoadError } from '../../components/LoadError';
import { validValues } from '../../components/validValues';
import { useAction } from '../../hooks/useAction';
import { useAsync } from '../../hooks/useAsync';

export function LedgerSettingsCard() {
  const { message } = App.useApp();
  const [form] = Form.useForm<LedgerSettings>();
  const { data, error, reload } = useAsync(() => problemsApi.ledgerSettings(), []);
  const saving = useAction(
    async (v: LedgerSettings) => {
      form.setFieldsValue(
        await problemsApi.saveLedgerSettings({
          immediateDays: v.immediateDays,
          immediateWorkingDays: !!v.immediateWorkingDays,
        }),
      );
      message.success('台账设置已保存');
    },
    { inline: true },
  );

  async function save() {
    const v = await validValues(form);
    if (v) await saving.run(v);
  }

  if (error) return <LoadError error={error} onRetry={reload} />;
  if (!data) return <Spin style={{ display: 'block', margin: 24 }} />;
  return (
    <Card title="台账设置" style={{ maxWidth: 760 }} data-testid="ledger-settings">
      <Typography.Paragraph type="secondary">
        立行立改的问题登记时未填整改时限的，整改时限为登记之日起的天数；超过即计为逾期。修改只影响此后登记的问题，已登记问题的整改时限可在问题页修改。
      </Typography.Paragraph>
      {saving.failure && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 16 }}
          message="保存失败"
          description={saving.failure}
        />
      )}
      <Form<LedgerSettings> form={form} layout="inline" initialValues={data}>
        <Form.Item
          name="immediateDays"
          label="立行立改期限"
          rules={[{ required: true, message: '请填写 1 到 365 之间的天数' }]}
        >
          <InputNumber
            min={1}
            max={365}
            precision={0}
            addonAfter="天"
            style={{ width: 160 }}
            data-testid="immediate-days"
          />
        </Form.Item>
        <Form.Item name="immediateWorkingDays" valuePropName="checked">
          <Checkbox data-testid="immediate-working-days">按工作日计算（不含节假日）</Checkbox>
        </Form.Item>
        <Button
          type="primary"
          loading={saving.busy}
          onClick={() => void save()}
          data-testid="ledger-settings-save"
        >
          保存
        </Button>
      </Form>
    </Card>
  );
}
