// Response shapes of the HTTP API, inferred from the schemas the server validates and documents
// with (@paicha/core/api/*). Type-only imports: zod stays out of the web bundle.
export type { SessionUser } from '@paicha/core/api/auth';
export type {
  Campaign,
  CampaignChoice,
  CampaignSummary,
  CheckItem,
  Overview,
  Phase,
} from '@paicha/core/api/campaigns';
export type { Unit } from '@paicha/core/api/units';
export type { LoginLimit, User } from '@paicha/core/api/users';
