// 节假日 (admin): a year of the working-day calendar — the State Council's days shipped with the
// system, the office's changes over them (click a day), import / export, and the campaign's
// rule for deadlines on non-working days.
import { Alert, Button, Card, InputNumber, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { type CalendarYear, calendarApi } from '../../../api/calendar';
import { useServerToday } from '../../../auth/AuthContext';
import { LoadError } from '../../../components/LoadError';
import { useAction } from '../../../hooks/useAction';
import { useAsync } from '../../../hooks/useAsync';
import { CalendarImport } from './CalendarImport';
import { DayModal } from './DayModal';
import { DeadlinePolicyCard } from './DeadlinePolicyCard';
import { YearGrid } from './YearGrid';

export default function CalendarPage() {
  const today = useServerToday();
  const [year, setYear] = useState(() => Number(today.slice(0, 4)));
  const { data: loaded, error, reload } = useAsync(() => calendarApi.year(year), [year]);
  const [data, setData] = useState<CalendarYear>();
  useEffect(() => setData(loaded), [loaded]);
  const [picked, setPicked] = useState<string>();
  const download = useAction((format: 'xlsx' | 'csv') => calendarApi.exportYear(year, format));

  if (error) return <LoadError error={error} onRetry={reload} />;
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Card
        title="节假日"
        extra={
          <Space>
            <Button onClick={() => setYear((y) => y - 1)} data-testid="calendar-prev">
              上一年
            </Button>
            <InputNumber
              value={year}
              min={2000}
              max={2100}
              onChange={(v) => v && setYear(v)}
              addonAfter="年"
              style={{ width: 120 }}
              data-testid="calendar-year-input"
            />
            <Button onClick={() => setYear((y) => y + 1)} data-testid="calendar-next">
              下一年
            </Button>
          </Space>
        }
      >
        <Space direction="vertical" style={{ width: '100%' }}>
          {data && !data.shipped && (
            <Alert
              type="warning"
              showIcon
              data-testid="calendar-not-shipped"
              message={`系统未内置${data.year}年的国务院节假日安排：请按当年通知逐日设置，或导入节假日表（日期、类型、名称）。`}
            />
          )}
          {data && (
            <Typography.Text data-testid="calendar-summary">
              {data.year}年共 {data.workingDays} 个工作日。
              <Typography.Text type="secondary">
                红色“休”为放假，蓝色“班”为调休上班，下划线为本单位修改过的日期；点击日期可修改。
              </Typography.Text>
            </Typography.Text>
          )}
          {data && <YearGrid year={data.year} days={data.days} today={data.today} onPick={setPicked} />}
        </Space>
      </Card>
      <DeadlinePolicyCard />
      <Card size="small" title="导入与导出">
        <Space direction="vertical" style={{ width: '100%' }}>
          <Space>
            <Button
              onClick={() => download.run('xlsx')}
              loading={download.busy}
              data-testid="calendar-export"
            >
              导出本年（.xlsx）
            </Button>
            <Button onClick={() => download.run('csv')} loading={download.busy}>
              导出本年（.csv）
            </Button>
          </Space>
          <CalendarImport onImported={reload} />
        </Space>
      </Card>
      {picked && data && (
        <DayModal
          date={picked}
          day={data.days.find((d) => d.date === picked)}
          onClose={() => setPicked(undefined)}
          onSaved={(y) => {
            if (y.year === data.year) setData(y);
          }}
        />
      )}
    </Space>
  );
}
