import { addWorkingDays } from '@paicha/core';
import {
  CalendarDateParams,
  CalendarDayBody,
  CalendarImportQuery,
  CalendarImportReport,
  CalendarYear,
  CalendarYearQuery,
  CampaignDeadlinePolicy,
  WorkingDaysAnswer,
  WorkingDaysQuery,
} from '@paicha/core/api/calendar';
import { IdParams } from '@paicha/core/api/common';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireActor, requireAdmin } from '../../http/access.js';
import { contentDisposition } from '../../http/content-disposition.js';
import { uploadedFile } from '../../http/upload.js';
import type { AppContext } from '../../kernel/context.js';
import { XLSX_MIME } from '../../lib/xlsx-list.js';
import { calendarCsv, calendarXlsx } from './calendar.file.js';
import {
  calendarYear,
  campaignPolicy,
  clearCalendarDay,
  importCalendar,
  setCalendarDay,
  setCampaignPolicy,
} from './calendar.service.js';
import { loadCalendar } from './deadlines.js';

const ExportQuery = CalendarYearQuery.extend({ format: z.enum(['xlsx', 'csv']).default('xlsx') });

export function calendarRoutes(ctx: AppContext) {
  return async (fastify: FastifyInstance) => {
    const app = fastify.withTypeProvider<ZodTypeProvider>();
    const tags = ['calendar'];
    const yearOf = (y: number | undefined) => y ?? Number(ctx.clock.today().slice(0, 4));

    app.get(
      '/api/calendar',
      {
        schema: {
          tags,
          summary: '节假日：一年中放假、调休上班的日期（国务院通知，及本单位的修改）',
          querystring: CalendarYearQuery,
          response: { 200: CalendarYear },
        },
      },
      async (request) => {
        requireActor(request);
        return calendarYear(ctx, yearOf(request.query.year));
      },
    );

    app.get(
      '/api/calendar/working-days',
      {
        schema: {
          tags,
          summary: '自某日起第 N 个工作日（“N 个工作日内”的截止日期）',
          querystring: WorkingDaysQuery,
          response: { 200: WorkingDaysAnswer },
        },
      },
      async (request) => {
        requireActor(request);
        const { from, n } = request.query;
        return { from, n, date: addWorkingDays(from, n, await loadCalendar(ctx.db)) };
      },
    );

    app.put(
      '/api/calendar/days/:date',
      {
        schema: {
          tags,
          summary: '设置某日为放假、调休上班或照常（覆盖国务院通知中的安排）',
          params: CalendarDateParams,
          body: CalendarDayBody,
          response: { 200: CalendarYear },
        },
      },
      async (request) => setCalendarDay(ctx, requireAdmin(request), request.params.date, request.body),
    );

    app.delete(
      '/api/calendar/days/:date',
      {
        schema: {
          tags,
          summary: '撤销本单位对某日的设置，恢复国务院通知中的安排',
          params: CalendarDateParams,
          response: { 200: CalendarYear },
        },
      },
      async (request) => clearCalendarDay(ctx, requireAdmin(request), request.params.date),
    );

    app.get(
      '/api/calendar/export',
      { schema: { tags, summary: '导出一年的节假日安排（.xlsx 或 .csv）', querystring: ExportQuery } },
      async (request, reply) => {
        requireActor(request);
        const year = yearOf(request.query.year);
        const { days } = await calendarYear(ctx, year);
        if (request.query.format === 'csv')
          return reply
            .header('content-type', 'text/csv; charset=utf-8')
            .header('content-disposition', contentDisposition(`${year}年节假日.csv`))
            .send(calendarCsv(days));
        return reply
          .header('content-type', XLSX_MIME)
          .header('content-disposition', contentDisposition(`${year}年节假日.xlsx`))
          .send(await calendarXlsx(year, days));
      },
    );

    app.post(
      '/api/calendar/import',
      {
        schema: {
          tags,
          summary:
            '导入节假日安排（multipart 字段 file，.xlsx 或 .csv；列：日期、类型、名称）。全部合格才导入',
          consumes: ['multipart/form-data'],
          querystring: CalendarImportQuery,
          response: { 200: CalendarImportReport },
        },
      },
      async (request) => {
        const actor = requireAdmin(request);
        return importCalendar(ctx, actor, await uploadedFile(request), request.query.mode);
      },
    );

    app.get(
      '/api/campaigns/:id/deadline-policy',
      {
        schema: {
          tags,
          summary: '截止日期遇节假日时的处理（保持原日期 / 顺延至下一工作日 / 提前至前一工作日）',
          params: IdParams,
          response: { 200: CampaignDeadlinePolicy },
        },
      },
      async (request) => {
        requireActor(request);
        return campaignPolicy(ctx, request.params.id);
      },
    );

    app.put(
      '/api/campaigns/:id/deadline-policy',
      {
        schema: {
          tags,
          summary: '设置截止日期遇节假日时的处理',
          params: IdParams,
          body: CampaignDeadlinePolicy,
          response: { 200: CampaignDeadlinePolicy },
        },
      },
      async (request) =>
        setCampaignPolicy(ctx, requireAdmin(request), request.params.id, request.body.policy),
    );
  };
}
