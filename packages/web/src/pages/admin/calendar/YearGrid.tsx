// A year as twelve month grids (Monday first): 放假 days red with 休, 调休上班 days blue with 班,
// ordinary weekends grey; a day the office changed is underlined. Whether a day is worked comes
// from core's isWorkingDay over the server's list — the rule is not restated here.
import { buildCalendar, type CalendarDay, isWorkingDay } from '@paicha/core';
import { Card, Tooltip } from 'antd';
import type { CalendarDayView } from '../../../api/calendar';

const HEAD = ['一', '二', '三', '四', '五', '六', '日'];

const pad = (n: number) => String(n).padStart(2, '0');

function monthDays(year: number, month: number): (string | null)[] {
  const first = new Date(Date.UTC(year, month - 1, 1));
  const count = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const lead = (first.getUTCDay() + 6) % 7;
  const cells: (string | null)[] = Array.from({ length: lead }, () => null);
  for (let d = 1; d <= count; d++) cells.push(`${year}-${pad(month)}-${pad(d)}`);
  while (cells.length % 7) cells.push(null);
  return cells;
}

export function YearGrid(props: {
  year: number;
  days: CalendarDayView[];
  today: string;
  onPick: (date: string) => void;
}) {
  const calendar = buildCalendar(props.days as CalendarDay[]);
  const listed = new Map(props.days.map((d) => [d.date, d]));
  return (
    <div
      style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(230px, 1fr))', gap: 12 }}
      data-testid="calendar-year"
    >
      {Array.from({ length: 12 }, (_, i) => i + 1).map((month) => (
        <Card key={month} size="small" title={`${month}月`} styles={{ body: { padding: 8 } }}>
          <table style={{ width: '100%', borderCollapse: 'collapse', textAlign: 'center', fontSize: 12 }}>
            <thead>
              <tr>
                {HEAD.map((h) => (
                  <th key={h} style={{ fontWeight: 400, color: '#888' }}>
                    {h}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {Array.from({ length: monthDays(props.year, month).length / 7 }, (_, w) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: weeks of a fixed month never reorder.
                <tr key={w}>
                  {monthDays(props.year, month)
                    .slice(w * 7, w * 7 + 7)
                    .map((date, j) =>
                      date ? (
                        <DayCell
                          key={date}
                          date={date}
                          day={listed.get(date)}
                          working={isWorkingDay(date, calendar)}
                          today={date === props.today}
                          onPick={props.onPick}
                        />
                      ) : (
                        // biome-ignore lint/suspicious/noArrayIndexKey: blank cells have no identity.
                        <td key={`blank-${j}`} />
                      ),
                    )}
                </tr>
              ))}
            </tbody>
          </table>
        </Card>
      ))}
    </div>
  );
}

function DayCell(props: {
  date: string;
  day: CalendarDayView | undefined;
  working: boolean;
  today: boolean;
  onPick: (date: string) => void;
}) {
  const { date, day, working } = props;
  const holiday = day?.kind === 'holiday';
  const swapped = day?.kind === 'workday';
  const style: React.CSSProperties = {
    cursor: 'pointer',
    padding: '2px 0',
    borderRadius: 4,
    position: 'relative',
    background: holiday ? '#fff1f0' : swapped ? '#e6f4ff' : undefined,
    color: holiday ? '#cf1322' : swapped ? '#0958d9' : working ? undefined : '#aaa',
    outline: props.today ? '1px solid #1677ff' : undefined,
    textDecoration: day?.source === 'office' ? 'underline' : undefined,
  };
  const mark = holiday ? '休' : swapped ? '班' : '';
  const tip = day
    ? `${day.name || ''}${holiday ? '放假' : swapped ? '调休上班' : '照常'}${day.source === 'office' ? '（本单位设置）' : ''}`
    : null;
  const cell = (
    <td style={{ padding: 1 }}>
      <button
        type="button"
        style={{ all: 'unset', display: 'block', width: '100%', ...style }}
        onClick={() => props.onPick(date)}
        data-testid="calendar-day"
        data-date={date}
        data-working={working ? '1' : '0'}
        data-kind={day?.kind ?? ''}
      >
        {Number(date.slice(8))}
        {mark && <sup style={{ fontSize: 9, marginLeft: 1 }}>{mark}</sup>}
      </button>
    </td>
  );
  return tip ? <Tooltip title={tip}>{cell}</Tooltip> : cell;
}
