import type { NewProblem } from '@paicha/core/api/problems';
import type { TestApp } from './harness.js';

/** What a client sends to file a problem (fields with defaults may be left out). */
export type ProblemBody = NewProblem;

/** A valid problem body for item 13 (a street item), with overrides. */
export function problemBody(campaignId: number, overrides: Partial<ProblemBody> = {}): ProblemBody {
  return {
    campaignId,
    checkItem: 13,
    source: '自查',
    description: '某村“两公告四公示”程序资料不全',
    foundDate: '2019-12-18',
    place: '某村',
    cause: '村干部对程序要求理解不到位',
    measures: '组织培训，补齐公示材料',
    responsibleLeader: '王某',
    responsiblePerson: '李某',
    mode: '限期整改',
    deadline: '2020-03-31',
    ...overrides,
  };
}

export async function firstCampaignId(t: TestApp, cookie: string): Promise<number> {
  return (await t.request('GET', '/api/campaigns', cookie)).json()[0].id;
}
