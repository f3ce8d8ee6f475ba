/**
 * Who takes part in an event mention, and how: the subject before a verb
 * trigger is the source, its object the target; "between X and Y", "X and Y
 * will meet" and symmetric frames give participants; for a nominal trigger
 * only the actors attached to it count ("Hamas attack on Israel", "the
 * resignation of X", "talks with X"). Speakers of reporting verbs ("X said",
 * "according to X") are left out unless nobody else is named.
 */
import cueData from '../../lexicons/en/actor-cues.json' with { type: 'json' };
import type { EventMentionX } from '../../../schemas/pipeline.ts';
import type { TriggerHit } from './lexicon.ts';
import { groundEntered } from '../actors/people.ts';

/** An actor mention of the sentence, offsets relative to the sentence text. */
export interface SentenceActor {
  readonly mention: number;
  readonly start: number;
  readonly end: number;
  readonly name: string;
  readonly type: string;
  /** A pronoun standing for the mention (./pronouns.ts). */
  readonly pronoun?: boolean;
  /** ... an "I" or "me" in a quote, standing for its speaker: a party though the speaker is left out of what it reports. */
  readonly firstPerson?: boolean;
  /** A name that only modifies the object of an earlier verb ("froze Kestrel accounts"): no subject of a later verb. */
  readonly inObject?: boolean;
  /** A person's gender where an honorific in the article says it ("Mrs", "Sir"): which pronoun may stand for them. */
  readonly gender?: 'm' | 'f';
}

type Role = EventMentionX['actors'][number]['role'];

/** Separators inside a coordinated list ("X, Y and Z", "X (Y)", "X, including Y"). */
const COORD =
  /^\s*(?:,|,?\s*(?:and|or|as well as|along with|alongside|including|such as|plus)|\(|\)\s*,?(?:\s*and)?|\)?\s*,?\s*(?:but )?also(?: to)?(?: others such as)?)\s*(?:the\s+|its\s+|other\s+|all\s+)?$/iu;
