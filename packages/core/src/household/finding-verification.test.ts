import { describe, expect, it } from 'vitest';
import {
  FINDING_ACTIONS,
  FINDING_VERIFICATIONS,
  findingIsDone,
  nextVerification,
  visitAction,
} from './finding-verification.js';

describe('finding verification', () => {
  it('moves each state only along the plan', () => {
    const allowed = FINDING_VERIFICATIONS.flatMap((s) =>
      FINDING_ACTIONS.flatMap((a) => {
        const to = nextVerification(s, a);
        return to === null ? [] : [`${s} -${a}-> ${to}`];
      }),
    );
    expect(allowed.sort()).toEqual(
      [
        'pending -confirm-> confirmed',
        'pending -dispute-> disputed',
        'confirmed -dispute-> disputed',
        'confirmed -rectify-> rectified',
        'disputed -accept-> dispute_accepted',
        'disputed -reject-> confirmed',
      ].sort(),
    );
  });

  it('is done when screening cleared it or the office accepted 不属实', () => {
    expect(findingIsDone({ resolvedAt: null, verification: 'pending' })).toBe(false);
    expect(findingIsDone({ resolvedAt: null, verification: 'rectified' })).toBe(false);
    expect(findingIsDone({ resolvedAt: null, verification: 'dispute_accepted' })).toBe(true);
    expect(findingIsDone({ resolvedAt: '2026-12-03T00:00:00.000Z', verification: 'confirmed' })).toBe(true);
  });

  it("turns a visit's verdict into an action only where it changes something", () => {
    expect(visitAction('pending', 'confirmed')).toBe('confirm');
    expect(visitAction('confirmed', 'confirmed')).toBeNull();
    expect(visitAction('confirmed', 'disputed')).toBe('dispute');
    expect(visitAction('disputed', 'disputed')).toBeNull();
    expect(visitAction('rectified', 'disputed')).toBeNull();
  });
});
