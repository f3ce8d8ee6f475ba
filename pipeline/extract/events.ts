/**
 * Event mentions in one article. Per sentence: triggers from the lexicon
 * (./events/lexicon.ts), minus negated and hypothetical ones; one mention per
 * frame and sentence; status from modals, tense and time words; the date
 * nearest the trigger (a date next to a reporting verb dates the statement,
 * not the event); the place; and the actors of the sentence with roles.
 *
 * Not events: triggers inside a direct quote (three words or more) unless the
 * quote itself gives a date (a concrete happening); teaser, caption and
 * section lines (a short line after the title with no closing punctuation);
 * negated or hedged ones (up to four words after "not"); name words
 * ("United Nations"); a participle after a noun ("ministers meeting in X
 * agreed"); a nominal object of another trigger ("rejected the sanctions");
 * a verb-only form used as a noun after a preposition ("despite requests").
 * "agreed to <trigger>" keeps only the inner event, as taken.
 *
 * Agentless happenings (disaster, election, protest, strike, attack, killing,
 * death, arrest frames) with no actor in the sentence keep the country where
 * they happen (the place's country, else a country named in the sentence,
 * else the article's most mentioned country when no place is given) as a
 * participant, when the sentence reports a clear happening (dated, occurred
 * or ongoing); otherwise they are left without actors and dropped.
 */
import type { ActorMentionX, Document, EventMentionX } from '../../schemas/pipeline.ts';
import { findDates, type DateHit, type Direction } from '../lib/temporal.ts';
import { articleDomains, EVENT_HEADS, findReporting, findTriggers, inFrame, type TriggerHit } from './events/lexicon.ts';
import { objectSense } from './events/objects.ts';
import { pronounActors } from './events/pronouns.ts';
import { lastTokenOf } from '../nlp/chunks.ts';
import { findPlace } from './events/places.ts';
import { subtypeOf } from './events/subtypes.ts';
import { assignActors, CIRCUMSTANCE_WORDS, passiveVoice, speakers, type SentenceActor } from './events/roles.ts';
import { quoteSpans } from './quotes.ts';
import { addDays } from '../lib/dates.ts';
import { countryByDemonym } from '../lib/geo.ts';
import type { AnnotatedDocument } from '../nlp/document.ts';
import { HEAD_WORDS, modifiedNouns } from './actors/people.ts';
import { PROJECT_CUES } from './actors.ts';
import { regionAdjective, type ActorCues } from './actors/works.ts';

type Status = EventMentionX['status'];

/**
 * A negation in the few words before the trigger ("did not meet", "never attacked", "not going to suggest people
 * support"), or a refusal or a failure to do it ("refused to accept the offer": the refusal is the happening).
 */
