/**
 * The embedded database has one session: whoever holds it runs, everyone else waits. Background
 * work (the event relay and its handlers, jobs) asks for it as such, and a waiting request, ingest
 * batch or any other foreground work is let in before it: after a burst the relay's backlog no
 * longer queues in front of every read and every batch. So that the background is never starved,
 * it is let in after `FOREGROUND_RUN` foreground turns in a row while it waits.
 */
export type SessionPriority = 'foreground' | 'background';

const FOREGROUND_RUN = 4;

export class SessionLock {
  private held = false;
  private readonly waiting: Record<SessionPriority, (() => void)[]> = { foreground: [], background: [] };
  private foregroundRun = 0;

  async run<T>(priority: SessionPriority, work: () => Promise<T>): Promise<T> {
    await this.acquire(priority);
    try {
      return await work();
    } finally {
      this.release();
    }
  }

  private acquire(priority: SessionPriority): Promise<void> {
    if (!this.held) {
      this.held = true;
      return Promise.resolve();
    }
    return new Promise((resolve) => this.waiting[priority].push(resolve));
  }

  private release(): void {
    const { foreground, background } = this.waiting;
    const backgroundsTurn = background.length > 0 && (foreground.length === 0 || this.foregroundRun >= FOREGROUND_RUN);
    const next = backgroundsTurn ? background.shift() : foreground.shift();
    if (!next) {
      this.held = false;
      return;
    }
    this.foregroundRun = backgroundsTurn || background.length === 0 ? 0 : this.foregroundRun + 1;
    next();
  }
}
