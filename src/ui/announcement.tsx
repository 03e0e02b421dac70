import { type ReactNode, useEffect, useState } from 'react';

/**
 * A polite live region whose message arrives after the region itself: text already present when a
 * region appears is not announced by most screen readers, so a view that opens with news (after a
 * create or a delete) says it this way.
 */
export function Announcement({ children, className }: { children: ReactNode; className?: string }) {
  const [ready, setReady] = useState(false);
  useEffect(() => {
    const timer = setTimeout(() => setReady(true), 50);
    return () => clearTimeout(timer);
  }, []);
  return (
    <p className={className} role="status">
      {ready ? children : null}
    </p>
  );
}
