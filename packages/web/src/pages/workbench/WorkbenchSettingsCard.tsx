// 待办设置 (office, on the 提醒设置 page): how many days ahead a problem's deadline puts it in the
// units' "N天内到期" list and their menu counts.
import { MAX_DUE_WITHIN_DAYS } from '@paicha/core';
import { Alert, App, Button, Card, Form, InputNumber, Spin, Typography } from 'antd';
import { type WorkbenchSettings, workbenchApi, workbenchChanged } from '../../api/workbench';
import { LoadError } from '../../components/LoadError';
import { validValues } from '../../components/validValues';
import { useAction } from '../../hooks/useAction';
import { useAsync } from '../../hooks/useAsync';

export function WorkbenchSettingsCard() {
  const { message } = App.useApp();
  const [form] = Form.useForm<WorkbenchSettings>();
  const { data, error, reload } = useAsync(() => workbenchApi.settings(), []);
  const saving = useAction(
    async (v: WorkbenchSettings) => {
      form.setFieldsValue(await workbenchApi.saveSettings({ dueWithinDays: v.dueWithinDays }));
      workbenchChanged();
      message.success('待办设置已保存');
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
    <Card title="待办设置" style={{ maxWidth: 760 }} data-testid="workbench-settings">
      <Typography.Paragraph type="secondary">
        整改时限在今后多少天内、仍待责任单位整改的问题，列入各单位待办的“临近到期”并计入菜单角标。
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
      <Form<WorkbenchSettings> form={form} layout="inline" initialValues={data}>
        <Form.Item
          name="dueWithinDays"
          label="临近到期"
          rules={[{ required: true, message: `请填写 1 到 ${MAX_DUE_WITHIN_DAYS} 之间的天数` }]}
        >
          <InputNumber
            min={1}
            max={MAX_DUE_WITHIN_DAYS}
            precision={0}
            addonAfter="天内"
            style={{ width: 160 }}
            data-testid="due-within-days"
          />
        </Form.Item>
        <Button
          type="primary"
          loading={saving.busy}
          onClick={() => void save()}
          data-testid="workbench-settings-save"
        >
          保存
        </Button>
      </Form>
    </Card>
  );
}
