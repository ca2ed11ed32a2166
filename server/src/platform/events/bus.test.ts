import { describe, expect, it } from 'vitest';
import { createEventBus } from './bus.js';
import type { DomainEvent } from './event.js';

const event = (id: number, type: string): DomainEvent => ({
  id,
  workspaceId: 'w',
  type,
  subjectType: 'conversation',
  subjectId: `c${id}`,
  actorId: null,
  data: {},
  occurredAt: new Date(0),
});

describe('event bus', () => {
  it('hands a handler of many events its matching events of a pass at once, after the one-event handlers', async () => {
    const calls: string[] = [];
    const bus = createEventBus(() => undefined);
    bus.subscribeMany('conversation.messages_added', (events) => void calls.push(`many:${events.map((e) => e.id).join(',')}`));
    bus.subscribe('*', (e) => void calls.push(`one:${e.id}`));
    await bus.publish([event(1, 'conversation.created'), event(2, 'conversation.messages_added'), event(3, 'conversation.messages_added')]);
    await bus.publish([event(4, 'contact.created')]);
    expect(calls).toEqual(['one:1', 'one:2', 'one:3', 'many:2,3', 'one:4']);
  });

  it('reports what a handler of many events could not handle, and goes on', async () => {
    const failed: number[] = [];
    const bus = createEventBus((_error, e) => failed.push(e.id));
    bus.subscribeMany('conversation.*', (events, onError) => {
      for (const e of events) if (e.id === 2) onError(new Error('no'), e);
    });
    bus.subscribeMany('conversation.*', () => {
      throw new Error('all failed');
    });
    const seen: number[] = [];
    bus.subscribeMany('*', (events) => void seen.push(...events.map((e) => e.id)));
    await bus.publish([event(1, 'conversation.created'), event(2, 'conversation.updated')]);
    expect(failed).toEqual([2, 1]);
    expect(seen).toEqual([1, 2]);
  });
});
