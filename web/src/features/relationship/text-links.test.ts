import { describe, expect, it } from 'vitest';
import { textParts } from './text-links';

describe('the links in a note', () => {
  it('finds http and https addresses, leaving the sentence around them as text', () => {
    expect(textParts('Slides: https://docs.example/deck?id=1. Call back (see http://crm.example/a_(b)).')).toEqual([
      { text: 'Slides: ' },
      { text: 'https://docs.example/deck?id=1', url: 'https://docs.example/deck?id=1' },
      { text: '. Call back (see ' },
      { text: 'http://crm.example/a_(b)', url: 'http://crm.example/a_(b)' },
      { text: ').' },
    ]);
  });

  it('links no other scheme and keeps markup as text', () => {
    expect(textParts('javascript:alert(1) <a href="https://x.example">x</a> ftp://files.example')).toEqual([
      { text: 'javascript:alert(1) <a href="' },
      { text: 'https://x.example', url: 'https://x.example/' },
      { text: '">x</a> ftp://files.example' },
    ]);
    expect(textParts('no links here')).toEqual([{ text: 'no links here' }]);
  });
});
