// 评分与通报规则: the composite score's weights and the four 通报批评 thresholds. Defaults are the
// system's proposal (docs/API.md); the office sets its own.
import { Alert, App, Col, Divider, Form, InputNumber, Row } from 'antd';
import { FormModal } from '../../components/FormModal';
import { type Rules, supervisionApi } from './api';

interface Props {
  rules: Rules;
  onClose: () => void;
  onSaved: () => void;
}

const WEIGHTS: [keyof Rules['weights'], string][] = [
  ['onTime', '报送及时率'],
  ['closure', '整改销号率'],
  ['overdue', '逾期问题控制'],
  ['returns', '退回情况'],
];

const THRESHOLDS: [keyof Rules['thresholds'], string, string, string][] = [
  ['overdueAtLeast', '责任不到位', '逾期未整改问题达到', '个'],
  ['missingAtLeast', '工作不主动', '逾期未报达到', '次'],
  ['lateOrMissingAtLeast', '工作不主动', '或逾期报送 + 逾期未报达到', '次'],
  ['returnedAtLeast', '措施不得力', '被退回（问题 + 材料）达到', '次'],
  ['closureRateBelow', '成效不明显', '整改销号率低于', '%'],
];

export function RulesModal({ rules, onClose, onSaved }: Props) {
  const [form] = Form.useForm<Rules>();
  const { message } = App.useApp();

  return (
    <FormModal<Rules>
      title="评分与通报规则"
      width={640}
      okText="保存"
      okButtonProps={{ 'data-testid': 'rules-ok' }}
      form={form}
      formProps={{ initialValues: rules, requiredMark: false }}
      submit={async (v) => {
        await supervisionApi.saveRules(v);
        message.success('评分与通报规则已保存');
        onSaved();
      }}
      onClose={onClose}
    >
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 16 }}
        message="综合得分按权重加权平均；某项对单位不适用（无到期报送、无问题、无提交）时不计入，其余权重按比例折算。"
      />
      <Divider orientation="left" plain>
        综合得分权重
      </Divider>
      <Row gutter={16}>
        {WEIGHTS.map(([key, label]) => (
          <Col span={6} key={key}>
            <Form.Item name={['weights', key]} label={label} rules={[{ required: true, message: '请填写' }]}>
              <InputNumber min={0} max={1000} precision={0} style={{ width: '100%' }} aria-label={label} />
            </Form.Item>
          </Col>
        ))}
      </Row>
      <Divider orientation="left" plain>
        通报批评情形（达到任一条件即列入）
      </Divider>
      <Row gutter={16}>
        {THRESHOLDS.map(([key, group, label, unit]) => (
          <Col span={12} key={key}>
            <Form.Item
              name={['thresholds', key]}
              label={`${group}：${label}`}
              rules={[{ required: true, message: '请填写' }]}
            >
              <InputNumber
                min={key === 'closureRateBelow' ? 0 : 1}
                max={key === 'closureRateBelow' ? 100 : 1000}
                precision={0}
                addonAfter={unit}
                style={{ width: '100%' }}
                aria-label={`${group}${label}`}
              />
            </Form.Item>
          </Col>
        ))}
      </Row>
    </FormModal>
  );
}
