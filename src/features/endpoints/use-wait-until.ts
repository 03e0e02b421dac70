import { useEffect, useState } from 'react';

/** True until `epochMs` has passed (for Retry-After); false at once when it is undefined. */
export function useWaitUntil(epochMs: number | undefined): boolean {
  const [passed, setPassed] = useState<number | undefined>(undefined);
  useEffect(() => {
    if (epochMs === undefined) return;
    const timer = setTimeout(() => setPassed(epochMs), Math.max(0, epochMs - Date.now()));
    return () => clearTimeout(timer);
  }, [epochMs]);
  return epochMs !== undefined && passed !== epochMs;
}
