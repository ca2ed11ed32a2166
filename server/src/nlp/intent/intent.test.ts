import { describe, expect, it } from 'vitest';
import { devExamples } from './dev-examples.js';
import { classifyIntent, mainIntent } from './intent.js';
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

  it('gives the same intent and confidence when asked for the main intent alone', () => {
    const texts = [...devExamples.map((example) => example.text), 'Meh.', '!!!', ''];
    for (const text of texts) {
      const { intent, confidence } = classifyIntent(text);
      const main = mainIntent(text);
      expect([main.intent, main.confidence]).toEqual([intent, confidence]);
    }
  });

  it('gives a probability for every intent, summing to one, the chosen one highest', () => {
    const { intent, scores } = classifyIntent('Can I pay with PayPal?');
    expect(Object.keys(scores).sort()).toEqual([...INTENT_LABELS].sort());
    const total = Object.values(scores).reduce((sum, value) => sum + value, 0);
    expect(total).toBeCloseTo(1, 2);
    for (const value of Object.values(scores)) expect(value).toBeLessThanOrEqual(scores[intent]);
  });

  it('gives the runners-up their share whichever intent wins', () => {
    const { intent, scores } = classifyIntent('The update broke my app, it crashes every time I open it.');
    expect(intent).toBe('complaint');
    const others = Object.entries(scores).filter(([label]) => label !== intent);
    expect(others.reduce((sum, [, value]) => sum + value, 0)).toBeGreaterThan(0.05);
  });

  it('reads news, commentary and everyday posts as other', () => {
    for (const text of [
      'Government announces a review of rail fares after a year of strikes.',
      'Version 2.0 of the library ships with a new plugin system.',
      'Another broken promise from the council, nobody is surprised.',
      'Lovely sunset over the harbour tonight.',
    ])
      expect(classifyIntent(text).intent, text).toBe('other');
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
