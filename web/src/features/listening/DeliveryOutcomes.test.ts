import { createElement } from 'react';
import { describe, expect, it } from 'vitest';
import { renderMarkup } from '../../ui/render-markup.testing';
import { DeliveryOutcomes } from './DeliveryOutcomes';

describe('an alert firing’s deliveries', () => {
  it('say in words, without hovering, why a delivery failed, and nothing more for those sent', () => {
    const reason = '127.0.0.1 resolves to 127.0.0.1 (loopback), which channels may not reach';
    const markup = renderMarkup(
      createElement(DeliveryOutcomes, {
        deliveries: [
          { channel: 'in-app', ok: true, detail: 'Delivered to 3 members' },
          { channel: 'webhook', ok: false, detail: reason },
        ],
      }),
    );
    const text = markup.replace(/<[^>]+>/g, '');
    expect(text).toContain(`: ${reason}`);
    expect(text).toContain('failed');
    expect(text).not.toContain('Delivered to 3 members');
  });
});
