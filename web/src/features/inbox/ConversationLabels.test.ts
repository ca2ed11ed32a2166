import { createElement } from 'react';
import { describe, expect, it } from 'vitest';
import { renderMarkup } from '../../ui/render-markup.testing';
import { aConversation } from './conversation.testing';
import { ConversationLabels } from './ConversationLabels';

describe('the label input', () => {
  it('takes no more characters than the server keeps in a label', () => {
    const markup = renderMarkup(
      createElement(ConversationLabels, { conversation: aConversation({ labels: ['billing'] }), disabled: false }),
    );
    expect(markup).toMatch(/<input[^>]*aria-label="Labels"[^>]*maxLength="50"|<input[^>]*maxLength="50"[^>]*aria-label="Labels"/i);
  });
});
