/**
 * Throttles a refresh that live events ask for: it runs at once when its last run is at least the
 * interval ago, otherwise once at the interval's end however often it was asked in between. A burst
 * of events costs a few refetches, and what its last event changed is always shown.
 */
import { useEffect, useRef, useState } from 'react';

export interface Throttled {
  (): void;
  /** Drops the run waiting for the interval's end. */
  cancel(): void;
}

export function throttle(run: () => void, intervalMs: number): Throttled {
  let lastRun = 0;
  let pending: ReturnType<typeof setTimeout> | null = null;
  const fire = () => {
    pending = null;
    lastRun = Date.now();
    run();
  };
  const throttled = () => {
    if (pending) return;
    const wait = lastRun + intervalMs - Date.now();
    if (wait <= 0) fire();
    else pending = setTimeout(fire, wait);
  };
  throttled.cancel = () => {
    if (pending) clearTimeout(pending);
    pending = null;
  };
  return throttled;
}

/**
 * `throttle` for a component: each run calls the `run` of the latest render, and a waiting run is
 * dropped when the component unmounts. The interval is read on the first render.
 */
export function useThrottled(run: () => void, intervalMs: number): () => void {
  const latest = useRef(run);
  useEffect(() => {
    latest.current = run;
  });
  const [throttled] = useState(() => throttle(() => latest.current(), intervalMs));
  useEffect(() => throttled.cancel, [throttled]);
  return throttled;
}
