import { useEffect, useRef } from 'react';

/**
 * Keeps what takes focus in the form clear of the sticky Save bar: the bar's height, which grows
 * when its note wraps, goes to the form as `--_bar-clearance`, which the CSS turns into a
 * `scroll-margin-bottom` on every focusable element. (`scroll-padding` would have to sit on the
 * scrolling element, which inside a portal is the host's page.)
 */
export function useBarClearance() {
  const formRef = useRef<HTMLFormElement>(null);
  const barRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const form = formRef.current;
    const bar = barRef.current;
    if (form === null || bar === null || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(() => {
      const height = Math.ceil(bar.getBoundingClientRect().height);
      form.style.setProperty('--_bar-clearance', `${height}px`);
    });
    observer.observe(bar);
    return () => observer.disconnect();
  }, []);
  return { formRef, barRef };
}
