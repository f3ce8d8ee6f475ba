/**
 * Content flags: what kind of page an article is when it is not a full story, so an analyst can filter
 * (articles.content_flags). A paywall stub ("subscribe to continue reading" under a two-line teaser), a
 * photo gallery (a title such as "In pictures: ..." or a body made mostly of captions and credits), a stub
 * (a body of a few dozen words). Flags never drop an article: it is published and extracted as usual.
 */
import flagWords from '../lexicons/en/content-flags.json' with { type: 'json' };

export interface FlagLexicon {
  readonly paywall: readonly string[];
  readonly galleryTitle: readonly string[];
  readonly caption: readonly string[];
  readonly stubWords: number;
}

export const EN_FLAG_LEXICON: FlagLexicon = flagWords;

const fold = (s: string) => s.toLowerCase().replace(/[’‘]/g, "'").replace(/\s+/g, ' ');

/**
 * Flags of one article, sorted: `lines` are all input lines (removed furniture included: a paywall
 * notice is often removed as furniture, yet it says the body is cut), `body` the cleaned body paragraphs.
 */
export function contentFlags(title: string, lines: readonly string[], body: readonly string[], words: number, lex: FlagLexicon = EN_FLAG_LEXICON): string[] {
  const flags: string[] = [];
  const all = fold(lines.join('\n'));
  // a paywall notice beside a short body: a long article that mentions subscribing is not a stub
  if (words < 250 && lex.paywall.some((p) => all.includes(p))) flags.push('paywall');
  const t = fold(title).trim();
  const galleryTitle = lex.galleryTitle.some((g) => t === g || t.startsWith(`${g}:`) || t.startsWith(`${g} -`) || t.startsWith(`${g} –`));
  const captions = body.filter((p) => {
    const f = fold(p);
    return lex.caption.some((c) => f.includes(c));
  }).length;
  if (galleryTitle || (body.length >= 3 && captions * 2 >= body.length)) flags.push('gallery');
  if (words < lex.stubWords) flags.push('stub');
  return flags.sort();
}
