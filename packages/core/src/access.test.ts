import { describe, expect, it } from 'vitest';
import {
  ACCESS_ACTIONS,
  ACCESS_RULES,
  FORM_SOURCES,
  isReservedSource,
  mayTake,
  mayTakeOn,
  unitScope,
} from './access.js';
import { PROBLEM_SOURCES } from './problem.js';
import { ROLES } from './roles.js';

describe('access policy', () => {
  it('lets no role act on a unit it cannot see, and none on a resource no unit owns but the office roles', () => {
    for (const action of ACCESS_ACTIONS) {
      for (const role of ROLES) {
        const pairs: [number, number][] = [
          [1, 1],
          [1, 2],
        ];
        for (const [mine, theirs] of pairs) {
          const subject = { role, unitId: mine };
          const scope = unitScope(subject);
          if (mayTakeOn(subject, action, theirs)) {
            expect(mayTake(role, action)).toBe(true);
            expect(scope.all || theirs === mine, `${role} ${action}`).toBe(true);
          }
        }
        if (mayTakeOn({ role, unitId: 1 }, action, null))
          expect(ACCESS_RULES[action].anyUnit as readonly string[]).toContain(role);
      }
    }
  });

  it('scopes unit users to their unit and the district roles to every unit', () => {
    expect(unitScope({ role: 'reporter', unitId: 7 })).toEqual({ all: false, unitId: 7 });
    expect(unitScope({ role: 'unit_head', unitId: 7 })).toEqual({ all: false, unitId: 7 });
    for (const role of ['admin', 'leader', 'inspector'] as const)
      expect(unitScope({ role, unitId: 1 })).toEqual({ all: true });
  });

  it('keeps uploads to unit clerks and every write away from leaders', () => {
    expect(ROLES.filter((r) => mayTake(r, 'file.upload'))).toEqual(['unit_head', 'reporter']);
    const reads = new Set(['session', 'view', 'view.district']);
    expect(ACCESS_ACTIONS.filter((a) => !reads.has(a) && mayTake('leader', a))).toEqual([]);
  });

  it('offers forms every source but the two their own paths set', () => {
    expect(FORM_SOURCES).toEqual(PROBLEM_SOURCES.filter((s) => s !== '明察暗访' && s !== '数据比对'));
    expect(isReservedSource('数据比对')).toBe(true);
    expect(isReservedSource('自查')).toBe(false);
  });
});
