/**
 * Latin transliteration of Cyrillic (Russian, Ukrainian, Belarusian letters) and Greek, close to the
 * common passport-style spellings, so "Иван Петров" and "Ivan Petrov" compare as the same name.
 * Other scripts are left as they are: they still compare with themselves, not with a Latin spelling.
 */

// prettier-ignore
const CYRILLIC: Record<string, string> = {
  а: 'a', б: 'b', в: 'v', г: 'g', ґ: 'g', д: 'd', е: 'e', ё: 'e', є: 'ye', ж: 'zh', з: 'z', и: 'i', і: 'i',
  ї: 'yi', й: 'y', к: 'k', л: 'l', м: 'm', н: 'n', о: 'o', п: 'p', р: 'r', с: 's', т: 't', у: 'u', ў: 'u',
  ф: 'f', х: 'kh', ц: 'ts', ч: 'ch', ш: 'sh', щ: 'shch', ъ: '', ы: 'y', ь: '', э: 'e', ю: 'yu', я: 'ya',
};

// prettier-ignore
const GREEK: Record<string, string> = {
  α: 'a', β: 'v', γ: 'g', δ: 'd', ε: 'e', ζ: 'z', η: 'i', θ: 'th', ι: 'i', κ: 'k', λ: 'l', μ: 'm', ν: 'n',
  ξ: 'x', ο: 'o', π: 'p', ρ: 'r', σ: 's', ς: 's', τ: 't', υ: 'y', φ: 'f', χ: 'ch', ψ: 'ps', ω: 'o',
};

const TABLE = new Map<string, string>([...Object.entries(CYRILLIC), ...Object.entries(GREEK)]);

/** Transliterates lower-case text; accented Greek letters are looked up by their base letter. */
export function transliterate(lowerCase: string): string {
  let out = '';
  for (const char of lowerCase) {
    const direct = TABLE.get(char);
    if (direct !== undefined) {
      out += direct;
      continue;
    }
    const base = char.normalize('NFD').charAt(0);
    const viaBase = base === char ? undefined : TABLE.get(base);
    out += viaBase ?? char;
  }
  return out;
}
