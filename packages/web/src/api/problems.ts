// Endpoint functions of the problem ledger and evidence files (docs/API.md "Problem ledger").
import type { Attachment } from '@paicha/core/api/files';
import type {
  AssignInput,
  BatchAssignInput,
  BatchCloseInput,
  BatchProgressInput,
  BatchResult,
  BatchReturnInput,
  CloseInput,
  CountsGroupBy,
  CountsRow,
  ImportMode,
  ImportReport,
  LedgerList,
  NewProblem,
  ProblemChanges,
  ProblemDetail,
  ProblemPage,
  ProgressInput,
  ReasonInput,
  SubmitInput,
} from '@paicha/core/api/problems';
import type { LedgerSettings } from '@paicha/core/api/settings';
import { http } from './client';
import { downloadFile, type UploadOptions, uploadFile } from './transfer';

export type { LedgerSettings };

/** List query parameters as the server reads them (all optional strings from the URL). */
export type ProblemQuery = Record<string, string | number | undefined>;

function qs(params: ProblemQuery): string {
  const s = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== '') s.set(k, String(v));
  const out = s.toString();
  return out ? `?${out}` : '';
}

export const problemsApi = {
  list: (query: ProblemQuery) => http.get<ProblemPage>(`/api/problems${qs(query)}`),
  get: (id: number) => http.get<ProblemDetail>(`/api/problems/${id}`),
  create: (body: NewProblem) => http.post<ProblemDetail>('/api/problems', body),
  update: (id: number, body: ProblemChanges) => http.patch<ProblemDetail>(`/api/problems/${id}`, body),
  progress: (id: number, body: ProgressInput) =>
    http.post<ProblemDetail>(`/api/problems/${id}/progress`, body),
  submit: (id: number, body: SubmitInput) => http.post<ProblemDetail>(`/api/problems/${id}/submit`, body),
  returnIt: (id: number, body: ReasonInput) => http.post<ProblemDetail>(`/api/problems/${id}/return`, body),
  close: (id: number, body: CloseInput) => http.post<ProblemDetail>(`/api/problems/${id}/close`, body),
  reopen: (id: number, body: ReasonInput) => http.post<ProblemDetail>(`/api/problems/${id}/reopen`, body),
  assign: (id: number, body: AssignInput) => http.post<ProblemDetail>(`/api/problems/${id}/assign`, body),
  closeMany: (body: BatchCloseInput) => http.post<BatchResult>('/api/problems/batch/close', body),
  returnMany: (body: BatchReturnInput) => http.post<BatchResult>('/api/problems/batch/return', body),
  assignMany: (body: BatchAssignInput) => http.post<BatchResult>('/api/problems/batch/assign', body),
  progressMany: (body: BatchProgressInput) => http.post<BatchResult>('/api/problems/batch/progress', body),
  ledgerSettings: () => http.get<LedgerSettings>('/api/settings/ledger'),
  saveLedgerSettings: (body: LedgerSettings) => http.put<LedgerSettings>('/api/settings/ledger', body),
  counts: (campaignId: number, groupBy: CountsGroupBy) =>
    http.get<CountsRow[]>(`/api/problems/counts${qs({ campaignId, groupBy })}`),
  exportList: (query: ProblemQuery, list: LedgerList) =>
    downloadFile(`/api/problems/export${qs({ ...query, list })}`, '问题台账.xlsx'),
  downloadTemplate: () => downloadFile('/api/problems/import-template', '问题台账导入模板.xlsx'),
  importFile: (file: File, campaignId: number, mode: ImportMode, opts?: UploadOptions) =>
    uploadFile<ImportReport>(`/api/problems/import${qs({ campaignId, mode })}`, file, opts),
};

export const filesApi = {
  upload: (file: File, opts?: UploadOptions) => uploadFile<Attachment>('/api/files', file, opts),
  url: (id: number) => `/api/files/${id}`,
};
