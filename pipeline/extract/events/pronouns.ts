/**
 * Pronouns that stand for an actor in the roles of an event: the subject right
 * before a trigger ("He was arrested on Monday", "They rejected the offer") or
 * the object right after a trigger verb ("Police arrested him"). Each becomes a
 * sentence actor at the pronoun's place, pointing at the actor mention it
 * stands for, so the role rules (./roles.ts) read it as they read a name there.
 *
 * The antecedent: the first actor mention of the right kind in the same
 * sentence before the pronoun and a reporting verb ("X said he ..."), else in
 * each of the two sentences before, the first one there (a sentence's subject mostly comes first and is what the next
 * sentence's pronoun takes up). "he", "she", "him", "her" take a person;
 * "it", "they", "them" a body, a country or a group (a plural of people named
 * one by one is not looked for). "it" stands for an actor only as the subject
 * of an active verb: "it was destroyed" is mostly a thing. "I" and "me" inside a
 * quote stand for its speaker, named next to it with a reporting verb.
 */
import type { AnnotatedDocument, Token } from '../../nlp/document.ts';
import type { SentenceActor } from './roles.ts';
import { beforeVerb } from '../../nlp/chunks.ts';
import { HEAD_WORDS } from '../actors/people.ts';

const PERSON_PRONOUNS: ReadonlySet<string> = new Set(['he', 'she', 'him', 'her']);
/** "I" and "me" in a quote are its speaker (see speakerOf). */
const FIRST_PERSON: ReadonlySet<string> = new Set(['i', 'me']);
/** Characters between a quote and the name of its speaker, across a reporting verb ('", said X', 'X told reporters: "'). */
const SPEAKER_GAP = 40;

/**
 * The speaker of the quote around a first-person pronoun at token `p`: the person named right after the quote or
 * right before it, with a reporting verb between ('"I was banned," said Ana Ruiz'; 'Ana Ruiz said: "They banned me"').
 */
function speakerOf(
  p: Token,
  quotes: readonly (readonly [number, number])[],
  bySentence: ReadonlyMap<number, readonly SentenceActor[]>,
  reporting: readonly (readonly [number, number])[],
): SentenceActor | undefined {
  const q = quotes.find(([a, b]) => a <= p.start && p.end <= b);
  if (!q) return undefined;
  const people = (bySentence.get(p.sentence) ?? []).filter((m) => m.type === 'person' && !m.pronoun);
  const reported = (from: number, to: number) => reporting.some(([a, b]) => a >= from && b <= to);
  return (
    people.find((m) => m.start >= q[1] && m.start - q[1] <= SPEAKER_GAP && reported(q[1], m.start + 1) && reported(q[1], m.end + 20)) ??
    people.filter((m) => m.end <= q[0] && q[0] - m.end <= SPEAKER_GAP && reported(m.end, q[0])).at(-1)
  );
}
const BODY_PRONOUNS: ReadonlySet<string> = new Set(['it', 'they', 'them']);
const OBJECT_PRONOUNS: ReadonlySet<string> = new Set(['him', 'her', 'them']);
/** Sentences before the pronoun's own where its antecedent is looked for. */
export const ANTECEDENT_SENTENCES = 2;

