// Inside a portal the editor's height is the host page's layout: a view that starts as one line
// of "Loading…" and then grows pushes the host's content down (a layout shift). So a loading view
// keeps the height the loaded view had last time in this tab, or a typical one the first time.
import { useEffect, useRef } from 'react';

const PREFIX = 'konpro-webhook-editor:height:';

export type View = 'list' | 'editor';

/** Heights of the emulator's views at 16 px and 768 px or wider, for a first load in a tab. */
const TYPICAL_EM: Record<View, number> = { list: 20.25, editor: 88 };

const remembered = new Map<View, number>();

/** A CSS min-height for the view while it loads. */
export function reservedHeight(view: View): string {
  const px = remembered.get(view) ?? readStored(view);
  return px === undefined ? `${TYPICAL_EM[view]}em` : `${px}px`;
}

/** Remembers the height of `view` while the element it returns a ref for is on screen. */
export function useRememberedHeight<T extends HTMLElement>(view: View, active: boolean) {
  const ref = useRef<T>(null);
  useEffect(() => {
    const element = ref.current;
    if (!active || element === null || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(() => {
      const px = Math.round(element.getBoundingClientRect().height);
      if (px > 0) store(view, px);
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, [view, active]);
  return ref;
}

function readStored(view: View): number | undefined {
  try {
    const value = Number(sessionStorage.getItem(PREFIX + view));
    return Number.isFinite(value) && value > 0 ? value : undefined;
  } catch {
    return undefined; // storage disabled: the typical height will do
  }
}

function store(view: View, px: number) {
  remembered.set(view, px);
  try {
    sessionStorage.setItem(PREFIX + view, String(px));
  } catch {
    // storage full or disabled: remembered for this page only
  }
}