const SPEAKER_BEFORE_VERB = /^[\s,]*(?:(?:has|have|had|also|then|later|further|previously|reportedly|himself|herself|itself)\s+)*$/i;
const SPEAKER_AFTER_VERB = /^[\s,]*(?:to\s+)?(?:the\s+)?(?:[\p{L}.'’-]+\s+){0,4}$/u;
const PASSIVE_BEFORE = /\b(?:was|were|been|being|is|are|be|get|got)\s+(?:[\p{L}-]+ly\s+)?$/iu;
const BY_AFTER = /^\s+by\s+(?:the\s+)?$/i;
const NOMINAL_SOURCE_AFTER = /^\s+(?:by|of|from)\s+(?:the\s+)?(?:[\p{L}-]+\s+)?$/iu;
const NOMINAL_TARGET_AFTER = /^\s+(?:on|against|in|with|to|toward|towards|for|into)\s+(?:the\s+)?(?:[\p{L}-]+\s+)?$/iu;
const NOMINAL_BEFORE =
  /^(?:['’]s?)?\s*(?:(?!(?:after|before|in|on|at|of|for|with|by|to|from|since|and|or|but|the|a|an|is|are|was|were|has|had|have)\s)[\p{L}'’-]+\s+)?$/iu;
const BETWEEN = /^\s*(?:[\p{L}-]+\s+){0,4}?between\s+(?:the\s+)?(?:[\p{L}-]+\s+)?$/iu;
/** A light verb whose object is the nominal trigger ("launched a counteroffensive", "staged a protest"). */
const LIGHT_VERB =
  /\b(?:launch(?:ed|es|ing)?|carr(?:y|ied|ies|ying) out|stag(?:e|ed|es|ing)|mount(?:ed|s|ing)?|conduct(?:ed|s|ing)?|began|begin(?:s|ning)?|start(?:ed|s|ing)?|led|lead(?:s|ing)?|organi[sz](?:e|ed|es|ing)|resum(?:e|ed|es|ing)|join(?:ed|s|ing)?|open(?:ed|s|ing)?|declar(?:e|ed|es|ing)|impos(?:e|ed|es|ing))\s+(?:(?:an?|the|its|their|his|her|new|fresh|further|major|large|wider|joint|indefinite|[\p{L}-]+(?:ive|al|ary|ic)|[\p{N}\p{L}]+-[\p{L}]+)\s+){0,3}$/iu;
/** A trip whose purpose is the nominal trigger ("will travel to X for talks"): its subject takes part. */
const PURPOSE =
  /\b(?:travel(?:s|led|ed|ling|ing)?|fl(?:y|ies|ew|ying)|go(?:es|ing)?|went|head(?:s|ed|ing)?|arriv(?:e|es|ed|ing)|come|came|return(?:s|ed|ing)?|visit(?:s|ed|ing)?)\b[^.;:]{0,80}?\b(?:for|to hold|to attend|to join)\s+(?:[\p{L}-]+\s+){0,2}$/iu;
/** "X said it had ...": the pronoun after a reporting verb is the speaker. */
const SPEAKER_PRONOUN = /^\s*,?\s*(?:that\s+)?(?:it|they|he|she)\b/i;
/** Where the reach of a verb ends: another clause. */
const HARD_BREAK = /[;:"“”]|\.\s|,\s+(?:while|but|whereas|although|who|whose|which|where|when|as)\b/i;

/** Frames of verbs that take no object: a name after "died" is another clause's ("died on Monday, X said"). */
const INTRANSITIVE: ReadonlySet<string> = new Set(['die']);

/** A comma-enclosed aside right after a noun, up to the space after its closing comma (", accepted by X, "). */
const ASIDE_AFTER = /^,\s+(?:[\p{Ll}][\p{L}-]*ed|which|who|now|then|since)\b[^,;:()"“”]{0,70},(?=\s+(?:of|by|from)\s)/u;
/** Frames whose possessor is their one party ("his resignation", "her arrest", "its withdrawal", "their release"). */
const OWN_FRAMES: ReadonlySet<string> = new Set(['resign', 'quit', 'withdraw', 'release', 'coerce', 'sentence', 'surrender', 'group_change', 'economic']);
/** A place preposition right before a name ("in X", "from the X"). */
const PLACE_BEFORE = /\b(?:in|at|from|to|into|across|inside|near)\s+(?:the\s+)?$/i;
/** Of these, the frames whose possessor undergoes them ("his arrest", "her ban", "their release"). */
const UNDERGONE: ReadonlySet<string> = new Set(['coerce', 'sentence', 'release']);
/** After a noun that heads its phrase: punctuation, a preposition, a verb or the end ("his arrest in", "her exit."). */
const HEAD_END = /^(?:\s*$|\s*[,.;:!?)"”]|\s+(?:of|in|as|from|to|on|at|after|before|over|for|was|were|is|are|had|has|have|came|comes|and|but|which|that)\b)/i;
/**
 * Prepositions that open a phrase of circumstance, another happening's than the clause's ("amid the war",
 * "ahead of the match"): the one list the event rules read (../events.ts reads it for the actors before a noun).
 */
export const CIRCUMSTANCE_WORDS = String.raw`ahead\s+of|amid|amidst|despite|following|during|in\s+the\s+wake\s+of|against\s+the\s+backdrop\s+of`;
const CIRCUMSTANCE_WORD = new RegExp(String.raw`\b(?:${CIRCUMSTANCE_WORDS})\b`, 'i');
/** A possessive pronoun right before a noun, over one modifier ("his resignation", "their planned strike"). */
const POSSESSIVE_PRONOUN = /\b(his|her|their|its)\s+(?:[\p{L}-]+\s+)?$/iu;
/** After an aside: the noun's by-, of- or from-phrase, over one noun and its "of" ("of the cabinet of"). */
const ASIDE_OF = /^\s+(?:by|of|from)\s+(?:the\s+)?(?:[\p{L}-]+\s+(?:of\s+(?:the\s+)?)?)?$/u;
/** Between a name and a by-agent of a participle after it ("Rebels backed by", "a firm owned by the"). */
const REDUCED_BY = /^\s+(?:[\p{L}-]+ly\s+)?\p{Ll}+(?:ed|en|wn)\s+by\s+(?:the\s+)?$/u;
/** Between a subject and its verb: auxiliaries and adverbs only. */
const DIRECT_SUBJECT = /^\s+(?:(?:has|have|had|was|were|is|are|also|then|later|reportedly|allegedly|would|will|had)\s+)*$/i;
/** An auxiliary or participle right after a name: the name is the subject of its own clause ("Y has ...", "Y having ..."). */
const OWN_VERB_AFTER =
  /^\s+(?:(?:also|then|later|previously|repeatedly|reportedly)\s+)?(?:has|have|had|having|is|was|were|will|would|shall|can|could|may|might|must)\s/i;

/**
 * From a name to its verb over a relative clause set off by commas (", which owns the port,", ", who chairs the
 * board,"), or an apposition ending in one (", the two firms that own the port,"), and at most an auxiliary or
 * an adverb after it.
 */
const RELATIVE_BETWEEN =
  /^\s*,\s*(?:(?:the|a|an|two|three|both|its|their)\s+(?:[\p{L}'’-]+\s+){0,3}?)?(?:which|who|whose|that)\b[^,;:"“”]*,\s*(?:(?:has|have|had|also|then|later|jointly|both|will|would|could|can|may|might|must|should|is|are|was|were|reportedly|allegedly|now|still|today)\s+)*$/iu;

/** From a name to its verb over an aside set off by commas that names others (", soon to join X for Y,"), then auxiliaries or adverbs. */
const ASIDE_BETWEEN = /^\s*,\s+[^,;:"“”()]{3,100},\s*(?:(?:has|have|had|also|then|later|was|were|is|are)\s+)*$/u;

/** From a name to a verb whose subject is the relative pronoun that follows the name (", which has", ", who"). */
const RELATIVE_SUBJECT = /^\s*,\s*(?:which|who)\s+(?:(?:has|have|had|also|then|later|was|were|is|are|would|will)\s+)*$/i;

/** Before an -ing verb that opens a participle clause after a comma or a conjunction of time (", voting", ", and later rejecting", "before visiting"). */
const ADJUNCT_BEFORE =
  /(?:,\s*(?:and\s+)?(?:(?:\p{Ll}+ly|later|then|also|subsequently|eventually|finally|again|still)\s+)*|[^,]\s(?:before|after|while|since|without)\s+)$/u;
/** What may open a sentence before its subject: space, a quotation mark, a conjunction. */
const SENTENCE_OPENING = /^\s*[“"‘']?\s*(?:(?:But|And|Yet)\s+)?/;
/** Between a name and the body of its apposition (", director of the", ", a spokesman for"). */
const APPOSITION_OF = /^,\s+(?:an?\s+|the\s+)?(?:[\p{L}-]+\s+){1,4}(?:of|at|for|to)\s+(?:the\s+)?$/iu;
/** ... and of an apposition that names the body first: between the name and the body (", the"), after the body (" chief secretary,"). */
const APPOSITION_BODY_BEFORE = /^,\s+(?:the\s+|its\s+|an?\s+)?$/i;
const APPOSITION_BODY_AFTER = /^(?:\s+\p{Ll}[\p{Ll}-]*){1,3}\s*,/u;

/**
 * From a verb to its object's name: the verb of an infinitive it governs ("refused to back X"), a few words
 * (coordinated ones too: "urged Tarnland and the Kestrel Union"), then at most one preposition and a second by "of".
 */
const OBJECT_GAP = new RegExp(
  String.raw`^\s*(?:to\s+[\p{L}]+\s+)?(?:(?!(?:of|from|in|at|for|with|against|to|on|into|over|by|about|after|before|during|under|through|that|who|which|but)\s)[\p{L}\p{N}'’.-]+,?\s+){0,6}` +
    String.raw`(?:(?:of|from|in|at|for|with|against|to|on|into|over|by|about|under|toward|towards)\s+(?:the\s+|a\s+|an\s+)?(?:[\p{L}'’-]+\s+){0,2}?` +
    // ... "the release of (aid worker) X", "the leader of X": a second phrase by "of" only
    String.raw`(?:of\s+(?:the\s+|a\s+|an\s+)?(?:[\p{L}'’-]+\s+){0,3})?)?$`,
  'u',
);
/** A verb of receiving before a nominal sanction ("was handed a two-year", "hit by a big", "faces a"): its subject undergoes it. */
const RECEIVED_BEFORE =
  /\b(?:(?:was|were|been|is|are|be)\s+)?(?:handed|given|served with|slapped with|hit with|hit by|received|receives|receiving|landed|lands|faces|faced|facing|face|earned|picked up|got|gets|suffered|suffers)\s+(?:(?:an?|the|his|her|their|its|another|further|new|second|first|life|lifetime|big|heavy|provisional|[\p{N}\p{L}]+-[\p{L}]+)\s+){0,3}$/iu;
/** A noun of saying with its content clause ("a report that", "claims that"): what follows is what was said. */
const CONTENT_THAT =
  /\b(?:report|reports|claim|claims|suggestion|suggestions|allegation|allegations|rumou?rs?|idea|notion|view|statement|news|charge|charges|accusation|accusations|speculation|assertion|assertions)\s+(?:that\s|(?:he|she|they|it|we|i)\s)/i;
/** "X's" or "X'" right before the noun: a possessor. */
const POSSESSIVE_END = /^['’]s?\s*(?:[\p{L}-]+\s+)?$/u;
/** "of (the) X" right after the noun. */
const OF_AFTER = /^\s+of\s/i;
/** A by-agent closing the words between a passive verb and an actor ("banned for two years by", "criticised by unions and the"). */
const BY_LAST = /^(?:(?![;:"“”]|\.\s)[^,])*?\bby\s+(?:the\s+)?(?:(?:[\p{L}-]+\s+)?|(?:[\p{L}-]+\s+){1,3}(?:and|or)\s+(?:the\s+)?)$/u;
/** A by-agent after a place phrase of a nominal ("a visit to Moscow by"): only a preposition and a name between. */
/** A coordinating word right before a name after the verb's object ("... the plan and Y"). */
const CLAUSE_AND = /\s(?:and|but|while|whereas)\s+(?:the\s+)?$/i;
/** A finite verb right after a name ("Y opposed", "Y says", "Y also warned"). */
const FINITE_AFTER = /^\s+(?:(?:also|then|later|quickly|immediately)\s+)?(?:\p{Ll}{3,}ed|says|said|\p{Ll}{3,}s)\s/u;
/** A nominal trigger's maker after a participle ("the protests, led by X", "a raid carried out by X", "the strike had been called by X"). */
const LED_BY =
  /^,?\s+(?:(?:which|that)\s+)?(?:(?:was|were|is|are|had\s+been|has\s+been|have\s+been|being)\s+)?(?:(?:also|first|largely|mainly|reportedly)\s+)?(?:led|organi[sz]ed|staged|called|carried out|launched|mounted|claimed)\s+by\s+(?:the\s+)?$/i;
const NOMINAL_BY_LATER = /^\s+(?:to|in|at|from)\s+(?:the\s+)?\p{Lu}[\p{L}.-]*(?:\s+\p{Lu}[\p{L}.-]*){0,3}\s+by\s+(?:the\s+)?$/u;
/** An auxiliary of the passive opening a phrase trigger ("was fined", "were sentenced"). */
const AUX_PHRASE = /^(?:was|were|is|are|be|been|being|get|got|(?:has|have|had)\s+been)\s/i;
/** A participle that opens a phrase trigger ("found guilty", "taken into custody"). */
const PARTICIPLE_PHRASE = /^[\p{L}]+(?:ed|en|wn|ught|ound|ot|ung|eld)\s/iu;
/** What can follow a bare participle that has no object of its own: a preposition, a time word, punctuation, the end. */
const NO_OBJECT_AFTER =
  /^(?:\s*$|\s*[,.;:!?)\]"”’–—-]|\s+(?:for|from|over|after|before|in|on|at|by|until|amid|following|under|with|without|as|of|near|during|outside|inside|while|when|since|because|last|yesterday|today|earlier|overnight)\b)/iu;
/** A phrase that holds its own complement ("sentenced to", "found guilty", "taken into custody"): passive by itself. */
const CLOSED_PHRASE = /\b(?:to|with|guilty|responsible|custody|arrest)$/i;
/** Words before a participle that make it active or another form ("have arrested", "to ban", "who will jail"). */
const ACTIVE_BEFORE = /\b(?:has|have|had|having|to|will|would|shall|can|could|may|might|must|did|does|do)\s+(?:[\p{L}-]+ly\s+)?$/iu;

/**
 * Whether the trigger verb is passive: an auxiliary before a participle ("was banned", "have been arrested"), a phrase that
 * opens with one ("was fined"), or the bare participle of a verb that always takes an object, with none after it
 * ("Two men arrested after a raid", "Athlete banned for two years", "a company barred from trading").
 */
export function passiveVoice(text: string, tr: TriggerHit): boolean {
  if (tr.kind === 'phrase' && AUX_PHRASE.test(tr.text)) return true;
  const before = text.slice(Math.max(0, tr.index - 30), tr.index);
  const participle = tr.kind === 'past' || tr.kind === 'pp' || (tr.kind === 'phrase' && PARTICIPLE_PHRASE.test(tr.text));
  if (participle && PASSIVE_BEFORE.test(before)) return true;
  if (!tr.patient || ACTIVE_BEFORE.test(before)) return false;
  return (tr.kind === 'phrase' && CLOSED_PHRASE.test(tr.text)) || NO_OBJECT_AFTER.test(text.slice(tr.end, tr.end + 20));
}

/** Types that are statements: their speaker is their source. */
const STATEMENT: ReadonlySet<string> = new Set(['ACCUSE', 'THREATEN', 'REQUEST', 'REJECT', 'SUPPORT', 'AGREE']);

/**
 * A credit line: a name in parentheses in a dateline ("LAGOS (Reuters) -") or closing the sentence
 * ("... on Tuesday (AFP)."). It names who reports, never who takes part.
 */
function creditLine(text: string, a: SentenceActor): boolean {
  if (text[a.start - 1] !== '(' || text[a.end] !== ')') return false;
  const after = text.slice(a.end + 1);
  return /^\s*[-–—:]/.test(after) || /^\s*[.!?"”]?\s*$/.test(after);
}

/** A possessive and a title or two between a country and the name it qualifies ("'s", "'s former prime minister"). */
const QUALIFIES = /^['’]s?\s+(?:[\p{Ll}-]+\s+){0,3}$/u;

/**
 * A country that only qualifies the person or body named right after it ("Ruritania's Kofi Mensah", "Ruritania's
 * former leader Kofi Mensah") is not a party of its own: the one named takes the role.
 */
function qualifiersDropped(text: string, sorted: readonly SentenceActor[]): SentenceActor[] {
  return sorted.filter((a, i) => {
    const b = sorted[i + 1];
    return !(a.type === 'country' && b && b.type !== 'country' && b.start >= a.end && QUALIFIES.test(text.slice(a.end, b.start)));
  });
}

/** Speakers: actors right before "said/told" or right after "said/according to/citing". */
export function speakers(text: string, actors: readonly SentenceActor[], reporting: readonly [number, number][]): Set<number> {
  const out = new Set<number>();
  const before = (a: SentenceActor, s: number) => s >= a.end && s - a.end < 40 && SPEAKER_BEFORE_VERB.test(text.slice(a.end, s));
  for (const a of actors) {
    for (const [s, e] of reporting) {
      if (before(a, s)) out.add(a.mention);
      // (not after a pronoun subject: "said it would hold X" names X as the object of another verb)
      if (
        a.start >= e &&
        a.start - e < 60 &&
        SPEAKER_AFTER_VERB.test(text.slice(e, a.start)) &&
        !/\b(?:that|it|they|he|she|we)\b/i.test(text.slice(e, a.start))
      )
        out.add(a.mention);
    }
  }
  return out;
}

/** The actor `from` and those coordinated with it, walking in one direction. */
function chain(text: string, actors: readonly SentenceActor[], from: number, step: 1 | -1): SentenceActor[] {
  const out = [actors[from]!];
  for (let i = from + step; i >= 0 && i < actors.length; i += step) {
    const [a, b] = step === 1 ? [out.at(-1)!, actors[i]!] : [actors[i]!, out.at(-1)!];
    const between = text.slice(a.end, b.start);
    // (a pronoun is coordinated only by "and"/"or": "he and X"; after a comma it opens the clause, "In X, he said";
    // "the head of X, Y," names Y in apposition: X is where Y works, not a second party)
    const titleOf =
      b.type === 'person' && a.type !== 'person' && /^\s*,\s*$/.test(between) && /\bof\s+(?:the\s+)?$/i.test(text.slice(Math.max(0, a.start - 10), a.start));
    // (people named with honorifics are listed with theirs, "Mr X, Mr Y and Mr Z": the honorific between counts
    // when the name before has one too, so ", Mr Y" after a fronted phrase, "In the FT, Mr Y", stays apart)
    const honorific = HONORIFIC_BETWEEN.exec(between);
    const listed =
      !!honorific &&
      a.type === 'person' &&
      b.type === 'person' &&
      (HONORIFIC_BEFORE.test(text.slice(Math.max(0, a.start - 6), a.start)) || HONORIFIC_BEFORE.test(`${text.slice(a.start, a.start + 5).split(/\s/)[0]} `)) &&
      COORD.test(between.slice(0, honorific.index));
    const joined = titleOf
      ? false
      : a.pronoun || b.pronoun
        ? /^\s+(?:and|or)\s+(?:the\s+)?$/i.test(between)
        : COORD.test(between) || /^\s*$/.test(between) || listed;
    if (b.start < a.end || joined) out.push(actors[i]!);
    else break;
  }
  return out;
}

/** An honorific closing the words between two names of a list (", Mr ", " and Ms "). */
/** Honorifics before a name: the men's and women's of the actor cues (which "he" and "she" read too), and "Dr". */
const HONORIFICS = [...cueData.maleTitles, ...cueData.femaleTitles, 'dr'].join('|');
const HONORIFIC_BETWEEN = new RegExp(`(?<!\\p{L})(?:${HONORIFICS})\\.?\\s+$`, 'iu');
/** An honorific right before a name. */
const HONORIFIC_BEFORE = new RegExp(`(?:^|[^\\p{L}])(?:${HONORIFICS})\\.?\\s+$`, 'iu');

/** Roles of the sentence's actors for one trigger. */
export function assignActors(
  text: string,
  t: TriggerHit,
  nominal: boolean,
  actors: readonly SentenceActor[],
  reporting: readonly [number, number][],
  sameEvent: readonly TriggerHit[],
  fallback = !nominal,
): EventMentionX['actors'] {
  const sorted = qualifiersDropped(
    text,
    [...actors].filter((a) => !creditLine(text, a)).sort((a, b) => a.start - b.start || a.end - b.end),
  );
  const spk = speakers(text, sorted, reporting);
  const cand = sorted.filter((a) => a.firstPerson || !spk.has(a.mention));
  const roles = new Map<number, Role>();
  /** A person's pronoun opening the sentence is the subject of a participle clause: the names' parties are not guessed. */
  let unnamedSubject = false;
  const put = (a: SentenceActor, r: Role) => {
    if (!roles.has(a.mention)) roles.set(a.mention, r);
  };
  const symmetric = t.symmetric;
  /** Names after a verb too far down its object to take part (see OBJECT_GAP): not participants either. */
  const notObject = new Set<number>();
  for (const tr of sameEvent) {
    // "between X and Y"
    const after = cand.filter((a) => a.start >= tr.end);
    if (after.length && BETWEEN.test(text.slice(tr.end, after[0]!.start))) for (const a of chain(text, after, 0, 1)) put(a, 'participant');
    if (nominal) {
      // the subject of a light verb or of a trip made for it ("X launched an offensive", "X will travel to Y for talks")
      const clause = text.slice(Math.max(0, tr.index - 160), tr.index);
      const verb = LIGHT_VERB.exec(clause) ?? PURPOSE.exec(clause);
      if (verb) {
        const at = Math.max(0, tr.index - 160) + verb.index;
        const subj = cand
          .filter((a) => a.end <= at && at - a.end < 120 && !HARD_BREAK.test(text.slice(a.end, at)) && !reporting.some(([s0]) => s0 >= a.end && s0 < at))
          .at(-1);
        const role: Role = symmetric || verb[0] === PURPOSE.exec(clause)?.[0] ? 'participant' : 'source';
        if (subj)
          for (const a of chain(
            text,
            cand.filter((x) => x.end <= at),
            cand.filter((x) => x.end <= at).length - 1,
            -1,
          ))
            put(a, role);
        else {
          // "X said it had launched ...": the speaker
          const rep = reporting.filter(([, e]) => e <= at && SPEAKER_PRONOUN.test(text.slice(e, at))).at(-1);
          const speaker = rep && sorted.filter((a) => spk.has(a.mention) && a.end <= rep[0] && rep[0] - a.end < 40).at(-1);
          if (speaker) put(speaker, role);
        }
      }
      // the one handed, given or hit with a ban, a fine or a sentence is its target ("X was handed a two-year ban")
      const received = RECEIVED_BEFORE.exec(text.slice(Math.max(0, tr.index - 80), tr.index));
      if (received && (tr.ofTarget || tr.possessorTarget)) {
        const at = Math.max(0, tr.index - 80) + received.index;
        const subj = cand.filter((a) => a.end <= at && at - a.end < 60 && !HARD_BREAK.test(text.slice(a.end, at))).at(-1);
        if (subj && !reporting.some(([s0]) => s0 >= subj.end && s0 < at)) put(subj, 'target');
      }
      // a possessive pronoun before the noun stands for the nearest fitting name before it in the sentence ("X said
      // his resignation ...", "the union said its strike ..."): its possessor, as "X's" would be
      // (only for what happens to or is done by one party, and for the noun heading its phrase: "his election
      // campaign" is the campaign's, "their meetings" in sport are games)
      const poss =
        OWN_FRAMES.has(tr.frame) && (HEAD_END.test(text.slice(tr.end, tr.end + 12)) || /\sof$/i.test(tr.text))
          ? POSSESSIVE_PRONOUN.exec(text.slice(Math.max(0, tr.index - 30), tr.index))?.[1]?.toLowerCase()
          : undefined;
      if (poss) {
        const person = poss === 'his' || poss === 'her';
        // (a name after a place preposition is where, not whose: "troops in X ... their withdrawal")
        const fits = sorted.filter(
          (a) =>
            a.end <= tr.index && (poss === 'their' || (a.type === 'person') === person) && !PLACE_BEFORE.test(text.slice(Math.max(0, a.start - 12), a.start)),
        );
        const role: Role = symmetric ? 'participant' : tr.possessorTarget || UNDERGONE.has(tr.frame) ? 'target' : 'source';
        // ("X and Y ... their withdrawal": both)
        if (fits.length) for (const a of poss === 'their' ? chain(text, fits, fits.length - 1, -1) : [fits.at(-1)!]) put(a, role);
      }
      const before = cand.filter((a) => a.end <= tr.index).at(-1);
      if (before && NOMINAL_BEFORE.test(text.slice(before.end, tr.index)) && tr.index - before.end < 30)
        for (const a of chain(
          text,
          cand.filter((x) => x.end <= tr.index),
          cand.filter((x) => x.end <= tr.index).length - 1,
          -1,
        ))
          put(a, symmetric ? 'participant' : tr.possessorTarget && POSSESSIVE_END.test(text.slice(before.end, tr.index)) ? 'target' : 'source');
      // an aside set off by commas right after the noun ("the resignation, accepted by X, of the cabinet of Y") is
      // skipped: the phrase after it attaches to the noun
      const aside = ASIDE_AFTER.exec(text.slice(tr.end, tr.end + 90));
      const past = aside ? tr.end + aside[0].length : -1;
      const rest = aside ? after.filter((a) => a.start >= past) : [];
      if (rest.length && rest[0]!.start - past < 40 && ASIDE_OF.test(text.slice(past, rest[0]!.start))) {
        const role: Role = symmetric ? 'participant' : tr.ofTarget && OF_AFTER.test(text.slice(past, rest[0]!.start)) ? 'target' : 'source';
        for (const a of chain(text, rest, 0, 1)) put(a, role);
        continue;
      }
      if (after.length) {
        const between = text.slice(tr.end, after[0]!.start);
        // a trigger that ends in its preposition ("backing for X", "sanctions against X") takes X as it would after the preposition
        const prep = /\s(?:on|against|with|to|toward|towards|for|into)$/i.test(tr.text) && /^\s+(?:the\s+)?(?:[\p{L}-]+\s+)?$/u.test(between);
        // (one that ends in "of", "the acquisition of X": X as after "of")
        const ofEnd = /\sof$/i.test(tr.text) && /^\s+(?:the\s+)?(?:[\p{L}-]+(?:['’]s)?\s+)?$/u.test(between);
        const role: Role | null = ofEnd
          ? symmetric
            ? 'participant'
            : tr.ofTarget
              ? 'target'
              : 'source'
          : NOMINAL_SOURCE_AFTER.test(between)
            ? tr.ofTarget && OF_AFTER.test(between)
              ? symmetric
                ? 'participant'
                : 'target'
              : 'source'
            : prep || NOMINAL_TARGET_AFTER.test(between)
              ? symmetric
                ? 'participant'
                : 'target'
              : null;
        if (role && after[0]!.start - tr.end < 40) {
          const objects = chain(text, after, 0, 1);
          for (const a of objects) put(a, role);
          // its by-agent right after the one acted on ("the acquisition of X by Y")
          const next = after[objects.length];
          if (role === 'target' && next && /^\s+by\s+(?:the\s+)?$/i.test(text.slice(objects.at(-1)!.end, next.start))) put(next, 'source');
        }
        // its by-agent a few words on ("a visit to the capital by X"), or after a participle ("the protests, led by X")
        else if (!role && after[0]!.start - tr.end < 50 && (NOMINAL_BY_LATER.test(between) || LED_BY.test(between)))
          for (const a of chain(text, after, 0, 1)) put(a, symmetric ? 'participant' : 'source');
      }
      continue;
    }
    // verb: subject before, object after, within the clause
    const leftAll = cand.filter((a) => a.end <= tr.index);
    let subj = leftAll.length ? leftAll.length - 1 : -1;
    // "Ana Bell, director of the Kestrel Institute, welcomed ...": the name before the apposition is the subject
    // ("Ana Bell, the Kestrel Institute director, welcomed ...")
    if (
      subj > 0 &&
      ((APPOSITION_OF.test(text.slice(leftAll[subj - 1]!.end, leftAll[subj]!.start)) && /^\s*,/.test(text.slice(leftAll[subj]!.end, tr.index))) ||
        (leftAll[subj - 1]!.type === 'person' &&
          leftAll[subj]!.type !== 'person' &&
          APPOSITION_BODY_BEFORE.test(text.slice(leftAll[subj - 1]!.end, leftAll[subj]!.start)) &&
          APPOSITION_BODY_AFTER.test(text.slice(leftAll[subj]!.end, tr.index))))
    )
      subj--;
    // "Kestrel - best known for its Loria unit - bought ...": a name inside an aside set off by dashes is the aside's
    const dashes = [...text.slice(0, tr.index).matchAll(/\s[-–—]\s/g)].map((m) => m.index);
    if (subj >= 0 && dashes.length >= 2) {
      const [d1, d2] = [dashes.at(-2)!, dashes.at(-1)!];
      if (leftAll[subj]!.start > d1 && leftAll[subj]!.end <= d2) {
        while (subj >= 0 && leftAll[subj]!.end > d1) subj--;
      }
    }
    // "Rebels backed by Kestrel seized ...": the by-agent of a participle after the subject is not the subject
    if (subj > 0 && REDUCED_BY.test(text.slice(leftAll[subj - 1]!.end, leftAll[subj]!.start)) && !/[,;]/.test(text.slice(leftAll[subj]!.end, tr.index))) subj--;
    // "Ana Ruiz, soon to join X for a Y series, also criticised ...": a name inside an aside set off by commas
    // between the subject and the verb is the aside's; the subject is the name before it
    for (let k = subj - 1; k >= 0; k--) {
      if (!ASIDE_BETWEEN.test(text.slice(leftAll[k]!.end, tr.index))) continue;
      // (an aside that is only the next name is its apposition: "the head of X, Ana Ruiz, was jailed")
      const next = leftAll[k + 1]!;
      const onlyName = /^\s*,\s*(?:the\s+)?$/i.test(text.slice(leftAll[k]!.end, next.start)) && /^\s*,/.test(text.slice(next.end));
      if (onlyName || RELATIVE_BETWEEN.test(text.slice(leftAll[k]!.end, tr.index)) || APPOSITION_OF.test(text.slice(leftAll[k]!.end, next.start))) break;
      subj = k;
      break;
    }
    // "Kestrel and Loria, which own Tarn Energy, welcomed ...": a name inside a relative clause closed by a comma
    // right before the verb is that clause's; the subject is the name the clause hangs on
    let overRelative = false;
    for (let k = subj; k >= 0; k--) {
      if (!RELATIVE_BETWEEN.test(text.slice(leftAll[k]!.end, tr.index))) continue;
      subj = k;
      overRelative = true;
      break;
    }
    // "Dravia, which rejected the plan": the relative pronoun's name is the subject of the verb right after it
    if (subj >= 0 && RELATIVE_SUBJECT.test(text.slice(leftAll[subj]!.end, tr.index))) overRelative = true;
    // "hold X to account": X, between the verb and the phrase, is the target; the subject of "hold" is the source
    // ("Tarn said it would hold Loria to account": the speaker, when the subject is its pronoun)
    if (/^to account\b/i.test(tr.text) && subj >= 0 && /^\s*$/.test(text.slice(leftAll[subj]!.end, tr.index))) {
      const held = /\bh(?:old|olds|olding|eld)\s+(?:the\s+)?$/i.exec(text.slice(Math.max(0, leftAll[subj]!.start - 30), leftAll[subj]!.start));
      if (held) {
        put(leftAll[subj]!, 'target');
        const verbAt = leftAll[subj]!.start - held[0].length;
        const self = reporting
          .filter(
            ([, e]) =>
              e <= verbAt &&
              verbAt - e < 60 &&
              /^\s*,?\s*(?:that\s+)?(?:it|they|he|she)\s+(?:(?:has|have|had|was|were|would|will|shall|could|also)\s+)*$/i.test(text.slice(e, verbAt)),
          )
          .at(-1);
        const own = self && sorted.filter((a) => spk.has(a.mention) && a.end <= self[0] && self[0] - a.end < 40).at(-1);
        if (own) put(own, 'source');
        subj = own ? -1 : subj - 1;
      }
    }
    // a verb of saying right after a quote, its speaker after it ('"Stop it," pleaded Ana Ruiz'): the speaker is the source
    if (
      !symmetric &&
      after.length &&
      /["”’]\s*,?\s*$|,\s*["”’]\s*$/.test(text.slice(Math.max(0, tr.index - 4), tr.index)) &&
      SPEAKER_AFTER_VERB.test(text.slice(tr.end, after[0]!.start)) &&
      after[0]!.start - tr.end < 60
    ) {
      for (const a of chain(text, after, 0, 1)) put(a, 'source');
      continue;
    }
    // a participle right before its by-agent is passive ("militants backed by Tarnland", "a law passed by the board")
    const passive = passiveVoice(text, tr) || ((tr.kind === 'past' || tr.kind === 'pp') && /^\s+by\s/i.test(text.slice(tr.end, tr.end + 4)));
    // "X says Y denied it": Y, right after the reporting verb and right before this one, is its subject (a speaker
    // only of an inverted report, '"...," said Y')
    const direct = sorted.filter((a) => a.end <= tr.index).at(-1);
    if (
      !symmetric &&
      direct &&
      spk.has(direct.mention) &&
      DIRECT_SUBJECT.test(text.slice(direct.end, tr.index)) &&
      reporting.some(([, e]) => e <= direct.start && direct.start - e < 12)
    )
      put(direct, passive ? 'target' : 'source');
    // an -ing participle right after the object of a preposition has the clause's subject as its doer and that object
    // as the one it is about ("Ana Bell wrote to Kestrel Bank accusing it of fraud": Bell accuses, the bank is accused)
    // (after a comma also past a direct object: "Ana Bell sued Kestrel Bank, accusing it of fraud")
    const gapToIng = subj > 0 ? text.slice(leftAll[subj]!.end, tr.index) : '';
    const beforeObject = subj > 0 ? text.slice(Math.max(0, leftAll[subj]!.start - 16), leftAll[subj]!.start) : '';
    if (
      tr.kind === 'ing' &&
      !symmetric &&
      subj > 0 &&
      ((/^\s*$/.test(gapToIng) && /\b(?:to|with|at|from|on|against)\s+(?:the\s+)?$/i.test(beforeObject)) ||
        (/^\s*,\s*$/.test(gapToIng) && /\b(?:to|with|at|from|on|against|\p{Ll}{2,}ed)\s+(?:the\s+)?$/iu.test(beforeObject))) &&
      !HARD_BREAK.test(text.slice(leftAll[0]!.end, tr.index)) &&
      !reporting.some(([s0]) => s0 >= leftAll[0]!.end && s0 < tr.index)
    ) {
      // (the object is the one it is about unless the participle names its own: "sued X, accusing Y of fraud")
      if (!after.length || after[0]!.start - tr.end > 40) put(leftAll[subj]!, 'target');
      subj = 0;
    }
    // a participle clause after a comma has the subject that opens the sentence ("Ana Bell won the seat in 1970,
    // voting against the Tarn Party and later rejecting a post": Bell rejects), a person's pronoun there included
    // (then no name between is its subject)
    if (tr.kind === 'ing' && !symmetric && ADJUNCT_BEFORE.test(text.slice(0, tr.index))) {
      const open = SENTENCE_OPENING.exec(text)![0].length;
      const first = leftAll[0];
      if (first && first.start <= open && !reporting.some(([s0]) => s0 >= first.end && s0 < tr.index) && !HARD_BREAK.test(text.slice(first.end, tr.index)))
        subj = 0;
      else if (!first?.pronoun && /^(?:he|she)\s+(?:\p{Ll}+ly\s+)?\p{Ll}/iu.test(text.slice(open))) {
        subj = -1;
        unnamedSubject = true;
      }
    }
    // a subject is not found across a reporting verb ("X said that ... attacked": X reports, it did not attack)
    const acrossReport = subj >= 0 && reporting.some(([s0]) => s0 >= leftAll[subj]!.end && s0 < tr.index);
    if (subj >= 0 && !acrossReport && (overRelative || !HARD_BREAK.test(text.slice(leftAll[subj]!.end, tr.index))) && tr.index - leftAll[subj]!.end < 160) {
      if (!leftAll[subj]!.inObject) for (const a of chain(text, leftAll, subj, -1)) put(a, symmetric ? 'participant' : passive ? 'target' : 'source');
    }
    // an actor followed by its own verb opens another clause ("X called for a truce and Y has criticized Z",
    // "..., with Y having criticized Z"): it is that clause's subject, not this verb's object
    const ownClause =
      after.length > 0 &&
      (OWN_VERB_AFTER.test(text.slice(after[0]!.end, after[0]!.end + 30)) ||
        // ("X rejected the plan and Y opposed it": Y opens a coordinated clause with a verb of its own)
        (CLAUSE_AND.test(text.slice(tr.end, after[0]!.start)) && FINITE_AFTER.test(text.slice(after[0]!.end, after[0]!.end + 30)))) &&
      !BY_AFTER.test(text.slice(tr.end, after[0]!.start));
    // a passive verb takes only its by-agent after it ("X was banned for two years by Y"; not "X was arrested in Y")
    const byAgent = passive && after.length > 0 && BY_LAST.test(text.slice(tr.end, after[0]!.start));
    // (an actor inside a complement clause, "denied a report that he would appeal via Y", is no object of the verb)
    const inComplement = after.length > 0 && CONTENT_THAT.test(text.slice(tr.end, after[0]!.start));
    // the object is the noun phrase right after the verb, or a name it governs by one preposition ("attacked the
    // convoy of X", "signed a deal with X"); a name further down a chain of phrases is not ("criticised the cost of the
    // war in X", "accused the board of hiding the losses from X")
    // (nor the owner of what a phrase of place names: "rejected a post in X's cabinet", "a speech at X's congress")
    const placeOwner =
      after.length > 0 &&
      /^['’]s?\s/u.test(text.slice(after[0]!.end, after[0]!.end + 3)) &&
      /\b(?:in|at|under|within|inside)\s+(?:the\s+)?$/i.test(text.slice(tr.end, after[0]!.start));
    const deep = after.length > 0 && !passive && !symmetric && (placeOwner || !OBJECT_GAP.test(text.slice(tr.end, after[0]!.start)));
    if (deep) for (const a of after) notObject.add(a.mention);
    // (what is bought from someone is not theirs to be bought: "bought the stake from X", X sold it)
    const seller = tr.frame === 'economic' && after.length > 0 && /\bfrom\s+(?:the\s+)?$/i.test(text.slice(tr.end, after[0]!.start));
    if (
      after.length &&
      !ownClause &&
      !inComplement &&
      !deep &&
      !seller &&
      // (a verb right before a comma has ended its clause: "when X died, Y led the tributes", "X attacked, Y said")
      !/^\s*,/.test(text.slice(tr.end, after[0]!.start)) &&
      !INTRANSITIVE.has(tr.frame) &&
      !HARD_BREAK.test(text.slice(tr.end, after[0]!.start)) &&
      after[0]!.start - tr.end < 120 &&
      (!passive || byAgent)
    ) {
      const by = byAgent || BY_AFTER.test(text.slice(tr.end, after[0]!.start));
      // a participle with its by-agent is passive even without an auxiliary ("a group designated as X by Y", "a convoy ambushed by Y")
      // (and a form read as a noun: "an attack by Y"; an active verb is never followed by its own object's "by")
      for (const a of chain(text, after, 0, 1)) put(a, symmetric ? 'participant' : by ? 'source' : 'target');
    }
  }
  // a country whose ground the happening enters or strikes is acted on, however far down the phrase it is named ("an
  // incursion of fighters from the hills onto Lorian territory", "drones that crossed into Kestrel airspace")
  if (!symmetric)
    for (const a of cand)
      if (
        groundEntered(text.slice(Math.max(0, a.start - 30), a.start), text.slice(a.end, a.end + 20)) &&
        sameEvent.some((tr) => (a.start >= tr.end ? !HARD_BREAK.test(text.slice(tr.end, a.start)) && a.start - tr.end < 120 : false))
      )
        put(a, 'target');
  if (roles.size === 0 && fallback && !unnamedSubject) {
    // nobody attached: the actors of the sentence take part (a reporting speaker only of a statement, never of what it reports)
    // "X said it had expelled ...": the speaker is the pronoun's antecedent, the subject of the verb
    const self = reporting
      .filter(
        ([, e]) =>
          e <= t.index &&
          t.index - e < 60 &&
          SPEAKER_PRONOUN.test(text.slice(e, t.index)) &&
          /^\s*,?\s*(?:that\s+)?(?:it|they|he|she)\s+(?:(?:has|have|had|was|were|would|will|also)\s+)*$/i.test(text.slice(e, t.index)),
      )
      .at(-1);
    const own = self && sorted.filter((a) => spk.has(a.mention) && a.end <= self[0] && self[0] - a.end < 40).at(-1);
    if (own && !t.symmetric) put(own, 'source');
    // (not a name of a phrase of circumstance between it and the trigger: "a ban, ahead of a match with X")
    const open = cand.filter(
      (a) => !notObject.has(a.mention) && !CIRCUMSTANCE_WORD.test(a.start >= t.end ? text.slice(t.end, a.start) : text.slice(a.end, t.index)),
    );
    const pool = cand.length ? open : STATEMENT.has(t.type) ? sorted.filter((a) => spk.has(a.mention)) : [];
    // with no attachment a direction would be a guess (and a reporting body is never the perpetrator)
    for (const a of pool) put(a, 'participant');
  }
  // one actor is not both sides of one happening ("X said X's ban ..."): its first role stands
  const byName = new Map<string, Role>();
  for (const a of sorted) {
    const r = roles.get(a.mention);
    if (r === undefined) continue;
    const first = byName.get(a.name);
    if (first === undefined) byName.set(a.name, r);
    else if (first !== r && first !== 'participant' && r !== 'participant') roles.delete(a.mention);
  }
  return [...roles].sort((a, b) => a[0] - b[0]).map(([mention, role]) => ({ mention, role }));
}