/** The antecedent of a pronoun at token `p`, or undefined. */
function antecedent(
  p: Token,
  bySentence: ReadonlyMap<number, readonly SentenceActor[]>,
  reporting: readonly (readonly [number, number])[],
  ann?: AnnotatedDocument,
  depth = 0,
): SentenceActor | undefined {
  const word = p.text.toLowerCase();
  const person = PERSON_PRONOUNS.has(word);
  // ("he" is no woman's, "she" no man's, where an honorific says which: "Mrs Kovac")
  const gender = word === 'he' || word === 'him' ? 'f' : word === 'she' || word === 'her' ? 'm' : undefined;
  const fits = (m: SentenceActor) => (person ? m.type === 'person' && (!gender || m.gender !== gender) : m.type !== 'person');
  // in its own sentence only the one who says what the pronoun then does ("X said he would resign"): another
  // name before it is as often someone else ("praising X's leadership, he criticised ...")
  const same = (bySentence.get(p.sentence) ?? []).find((m) => m.end <= p.start && fits(m) && reporting.some(([a, b]) => a >= m.end && b <= p.start));
  if (same) return same;
  for (let s = p.sentence - 1; s >= p.sentence - ANTECEDENT_SENTENCES && s >= 0; s--) {
    const m = (bySentence.get(s) ?? []).find(fits);
    // a sentence opened by the same pronoun, before any name that fits, goes on telling of the one it stands for
    // ("Ana Bell flew in. She met Tom Baker there. She will ..."; not Tom Baker)
    // (also a later "he" of the sentence, before any name that fits: "After a year abroad, he ...")
    const opening = person && ann && depth < 4 ? firstPronoun(ann, s, word, m?.start ?? Infinity) : undefined;
    if (opening) return antecedent(opening, bySentence, reporting, ann, depth + 1);
    if (m) return m;
    // a sentence whose subject is someone unnamed by title ("The party's spokesman said ...") holds the antecedent,
    // unnamed: a name further back is someone else
    if (person && ann && titledSubject(ann, p.i, s)) return undefined;
  }
  return undefined;
}

/** A person's pronoun opening the sentence, right before a verb or an auxiliary ("He gained ...", "She has won ..."). */
function openingSubject(ann: AnnotatedDocument, s: number): Token | undefined {
  const range = ann.sentences[s];
  if (!range) return undefined;
  let k = range.first;
  while (k < range.end && ann.tokens[k]!.pos === 'PUNCT') k++;
  if (k < range.end && /^(?:but|and|yet)$/i.test(ann.tokens[k]!.text)) k++;
  const t = ann.tokens[k];
  const next = ann.tokens[k + 1];
  return t && next && k + 1 < range.end && t.pos === 'PRON' && PERSON_PRONOUNS.has(t.text.toLowerCase()) && ['VERB', 'AUX', 'ADV'].includes(next.pos)
    ? t
    : undefined;
}

/** Whether the -ing verb at token `first` opens a participle clause after a comma or a conjunction of time (", voting", ", and later rejecting", "before visiting"). */
export function participleAdjunct(ann: AnnotatedDocument, first: number, sentence: number): boolean {
  const t = ann.tokens[first];
  if (!t || !/ing$/i.test(t.text) || t.pos !== 'VERB') return false;
  let k = first - 1;
  while (k >= 0 && ann.tokens[k]!.sentence === sentence && (ann.tokens[k]!.pos === 'ADV' || /^and$/i.test(ann.tokens[k]!.text))) k--;
  const before = ann.tokens[k];
  return !!before && before.sentence === sentence && (before.text === ',' || /^(?:before|after|while|since|without)$/i.test(before.text));
}

/** The first pronoun `word` ("he", "she") of sentence `s` that lies before offset `before`, as a subject. */
function firstPronoun(ann: AnnotatedDocument, s: number, word: string, before: number): Token | undefined {
  const range = ann.sentences[s];
  if (!range) return undefined;
  for (let k = range.first; k < range.end && ann.tokens[k]!.start < before; k++) {
    const t = ann.tokens[k]!;
    if (t.pos === 'PRON' && t.text.toLowerCase() === word) return t;
  }
  return undefined;
}

/** Whether sentence `s` (before token `from`) opens with "the" and a title within four words ("The health spokesman said"). */
function titledSubject(ann: AnnotatedDocument, from: number, s: number): boolean {
  let k = from;
  while (k > 0 && ann.tokens[k - 1]!.sentence >= s) k--;
  while (k < from && ann.tokens[k]!.pos === 'PUNCT') k++;
  if (ann.tokens[k]?.sentence !== s || ann.tokens[k]!.text.toLowerCase() !== 'the') return false;
  for (let j = k + 1; j <= k + 4 && j < from && ann.tokens[j]!.sentence === s; j++) if (HEAD_WORDS.has(ann.tokens[j]!.text.toLowerCase())) return true;
  return false;
}

