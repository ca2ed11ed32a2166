import { describe, expect, it } from 'vitest';
import { FORMATS, detectFormat, isFormatName, parseFile } from './index.js';
import { FORMAT_NAMES, type FormatName } from './message.schema.js';

describe('format registry', () => {
  it('has a parser for every format name, each tied to its channel', () => {
    expect(Object.keys(FORMATS).sort()).toEqual([...FORMAT_NAMES].sort());
    expect(FORMATS.jetstream.channel).toBe('bluesky');
    expect(FORMATS['twitter-v2'].channel).toBe('twitter');
    expect(FORMATS.mbox.channel).toBe('email');
    expect(isFormatName('rss')).toBe(true);
    expect(isFormatName('csv')).toBe(false);
  });

  it('parses through the registry and refuses an unknown format name as a caller error', async () => {
    const result = await parseFile('reddit', '{"kind":"t1","data":{"name":"t1_a","author":"u","body":"hi","created_utc":1700000000}}');
    expect(result.messages[0]).toMatchObject({ externalId: 't1_a', text: 'hi' });
    await expect(parseFile('csv' as FormatName, '')).rejects.toThrow('unknown format "csv"');
  });
});

describe('detectFormat', () => {
  const cases: [string, string, FormatName | null][] = [
    ['feed.xml', '<?xml version="1.0"?>\n<!-- hi -->\n<rss version="2.0"><channel/></rss>', 'rss'],
    ['feed.rss', '\uFEFF<feed xmlns="http://www.w3.org/2005/Atom"></feed>', 'atom'],
    ['x.xml', '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"></rdf:RDF>', 'rss'],
    ['x.xml', '<!DOCTYPE html><html></html>', null],
    ['feed.json', '{"version":"https://jsonfeed.org/version/1.1","title":"t","items":[]}', 'jsonfeed'],
    ['m.eml', 'Received: from x\r\nFrom: a@b.c\r\n\r\nhi', 'eml'],
    ['m.txt', 'From a@b.c Tue May 10 11:28:07 2005\nFrom: a@b.c\n\nhi\n\nFrom b@c.d Tue May 10 11:29:07 2005\nFrom: b@c.d\n\nho', 'mbox'],
    ['m.mbox', 'From a@b.c Tue May 10 11:28:07 2005\nFrom: a@b.c\n\nhi', 'mbox'],
    ['status.json', '{"id":"1","content":"<p>x</p>","account":{"id":"2"}}', 'mastodon'],
    ['stream.txt', 'event: update\ndata: {}\n\n', 'mastodon'],
    ['events.jsonl', '{"did":"did:plc:x","time_us":1,"kind":"identity"}\n{"did":"did:plc:y","time_us":2,"kind":"account"}', 'jetstream'],
    ['page.json', '{"data":[{"id":"1","text":"hi"}],"meta":{"result_count":1}}', 'twitter-v2'],
    ['hook.json', '{"object":"page","entry":[]}', 'meta-webhook'],
    ['listing.json', '[{"kind":"Listing","data":{"children":[]}}]', 'reddit'],
    ['what.json', '{"hello":"world"}', null],
    ['what.bin', '\u0000\u0001\u0002', null],
  ];

  it.each(cases)('%s → %s', (name, content, expected) => {
    expect(detectFormat(name, content)).toBe(expected);
    expect(detectFormat(name, Buffer.from(content))).toBe(expected);
  });
});
