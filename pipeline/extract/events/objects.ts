/**
 * The sense of a verb trigger from its direct object and its subject (rules `object_senses` and `subject_senses` of
 * ../../lexicons/event-triggers.json, noun classes of
 * ../../lexicons/en/party-nouns.json). A verb of meeting, attacking, killing or
 * destroying reports that happening only when what it acts on can be met or
 * attacked: a person, a group, a place, a building, a vehicle. Its object is read
 * from the linguistic layer: the noun phrase right after the verb (over an adverb
 * or two), and that phrase's head word. "The mayor met the deadline", "the firm
 * struck a deal", "MPs killed the bill", "the crew shot a film" are no events;
 * "the minister attacked the plan" is criticism. A verb with no noun phrase after
 * it ("met on Monday", "clashed with police", "killed at least ten") or a time
 * there ("met last week") keeps its sense, as do proper names, actor mentions,
 * pronouns and numbers as objects: the rule only reads common nouns, so an
 * unknown word never turns a reported name into no event.
 *
 * The subject likewise for statements, backing, agreeing, protesting and
 * withdrawing: "a knee injury denied him a place", "any rise is welcome news"
 * are no acts of anyone. Only a noun phrase right before the verb counts, and
 * not one after a preposition or a verb ("lawyers for the driver denied": the
 * subject is further back), nor before an -ing form or a by-agent.
 */
import data from '../../lexicons/event-triggers.json' with { type: 'json' };
import partyNouns from '../../lexicons/en/party-nouns.json' with { type: 'json' };
import wordnetNouns from '../../lexicons/en/party-nouns.wordnet.json' with { type: 'json' };
import type { AnnotatedDocument, Token } from '../../nlp/document.ts';
import { beforeVerb, chunkEndingAt, chunkFrom, lastTokenOf } from '../../nlp/chunks.ts';
import type { TriggerHit } from './lexicon.ts';

interface RuleData {
  readonly frames: readonly string[];
  readonly forms?: readonly string[];
  readonly needs: readonly string[];
  /** Classes whose nouns never qualify, though another class has them ("met his wife": kin are people, not parties). */
  readonly except?: readonly string[];
  /** A frame to move to when the object's head is of a class ("agreements": "agree" for "struck a deal"). */
  readonly senses?: Readonly<Record<string, string>>;
  readonly then: string | null;
}

interface Rule {
  readonly frames: ReadonlySet<string>;
  readonly forms: ReadonlySet<string> | null;
  /** Common nouns that qualify as the object (the union of the classes the rule needs). */
  readonly nouns: ReadonlySet<string>;
  /** Nouns of the except classes: one anywhere in the object phrase disqualifies it ("his wife Ana"). */
  readonly except: ReadonlySet<string>;
  /** Object nouns that move the trigger to another frame. */
  readonly moves: ReadonlyMap<string, string>;
  readonly then: string | null;
}

type Classes = Readonly<Record<string, readonly string[] | string>>;

/**
 * The rules compiled against the noun classes of one or more lexicons (a class is the union of its lists; a
 * class name no lexicon has is an error, found at load).
 */
export function compileObjectSenses(rules: readonly RuleData[], lexicons: readonly Classes[]): readonly Rule[] {
  return rules.map((r) => {
    const nouns = new Set<string>();
    const classOf = (c: string) => {
      const lists = lexicons.map((l) => l[c]).filter((x): x is readonly string[] => Array.isArray(x));
      if (!lists.length) throw new Error(`object_senses: no noun class "${c}" in the party nouns`);
      return lists.flat().map((w) => w.toLowerCase());
    };
    for (const c of r.needs) for (const w of classOf(c)) nouns.add(w);
    const except = new Set((r.except ?? []).flatMap(classOf));
    for (const w of except) nouns.delete(w);
    const moves = new Map<string, string>();
    for (const [c, frame] of Object.entries(r.senses ?? {})) for (const w of classOf(c)) moves.set(w, frame);
    return { frames: new Set(r.frames), forms: r.forms ? new Set(r.forms.map((f) => f.toLowerCase())) : null, nouns, except, moves, then: r.then };
  });
}

const LEXICONS: readonly Classes[] = [partyNouns as unknown as Classes, wordnetNouns as unknown as Classes];
const RULES = compileObjectSenses((data as { object_senses?: readonly RuleData[] }).object_senses ?? [], LEXICONS);
const SUBJECT_RULES = compileObjectSenses((data as { subject_senses?: readonly RuleData[] }).subject_senses ?? [], LEXICONS);
interface PhraseRuleData extends Omit<RuleData, 'frames'> {
  readonly after: readonly string[];
}
const PHRASE_DATA = (data as { phrase_objects?: readonly PhraseRuleData[] }).phrase_objects ?? [];
/** Phrase rules: the rule (frames unused), and the prepositions after which its object is read. */
const PHRASE_RULES = compileObjectSenses(
  PHRASE_DATA.map((r) => ({ ...r, frames: [] })),
  LEXICONS,
).map((rule, k) => ({ rule, after: new Set(PHRASE_DATA[k]!.after.map((w) => w.toLowerCase())) }));
/** Times as the noun phrase after a verb are when, not what ("met last week", "struck overnight"). */
const TIMES: ReadonlySet<string> = new Set(((partyNouns as unknown as Classes)['times'] as readonly string[]).map((w) => w.toLowerCase()));

