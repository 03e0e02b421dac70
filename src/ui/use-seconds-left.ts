import { useEffect, useState } from 'react';

/**
 * Whole seconds left until `at` (epoch ms), ticking once a second; 0 once it has passed or when
 * there is no `at`. `seconds` is what was left when `at` was set, shown until the first tick.
 */
export function useSecondsLeft(at: number | undefined, seconds: number | undefined): number {
  const [tick, setTick] = useState<{ at: number; left: number } | null>(null);
  useEffect(() => {
    if (at === undefined) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const update = () => {
      const ms = at - Date.now();
      setTick({ at, left: Math.max(0, Math.ceil(ms / 1000)) });
      // Wake at each whole second left, so the count and the button change together.
      if (ms > 0) timer = setTimeout(update, ms % 1000 || 1000);
    };
    timer = setTimeout(update, Math.max(0, at - Date.now()) % 1000 || 1000);
    return () => clearTimeout(timer);
  }, [at]);
  if (at === undefined) return 0;
  return tick?.at === at ? tick.left : (seconds ?? 1);
}
