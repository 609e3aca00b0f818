import { describe, expect, it } from 'vitest';
import { keptDraft } from './useVersionedEditor';

describe('keptDraft', () => {
  it('reads the typed copy as the editors keep it', () => {
    expect(keptDraft({ draft: { content: '已整改' }, version: 3 })).toEqual({ content: '已整改' });
  });

  it('still reads a milestone submission typed on the build before the shared editor', () => {
    const old = { content: '排查情况', experience: '', institutions: '', files: [] };
    expect(keptDraft(old)).toEqual(old);
  });

  it('has nothing to restore when nothing was kept', () => {
    expect(keptDraft(undefined)).toBeUndefined();
    expect(keptDraft('garbage')).toBeUndefined();
  });
});
