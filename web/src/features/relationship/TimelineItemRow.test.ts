import { createElement } from 'react';
import { describe, expect, it } from 'vitest';
import { attributeValues, directionOf, renderMarkup } from '../../ui/render-markup.testing';
import { TimelineItemRow } from './TimelineItemRow';
import type { TimelineMember } from './timeline-permissions';
import type { TimelineItem } from './types';

const note: TimelineItem = {
  id: 'n',
  kind: 'note',
  occurredAt: '2026-01-01T10:00:00Z',
  title: 'مكالمة التجديد',
  body: 'تحدثنا عن خطة Enterprise للسنة القادمة',
  network: null,
  direction: null,
  conversationId: null,
  sentiment: null,
  author: 'Sky Service',
  task: null,
  durationMinutes: null,
  authorId: 'sky',
  isMention: false,
};
const call: TimelineItem = { ...note, id: 'c', kind: 'call', title: 'Renewal call', body: '', direction: 'out' };
const task: TimelineItem = {
  ...note,
  id: 't',
  kind: 'task',
  title: 'Send the quote',
  body: '',
  task: { dueAt: null, doneAt: null, assigneeId: null, assigneeName: null },
};

const viewer: TimelineMember = { canWrite: false, isAdmin: false, userId: 'sky' };
const agent: TimelineMember = { canWrite: true, isAdmin: false, userId: 'sky' };

const render = (item: TimelineItem, member = viewer) => renderMarkup(createElement(TimelineItemRow, { item, member }));

describe('a timeline entry', () => {
  it('shows its title and text in their own direction', () => {
    const markup = render(note);
    expect(directionOf(markup, 'مكالمة التجديد')).toBe('auto');
    expect(directionOf(markup, 'تحدثنا عن خطة Enterprise للسنة القادمة')).toBe('auto');
  });

  it('offers to edit and delete notes, calls and tasks to those who may change them, and to viewers nothing', () => {
    for (const item of [note, call, task]) {
      const what = item.kind;
      expect(attributeValues(render(item, agent), 'aria-label')).toEqual(expect.arrayContaining([`Edit ${what}`, `Delete ${what}`]));
      expect(attributeValues(render(item, viewer), 'aria-label').filter((label) => /^(Edit|Delete) /.test(label))).toEqual([]);
    }
    const othersNote = render({ ...note, author: 'Sky Service', authorId: 'another-sky' }, agent);
    expect(attributeValues(othersNote, 'aria-label')).not.toContain('Edit note');
  });

  it('tells how long a call lasted', () => {
    expect(render({ ...call, durationMinutes: 25 }, viewer)).toContain('>25 min<');
    expect(render({ ...call, durationMinutes: 60 }, viewer)).toContain('>1 h<');
    expect(render(call, viewer)).not.toContain(' min<');
  });

  it('says a message listening heard is also a mention, which the Mentions filter finds', () => {
    const message: TimelineItem = { ...note, kind: 'message', title: 'Acme rockets are too loud', network: 'mastodon', authorId: null };
    expect(render({ ...message, isMention: true })).toContain('>Also a mention<');
    expect(render(message)).not.toContain('>Also a mention<');
    expect(render({ ...message, kind: 'mention', isMention: true })).not.toContain('>Also a mention<');
  });

  it('makes the web addresses in a note links that open apart, and its markup text', () => {
    const markup = render({ ...note, body: 'Deck: https://docs.example/deck <b>bold</b>' });
    expect(attributeValues(markup, 'href')).toEqual(['https://docs.example/deck']);
    expect(attributeValues(markup, 'rel')).toEqual(['noopener noreferrer nofollow']);
    expect(attributeValues(markup, 'target')).toEqual(['_blank']);
    expect(markup).toContain('&lt;b&gt;bold&lt;/b&gt;');
  });
});
