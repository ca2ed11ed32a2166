import { describe, expect, it } from 'vitest';
import { bodyPreview, PREVIEW_CHARS } from './timeline-body';

describe('the first view of a note on the timeline', () => {
  it('shows a short note whole, line breaks and all', () => {
    expect(bodyPreview('Called about the renewal.\nWants a quote by Friday.')).toBeNull();
    expect(bodyPreview('one\ntwo\nthree\nfour\nfive\nsix')).toBeNull();
    expect(bodyPreview('x'.repeat(PREVIEW_CHARS))).toBeNull();
  });

  it('keeps the first six lines of a longer note, as they were typed', () => {
    expect(bodyPreview('one\ntwo\n\nfour\nfive\nsix\nseven\neight')).toBe('one\ntwo\n\nfour\nfive\nsix…');
  });

  it('cuts a long paragraph at a word, within the limit', () => {
    const preview = bodyPreview('word '.repeat(200))!;
    expect(preview.length).toBeLessThanOrEqual(PREVIEW_CHARS + 1);
    expect(preview).toMatch(/word…$/);
  });

  it('cuts one long unbroken word at the limit, never inside an emoji', () => {
    expect(bodyPreview('x'.repeat(700))).toBe(`${'x'.repeat(PREVIEW_CHARS)}…`);
    const preview = bodyPreview(`${'x'.repeat(PREVIEW_CHARS - 1)}😀${'x'.repeat(100)}`)!;
    expect(preview).toBe(`${'x'.repeat(PREVIEW_CHARS - 1)}…`);
  });
});
