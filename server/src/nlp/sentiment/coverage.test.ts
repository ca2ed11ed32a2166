import { describe, expect, it } from 'vitest';
import { analyzeText, sentimentAndIntent } from '../analyze.js';
import { detectLanguage } from '../language/language.js';
import { readsSentimentOf, sentimentIn } from './coverage.js';

const NOT_ANALYSED = { score: null, label: null };
const read = (text: string) => sentimentIn(text, detectLanguage(text));

describe('sentiment coverage', () => {
  it('leaves text in languages the lexicons do not cover not analysed, rather than neutral', () => {
    for (const text of [
      'Ma commande n’est toujours pas livrée, quelle galère.',
      'Der Kundendienst hat sich nie bei mir gemeldet.',
      'La aplicación se cierra cada vez que la abro.',
      'Il rimborso non è mai arrivato.',
      'Obrigado pela ajuda, mas o aplicativo continua travando.',
      'Het pakket is nooit aangekomen.',
      'Danke für die schnelle Antwort!',
      '配送がとても遅いです。',
      'Спасибо, но заказ так и не пришёл.',
      'الخدمة سيئة جدا',
    ])
      expect(read(text), text).toEqual(NOT_ANALYSED);
  });

  it('still reads English that the detector takes for another language', () => {
    // Short posts of rarer words look Romanian or French to the detector, with some confidence.
    expect(sentimentIn('Superb acting, dreadful script.', { language: 'ro', confidence: 0.89 }).label).not.toBeNull();
    expect(sentimentIn('A tender, luminous debut.', { language: 'fr', confidence: 0.79 }).label).not.toBeNull();
    expect(sentimentIn('Dreadful service.', { language: 'ro', confidence: 0.73 })).toMatchObject({ label: 'negative' });
  });

  it('reads a message mostly in English with a foreign word or two, whatever language it is given', () => {
    expect(sentimentIn('Terrible update, quelle horreur', { language: 'fr', confidence: 0.9 })).toMatchObject({ label: 'negative' });
    expect(sentimentIn('Danke schön, great support', { language: 'de', confidence: 0.62 })).toMatchObject({ label: 'positive' });
    // More of the other language's common words than English ones: not read.
    expect(sentimentIn('Vielen Dank für die Hilfe und den Support, great', { language: 'de', confidence: 0.62 })).toEqual(NOT_ANALYSED);
  });

  it('reads text whose language is undetermined, such as emoji alone', () => {
    expect(read('😡😡')).toMatchObject({ label: 'negative' });
    expect(read('👍')).toMatchObject({ label: 'positive' });
  });

  it('follows the detector when a text has no common word of either language only if it is all but sure', () => {
    expect(readsSentimentOf('Ottimo servizio', { language: 'it', confidence: 0.99 })).toBe(false);
    expect(readsSentimentOf('Ottimo servizio', { language: 'it', confidence: 0.6 })).toBe(true);
  });

  it('is what the pipeline stores for a message and for a part of one', () => {
    expect(analyzeText('Mein Paket ist beschädigt angekommen, sehr ärgerlich.').sentiment).toEqual(NOT_ANALYSED);
    expect(analyzeText('My parcel arrived damaged, very annoying.').sentiment).toMatchObject({ label: 'negative' });
    expect(sentimentAndIntent('Le colis est arrivé abîmé.').sentiment).toEqual(NOT_ANALYSED);
    expect(sentimentAndIntent('The parcel arrived damaged.').sentiment).toMatchObject({ label: 'negative' });
  });
});
