// The street's batch steps on the findings it ticked: mark them 属实, or hand them to a village
// cadre for the door-to-door check. All or nothing: when one is refused the server changes none
// and says why for each, listed here.
import { Alert, Button, Form, Input, Space, Typography } from 'antd';
import { useState } from 'react';
import { type BatchResult, verificationApi } from '../../api/verification';
import { FormModal } from '../../components/FormModal';
import { useAction } from '../../hooks/useAction';

export function BatchBar(props: { ids: number[]; onDone: () => void }) {
  const [report, setReport] = useState<BatchResult>();
  const [assigning, setAssigning] = useState(false);
  const [form] = Form.useForm<{ name: string; phone: string }>();
  const finish = (r: BatchResult) => {
    setReport(r);
    if (r.applied) props.onDone();
  };
  const confirm = useAction(async () =>
    finish(await verificationApi.batch({ action: 'confirm', ids: props.ids })),
  );
  const refused = report?.results.filter((r) => !r.ok) ?? [];
  return (
    <div style={{ marginBottom: 12 }} data-testid="batch-bar">
      <Space wrap>
        <Typography.Text>已选 {props.ids.length} 条</Typography.Text>
        <Button
          disabled={!props.ids.length}
          loading={confirm.busy}
          onClick={() => void confirm.run()}
          data-testid="batch-confirm"
        >
          批量标记属实
        </Button>
        <Button disabled={!props.ids.length} onClick={() => setAssigning(true)} data-testid="batch-assign">
          交村干部入户核实
        </Button>
      </Space>
      {report && (
        <Alert
          style={{ marginTop: 8 }}
          closable
          onClose={() => setReport(undefined)}
          type={report.applied ? 'success' : 'error'}
          data-testid="batch-report"
          message={
            report.applied
              ? `已办理 ${report.results.length} 条`
              : `有 ${refused.length} 条不能办理，全部未办理`
          }
          description={
            refused.length > 0 && (
              <ul style={{ margin: 0, paddingLeft: 20 }}>
                {refused.map((r) => (
                  <li key={r.id}>
                    线索 #{r.id}：{r.message}
                  </li>
                ))}
              </ul>
            )
          }
        />
      )}
      {assigning && (
        <FormModal<{ name: string; phone: string }>
          form={form}
          title={`交村干部入户核实（${props.ids.length} 条）`}
          onClose={() => setAssigning(false)}
          formProps={{ 'data-testid': 'assign-form', initialValues: { name: '', phone: '' } }}
          submit={async (v) =>
            finish(await verificationApi.batch({ action: 'assign', ids: props.ids, assignee: v }))
          }
        >
          <Form.Item
            name="name"
            label="村干部姓名"
            rules={[{ required: true, whitespace: true, message: '请填写村干部姓名' }]}
          >
            <Input maxLength={50} data-testid="assignee-name" />
          </Form.Item>
          <Form.Item
            name="phone"
            label="联系电话（选填）"
            rules={[{ pattern: /^[0-9+\- ]*$/, message: '电话号码只能包含数字' }]}
          >
            <Input maxLength={20} inputMode="tel" />
          </Form.Item>
        </FormModal>
      )}
    </div>
  );
}
