// 节假日: the working-day calendar and each campaign's deadline policy.
import type {
  CalendarDayInput,
  CalendarImportReport,
  CalendarYear,
  CampaignDeadlinePolicy,
} from '@paicha/core/api/calendar';
import { http } from './client';
import { downloadFile, uploadFile } from './transfer';

export type {
  CalendarDayInput,
  CalendarDayView,
  CalendarImportReport,
  CalendarYear,
  CampaignDeadlinePolicy,
  DeadlineInfo,
} from '@paicha/core/api/calendar';

export const calendarApi = {
  year: (year: number) => http.get<CalendarYear>(`/api/calendar?year=${year}`),
  setDay: (date: string, body: CalendarDayInput) =>
    http.put<CalendarYear>(`/api/calendar/days/${date}`, body),
  clearDay: (date: string) => http.delete<CalendarYear>(`/api/calendar/days/${date}`),
  importFile: (file: File, mode: 'check' | 'all') =>
    uploadFile<CalendarImportReport>(`/api/calendar/import?mode=${mode}`, file),
  exportYear: (year: number, format: 'xlsx' | 'csv') =>
    downloadFile(`/api/calendar/export?year=${year}&format=${format}`, `${year}年节假日.${format}`),
  workingDays: (from: string, n: number) =>
    http.get<{ from: string; n: number; date: string }>(`/api/calendar/working-days?from=${from}&n=${n}`),
  policy: (campaignId: number) =>
    http.get<CampaignDeadlinePolicy>(`/api/campaigns/${campaignId}/deadline-policy`),
  setPolicy: (campaignId: number, body: CampaignDeadlinePolicy) =>
    http.put<CampaignDeadlinePolicy>(`/api/campaigns/${campaignId}/deadline-policy`, body),
};
