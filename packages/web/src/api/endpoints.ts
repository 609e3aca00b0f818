// One function per API route, so pages never build URLs by hand.
import type { UserEnvelope } from '@paicha/core/api/auth';
import type { FromPlanCreated, FromPlanInput, PlanPreview } from '@paicha/core/api/campaign-import';
import type {
  MilestoneInput,
  NewCheckItem,
  PhaseInput,
  RuleItem,
  StructureEdit,
  StructureResult,
  StructureState,
} from '@paicha/core/api/campaign-structure';
import type {
  Campaign,
  CampaignChoice,
  CampaignSummary,
  CheckItem,
  CheckItemChanges,
  NewCampaign,
  Overview,
} from '@paicha/core/api/campaigns';
import type { Ok } from '@paicha/core/api/common';
import type { NewUnit, Unit, UnitChanges, UnitDeactivation, UnitWorkload } from '@paicha/core/api/units';
import type { LoginLimit, NewUser, UnlockResult, User, UserChanges } from '@paicha/core/api/users';
import { http } from './client';
import { type UploadOptions, uploadFile } from './transfer';

export const authApi = {
  login: (username: string, password: string) =>
    http.post<UserEnvelope>('/api/auth/login', { username, password }, { noAuthRedirect: true }),
  logout: () => http.post<Ok>('/api/auth/logout', {}, { noAuthRedirect: true }),
  // The start-up probe: no session is normal there, the router shows the login page itself.
  me: () => http.get<UserEnvelope>('/api/auth/me', { noAuthRedirect: true }),
  changePassword: (currentPassword: string, newPassword: string) =>
    http.post<Ok>('/api/auth/password', { currentPassword, newPassword }),
};

export const unitsApi = {
  list: () => http.get<Unit[]>('/api/units'),
  create: (body: NewUnit) => http.post<Unit>('/api/units', body),
  update: (id: number, body: UnitChanges) => http.patch<Unit>(`/api/units/${id}`, body),
  remove: (id: number) => http.delete<Ok>(`/api/units/${id}`),
  /** What deactivating would affect (open problems, items of running campaigns, active accounts). */
  workload: (id: number) => http.get<UnitWorkload>(`/api/units/${id}/workload`),
  deactivate: (id: number, body: UnitDeactivation) => http.post<Unit>(`/api/units/${id}/deactivate`, body),
  reactivate: (id: number) => http.post<Unit>(`/api/units/${id}/reactivate`, {}),
};

export const usersApi = {
  list: () => http.get<User[]>('/api/users'),
  create: (body: NewUser) => http.post<User>('/api/users', body),
  update: (id: number, body: UserChanges) => http.patch<User>(`/api/users/${id}`, body),
  resetPassword: (id: number, password: string) => http.post<Ok>(`/api/users/${id}/password`, { password }),
  loginLimits: () => http.get<LoginLimit[]>('/api/users/login-limits'),
  unlock: (id: number) => http.post<UnlockResult>(`/api/users/${id}/unlock`),
};

export const campaignsApi = {
  list: () => http.get<CampaignSummary[]>('/api/campaigns'),
  /** The campaign this person sees: their saved choice, or the campaign of the day. */
  current: () => http.get<CampaignChoice>('/api/campaigns/current'),
  choose: (campaignId: number | null) => http.put<CampaignChoice>('/api/campaigns/current', { campaignId }),
  get: (id: number) => http.get<Campaign>(`/api/campaigns/${id}`),
  create: (body: NewCampaign) => http.post<Campaign>('/api/campaigns', body),
  /** A plan's .docx or its 任务分解表 .xlsx read into a preview; nothing is stored. */
  planPreview: (file: File, opts?: UploadOptions) =>
    uploadFile<PlanPreview>('/api/campaigns/plan-preview', file, opts),
  fromPlan: (body: FromPlanInput) => http.post<FromPlanCreated>('/api/campaigns/from-plan', body),
  overview: (id: number) => http.get<Overview>(`/api/campaigns/${id}/overview`),
  checkItems: (id: number, mine = false) =>
    http.get<CheckItem[]>(`/api/campaigns/${id}/check-items${mine ? '?mine=1' : ''}`),
  updateCheckItem: (id: number, seq: number, body: CheckItemChanges) =>
    http.patch<CheckItem>(`/api/campaigns/${id}/check-items/${seq}`, body),
  setCheckItemUnits: (id: number, seq: number, unitIds: number[], edit?: Partial<StructureEdit>) =>
    http.put<CheckItem>(`/api/campaigns/${id}/check-items/${seq}/units`, { unitIds, ...edit }),
};

/** Structure edits: each names the version it was made on and, once started, a reason. */
export const structureApi = {
  state: (id: number) => http.get<StructureState>(`/api/campaigns/${id}/structure`),
  addItem: (id: number, body: NewCheckItem) =>
    http.post<StructureResult>(`/api/campaigns/${id}/check-items`, body),
  moveItem: (id: number, seq: number, body: StructureEdit & { to: number }) =>
    http.post<StructureResult>(`/api/campaigns/${id}/check-items/${seq}/move`, body),
  removeItem: (id: number, seq: number, body: StructureEdit) =>
    http.post<StructureResult>(`/api/campaigns/${id}/check-items/${seq}/remove`, body),
  addPhase: (id: number, body: PhaseInput) => http.post<StructureResult>(`/api/campaigns/${id}/phases`, body),
  updatePhase: (id: number, seq: number, body: PhaseInput) =>
    http.put<StructureResult>(`/api/campaigns/${id}/phases/${seq}`, body),
  movePhase: (id: number, seq: number, body: StructureEdit & { to: number }) =>
    http.post<StructureResult>(`/api/campaigns/${id}/phases/${seq}/move`, body),
  removePhase: (id: number, seq: number, body: StructureEdit) =>
    http.post<StructureResult>(`/api/campaigns/${id}/phases/${seq}/remove`, body),
  addMilestone: (id: number, body: MilestoneInput) =>
    http.post<StructureResult>(`/api/campaigns/${id}/milestones`, body),
  updateMilestone: (id: number, milestoneId: number, body: MilestoneInput) =>
    http.put<StructureResult>(`/api/campaigns/${id}/milestones/${milestoneId}`, body),
  removeMilestone: (id: number, milestoneId: number, body: StructureEdit) =>
    http.post<StructureResult>(`/api/campaigns/${id}/milestones/${milestoneId}/remove`, body),
  ruleItems: (id: number) => http.get<RuleItem[]>(`/api/campaigns/${id}/rule-items`),
  setRuleItem: (id: number, ruleId: string, body: StructureEdit & { seq: number | null }) =>
    http.put<StructureResult>(`/api/campaigns/${id}/rule-items/${ruleId}`, body),
};
