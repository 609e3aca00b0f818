// Dates chosen in an editor (a milestone, a phase's end, a plan's 节点) as the server will read
// them: the 节假日 calendar of the years around each date (GET /api/calendar, shipped days with
// the office's over them) and the campaign's policy, through core's deadlineInfo — the function
// the server's modules/calendar/deadlines.ts uses — so the editor says what the server will do.
import { buildCalendar, type DeadlineInfo, type DeadlinePolicy, deadlineInfo } from '@paicha/core';
import { useEffect, useMemo, useRef, useState } from 'react';
import { type CalendarDayView, calendarApi } from '../api/calendar';

/** A deadline near a new year can move across it (元旦), so the years either side count too. */
const yearsAround = (date: string) => {
  const y = Number(date.slice(0, 4));
  return [y - 1, y, y + 1];
};

/**
 * `preview(date)`: the date's DeadlineInfo under the campaign's policy (a campaign not yet
 * created keeps its dates, the policy every new campaign starts with), or null while its
 * calendar is loading.
 */
export function useDeadlinePreview(campaignId: number | null, dates: readonly (string | null | undefined)[]) {
  const [years, setYears] = useState<ReadonlyMap<number, CalendarDayView[]>>(new Map());
  const [policy, setPolicy] = useState<DeadlinePolicy>('keep');
  const asked = useRef(new Set<number>());

  useEffect(() => {
    if (campaignId === null) return;
    let live = true;
    calendarApi.policy(campaignId).then(
      (p) => live && setPolicy(p.policy),
      // Without the policy the dates are shown as kept: the mark of a day off still shows.
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [campaignId]);

  const wanted = [...new Set(dates.flatMap((d) => (d ? yearsAround(d) : [])))].sort().join(',');
  useEffect(() => {
    for (const y of wanted ? wanted.split(',').map(Number) : []) {
      if (asked.current.has(y)) continue;
      asked.current.add(y);
      calendarApi.year(y).then(
        (c) => setYears((m) => new Map(m).set(y, c.days)),
        // Asked again the next time a date of that year is chosen.
        () => asked.current.delete(y),
      );
    }
  }, [wanted]);

  return useMemo(
    () =>
      (date: string | null | undefined): DeadlineInfo | null => {
        if (!date) return null;
        const around = yearsAround(date).map((y) => years.get(y));
        if (around.some((d) => d === undefined)) return null;
        return deadlineInfo(date, policy, buildCalendar(around.flatMap((d) => d ?? [])));
      },
    [years, policy],
  );
}
