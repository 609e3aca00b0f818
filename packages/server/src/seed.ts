// First-start data: the office, the plan's departments, example streets, the admin account and
// the plan's campaign. Each part is created only when missing, so restarts change nothing.
import {
  AppError,
  EXAMPLE_STREETS,
  OFFICE_NAME,
  PLAN_CAMPAIGN,
  PLAN_DEPARTMENTS,
  passwordProblem,
  SCREENING_RULES,
} from '@paicha/core';
import { randomPassword } from './kernel/config.js';
import type { AppContext } from './kernel/context.js';
import { appendAudit } from './modules/audit/audit.repository.js';
import { hashPassword } from './modules/auth/passwords.js';
import { hasCampaign } from './modules/campaigns/campaigns.repository.js';
import { insertCampaignFromTemplate } from './modules/campaigns/campaigns.service.js';
import { mapRulesByTemplate } from './modules/campaigns/rule-items.repository.js';
import { insertUnit, listUnits } from './modules/units/units.repository.js';
import { insertUser, usernameTaken } from './modules/users/users.repository.js';

export interface SeedResult {
  /** Set only when this start created the admin with a generated password (print it once). */
  generatedAdminPassword: string | null;
  createdAdmin: boolean;
  createdCampaign: boolean;
}

export async function seed(ctx: AppContext): Promise<SeedResult> {
  const at = ctx.clock.now().toISOString();
  const adminPassword = ctx.config.adminPassword ?? randomPassword();
  const adminHash = await hashPassword(adminPassword);
  return ctx.db.transaction().execute(async (trx) => {
    const result: SeedResult = { generatedAdminPassword: null, createdAdmin: false, createdCampaign: false };
    if ((await listUnits(trx)).length === 0) {
      const units = [
        { name: OFFICE_NAME, kind: 'office' as const },
        ...PLAN_DEPARTMENTS.map((name) => ({ name, kind: 'department' as const })),
        ...EXAMPLE_STREETS.map((name) => ({ name, kind: 'street' as const })),
      ];
      for (const [i, u] of units.entries()) await insertUnit(trx, { ...u, sortOrder: (i + 1) * 10, at });
    }
    if (!(await usernameTaken(trx, 'admin'))) {
      // PAICHA_ADMIN_PASSWORD is a password set like any other: the policy applies.
      const problem = ctx.config.adminPassword && passwordProblem(ctx.config.adminPassword, 'admin');
      if (problem)
        throw new AppError('validation_failed', `PAICHA_ADMIN_PASSWORD 不符合密码要求：${problem}`);
      const office = (await listUnits(trx)).find((u) => u.kind === 'office');
      if (!office) throw new Error('the office unit is missing');
      const id = await insertUser(trx, {
        username: 'admin',
        displayName: '系统管理员',
        unitId: office.id,
        role: 'admin',
        passwordHash: adminHash,
        at,
      });
      await appendAudit(trx, ctx.dialect, {
        actorId: null,
        action: 'user.create',
        entity: 'user',
        entityId: id,
        detail: { username: 'admin', seed: true },
        at,
      });
      result.createdAdmin = true;
      if (!ctx.config.adminPassword) result.generatedAdminPassword = adminPassword;
    }
    if (!(await hasCampaign(trx))) {
      const id = await insertCampaignFromTemplate(trx, PLAN_CAMPAIGN, at);
      await mapRulesByTemplate(trx, id, SCREENING_RULES);
      await appendAudit(trx, ctx.dialect, {
        actorId: null,
        action: 'campaign.create',
        entity: 'campaign',
        entityId: id,
        detail: { seed: true },
        at,
      });
      result.createdCampaign = true;
    }
    return result;
  });
}
