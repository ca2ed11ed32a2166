/** Languages to filter by: the most used on social networks, named in the reader's own language. */
const COMMON_LANGUAGES = [
  'en',
  'es',
  'pt',
  'fr',
  'de',
  'it',
  'nl',
  'pl',
  'sv',
  'ru',
  'uk',
  'tr',
  'ar',
  'fa',
  'hi',
  'id',
  'th',
  'vi',
  'ja',
  'ko',
  'zh',
];

const names = new Intl.DisplayNames(undefined, { type: 'language' });

export function languageName(code: string): string {
  try {
    return names.of(code) ?? code;
  } catch {
    return code;
  }
}

export const LANGUAGE_OPTIONS = COMMON_LANGUAGES.map((code) => ({ value: code, label: languageName(code) })).sort((a, b) =>
  a.label.localeCompare(b.label),
);
