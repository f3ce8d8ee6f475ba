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
import numberWords from '../lexicons/number-words.json' with { type: 'json' };
import { nounChunks, type NounChunk } from './chunks.ts';
import { findNumbers, type NumberWords } from './numbers.ts';
import { quoteSpans, type QuoteSpan } from './quotes.ts';
import { findDatesEachWay, type DateHit } from '../lib/temporal.ts';

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

/** What a date mention means read one way: first and last day covered (ISO yyyy-mm-dd) and how precise it is. */
export interface DateReading {
  readonly date_start: string;
  readonly date_end: string;
  readonly precision: 'day' | 'month' | 'year';
}

/**
 * A date mention resolved against the article's publication date. A weekday
 * or a date without its year depends on the tense ("met on Friday": the
 * Friday before; "will meet on Friday": the one after), so each mention
 * carries its reading each way; the top-level fields are the nearest
 * reading. A reading is null when the mention is not one span read that
 * way (a range joined only in one direction).
 */
export interface DateSpan extends Span, DateReading {
  readonly sentence: number;
  readonly text: string;
  readonly past: DateReading | null;
  readonly future: DateReading | null;
  readonly nearest: DateReading | null;
}

export type DateDirection = 'past' | 'future' | 'nearest';

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
  /** Quotation spans: the text between the marks (spaces not trimmed), with the rule that delimited it (pipeline/nlp/quotes.ts). */
  readonly quotes: readonly QuoteSpan[];
  /** Date mentions, resolved once against the article date. */
  readonly dates: readonly DateSpan[];
  /** Numeric spans with their parsed value (pipeline/nlp/numbers.ts). */
  readonly numbers: readonly NumberSpan[];
  /** Base noun phrases from the POS tags, in order (pipeline/nlp/chunks.ts). */
  readonly chunks: readonly NounChunk[];
}

/** The word lists the layer reads, chosen by the article's language. */
export interface Lexicons {
  readonly language: string;
  readonly numberWords: NumberWords;
}

const ENGLISH: Lexicons = {
  language: 'en',
  numberWords: { units: numberWords.units, tens: numberWords.tens, scales: numberWords.scales, dozen: numberWords.dozen },
};

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
    const code = ch.charCodeAt(0);
    // ASCII by code (most characters), the rest by Unicode class
    const c =
      code < 128
        ? code >= 65 && code <= 90
          ? 'X'
          : code >= 97 && code <= 122
            ? 'x'
            : code >= 48 && code <= 57
              ? 'd'
              : ch
        : /\p{Lu}/u.test(ch)
          ? 'X'
          : /\p{L}/u.test(ch)
            ? 'x'
            : /\p{Nd}/u.test(ch)
              ? 'd'
              : ch;
    run = c === last ? run + 1 : 1;
    last = c;
    if (run <= 4) out += c;
  }
  return out;
}

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
    out.push({
      i: out.length,
      text: value,
      start,
      end: start + value.length,
      sentence,
      pos: pos[k]!,
      lemma: (lemmas[k] ?? value).toLowerCase(),
      shape: wordShape(value),
    });
  }
}

/**
 * Date mentions of every sentence, one chrono pass each (lib/temporal.ts),
 * resolved against the publication date (with none, only dates that state
 * their year).
 */
function findDateSpans(doc: Document): DateSpan[] {
  const out: DateSpan[] = [];
  const reference = doc.article.published_date;
  for (const s of doc.sentences) {
    const each = findDatesEachWay(s.text, reference);
    const spans = new Map<string, { index: number; text: string; past: DateReading | null; future: DateReading | null; nearest: DateReading | null }>();
    for (const way of ['nearest', 'past', 'future'] as const) {
      for (const h of each[way]) {
        const key = `${h.index}:${h.text.length}`;
        const span = spans.get(key) ?? { index: h.index, text: h.text, past: null, future: null, nearest: null };
        span[way] = { date_start: h.start, date_end: h.end, precision: h.precision };
        spans.set(key, span);
      }
    }
    for (const d of [...spans.values()].sort((a, b) => a.index - b.index || a.text.length - b.text.length)) {
      const main = (d.nearest ?? d.past ?? d.future)!;
      const start = s.char_start + d.index;
      out.push({ start, end: start + d.text.length, sentence: s.sentence_index, text: d.text, ...main, past: d.past, future: d.future, nearest: d.nearest });
    }
  }
  return out;
}

/**
 * The dates of one sentence read one way, as lib/temporal.ts findDates gives
 * them for that sentence's text (index relative to the sentence).
 */
export function sentenceDates(ann: AnnotatedDocument, sentence: number, direction: DateDirection): DateHit[] {
  const { starts, dates } = sentenceIndex(ann);
  const at = starts.get(sentence);
  if (at === undefined) return [];
  const out: DateHit[] = [];
  for (const d of dates.get(sentence) ?? []) {
    const r = d[direction];
    if (r) out.push({ index: d.start - at, text: d.text, start: r.date_start, end: r.date_end, precision: r.precision });
  }
  return out;
}

/** Sentence starts and date spans by sentence, made once per annotated document (a lookup per call scanned every sentence and date: quadratic in a long article). */
const sentenceIndexes = new WeakMap<AnnotatedDocument, { starts: Map<number, number>; dates: Map<number, AnnotatedDocument['dates'][number][]> }>();
function sentenceIndex(ann: AnnotatedDocument) {
  let ix = sentenceIndexes.get(ann);
  if (!ix) {
    const starts = new Map<number, number>();
    for (const s of ann.doc.sentences) if (!starts.has(s.sentence_index)) starts.set(s.sentence_index, s.char_start);
    const dates = new Map<number, AnnotatedDocument['dates'][number][]>();
    for (const d of ann.dates) {
      const list = dates.get(d.sentence);
      if (list) list.push(d);
      else dates.set(d.sentence, [d]);
    }
    ix = { starts, dates };
    sentenceIndexes.set(ann, ix);
  }
  return ix;
}

/** The same annotation with its dates read against another publication date (an undated article given its story's date). */
export function redate(ann: AnnotatedDocument, published_date: string): AnnotatedDocument {
  const doc = { ...ann.doc, article: { ...ann.doc.article, published_date } };
  return { ...ann, doc, dates: findDateSpans(doc) };
}

/** The annotated document of one article (pure: same document, same annotation). */
export function annotate(doc: Document, lex: Lexicons = lexiconsFor(doc.article.language)): AnnotatedDocument {
  const tokens: Token[] = [];
  const sentences: SentenceTokens[] = [];
  for (const s of doc.sentences) {
    const first = tokens.length;
    tagSentence(doc.text.slice(s.char_start, s.char_end), s.char_start, s.sentence_index, tokens);
    sentences.push({ sentence: s.sentence_index, first, end: tokens.length });
  }
  return {
    doc,
    tokens,
    sentences,
    quotes: quoteSpans(doc.text),
    dates: findDateSpans(doc),
    numbers: findNumbers(doc.text, tokens, lex.numberWords),
    chunks: nounChunks(tokens),
  };
}

/** The tokens of a sentence (by its position in Document.sentences). */
export const sentenceTokens = (ann: AnnotatedDocument, k: number): readonly Token[] => {
  const r = ann.sentences[k];
  return r ? ann.tokens.slice(r.first, r.end) : [];
};
