// Set-up and steps of the supervision browser test: a campaign shifted so that a deadline falls
// tomorrow (a reminder is due today, whatever day the test runs), and reading the header bell.
import { addDays, daysBetween } from '@paicha/core';
import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import type { ApiSession, Harness } from './harness.js';

interface Milestone {
  id: number;
  kind: string;
  period: string | null;
  dueDate: string;
}
interface Campaign {
  id: number;
  startDate: string;
  milestones: Milestone[];
}

/**
 * A campaign whose 全面整改到位 (rectification) deadline is tomorrow: every unit is reminded of
 * it today (1 day before), and its early monthly reports are overdue and missing.
 */
/** A campaign whose 全面整改到位 date is the server's tomorrow (`h.today`: its clock may be pinned). */
export async function campaignDueTomorrow(h: Harness) {
  const today = h.today;
  const [seeded] = await h.admin.call<{ id: number }[]>('GET', '/api/campaigns');
  const plan = await h.admin.call<Campaign>('GET', `/api/campaigns/${seeded?.id}`);
  const rectification = (c: Campaign) => c.milestones.find((m) => m.kind === 'rectification') as Milestone;
  const tomorrow = addDays(today, 1);
  const offset = daysBetween(plan.startDate, rectification(plan).dueDate);
  const c = await h.admin.call<Campaign>('POST', '/api/campaigns', {
    title: '问题大排查（督查演练）',
    startDate: addDays(tomorrow, -offset),
  });
  expect(rectification(c).dueDate).toBe(tomorrow);
  return { campaignId: c.id, tomorrow };
}

export async function unitId(h: Harness, name: string): Promise<number> {
  const units = await h.admin.call<{ id: number; name: string }[]>('GET', '/api/units');
  return units.find((u) => u.name === name)?.id as number;
}

/** A two-digit 序号 assigned to the unit, so typing "NN. " picks exactly that item. */
export async function itemOf(h: Harness, campaignId: number, unit: number): Promise<number> {
  const items = await h.admin.call<{ seq: number }[]>(
    'GET',
    `/api/campaigns/${campaignId}/units/${unit}/check-items`,
  );
  const seq = items.find((i) => i.seq >= 10)?.seq ?? 0;
  expect(seq).toBeGreaterThan(0);
  return seq;
}

export const bellCount = async (page: Page) =>
  Number(await page.getByTestId('notification-bell').getAttribute('data-count'));

export async function unreadOf(session: ApiSession): Promise<number> {
  return (await session.call<{ unread: number }>('GET', '/api/notifications?unread=1&limit=1')).unread;
}

/** Picks an option of a Select without search (e.g. 问题来源) by its text. */
export async function chooseOption(scope: Locator, label: string, option: string) {
  await scope.getByLabel(label, { exact: true }).click();
  await scope
    .page()
    .locator(`.ant-select-dropdown:visible .ant-select-item-option[title="${option}"]`)
    .click();
}
