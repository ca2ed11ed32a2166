import { describe, expect, it } from 'vitest';
import { bulkSpamToggle } from './bulk-spam';

describe('bulkSpamToggle', () => {
  it('marks as spam in the inbox, and lets spam back in when viewing spam', () => {
    expect(bulkSpamToggle(false)).toMatchObject({ label: 'Spam', action: { isSpam: true } });
    expect(bulkSpamToggle(true)).toMatchObject({ label: 'Not spam', action: { isSpam: false } });
  });
});
