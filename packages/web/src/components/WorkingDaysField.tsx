// "N 个工作日内" beside a deadline date: the N-th working day after the server's today, counted
// by the server's 节假日 calendar (GET /api/calendar/working-days) and shown as the clerk types.
import { Form, InputNumber } from 'antd';
import { calendarApi } from '../api/calendar';
import { useServerToday } from '../auth/AuthContext';
import { useAsync } from '../hooks/useAsync';
import { cnDate } from './dates';

export function WorkingDaysField({ name = 'workingDays' }: { name?: string }) {
  const today = useServerToday();
  const n = Form.useWatch<number | null | undefined>(name);
  const due = useAsync(
    () => (n && n > 0 && n <= 365 ? calendarApi.workingDays(today, n) : Promise.resolve(undefined)),
    [n, today],
  );
  return (
    <Form.Item
      name={name}
      label="或：N 个工作日内"
      extra={
        due.data ? (
          <span data-testid="working-days-date">截止 {cnDate(due.data.date)}（不含节假日）</span>
        ) : (
          '按节假日安排计算，填写后不再填整改时限'
        )
      }
    >
      <InputNumber
        min={1}
        max={365}
        precision={0}
        addonAfter="个工作日"
        style={{ width: 180 }}
        data-testid="working-days"
      />
    </Form.Item>
  );
}
