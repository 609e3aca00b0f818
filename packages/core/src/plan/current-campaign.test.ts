import { describe, expect, it } from 'vitest';
import { currentCampaignId } from './current-campaign.js';

const old = { id: 1, startDate: '2019-11-25', endDate: '2020-06-30' };
const running = { id: 2, startDate: '2020-11-26', endDate: '2021-06-30' };
const nextYear = { id: 3, startDate: '2021-11-26', endDate: '2022-06-30' };
const later = { id: 4, startDate: '2022-11-26', endDate: '2023-06-30' };

describe('currentCampaignId', () => {
  it('is the running campaign from its first day to its last, whatever was created after it', () => {
    const all = [later, nextYear, running, old];
    expect(currentCampaignId(all, '2020-11-26')).toBe(2);
    expect(currentCampaignId(all, '2021-06-30')).toBe(2);
    expect(currentCampaignId(all, '2021-03-01')).toBe(2);
  });

  it('between two campaigns is the next to start, not the one just ended', () => {
    expect(currentCampaignId([old, running, nextYear], '2020-07-01')).toBe(2);
    expect(currentCampaignId([old, running, nextYear], '2021-07-01')).toBe(3);
  });

  it('before any campaign is the earliest to start; after all, the last ended', () => {
    expect(currentCampaignId([nextYear, running], '2020-01-01')).toBe(2);
    expect(currentCampaignId([old, running], '2021-07-01')).toBe(2);
    expect(currentCampaignId([old], '2030-01-01')).toBe(1);
  });

  it('of two running campaigns takes the later start, and nothing when there are none', () => {
    const overlapping = { id: 9, startDate: '2021-01-01', endDate: '2021-03-31' };
    expect(currentCampaignId([running, overlapping], '2021-02-01')).toBe(9);
    expect(currentCampaignId([running, overlapping], '2021-04-01')).toBe(2);
    expect(currentCampaignId([], '2021-04-01')).toBeUndefined();
  });

  it('does not depend on the order campaigns are given in', () => {
    const twins = [
      { id: 5, startDate: '2021-01-01', endDate: '2021-06-30' },
      { id: 6, startDate: '2021-01-01', endDate: '2021-06-30' },
    ];
    for (const day of ['2020-12-01', '2021-02-01', '2021-08-01']) {
      expect(currentCampaignId(twins, day)).toBe(currentCampaignId([...twins].reverse(), day));
    }
  });
});
