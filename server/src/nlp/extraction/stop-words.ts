// Small stop-word lists for the languages Rapport hears most, so that keywords are content words.
// Written for Rapport from common function words; deliberately short (the most frequent words only).

import { WordSet } from '../text/word-set.js';

const lists: Record<string, string> = {
  en: `a about above after again against all am an and any are as at be because been before being below between both but by
    can could did do does doing down during each few for from further had has have having he her here hers herself him himself
    his how i if in into is it its itself just me more most my myself no nor not now of off on once only or other our ours out
    over own same she should so some such than that the their theirs them then there these they this those through to too
    under until up very was we were what when where which while who whom why will with would you your yours yourself im ive
    dont cant wont didnt doesnt isnt its it's i'm i've don't can't won't didn't doesn't isn't get got like also still even
    really one two new via amp rt http https www com`,
  es: `a al algo ante antes como con contra cual cuando de del desde donde durante e el ella ellas ellos en entre era es esa
    ese eso esta estaba estan este esto estos fue ha hay la las le les lo los mas me mi mis mucho muy nada ni no nos o os otra
    otro para pero poco por porque que quien se sea ser si sin sobre su sus tambien te tiene tu un una uno unos y ya yo`,
  pt: `a ao aos as com como da das de do dos e ela elas ele eles em entre era essa esse esta este eu foi ha isso isto ja la
    mais mas me meu minha muito na nao nas nem no nos o os ou para pela pelo por porque que se sem ser seu sua tambem te tem
    um uma voce vocês`,
  fr: `a au aux avec ce ces cette dans de des du elle en est et eu il ils je la le les leur lui ma mais me mes moi mon ne nos
    notre nous on ou par pas pour qu que qui sa se ses son sont sur ta te tes toi ton tu un une vos votre vous c'est j'ai`,
  de: `aber alle als also am an auch auf aus bei bin bis bist da damit dann das dass dem den der des die dies doch du durch
    ein eine einem einen einer es fur für hat hatte ich ihr im in ist ja kein man mein mit nach nicht noch nur oder schon sich
    sie sind so um und uns von vor war was wie wir zu zum zur`,
  it: `a ad al alla anche che chi ci come con da dal dei del della di e era gli ha hai ho i il in io la le lo ma mi mio ne
    nel non per piu più quando quello questa questo se si sono su sua suo ti tu un una uno`,
  nl: `aan al als bij dat de den der die dit door een en er had heb heeft het hij ik in is je maar me met mij naar niet nog
    of om ook op te tot uit van voor was wat we wel wij ze zich zijn`,
};

/** Each language's list on its own (ISO 639-1 code → words), for telling the languages apart. */
export const STOP_WORDS_BY_LANGUAGE: ReadonlyMap<string, readonly string[]> = new Map(
  Object.entries(lists).map(([language, list]) => [language, list.split(/\s+/).filter((word) => word !== '')]),
);

export const STOP_WORDS = new WordSet([...STOP_WORDS_BY_LANGUAGE.values()].flat());
