/**
 * A server-sent-events subscription (Mastodon's streaming API) through the same address checks as
 * every other connector request. Events are handed over as they arrive; the end of the stream, for
 * whatever reason, is reported once, so the stream supervisor can reconnect with backoff.
 */
import { ConnectorError } from '../connector.js';
import type { NetPolicy } from './address-policy.js';
import { connectionFailure } from './connection-failure.js';
import { checkUrl, expectSuccess, guardedAgent, loadUndici, refusal } from './safe-fetch.js';

const CONNECT_TIMEOUT_MS = 15_000;
/** One event larger than this is not an event a client should hold. */
const MAX_EVENT_BYTES = 1024 * 1024;

export interface EventStream {
  close(): Promise<void>;
}

export interface EventStreamHandlers {
  onEvent(name: string, data: string): void;
  onEnd(error: ConnectorError): void;
}

export async function openEventStream(
  rawUrl: string,
  policy: NetPolicy,
  headers: Record<string, string>,
  handlers: EventStreamHandlers,
): Promise<EventStream> {
  const url = checkUrl(rawUrl);
  const { fetch } = await loadUndici();
  const agent = await guardedAgent(policy, CONNECT_TIMEOUT_MS);
  const controller = new AbortController();
  let closed = false;
  const close = async () => {
    closed = true;
    controller.abort();
    await agent.close().catch(() => undefined);
  };
  let response;
  try {
    response = await fetch(url, {
      headers: { ...headers, accept: 'text/event-stream' },
      redirect: 'error',
      signal: controller.signal,
      dispatcher: agent,
    });
  } catch (error) {
    await close();
    const refused = refusal(error);
    if (refused) throw new ConnectorError('ssrf_refused', refused.message);
    throw connectionFailure(url.host, error);
  }
  if (response.status < 200 || response.status >= 300) {
    await response.body?.cancel();
    await close();
    expectSuccess(response, 'The stream');
  }

  void (async () => {
    let buffer = '';
    let event = 'message';
    let data: string[] = [];
    const decoder = new TextDecoder();
    try {
      for await (const chunk of response.body!) {
        buffer += decoder.decode(chunk, { stream: true });
        if (buffer.length > MAX_EVENT_BYTES) throw new ConnectorError('too_large', 'an event of the stream is over 1 MiB');
        let newline: number;
        while ((newline = buffer.indexOf('\n')) >= 0) {
          const line = buffer.slice(0, newline).replace(/\r$/, '');
          buffer = buffer.slice(newline + 1);
          if (line === '') {
            if (data.length) handlers.onEvent(event, data.join('\n'));
            event = 'message';
            data = [];
          } else if (line.startsWith(':')) {
            // A comment: the server's heartbeat.
          } else {
            const colon = line.indexOf(':');
            const field = colon < 0 ? line : line.slice(0, colon);
            const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
            if (field === 'event') event = value;
            else if (field === 'data') data.push(value);
          }
        }
      }
      if (!closed) handlers.onEnd(new ConnectorError('network', 'the server ended the stream', true));
    } catch (error) {
      if (!closed) handlers.onEnd(error instanceof ConnectorError ? error : new ConnectorError('network', 'the stream broke off', true));
    } finally {
      await agent.close().catch(() => undefined);
    }
  })();

  return { close };
}
