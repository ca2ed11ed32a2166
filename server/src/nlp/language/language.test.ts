import { describe, expect, it } from 'vitest';
import { detectLanguage } from './language.js';

describe('detectLanguage', () => {
  it.each([
    ['en', 'We waited an hour for the table and the waiter forgot our drinks twice.'],
    ['es', 'Mañana vamos al concierto con mis primos, ¡qué emoción!'],
    ['pt', 'Comprei um celular novo e a bateria não dura nem meio dia.'],
    ['fr', "J'adore cette boulangerie, leurs croissants sont les meilleurs du quartier."],
    ['de', 'Die Lieferung war pünktlich, aber die Verpackung war leider beschädigt.'],
    ['it', 'La pizza era buonissima ma il servizio è stato lentissimo.'],
    ['nl', 'Mijn fiets is gisteren gestolen bij het station, balen.'],
    ['pl', 'Kupiłem nowe buty do biegania i są bardzo wygodne.'],
    ['tr', 'Yarın sabah erkenden havalimanına gitmemiz gerekiyor.'],
    ['sv', 'Vi har precis flyttat till en ny lägenhet i Stockholm.'],
    ['tl', 'Salamat po sa mabilis na pagsagot sa tanong ko kahapon.'],
    ['ru', 'Сегодня весь день идёт дождь, сидим дома и смотрим кино.'],
    ['uk', 'Сьогодні ввечері йдемо до театру з друзями.'],
    ['ar', 'ذهبنا أمس إلى السوق واشترينا الكثير من الفواكه.'],
    ['fa', 'دیروز با دوستانم به سینما رفتیم و فیلم خیلی خوبی دیدیم.'],
    ['ur', 'ہم کل شام دوستوں کے ساتھ کھانا کھانے گئے تھے۔'],
    ['hi', 'कल हम दोस्तों के साथ फिल्म देखने गए थे।'],
    ['ja', '昨日は友達と映画を見に行きました。'],
    ['ko', '어제 친구들이랑 영화 보러 갔어요.'],
    ['zh', '昨天我和朋友一起去看电影了。'],
    ['th', 'เมื่อวานไปดูหนังกับเพื่อนมา สนุกมาก'],
    ['el', 'Χθες πήγαμε σινεμά με τους φίλους μου.'],
    ['he', 'אתמול הלכנו לקולנוע עם חברים.'],
  ])('recognises %s', (language, text) => {
    const detected = detectLanguage(text);
    expect(detected.language).toBe(language);
    expect(detected.confidence).toBeGreaterThan(0.3);
  });

  it('tells Japanese (kana among kanji) from Chinese (kanji only)', () => {
    expect(detectLanguage('東京駅の近くで美味しいラーメンを食べた').language).toBe('ja');
    expect(detectLanguage('东京站附近的拉面很好吃').language).toBe('zh');
  });

  it("answers 'und' when there is nothing to go on", () => {
    for (const text of ['', '   ', 'ok', 'lol', '12345 !!!', '😀😀😀🔥', 'https://t.co/x1', '\u0000\u0001\u0002\uffff']) {
      expect(detectLanguage(text)).toEqual({ language: 'und', confidence: 0 });
    }
  });

  it('follows the main script of a mixed-script text and lowers its confidence', () => {
    const pure = detectLanguage('Спасибо за быструю доставку, всё пришло целым.');
    const mixed = detectLanguage('Спасибо за быструю доставку, всё пришло целым. Thanks a lot!');
    expect(mixed.language).toBe('ru');
    expect(mixed.confidence).toBeLessThan(pure.confidence);
  });

  it('is not fooled by capitals, hashtags, mentions and links', () => {
    expect(detectLanguage('@shop THE PARCEL NEVER ARRIVED AND NOBODY ANSWERS #fail https://t.co/abc').language).toBe('en');
  });

  it('never throws and stays fast on hostile input', () => {
    const random = Array.from({ length: 100_000 }, (_, i) => String.fromCharCode((i * 7919) % 0xffff)).join('');
    const lone = '\ud800'.repeat(1000);
    const huge = 'the quick brown fox jumps over the lazy dog '.repeat(2500);
    const started = performance.now();
    for (const text of [random, lone, huge]) {
      const detected = detectLanguage(text);
      expect(detected.confidence).toBeGreaterThanOrEqual(0);
      expect(detected.confidence).toBeLessThanOrEqual(1);
    }
    expect(detectLanguage(huge).language).toBe('en');
    expect(performance.now() - started).toBeLessThan(200);
  });
});
