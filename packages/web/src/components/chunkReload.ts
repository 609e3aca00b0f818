// After a redeploy an open tab still runs the old build, whose page chunks are gone from the
// server: opening another page then fails to load its code. Reloading fetches the new build, so
// the first such failure reloads the tab by itself; a second one within a minute (the new build
// fails too, or the server is half-deployed) does not, lest the tab reload forever — the error
// boundary then shows a message with a 刷新 button instead. Vite's failed preloads (its
// `vite:preloadError` event, left unprevented) reject the page's import with the same error, so
// the boundary (PageErrorBoundary) is the one place that decides: preventing the event would make
// the import resolve to nothing and the page fail with an unrelated TypeError instead.

const KEY = 'paicha:chunk-reload-at';
const QUIET_MS = 60_000;

/** A failure to fetch a lazily loaded module or its preloaded CSS/JS (wording per browser and Vite). */
export function isChunkLoadError(err: unknown): boolean {
  const text = err instanceof Error ? `${err.name} ${err.message}` : String(err);
  return /dynamically imported module|Importing a module script failed|Unable to preload CSS|Loading (CSS )?chunk|ChunkLoadError|module script/i.test(
    text,
  );
}

/** Whether an automatic reload is still allowed (none for this reason within the last minute). */
export function mayReload(): boolean {
  try {
    return Date.now() - Number(window.sessionStorage.getItem(KEY) ?? 0) >= QUIET_MS;
  } catch {
    // Storage refused (privacy mode): never reload automatically, the message still shows.
    return false;
  }
}

/** Reloads the tab if mayReload(); says whether it did. */
export function reloadOnce(): boolean {
  if (!mayReload()) return false;
  window.sessionStorage.setItem(KEY, String(Date.now()));
  window.location.reload();
  return true;
}
