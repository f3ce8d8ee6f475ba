/**
 * Language guess (ISO 639-1): the script for non-Latin text, else the share
 * of each language's commonest function words. "und" when unsure.
 */
const SCRIPTS: readonly [RegExp, string][] = [
  [/\p{Script=Hiragana}|\p{Script=Katakana}/u, 'ja'],
  [/\p{Script=Hangul}/u, 'ko'],
  [/\p{Script=Han}/u, 'zh'],
  [/\p{Script=Arabic}/u, 'ar'],
  [/\p{Script=Hebrew}/u, 'he'],
  [/\p{Script=Cyrillic}/u, 'ru'],
  [/\p{Script=Greek}/u, 'el'],
  [/\p{Script=Devanagari}/u, 'hi'],
  [/\p{Script=Thai}/u, 'th'],
];

export const FUNCTION_WORDS: Readonly<Record<string, readonly string[]>> = {
  en: ['the', 'and', 'of', 'to', 'in', 'is', 'that', 'for', 'with', 'on', 'was', 'said', 'by', 'has', 'have'],
  es: ['el', 'la', 'de', 'que', 'y', 'en', 'los', 'las', 'por', 'con', 'una', 'del', 'para', 'se', 'es'],
  fr: ['le', 'la', 'les', 'de', 'des', 'et', 'est', 'un', 'une', 'pour', 'dans', 'du', 'qui', 'pas', 'sur'],
  de: ['der', 'die', 'das', 'und', 'ist', 'nicht', 'mit', 'den', 'von', 'zu', 'ein', 'eine', 'im', 'auf', 'dem'],
  pt: ['o', 'a', 'de', 'que', 'e', 'do', 'da', 'em', 'para', 'com', 'uma', 'os', 'no', 'na', 'não'],
  it: ['il', 'di', 'che', 'e', 'la', 'per', 'un', 'non', 'con', 'del', 'della', 'una', 'sono', 'gli', 'le'],
  nl: ['de', 'het', 'een', 'en', 'van', 'is', 'dat', 'niet', 'op', 'met', 'voor', 'zijn', 'te', 'die', 'ook'],
  id: ['yang', 'dan', 'di', 'ini', 'itu', 'dengan', 'untuk', 'tidak', 'dari', 'dalam', 'akan', 'pada', 'juga', 'ke', 'ada'],
  tr: ['bir', 've', 'bu', 'da', 'de', 'için', 'ile', 'çok', 'olarak', 'daha', 'gibi', 'ama', 'olan', 'en', 'ne'],
};

export function detectLanguage(text: string): string {
  const sample = text.slice(0, 20_000);
  const letters = sample.match(/\p{L}/gu)?.length ?? 0;
  if (letters < 3) return 'und';
  for (const [re, code] of SCRIPTS) {
    const n = sample.match(new RegExp(re.source, 'gu'))?.length ?? 0;
    if (n > letters * 0.3) return code;
  }
  const tokens = sample.toLowerCase().match(/\p{L}+/gu) ?? [];
  if (tokens.length < 3) return 'und';
  let best = 'und';
  let bestScore = 0;
  for (const [code, list] of Object.entries(FUNCTION_WORDS)) {
    const set = new Set(list);
    const score = tokens.filter((t) => set.has(t)).length / tokens.length;
    if (score > bestScore) [best, bestScore] = [code, score];
  }
  return bestScore >= 0.08 ? best : 'und';
}

/** Share of the words of text (its first 20 000 characters) that are common function words of lang. */
export function functionWordShare(text: string, lang: string): number {
  const tokens =
    text
      .slice(0, 20_000)
      .toLowerCase()
      .match(/\p{L}+/gu) ?? [];
  const set = new Set(FUNCTION_WORDS[lang] ?? []);
  return tokens.length ? tokens.filter((t) => set.has(t)).length / tokens.length : 0;
}

/** Words: runs of letters, digits and inner apostrophes or hyphens. */
export const countWords = (text: string): number => text.match(/[\p{L}\p{N}]+(?:['’\-][\p{L}\p{N}]+)*/gu)?.length ?? 0;