const NEGATED =
  /\b(?:not|never|cannot|can['’]t|no longer|neither|nor|without|n['’]t)\s+(?:[\p{L}'’-]+\s+){0,4}$|n['’]t\s+(?:[\p{L}-]+\s+){0,4}$|\b(?:refus(?:e|es|ed|ing)|fail(?:s|ed|ing)?|declin(?:e|es|ed|ing)|unable|no guarantee that)\s+to\s+(?:[\p{L}'’-]+\s+)?$/iu;
/** Words right before a date that say it lies ahead ("due to ... on Wednesday", "until 3 March", "scheduled for"). */
const FUTURE_CUE =
  /\b(?:due to|scheduled|will|shall|['’]ll|next|until|till|to be held|expected|set to|planned|plans to|is to|are to|upcoming|coming|from now)\b[^.;,]{0,60}$/i;
/** Words right before a date that say it lies behind ("ago", "last", "earlier"). */
const PAST_CUE = /\b(?:last|ago|earlier|previously|since)\b[^.;,]{0,20}$/i;
/** A date that bounds a period rather than dating a happening ("until 3 March", "since 2023", "through Friday"). */
const BOUND_BEFORE = /\b(?:until|till|through|since|by)\s+(?:the\s+)?$/i;
/**
 * A span measured from another happening ("a day after", "two weeks before"): no date of its own. The clause it
 * opens took place that long before or after the date of the clause it hangs on ("X on Sunday, a day after Y": Y
 * on Saturday).
 */
const OFFSET_DATE = /^(?:the|a|an|one|two|three|four|five|six|seven|\d+)\s+(day|days|week|weeks)\s+(after|before|later|earlier)$/i;
/** A past verb of means or success before an infinitive: what the infinitive says was done ("used his stake to oust", "managed to flee", "voted to expel"). */
const ACHIEVED_TO = /\b(?:used|managed|helped|voted|succeeded|went on)\b[^,;.]{0,50}\bto\s+(?:[\p{L}'’-]+\s+)?$/iu;
/** A clause told in the present that comes a span after another happening ("the summit comes a day after the vote"). */
const NOW_OFFSET =
  /\b(?:comes|come|follows|follow)\s+(?:just\s+|only\s+)?((?:a|one|two|three|four|five|six|seven|\d+)\s+(day|days|week|weeks)\s+(after|before))\b/gi;
/** A duration, no date ("for three days", "for 48 hours"). */
/** Statements dated by their article when told in the present tense (see the date of a mention in findEvents). */
const PRESENT_STATEMENT: ReadonlySet<string> = new Set(['SUPPORT', 'ACCUSE', 'REJECT', 'REQUEST', 'THREATEN']);
/** A span of hours or minutes from another happening ("20 hours after", "two hours later", "minutes before"). */
/** A perfect right before a verb ("has accused", "had been urged"): no time of its own, often long before the report. */
const PERFECT = /\b(?:has|have|had|having|'s|'ve|'d)\s+(?:[\p{L}-]+\s+){0,2}$/iu;
/** A reporting verb in the past tense: what it reports was said before the report ("she warned that ... would pay"). */
const PAST_REPORT = /(?:ed|said|told|wrote)$/i;
/** The last reporting verb before a position in the sentence, else "". */
const reportBefore = (text: string, reporting: readonly (readonly [number, number])[], at: number): string => {
  const r = reporting.filter(([, e]) => e <= at).at(-1);
  return r ? text.slice(r[0], r[1]) : '';
};
/** A clause of the same moment opening between two happenings ("said X as he left", "when they met"). */
const SAME_MOMENT = /[\s,](?:as|when|while)\s+(?:he|she|they|it|we|i|the|his|her|their|[\p{Lu}])/u;
const HOURS_OFFSET = /\b(?:hours?|minutes?)\s+(?:after|before|later|earlier)\b/i;
const DURATION = /^for\s+(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|several|a few|\d+)\s+(?:hours?|days?|nights?|weeks?|months?|years?)$/i;
/** From one trigger to the verb coordinated after it: a few words, then "and" ("the resignation and called"). */
const COORDINATED = /^[^,;.:()"“”]{0,30}\sand\s+$/;
const OFFSET_IN = /\b(?:the|a|an|one|two|three|four|five|six|seven|\d+)\s+(?:days?|weeks?)\s+(?:after|before)\b/i;
/** Where a clause of another happening opens: a comma or semicolon, then a subordinator with a clause after it. */
const CLAUSE_CUT = new RegExp(
  String.raw`[,;]\s*(?:(?:the|a|an|one|two|three|four|five|six|seven|\d+)\s+(?:days?|weeks?)\s+)?(?:after|before|while|whereas|since)\s+(?!the\b|an?\b|its\b|their\b|his\b|her\b|this\b|that\b|these\b|those\b)|;`,
  'gi',
);
const OFFSET_UNITS: Readonly<Record<string, number>> = { day: 1, days: 1, week: 7, weeks: 7 };
/** Words that open a clause or phrase of another happening ("..., amid the war", "..., after rebels attacked"). */
// ("when" and "as" are left out: a clause of the same moment mostly tells the same happening, "five died on
// Sunday when a bus crashed")
const SUBORDINATOR = String.raw`(?:after|before|amid|amidst|while|whereas|since|following|despite|until|ahead\s+of|in\s+the\s+wake\s+of)`;
/** Prepositions that open a phrase of circumstance, another happening than the clause's ("amid the war"). */
const CIRCUMSTANCE = new RegExp(String.raw`\b(?:${CIRCUMSTANCE_WORDS})\b`, 'gi');
/** From a date to a trigger: a phrase of circumstance or of the reason opens right after the date ("jailed on Monday for killing X"). */
const CIRCUMSTANCE_AFTER = /^,?\s*(?:amid|amidst|despite|in\s+the\s+wake\s+of|against\s+the\s+backdrop\s+of|(?:for|over)\s+(?=\p{L}+ing\b))/iu;
/** Where the last match of a global pattern in a text starts, else -1. */
const lastIndexOf = (text: string, re: RegExp): number => {
  let at = -1;
  for (const m of text.matchAll(re)) at = m.index;
  return at;
};
/** From a comma to a trigger: the trigger sits in a clause opened after the comma, not yet closed. */
const OPENS_CLAUSE = new RegExp(
  String.raw`[,;]\s*(?:(?:the|a|an|one|two|three|four|five|six|seven|\d+)\s+(?:days?|weeks?|months?|years?)\s+)?${SUBORDINATOR}\b[^,;]*$`,
  'i',
);
/** A trigger that only introduces another one ("agreed to freeze", "decided to impose"). */
const COMPLEMENT_FRAMES: ReadonlySet<string> = new Set(['agree']);
const TO_NEXT = /^\s+to\s+(?:[\p{L}'’-]+\s+)?$/u;
/** "a two-day visit", "three-day talks": the event lasts that many days. */
const DAYS_LONG = /\b(two|three|four|five|six|seven|2|3|4|5|6|7)[- ]day\b/i;
const NUMBER_WORDS: Readonly<Record<string, number>> = { two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7 };
/** A happening only rumoured, in the clause after the rumour ("amid speculation that X had held talks"): no happening told. */
const RUMOUR_BEFORE = /\b(?:speculation|rumou?rs?|speculated|gossip)\s+(?:[\p{L}-]+\s+){0,3}?that\b[^.;:"“”]*$/iu;
/** A comparison opened before the trigger: "it's like <gerund> ...", "(it was) as if ...", "as though ...". */
const SIMILE_BEFORE =
  /(?:\b(?:it|that|this)(?:'s|’s|\s+is|\s+was|\s+would\s+be)\s+(?:just\s+|rather\s+|a\s+bit\s+|almost\s+)?like\s+\p{Ll}+ing\b|\bas\s+(?:if|though)\b)[^.;:!?,]*$/iu;
/** Words of a sentence that tells what is to come. */
const LOOKS_AHEAD = /\b(?:will|would|shall|expected|expects?|forecasts?|predict(?:s|ed|ions?)?|plans?|planned|due|projected)\b/i;
/** An undated report's happening dated this many days before the latest date it states is past. */
const LONG_PAST_DAYS = 365;
/** Agentless frames that befall one person or a few, whose country is not the article's most named one. */
const PERSONAL_FRAMES: ReadonlySet<string> = new Set(['die', 'coerce', 'sentence']);
/** Frames that happen without a named agent (a flood, an election, a strike): kept with context actors when clearly reported. */
const AGENTLESS_FRAMES: ReadonlySet<string> = new Set([
  'disaster',
  'accident',
  'elect',
  'protest',
  'labour_strike',
  'attack',
  'kill',
  'war',
  'die',
  'coerce',
  'explode',
  'fire_at',
  'destroy',
  'disrupt',
  'territory',
  'crime',
  'sentence',
  'group_change',
  'base',
  'surrender',
  'mobilize',
  'displace',
]);
/** A place preposition before a nominal ("at a gathering", "near the meeting"): the scene of another happening. */
const SETTING_BEFORE = /\b(?:at|near|outside|inside)\s+(?:an?|the|this|that|their|its)\s+(?:[\p{L}-]+\s+){0,2}$/iu;
/** Verbs that tell when a nominal happening took place ("the meeting occurred in 2019", "talks began in May"): its own predicate. */
const OCCURRENCE_VERBS: ReadonlySet<string> = new Set([
  'occur',
  'take',
  'happen',
  'begin',
  'start',
  'end',
  'hold',
  'open',
  'close',
  'conclude',
  'last',
  'come',
  'resume',
  'continue',
  'convene',
  'finish',
]);
/** After a nominal trigger: its own agent or a clause telling that it happened ("by gunmen", "that took place on Monday"). */
const OWN_TELLING = /^\s+(?:by\s|(?:that|which)\s+(?:took place|happened|occurred)\b|(?:[^,.;]{0,40}\s)?(?:that|which)\s+(?:took place|happened|occurred)\b)/i;
/** Frames whose happening is a statement: quoted, they are still the event. */
const SPEECH_FRAMES: ReadonlySet<string> = new Set(['accuse', 'threaten']);
/** Types whose source is the one who speaks (a threat, an accusation, a demand, a refusal). */
const STATEMENT_TYPES: ReadonlySet<string> = new Set(['THREATEN', 'ACCUSE', 'REQUEST', 'REJECT']);
/** A sentence that opens with a personal pronoun ("He vowed ...", "She said ..."): its subject is the person just named. */
const PRONOUN_OPENING = /^\s*(?:["“]\s*)?(?:(?:but|and|yet|so|however|later|then|instead|meanwhile|separately|also)\s*,?\s+)?(?:he|she)\b/i;
/** A happening asked for, banned or feared, not reported ("called for protests", "a ban on rallies", "threatened strikes"). */
const CALLED_FOR =
  /\b(?:call(?:s|ed|ing)? for|urg(?:e|es|ed|ing)|threat(?:en(?:s|ed|ing)?)?(?:\s+(?:of|to))?|plan(?:s|ned|ning)?(?:\s+(?:for|to))?|ban(?:s|ned)?\s+on|prohibit(?:s|ed)?|against)\s+(?:[\p{L}-]+\s+){0,3}$/iu;
/** A pronoun subject right before a verb trigger ("it has since killed", "they attacked"): the agent is named elsewhere, not unknown. */
const PRONOUN_SUBJECT = /\b(?:it|they|he|she|we|i|you)\s+(?:(?:has|have|had|was|were|also|then|later|since|reportedly|allegedly|again|repeatedly)\s+)*$/i;
/** A cumulative toll ("have been killed so far", "to date"): a count over a period, not one happening. */
const CUMULATIVE = /\b(?:so far|to date|thus far|in total|since the (?:start|beginning|outbreak)|over the past|in recent (?:weeks|months|years))\b/i;
/** A finite past or perfect verb in the sentence ("were wounded in a grenade attack", "has hit"): the nominal happening took place. */
const PAST_FINITE =
  /\b(?:was|were|has been|have been|had been|had|has|have)\s+(?:[\p{L}-]+ly\s+)?[\p{L}-]+(?:ed|en|wn|ck|ght|lt|nt|ot|ung|ew)\b|\b(?:rocked|killed|wounded|injured|hit|struck|left|targeted|claimed|exploded|destroyed|damaged)\b/iu;

/** Frames of violence, hazards and accidents: a nominal one in a past sentence is a happening. */
/** Frames of blows struck at a place: a nominal one's place may follow "on" or "against" ("the war on Tarn"). */
const STRUCK_FRAMES: ReadonlySet<string> = new Set(['attack', 'kill', 'explode', 'fire_at', 'destroy', 'war', 'territory']);
const VIOLENT_OR_HAZARD: ReadonlySet<string> = new Set([
  'attack',
  'kill',
  'explode',
  'fire_at',
  'destroy',
  'disaster',
  'accident',
  'disrupt',
  'crime',
  'territory',
]);

/**
 * A verb-only form the layer reads as a proper name followed by its verb ("Shell said profits rose",
 * "Strike Energy reported"): the subject's name, not the happening.
 */
function nameNotVerb(ann: AnnotatedDocument, at: number | undefined, t: TriggerHit, headline = false): boolean {
  if (at === undefined || t.kind === 'noun' || t.kind === 'phrase' || t.alsoNoun) return false;
  const k = ann.tokens[at]!,
    next = ann.tokens[at + 1],
    prev = ann.tokens[at - 1];
  if (!/^\p{Lu}/u.test(k.text) || !next || next.sentence !== k.sentence) return false;
  if (k.pos === 'PROPN' && (next.pos === 'VERB' || next.pos === 'AUX' || next.pos === 'PROPN')) return true;
  // a capitalized verb form inside a sentence, right before a capitalized name, is a first name whatever the tag
  // says ('..., said Rob Tarn', '"...," Rob Tarn told'); not at the sentence's start or after an opening quote
  // (a title-case headline capitalizes its verbs: "Kestrel Invites Tarn Officials")
  if (headline) return false;
  const before = ann.tokens[at - 2];
  const opening = !!prev && /^["“‘(]$/.test(prev.text) && !(before && before.sentence === k.sentence && /^[,.!?]$/.test(before.text));
  return !!prev && prev.sentence === k.sentence && !opening && next.pos === 'PROPN' && /^\p{Lu}\p{Ll}/u.test(next.text);
}

/**
 * A participle used as an adjective between a determiner and its noun ("a unified government", "the occupied
 * territories", "the wounded soldiers"): it describes the noun, it reports no happening.
 */
function attributive(ann: AnnotatedDocument, at: number | undefined, t: TriggerHit): boolean {
  // (an -ing form likewise, "the dying seconds", "an attacking threat", unless the frame has it as a noun of its own:
  // "a shooting spree" is the shooting)
  const ing = t.kind === 'ing' && !t.alsoNoun;
  if (at === undefined || (t.kind !== 'past' && t.kind !== 'pp' && !ing) || t.via === 'combo' || /\s/.test(t.text)) return false;
  const prev = ann.tokens[at - 1],
    next = ann.tokens[at + 1],
    k = ann.tokens[at]!;
  if (!prev || !next || prev.sentence !== k.sentence || next.sentence !== k.sentence) return false;
  if (ing)
    return (
      (prev.pos === 'DET' || prev.pos === 'ADJ' || /^(?:a|an|the|its|their|his|her|our)$/i.test(prev.text)) &&
      next.pos === 'NOUN' &&
      !EVENT_HEADS.has(next.text.toLowerCase())
    );
  // (after a preposition, before a title and a name, it describes the one named: "the party of ousted leader Ana
  // Bell", "talks with jailed activist Tom Ruiz")
  const after = ann.tokens[at + 2];
  if (prev.pos === 'ADP' && next.pos === 'NOUN' && after?.sentence === k.sentence && after.pos === 'PROPN') return true;
  return (
    (prev.pos === 'DET' || prev.pos === 'ADJ' || prev.pos === 'NUM' || /^(?:a|an|the|its|their|his|her|our)$/i.test(prev.text)) &&
    (next.pos === 'NOUN' || next.pos === 'ADJ' || next.pos === 'PROPN')
  );
}

/** Possessive pronouns: a verb-only form after one is a noun ("their demand", "his appeal"). */
const POSSESSIVE_PRONOUN = /^(?:my|your|his|her|its|our|their)$/i;

/**
 * A verb-only form the layer reads as a noun inside a noun phrase ("a two-year ban", "by a big ban", "the growing
 * demand for cars", "the union's appeal"): the determiner, possessive or preposition that opens the phrase is reached
 * over modifiers only; over other nouns only when a predicate follows ("the bank support could come"), since a noun
 * before a verb is its subject ("the protesters demand justice").
 */
function layerNoun(ann: AnnotatedDocument, at: number | undefined, t: TriggerHit): boolean {
  if (at === undefined || (t.kind !== 'base' && t.kind !== 's')) return false;
  const k = ann.tokens[at]!;
  if (k.pos !== 'NOUN') return false;
  const next = ann.tokens[at + 1];
  // (a verb reading needs its object right after: "the protesters demand justice", "the police arrest three men")
  const predicateAfter = !next || next.sentence !== k.sentence || !['NOUN', 'PROPN', 'PRON', 'DET', 'NUM', 'ADJ'].includes(next.pos);
  let overNoun = false;
  for (let i = at - 1; i >= at - 5; i--) {
    const p = ann.tokens[i];
    // (a noun phrase that opens the sentence, followed by its predicate: "Party support has been falling")
    if (!p || p.sentence !== k.sentence) return overNoun && predicateAfter;
    // (a relative pronoun opens a clause whose verb follows: "a stance that backs X")
    if (/^(?:that|which|who)$/i.test(p.text)) return false;
    if (p.pos === 'DET' || p.pos === 'ADP' || (p.pos === 'PART' && /^['’]s?$/.test(p.text)) || POSSESSIVE_PRONOUN.test(p.text))
      return !overNoun || predicateAfter;
    // a form of the lexicon that is also a noun, as the object of a verb over its modifiers ("to end terror attacks")
    if (t.alsoNoun && p.pos === 'VERB' && i < at - 1) return true;
    // (a noun inside a hyphenated modifier, "a two-year ban", is a modifier)
    const hyphened =
      (ann.tokens[i + 1]?.text === '-' && ann.tokens[i + 1]!.start === p.end) || (ann.tokens[i - 1]?.text === '-' && ann.tokens[i - 1]!.end === p.start);
    if (p.pos === 'NOUN' || p.pos === 'PROPN') overNoun ||= !hyphened;
    else if (p.pos !== 'ADJ' && p.pos !== 'NUM' && !(p.pos === 'PUNCT' && p.text === '-')) return false;
  }
  return false;
}

/** A nominal followed by a change of level ("support has been falling", "attacks rose"). */
const TREND_AFTER =
  /^\s+(?:(?:has|have|had|is|are|was|were)\s+)?(?:(?:been|also|now|still)\s+)?(?:falling|rising|growing|declining|slipping|dropping|increasing|waning|fallen|risen|grown|declined|slipped|dropped|increased|waned|fell|rose|grew|doubled|halved|soared|slumped|plunged)\b/i;
/** A relative pronoun right before a present-tense verb ("which supports", "that ban"). */
const STANDING_BEFORE = /\b(?:which|that|who)\s+(?:(?:also|often|usually|generally|normally|regularly|routinely)\s+)?$/i;
/** A degree word before a participle used as an adjective. */
const DEGREE_BEFORE = /\b(?:most|more|very|so|less|least|too|rather|quite|particularly|especially)\s+$/i;
/** Ending a sanction or a ban ("lifted a trade ban", "eased the curfew"): not the imposing of it. */
const LIFTED_BEFORE =
  /\b(?:lift(?:s|ed|ing)?|eas(?:e|es|ed|ing)|scrap(?:s|ped|ping)?|overturn(?:s|ed|ing)?|revok(?:e|es|ed|ing)|rescind(?:s|ed|ing)?|repeal(?:s|ed|ing)?)\s+(?:(?:an?|the|its|their|his|her|this|that)\s+)?(?:[\p{L}-]+\s+){0,2}$/iu;
/** Unlikely, unwilling or reluctant to act. */
const UNLIKELY_BEFORE = /\b(?:unlikely|unwilling|reluctant|loath|loth)\s+to\s+(?:[\p{L}'’-]+\s+)?$/iu;
/** A modal of possibility earlier in the clause ("could face having ... seized", "may soon be banned"). */
const MODAL_IN_CLAUSE = /\b(?:[Cc]ould|[Mm]ight|may|[Ss]hould|ought to)\s+(?:[\p{L}'’-]+\s+){0,4}$/u;
/** A nominal followed by a modal of possibility ("the support could come", "an attack that might follow"). */
const MODAL_AFTER = /^\s+(?:(?:that|which)\s+)?(?:could|might|may)\s+(?!have\b|not\b|never\b)/;
/** Capability or purpose governing an infinitive in the clause ("enough to", "able to", "the power to", "used to"). */
const CAPABILITY_BEFORE =
  /\b(?:enough|unable|ability|capable|capability|capacity|power|powers|right|means|designed|(?:is|are|be|been|being|often|commonly|widely)\s+used|allows?|enables?|lets|attempt|attempts|bid|effort|efforts|failed|fails|failing)\s+(?:[\p{L}'’-]+\s+){0,2}?to\s+(?:[\p{L}'’-]+\s+){0,12}$/iu;
/** An accusation or a charge whose content follows ("accused the firm of stealing", "charged with smuggling"). */
const ALLEGED_BEFORE =
  /\b(?:accus(?:e|es|ed|ing)|suspect(?:s|ed)?|suspicion|charg(?:e|es|ed|ing)|alleg(?:e|es|ed|ing|edly|ation|ations)|convict(?:s|ed)?|indict(?:s|ed)?|denied|deny|denies|acquitted)\b[^,;:.]{0,50}\b(?:of|with|for)\s+$/iu;

/** Between a verb of asking and the act asked for ("for him to", "the government to"). */
/** Between a verb of asking and the noun asked for: up to two modifiers, no preposition ("for new", "early"). */
const ASKED_NOUN_GAP = /^\s+(?:(?!(?:after|before|in|on|at|amid|over|since|during|for|to|of|by|with|from|following|and|or|but)\b)[\p{Ll}-]+\s+){0,2}$/u;
const ASKED_TO = /^[^.;:!?]{0,70}\bto\s+(?:[\p{L}'’-]+\s+)?$/u;
/** A phrase trigger that opens with a noun of asking ("calls for", "demands for"). */
const REQUEST_NOUN = /^(?:calls?|demands?|requests?|appeals?|pleas?)\s/i;
/** Between a verb and its object: nothing, a determiner or modifier, or a possessor ("the", "fresh", "Ruritania's"). */
const OBJECT_GAP =
  /^\s+(?:(?:the|these|those|its|their|his|her|this|that|all|an?|any|new|fresh|renewed|repeated|growing|mounting|recent|earlier|latest)\s+){0,2}(?:\p{Lu}[\p{L}.-]*(?:\s+\p{Lu}[\p{L}.-]*){0,3}['’]s?\s+)?$/u;

/** The recognizer rule of a mention (event_mentions.rule). */
function ruleOf(c: Candidate, agentless: boolean): EventMentionX['rule'] {
  if (agentless) return 'agentless';
  if (c.t.via === 'combo') return 'verb_object';
  if (c.t.via === 'sense') return 'sense';
  if (c.t.kind === 'phrase') return 'phrase';
  return c.nominal ? 'noun' : 'verb';
}
/** A happening named only as a risk or something to avert ("the brink of famine", "fears of an attack", "to prevent a war"). */
const RISK_BEFORE =
  /\b(?:(?:an?\s+)?end to|halt to|stop to|need for|needs for|demands? for|push(?:ed|es|ing)? for|hopes? (?:of|for)|anniversar(?:y|ies) of|memory of|memorial to|protect(?:s|ed|ing)?\s+(?:[\p{L}-]+\s+)?(?:from|against)|in danger of|run-up to|lead-up to|build-up to|aftermath of|wake of|victims of|survivors of|brink of|verge of|risk of|risks of|threat of|threats of|fears? of|danger of|warn(?:ed|s|ing)? of|prevent(?:ed|ing|s)?|avert(?:ed|ing|s)?|avoid(?:ed|ing|s)?|to (?:end|stop|halt|curb|combat|tackle|counter|deter|fight|reduce)|(?:ending|stopping|halting|curbing|combating|combatting|tackling|countering|deterring|fighting|reducing))\s+(?:(?:an?|the|any|further|more|new|possible|imminent|looming|potential)\s+)*(?:[\p{L}-]+\s+)?$/iu;
/** Condition in the same clause before the trigger ("if X were to meet", "unless"). */
const HYPOTHETICAL = /\b(?:if|unless|whether|in case|lest|were to|would have|could have)\b[^,;:.]*$/i;
/** A modal of possibility or ability right before the trigger ("can be attacked", "could veto", "may strike"): no reported happening. */
/** "none of which have been hit by the flooding": a negated subject a few words back. */
const NONE_OF = /\bnone of (?:which|them|these|those|whom)\s+(?:[\p{L}'’-]+\s+){0,6}$/iu;
/** A modal chain before an infinitive ("could use to threaten", "might try to attack"): a possibility, no happening. */
const MODAL_CHAIN = /\b(?:can|could|may|might|would)\s+(?:[\p{L}'’-]+\s+){1,4}to\s+$/iu;
/** A count or trend of happenings ("the number of accidents", "a rise in attacks"): a statistic, not one happening. */
const STATISTIC_BEFORE =
  /\b(?:number of|numbers of|rise in|increase in|decrease in|decline in|fall in|drop in|rate of|levels of|statistics on|figures on)\s+(?:[\p{L}-]+\s+){0,2}$/iu;
const MODAL_POSSIBLE = /\b(?:can|could|may|might|cannot|can['’]t|couldn['’]t)\s+(?:not\s+)?(?:be\s+|have\s+been\s+)?(?:[\p{L}'’-]+ly\s+)?$/iu;
/** Modal and time cues that the happening is still to come. */
const PLANNED_BEFORE =
  /\b(?:will|shall|['’]ll|is to|are to|was to|were to|(?:is|are|was|were) due to|plans? to|planned to|planning to|scheduled to|set to|expected to|going to|intends? to|intended to|ready to|seeks? to|seeking to|hopes? to|hoped to|aims? to|aimed to|would|invited\s+[^,;.]{0,80}?to|urged\s+[^,;.]{0,80}?to|upcoming|forthcoming|planned|proposed|future|next|(?:wait|waits|waited|waiting) for|await(?:s|ed|ing)?)\s+(?:[\p{L}'’-]+\s+){0,3}$/iu;
const PLANNED_AFTER =
  /^[^.;]{0,60}?\b(?:(?:is|are|was|were|has been|had been)\s+(?:planned|scheduled|set|due|expected)|to be held|will (?:take place|be held|convene|begin|start|open)|which (?:convenes|opens|begins|starts)|next week|next month|is to (?:take place|be held))\b/iu;
const ONGOING_BEFORE =
  /\b(?:(?:is|are|am)\s+(?:still\s+)?(?=\S+ing\b)|continues? to|continuing|ongoing|current|under way|underway|still|keeps? on)\s*(?:[\p{L}'’-]+\s+){0,2}$/iu;
/** A past verb in the words before ("resigned ... after"). */
const PAST_IN_CLAUSE =
  /\b(?:\p{Ll}{2,}ed|was|were|had|said|made|took|left|quit|won|lost|began|told|went)\b|\b(?:has|have)\s+(?:[\p{L}-]+ly\s+)?\p{Ll}+(?:ed|en|wn|ne|ht|lt|nt|ung|ot)\b/u;
/** A past verb, its object, then a comma: what an -ing participle after it hangs on. */
const PAST_ADJUNCT = /\b\p{Ll}[\p{L}-]*ed\s+(?:[\p{L}'’-]+\s+){0,5}[\p{L}'’-]+,\s*$/u;
const PERFECT_OR_PAST = /\b(?:has|have|had|was|were|been|did)\s+(?:[\p{L}'’-]+\s+){0,2}$/iu;
const TO_INFINITIVE = /\bto\s+(?:[\p{L}'’-]+\s+)?$/iu;
/** (a date between the determiner and the noun counts as a modifier: "the October 7 attack", "the 2019 talks") */
const DETERMINER_BEFORE =
  /\b(?:the|a|an|this|that|these|those|its|their|his|her|our|your|any|such|new|recent|latest|further|first|second|\w+['’]s)\s+(?:[\p{L}\p{N}'’-]+\s+){0,2}$/iu;
/** A past light verb whose object is the nominal trigger ("launched a counteroffensive", "declared a state of emergency"). */
const LIGHT_PAST =
  /\b(?:launched|carried out|staged|mounted|conducted|began|started|led|organi[sz]ed|resumed|joined|opened|declared|imposed|held|went on|repeated|renewed|issued|made|voiced|got|received|handed|given|suffered|served)\s+(?:[\p{L}\p{N}-]+\s+){0,3}$/iu;
const PREP_BEFORE = /\b(?:after|before|despite|without|with|for|of|from|amid|against|over|under|about|by|in|on)\s+$/i;
const RELATIVE = /\b(?:who|whom|whose|which)\b/i;
const CLAUSE_BREAK = /[;:—–]|,\s+(?:while|but|whereas|although|though)\b/g;
const TITLE_CASE = /^(?:\S+\s+){2,}/;

/** The text of the clause before `at` (back to the last ";", ":" or dash). */
function clauseBefore(text: string, at: number, max = 140): string {
  const from = Math.max(0, at - max);
  const seg = text.slice(from, at);
  let cut = 0;
  for (const m of seg.matchAll(CLAUSE_BREAK)) cut = m.index + m[0].length;
  return seg.slice(cut);
}

/** True when most words of the sentence are capitalized (a headline). */
function titleCased(s: string): boolean {
  if (!TITLE_CASE.test(s)) return false;
  const words = s.split(/\s+/).filter((w) => /^\p{L}/u.test(w) && w.length > 3);
  return words.length > 0 && words.filter((w) => /^\p{Lu}/u.test(w)).length / words.length > 0.7;
}

/** A past verb whose subject is the noun before it ("the rallies were held", "a riot broke out"). */
const PAST_AFTER_NOUN =
  /^\s+(?:and\s+[\p{L}-]+\s+)?(?:(?:that|which)\s+(?:had\s+)?(?:brought|toppled|ousted|swept|began|killed|left|forced|led|shook|ended|destroyed|\p{Ll}+ed\s+(?:down|up|out|off))\s+|(?:was|were|had been|have been|has been)\s+(?:held|staged|organi[sz]ed|carried out|launched|called|led|mounted)|took place|broke out|erupted|spread|followed|sparked|prompted|triggered|caused|led to|left|forced|ended|surprised|shocked|shook|raised)\b/iu;
/**
 * A country name that only modifies the noun after it ("a UK tour", "the US bankruptcy court", "US retailer Kestrel"):
 * the noun's, not the country's, part in the happening; the country is where or whose. (Not before a word for its
 * state or its people: "US officials", "UK forces", "the US president".)
 */
function countryModifier(
  ann: AnnotatedDocument,
  tokenAt: ReadonlyMap<number, number>,
  a: { readonly start: number; readonly end: number },
  isTrigger: (start: number, end: number) => boolean,
  isVerb: (start: number, end: number) => boolean,
): boolean {
  const run = modifiedNouns(ann, tokenAt, a.end);
  // (a headline verb read as a noun: "Kestrel jails blogger"; the compound may be the happening itself, the country
  // its agent: "a US drone strike", "UK air raids")
  return !!run && !isVerb(run.first.start, run.first.end) && !isTrigger(run.head.start, run.head.end);
}

/**
 * A name that only modifies the object of a verb before it ("froze Kestrel accounts", "to buy Loria shares"): the
 * verb's object, never the subject of a verb further on ("... and seize the assets").
 */
function inObject(ann: AnnotatedDocument, tokenAt: ReadonlyMap<number, number>, a: { readonly start: number; readonly end: number }): boolean {
  const first = tokenAt.get(a.start);
  if (first === undefined || !modifiedNouns(ann, tokenAt, a.end)) return false;
  let b = first - 1;
  if (ann.tokens[b]?.pos === 'DET') b--;
  const verb = ann.tokens[b];
  return !!verb && verb.sentence === ann.tokens[first]!.sentence && verb.pos === 'VERB';
}

/** The country of the first demonym written in a sentence ("French farmers", "the Norwegian rules"). */
function sentenceDemonym(text: string): string | undefined {
  for (const m of text.matchAll(/\b\p{Lu}\p{Ll}+\b/gu)) {
    const c = countryByDemonym(m[0]);
    if (c) return c.iso3;
  }
  return undefined;
}
/** A later step told after a comma ("..., and later", ", then", ", before going on to"). */
const THEN_LATER = /^,?\s*(?:and\s+)?(?:later|then|subsequently|afterwards|eventually|thereafter)\b/i;
/**
 * Whether the verb at token `k` has a bare plural or mass noun right before it as its subject, with no determiner,
 * number or name ("Hackers steal data", "spyware steals passwords"; not "the hackers stole", "two men attack").
 */
function genericSubject(ann: AnnotatedDocument, k: number | undefined, isActor: (a: number, b: number) => boolean): boolean {
  if (k === undefined) return false;
  const verb = ann.tokens[k]!;
  // (read as a verb by the layer: "police raids on the offices" is a noun compound)
  if (verb.pos !== 'VERB') return false;
  let j = k - 1;
  while (j >= 0 && ann.tokens[j]!.sentence === verb.sentence && ann.tokens[j]!.pos === 'ADV') j--;
  const noun = ann.tokens[j];
  // (a sentence's first word is often tagged a proper noun: "Viruses attack ...")
  if (!noun || noun.sentence !== verb.sentence) return false;
  const first = j === 0 || ann.tokens[j - 1]!.sentence !== verb.sentence;
  if (!(noun.pos === 'NOUN' || (noun.pos === 'PROPN' && first))) return false;
  // the subject noun phrase: adjectives and nouns before the head, then what opens it
  let h = j - 1;
  while (h >= 0 && ann.tokens[h]!.sentence === verb.sentence && (ann.tokens[h]!.pos === 'ADJ' || ann.tokens[h]!.pos === 'NOUN')) h--;
  const opener = ann.tokens[h];
  const opens =
    !opener || opener.sentence !== verb.sentence || opener.pos === 'PUNCT' || opener.pos === 'CCONJ' || opener.pos === 'SCONJ' || opener.pos === 'ADP';
  const plural = noun.text.toLowerCase() !== noun.lemma || (noun.pos === 'PROPN' && /[^s]s$/i.test(noun.text));
  return opens && !isActor(ann.tokens[h + 1]!.start, noun.end) && (plural || verb.text.toLowerCase().endsWith('s'));
}
/** Whether the words after a name up to a person's name are a title ("Kestrel boss Ana Bell", "Loria's chief executive Tom Ruiz"). */
function affiliationBefore(text: string, end: number, actors: readonly SentenceActor[]): boolean {
  const m = /^(?:['’]s?)?\s+((?:[\p{Ll}-]+\s+){1,3})$/u;
  return actors.some((p) => {
    if (p.type !== 'person' || p.start <= end || p.start - end > 40) return false;
    const words = m.exec(text.slice(end, p.start));
    return !!words && HEAD_WORDS.has(words[1]!.trim().split(/\s+/).at(-1)!);
  });
}
/** A relative clause opened after a comma (", who was", ", which"). */
const RELATIVE_OPENING = /,\s*(?:who|whom|whose|which)\b/gi;
/** The word right before a name, with its full stop ("Mrs ", "Sir "). */
const WORD_BEFORE = /(\p{L}+)\.?\s+$/u;
/**
 * Whether each person of the article is a man or a woman, as far as an honorific before one of their mentions says
 * ("Mrs Kovac", "Sir Tom Baker"; the mention's own first word when it holds the title). Two that disagree say nothing.
 */
function personGenders(text: string, mentions: readonly ActorMentionX[], cues: Pick<ActorCues, 'maleTitles' | 'femaleTitles'>): Map<string, 'm' | 'f'> {
  const seen = new Map<string, 'm' | 'f' | null>();
  for (const m of mentions) {
    if (m.type !== 'person') continue;
    const word = (WORD_BEFORE.exec(text.slice(Math.max(0, m.char_start - 16), m.char_start))?.[1] ?? '').toLowerCase();
    const first = m.text.split(/\s+/)[0]!.replace(/\.$/, '').toLowerCase();
    const g = [word, first].map((w) => (cues.maleTitles.has(w) ? 'm' : cues.femaleTitles.has(w) ? 'f' : null)).find((x) => x) ?? null;
    if (!g) continue;
    const was = seen.get(m.name);
    seen.set(m.name, was === undefined || was === g ? g : null);
  }
  return new Map([...seen].filter((e): e is [string, 'm' | 'f'] => e[1] !== null));
}

/** The capitalized word or two right before a trigger, over one lower-case modifier ("the Asian tsunami", "Middle Eastern oil crisis"). */
const REGION_QUALIFIER = /(?:\b(\p{Lu}\p{L}+)\s+)?\b(\p{Lu}\p{L}+)\s+(?:\p{Ll}[\p{Ll}-]*\s+)?$/u;
/** A happening named as the cause of another, right before its trigger ("postponed because of the storm"). */
const NAMED_AS_CAUSE = /\b(?:because\s+of|due\s+to|owing\s+to|caused\s+by|blamed\s+on)\s+(?:[\p{L}'’-]+\s+){0,4}$/iu;
/** A person's home after the name or the age, in a list ("Ana Ruiz, 46, of Tarn, Loria"; "a man from Loria"). */
const HOME_OF = /(?:[,\d]|\bman|\bwoman|\bboy|\bgirl)\s+(?:of|from)\s+(?:\p{Lu}[\p{L}'’-]+,?\s+){0,3}$/u;

/** A noun's own possessive after "about" or "over" ("a book about his resignation", "a row over their walkout"). */
const OWN_ABOUT = /\b(?:about|over)\s+(?:his|her|their|its)\s+(?:[\p{L}-]+\s+)?$/iu;
/** A modifier that places a happening named by a noun in the past ("the recent election", "last year's strike", "a failed coup"). */
const PAST_MODIFIER = /\b(?:recent|last|previous|earlier|(?<!\bin\s+the\s+)past|failed|botched)(?:\s+year['’]s)?\s+(?:[\p{L}\p{N}'’-]+\s+){0,2}$/iu;
/**
 * A participle right after the noun that says it was done ("the bans imposed on them", "a lawsuit filed in May", "the
 * talks held in the capital"). (Not "planned", "proposed", "expected" or "called": "an election called for May".)
 */
const DONE_PARTICIPLE =
  /^,?\s+(?:[\p{L}-]+ly\s+)?(?:filed|imposed|held|staged|launched|carried out|signed|reached|struck|lodged|handed down|handed out|conducted|mounted|brought against)\b/iu;
/** A happening named as what came before or caused the clause ("after the massacre", "because of the strike"): in a past sentence it took place. */
const EARLIER_HAPPENING =
  /\b(?:after|following|since|because of|due to|owing to|delayed by|prompted by|in response to|in the wake of)\s+(?:(?:the|a|an|its|their|his|her|last|this)\s+)?(?:[\p{L}\p{N}'’-]+\s+){0,3}$/iu;
/** (a present verb after the noun makes the "since" or "after" a conjunction of cause: "since the vote is close") */
const PRESENT_AFTER = /^\s+(?:is|are|has|have|remains?|looms?)\b/i;
/**
 * A common noun or a name right before an -ing form, which then describes it or its doer ("a speech criticising",
 * "wrote to Kestrel Bank accusing it"; not "said banning", "him signing").
 */
const NOUN_BEFORE_ING =
  /(?<![\p{L}'’-])(?!(?:is|are|am|be|been|being|was|were|to|of|for|by|about|from|without|before|after|said|says|say|that|when|while|if|as|than|him|her|them|it|us|me|you|and|or|but|not|also|still|just|then|start|started|stop|stopped|keep|kept|began|begin)\s)(?:\p{Ll}[\p{Ll}-]*(?<!ed|ly)|\p{Lu}\p{Ll}[\p{L}'’-]*)\s+$/u;
const MODAL = /\b(?:could|can|may|might|should|must)\b/i;
/** A present copula and an indefinite noun phrase, then its relative pronoun, right before a trigger. */
const DEFINING = /\b(?:is|are)\s+(?:not\s+)?(?:a|an|one of the)\s+[^,.;:"“”]{0,60}?\b(?:that|which|who)\s+(?:(?:has|have|had|also|once|first)\s+)?$/i;
/** A plural finite verb or auxiliary right after a word. */
const PLURAL_VERB_AFTER = /^\s+(?:and\s+[\p{L}-]+\s+)?(?:were|are|have|had|will|would|could|can|may|continued|spread|broke out|took place)\b/iu;
/** Whether a form should be read as a noun here ("the meeting", "attacks on"). */
const isNominal = (t: TriggerHit, before: string): boolean =>
  t.kind === 'noun' || (t.alsoNoun && DETERMINER_BEFORE.test(before) && !PERFECT_OR_PAST.test(before) && !/\b(?:is|are|was|were|be)\s+$/i.test(before));

function statusOf(t: TriggerHit, nominal: boolean, text: string): Status {
  const before = clauseBefore(text, t.index, 100);
  const after = text.slice(t.end, t.end + 80);
  if (PLANNED_BEFORE.test(before) || (nominal && PLANNED_AFTER.test(after))) return 'planned';
  if (!nominal && TO_INFINITIVE.test(before))
    return /\b(?:invited|urged|asked|called on|ready|agreed|decided|plans?|wants?|seeks?)\b/i.test(before)
      ? 'planned'
      : ACHIEVED_TO.test(before)
        ? 'occurred'
        : 'unknown';
  if ((t.kind === 'ing' || /^\S+ing\b/i.test(t.text)) && /\b(?:is|are|am)\s+(?:still\s+)?$/i.test(before)) return 'ongoing';
  if (ONGOING_BEFORE.test(before) || (t.kind === 'ing' && /\b(?:is|are|am)\s+(?:still\s+)?$/i.test(before))) return 'ongoing';
  // a gerund after "after" or "by" in a past sentence happened ("resigned after criticising the board", "began the
  // drive by appealing for calm")
  if (t.kind === 'ing' && !nominal && /\b(?:after|by)\s+$/i.test(before) && PAST_IN_CLAUSE.test(before)) return 'occurred';
  // a participle after a noun in a past clause tells what was said or done then ("opened with a speech criticising
  // the plan", "sent a letter demanding an apology")
  if (t.kind === 'ing' && !nominal && NOUN_BEFORE_ING.test(before) && PAST_IN_CLAUSE.test(before) && !LOOKS_AHEAD.test(before) && !MODAL.test(before))
    return 'occurred';
  // a participle adjunct shares the time of the past verb it hangs on ("she spoke to the crowd, thanking them")
  if (t.kind === 'ing' && !nominal && PAST_ADJUNCT.test(text.slice(Math.max(0, t.index - 80), t.index))) return 'occurred';
  // ... also after a longer or perfect clause ("a complaint has been made to the board by the union, demanding a
  // hearing")
  if (t.kind === 'ing' && !nominal && /,\s*$/.test(before) && PAST_IN_CLAUSE.test(before) && !LOOKS_AHEAD.test(before) && !MODAL.test(before))
    return 'occurred';
  if (nominal)
    return /\b(?:current|ongoing|continuing)\s+(?:[\p{L}-]+\s+){0,2}$/iu.test(before)
      ? 'ongoing'
      : LIGHT_PAST.test(before) ||
          PAST_AFTER_NOUN.test(after) ||
          PAST_MODIFIER.test(before) ||
          DONE_PARTICIPLE.test(after) ||
          // (one's own happening a past sentence tells about: "paid for his book about his resignation")
          (OWN_ABOUT.test(before) && PAST_IN_CLAUSE.test(before) && !LOOKS_AHEAD.test(text) && !MODAL.test(before)) ||
          (EARLIER_HAPPENING.test(before) && !PRESENT_AFTER.test(after) && PAST_IN_CLAUSE.test(text) && !LOOKS_AHEAD.test(text) && !MODAL.test(text))
        ? 'occurred'
        : 'unknown';
  if (t.kind === 'past' || t.kind === 'pp') return 'occurred';
  if (t.kind === 'phrase')
    return /^(?:was|were|had been|has been|have been)\s/i.test(t.text) ||
      /\b(?:held|made|took|struck|sent|withdrew|met)\b/i.test(t.text) ||
      /(?:ed|held|sent|took|struck)\b/i.test(t.text.split(/\s+/)[0]!)
      ? 'occurred'
      : PERFECT_OR_PAST.test(before) || LIGHT_PAST.test(before)
        ? 'occurred'
        : 'unknown';
  if (PERFECT_OR_PAST.test(before)) return 'occurred';
  if (t.kind === 's' || t.kind === 'base') return 'unknown'; // headline present ("Russia invites") says neither
  return 'unknown';
}

const directionOf = (s: Status): Direction => (s === 'planned' ? 'future' : s === 'occurred' ? 'past' : 'nearest');

interface Candidate {
  readonly t: TriggerHit;
  readonly nominal: boolean;
  /** Read as a noun by the layer only (a verb-only form of the lexicon: "a two-year ban", "new sanctions"). */
  readonly layer: boolean;
  status: Status;
}

/** Distance between a date hit and a span, in characters (0 when touching). */
const gap = (h: { index: number; text: string }, s: number, e: number) =>
  h.index >= e ? h.index - e : s >= h.index + h.text.length ? s - (h.index + h.text.length) : 0;

/** The direction a date's own words give ("due to ... on Wednesday", "last year"), else null. */
function cueBefore(text: string, at: number): Direction | null {
  const before = text.slice(Math.max(0, at - 70), at);
  if (FUTURE_CUE.test(before)) return 'future';
  if (PAST_CUE.test(before)) return 'past';
  return null;
}

/**
 * For each date hit, the candidate it dates, or null: a date that bounds a
 * period ("until", "since") dates nothing; a date whose own words point the
 * other way than the candidate's status is not its date; a reporting verb
 * nearer than any trigger takes the date for the statement, except a
 * reporting clause put after the main clause ("X killed 50 on Sunday,
 * sources said"), which does not take dates written before its comma.
 */
function anchorDates(
  text: string,
  hits: readonly DateHit[],
  cands: readonly Candidate[],
  reporting: readonly [number, number][],
  otherVerb: (from: number, to: number) => boolean = () => false,
): (number | null)[] {
  return hits.map((h) => {
    // a duration is no date ("protesters camped for three days", "the road was shut for 48 hours"), nor a span of
    // hours or minutes from another happening ("20 hours after the blast", "minutes later": the day is that one's)
    if (DURATION.test(h.text) || HOURS_OFFSET.test(h.text)) return null;
    // "since March 1, when the two sides signed a truce": the when-clause tells what happened on the bound date
    const when = /^,?\s*when\b/i.exec(text.slice(h.index + h.text.length - (h.text.endsWith(',') ? 1 : 0)));
    if (when && BOUND_BEFORE.test(text.slice(Math.max(0, h.index - 12), h.index))) {
      const at = h.index + h.text.length;
      const i = cands.findIndex((c) => c.t.index >= at && !/[,;]/.test(text.slice(at + when[0].length, c.t.index)));
      return i >= 0 ? i : null;
    }
    // a span measured from another happening dates the clause it opens (see offsetDates), nothing else
    if (OFFSET_DATE.test(h.text)) {
      const i = cands.findIndex((c) => c.t.index >= h.index + h.text.length && !/[,;]/.test(text.slice(h.index + h.text.length, c.t.index)));
      return i >= 0 ? i : null;
    }
    // a span measured from another happening lying between a date and a trigger separates their clauses
    // ("mourning was declared on Tuesday, the day after gunmen attacked a market": Tuesday is not the attack's)
    const between = (c: Candidate) => OFFSET_IN.test(h.index < c.t.index ? text.slice(h.index + h.text.length, c.t.index) : text.slice(c.t.end, h.index));
    // ("since the October 7 attack": the date names the attack itself)
    // (also past a modifier or two: "the 3 March, 2023 cross-border raid")
    const premodifies = cands.some(
      (c) =>
        c.nominal &&
        c.t.index >= h.index + h.text.length &&
        /^,?\s*(?:\d{4}\s+)?(?:[\p{Ll}-]+\s+){0,2}$/u.test(text.slice(h.index + h.text.length, c.t.index)) &&
        !/\b(?:and|or|of|to|in|on|at|by|for|with|from|the|a|an)\s+$/i.test(text.slice(h.index + h.text.length, c.t.index)),
    );
    if (!premodifies && BOUND_BEFORE.test(text.slice(Math.max(0, h.index - 12), h.index))) return null;
    // "after the 7 October incursion": the date names an earlier happening that is no trigger here
    if (
      !premodifies &&
      /\b(?:after|before|since|following)\s+(?:the\s+)?$/i.test(text.slice(Math.max(0, h.index - 16), h.index)) &&
      /^,?(?:\s+\d{4})?\s+[a-z][\p{L}-]*/u.test(text.slice(h.index + h.text.length))
    )
      return null;
    const cue = cueBefore(text, h.index);
    let best: { i: number | null; d: number } = { i: null, d: Infinity };
    cands.forEach((c, i) => {
      if (cue === 'future' && c.status === 'occurred' && h.index > c.t.end) return;
      if (between(c)) return;
      // a date followed by "and" closes the verb phrase before it ("met X on Monday and signed a truce on Wednesday")
      if (
        h.index + h.text.length <= c.t.index &&
        /^,?\s*(?:and|but|or|then)\s/i.test(text.slice(h.index + h.text.length, c.t.index)) &&
        cands.some((o) => o.t.end <= h.index)
      )
        return;
      // a trigger in a clause or phrase opened after the date ("... in the capital on 3 May, amid the war") is not dated
      // by it, nor one whose clause the date's own clause follows ("X attacked the town, after talks failed on Monday")
      // (a date's text may end with its comma: "On Monday, after talks failed, ...")
      if (h.index + h.text.length <= c.t.index && OPENS_CLAUSE.test(text.slice(h.index + h.text.length - (h.text.endsWith(',') ? 1 : 0), c.t.index))) return;
      if (c.t.end <= h.index && OPENS_CLAUSE.test(text.slice(c.t.end, h.index))) return;
      // ... nor one in a phrase of circumstance right after the date ("met X on Monday amid the war")
      if (h.index + h.text.length <= c.t.index && CIRCUMSTANCE_AFTER.test(text.slice(h.index + h.text.length, c.t.end))) return;
      // a date before ", and later" dates what came first ("voted against it in 1975, and later rejected a post")
      if (h.index + h.text.length <= c.t.index && THEN_LATER.test(text.slice(h.index + h.text.length - (h.text.endsWith(',') ? 1 : 0), c.t.index))) return;
      // a date inside a relative clause after the trigger dates that clause ("X, who was designated in 1995")
      if (h.index > c.t.end && RELATIVE.test(text.slice(c.t.end, h.index))) return;
      // ... nor a trigger after the clause closes ("X, who was hurt in a fall in 2019, died on Monday": 2019 is the fall's)
      if (h.index + h.text.length <= c.t.index && /,/.test(text.slice(h.index + h.text.length - (h.text.endsWith(',') ? 1 : 0), c.t.index))) {
        const opened = lastIndexOf(text.slice(0, h.index), RELATIVE_OPENING);
        if (opened >= 0 && !/[,;]/.test(text.slice(opened + 1, h.index))) return;
      }
      // a date after another verb dates that verb's clause ("vetoed a rebate secured in 1984": 1984 is when it was secured)
      // (only a year or a month: a day named after a second verb still dates the happening, "met and agreed on Monday")
      if (h.precision !== 'day' && h.index > c.t.end && otherVerb(c.t.end, h.index)) return;
      const d = gap(h, c.t.index, c.t.end) + (h.index < c.t.index ? 1 : 0);
      if (d < best.d) best = { i, d };
    });
    for (const [s, e] of reporting) {
      const comma = text.lastIndexOf(',', s);
      const postposed = comma >= 0 && s - comma < 60 && h.index < comma && cands.some((c) => c.t.end <= comma);
      if (postposed) continue;
      const d = gap(h, s, e);
      if (d < best.d) best = { i: null, d };
    }
    return best.i;
  });
}

/**
 * Spans measured from another happening ("a day after", "two weeks before") made dates: counted from the last
 * day-precision date before them in the sentence ("X on Sunday, a day after Y": Y on Saturday); with none, dropped.
 */
function offsetDates(hits: readonly DateHit[], counted: ReadonlySet<DateHit> = new Set()): (DateHit | null)[] {
  const out: (DateHit | null)[] = [];
  for (const h of hits) {
    // (a span already counted from the report's day keeps its date)
    const m = counted.has(h) ? null : OFFSET_DATE.exec(h.text);
    if (!m) {
      out.push(h);
      continue;
    }
    const base = [...hits].reverse().find((o) => o.index < h.index && !OFFSET_DATE.test(o.text) && o.precision === 'day' && o.start === o.end);
    if (!base) {
      out.push(null);
      continue;
    }
    const n =
      (/^\d+$/.test(h.text.split(/\s+/)[0]!) ? +h.text.split(/\s+/)[0]! : (NUMBER_WORDS[h.text.split(/\s+/)[0]!.toLowerCase()] ?? 1)) *
      OFFSET_UNITS[m[1]!.toLowerCase()]!;
    const sign = /after|later/i.test(m[2]!) ? -1 : 1;
    const day = addDays(base.start, sign * n);
    out.push({ ...h, start: day, end: day, precision: 'day' });
  }
  return out;
}

/** A single-day date of a "two-day visit" or "three-day talks" runs that many days. */
function lasting(text: string, group: readonly Candidate[], date: DateHit | null): DateHit | null {
  if (!date || date.precision !== 'day' || date.start !== date.end) return date;
  const from = Math.max(0, Math.min(...group.map((c) => c.t.index)) - 40);
  const to = Math.max(...group.map((c) => c.t.end)) + 10;
  const m = DAYS_LONG.exec(text.slice(from, to));
  if (!m) return date;
  const n = NUMBER_WORDS[m[1]!.toLowerCase()] ?? +m[1]!;
  return { ...date, end: addDays(date.start, n - 1) };
}

/** A line that reads like a teaser, caption or section head: no closing punctuation, short. */
function teaserLine(text: string): boolean {
  const t = text.trim();
  return !/[.!?"”’)\]…:;]$/.test(t) && t.split(/\s+/).length <= 20;
}

/**
 * The article's country mentions: the first per ISO code, and the most mentioned one (ties to the earliest), not
 * counting a person's home in a list ("Ana Ruiz, 46, of Tarn, Loria": see HOME_OF). A country named once is no
 * setting of the article: one named in passing ("tax rates are lower in Loria") would place every happening of it.
 */
function contextCountries(mentions: readonly ActorMentionX[], text: string): { byCountry: ReadonlyMap<string, number>; main: number | undefined } {
  const byCountry = new Map<string, number>();
  const count = new Map<string, number>();
  mentions.forEach((m, i) => {
    if (m.type !== 'country') return;
    const c = m.country ?? m.name;
    if (!byCountry.has(c)) byCountry.set(c, i);
    if (!HOME_OF.test(text.slice(Math.max(0, m.char_start - 60), m.char_start))) count.set(c, (count.get(c) ?? 0) + 1);
  });
  let main: string | undefined,
    n = 0;
  for (const [c, k] of count) if (k > n) [main, n] = [c, k];
  return { byCountry, main: main === undefined || n < 2 ? undefined : byCountry.get(main) };
}

/**
 * Event mentions in `doc`. `mentions` are the article's actor mentions; an
 * event's actors are indexes into that array.
 */
export function findEvents(
  doc: Document,
  mentions: readonly ActorMentionX[],
  ann?: AnnotatedDocument,
  cues: Pick<ActorCues, 'regions' | 'maleTitles' | 'femaleTitles'> = PROJECT_CUES,
): EventMentionX[] {
  const tokenAt = new Map((ann?.tokens ?? []).map((k, i) => [k.start, i] as const));
  const bySentence = new Map<number, SentenceActor[]>();
  const genders = personGenders(doc.text, mentions, cues);
  mentions.forEach((m, i) => {
    const list = bySentence.get(m.sentence_index) ?? [];
    const gender = m.type === 'person' ? genders.get(m.name) : undefined;
    list.push({ mention: i, start: m.char_start, end: m.char_end, name: m.name, type: m.type, ...(gender ? { gender } : {}) });
    bySentence.set(m.sentence_index, list);
  });
  const reference = doc.article.published_date;
  // an undated report is no older than the latest date it states (each with its year, unresolved ones being
  // dropped): a happening dated more than a year before that one is past ("the last election was in June 2001")
  const latestStated = reference
    ? null
    : (ann?.dates ?? []).reduce<string | null>((m, d) => (d.nearest && (!m || d.nearest.date_end > m) ? d.nearest.date_end : m), null);
  const longPast = latestStated ? addDays(latestStated, -LONG_PAST_DAYS) : null;
  const out: EventMentionX[] = [];
  /** Past statements dated by their report's two days (see `today` below). */
  const reportDated = new Set<EventMentionX>();
  /** Mentions whose parties are the sentence's actors as participants, no role found (see assignActors' fallback). */
  const guessed = new Set<EventMentionX>();
  /** Sentences that give a date more than a week before the report. */
  const pastSentences = new Set<number>();
  const quotes = quoteSpans(doc.text);
  const context = contextCountries(mentions, doc.text);
  let q = 0;
  const oneParagraph = doc.sentences.every((s) => s.paragraph_index <= 1);
  const domains = articleDomains(doc.text);
  for (const s of doc.sentences) {
    const text = s.text;
    const triggers = findTriggers(text, domains);
    if (triggers.length === 0) continue;
    const headline = titleCased(text);
    if (s.paragraph_index > 0 && !oneParagraph && teaserLine(text)) continue; // teasers, captions, section heads (a one-paragraph body has none: a wire brief)
    while (q < quotes.length && quotes[q]!.end <= s.char_start) q++;
    const inQuotes = quotes
      .slice(q)
      .filter((x) => x.start < s.char_end)
      .map((x) => [x.start - s.char_start, x.end - s.char_start] as const);
    const reporting = findReporting(text);
    const kept: Candidate[] = [];
    const sentActors0 = bySentence.get(s.sentence_index) ?? [];
    const isActor = (a: number, b: number) => sentActors0.some((m) => m.start <= a && b <= m.end);
    for (const t0 of triggers) {
      if (ann && (nameNotVerb(ann, tokenAt.get(s.char_start + t0.index), t0, headline) || attributive(ann, tokenAt.get(s.char_start + t0.index), t0))) continue;
      // the sense its direct object gives a verb ("met the deadline", "attacked the plan": see ./events/objects.ts)
      const moved = ann ? objectSense(ann, tokenAt.get(s.char_start + t0.index), t0, passiveVoice(text, t0), isActor) : undefined;
      if (moved === null) continue;
      const t = moved === undefined ? t0 : inFrame(t0, moved);
      // what a kind of thing does as a rule, told in the present with a bare plural or mass noun as subject
      // ("viruses attack unprotected machines", "spyware steals passwords"): no attack or crime (a headline's present
      // is news: "Rebels attack town"; protesters who demand are news in any sentence, so only violence and crime)
      if (
        ann &&
        !headline &&
        s.paragraph_index > 0 &&
        (t.type === 'ASSAULT' || t.frame === 'crime') &&
        (t.kind === 's' || t.kind === 'base') &&
        genericSubject(ann, tokenAt.get(s.char_start + t.index), isActor)
      )
        continue;
      const before = text.slice(Math.max(0, t.index - 160), t.index);
      if (NEGATED.test(before) || NONE_OF.test(before) || MODAL_POSSIBLE.test(before) || HYPOTHETICAL.test(clauseBefore(text, t.index))) continue;
      // a relative clause that says what something is ("X is a coalition of parties that signed the accord") describes
      // it; it does not report a happening
      if (DEFINING.test(before)) continue;
      if (reporting.some(([a, b]) => a < t.end && t.index < b)) continue;
      // an -s form right before a plural verb is a noun, the subject ("Rallies were held", "Protests have spread")
      const pluralSubject = t.alsoNoun && t.kind === 's' && PLURAL_VERB_AFTER.test(text.slice(t.end, t.end + 30));
      // ... and so is one right after an adjective that opens the sentence ("Peaceful protest took place", "Heavy
      // shelling continued")
      const k1 = tokenAt.get(s.char_start + t.index);
      const openingAdjective =
        t.alsoNoun &&
        !!ann &&
        k1 !== undefined &&
        k1 > 0 &&
        (ann.tokens[k1 - 1]!.pos === 'ADJ' ||
          (ann.tokens[k1 - 1]!.pos === 'PROPN' && !isActor(ann.tokens[k1 - 1]!.start, ann.tokens[k1 - 1]!.end) && !headline)) &&
        (k1 === 1 || ann.tokens[k1 - 2]!.sentence !== ann.tokens[k1]!.sentence);
      const lexNominal = isNominal(t, before) || pluralSubject || openingAdjective;
      const layerN = !lexNominal && !!ann && layerNoun(ann, tokenAt.get(s.char_start + t.index), t);
      // (a form the lexicon also lists as a noun keeps its reading: the layer only tells verb-only forms used as nouns)
      const layer = layerN && !t.alsoNoun;
      const nominal = lexNominal || layer;
      if ((nominal || layerN) && (RISK_BEFORE.test(before) || STATISTIC_BEFORE.test(before))) continue;
      // a level that rises or falls ("support has been falling") is a trend (a verb-only form with an auxiliary after it
      // is a noun, whatever the tagger says); a ban or curfew lifted or eased is its end
      if ((nominal || layerN || t.kind === 'base' || t.kind === 's') && TREND_AFTER.test(text.slice(t.end, t.end + 40))) continue;
      if ((nominal || layerN) && LIFTED_BEFORE.test(before)) continue;
      // a present-tense verb in a relative clause tells what something does as a rule ("a group which supports local
      // media", "lists which ban cold calls"), no happening
      if ((t.kind === 's' || t.kind === 'base') && !nominal && STANDING_BEFORE.test(before)) continue;
      // an -ing or -ed form after a degree word is an adjective ("the most striking thing", "a very shocking result")
      if ((t.kind === 'ing' || t.kind === 'past' || t.kind === 'pp') && DEGREE_BEFORE.test(before)) continue;
      if (MODAL_CHAIN.test(before)) continue;
      // what could, might or may happen is no reported happening ("could face having its assets seized"; "support that could come")
      if (MODAL_IN_CLAUSE.test(clauseBefore(text, t.index, 60)) || (nominal && MODAL_AFTER.test(text.slice(t.end, t.end + 40)))) continue;
      // a capability or a purpose ("enough votes to oust the board", "networks used to launch attacks"): no happening
      if (!nominal && CAPABILITY_BEFORE.test(clauseBefore(text, t.index, 120))) continue;
      // unlikely or unwilling to happen ("is unlikely to reject the plan")
      if (UNLIKELY_BEFORE.test(before)) continue;
      // a simile tells what something is like, no happening ("it's like walking into a bank to rob it", "as if
      // they had declared war")
      if (SIMILE_BEFORE.test(text.slice(0, t.index))) continue;
      if (RUMOUR_BEFORE.test(text.slice(Math.max(0, t.index - 120), t.index))) continue;
      // a killing or wounding verb read as a noun names an injury or prey ("the wound was slow to heal"), no happening
      if (layer && t.frame === 'kill') continue;
      // an active verb of asking or blaming that ends its sentence with nothing asked or blamed is the speech tag of a
      // quoted question or remark ("..., he demanded."): talk, no request
      if (!nominal && /^\s*[.!]?\s*$/.test(text.slice(t.end)) && (t.type === 'REQUEST' || t.type === 'ACCUSE') && !passiveVoice(text, t)) continue;
      // the act alleged by an accusation or a charge ("accused them of stealing"): the accusation is the happening
      if (ALLEGED_BEFORE.test(clauseBefore(text, t.index, 80)) && (t.kind === 'ing' || t.kind === 'phrase')) continue;
      // "mourning for those killed": the victims of a happening told elsewhere
      if ((t.kind === 'past' || t.kind === 'pp') && /\bthose\s+$/i.test(before)) continue;
      // a verb-only form after a preposition is used as a noun that names no happening ("despite requests by", "after support from")
      if ((t.kind === 'base' || t.kind === 's') && !t.alsoNoun && PREP_BEFORE.test(before)) continue;
      if (
        t.index > 0 &&
        /^\p{Lu}/u.test(t.text) &&
        (!headline ? !/[.!?:"“]\s*$/.test(before) : t.kind !== 's' && t.kind !== 'base' && /^\s+\p{Lu}/u.test(text.slice(t.end, t.end + 3)))
      )
        continue; // part of a name ("Six-Day War", "United Nations")
      // a bare verb opening a body sentence before a capitalized word is a first name ("Rob Tarn said"): news
      // sentences do not open with an imperative
      if (t.index === 0 && !headline && t.kind === 'base' && !t.alsoNoun && /^\p{Lu}/u.test(t.text) && /^\s+\p{Lu}\p{Ll}/u.test(text.slice(t.end, t.end + 4)))
        continue;
      const quoted = inQuotes.find(([a, b]) => a <= t.index && t.end <= b);
      // inside a direct quote: only a concrete happening with a date of its own
      // (an accusation or a threat in quotes is the speech act itself: "the responsibility lies with X", "they will pay")
      if (quoted && !SPEECH_FRAMES.has(t.frame) && !findDates(text.slice(quoted[0], quoted[1]), reference).length) continue;
      kept.push({ t, nominal, layer, status: statusOf(t, nominal, text) });
    }
    // "ministers meeting in Brussels agreed ...": a participle after a noun describes who acts in the main verb
    // "rejected the sanctions", "accepted the invitation": a nominal object of another trigger refers to an event told elsewhere
    for (let i = kept.length - 1; i >= 0; i--) {
      const c = kept[i]!;
      const finite = kept.some((d) => d !== c && d.t.group !== c.t.group && !d.nominal && d.t.kind !== 'ing' && d.t.index > c.t.end);
      const reduced =
        c.t.kind === 'ing' &&
        !c.nominal &&
        finite &&
        /\p{L}s\s+$/u.test(text.slice(Math.max(0, c.t.index - 20), c.t.index)) &&
        !/\b(?:is|are|was|were|be|been|am)\s+(?:\S+\s+)?$/i.test(text.slice(Math.max(0, c.t.index - 30), c.t.index));
      // (unless the object is told here: with its own agent or an occurrence clause, "condemned an attack by X that took place on Y")
      const toldHere = OWN_TELLING.test(text.slice(c.t.end, c.t.end + 60));
      const object =
        c.nominal &&
        !toldHere &&
        kept.some(
          (d) =>
            d !== c &&
            d.t.group !== c.t.group &&
            !d.nominal &&
            /^\s+(?:the|these|those|its|their|his|her|this|that|all|an?)\s+$/i.test(text.slice(d.t.end, c.t.index)),
        );
      // "rejected calls for an inquiry", "turned down Ruritania's request": a request named as the object of another
      // trigger verb is told by that verb; its subject is not the one who asks
      const askedObject =
        !c.nominal &&
        !toldHere &&
        (c.t.kind === 's' || c.t.kind === 'base' || (c.t.kind === 'phrase' && REQUEST_NOUN.test(c.t.text))) &&
        kept.some((d) => d !== c && d.t.group !== c.t.group && !d.nominal && d.t.kind !== 'ing' && OBJECT_GAP.test(text.slice(d.t.end, c.t.index)));
      // "called for him to apologise", "urged the army to withdraw": the act asked for has not happened; the request is the event
      const askedFor =
        !c.nominal && kept.some((d) => d !== c && d.t.type === 'REQUEST' && d.t.end <= c.t.index && ASKED_TO.test(text.slice(d.t.end, c.t.index)));
      // "called for new elections", "demanded snap polls": a happening named as what is asked for has not happened
      const askedNoun =
        c.nominal &&
        !toldHere &&
        kept.some((d) => d !== c && d.t.type === 'REQUEST' && !d.nominal && d.t.end <= c.t.index && ASKED_NOUN_GAP.test(text.slice(d.t.end, c.t.index)));
      if (reduced || object || askedObject || askedFor || askedNoun) kept.splice(i, 1);
    }
    // "a bomb exploded at a gathering near the shrine": a meeting or gathering named as the scene of an attack is its setting
    // (the attack may be told in a quote: "they 'detonated their vests' at a gathering")
    if (triggers.some((t) => t.type === 'ASSAULT')) {
      for (let i = kept.length - 1; i >= 0; i--) {
        const c = kept[i]!;
        if (c.t.type === 'CONSULT' && (c.nominal || c.t.kind === 'ing') && SETTING_BEFORE.test(text.slice(Math.max(0, c.t.index - 40), c.t.index)))
          kept.splice(i, 1);
      }
    }
    // "agreed to freeze the assets": the decision is the inner event, and it was taken
    for (let i = kept.length - 1; i >= 0; i--) {
      const c = kept[i]!;
      if (!COMPLEMENT_FRAMES.has(c.t.frame) || c.nominal) continue;
      const inner = kept.find((d) => d.t.index >= c.t.end && TO_NEXT.test(text.slice(c.t.end, d.t.index)));
      if (!inner || inner.t.frame === c.t.frame) continue;
      if (c.status === 'occurred' && inner.status !== 'occurred') inner.status = 'occurred';
      kept.splice(i, 1);
    }
    // one mention per frame group; within a type, frames listed later give way only when marked subordinate (rank order)
    const byGroup = new Map<string, Candidate[]>();
    for (const c of kept) byGroup.set(c.t.group, [...(byGroup.get(c.t.group) ?? []), c]);
    // two happenings of one frame in one sentence, each told by its own verb in its own clause, are two mentions
    // ("police arrested ten on Monday, a day after troops detained their leader")
    const cuts = [...text.matchAll(CLAUSE_CUT)].map((m) => m.index!);
    const clauseOf = (c: Candidate) => cuts.filter((x) => x < c.t.index).length;
    const verbClauses = new Set(kept.filter((c) => !c.nominal && c.t.kind !== 'ing').map(clauseOf));
    for (const [g, list] of [...byGroup]) {
      const verbs = new Set(list.filter((c) => !c.nominal && c.t.kind !== 'ing').map(clauseOf));
      // (the same verb twice stays one mention: downstream a mention is keyed by its sentence, trigger and type)
      const words = list.filter((c) => !c.nominal && c.t.kind !== 'ing').map((c) => c.t.text);
      if (verbs.size < 2 || new Set(words).size < words.length) continue;
      byGroup.delete(g);
      for (const c of list) {
        const k = verbs.has(clauseOf(c)) ? clauseOf(c) : Math.max(...[...verbs].filter((v) => v <= clauseOf(c)), Math.min(...verbs));
        const key = `${g}#${k}`;
        byGroup.set(key, [...(byGroup.get(key) ?? []), c]);
      }
    }
    if (byGroup.size === 0) continue;
    const sentActors = bySentence.get(s.sentence_index) ?? [];
    // (with the pronouns that stand for an actor as a trigger's subject or object: ./events/pronouns.ts)
    const verbsAndNouns = [...byGroup.values()].flat();
    const verbs = verbsAndNouns.filter((c) => !c.nominal);
    const pronouns = ann
      ? pronounActors(
          ann,
          s.sentence_index,
          s.char_start,
          verbs.flatMap((c) => {
            const first = tokenAt.get(s.char_start + c.t.index);
            if (first === undefined) return [];
            return [{ first, last: lastTokenOf(ann.tokens, first, s.char_start + c.t.end), active: !passiveVoice(text, c.t) }];
          }),
          bySentence,
          reporting.map(([a, b]) => [s.char_start + a, s.char_start + b] as const),
          inQuotes.map(([a, b]) => [s.char_start + a, s.char_start + b] as const),
        )
      : [];
    const local = sentActors
      .filter(
        (a) =>
          !(
            (a.type === 'country' && HOME_OF.test(doc.text.slice(Math.max(0, a.start - 60), a.start))) ||
            // a body named before a title and a person ("Kestrel boss Ana Bell") is where that one works, no party
            (a.type !== 'person' && affiliationBefore(doc.text, a.end, sentActors)) ||
            (ann &&
              a.type === 'country' &&
              countryModifier(
                ann,
                tokenAt,
                a,
                (start, end) => verbsAndNouns.some((c) => s.char_start + c.t.index < end && s.char_start + c.t.end > start),
                (start, end) => verbs.some((c) => s.char_start + c.t.index < end && s.char_start + c.t.end > start),
              ))
          ),
      )
      .map((a) => ({
        ...a,
        start: a.start - s.char_start,
        end: a.end - s.char_start,
        ...(ann && a.type !== 'person' && inObject(ann, tokenAt, a) ? { inObject: true } : {}),
      }));
    const hits = findDates(text, reference, (i, e) => {
      let best: Candidate | null = null,
        bd = Infinity;
      for (const c of kept) {
        const d = gap({ index: i, text: text.slice(i, e) }, c.t.index, c.t.end);
        if (d < bd) [best, bd] = [c, d];
      }
      const cue = cueBefore(text, i);
      return cue ?? (best ? directionOf(best.status) : 'nearest');
    });
    if (reference && hits.some((h) => h.end < addDays(reference, -7))) pastSentences.add(s.sentence_index);
    // "the summit comes a day after the vote": told in the present, the span counts from the day of the report
    const counted = new Set<DateHit>();
    if (reference)
      for (const m of text.matchAll(NOW_OFFSET)) {
        const index = m.index + m[0].length - m[1]!.length;
        const word = m[1]!.split(/\s+/)[0]!.toLowerCase();
        const n = (/^\d+$/.test(word) ? +word : (NUMBER_WORDS[word] ?? 1)) * OFFSET_UNITS[m[2]!.toLowerCase()]!;
        const day = addDays(reference, /after/i.test(m[3]!) ? -n : n);
        if (hits.some((h) => h.index <= index && index < h.index + h.text.length)) continue;
        const hit: DateHit = { index, text: m[1]!, start: day, end: day, precision: 'day' };
        hits.push(hit);
        counted.add(hit);
      }
    hits.sort((a, b) => a.index - b.index);
    // a finite or participle verb of the layer between the trigger and a date, that is no trigger itself
    const otherVerb = (from: number, to: number): boolean => {
      if (!ann) return false;
      const range = ann.sentences[s.sentence_index];
      if (!range) return false;
      for (let k = range.first; k < range.end; k++) {
        const tok = ann.tokens[k]!;
        if (tok.start < s.char_start + from) continue;
        if (tok.start >= s.char_start + to || tok.sentence !== s.sentence_index) break;
        // (a verb of a parenthesis closed before the date, "the meeting, initiated by X, occurred in 2019", does not count)
        if (
          tok.pos === 'VERB' &&
          !OCCURRENCE_VERBS.has(tok.lemma) &&
          !/[,;]/.test(text.slice(tok.end - s.char_start, to)) &&
          !kept.some((c) => c.t.index <= tok.start - s.char_start && tok.start - s.char_start < c.t.end)
        )
          return true;
      }
      return false;
    };
    const anchors = anchorDates(text, hits, kept, reporting, otherVerb);
    const dates = offsetDates(hits, counted);
    // two happenings of one frame told by two verbs with dates of their own are two mentions, each with the actors
    // of its stretch of the sentence ("police arrested one on Monday, and soldiers detained two on Thursday")
    const span = new Map<Candidate[], readonly [number, number]>();
    const dateOf = (c: Candidate) => dates.find((h, i) => h && anchors[i] !== null && kept[anchors[i]!] === c)?.start;
    for (const [g, list] of [...byGroup]) {
      const heads = list.filter((c) => !c.nominal && c.t.kind !== 'ing' && dateOf(c) !== undefined).sort((a, b) => a.t.index - b.t.index);
      if (new Set(heads.map(dateOf)).size < 2 || new Set(heads.map((c) => c.t.text)).size < heads.length) continue;
      byGroup.delete(g);
      const parts = heads.map((h) => [h] as Candidate[]);
      for (const c of list) if (!heads.includes(c)) ([...parts].reverse().find((p) => p[0]!.t.index <= c.t.index) ?? parts[0]!).push(c);
      parts.forEach((p, k) => {
        const prev = parts[k - 1]?.[0];
        const next = parts[k + 1]?.[0];
        const cut = (a: Candidate, b: Candidate) => Math.max(text.slice(0, b.t.index).search(/[,;][^,;]*$/), a.t.end);
        span.set(p, [prev ? cut(prev, p[0]!) : 0, next ? cut(p[0]!, next) : text.length]);
        byGroup.set(`${g}@${k}`, p);
      });
    }
    const from = out.length;
    for (const group of byGroup.values()) {
      const head = group.find((c) => !c.nominal) ?? group[0]!;
      if (head.t.frame === 'kill' && [...byGroup.values()].some((g) => g !== group && g[0]!.t.group !== 'kill' && g[0]!.t.type === head.t.type)) continue;
      // a killing folded into an attack of the same sentence lends it its date ("an attack on October 7 killed ...")
      const folded = byGroup.get('kill')?.[0]?.t.type === head.t.type && head.t.frame !== 'kill' ? byGroup.get('kill')! : [];
      const dated = dates
        .map((h, i) => [h, anchors[i] === null ? null : kept[anchors[i]!]!] as const)
        .filter((x): x is readonly [DateHit, Candidate] => x[0] !== null && !!x[1] && (group.includes(x[1]) || folded.includes(x[1])));
      // "announced the resignation and called for calm on Monday": a date closing two coordinated verb phrases dates both
      if (!dated.length) {
        const last = Math.max(...group.map((c) => c.t.end));
        const shared = dates
          .map((h, i) => [h, anchors[i] === null ? null : kept[anchors[i]!]!] as const)
          .find(
            (x): x is readonly [DateHit, Candidate] =>
              x[0] !== null && !!x[1] && !x[1].nominal && x[1].t.index >= last && x[0].index >= x[1].t.end && COORDINATED.test(text.slice(last, x[1].t.index)),
          );
        if (shared) dated.push(shared);
      }
      // a statement told in the present tense ("X urges Y", "X is welcoming Z", a headline's "X Condemns Y") is made on
      // the day of the report: dated by the article's published date (date_text empty), when it gives one
      // told in the simple past with no date ("X condemned Y", "she warned that they would pay"), it was made on
      // the day of the report or the day before, as news reports statements: the two days, date_text empty (a
      // perfect, "X has long accused Y", or a participle with its by-agent, "rebels backed by Y", gives no such time)
      const statement = !dated.length && reference && PRESENT_STATEMENT.has(head.t.type) && !head.nominal;
      // any happening told as going on ("amid the ongoing war", "the strike is continuing") goes on on the day of the report
      const goingOn = !dated.length && !!reference && head.status === 'ongoing';
      const today =
        !statement && !goingOn
          ? null
          : head.t.kind === 's' || head.status === 'ongoing'
            ? ({ index: head.t.index, text: '', start: reference, end: reference, precision: 'day' } as DateHit)
            : (head.status === 'occurred' &&
                  !PERFECT.test(text.slice(Math.max(0, head.t.index - 40), head.t.index)) &&
                  !/^\s+by\s/i.test(text.slice(head.t.end, head.t.end + 4))) ||
                (head.t.type === 'THREATEN' && PAST_REPORT.test(reportBefore(text, reporting, head.t.index)))
              ? ({ index: head.t.index, text: '', start: addDays(reference, -1), end: reference, precision: 'day' } as DateHit)
              : null;
      const date = lasting(text, group, dated[0]?.[0] ?? today);
      const byReport = today !== null && !dated.length && today.start !== reference;
      let status: Status = group.find((c) => c.status === 'planned')?.status ?? head.status;
      if (date && reference && (status === 'unknown' || (status === 'occurred' && head.t.kind !== 'past' && head.t.kind !== 'pp'))) {
        status = date.start > reference ? 'planned' : date.end < reference ? 'occurred' : status;
      }
      // (not in a sentence that looks ahead: "sales in 2005 would double by 2008" is told from before 2005)
      if (date && longPast && status === 'unknown' && date.end < longPast && !LOOKS_AHEAD.test(text)) status = 'occurred';
      const place = group.map((c) => findPlace(text, c.t.index, c.t.end, c.nominal, 90, STRUCK_FRAMES.has(c.t.frame))).find((p) => p) ?? null;
      // a verb-only form read as a noun keeps the sentence's actors as participants when none is attached ("cancels
      // talks over new sanctions"), except a demand with nobody's name on it, which is market demand ("growing demand for cars")
      const fallback = !head.nominal || (head.layer && head.t.type !== 'REQUEST');
      // with verbs of their own in two clauses, a happening takes its actors from its own clause only
      const own = clauseOf(head);
      const stretch = span.get(group);
      const inClause = (list: readonly SentenceActor[]) =>
        stretch
          ? list.filter((a) => a.start >= stretch[0] && a.end <= stretch[1])
          : verbClauses.size >= 2 && group.every((c) => clauseOf(c) === own)
            ? list.filter((a) => (own === 0 || a.start > cuts[own - 1]!) && (own >= cuts.length || a.end <= cuts[own]!))
            : list;
      // a happening named in a phrase of circumstance ("X met Y amid the war in Z", "... following the raid") takes
      // no actor told before the phrase: they act in the main clause
      // (a phrase closed by a comma before the trigger is fronted: "Amid the war, X attacked Y")
      // (a gerund right after the preposition has the main clause's subject: "X backed the law despite opposing it";
      // after an adjective or a determiner it is a noun, "amid heavy bombing")
      const k = tokenAt.get(s.char_start + head.t.index);
      const gerundNoun = head.t.kind === 'ing' && !!ann && k !== undefined && k > 0 && ['ADJ', 'DET', 'NUM'].includes(ann.tokens[k - 1]!.pos);
      let circumstance = head.nominal || gerundNoun ? lastIndexOf(text.slice(0, head.t.index), CIRCUMSTANCE) : -1;
      if (circumstance >= 0 && /[,;]/.test(text.slice(circumstance, head.t.index))) circumstance = -1;
      const clauseActors = inClause(local).filter((a) => a.start > circumstance);
      let actors = assignActors(
        text,
        head.t,
        head.nominal,
        clauseActors,
        reporting,
        group.map((c) => c.t),
        fallback,
      );
      // a pronoun fills a role the names leave open ("the agency banned him", "she was fined by the club"), in a
      // mention its names already make: it never makes one alone ("they will die" names nobody), and it never
      // takes a role a name had
      const clausePronouns = inClause(pronouns);
      if (actors.length && clausePronouns.length) {
        const withPronouns = assignActors(
          text,
          head.t,
          head.nominal,
          [...clauseActors, ...clausePronouns],
          reporting,
          group.map((c) => c.t),
          fallback,
        );
        const kept = (a: (typeof actors)[number]) => withPronouns.some((b) => b.mention === a.mention && b.role === a.role);
        // ... except the subject slot: a pronoun between a name and the verb is the verb's subject, the name belongs to
        // a phrase before it ("Speaking on Radio Tarn, she criticised ...", "After Kestrel fell, it cut jobs")
        const displaced = (a: (typeof actors)[number]) => {
          const at = clauseActors.find((x) => x.mention === a.mention);
          return (
            !!at &&
            clausePronouns.some((p) => p.start >= at.end && p.end <= head.t.index && withPronouns.some((b) => b.mention === p.mention && b.role === a.role))
          );
        };
        if (actors.every((a) => kept(a) || (!head.nominal && displaced(a)))) actors = withPronouns;
      } else if (!actors.length && !head.nominal) {
        // ... and a person's pronoun, the verb's own subject, makes one ("She was later forced to resign": the woman
        // named before); "they" and "it" stand as often for no actor ("they will die")
        const person = clausePronouns.filter((p) => p.type === 'person' && !p.firstPerson && p.end <= head.t.index);
        if (person.length)
          actors = assignActors(
            text,
            head.t,
            head.nominal,
            person,
            reporting,
            group.map((c) => c.t),
            false,
          );
      }
      // a nominal happening told in a past clause ("were wounded in a grenade attack") took place
      if (status === 'unknown' && head.nominal && !headline && VIOLENT_OR_HAZARD.has(head.t.frame) && PAST_FINITE.test(text)) status = 'occurred';
      // violence, hazards and accidents are reported happenings unless planned ("a grenade attack on a checkpoint")
      const clear =
        date !== null ||
        status === 'occurred' ||
        status === 'ongoing' ||
        (status === 'unknown' &&
          (VIOLENT_OR_HAZARD.has(head.t.frame) || (head.t.frame === 'protest' && PAST_FINITE.test(text))) &&
          !CALLED_FOR.test(clauseBefore(text, head.t.index, 80)));
      if (actors.length === 0 && STATEMENT_TYPES.has(head.t.type) && PRONOUN_OPENING.test(text)) {
        // "He vowed that ...": the last person named in the two sentences before takes the pronoun's role
        const person = [...mentions]
          .reverse()
          .find((m) => m.type === 'person' && m.sentence_index < s.sentence_index && m.sentence_index >= s.sentence_index - 2);
        // (a passive statement makes the pronoun its target: "He is also accused of fraud")
        if (person)
          actors = [
            { mention: mentions.indexOf(person), role: head.t.symmetric ? 'participant' : head.nominal || !passiveVoice(text, head.t) ? 'source' : 'target' },
          ];
      }
      // hosting or receiving needs its guest ("received less", "received threats": no visit)
      if (!head.nominal && group.every((c) => c.t.frame === 'host') && !group.some((c) => c.nominal) && !actors.some((a) => a.role !== 'source')) continue;
      // (a "they" that stands for no actor named before it is an unnamed crowd in a protest or a strike, "they
      // marched"; an "it" a thing in an accident or a disaster, "it ran aground": else the subject is someone the
      // article names otherwise)
      const pronounSubject = PRONOUN_SUBJECT.exec(clauseBefore(text, head.t.index, 60))?.[0]
        .trim()
        .split(/\s+/)[0]
        ?.toLowerCase();
      const unnamed =
        !clausePronouns.some((p) => p.end <= head.t.index) &&
        ((pronounSubject === 'they' && (head.t.frame === 'protest' || head.t.frame === 'labour_strike')) ||
          (pronounSubject === 'it' && (head.t.frame === 'accident' || head.t.frame === 'disaster')));
      const subjectElsewhere = !head.nominal && pronounSubject !== undefined && !unnamed;
      const agentless = actors.length === 0 && AGENTLESS_FRAMES.has(head.t.frame) && clear && !subjectElsewhere && !CUMULATIVE.test(text);
      // a death with no one attached is kept only where a country takes part (a bare "death of" is no happening to count)
      if (agentless) {
        // no named agent (a landslide, an outbreak, an election): the country where it happens takes part
        // (a country that reports it is not where it happens: "Ghana said five were killed")
        const reporters = speakers(text, clauseActors, reporting);
        const inSentence = clauseActors.find((a) => a.type === 'country' && !reporters.has(a.mention))?.mention;
        // (nor is the article's main country where a happening of circumstance takes place: "talks in X amid a war")
        // (nor where a person dies, is jailed or arrested: the one it befalls is the party, and the country most
        // named in the article is often another one's, "a jailing in Kestrel" told in an article about Loria)
        // (nor where a happening named as a cause or qualified by a region lies: "delayed because of the Asian floods")
        const before = text.slice(0, head.t.index);
        const qualifier = REGION_QUALIFIER.exec(before);
        const region = !!qualifier && (regionAdjective([qualifier[2]!], cues) || (!!qualifier[1] && regionAdjective([qualifier[1], qualifier[2]!], cues)));
        const main =
          context.main !== undefined &&
          !reporters.has(context.main) &&
          circumstance < 0 &&
          !PERSONAL_FRAMES.has(head.t.frame) &&
          !region &&
          !NAMED_AS_CAUSE.test(before)
            ? context.main
            : undefined;
        // (a demonym in the sentence says whose it is, "protests by French farmers": then not the article's main country)
        const demonym = place || inSentence !== undefined ? undefined : sentenceDemonym(text);
        const where =
          (place?.country ? context.byCountry.get(place.country) : undefined) ??
          inSentence ??
          (demonym ? context.byCountry.get(demonym) : place ? undefined : main);
        if (where !== undefined) actors = [{ mention: where, role: 'participant' }];
        else if (head.t.frame === 'die') continue;
      }
      // (a mention is keyed by its sentence, trigger and type downstream: a second one with the same trigger word in
      // the same sentence, split off above, is folded into the first)
      if (out.slice(from).some((o) => o.trigger === head.t.text && o.event_type === head.t.type)) continue;
      out.push({
        sentence_index: s.sentence_index,
        char_start: s.char_start,
        char_end: s.char_end,
        text,
        trigger: head.t.text,
        event_type: head.t.type,
        event_subtype: subtypeOf(head.t.frame, head.t.type, head.t.text, text, head.t.index),
        rule: ruleOf(head, agentless),
        status,
        date_text: date?.text || null,
        date_start: date?.start ?? null,
        date_end: date?.end ?? null,
        date_precision: date?.precision ?? 'unknown',
        place: place?.name ?? null,
        country: place?.country ?? null,
        actors,
        frame: head.t.group,
      });
      if (byReport) reportDated.add(out[out.length - 1]!);
      if (!head.t.symmetric && actors.length > 0 && actors.every((a) => a.role === 'participant')) guessed.add(out[out.length - 1]!);
    }
    // a party guessed for a directed happening (every actor of the sentence as participant) is not one that another
    // happening of the sentence, told between it and the party, gives a role ("was jailed for killing X": X is the
    // victim of the killing only)
    const at = (x: EventMentionX) => text.indexOf(x.trigger);
    for (let i = from; i < out.length; i++) {
      const m = out[i]!;
      if (!guessed.has(m)) continue;
      const left = m.actors.filter((a) => {
        const p = mentions[a.mention]!.char_start - s.char_start;
        return !out.slice(from).some((o) => o !== m && at(m) < at(o) && at(o) < p && o.actors.some((b) => b.mention === a.mention && b.role !== 'participant'));
      });
      if (left.length < m.actors.length) out[i] = { ...m, actors: left };
    }
    // an actorless happening beside a mention of the same type with actors is that one told again ("the war between X and Y ... attacks")
    for (let i = out.length - 1; i >= from; i--) {
      const m = out[i]!;
      if (m.actors.length === 0 && out.slice(from).some((o) => o !== m && o.actors.length > 0 && o.event_type === m.event_type)) out.splice(i, 1);
    }
  }
  // a later actorless attack, killing or wounding with no date or place of its own ("the bombings", "284 were
  // wounded") tells again the violence reported before it in the article, not another happening
  // (an agentless one that only took the article's country counts as actorless: "amid heavy bombing")
  for (let i = out.length - 1; i >= 0; i--) {
    const m = out[i]!;
    const contextOnly = m.rule === 'agentless' && m.actors.every((a) => mentions[a.mention]?.sentence_index !== m.sentence_index);
    if (m.event_type !== 'ASSAULT' || (m.actors.length > 0 && !contextOnly) || m.date_start || m.place) continue;
    if (out.some((o, j) => j < i && o.event_type === 'ASSAULT' && o.sentence_index < m.sentence_index)) out.splice(i, 1);
  }
  return reference ? out.map((m) => (reportDated.has(m) ? statementTime(m, out, reference, pastSentences) : m)) : out;
}

/**
 * The date of a past statement with no date of its own, first given the two days up to its report. Told in the
 * background, it takes the background's date: the last happening told in the two sentences before it is dated
 * more than a week before the article ("the last round was held in 2019. A draft was tabled. Two parties
 * refused to sign": 2019; one-sentence paragraphs are common in news, the story's time runs across them; an undated
 * happening in between, "more recently, X objected", leaves that time). Told in
 * a clause of the same moment as another happening with no date ("called for calm as he announced his
 * resignation"), it has that happening's time, which the sentence does not give: no date; so with a sentence
 * that dates another happening more than a week back.
 */
function statementTime(m: EventMentionX, out: readonly EventMentionX[], reference: string, pastSentences: ReadonlySet<number>): EventMentionX {
  const focus = out.filter((o) => o.sentence_index < m.sentence_index && o.sentence_index >= m.sentence_index - 2).at(-1);
  const undated: EventMentionX = { ...m, date_text: null, date_start: null, date_end: null, date_precision: 'unknown' };
  // its own sentence tells of an earlier time ("talks took place in 2019 and 2017, when X demanded Y"): of which
  // one, the sentence does not say
  if (pastSentences.has(m.sentence_index)) return undated;
  if (focus?.date_text && focus.date_end !== null && focus.date_end < addDays(reference, -7))
    return { ...m, date_start: focus.date_start, date_end: focus.date_end, date_precision: focus.date_precision };
  const at = m.text.indexOf(m.trigger);
  const sameMoment = out.some((o) => {
    if (o === m || o.sentence_index !== m.sentence_index || o.date_start || PRESENT_STATEMENT.has(o.event_type)) return false;
    const other = m.text.indexOf(o.trigger);
    return at >= 0 && other >= 0 && SAME_MOMENT.test(m.text.slice(Math.min(at, other), Math.max(at, other)));
  });
  return sameMoment ? undated : m;
}
