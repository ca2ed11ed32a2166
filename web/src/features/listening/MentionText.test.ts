import { createElement } from 'react';
import { describe, expect, it } from 'vitest';
import { directionOf, renderMarkup } from '../../ui/render-markup.testing';
import { MentionText } from './MentionText';

describe('a mention’s text', () => {
  it('takes its direction from its own script, so Hebrew with a Latin brand name reads right to left', () => {
    const text = 'ה-Rapport החדש עובד מצוין';
    expect(directionOf(renderMarkup(createElement(MentionText, { text })), text)).toBe('auto');
  });
});
