/** A test client of the live event stream: reads a server-sent events response as it arrives. */

export interface StreamMessage {
  id?: string;
  event: string;
  data: Record<string, unknown>;
}

export interface StreamClient {
  /** Every message so far, in the order received. */
  readonly messages: StreamMessage[];
  /** Whether the server ended the stream. */
  readonly ended: boolean;
  /** Resolves with the first message matching `test` (waiting for it), or throws when the stream ends or time runs out. */
  next(test: (message: StreamMessage) => boolean, timeoutMs?: number): Promise<StreamMessage>;
  /** Resolves when the server ended the stream; throws when it is still open after `timeoutMs`. */
  end(timeoutMs?: number): Promise<void>;
  /** Stops reading (the client goes away). */
  cancel(): Promise<void>;
}

export function streamClient(response: Response): StreamClient {
  const reader = response.body!.getReader();
  const messages: StreamMessage[] = [];
  let ended = false;
  const waiters = new Set<() => void>();
  const wake = () => waiters.forEach((waiter) => waiter());

  void (async () => {
    const decoder = new TextDecoder();
    let buffer = '';
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        buffer += decoder.decode(value, { stream: true });
        let end: number;
        while ((end = buffer.indexOf('\n\n')) !== -1) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const event = /^event: (.+)$/m.exec(block)?.[1];
          const data = /^data: (.+)$/m.exec(block)?.[1];
          if (event && data)
            messages.push({ id: /^id: (.+)$/m.exec(block)?.[1], event, data: JSON.parse(data) as Record<string, unknown> });
        }
        wake();
      }
    } catch {
      // Cancelled by the test.
    }
    ended = true;
    wake();
  })();

  function waitFor<T>(check: () => T | undefined, timeoutMs: number, what: string): Promise<T> {
    return new Promise((resolve, reject) => {
      const settle = (outcome: () => void) => {
        clearTimeout(timer);
        waiters.delete(poll);
        outcome();
      };
      const received = () => messages.map((m) => m.event).join(', ') || 'nothing';
      const timer = setTimeout(() => settle(() => reject(new Error(`timed out waiting for ${what}; received ${received()}`))), timeoutMs);
      function poll() {
        try {
          const found = check();
          if (found !== undefined) settle(() => resolve(found));
        } catch (error) {
          settle(() => reject(error as Error));
        }
      }
      waiters.add(poll);
      poll();
    });
  }

  return {
    messages,
    get ended() {
      return ended;
    },
    next(test, timeoutMs = 5000) {
      return waitFor(
        () => {
          const found = messages.find(test);
          if (!found && ended) throw new Error(`the stream ended; received ${messages.map((m) => m.event).join(', ') || 'nothing'}`);
          return found;
        },
        timeoutMs,
        'a message',
      );
    },
    end(timeoutMs = 5000) {
      return waitFor(() => (ended ? true : undefined), timeoutMs, 'the stream to end').then(() => undefined);
    },
    async cancel() {
      await reader.cancel().catch(() => undefined);
    },
  };
}
