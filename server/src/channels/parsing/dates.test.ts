import { describe, expect, it } from 'vitest';
import { fromEpoch, parseDate } from './dates.js';

const iso = (value: unknown): string | undefined => parseDate(value)?.toISOString();

describe('parseDate', () => {
  it('reads RFC 822/2822 dates with numeric and named zones, comments and two-digit years', () => {
    expect(iso('Thu, 01 Jan 2004 19:48:21 GMT')).toBe('2004-01-01T19:48:21.000Z');
    expect(iso('Mon, 6 Jun 2005 22:21:22 +0200')).toBe('2005-06-06T20:21:22.000Z');
    expect(iso('Mon, 2 Apr 2012 06:45:30 -0700 (PDT)')).toBe('2012-04-02T13:45:30.000Z');
    expect(iso('Tue, 10 Jun 2003 04:00:00 EDT')).toBe('2003-06-10T08:00:00.000Z');
    expect(iso('21 Nov 97 09:55 -0600')).toBe('1997-11-21T15:55:00.000Z');
    expect(iso('Sat, 07 Sep 02 00:00:01 GMT')).toBe('2002-09-07T00:00:01.000Z');
    expect(iso('Wed, 02 Oct 2002 13:00:00 Z')).toBe('2002-10-02T13:00:00.000Z');
    expect(iso('01 Sept 2010 10:00:00 +0000')).toBe('2010-09-01T10:00:00.000Z');
  });

  it('reads ISO 8601 / RFC 3339 / W3CDTF, zone-less as UTC', () => {
    expect(iso('2017-04-06T16:55:02.132Z')).toBe('2017-04-06T16:55:02.132Z');
    expect(iso('2021-07-21T21:05:14+0000')).toBe('2021-07-21T21:05:14.000Z');
    expect(iso('2003-12-13T18:30:02-05:00')).toBe('2003-12-13T23:30:02.000Z');
    expect(iso('2004-01-01')).toBe('2004-01-01T00:00:00.000Z');
    expect(iso('2004-01')).toBe('2004-01-01T00:00:00.000Z');
    expect(iso('2019-11-18 19:14:32')).toBe('2019-11-18T19:14:32.000Z');
  });

  it('reads asctime (mbox envelopes) and epochs', () => {
    expect(iso('Tue May 10 11:28:07 2005')).toBe('2005-05-10T11:28:07.000Z');
    expect(iso(1596421388)).toBe('2020-08-03T02:23:08.000Z');
    expect(iso('1570649960249')).toBe('2019-10-09T19:39:20.249Z');
    expect(fromEpoch(1570649960249)?.toISOString()).toBe('2019-10-09T19:39:20.249Z');
  });

  it('answers undefined rather than guessing', () => {
    for (const junk of [
      '',
      '1',
      'yesterday',
      'not a date',
      '31 Feb 2004 00:00:00 GMT',
      '2004-13-01',
      'Thu, 01 Jan 2004 25:00:00 GMT',
      '9999-01-01',
      '\u00e9t\u00e9 2004',
    ]) {
      expect(parseDate(junk), junk).toBeUndefined();
    }
    expect(parseDate(Number.NaN)).toBeUndefined();
    expect(parseDate({})).toBeUndefined();
    expect(parseDate('x'.repeat(10_000))).toBeUndefined();
  });
});
