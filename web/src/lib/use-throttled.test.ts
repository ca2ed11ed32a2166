import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { throttle } from './use-throttled';

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(new Date('2026-12-01T10:00:00Z'));
});

afterEach(() => {
  vi.useRealTimers();
});

describe('throttle', () => {
  it('runs at once when it has not run for the interval', () => {
    const run = vi.fn();
    const throttled = throttle(run, 2_000);
    throttled();
    expect(run).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(2_000);
    throttled();
    expect(run).toHaveBeenCalledTimes(2);
  });

  it('runs a burst once more at the end of the interval, however many asked, then waits a full interval again', () => {
    const run = vi.fn();
    const throttled = throttle(run, 2_000);
    throttled();
    vi.advanceTimersByTime(500);
    for (let event = 0; event < 50; event++) throttled();
    expect(run).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(1_499);
    expect(run).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(1);
    expect(run).toHaveBeenCalledTimes(2);

    throttled();
    expect(run).toHaveBeenCalledTimes(2);
    vi.advanceTimersByTime(2_000);
    expect(run).toHaveBeenCalledTimes(3);
  });

  it('drops the waiting run when cancelled, as when its component unmounts', () => {
    const run = vi.fn();
    const throttled = throttle(run, 2_000);
    throttled();
    throttled();
    throttled.cancel();
    vi.advanceTimersByTime(10_000);
    expect(run).toHaveBeenCalledTimes(1);
  });
});
