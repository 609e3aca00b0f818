// One day of the calendar: 放假 / 调休上班 / 照常 with the holiday's name, or back to the
// State Council's arrangement (removes the office's row).
import { CALENDAR_DAY_LABELS, type CalendarDayKind, formatChineseDate, weekdayLabel } from '@paicha/core';
import { Button, Form, Input, Radio } from 'antd';
import {
  type CalendarDayInput,
  type CalendarDayView,
  type CalendarYear,
  calendarApi,
} from '../../../api/calendar';
import { FormModal } from '../../../components/FormModal';
import { useAction } from '../../../hooks/useAction';

export function DayModal(props: {
  date: string;
  day: CalendarDayView | undefined;
  onClose: () => void;
  onSaved: (year: CalendarYear) => void;
}) {
  const [form] = Form.useForm<CalendarDayInput>();
  const { date, day } = props;
  const reset = useAction(async () => {
    props.onSaved(await calendarApi.clearDay(date));
    props.onClose();
  });
  return (
    <FormModal
      title={`${formatChineseDate(date)}（${weekdayLabel(date)}）`}
      form={form}
      formProps={{
        initialValues: { kind: day?.kind ?? 'holiday', name: day?.name ?? '' },
        'data-testid': 'calendar-day-form',
      }}
      submit={async (values) => props.onSaved(await calendarApi.setDay(date, values))}
      onClose={props.onClose}
      okText="保存"
      failure={{ testId: 'calendar-day-error' }}
      intro={
        day?.shipped && (
          <p style={{ color: '#888' }}>
            国务院通知：{day.shipped.name}
            {CALENDAR_DAY_LABELS[day.shipped.kind]}
          </p>
        )
      }
      footer={(origin) => (
        <>
          {day?.source === 'office' && (
            <Button onClick={() => reset.run()} loading={reset.busy} data-testid="calendar-day-reset">
              恢复默认安排
            </Button>
          )}
          {origin}
        </>
      )}
    >
      <Form.Item name="kind" label="安排" rules={[{ required: true }]}>
        <Radio.Group data-testid="calendar-day-kind">
          {(Object.keys(CALENDAR_DAY_LABELS) as CalendarDayKind[]).map((k) => (
            <Radio.Button key={k} value={k}>
              {CALENDAR_DAY_LABELS[k]}
            </Radio.Button>
          ))}
        </Radio.Group>
      </Form.Item>
      <Form.Item name="name" label="名称（如 春节）" rules={[{ max: 40, message: '名称不超过40个字' }]}>
        <Input data-testid="calendar-day-name" maxLength={40} />
      </Form.Item>
    </FormModal>
  );
}
