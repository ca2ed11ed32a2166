import { describe, expect, it } from 'vitest';
import { scoreSentiment } from './sentiment.js';

const score = (text: string): number => scoreSentiment(text).score;

describe('scoreSentiment', () => {
  it('reads a service failing as negative, and the service’s name as no praise', () => {
    for (const text of ['Another outage today.', 'Your app keeps crashing', 'Checkout is so slow', 'Found a bug in the export'])
      expect(scoreSentiment(text), text).toMatchObject({ label: 'negative' });
    // "support" and "help" name the team here: the complaint is not praise of it.
    expect(score('Contacted customer support, the help desk never replied.')).toBeLessThanOrEqual(0);
    expect(scoreSentiment('Cancelled my subscription, the support never answers.')).toMatchObject({ label: 'negative' });
    expect(scoreSentiment('Support ticket 4411: login page slow since Monday')).toMatchObject({ label: 'negative' });
    // As words of their own they still praise, and around the name the feeling is still read.
    expect(scoreSentiment('Thanks for your support!')).toMatchObject({ label: 'positive' });
    expect(scoreSentiment('We help each other')).toMatchObject({ label: 'positive' });
    expect(scoreSentiment('Customer support was amazing')).toMatchObject({ label: 'positive' });
  });

  it('reads a service that does not answer as negative, and a brand’s support as its service', () => {
    for (const text of [
      'Globex support never answers.',
      'No response from Acme support',
      'Nobody answers the phone at Acme',
      'They never replied to my ticket',
      'Called @acme support twice, no answer',
      'Still waiting for a reply from support, 3 days now',
      'Been on hold for an hour',
    ])
      expect(scoreSentiment(text), text).toMatchObject({ label: 'negative' });
    // Done, a service act is no feeling either way; "no problem" still reassures.
    expect(scoreSentiment('They answered within minutes')).toMatchObject({ label: 'neutral' });
    expect(scoreSentiment('No problem at all')).toMatchObject({ label: 'positive' });
    // A brand's support is its team: the feeling is in the words around it.
    expect(scoreSentiment('Acme support is great')).toMatchObject({ label: 'positive' });
    expect(score('Acme support is great')).toBeLessThan(score('Great support'));
    expect(scoreSentiment('I support this idea')).toMatchObject({ label: 'positive' });
  });

  it('labels by the ±0.05 thresholds and keeps scores in [-1, 1]', () => {
    expect(scoreSentiment('The support team was great')).toMatchObject({ label: 'positive' });
    expect(scoreSentiment('The support team was awful')).toMatchObject({ label: 'negative' });
    expect(scoreSentiment('The parcel arrived on Tuesday')).toEqual({ score: 0, label: 'neutral' });
    const gushing = scoreSentiment('BEST. PRODUCT. EVER!!!! love love LOVE it 😍😍😍 amazing wonderful perfect');
    expect(gushing.score).toBeGreaterThan(0.9);
    expect(gushing.score).toBeLessThanOrEqual(1);
  });

  describe('negation', () => {
    it('turns a word around, whatever the negator', () => {
      expect(score('good')).toBeGreaterThan(0);
      for (const text of ['not good', 'never good', "isn't good", 'isn’t good', 'hardly good', 'without any good ideas']) {
        expect(score(text), text).toBeLessThan(0);
      }
      expect(score('not bad')).toBeGreaterThan(0);
    });

    it('weakens the word it flips: "not good" is milder than "bad"', () => {
      expect(Math.abs(score('not good'))).toBeLessThan(Math.abs(score('bad')));
    });

    it('reaches up to three words back, but not past the end of a clause', () => {
      expect(score('it is not really good')).toBeLessThan(0);
      expect(score('not that it matters, the food was good')).toBeGreaterThan(0);
      expect(score('Not now. Good service overall')).toBeGreaterThan(0);
    });

    it('lets "no" stand for itself only when nothing follows it', () => {
      expect(score('no problem at all')).toBeGreaterThan(0);
      expect(score('no.')).toBeLessThan(0);
    });

    it('reads "not only" and "at least" as no negation', () => {
      expect(score('not only good but also cheap')).toBeCloseTo(score('good'), 5);
      expect(score('at least it works great')).toBeGreaterThan(0);
    });
  });

  describe('intensifiers and diminishers', () => {
    it('raise or lower the magnitude without changing the sign', () => {
      expect(score('very good')).toBeGreaterThan(score('good'));
      expect(score('extremely bad')).toBeLessThan(score('bad'));
      expect(score('kind of good')).toBeLessThan(score('good'));
      expect(score('kind of good')).toBeGreaterThan(0);
      expect(score('slightly annoying')).toBeGreaterThan(score('annoying'));
    });

    it('reads a negative adverb before a sentiment word as "very"', () => {
      expect(score('terribly charming')).toBeGreaterThan(score('charming'));
    });

    it('makes too much of a good thing a fault', () => {
      expect(score('too sweet')).toBeLessThan(0);
      expect(score('too boring')).toBeLessThan(score('boring'));
    });
  });

  describe('contrast', () => {
    it('weighs the clause after "but" more than the one before it', () => {
      expect(score('The screen is great but the battery is awful')).toBeLessThan(0);
      expect(score('The battery is awful but the screen is great')).toBeGreaterThan(0);
      expect(score('The screen is great however the battery is awful')).toBeLessThan(0);
    });

    it('weighs a concession opening the message ("Although …,") less than the clause after it', () => {
      // Without the concession the two clauses about cancel out.
      expect(scoreSentiment('The courier was friendly, the lamp was broken')).toMatchObject({ label: 'neutral' });
      expect(scoreSentiment('Although the courier was friendly, the lamp was broken')).toMatchObject({ label: 'negative' });
      expect(scoreSentiment('Though the lamp was broken, the courier was friendly')).toMatchObject({ label: 'positive' });
      // Later in a sentence "although" may concede or object, so it moves no weight.
      expect(score('The lamp was broken, although the courier was friendly')).toBeCloseTo(
        score('The lamp was broken, the courier was friendly'),
        5,
      );
    });
  });

  describe('politeness', () => {
    it('reads "please" as a request, which counts nothing, and as the verb after "to" or an auxiliary', () => {
      expect(scoreSentiment('Please send the receipt again')).toEqual({ score: 0, label: 'neutral' });
      expect(scoreSentiment('Can you please resend the code?')).toEqual({ score: 0, label: 'neutral' });
      expect(scoreSentiment('Kindly resend the parcel label')).toEqual({ score: 0, label: 'neutral' });
      expect(scoreSentiment('The finale will please long-time readers')).toMatchObject({ label: 'positive' });
      expect(scoreSentiment('A comedy that tries hard to please')).toMatchObject({ label: 'positive' });
      expect(scoreSentiment('The invoice is wrong, please correct it')).toMatchObject({ label: 'negative' });
    });

    it('counts thanks as gratitude only when the message neither complains nor asks', () => {
      expect(scoreSentiment('Thanks a million, the new invoices look tidy')).toMatchObject({ label: 'positive' });
      expect(scoreSentiment('Grateful for the swift fix!')).toMatchObject({ label: 'positive' });
      // Around a complaint or a request the same words are manners.
      expect(scoreSentiment('Thanks, however the search is still broken')).toMatchObject({ label: 'negative' });
      expect(scoreSentiment('Many thanks. The checkout is sluggish again.')).toMatchObject({ label: 'negative' });
      expect(scoreSentiment('Please reset my password, thanks in advance')).toEqual({ score: 0, label: 'neutral' });
      // A courtesy word that is negated is a feeling, not manners.
      expect(score('Not thankful at all for this mess')).toBeLessThan(score('this mess'));
    });

    it('counts what the thanks are for as thanks too ("appreciate your help")', () => {
      expect(scoreSentiment('Appreciate all your help, yet the widget keeps crashing')).toMatchObject({ label: 'negative' });
      expect(scoreSentiment('Thanks for all your support over the years')).toMatchObject({ label: 'positive' });
    });

    it('reads help asked for as no praise', () => {
      expect(scoreSentiment('I need help with a refund')).toEqual({ score: 0, label: 'neutral' });
      expect(scoreSentiment('Any help on the import?')).toEqual({ score: 0, label: 'neutral' });
    });

    it('reads sign-offs and salutations as no feeling', () => {
      expect(scoreSentiment('Warm regards,\nPriya')).toEqual({ score: 0, label: 'neutral' });
      expect(scoreSentiment('Best regards')).toEqual({ score: 0, label: 'neutral' });
      expect(scoreSentiment('Dear Globex team, my card was declined twice. Kind regards, Jo')).toMatchObject({ label: 'negative' });
      expect(scoreSentiment('Dear Globex team, my card was accepted. Kind regards, Jo')).toMatchObject({ label: 'positive' });
    });
  });

  describe('what a customer expected and did not get', () => {
    it('reads an expected outcome negated as a failure, and done as no feeling', () => {
      for (const text of [
        'The replacement part never arrived',
        'My voucher code does not work',
        'We still have not received the invoice',
        'The map will not load on my tablet',
        'No refund so far',
        'The invoice PDF won’t open',
        'I cannot log in since Friday',
      ])
        expect(scoreSentiment(text), text).toMatchObject({ label: 'negative' });
      for (const text of ['The replacement part arrived', 'My voucher code works', 'We received the invoice'])
        expect(scoreSentiment(text), text).toEqual({ score: 0, label: 'neutral' });
    });

    it('reads a polite complaint as negative: the thanks before "but" and the problem after it', () => {
      expect(scoreSentiment('Thanks for answering so fast, but the scanner still does not connect')).toMatchObject({ label: 'negative' });
      expect(scoreSentiment('Cheers for the update, however nothing has shipped yet')).toMatchObject({ label: 'negative' });
    });
  });

  describe('emoji and emoticons', () => {
    it('scores emoji, alone or glued to words, with skin tones and variation selectors', () => {
      expect(score('😍')).toBeGreaterThan(0.5);
      expect(score('😡')).toBeLessThan(-0.5);
      expect(score('👍')).toBeGreaterThan(0);
      expect(score('👍🏽')).toBeCloseTo(score('👍'), 5);
      expect(score('❤️')).toBeGreaterThan(0);
      expect(score('💩')).toBeLessThan(0);
      expect(score('new phone😍')).toBeGreaterThan(0);
      expect(score('my order is late 😡')).toBeLessThan(score('my order is late'));
    });

    it('scores an emoji outside the curated list from the Emoji Sentiment Ranking', () => {
      expect(score('💐')).toBeGreaterThan(0);
    });

    it('scores emoticons as written', () => {
      expect(score(':)')).toBeGreaterThan(0);
      expect(score(':D')).toBeGreaterThan(0);
      expect(score('<3')).toBeGreaterThan(0);
      expect(score(':-(')).toBeLessThan(0);
      expect(score(':(')).toBeLessThan(0);
      expect(score('see you tomorrow :)')).toBeGreaterThan(0);
    });

    it('lets a negator turn an emoji around', () => {
      expect(score('not 👍')).toBeLessThan(0);
    });
  });

  describe('slang', () => {
    it.each([
      ['lol', 1],
      ['omg I luv this', 1],
      ['gr8 service', 1],
      ['this sux', -1],
      ['wtf is this', -1],
      ['meh', -1],
      ['fml', -1],
      ['total ripoff', -1],
    ])('%s', (text, sign) => {
      expect(Math.sign(score(text))).toBe(sign);
    });

    it('reads "omg" as emphasis', () => {
      expect(score('omg amazing')).toBeGreaterThan(score('amazing'));
    });
  });

  describe('emphasis', () => {
    it('stresses a word in capitals amid lower case, but not a message all in capitals', () => {
      expect(score('the update is GREAT')).toBeGreaterThan(score('the update is great'));
      expect(score('THE UPDATE IS GREAT')).toBeCloseTo(score('the update is great'), 5);
      expect(score('the delay is AWFUL')).toBeLessThan(score('the delay is awful'));
    });

    it('stresses stretched words and reads stretched intensifiers', () => {
      expect(score('goooood')).toBeGreaterThan(score('good'));
      expect(score('soooo good')).toBeGreaterThan(score('good'));
      expect(score('soooo good')).toBeCloseTo(score('so good'), 5);
      expect(score('(goooood)')).toBeCloseTo(score('goooood'), 5);
      expect(score('GOOOOOD, really')).toBeGreaterThan(score('goooood, really'));
    });

    it('does not take a run of punctuation for a stretched word', () => {
      expect(score('good!!!')).toBeCloseTo(score('good !!!'), 5);
      expect(score('good...')).toBeCloseTo(score('good.'), 5);
    });

    it('amplifies with exclamation marks up to four, and with repeated question marks', () => {
      expect(score('great!')).toBeGreaterThan(score('great'));
      expect(score('great!!!')).toBeGreaterThan(score('great!'));
      expect(score('great!!!!!!!!')).toBeCloseTo(score('great!!!!'), 5);
      expect(score('awful??')).toBeLessThan(score('awful?'));
      expect(score('awful?')).toBeCloseTo(score('awful'), 5);
    });

    it('treats "like" as approval only when it is not a comparison', () => {
      expect(score('I like it')).toBeGreaterThan(0);
      expect(score('it feels like a chore')).toBeLessThan(score('I like a chore'));
    });
  });

  describe('bad input never throws and stays in range', () => {
    const inRange = (text: string): void => {
      const sentiment = scoreSentiment(text);
      expect(sentiment.score).toBeGreaterThanOrEqual(-1);
      expect(sentiment.score).toBeLessThanOrEqual(1);
      expect(['positive', 'negative', 'neutral']).toContain(sentiment.label);
    };

    it('handles empty, blank and punctuation-only text', () => {
      for (const text of ['', ' ', '\n\t  \r\n', '!!!???', '...', '-- , --', '\u200d\ufe0f']) {
        inRange(text);
        expect(scoreSentiment(text).label).toBe('neutral');
      }
    });

    it('handles binary junk and lone surrogates', () => {
      let junk = '';
      for (let code = 0; code < 0xffff; code += 7) junk += String.fromCharCode(code);
      inRange(junk);
      inRange('\ud83d good \udc4d bad \u0000\u0001');
      inRange(Buffer.from(Array.from({ length: 4096 }, (_, index) => (index * 131) % 256)).toString('latin1'));
    });

    it('handles mixed scripts, scoring the English words it knows', () => {
      inRange('Это отличный продукт! 这是很好的产品 هذا منتج رائع');
      expect(score('Service rapide, merci! great job 👍 素晴らしい')).toBeGreaterThan(0);
    });

    it('handles 100,000-character texts quickly, scoring only their opening', () => {
      const long = 'great '.repeat(20_000);
      const noSpaces = 'x'.repeat(100_000);
      const started = performance.now();
      inRange(long);
      inRange(noSpaces);
      inRange('😡'.repeat(50_000));
      expect(performance.now() - started).toBeLessThan(1_000);
      expect(score(`${'awful '.repeat(5_000)}${'great '.repeat(10_000)}`)).toBeLessThan(0);
    });

    it('does not break on a stream of distinct junk words', () => {
      for (let index = 0; index < 60_000; index += 1) {
        if (index % 10_000 === 0) inRange(`zq${index.toString(36)}x ${index} 🦄${String.fromCodePoint(0x1f000 + (index % 2000))}`);
        else scoreSentiment(`zq${index.toString(36)}x`);
      }
      expect(score('good')).toBeGreaterThan(0);
    });

    it('returns a neutral result for a value that is not a string at run time', () => {
      const untyped: unknown = undefined;
      expect(scoreSentiment(untyped as string)).toEqual({ score: 0, label: 'neutral' });
    });
  });
});
