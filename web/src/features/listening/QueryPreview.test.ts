import { createElement } from 'react';
import { describe, expect, it } from 'vitest';
import { renderMarkup } from '../../ui/render-markup.testing';
import { PreviewMatches } from './QueryPreview';

const sample = (n: number) => ({
  messageId: `m-${n}`,
  network: 'mastodon',
  text: `kettle message ${n}`,
  title: null,
  sentAt: '2026-02-01T10:00:00.000Z',
  sentiment: 'neutral',
  intent: null,
  author: `author ${n}`,
});

const textOf = (matched: number, shown: number) =>
  renderMarkup(
    createElement(PreviewMatches, {
      result: { ok: true, scanned: 26, matched, samples: Array.from({ length: shown }, (_, n) => sample(n)) },
    }),
  ).replace(/<[^>]+>/g, '');

describe('the query preview', () => {
  it('says it shows only the latest matches when the server sent fewer than matched', () => {
    const text = textOf(26, 20);
    expect(text).toContain('Matched 26 of 26 recent messages, showing the latest 20');
    expect(text.match(/kettle message/g)).toHaveLength(20);
  });

  it('says nothing of the kind when every match is shown', () => {
    const text = textOf(5, 5);
    expect(text).toContain('Matched 5 of 26 recent messages');
    expect(text).not.toContain('showing');
  });
});