/**
 * `reporting`: the document spans of the sentence's reporting verbs.
 * Sentence actors for the pronouns that are the subject of a trigger starting at a token of `triggerTokens` or the
 * object of a trigger verb ending at one, offsets relative to the sentence start `sentenceStart`. `bySentence`: the
 * article's actor mentions by sentence index, in text order, with document offsets.
 */
export function pronounActors(
  ann: AnnotatedDocument,
  sentence: number,
  sentenceStart: number,
  triggers: readonly { readonly first: number; readonly last: number; readonly active: boolean }[],
  bySentence: ReadonlyMap<number, readonly SentenceActor[]>,
  reporting: readonly (readonly [number, number])[],
  quotes: readonly (readonly [number, number])[] = [],
): SentenceActor[] {
  const out = new Map<number, SentenceActor>();
  const add = (p: Token) => {
    if (out.has(p.i)) return;
    const a = FIRST_PERSON.has(p.text.toLowerCase()) ? speakerOf(p, quotes, bySentence, reporting) : antecedent(p, bySentence, reporting, ann);
    if (a)
      out.set(p.i, {
        mention: a.mention,
        start: p.start - sentenceStart,
        end: p.end - sentenceStart,
        name: a.name,
        type: a.type,
        pronoun: true,
        ...(FIRST_PERSON.has(p.text.toLowerCase()) ? { firstPerson: true } : {}),
      });
  };
  for (const t of triggers) {
    // the subject: a pronoun right before the trigger, over auxiliaries and adverbs
    // (and over "to" after a verb or an adjective, whose subject does the infinitive: "he is due to hold talks", "they
    // vowed to strike", "she was forced to resign"; not after a noun or a name, "a bid to", "urged Kestrel to")
    let k = t.first - 1;
    for (let n = 0; n < 6 && ann.tokens[k]?.sentence === sentence; n++) {
      const tok = ann.tokens[k]!;
      const prev = ann.tokens[k - 1];
      if (beforeVerb(tok)) k--;
      else if (tok.text.toLowerCase() === 'to' && tok.pos === 'PART' && prev?.sentence === sentence && (prev.pos === 'VERB' || prev.pos === 'ADJ')) k -= 2;
      else break;
    }
    const subj = ann.tokens[k];
    const word = subj?.text.toLowerCase() ?? '';
    if (subj && subj.sentence === sentence && subj.pos === 'PRON' && !OBJECT_PRONOUNS.has(word) && word !== 'her') {
      if (PERSON_PRONOUNS.has(word) || FIRST_PERSON.has(word) || (BODY_PRONOUNS.has(word) && (word !== 'it' || t.active))) add(subj);
    }
    // a participle clause after a comma has the subject of the clause it hangs on: a person's pronoun opening the
    // sentence ("He won the seat in 1970, voting against the plan and later rejecting a post")
    const opening = openingSubject(ann, sentence);
    if (opening && opening.i < t.first && participleAdjunct(ann, t.first, sentence)) add(opening);
    // the object: a pronoun right after the verb, not a possessive before a noun ("arrested her brother")
    const obj = ann.tokens[t.last + 1];
    const after = ann.tokens[t.last + 2];
    const possessive = !!after && after.sentence === sentence && ['NOUN', 'PROPN', 'ADJ', 'NUM'].includes(after.pos);
    if (
      obj &&
      obj.sentence === sentence &&
      obj.pos === 'PRON' &&
      (OBJECT_PRONOUNS.has(obj.text.toLowerCase()) || obj.text.toLowerCase() === 'me') &&
      !(obj.text.toLowerCase() === 'her' && possessive)
    )
      add(obj);
  }
  return [...out.values()];
}
