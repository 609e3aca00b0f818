import { formatChineseDate, PLAN_CAMPAIGN } from '@paicha/core';
import { Alert, App, DatePicker, Form, Input } from 'antd';
import type { Dayjs } from 'dayjs';
import { campaignsApi } from '../../../api/endpoints';
import type { Campaign } from '../../../api/types';
import { CN_DATE_FORMATS } from '../../../components/dates';
import { FormModal } from '../../../components/FormModal';

interface Values {
  title: string;
  startDate: Dayjs;
}

interface Props {
  onClose: () => void;
  onCreated: (c: Campaign) => void;
}

/** A new campaign is the plan's template moved in time; only title and start date are asked. */
export function NewCampaignModal({ onClose, onCreated }: Props) {
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();

  async function submit(v: Values) {
    const c = await campaignsApi.create({
      title: v.title.trim(),
      startDate: v.startDate.format('YYYY-MM-DD'),
    });
    message.success(`已创建“${c.title}”`);
    onCreated(c);
  }

  return (
    <FormModal<Values>
      title="新建排查活动"
      okText="创建"
      width={560}
      form={form}
      formProps={{ name: 'new-campaign', 'data-testid': 'new-campaign-form' }}
      submit={submit}
      onClose={onClose}
      intro={
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          message="按工作方案模板创建"
          description={
            <>
              新活动沿用方案的4个工作阶段、报送节点、月报制度和37项排查事项（含责任单位）。 方案自
              {formatChineseDate(PLAN_CAMPAIGN.startDate)}开始；选择新的开始日期后，
              <b>所有日期（阶段起止、报送截止日、每月月报截止日）都整体平移相同天数</b>
              ，各节点之间的间隔不变。创建后可在下方调整排查事项和责任单位。大家看到的当前活动不会因新建而改变：到开始日期才切换到新活动。
            </>
          }
        />
      }
    >
      <Form.Item
        name="title"
        label="活动名称"
        initialValue={PLAN_CAMPAIGN.title}
        rules={[{ required: true, whitespace: true, message: '请输入活动名称' }]}
      >
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item name="startDate" label="开始日期" rules={[{ required: true, message: '请选择开始日期' }]}>
        <DatePicker style={{ width: '100%' }} format={CN_DATE_FORMATS} aria-label="开始日期" />
      </Form.Item>
    </FormModal>
  );
}
