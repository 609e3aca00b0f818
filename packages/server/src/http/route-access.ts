// Which policy action (core `ACCESS_RULES`) each API route takes. The gate (`policy.ts`) refuses
// a role outside the rule with 403 before the request is even validated; services then check the
// resource's unit with the same rule. A route missing here stops the server at start-up, unless
// it is marked `config: { public: true }` — nothing is reachable by forgetting a check.
import type { AccessAction } from '@paicha/core';

const P = '/api/problems';
const C = '/api/campaigns/:id';
const R = `${C}/monthly-reports/:period/units/:unitId`;
const S = `${C}/submissions/:milestoneId/units/:unitId`;
const H = '/api/households';
const V = '/api/supervision';

export const ROUTE_ACCESS: Readonly<Record<string, AccessAction>> = {
  'GET /api/auth/me': 'session',
  'POST /api/auth/password': 'session',

  'GET /api/units': 'view',
  'POST /api/units': 'office',
  'PATCH /api/units/:id': 'office',
  'DELETE /api/units/:id': 'office',
  'GET /api/users': 'office',
  'POST /api/users': 'office',
  'PATCH /api/users/:id': 'office',
  'POST /api/users/:id/password': 'office',
  'GET /api/users/login-limits': 'office',
  'POST /api/users/:id/unlock': 'office',
  'GET /api/audit/status': 'office',
  'POST /api/audit/verify': 'office',

  'GET /api/campaigns': 'view',
  'POST /api/campaigns': 'office',
  [`GET ${C}`]: 'view',
  [`GET ${C}/overview`]: 'view',
  [`GET ${C}/check-items`]: 'view',
  [`GET ${C}/units/:unitId/check-items`]: 'view',
  [`PATCH ${C}/check-items/:seq`]: 'office',
  [`PUT ${C}/check-items/:seq/units`]: 'office',

  'POST /api/files': 'file.upload',
  'GET /api/files/:id': 'view',
  'DELETE /api/files/:id': 'file.upload',

  [`GET ${P}`]: 'view',
  [`GET ${P}/counts`]: 'view',
  [`GET ${P}/export`]: 'view',
  [`GET ${P}/import-template`]: 'problem.record',
  [`POST ${P}/import`]: 'problem.record',
  [`POST ${P}`]: 'problem.record',
  [`GET ${P}/:id`]: 'view',
  [`PATCH ${P}/:id`]: 'problem.record',
  [`POST ${P}/:id/progress`]: 'problem.work',
  [`POST ${P}/:id/submit`]: 'problem.work',
  [`POST ${P}/:id/return`]: 'problem.review',
  [`POST ${P}/:id/close`]: 'problem.review',
  [`POST ${P}/:id/reopen`]: 'problem.review',
  [`POST ${P}/:id/assign`]: 'problem.review',
  [`POST ${P}/batch/close`]: 'problem.review',
  [`POST ${P}/batch/return`]: 'problem.review',
  [`POST ${P}/batch/assign`]: 'problem.review',
  [`POST ${P}/batch/progress`]: 'problem.work',

  'GET /api/notifications': 'view',
  'POST /api/notifications/read': 'view',
  'POST /api/notifications/urge': 'office',
  'POST /api/reminders/run': 'office',
  'GET /api/settings/reminders': 'view',
  'PUT /api/settings/reminders': 'office',

  'GET /api/inspections': 'view',
  'POST /api/inspections': 'inspection.record',
  'GET /api/inspections/:id': 'view',
  'PATCH /api/inspections/:id': 'inspection.record',
  'DELETE /api/inspections/:id': 'inspection.record',
  'POST /api/inspections/:id/problems': 'inspection.assign',

  [`GET ${C}/monthly-reports`]: 'view',
  [`GET ${R}`]: 'view',
  [`PUT ${R}`]: 'report.save',
  [`POST ${R}/submit`]: 'report.submit',
  [`POST ${R}/accept`]: 'report.review',
  [`POST ${R}/return`]: 'report.review',
  [`POST ${R}/unlock`]: 'report.review',
  [`GET ${R}/export`]: 'view',
  [`GET ${C}/monthly-reports/:period/export`]: 'view.district',

  [`GET ${C}/submissions`]: 'view',
  [`GET ${S}`]: 'view',
  [`PUT ${S}`]: 'report.save',
  [`POST ${S}/problem-list`]: 'report.save',
  [`POST ${S}/submit`]: 'report.submit',
  [`POST ${S}/accept`]: 'report.review',
  [`POST ${S}/return`]: 'report.review',
  [`POST ${S}/unlock`]: 'report.review',

  [`GET ${V}/dashboard`]: 'view.district',
  [`GET ${V}/scorecard`]: 'view.district',
  [`GET ${V}/scorecard/export`]: 'view.district',
  'GET /api/settings/supervision': 'view.district',
  'PUT /api/settings/supervision': 'office',
  [`GET ${V}/circulars`]: 'view',
  [`POST ${V}/circulars`]: 'office',
  [`GET ${V}/circulars/:id`]: 'view',
  [`PATCH ${V}/circulars/:id`]: 'office',
  [`DELETE ${V}/circulars/:id`]: 'office',
  [`POST ${V}/circulars/:id/refresh`]: 'office',
  [`POST ${V}/circulars/:id/issue`]: 'office',
  [`GET ${V}/circulars/:id/docx`]: 'view',

  [`GET ${H}/fields`]: 'office',
  [`POST ${H}/uploads`]: 'office',
  [`POST ${H}/uploads/:id/preview`]: 'office',
  [`POST ${H}/imports`]: 'office',
  [`GET ${H}/imports`]: 'office',
  [`GET ${H}/imports/:id`]: 'office',
  [`GET ${H}/imports/:id/errors`]: 'office',
  [`GET ${H}/imports/:id/errors.csv`]: 'office',
  [`GET ${H}/rules`]: 'view',
  [`PATCH ${H}/rules/:id`]: 'office',
  [`GET ${H}/places`]: 'office',
  [`POST ${H}/places/:id`]: 'office',
  [`POST ${H}/screenings`]: 'office',
  [`GET ${H}/screenings`]: 'view',
  [`GET ${H}/screenings/:id`]: 'view',
  [`GET ${H}/findings`]: 'view',
  [`GET ${H}/findings/export`]: 'view',
  [`GET ${H}/findings/:id`]: 'view',
  [`GET ${H}/households/:householdId`]: 'view',
};
