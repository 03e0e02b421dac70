/** How long the first render waits for the editor's code before it draws the loading view. */
export const FIRST_RENDER_WAIT_MS = 1500;

/**
 * Calls `render` once the first view can render whole: at once when `ready` is null (the list),
 * otherwise when `ready` settles (the editor's code, preloaded beside the entry, has come), or
 * after `wait` ms at the latest. index.html already paints the loading frame, so rendering
 * before the code is here would draw that frame again and then the editor over it, work a deep
 * link waits for; past `wait`, the loading view that says how long it has waited is better.
 */
export function renderWhenReady(
  ready: Promise<unknown> | null,
  render: () => void,
  wait = FIRST_RENDER_WAIT_MS,
): void {
  if (ready === null) return render();
  void Promise.race([ready, new Promise((resolve) => setTimeout(resolve, wait))]).then(render);
}
