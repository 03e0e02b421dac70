/**
 * How long the first render waits for the editor's code (or the browser's language) before it
 * draws the loading view.
 */
export const FIRST_RENDER_WAIT_MS = 1500;

/**
 * Calls `render` once the first view can render whole: at once when `ready` is null (the list
 * in English), otherwise when `ready` settles (the editor's code, or the messages of the
 * browser's language, preloaded beside the entry, have come), or after `wait` ms at the latest.
 * index.html already paints the loading frame, so rendering before the code is here would draw
 * that frame again and then the editor over it, work a deep link waits for; past `wait`, the
 * loading view that says how long it has waited is better.
 */
export function renderWhenReady(
  ready: Promise<unknown> | null,
  render: () => void,
  wait = FIRST_RENDER_WAIT_MS,
): void {
  if (ready === null) return render();
  void Promise.race([ready, new Promise((resolve) => setTimeout(resolve, wait))]).then(render);
}
