// After a redeploy an open tab still runs the old build, whose page chunks are gone from the
// server: opening another page then fails to load its code. Reloading fetches the new build, so
// the first such failure reloads the tab by itself; a second one within a minute (the new build
// fails too, or the server is half-deployed) does not, lest the tab reload forever — the error
// boundary then shows a message with a 刷新 button instead.

const KEY = 'paicha:chunk-reload-at';
const QUIET_MS = 60_000;

/** A failure to fetch a lazily loaded module or its preloaded CSS/JS (wording per browser and Vite). */
export function isChunkLoadError(err: unknown): boolean {
  const text = err instanceof Error ? `${err.name} ${err.message}` : String(err);
  return /dynamically imported module|Importing a module script failed|Unable to preload CSS|Loading (CSS )?chunk|ChunkLoadError|module script/i.test(
    text,
  );
}

/** Reloads the tab unless it already did so for this reason within the last minute; says whether it did. */
export function reloadOnce(): boolean {
  let last = 0;
  try {
    last = Number(window.sessionStorage.getItem(KEY) ?? 0);
  } catch {
    // Storage refused (privacy mode): never reload automatically, the message still shows.
    return false;
  }
  if (Date.now() - last < QUIET_MS) return false;
  window.sessionStorage.setItem(KEY, String(Date.now()));
  window.location.reload();
  return true;
}

/** Vite reports a failed preload of a chunk's dependencies as an event before the import fails. */
export function installChunkReload(): void {
  window.addEventListener('vite:preloadError', (event) => {
    // Prevented: the import does not fail while the page reloads. Not prevented: it fails and the
    // error boundary shows the message.
    if (reloadOnce()) event.preventDefault();
  });
}
