/**
 * The annotated document: the one linguistic reading of an article that
 * every extractor shares (tokens with offsets into the cleaned text, Universal
 * POS tags, lemmas, word shapes, sentence token ranges, quotation spans,
 * dates and numbers). 03-extract computes it once per article and passes it
 * to each extractor, so no extractor tokenizes or scans the raw text itself.
 *
 * Tagging comes from wink-nlp with its English lite model (MIT): it tags and
 * lemmatizes at a few MB/s on one thread (README, "Linguistic layer"). The
 * model is loaded once per process or worker thread, on first use.
 *
 * Each sentence of `Document.sentences` is tagged on its own: the tokens of a
 * sentence never straddle a sentence boundary and every token's `sentence`
 * is the `sentence_index` of the sentence it lies in. wink keeps every
 * character of its input (token values plus their preceding spaces rebuild
 * the text), so offsets are found by walking the sentence text.
 */
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import type { Document } from '../../schemas/pipeline.ts';
import { quoteSpans } from '../extract/quotes.ts';

export interface Token {
  /** Index in AnnotatedDocument.tokens. */
  readonly i: number;
  /** Exactly doc.text.slice(start, end). */
  readonly text: string;
  /** Offsets into Document.text (the cleaned text), UTF-16 code units. */
  readonly start: number;
  readonly end: number;
  /** sentence_index of the sentence the token lies in (same numbering as Document.sentences). */
  readonly sentence: number;
  /** Universal POS tag: NOUN VERB PROPN ADJ ADV ADP AUX DET NUM PRON PUNCT PART CCONJ SCONJ SYM INTJ X SPACE. */
  readonly pos: string;
  /** Lower-case lemma ("shelled" -> "shell", "took" -> "take"). */
  readonly lemma: string;
  /** Word shape: letters X/x, digits d, other characters kept, runs longer than 4 cut to 4 ("Xxxx", "XX", "dd", "d,ddd", "x.x."). */
  readonly shape: string;
}

/** The tokens of one sentence: the range [first, end) of AnnotatedDocument.tokens. */
export interface SentenceTokens {
  readonly sentence: number;
  readonly first: number;
  readonly end: number;
}

/** A character span of Document.text. */
export interface Span {
  readonly start: number;
  readonly end: number;
}

/** A date mention resolved against the article's date. */
export interface DateSpan extends Span {
  readonly sentence: number;
  readonly text: string;
  /** First and last day covered (ISO yyyy-mm-dd). */
  readonly date_start: string;
  readonly date_end: string;
  readonly precision: 'day' | 'month' | 'year';
}

/** A number written in digits or words, with its value. */
export interface NumberSpan extends Span {
  readonly sentence: number;
  readonly text: string;
  readonly value: number;
}

export interface AnnotatedDocument {
  readonly doc: Document;
  readonly tokens: readonly Token[];
  /** One per Document.sentences entry, same order. */
  readonly sentences: readonly SentenceTokens[];
  /** Quotation spans (character offsets, the marks included). */
  readonly quotes: readonly Span[];
  /** Date mentions, resolved once against the article date. */
  readonly dates: readonly DateSpan[];
  /** Numeric spans with their parsed value. */
  readonly numbers: readonly NumberSpan[];
}

/** The word lists the layer reads, chosen by the article's language. */
export interface Lexicons {
  readonly language: string;
}

const ENGLISH: Lexicons = { language: 'en' };

/** Lexicons for an article language (English for now; other languages fall back to it). */
export const lexiconsFor = (_language: string): Lexicons => ENGLISH;

type Wink = ReturnType<typeof winkNLP>;
let engine: Wink | null = null;
/** wink-nlp with the English model, loaded once per thread (about 50 ms). */
const wink = (): Wink => (engine ??= winkNLP(model, ['pos']));

/** Word shape, runs of the same class cut to 4: "Springfield" -> "Xxxxx", "1,200" -> "d,ddd", "U.S." -> "X.X.". */
export function wordShape(text: string): string {
  let out = '';
  let last = '';
  let run = 0;
  for (const ch of text) {
    const c = /\p{Lu}/u.test(ch) ? 'X' : /\p{L}/u.test(ch) ? 'x' : /\p{Nd}/u.test(ch) ? 'd' : ch;
    run = c === last ? run + 1 : 1;
    last = c;
    if (run <= 4) out += c;
  }
  return out;
}

const DIGITS = /^\d{1,3}(?:,\d{3})+(?:\.\d+)?$|^\d+(?:\.\d+)?$/;

/** Tokens of one sentence, appended to `out`; offsets relative to the document. */
function tagSentence(text: string, from: number, sentence: number, out: Token[]): void {
  const nlp = wink();
  const its = nlp.its;
  const tokens = nlp.readDoc(text).tokens();
  const values = tokens.out(its.value) as string[];
  const spaces = tokens.out(its.precedingSpaces) as string[];
  const pos = tokens.out(its.pos) as string[];
  // wink's type for its.lemma does not match out()'s parameter (it works: the model has the lemmatizer)
  const lemmas = tokens.out(its.lemma as unknown as typeof its.value) as string[];
  let at = 0;
  // wink leaves a few lemmas undefined ("cannot" before a comma): the word itself stands in
  for (let k = 0; k < values.length; k++) {
    const value = values[k]!;
    at += spaces[k]!.length;
    // wink rebuilds its input exactly; search forward only if it ever does not
    if (!text.startsWith(value, at)) {
      const found = text.indexOf(value, at);
      if (found < 0) continue;
      at = found;
    }
    const start = from + at;
    at += value.length;
    out.push({ i: out.length, text: value, start, end: start + value.length, sentence, pos: pos[k]!, lemma: (lemmas[k] ?? value).toLowerCase(), shape: wordShape(value) });
  }
}

/** Numbers written in digits ("1,200", "3.5"): the first version of the number layer. */
function digitNumbers(tokens: readonly Token[]): NumberSpan[] {
  const out: NumberSpan[] = [];
  for (const t of tokens) if (DIGITS.test(t.text)) out.push({ start: t.start, end: t.end, sentence: t.sentence, text: t.text, value: Number(t.text.replace(/,/g, '')) });
  return out;
}

/** The annotated document of one article (pure: same document, same annotation). */
export function annotate(doc: Document, lex: Lexicons = lexiconsFor(doc.article.language)): AnnotatedDocument {
  void lex;
  const tokens: Token[] = [];
  const sentences: SentenceTokens[] = [];
  for (const s of doc.sentences) {
    const first = tokens.length;
    tagSentence(doc.text.slice(s.char_start, s.char_end), s.char_start, s.sentence_index, tokens);
    sentences.push({ sentence: s.sentence_index, first, end: tokens.length });
  }
  return { doc, tokens, sentences, quotes: quoteSpans(doc.text), dates: [], numbers: digitNumbers(tokens) };
}

/** The tokens of a sentence (by its position in Document.sentences). */
export const sentenceTokens = (ann: AnnotatedDocument, k: number): readonly Token[] => {
  const r = ann.sentences[k];
  return r ? ann.tokens.slice(r.first, r.end) : [];
};
