/**
 * Every recorded payload in test/fixtures/corpora is either parsed into schema-valid messages (or
 * profiles, or deletions) or rejected with a stated reason. The folder is read at run time, so a
 * new fixture is covered the day it is added; the table pins what the known files give.
 */
import { describe, expect, it } from 'vitest';
import { detectFormat, parseFile } from './formats.js';
import { messageProblem, type FormatName } from './message.schema.js';
import { CORPUS_FOLDERS, corpusFile, corpusFiles, type CorpusFolder } from './testing/corpora.js';

/** The format each folder holds; rss-atom holds both feed dialects. */
const FOLDER_FORMATS: Record<CorpusFolder, readonly FormatName[]> = {
  'rss-atom': ['rss', 'atom'],
  email: ['eml', 'mbox'],
  mastodon: ['mastodon'],
  bluesky: ['jetstream'],
  'twitter-v2': ['twitter-v2'],
  'meta-webhooks': ['meta-webhook'],
  reddit: ['reddit'],
};

/** [messages, profiles, deletions, rejected] per known file, and a reason fragment when something is rejected. */
const EXPECTED: Record<string, [number, number, number, number, string?]> = {
  'bluesky/indigo__automod__capture__testdata__capture_atprotocom.json': [20, 1, 0, 0],
  'bluesky/jetstream__subscribe__testdata__golden_v1.jsonl': [1, 1, 0, 8, 'app.bsky.feed.like create: not a post'],
  'email/mailparser__mixed.eml': [0, 0, 0, 1, 'no valid From (or Sender, Reply-To) address'],
  'email/mailparser__nested.eml': [0, 0, 0, 1, 'no readable Date header'],
  'email/talon__standard_replies__outlook.eml': [0, 0, 0, 1, 'no readable Date header'],
  'mastodon/mastodonkit__Account.json': [0, 1, 0, 0],
  'mastodon/mastodonkit__Context.json': [2, 0, 0, 0],
  'mastodon/mastodonkit__Notification.json': [1, 1, 0, 0],
  'mastodon/mastodonkit__Notifications.json': [2, 2, 0, 0],
  'mastodon/mastodonkit__StatusWithoutNull.json': [1, 0, 0, 0],
  'mastodon/mastodonkit__Timeline.json': [2, 0, 0, 0],
  'mastodon/tootsdk__account_mastodon_official.json': [0, 1, 0, 0],
  'mastodon/tootsdk__streaming_delete.json': [0, 0, 1, 0],
  'mastodon/tootsdk__streaming_update.json': [1, 0, 0, 0],
  'mastodon/tootsdk__tag.json': [0, 0, 0, 1, 'hashtag (trend data): not a message'],
  'meta-webhooks/botbuilder__Payload.json': [1, 0, 0, 0],
  'meta-webhooks/botbuilder__PayloadWithPostBack.json': [1, 0, 0, 0],
  'meta-webhooks/botbuilder__RequestResponse.json': [1, 0, 0, 0],
  'meta-webhooks/graph-api-responses/python-facebook__facebook__apidata__comments__comment_info.json': [0, 0, 0, 1, 'without an author'],
  'meta-webhooks/graph-api-responses/python-facebook__facebook__apidata__messages__message_info.json': [1, 0, 0, 0],
  'meta-webhooks/graph-api-responses/python-facebook__instagram__apidata__medias__comments_p1.json': [0, 0, 0, 2, 'without an author'],
  'reddit/go-reddit__listings__posts.json': [2, 0, 0, 0],
  'reddit/go-reddit__message__inbox.json': [2, 0, 0, 0],
  'reddit/go-reddit__post__post.json': [3, 0, 0, 0],
  'reddit/go-reddit__subreddit__about.json': [0, 0, 0, 1, 'subreddit r/golang'],
  'reddit/go-reddit__subreddit__posts.json': [2, 0, 0, 0],
  'reddit/go-reddit__user__comments.json': [1, 0, 0, 0],
  'reddit/go-reddit__user__get.json': [0, 1, 0, 0],
  'rss-atom/feedparser__encoding__utf-8-bom.xml': [0, 0, 0, 1, 'no entries'],
  'rss-atom/feedparser__wellformed__atom10__entry_content_inline_markup.xml': [0, 0, 0, 1, 'no valid date'],
  'rss-atom/feedparser__wellformed__atom10__entry_title.xml': [0, 0, 0, 1, 'no valid date'],
  'rss-atom/feedparser__wellformed__geo__georss_polygon.xml': [0, 0, 0, 1, 'no title, content, link or attachment'],
  'rss-atom/feedparser__wellformed__itunes__itunes_channel_category_nested.xml': [0, 0, 0, 1, 'no entries'],
  'rss-atom/feedparser__wellformed__media-rss__media_group.xml': [0, 0, 0, 1, 'no valid date'],
  'rss-atom/feedparser__wellformed__namespace__rss2.0withAtomNS.xml': [1, 0, 0, 0],
  'rss-atom/feedparser__wellformed__rdf__rss_version_10_not_default_ns.xml': [0, 0, 0, 1, 'no entries'],
  'rss-atom/feedparser__wellformed__rss__item_content_encoded.xml': [0, 0, 0, 1, 'no valid date'],
  'rss-atom/feedparser__wellformed__rss__item_description_escaped_markup.xml': [0, 0, 0, 1, 'no valid date'],
  'rss-atom/feedparser__wellformed__rss__item_enclosure_multiple.xml': [0, 0, 0, 1, 'no valid date'],
  'rss-atom/feedparser__wellformed__rss__item_enclosure_url.xml': [0, 0, 0, 1, 'no valid date'],
  'rss-atom/feedparser__wellformed__rss__item_guid.xml': [0, 0, 0, 1, 'no valid date'],
  'rss-atom/feedparser__wellformed__rss__item_pubDate.xml': [0, 0, 0, 1, 'no title, content, link or attachment'],
  'rss-atom/feedparser__wellformed__rss__rss_version_20.xml': [0, 0, 0, 1, 'no entries'],
  'rss-atom/node-feedparser__atom-with-tag-uri-links.xml': [0, 0, 0, 1, 'no valid date'],
  'rss-atom/node-feedparser__category-feed.xml': [1, 0, 0, 0],
  'rss-atom/node-feedparser__intertwingly.atom': [20, 0, 0, 0],
  'rss-atom/node-feedparser__rss2sample.xml': [4, 0, 0, 0],
  'rss-atom/node-feedparser__tpm.atom': [20, 0, 0, 0],
  'rss-atom/node-feedparser__wapowellness.xml': [29, 0, 0, 0],
  'rss-atom/rss-parser__atom-customfields.atom': [15, 0, 0, 0],
  'rss-atom/rss-parser__content-encoded.rss': [7, 0, 0, 0],
  'rss-atom/rss-parser__craigslist.rss': [25, 0, 0, 0],
  'rss-atom/rss-parser__feedburner.atom': [25, 0, 0, 0],
  'rss-atom/rss-parser__guardian.rss': [55, 0, 0, 0],
  'rss-atom/rss-parser__gulp-atom.atom': [10, 0, 0, 0],
  'rss-atom/rss-parser__heise.atom': [15, 0, 0, 0],
  'rss-atom/rss-parser__reddit-home.rss': [24, 0, 0, 0],
  'rss-atom/rss-parser__reddit.rss': [24, 0, 0, 0],
  'rss-atom/rss-parser__rss-1.rss': [69, 0, 0, 0],
  'rss-atom/rss-parser__itunes-href.rss': [10, 0, 0, 0],
  'twitter-v2/twarc-csv__brexit.jsonl': [100, 0, 0, 0],
  'twitter-v2/twarc-csv__counts.jsonl': [0, 0, 0, 1, 'tweet counts'],
  'twitter-v2/twarc-csv__lists.jsonl': [0, 0, 0, 2, 'list metadata'],
};

