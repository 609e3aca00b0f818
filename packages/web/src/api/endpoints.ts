// One function per API route, so pages never build URLs by hand.
import type { Role, UnitKind } from '@paicha/core';
import { http } from './client';
import type {
  Campaign,
  CampaignSummary,
  CheckItem,
  LoginLimit,
  Overview,
  SessionUser,
  Unit,
  User,
} from './types';

type Ok = { ok: true };

export const authApi = {
  login: (username: string, password: string) =>
    http.post<{ user: SessionUser }>('/api/auth/login', { username, password }, { noAuthRedirect: true }),
  logout: () => http.post<Ok>('/api/auth/logout', {}, { noAuthRedirect: true }),
  // The start-up probe: no session is normal there, the router shows the login page itself.
  me: () => http.get<{ user: SessionUser }>('/api/auth/me', { noAuthRedirect: true }),
  changePassword: (currentPassword: string, newPassword: string) =>
    http.post<Ok>('/api/auth/password', { currentPassword, newPassword }),
};

export const unitsApi = {
  list: () => http.get<Unit[]>('/api/units'),
  create: (body: { name: string; kind: UnitKind }) => http.post<Unit>('/api/units', body),
  update: (id: number, body: { name?: string; sortOrder?: number }) =>
    http.patch<Unit>(`/api/units/${id}`, body),
  remove: (id: number) => http.delete<Ok>(`/api/units/${id}`),
};

export interface NewUser {
  username: string;
  displayName: string;
  unitId: number;
  role: Role;
  password: string;
  email?: string;
}

export const usersApi = {
  list: () => http.get<User[]>('/api/users'),
  create: (body: NewUser) => http.post<User>('/api/users', body),
  update: (
    id: number,
    body: { displayName?: string; unitId?: number; role?: Role; active?: boolean; email?: string },
  ) => http.patch<User>(`/api/users/${id}`, body),
  resetPassword: (id: number, password: string) => http.post<Ok>(`/api/users/${id}/password`, { password }),
  loginLimits: () => http.get<LoginLimit[]>('/api/users/login-limits'),
  unlock: (id: number) => http.post<Ok & { cleared: number }>(`/api/users/${id}/unlock`),
};

export const campaignsApi = {
  list: () => http.get<CampaignSummary[]>('/api/campaigns'),
  get: (id: number) => http.get<Campaign>(`/api/campaigns/${id}`),
  create: (body: { title: string; startDate: string }) => http.post<Campaign>('/api/campaigns', body),
  overview: (id: number) => http.get<Overview>(`/api/campaigns/${id}/overview`),
  checkItems: (id: number, mine = false) =>
    http.get<CheckItem[]>(`/api/campaigns/${id}/check-items${mine ? '?mine=1' : ''}`),
  updateCheckItem: (
    id: number,
    seq: number,
    body: { category?: string; subCategory?: string; content?: string },
  ) => http.patch<CheckItem>(`/api/campaigns/${id}/check-items/${seq}`, body),
  setCheckItemUnits: (id: number, seq: number, unitIds: number[]) =>
    http.put<CheckItem>(`/api/campaigns/${id}/check-items/${seq}/units`, { unitIds }),
};
