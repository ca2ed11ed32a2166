/**
 * Words that change the strength or direction of the sentiment words after them rather than carrying
 * sentiment of their own: intensifiers ("very"), diminishers ("slightly"), negators ("never") and
 * the contrast words whose following clause weighs more ("but"). Keys are lower case.
 */

/** How much an intensifier adds to (or a diminisher takes from) the magnitude of a word's valence. */
export const BOOST_STEP = 0.293;

const intensifiers = [
  'absolutely',
  'amazingly',
  'awfully',
  'completely',
  'considerably',
  'crazy',
  'damn',
  'decidedly',
  'deeply',
  'effing',
  'enormously',
  'entirely',
  'especially',
  'exceptionally',
  'extremely',
  'fabulously',
  'flipping',
  'freaking',
  'frickin',
  'fricking',
  'friggin',
  'frigging',
  'fucking',
  'fully',
  'greatly',
  'hella',
  'highly',
  'hugely',
  'incredibly',
  'insanely',
  'intensely',
  'majorly',
  'mega',
  'more',
  'most',
  'omg',
  'particularly',
  'purely',
  'quite',
  'really',
  'remarkably',
  'seriously',
  'so',
  'soo',
  'substantially',
  'super',
  'thoroughly',
  'totally',
  'tremendously',
  'uber',
  'unbelievably',
  'unusually',
  'utterly',
  'very',
  'wildly',
];

const diminishers = [
  'almost',
  'kinda',
  'kind_of',
  'less',
  'little',
  'marginally',
  'occasionally',
  'partly',
  'slightly',
  'somewhat',
  'sorta',
  'sort_of',
  'a_bit',
  'a_little',
];

/** Signed boost: positive for intensifiers, negative for diminishers. */
export const boosts: ReadonlyMap<string, number> = new Map([
  ...intensifiers.map((word): [string, number] => [word, BOOST_STEP]),
  ...diminishers.map((word): [string, number] => [word, -BOOST_STEP]),
]);

/**
 * Two-word phrases that the tokeniser joins into one token, because together they mean something
 * else than apart: diminishers ("kind of good" → kind_of, good), and "not only", which negates nothing.
 */
export const NOT_ONLY = 'not_only';
export const joinedPhrases: ReadonlyMap<string, ReadonlyMap<string, string>> = new Map([
  ['not', new Map([['only', NOT_ONLY]])],
  ['at', new Map([['least', 'at_least']])],
  ['kind', new Map([['of', 'kind_of']])],
  ['sort', new Map([['of', 'sort_of']])],
  [
    'a',
    new Map([
      ['bit', 'a_bit'],
      ['little', 'a_little'],
    ]),
  ],
]);

export const negatorWords: ReadonlySet<string> = new Set([
  'not',
  'no',
  'never',
  'none',
  'nobody',
  'nothing',
  'nowhere',
  'neither',
  'nor',
  'without',
  'cannot',
  'aint',
  'arent',
  'cant',
  'couldnt',
  'darent',
  'didnt',
  'doesnt',
  'dont',
  'hadnt',
  'hasnt',
  'havent',
  'isnt',
  'mightnt',
  'mustnt',
  'neednt',
  'oughtnt',
  'shant',
  'shouldnt',
  'wasnt',
  'werent',
  'wont',
  'wouldnt',
  'rarely',
  'seldom',
  'despite',
  'nope',
  'nah',
  'least',
  'hardly',
  'barely',
  'scarcely',
]);

/** True for "not", "never", "without", … and any contraction ending in n't (straight or curly apostrophe). */
export function isNegator(word: string): boolean {
  if (negatorWords.has(word)) return true;
  return word.endsWith("n't") || word.endsWith('n’t');
}

/** Too much of a good thing is a fault ("too sweet"), and too much of a bad one is worse ("too slow"). */
export const excessWords: ReadonlySet<string> = new Set(['too', 'overly', 'excessively']);

/** After these, "like" compares ("feels like a chore") rather than approves ("I like it"). */
export const comparingWords: ReadonlySet<string> = new Set([
  'feel',
  'feels',
  'felt',
  'feeling',
  'look',
  'looks',
  'looked',
  'looking',
  'seem',
  'seems',
  'seemed',
  'sound',
  'sounds',
  'sounded',
  'smell',
  'smells',
  'taste',
  'tastes',
  'just',
  'more',
  'much',
  'something',
  'nothing',
  'anything',
  'is',
  'was',
  'are',
  'were',
  'be',
  'been',
  "it's",
  "that's",
  'acts',
  'acted',
  'plays',
  'played',
]);

/** Words that shift the weight of a sentence onto what follows them. */
export const contrastWords: ReadonlySet<string> = new Set(['but', 'however']);

/**
 * Opening a message, these make its first clause a concession, which weighs less than what follows:
 * "Although the courier was friendly, the lamp was broken." Later in a sentence they may concede or
 * object ("friendly, although nothing got fixed"), so there they weigh nothing.
 */
export const concessionWords: ReadonlySet<string> = new Set(['although', 'though']);