const VERB_KINDS: ReadonlySet<string> = new Set(['base', 's', 'past', 'ing', 'pp']);
const OBJECT_OPENS: ReadonlySet<string> = new Set(['DET', 'NUM', 'ADJ', 'NOUN', 'PROPN']);
const POSSESSIVE_PRONOUNS: ReadonlySet<string> = new Set(['my', 'your', 'his', 'her', 'its', 'our', 'their']);

/** A noun as written and its possible singulars ("cities" → "city", "buses" → "bus", "troops" → "troop"). */
function singulars(word: string): string[] {
  const out = [word];
  if (word.endsWith('ies')) out.push(`${word.slice(0, -3)}y`);
  if (word.endsWith('es')) out.push(word.slice(0, -2));
  if (word.endsWith('s')) out.push(word.slice(0, -1));
  return out;
}

/** The head token of the noun phrase that is the direct object of the verb ending at token `last`, or null when there is none. */
export function objectHead(ann: AnnotatedDocument, last: number): Token | null {
  const verb = ann.tokens[last]!;
  let k = last + 1;
  // over an adverb or two ("attacked again the", "met briefly the")
  for (let n = 0; n < 2 && ann.tokens[k]?.sentence === verb.sentence && ann.tokens[k]!.pos === 'ADV'; n++) k++;
  const first = ann.tokens[k];
  if (!first || first.sentence !== verb.sentence) return null;
  // an amount of money right after the verb is its object ("handed over $10,000")
  if (first.pos === 'SYM' && CURRENCY.test(first.text)) return first;
  const demonstrative = first.pos === 'PRON' && DEMONSTRATIVES.has(first.text.toLowerCase());
  if (!OBJECT_OPENS.has(first.pos) && !demonstrative && !(first.pos === 'PRON' && POSSESSIVE_PRONOUNS.has(first.text.toLowerCase()))) return null;
  const chunk = chunkFrom(ann.chunks, k);
  const head = chunk ? ann.tokens[chunk.head]! : null;
  if (head && head.pos !== 'NUM' && head.pos !== 'SYM') return head;
  // an amount opening the phrase is not its head, the noun it measures is ("struck a $1bn cost-cutting deal"), nor
  // is a demonstrative ("received this qualifying notice"): the last noun of the run of modifiers after it
  if (!head && !demonstrative && !ann.tokens.slice(k, k + 3).some((w) => w.pos === 'NUM' || w.pos === 'SYM')) return null;
  let noun: Token | null = null;
  for (let j = k; j <= k + 8 && ann.tokens[j]?.sentence === verb.sentence; j++) {
    const w = ann.tokens[j]!;
    const modifier =
      ['DET', 'NUM', 'SYM', 'ADJ', 'X'].includes(w.pos) ||
      (w.pos === 'PUNCT' && w.text === '-') ||
      (w.pos === 'VERB' && /ing$/i.test(w.text)) ||
      (j === k && demonstrative);
    if (w.pos === 'NOUN') noun = w;
    else if (!modifier) break;
  }
  // (an amount of money with no noun after it is the money: its currency sign stands for it)
  const sign = ann.tokens.slice(k, k + 2).find((w) => w.pos === 'SYM' && CURRENCY.test(w.text));
  return noun ?? (sign && head && (head.pos === 'NUM' || head.pos === 'SYM') ? sign : head);
}

/** Currency signs. */
const CURRENCY = /^[$£€¥₹]$/u;

/** Demonstratives the tagger reads as pronouns before a noun ("this notice", "those talks"). */
const DEMONSTRATIVES: ReadonlySet<string> = new Set(['this', 'that', 'these', 'those']);

/**
 * The head token of the noun phrase right before the verb starting at token `at` (over auxiliaries and adverbs),
 * or null when the word before is no noun phrase (a pronoun, a relative "that", a comma, the sentence start).
 */
export function subjectHead(ann: AnnotatedDocument, at: number): Token | null {
  const verb = ann.tokens[at]!;
  let k = at - 1;
  for (let n = 0; n < 4 && ann.tokens[k]?.sentence === verb.sentence && beforeVerb(ann.tokens[k]!); n++) k--;
  const last = ann.tokens[k];
  if (!last || last.sentence !== verb.sentence || (last.pos !== 'NOUN' && last.pos !== 'PROPN')) return null;
  const chunk = chunkEndingAt(ann.chunks, k);
  if (!chunk) return null;
  // a phrase after a preposition or a verb is their object, not this verb's subject ("members interested in the
  // debate will back", "lawyers for the pair denied", "police questioning the man dismissed")
  const before = ann.tokens[chunk.first - 1];
  if (before && before.sentence === verb.sentence && (before.pos === 'ADP' || before.pos === 'VERB')) return null;
  return ann.tokens[chunk.head]!;
}

