import { describe, expect, it } from 'vitest';
import { SessionLock, type SessionPriority } from './session-lock.js';

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('SessionLock', () => {
  it('lets waiting foreground work in before background work queued earlier', async () => {
    const lock = new SessionLock();
    const order: string[] = [];
    let release!: () => void;
    const holding = lock.run('background', () => new Promise<void>((resolve) => (release = resolve)));
    const queued = [
      lock.run('background', async () => void order.push('relay 1')),
      lock.run('background', async () => void order.push('relay 2')),
      lock.run('foreground', async () => void order.push('request')),
      lock.run('foreground', async () => void order.push('batch')),
    ];
    await tick();
    expect(order).toEqual([]);
    release();
    await Promise.all([holding, ...queued]);
    expect(order).toEqual(['request', 'batch', 'relay 1', 'relay 2']);
  });

  it('never starves the background: it gets a turn after a run of foreground turns', async () => {
    const lock = new SessionLock();
    const order: SessionPriority[] = [];
    const work = (priority: SessionPriority) => lock.run(priority, async () => void order.push(priority));
    // Foreground work keeps arriving: each turn queues the next one before it ends.
    let left = 40;
    const foreground = async (): Promise<void> => {
      while (left-- > 0) {
        const next = work('foreground');
        await next;
      }
    };
    const started = [foreground(), foreground(), work('background'), work('background')];
    await Promise.all(started);
    const firstBackground = order.indexOf('background');
    expect(firstBackground).toBeGreaterThan(0);
    expect(firstBackground).toBeLessThanOrEqual(5);
    expect(order.filter((p) => p === 'background')).toHaveLength(2);
  });

  it('runs one holder at a time and frees the session when work throws', async () => {
    const lock = new SessionLock();
    let inside = 0;
    let most = 0;
    const work = async () => {
      inside++;
      most = Math.max(most, inside);
      await tick();
      inside--;
    };
    await expect(lock.run('foreground', () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    await Promise.all([lock.run('foreground', work), lock.run('background', work), lock.run('foreground', work)]);
    expect(most).toBe(1);
  });
});
