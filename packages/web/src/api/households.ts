// Endpoint functions of household data screening (docs/API.md "Household data screening").
import type { HouseholdSource } from '@paicha/core';
import { http } from './client';
import type {
  FieldCatalogue,
  Finding,
  FindingPage,
  HouseholdDetail,
  ImportErrorPage,
  ImportFilter,
  ImportJob,
  ImportPage,
  Mapping,
  NewImport,
  PlaceRouted,
  PlaceStatus,
  PlaceView,
  RuleChanges,
  ScreeningRuleView,
  ScreeningRun,
  ScreeningTrend,
  UploadPreview,
} from './householdTypes';
import { downloadFile, type UploadOptions, uploadFile } from './transfer';

export type Query = Record<string, string | number | boolean | undefined>;

function qs(params: Query): string {
  const s = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v === undefined || v === '' || v === false) continue;
    s.set(k, v === true ? '1' : String(v));
  }
  const out = s.toString();
  return out ? `?${out}` : '';
}

const unmask = (unmasked?: boolean) => qs({ unmasked });

export const householdsApi = {
  fields: (source: HouseholdSource) => http.get<FieldCatalogue>(`/api/households/fields${qs({ source })}`),
  /** Without a source the server recognises it by the file's headers (several files picked at once). */
  upload: (source: HouseholdSource | undefined, file: File, opts?: UploadOptions) =>
    uploadFile<UploadPreview>(`/api/households/uploads${qs({ source })}`, file, opts),
  preview: (uploadId: string, source: HouseholdSource, mapping: Mapping) =>
    http.post<UploadPreview>(`/api/households/uploads/${uploadId}/preview`, { source, mapping }),
  startImport: (body: NewImport) => http.post<ImportJob>('/api/households/imports', body),
  imports: (q: ImportFilter) => http.get<ImportPage>(`/api/households/imports${qs(q)}`),
  importJob: (id: number) => http.get<ImportJob>(`/api/households/imports/${id}`),
  importErrors: (id: number, page: number, pageSize: number) =>
    http.get<ImportErrorPage>(`/api/households/imports/${id}/errors${qs({ page, pageSize })}`),
  downloadErrors: (id: number, encoding: 'gbk' | 'utf-8') =>
    downloadFile(`/api/households/imports/${id}/errors.csv${qs({ encoding })}`, '错误报告.csv'),

  rules: () => http.get<ScreeningRuleView[]>('/api/households/rules'),
  updateRule: (id: string, body: RuleChanges) =>
    http.patch<ScreeningRuleView>(`/api/households/rules/${id}`, body),

  places: (status: PlaceStatus) => http.get<PlaceView[]>(`/api/households/places${qs({ status })}`),
  resolvePlace: (id: number, unitId: number) =>
    http.post<PlaceRouted>(`/api/households/places/${id}`, { unitId }),

  startScreening: (campaignId?: number) =>
    http.post<ScreeningRun>('/api/households/screenings', { campaignId }),
  screenings: (campaignId?: number) =>
    http.get<ScreeningRun[]>(`/api/households/screenings${qs({ campaignId })}`),
  screening: (id: number) => http.get<ScreeningRun>(`/api/households/screenings/${id}`),
  trend: (campaignId?: number) => http.get<ScreeningTrend>(`/api/households/trend${qs({ campaignId })}`),

  findings: (q: Query) => http.get<FindingPage>(`/api/households/findings${qs(q)}`),
  exportFindings: (q: Query) =>
    downloadFile(`/api/households/findings/export${qs(q)}`, '数据比对问题线索.xlsx'),
  finding: (id: number, unmasked?: boolean) =>
    http.get<Finding>(`/api/households/findings/${id}${unmask(unmasked)}`),
  household: (householdId: string, unmasked?: boolean) =>
    http.get<HouseholdDetail>(
      `/api/households/households/${encodeURIComponent(householdId)}${unmask(unmasked)}`,
    ),
};
