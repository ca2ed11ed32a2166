import { describe, expect, it } from 'vitest';
import { compileQuery } from './query.compiler.js';
import { prepareMessage, type MessageToMatch } from './prepared-message.js';
import { parseQuery } from './query.parser.js';

function matcher(source: string) {
  const parsed = parseQuery(source);
  if (!parsed.ok) throw new Error(`${source}: ${parsed.error.message}`);
  const query = compileQuery(parsed.query);
  return (message: string | Partial<MessageToMatch>) =>
    query.matches(
      prepareMessage(typeof message === 'string' ? { text: message, channel: 'rss' } : { text: '', channel: 'rss', ...message }),
    );
}

function table(source: string, cases: [string, boolean][]) {
  const matches = matcher(source);
  for (const [text, expected] of cases) expect(matches(text), `${source} on "${text}"`).toBe(expected);
}

describe('matching', () => {
  it('finds terms as whole words, ignoring case and accents', () => {
    table('cafe', [
      ['Best CAFÉ in town', true],
      ['café-bar', true],
      ['cafeteria', false],
      ['nothing here', false],
    ]);
    table('café', [['the cafe', true]]);
  });

  it('combines with AND, OR and NOT', () => {
    table('apple AND pie', [
      ['apple pie', true],
      ['pie made of apple', true],
      ['apple tart', false],
    ]);
    table('apple OR pear', [
      ['a pear', true],
      ['an apple', true],
      ['a plum', false],
    ]);
    table('apple NOT pie', [
      ['apple tart', true],
      ['apple pie', false],
    ]);
    table('apple -pie', [['apple pie', false]]);
    table('(apple OR pear) AND NOT (pie OR tart)', [
      ['pear jam', true],
      ['pear tart', false],
    ]);
  });

  it('reads a space as AND', () => {
    table('apple pie', [
      ['pie with apple', true],
      ['apple only', false],
    ]);
  });

  it('matches phrases in order and adjacent', () => {
    table('"battery life"', [
      ['Great Battery-Life!', true],
      ['life of the battery', false],
      ['battery has a short life', false],
    ]);
  });

  it('matches "phrase"~n with at most n other words in the window, in any order', () => {
    table('"battery life"~2', [
      ['battery has short life', true],
      ['life of the battery', true],
      ['battery has a very short life', false],
    ]);
    table('"new phone case"~1', [
      ['new phone black case', true],
      ['case for my new phone', false],
      ['phone case new', true],
    ]);
    table('"go go"~0', [
      ['go go', true],
      ['go home', false],
    ]);
  });

  it('matches NEAR/n either way round with at most n words between', () => {
    table('apple NEAR/2 pie', [
      ['apple and pie', true],
      ['pie with an apple', true],
      ['apple is not a pie', false],
    ]);
    table('apple NEAR/0 pie', [
      ['apple pie', true],
      ['pie apple', true],
      ['apple x pie', false],
    ]);
  });

  it('matches NEAR/nf only in the written order', () => {
    table('apple NEAR/2f pie', [
      ['apple and pie', true],
      ['pie and apple', false],
    ]);
  });

  it('lets NEAR take phrases, wildcards, OR-groups and other NEARs', () => {
    table('(apple OR pear) NEAR/1 ("pie crust" OR tart*)', [
      ['pear with tarts', true],
      ['the pie crust of an apple', false],
      ['apple pie crust', true],
      ['apple pie', false],
    ]);
    table('(summer NEAR/1f holiday) NEAR/2 cheap', [
      ['cheap summer beach holiday', true],
      ['summer beach holiday was not so cheap', false],
    ]);
  });

  it('does not let one word serve both sides of NEAR', () => {
    table('apple NEAR/3 app*', [
      ['apple', false],
      ['apple application', true],
    ]);
  });

  it('matches wildcards against whole words', () => {
    table('organi?ation', [
      ['The Organisation', true],
      ['organization', true],
      ['organisations', false],
    ]);
    table('colo*', [
      ['colours', true],
      ['colorado', true],
      ['color', true],
      ['discolored', false],
    ]);
  });

  it('matches {Exact} with case and accents kept', () => {
    table('{Apple}', [
      ['Apple unveils', true],
      ['an apple a day', false],
      ['APPLE', false],
    ]);
    table('{iPhone*}', [
      ['iPhones', true],
      ['iphone', false],
    ]);
    table('{Café}', [
      ['Café', true],
      ['Cafe', false],
    ]);
  });

  it('matches hashtags and mentions as entities, not bare words', () => {
    table('#BlackFriday', [
      ['deals for #blackfriday', true],
      ['deals for black friday', false],
      ['blackfriday deals', false],
      ['html&#blackfriday', false],
    ]);
    const tagged = matcher('#deal');
    expect(tagged({ text: 'no tags in text', hashtags: ['Deal'] })).toBe(true);
    table('@rapport', [
      ['thanks @Rapport!', true],
      ['thanks @rapport@mastodon.social', true],
      ['mail me at me@rapport', false],
      ['rapport', false],
    ]);
    expect(matcher('@rapport@mastodon.social')({ text: '', mentions: ['@rapport@mastodon.social'] })).toBe(true);
    expect(matcher('@rapport@mastodon.social')({ text: '', mentions: ['rapport'] })).toBe(false);
    table('deal', [['#deal of the day', true]]);
  });

  it('filters on fields', () => {
    const byAuthor = matcher('author:(alice OR "Bob Stone")');
    expect(byAuthor({ authorHandle: '@Alice@mastodon.social' })).toBe(true);
    expect(byAuthor({ authorName: 'Bob  Stone' })).toBe(true);
    expect(byAuthor({ authorHandle: 'alicia' })).toBe(false);
    expect(matcher('author:ali*')({ authorHandle: 'alicia' })).toBe(true);
    const email = matcher('channel:email AND NOT newsletter');
    expect(email({ channel: 'email', text: 'a reply' })).toBe(true);
    expect(email({ channel: 'email', text: 'our newsletter' })).toBe(false);
    expect(email({ channel: 'rss', text: 'a reply' })).toBe(false);
    const french = matcher('lang:fr');
    expect(french({ language: 'fr-CA' })).toBe(true);
    expect(french({ language: 'en' })).toBe(false);
    expect(french({})).toBe(false);
    const site = matcher('site:example.com');
    expect(site({ url: 'https://www.example.com/a' })).toBe(true);
    expect(site({ url: 'https://news.example.com/a' })).toBe(true);
    expect(site({ url: 'https://notexample.com/a' })).toBe(false);
    const url = matcher('url:example.com/news');
    expect(url({ url: 'http://example.com/news/today' })).toBe(true);
    expect(url({ url: 'http://example.com/blog' })).toBe(false);
    const moods = matcher('sentiment:negative intent:complaint');
    expect(moods({ sentiment: 'negative', intent: 'complaint' })).toBe(true);
    expect(moods({ sentiment: 'negative', intent: 'praise' })).toBe(false);
    const unread = matcher('sentiment:unanalysed');
    expect(unread({})).toBe(true);
    expect(unread({ sentiment: 'neutral' })).toBe(false);
  });

  it('searches the title and the text, but no phrase or NEAR spans the two', () => {
    const matches = matcher('"launch day"');
    expect(matches({ title: 'Launch day', text: 'it went well' })).toBe(true);
    expect(matches({ title: 'Our launch', text: 'day one went well' })).toBe(false);
    expect(matcher('launch NEAR/5 day')({ title: 'Our launch', text: 'day one' })).toBe(false);
    expect(matcher('launch day')({ title: 'Our launch', text: 'day one' })).toBe(true);
  });
});
