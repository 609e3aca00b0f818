// The plan's text the plan-import tests build their Word file from: the shared seed where the
// checkout has it beside, else the repository's copy — which must be that seed, byte for byte.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { seedPlan, seedText, sharedSeedFile } from '../../../test/plan-files.js';

describe("the 2019 plan's text", () => {
  it('is the shared seed where it is present, and the repository copy equals it', () => {
    const shared = sharedSeedFile();
    const { text, from } = seedText();
    expect(from).toBe(shared ? 'shared' : 'fixtures');
    const copy = ['plan-body.txt', 'attachment-table.txt']
      .map((f) =>
        readFileSync(new URL(`../../../../../core/src/plan/fixtures/${f}`, import.meta.url), 'utf8'),
      )
      .join('');
    if (shared) expect(copy).toBe(readFileSync(shared, 'utf8'));
    expect(text).toBe(shared ? readFileSync(shared, 'utf8') : copy);
    const plan = seedPlan();
    expect(plan.rows).toHaveLength(37);
    expect(plan.body[0]).toBe('开发区开展脱贫攻坚问题大排查工作方案');
  });
});
