import { describe, expect, it } from 'vitest';
import { classifyIntent } from './intent.js';
import { INTENT_LABELS } from './intent-labels.js';

describe('classifyIntent', () => {
  it.each([
    ['complaint', 'I have been waiting two weeks for my refund and nobody replies to my emails.'],
    ['question', 'How can I update the billing address on my account?'],
    ['purchase', 'Where can I buy the new headphones in Madrid?'],
    ['praise', 'Thanks so much to your support team, you were brilliant!'],
    ['idea', 'It would be great if the app could sync with my calendar.'],
    ['spam', 'Earn $3000 a week from home, click here http://money.example #money #cash #rich'],
    ['other', 'Spending the afternoon at the park with my brother.'],
  ] as const)('reads %s', (intent, text) => {
    const result = classifyIntent(text);
    expect(result.intent).toBe(intent);
    expect(result.confidence).toBe(result.scores[intent]);
  });

  it('gives a probability for every intent, summing to one, the chosen one highest', () => {
    const { intent, scores } = classifyIntent('Can I pay with PayPal?');
    expect(Object.keys(scores).sort()).toEqual([...INTENT_LABELS].sort());
    const total = Object.values(scores).reduce((sum, value) => sum + value, 0);
    expect(total).toBeCloseTo(1, 2);
    for (const value of Object.values(scores)) expect(value).toBeLessThanOrEqual(scores[intent]);
  });

  it('is less sure of a vague message than of a clear one', () => {
    const clear = classifyIntent('My order arrived broken and I want a refund, terrible service.');
    const vague = classifyIntent('order');
    expect(clear.confidence).toBeGreaterThan(vague.confidence);
  });

  it("calls messages without words 'other' and never throws on hostile input", () => {
    for (const text of ['', '   ', '🔥🔥🔥', '!!!???', '\u0000\ud800\uffff']) expect(classifyIntent(text).intent).toBe('other');
    const huge = 'refund '.repeat(20_000) + 'x'.repeat(100_000);
    const binary = Array.from({ length: 50_000 }, (_, i) => String.fromCharCode((i * 40503) % 0xffff)).join('');
    const started = performance.now();
    expect(INTENT_LABELS).toContain(classifyIntent(huge).intent);
    expect(INTENT_LABELS).toContain(classifyIntent(binary).intent);
    expect(performance.now() - started).toBeLessThan(100);
  });
});
