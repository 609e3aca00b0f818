// The 待办 workbench (docs/API.md "待办 workbench"); shapes from @paicha/core/api/workbench.
import type {
  SeenInput,
  Workbench,
  WorkbenchEntry,
  WorkbenchSection,
  WorkbenchSettings,
} from '@paicha/core/api/workbench';
import { http } from './client';

export type { Workbench, WorkbenchEntry, WorkbenchSection, WorkbenchSettings };

export const workbenchApi = {
  get: (campaignId?: number) =>
    http.get<Workbench>(`/api/workbench${campaignId === undefined ? '' : `?campaignId=${campaignId}`}`),
  seen: (what: SeenInput['what']) => http.post<{ ok: true }>('/api/workbench/seen', { what }),
  settings: () => http.get<WorkbenchSettings>('/api/settings/workbench'),
  saveSettings: (body: WorkbenchSettings) => http.put<WorkbenchSettings>('/api/settings/workbench', body),
};

export const WORKBENCH_CHANGED = 'paicha:workbench-changed';

/** Tells the menu's badges to count again (something waiting was just dealt with). */
export function workbenchChanged(): void {
  window.dispatchEvent(new Event(WORKBENCH_CHANGED));
}