/** Whether a common noun (not a name, not inside an actor mention) is none of the rule's nouns nor a time. */
function foreign(head: Token, rule: Rule, isActor: (start: number, end: number) => boolean): boolean {
  // an amount of money is no party, place or power ("handed over $10,000", "attacked a $2m deal" aside)
  if (head.pos === 'SYM' && CURRENCY.test(head.text)) return true;
  if (head.pos !== 'NOUN' || /^\p{Lu}/u.test(head.text) || isActor(head.start, head.end)) return false;
  const word = head.text.toLowerCase();
  return !(TIMES.has(word) || singulars(word).some((w) => rule.nouns.has(w)) || rule.nouns.has(head.lemma));
}

/** Whether an -ing or -ed verb stands among the four words before the trigger in its sentence ("police investigating the case dismissed"). */
function participleBefore(ann: AnnotatedDocument, at: number): boolean {
  for (let k = at - 1; k >= at - 4 && ann.tokens[k]?.sentence === ann.tokens[at]!.sentence; k--)
    if (ann.tokens[k]!.pos === 'VERB' && /(?:ing|ed)$/i.test(ann.tokens[k]!.text)) return true;
  return false;
}

/** The last token of a trigger that starts at token `at`. */
const lastOf = (ann: AnnotatedDocument, at: number, t: TriggerHit): number => lastTokenOf(ann.tokens, at, ann.tokens[at]!.start + t.text.length);

/**
 * The trigger as its object reads it: unchanged, moved to another frame (`then`), or null (no event). Only verb
 * forms in the active voice are read (a passive's object is its subject; nouns and phrases carry their own sense).
 * `isActor(start, end)` tells whether a character span of the document lies in an actor mention.
 */
export function objectSense(
  ann: AnnotatedDocument,
  at: number | undefined,
  t: TriggerHit,
  passive: boolean,
  isActor: (start: number, end: number) => boolean,
): string | null | undefined {
  if (at !== undefined && t.kind === 'phrase') {
    // "walked out of the hotel": the place after the preposition ("walked out of the talks" keeps its sense)
    const p = PHRASE_RULES.find((r) => r.rule.forms?.has(t.text.toLowerCase().replace(/\s+/g, ' ')));
    const prep = p && ann.tokens[lastOf(ann, at, t) + 1];
    if (p && prep && prep.sentence === ann.tokens[at]!.sentence && (p.after.size === 0 || p.after.has(prep.text.toLowerCase()))) {
      // (no prepositions listed: the object right after the phrase, "handed over the money")
      const head = objectHead(ann, p.after.size === 0 ? lastOf(ann, at, t) : prep.i);
      if (head && foreign(head, p.rule, isActor)) return p.rule.then;
    }
    return undefined;
  }
  if (at === undefined || passive || t.via === 'combo' || !VERB_KINDS.has(t.kind)) return undefined;
  // the subject first: "the figures support the view", "shares rallied"
  const bySubject = SUBJECT_RULES.find((r) => r.frames.has(t.frame) && (!r.forms || r.forms.has(t.text.toLowerCase())));
  // (a participle with its by-agent after it is passive: "a move welcomed by the president")
  // (an -ing form after a noun tells what a speech, a film or a claim says, its maker's act: "a speech criticising
  // the plan"; and a noun before the verb across a participle phrase is no subject: "police investigating the
  // case dismissed")
  if (bySubject && t.kind !== 'ing' && ann.tokens[lastOf(ann, at, t) + 1]?.text.toLowerCase() !== 'by' && !participleBefore(ann, at)) {
    const subject = subjectHead(ann, at);
    if (subject && foreign(subject, bySubject, isActor)) return bySubject.then;
  }
  const rule = RULES.find((r) => r.frames.has(t.frame) && (!r.forms || r.forms.has(t.text.toLowerCase())));
  if (!rule) return undefined;
  const last = lastOf(ann, at, t);
  const head = objectHead(ann, last);
  if (!head) return undefined;
  // (a noun of the except classes anywhere in the phrase: "met his future wife Ana")
  const excepted = ann.tokens.slice(last + 1, head.i + 1).some((k) => k.pos === 'NOUN' && rule.except.has(k.text.toLowerCase()));
  if (!excepted && !foreign(head, rule, isActor)) return undefined;
  // an -ing form right before a bare noun is its adjective ("an attacking threat", "the killing blow"): no event in
  // any sense, not the other frame ("attacking the plan" is criticism)
  const next = ann.tokens[last + 1]!;
  if (t.kind === 'ing' && (next.pos === 'NOUN' || next.pos === 'ADJ')) return null;
  return excepted ? rule.then : (rule.moves.get(head.text.toLowerCase()) ?? rule.then);
}
