import { describe, expect, it } from 'vitest';
import { isChunkLoadError } from './chunkReload';

describe('a page whose code is gone', () => {
  it('is told apart from other errors, in every browser’s and Vite’s wording', () => {
    for (const message of [
      'Failed to fetch dynamically imported module: http://x/assets/AuditLogPage-abc.js',
      'Importing a module script failed.',
      'error loading dynamically imported module: http://x/assets/a.js',
      'Unable to preload CSS for /assets/a.css',
    ])
      expect(isChunkLoadError(new TypeError(message))).toBe(true);
    expect(isChunkLoadError(new TypeError("Cannot read properties of undefined (reading 'name')"))).toBe(
      false,
    );
    expect(isChunkLoadError('x')).toBe(false);
  });
});
