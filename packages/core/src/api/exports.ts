// The 月报表 as the plan prints it (/api/campaigns/:id/monthly-reports/…/export).
import { z } from 'zod';

export const EXPORT_FORMATS = ['xlsx', 'docx'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export const FormatQuery = z.object({ format: z.enum(EXPORT_FORMATS).default('xlsx') });
