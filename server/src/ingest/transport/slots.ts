/**
 * A fixed number of slots handed out first come, first served: `take` waits while all are taken,
 * and `give` hands the slot straight to the longest waiter, so a newcomer never jumps the queue.
 */
export interface Slots {
  take(): Promise<void>;
  give(): void;
}

export function createSlots(count: number): Slots {
  let taken = 0;
  const waiting: (() => void)[] = [];
  return {
    async take() {
      if (taken < count) {
        taken++;
        return;
      }
      await new Promise<void>((resolve) => waiting.push(resolve));
    },
    give() {
      const next = waiting.shift();
      if (next) next();
      else taken--;
    },
  };
}