const REJECTION_CODES = ['malformed', 'invalid', 'not-a-message', 'too-large', 'empty'];

describe.each(CORPUS_FOLDERS)('corpus %s', (folder) => {
  const files = corpusFiles(folder);

  it('has data files, and the licence README beside them', () => {
    expect(files.length).toBeGreaterThan(0);
    expect(corpusFile(folder, 'README.md').toString('utf8')).toMatch(/licen[cs]e/i);
  });

  it.each(files)('%s is parsed into valid messages or rejected with a reason', async (name) => {
    const content = corpusFile(folder, name);
    const format = detectFormat(name, content);
    expect(format, 'detected format').not.toBeNull();
    expect(FOLDER_FORMATS[folder]).toContain(format);
    const result = await parseFile(format!, content);

    const outcomes = result.messages.length + result.profiles.length + result.deletions.length + result.rejected.length;
    expect(outcomes, 'every file yields something').toBeGreaterThan(0);
    for (const message of result.messages) {
      expect(messageProblem(message)).toBeNull();
      expect(FOLDER_FORMATS[folder]).toContain(message.raw.format);
      expect(message.text).not.toMatch(/<\/?(?:script|p|div|br|span)\b/i);
    }
    for (const rejection of result.rejected) {
      expect(REJECTION_CODES).toContain(rejection.code);
      expect(rejection.reason.length).toBeGreaterThan(5);
    }
    // Items are numbered in file order; a message and a profile from one notification share an index.
    const indexes = result.messages.map((m) => m.raw.index);
    expect(indexes).toEqual([...indexes].sort((a, b) => a - b));

    const expected = EXPECTED[`${folder}/${name}`];
    if (!expected) {
      // A file not in the table yet: at least one message, or a rejection that says why not.
      expect(result.messages.length > 0 || result.rejected.length > 0 || result.profiles.length > 0 || result.deletions.length > 0).toBe(
        true,
      );
      return;
    }
    const [messages, profiles, deletions, rejected, reason] = expected;
    expect([result.messages.length, result.profiles.length, result.deletions.length, result.rejected.length]).toEqual([
      messages,
      profiles,
      deletions,
      rejected,
    ]);
    if (reason) expect(result.rejected.map((r) => r.reason).join('\n')).toContain(reason);
  });
});
