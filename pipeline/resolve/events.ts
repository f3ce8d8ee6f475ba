/**
 * Events across articles (and within one). Mentions of the same frame
 * (meet, invite, attack, ...) are candidate pairs when they share a blocking
 * key: an actor, a place, a day, or the article. Pairs are merged best
 * evidence first (shared actors, same place, same date, same article), and a
 * merge is refused when it would put dates more than a window apart, two
 * countries or two different towns in one event, or (within one article) two
 * different days. Across articles a merge needs a specific anchor: both
 * dated within the window with a shared actor or place; or, for undated
 * mentions, a shared actor and either the same story (articles already
 * joined by an event that two of them date) or the same town in articles
 * published within PUBLISHED_WINDOW_DAYS. Undated mentions never join on an
 * actor alone (that chained unrelated stories into one event).
 *
 * One event per happening: within an article and across articles, a join is
 * refused when the main participant differs (for bans, arrests, sentences and
 * sanctions the one acted on, PATIENT_TYPES; for every type two different
 * sources; two two-party meetings with different second parties), when the
 * subtypes share no family (SUBTYPE_FAMILIES), or, for mentions of one
 * article, when they name different actors in the same role, share no actor
 * and no trigger stem (violence and meetings exempt, MANY_NAMES), or an
 * undated mention would absorb one the article dates long before (background). Across articles an undated join on a shared actor needs that
 * actor in a common role and a shared trigger stem (violence exempt).
 *
 * Rules written into the event row (also in the codebook):
 * - date_start/date_end: the most specific date (day over month over year,
 *   then the narrowest span), ties to the most recently published article,
 *   then the earliest mention;
 * - date_conflict: two articles give dates whose spans do not overlap, or two
 *   stated spans of several days that begin or end on different days;
 * - status: the most frequent status other than unknown, ties to the most
 *   recently published article;
 * - an event needs at least one actor; clusters with none are dropped. Agentless
 *   happenings (a flood, an outbreak, an election, a protest with no named
 *   organiser) reach this stage with the country where they happen as a
 *   participant (set by the extractor when the sentence reports a clear
 *   happening: dated, occurred or ongoing).
 */
import type { ArticleRow, EventActorRow, EventMentionRow, ResolvedEventRow as EventRow } from '../../schemas/index.ts';
import type { Document, EventMentionX, Extraction } from '../../schemas/pipeline.ts';
import { findEvents } from '../extract/events.ts';
import { annotate, lexiconsFor, redate, type AnnotatedDocument } from '../nlp/document.ts';
import { addDays, dayNumber } from '../lib/dates.ts';
import { hashId } from '../lib/ids.ts';
import { ref, type RefMap } from './refs.ts';
import { pushTo } from '../lib/maps.ts';
import { isCountryName } from '../extract/events/places.ts';
import { economicKinds } from '../extract/events/lexicon.ts';
import { DEFINITE_TITLE } from '../extract/actors/people.ts';

export interface ResolvedEvents {
  readonly events: EventRow[];
  readonly eventActors: EventActorRow[];
  readonly eventMentions: EventMentionRow[];
  /** ref(article_id, event mention index) → event_id */
  readonly eventOf: RefMap;
}

/** Two dated mentions of one event lie at most this many days apart (gap between their spans). */
export const DATE_WINDOW_DAYS = 7;
/** A merged event spans at most this many days from its first to its last reported day. */
export const MAX_EVENT_SPAN_DAYS = 14;
/** Blocks larger than this pair each member only with its neighbours (keeps it sub-quadratic). */
const MAX_BLOCK = 64;
const NEIGHBOURS = 8;

/** A mention the extractor dated by its report because it is told as going on (date_text empty: see findEvents). */
const goingOnByReport = (m: EventMentionX): boolean => m.status === 'ongoing' && !m.date_text;

interface Item {
  readonly article_id: string;
  readonly index: number;
  readonly m: EventMentionX;
  readonly frame: string;
  /** The article's story (stories.story_id). */
  readonly story: string;
  readonly actors: readonly { actor_id: string; role: EventActorRow['role'] }[];
  readonly actorSet: ReadonlySet<string>;
  readonly published: string | null;
  /** Day numbers of the date span, or null. */
  readonly span: readonly [number, number] | null;
  /**
   * The day of the report for a happening it tells as going on with no date of its own ("amid the ongoing war"): when
   * it still went on, not when it happened, so no date for linking; the event's date only when no mention has one.
   */
  readonly asOf: readonly [number, number] | null;
  /** Content words of the sentence (lowercase, 4+ letters). */
  readonly words: ReadonlySet<string>;
  /** Actors that name who takes part (see coreActors): actor_id → roles. */
  readonly core: ReadonlyMap<string, ReadonlySet<EventActorRow['role']>>;
  /** For patient-type happenings (see PATIENT_TYPES), the one acted on (see patientsOf). */
  readonly patients: ReadonlySet<string>;
  /** Actors named as persons (the rest are bodies and countries). */
  readonly persons: ReadonlySet<string>;
  /** How a statement's sentence points back to someone named elsewhere (see refersBack), computed once. */
  readonly pointsBack: 'title' | 'pronoun' | null;
}

/**
 * Happenings told by the one acted on: a ban, an arrest, a sentence, a fine, sanctions. Two of them are one
 * only when the one banned, arrested or fined agrees (the bans of two athletes are two bans, even by one body).
 * For every other type the one who acts tells them apart (see the sources rule of pairScore).
 */
export const PATIENT_TYPES: ReadonlySet<string> = new Set(['COERCE', 'SANCTION']);

/**
 * Subtypes that tell the means or the course of one happening, which two sentences about it often tell
 * differently (a rocket attack called shelling in one and an air strike in another; a raid told as an attack
 * and as the taking of a town; a march that turned violent; protesters arrested, which ACLED codes as a protest
 * with intervention; a conviction and a jailing): two subtypes of one family do not tell two happenings apart. Any other two do (an
 * arrest and a weapons seizure, a court case and a takeover). A subtype of no family is a family of its own.
 */
const SUBTYPE_FAMILIES: Readonly<Record<string, readonly string[]>> = {
  violence: [
    'armed_clash',
    'air_strike',
    'shelling',
    'remote_explosive',
    'suicide_bomb',
    'grenade',
    'attack',
    'abduction',
    'sexual_violence',
    'property_destruction',
    'chemical_weapon',
    'non_state_takes_territory',
    'government_regains_territory',
    'force_against_protest',
    'mob_violence',
  ],
  protest: ['peaceful_protest', 'protest_with_intervention', 'force_against_protest', 'violent_demonstration', 'mob_violence', 'arrest'],
  // a conviction and the jailing it brings ("found guilty and jailed for five years"; a jailing is coded an arrest)
  court: ['legal_action', 'arrest'],
};
const FAMILIES_OF: ReadonlyMap<string, readonly string[]> = Object.entries(SUBTYPE_FAMILIES).reduce((m, [family, codes]) => {
  for (const c of codes) m.set(c, [...(m.get(c) ?? []), family]);
  return m;
}, new Map<string, string[]>());
/** The families of a subtype (see SUBTYPE_FAMILIES). */
const familiesOf = (x: string): readonly string[] => FAMILIES_OF.get(x) ?? [x];

/** Types one report tells under many names: violence (fired, shot dead, the attack, the raid) and meetings (talks, the meeting, the summit). */
const MANY_NAMES: ReadonlySet<string> = new Set(['ASSAULT', 'CONSULT']);

/** A dated mention ending this many days before its article's publication date tells an earlier happening (background). */
export const BACKGROUND_DAYS = 31;

/** Sentences apart within which a statement that names no party still joins a named one (see pairScore). */
const UNNAMED_STATEMENT_REACH = 2;
/** Sentences apart beyond which even a statement that points back ("he denied it") is not the named one's: a pronoun's antecedent is near. */
const REFERRING_REACH = 8;
/** Event types that are statements: one actor makes many of them in one story. */
const STATEMENT_TYPES: ReadonlySet<string> = new Set(['ACCUSE', 'REJECT', 'REQUEST', 'SUPPORT', 'THREATEN', 'AGREE']);

/** Share of the smaller sentence's content words found in the other for two mentions to tell one thing (a wire paragraph, a repeated line). */
export const SAME_SENTENCE = 0.6;

const contentWords = (text: string): Set<string> => new Set(text.toLowerCase().match(/\p{L}{4,}/gu) ?? []);

/**
 * Sentences of a group compared by sentencesAlike: the distinct ones of its first members, at most this many
 * (a group of thousands of mentions, one long feed line repeating itself, would make each comparison quadratic).
 */
const ALIKE_SENTENCES = 32;

function sentencesAlike(a: Group, b: Group): boolean {
  for (const x of a.alike.values()) {
    for (const y of b.alike.values()) {
      const [small, big] = x.size <= y.size ? [x, y] : [y, x];
      if (small.size < 4) continue;
      let n = 0;
      for (const w of small) if (big.has(w)) n++;
      if (n / small.size >= SAME_SENTENCE) return true;
    }
  }
  return false;
}

/**
 * Whether the two groups are copies of one sentence, word for word (a reprint; see pairScore). (Only groups of that
 * sentence alone: one that already holds other sentences would carry them along, a lump into another.)
 */
function sameSentence(a: Group, b: Group): boolean {
  if (a.alike.size !== 1 || b.alike.size !== 1) return false;
  const t = [...a.alike.keys()][0]!;
  return t.length >= 40 && b.alike.has(t);
}

/** Adds a member to `alike` unless its sentence is there or the cap is reached. */
function addAlike(alike: Map<string, Item['words']>, it: { readonly text: string; readonly words: Item['words'] }): void {
  if (alike.size < ALIKE_SENTENCES && !alike.has(it.text)) alike.set(it.text, it.words);
}

const PRECISION_RANK: Record<EventMentionX['date_precision'], number> = { day: 0, month: 1, year: 2, unknown: 3 };

/**
 * The date spans of a group's members as bounds, so that two groups are compared in constant time whatever
 * their size. Two dated mentions can be one event when the gap between their spans (the later start minus
 * the earlier end) is at most DATE_WINDOW_DAYS, or none at all when one of them is dated only to a year. The
 * largest gap over all pairs of two groups is the latest start of one minus the earliest end of the other, so
 * the latest start and earliest end of the year-dated members and of the others decide for every pair.
 */
interface DateBounds {
  /** Members dated to a day, a month or a span (not to a year alone): latest start, earliest end. */
  fineStart: number;
  fineEnd: number;
  /** Members dated to a year alone. */
  yearStart: number;
  yearEnd: number;
  /** Day-precision members: earliest start, latest end (see MAX_EVENT_SPAN_DAYS). */
  dayMin: number;
  dayMax: number;
  /**
   * The distinct spans of day-precision members ("start,end" → span). Bounded: a group's day-precision dates
   * lie within MAX_EVENT_SPAN_DAYS, so it holds at most a hundred or so spans whatever the group's size.
   */
  readonly daySpans: Map<string, readonly [number, number]>;
}

const noBounds = (): DateBounds => ({
  fineStart: -Infinity,
  fineEnd: Infinity,
  yearStart: -Infinity,
  yearEnd: Infinity,
  dayMin: Infinity,
  dayMax: -Infinity,
  daySpans: new Map(),
});

/** Adds a dated item's span to the bounds. */
function bound(d: DateBounds, it: Item): void {
  const [s, e] = it.span!;
  if (it.m.date_precision === 'year') {
    d.yearStart = Math.max(d.yearStart, s);
    d.yearEnd = Math.min(d.yearEnd, e);
  } else {
    d.fineStart = Math.max(d.fineStart, s);
    d.fineEnd = Math.min(d.fineEnd, e);
  }
  if (it.m.date_precision === 'day') {
    d.dayMin = Math.min(d.dayMin, s);
    d.dayMax = Math.max(d.dayMax, e);
    d.daySpans.set(`${s},${e}`, it.span!);
  }
}

function mergeBounds(into: DateBounds, from: DateBounds): void {
  into.fineStart = Math.max(into.fineStart, from.fineStart);
  into.fineEnd = Math.min(into.fineEnd, from.fineEnd);
  into.yearStart = Math.max(into.yearStart, from.yearStart);
  into.yearEnd = Math.min(into.yearEnd, from.yearEnd);
  into.dayMin = Math.min(into.dayMin, from.dayMin);
  into.dayMax = Math.max(into.dayMax, from.dayMax);
  for (const [k, v] of from.daySpans) into.daySpans.set(k, v);
}

/**
 * Whether every dated member of one group can be one event with every dated member of the other: a gap of
 * at most DATE_WINDOW_DAYS between two spans, and none at all when one of the two is dated to a year alone.
 * (Bounds of an absent kind are infinite and never fail.)
 */
function datesCompatible(a: DateBounds, b: DateBounds): boolean {
  const aStart = Math.max(a.fineStart, a.yearStart),
    aEnd = Math.min(a.fineEnd, a.yearEnd),
    bStart = Math.max(b.fineStart, b.yearStart),
    bEnd = Math.min(b.fineEnd, b.yearEnd);
  return (
    a.fineStart - b.fineEnd <= DATE_WINDOW_DAYS &&
    b.fineStart - a.fineEnd <= DATE_WINDOW_DAYS &&
    a.yearStart - bEnd <= 0 &&
    bStart - a.yearEnd <= 0 &&
    b.yearStart - aEnd <= 0 &&
    aStart - b.yearEnd <= 0
  );
}

/** Undated mentions in different articles join only when the articles were published this close (when known). */
export const PUBLISHED_WINDOW_DAYS = 14;

function publishedClose(a: Group, b: Group): boolean {
  const days = [...a.published, ...b.published];
  return days.length < 2 || Math.max(...days) - Math.min(...days) <= PUBLISHED_WINDOW_DAYS;
}

/** Whether the day-precision single-day dates of two groups agree (spans of a few days or undated groups always agree). */
function daysOverlap(a: Group, b: Group): boolean {
  const days = (g: Group) => [...g.dates.daySpans.values()].filter((x) => x[1] - x[0] <= 2);
  const da = days(a),
    db = days(b);
  if (!da.length || !db.length) return true;
  return da.some((x) => db.some((y) => x[0] <= y[1] && y[0] <= x[1]));
}

/** Whether a day-precision date of one group overlaps one of the other. */
function sameDayOf(a: Group, b: Group): boolean {
  for (const x of a.dates.daySpans.values()) for (const y of b.dates.daySpans.values()) if (x[0] <= y[1] && y[0] <= x[1]) return true;
  return false;
}

/**
 * The actors of a mention that tell who takes part: all of them, except the country an agentless mention
 * only took as its setting ("floods hit the north of Kestrel": Kestrel names where, not who).
 */
function coreActors(m: EventMentionX, actors: readonly { actor_id: string; role: EventActorRow['role'] }[]): Map<string, Set<EventActorRow['role']>> {
  const out = new Map<string, Set<EventActorRow['role']>>();
  if (m.rule === 'agentless') return out;
  for (const a of actors) (out.get(a.actor_id) ?? out.set(a.actor_id, new Set()).get(a.actor_id)!).add(a.role);
  return out;
}

/**
 * The one acted on by a patient-type mention: the persons among its targets, else the persons it names in
 * another role (an extractor reading "Kestrel was banned for two years" may give the banned person as the
 * subject). Bodies and countries are left out: a target read as "the federal inquiry" or "the country" names
 * the setting of a ban or an arrest far more often than the one banned or arrested.
 */
function patientsOf(actors: readonly { actor_id: string; role: EventActorRow['role']; person: boolean }[], m: EventMentionX): Set<string> {
  const persons = actors.filter((a) => a.person);
  const targets = persons.filter((a) => a.role === 'target');
  if (persons.length) return new Set((targets.length ? targets : persons).map((a) => a.actor_id));
  // with no person named, people counted as the subject stand for the ones acted on ("Two men were arrested in
  // May", "A 24-year-old man was detained on Monday": two arrests, and neither is the named leader's)
  const at = m.text.indexOf(m.trigger);
  const counted = at >= 0 ? COUNTED_PEOPLE.exec(m.text.slice(0, at)) : null;
  return new Set(counted ? [`count:${counted[1]!.toLowerCase()} ${counted[2]!.toLowerCase().replace(/s$/, '')}`] : []);
}
/** People counted at the head of the clause before a trigger ("Two men from Tarn were", "A 24-year-old woman was"). */
const COUNTED_PEOPLE =
  /(?:^|[.;:]\s|,\s)\s*(\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|several|a|an|another)\s+(?:[\p{Ll}\d-]+\s+){0,2}?(men|women|people|man|woman|boys?|girls?|suspects?|youths?|teenagers?|students?|activists?|protesters?|journalists?)\b[^;.]{0,80}$/iu;

/** A set of mentions taken to be one event so far, with what blocking and evidence need. */
interface Group {
  readonly members: number[];
  /** Sentence indexes of the members, ascending (see nearness). */
  readonly sentences: number[];
  /** Bounds of the members' date spans (see DateBounds). */
  readonly dates: DateBounds;
  /** Sentences of the members (text → content words), distinct ones, at most ALIKE_SENTENCES (see sentencesAlike). */
  readonly alike: Map<string, Item['words']>;
  readonly frame: string;
  readonly frames: Set<string>;
  readonly type: string;
  readonly stories: Set<string>;
  readonly articles: Set<string>;
  readonly actors: Set<string>;
  /** Actors that are not countries (a person, body or group names a story's happening; a country hardly does). */
  readonly named: Set<string>;
  /** Actors in the source role (directed frames: two events with different sources are two events). */
  readonly sources: Set<string>;
  /** Statuses of the members, per article. */
  readonly statusByArticle: Map<string, Set<string>>;
  readonly places: Set<string>;
  readonly countries: Set<string>;
  readonly statuses: Set<string>;
  readonly dated: Item[];
  /** Day numbers of the members' publication dates (known ones). */
  readonly published: number[];
  /** Core actors of the members (see coreActors) and the roles they have in them. */
  readonly core: Map<string, Set<EventActorRow['role']>>;
  /** The ones acted on, for patient-type members (see PATIENT_TYPES). */
  readonly patients: Set<string>;
  /** Actors named as persons in the members. */
  readonly persons: Set<string>;
  /**
   * Two-party mentions of the members (exactly two core actors, both participants), as each party's other
   * parties: see bilateralClash.
   */
  readonly partners: Map<string, Set<string>>;
  /** Stems of the members' trigger words (see triggerStems). */
  readonly stems: Set<string>;
  /** Kinds of economic happening the members name (a bankruptcy, a deal, job cuts: economicKinds). */
  readonly kinds: Set<string>;
  /** Families of the subtypes the members give (see SUBTYPE_FAMILIES). */
  readonly subtypes: Set<string>;
  /** Articles where a member is an undated mention (the news the article reports, or told with it). */
  readonly undated: Set<string>;
  /** Articles where a member is dated well before the article was published, or (undated article) only to a month or year. */
  readonly background: Set<string>;
  /** Every member's sentence points back to someone named elsewhere (a pronoun, "the minister"): see pairScore. */
  refersBack: boolean;
  /** ... and by a title or a body with "the" ("the minister", "the firm"), which reaches further than a pronoun. */
  titled: boolean;
}

/**
 * Crude stems of a trigger's words of three letters or more ("banned" and "bans" give "ban", "talks" and "hold
 * talks" share "talk"): across articles, a join of two undated groups on a shared actor alone also needs one (a
 * threat of legal action and a firm "punished" for its founder's politics share a frame and a firm, not a
 * happening; a dated group is anchored by its date instead). Violence is exempt: one war or raid is told as
 * an attack, a strike, an offensive or a counterattack, and its actor in a common role anchors it.
 */
export function triggerStems(trigger: string): string[] {
  return (trigger.toLowerCase().match(/\p{L}{3,}/gu) ?? []).map((w) => {
    const s = w.replace(/(?:ations?|ions?|ings?|ed|es|s|e)$/u, '');
    const t = s.length >= 2 ? s : w;
    return t.replace(/(\p{L})\1$/u, '$1');
  });
}

/** Whether two sets of trigger stems share one, or two of them share their first four letters ("threat", "threaten"). */
function stemsMeet(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  for (const x of a)
    for (const y of b) {
      const n = Math.min(4, x.length, y.length);
      if (x === y || (x.length >= 3 && y.length >= 3 && x.slice(0, n) === y.slice(0, n))) return true;
    }
  return false;
}

/**
 * Named actors (not countries) the two groups share in a common role, a participant agreeing with any role: the
 * main participant of both. A firm that threatens in one report and is punished in another names two happenings.
 */
function sameRole(a: Group, b: Group): number {
  let n = 0;
  for (const x of a.named) {
    const ra = a.core.get(x),
      rb = b.core.get(x);
    if (!b.named.has(x)) continue;
    if (!ra || !rb || ra.has('participant') || rb.has('participant') || [...ra].some((r) => rb.has(r))) n++;
  }
  return n;
}

/**
 * One actor acted on in both, a country included: with the same trigger word in one story, the country a happening
 * struck is an anchor as strong as the one that acted ("the incursion onto Lorian territory" told undated in one
 * report, dated in another). (A country that only takes part names no happening: see sameRole.)
 */
function sameTarget(a: Group, b: Group): boolean {
  for (const [x, ra] of a.core) if (ra.has('target') && b.core.get(x)?.has('target')) return true;
  return false;
}

/** See Group.background. */
function isBackground(it: Item): boolean {
  if (!it.span) return false;
  return it.published ? it.span[1] < dayNumber(it.published) - BACKGROUND_DAYS : it.m.date_precision !== 'day';
}
const isUndated = (it: Item): boolean => !it.span;

function groupOf(items: readonly Item[], members: number[], countryActors: ReadonlySet<string>): Group {
  const its = members.map((i) => items[i]!);
  const dates = noBounds();
  for (const it of its) if (it.span) bound(dates, it);
  const alike = new Map<string, Item['words']>();
  for (const it of its) addAlike(alike, { text: it.m.text, words: it.words });
  const partners = new Map<string, Set<string>>();
  for (const it of its) {
    const ids = [...it.core.keys()];
    if (ids.length === 2 && [...it.core.values()].every((r) => r.size === 1 && r.has('participant'))) {
      (partners.get(ids[0]!) ?? partners.set(ids[0]!, new Set()).get(ids[0]!)!).add(ids[1]!);
      (partners.get(ids[1]!) ?? partners.set(ids[1]!, new Set()).get(ids[1]!)!).add(ids[0]!);
    }
  }
  return {
    members: [...members],
    sentences: its.map((it) => it.m.sentence_index).sort((x, y) => x - y),
    dates,
    alike,
    partners,
    frame: its[0]!.frame,
    frames: new Set(its.map((it) => it.frame)),
    type: its[0]!.m.event_type,
    stories: new Set(its.map((it) => it.story)),
    articles: new Set(its.map((it) => it.article_id)),
    actors: new Set(its.flatMap((it) => [...it.actorSet])),
    named: new Set(its.flatMap((it) => [...it.actorSet].filter((a) => !countryActors.has(a)))),
    sources: new Set(its.flatMap((it) => it.actors.filter((a) => a.role === 'source').map((a) => a.actor_id))),
    statusByArticle: its.reduce((m, it) => m.set(it.article_id, (m.get(it.article_id) ?? new Set<string>()).add(it.m.status)), new Map<string, Set<string>>()),
    places: new Set(its.map((it) => it.m.place).filter((p): p is string => !!p)),
    countries: new Set(its.map((it) => it.m.country).filter((p): p is string => !!p)),
    statuses: new Set(its.map((it) => it.m.status)),
    dated: its.filter((it) => it.span),
    published: [...new Set(its.map((it) => it.published).filter((d): d is string => !!d))].map(dayNumber),
    core: its.reduce((m, it) => {
      for (const [a, roles] of it.core) for (const r of roles) (m.get(a) ?? m.set(a, new Set()).get(a)!).add(r);
      return m;
    }, new Map<string, Set<EventActorRow['role']>>()),
    patients: new Set(its.flatMap((it) => [...it.patients])),
    persons: new Set(its.flatMap((it) => [...it.persons])),
    subtypes: new Set(
      its
        .map((it) => it.m.event_subtype)
        .filter((x): x is NonNullable<typeof x> => !!x)
        .flatMap(familiesOf),
    ),
    stems: new Set(its.flatMap((it) => triggerStems(it.m.trigger))),
    kinds: new Set(its.filter((it) => it.frame === 'economic').flatMap((it) => economicKinds(it.m.trigger))),
    undated: new Set(its.filter(isUndated).map((it) => it.article_id)),
    background: new Set(its.filter(isBackground).map((it) => it.article_id)),
    refersBack: its.every((it) => it.pointsBack !== null),
    titled: its.every((it) => it.pointsBack === 'title'),
  };
}

/**
 * A pronoun, a title with "the" or a body with "the" ("the firm", "the board") for someone named elsewhere, and which.
 * (Only as the trigger's subject: before it in its clause, "he later denied it", "the chancellor dismissed the
 * claim". A pronoun elsewhere in a long sentence, "prices rise so that what they earn is cut", points to no one.)
 */
const refersBack = (text: string, trigger: string): 'title' | 'pronoun' | null => {
  const at = text.indexOf(trigger);
  if (at < 0) return null;
  const before = text.slice(Math.max(0, at - SUBJECT_REACH), at);
  const clause = before.slice(Math.max(0, ...[...before.matchAll(/[,;:]\s|\b(?:that|because|while|but|which|who)\s/g)].map((m) => m.index + m[0].length)));
  return DEFINITE_TITLE.test(clause) || TITLED_BODY.test(clause) ? 'title' : PRONOUN.test(clause) ? 'pronoun' : null;
};
/** Characters before a trigger within which its subject is looked for (see refersBack). */
const SUBJECT_REACH = 80;
const PRONOUN = /\b(?:he|she|they)\b/i;
const TITLED_BODY =
  /\bthe\s+(?:firm|company|board|group|party|government|club|union|bank|council|committee|commission|ministry|department|agency|regulator|court|cabinet)\b/i;

/**
 * `big` with `small`'s members added, in place: what groupOf would give for
 * the union, except that members are in merge order (sorted when merging
 * ends) and sets in insertion order, which no score depends on. Merging the
 * smaller into the larger keeps the whole merge near linear where rebuilding
 * the group was quadratic in the size of a growing cluster.
 */
function absorb(big: Group, small: Group): Group {
  for (const i of small.members) big.members.push(i);
  for (const s of small.sentences) big.sentences.splice(sortedIndex(big.sentences, s), 0, s);
  mergeBounds(big.dates, small.dates);
  for (const [text, words] of small.alike) addAlike(big.alike, { text, words });
  const sets = [
    'articles',
    'frames',
    'stories',
    'actors',
    'named',
    'sources',
    'places',
    'countries',
    'statuses',
    'patients',
    'persons',
    'subtypes',
    'stems',
    'kinds',
    'undated',
    'background',
  ] as const;
  for (const k of sets) for (const x of small[k]) (big[k] as Set<string>).add(x);
  unionInto(big.statusByArticle, small.statusByArticle);
  unionInto(big.core, small.core);
  unionInto(big.partners, small.partners);
  for (const x of small.dated) big.dated.push(x);
  big.refersBack &&= small.refersBack;
  big.titled &&= small.titled;
  return big;
}

/** Adds each set of `from` into the set of the same key in `into` (a copy when `into` has none). */
function unionInto<K, V>(into: Map<K, Set<V>>, from: ReadonlyMap<K, ReadonlySet<V>>): void {
  for (const [k, xs] of from) {
    const mine = into.get(k);
    if (mine) for (const x of xs) mine.add(x);
    else into.set(k, new Set(xs));
  }
}

/** Two names of one place: equal, or one the other's first words ("Kestrel" and "Kestrel Valley", the short and the long form). */
export const samePlaceName = (p: string, q: string): boolean => p === q || (q.startsWith(p) && q[p.length] === ' ') || (p.startsWith(q) && p[q.length] === ' ');

/** The first index of a sorted array whose value is not below x. */
function sortedIndex(xs: readonly number[], x: number): number {
  let lo = 0,
    hi = xs.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (xs[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The least distance between a sentence of one group and a sentence of the other (each of the smaller looked up in the larger). */
function sentenceDistance(a: Group, b: Group): number {
  const [small, big] = a.sentences.length <= b.sentences.length ? [a.sentences, b.sentences] : [b.sentences, a.sentences];
  let best = Infinity;
  for (const s of small) {
    const k = sortedIndex(big, s);
    if (k < big.length) best = Math.min(best, big[k]! - s);
    if (k > 0) best = Math.min(best, s - big[k - 1]!);
  }
  return best;
}

/** How many members two sets share (counted over the smaller). */
function intersects<T>(a: ReadonlySet<T>, b: ReadonlySet<T>): number {
  const [small, big] = a.size <= b.size ? [a, b] : [b, a];
  let n = 0;
  for (const x of small) if (big.has(x)) n++;
  return n;
}

/**
 * Within one article, two mentions that name who takes part agree when they share an actor, or when they tell
 * one happening from two sides, each naming only one side ("the fund pledged aid" and "aid for Loria": a source
 * in one, a target in the other). Two mentions naming different actors in the same role are two happenings
 * (talks with Kestrel and talks with Loria; a ban of one person and a ban of another).
 */
/**
 * Whether the two groups share parties only in crossed roles in a statement: a party that makes one statement and
 * is only the object of the other names two statements ("X denied the claim" and "Y refused to publish X's
 * advice"; a meeting's host and guest swap roles in one happening, so only statements are read).
 */
function crossedParties(a: Group, b: Group): boolean {
  if (!STATEMENT_TYPES.has(a.type)) return false;
  const shared = [...a.core.keys()].filter((x) => b.core.has(x));
  return (
    shared.length > 0 &&
    shared.every((x) => {
      const ra = a.core.get(x)!,
        rb = b.core.get(x)!;
      return !ra.has('participant') && !rb.has('participant') && intersects(ra, rb) === 0;
    })
  );
}

function participantsAgree(a: Group, b: Group): boolean {
  if (!a.core.size || !b.core.size) return true;
  const [small, big] = a.core.size <= b.core.size ? [a.core, b.core] : [b.core, a.core];
  if ([...small.keys()].some((x) => big.has(x))) return !crossedParties(a, b);
  // at a meeting a person and a body are not two guests: one often speaks for the other (an envoy for his
  // government at talks of the government's parties), so participants only differ person against person or
  // body against body (a statement's source still differs from any other source)
  const bodies = (g: Group) => [...g.core.keys()].filter((x) => !g.persons.has(x)).length;
  const people = (g: Group) => [...g.core.keys()].filter((x) => g.persons.has(x)).length;
  const onlyParticipants = (g: Group) => [...g.core.values()].every((r) => r.size === 1 && r.has('participant'));
  if (onlyParticipants(a) && onlyParticipants(b) && !(bodies(a) && bodies(b)) && !(people(a) && people(b))) return true;
  const roles = (g: Group) => new Set([...g.core.values()].flatMap((r) => [...r]));
  return intersects(roles(a), roles(b)) === 0;
}

/**
 * Two meetings of two parties each, one party in common and the other one different, are two meetings (a
 * bidder's talks with a firm, a rival bidder's talks with the same firm), unless the other group names that
 * other party somewhere too (then it is one gathering told with different guests).
 */
function bilateralClash(a: Group, b: Group): boolean {
  // the rule is symmetric: walk the two-party mentions of the smaller group and look the common party up in
  // the larger; of that party's other parties there, at most small.core.size + 1 need be looked at before one
  // the smaller group does not name turns up
  const [small, big] = a.partners.size <= b.partners.size ? [a, b] : [b, a];
  for (const [common, others] of small.partners) {
    const theirs = big.partners.get(common);
    if (!theirs) continue;
    for (const x of others) {
      if (big.core.has(x)) continue;
      for (const z of theirs) if (z !== x && !small.core.has(z)) return true;
    }
  }
  return false;
}

/** Evidence that two groups are one event, or null when they cannot be. */
function pairScore(a: Group, b: Group, withinArticle: boolean): number | null {
  const sameFrame = intersects(a.frames, b.frames) > 0;
  if (!sameFrame && (withinArticle || a.type !== b.type)) return null;
  if (!datesCompatible(a.dates, b.dates)) return null;
  if (Math.max(a.dates.dayMax, b.dates.dayMax) - Math.min(a.dates.dayMin, b.dates.dayMin) > MAX_EVENT_SPAN_DAYS) return null;
  if (new Set([...a.countries, ...b.countries]).size > 1) return null;
  // within one article, a happening told as past and one told as planned are two events
  const [fewer, more] = a.statusByArticle.size <= b.statusByArticle.size ? [a, b] : [b, a];
  for (const [art, sa] of fewer.statusByArticle) {
    const sb = more.statusByArticle.get(art);
    if (
      sb &&
      ((sa.has('occurred') && !sa.has('planned') && sb.has('planned') && !sb.has('occurred')) ||
        (sb.has('occurred') && !sb.has('planned') && sa.has('planned') && !sa.has('occurred')))
    )
      return null;
  }
  // the same sentence reprinted by two reports (a wire story) tells one happening, whatever the actors each
  // resolved there (one read the court as its source, the other the case's party)
  if (!withinArticle && sameFrame && intersects(a.articles, b.articles) === 0 && sameSentence(a, b)) return 10;
  // directed frames (accuse, urge, attack): different named sources are different events
  if (a.sources.size && b.sources.size && intersects(a.sources, b.sources) === 0) return null;
  // patient-type happenings: different ones acted on are different events (a ban of one athlete and of another)
  if (PATIENT_TYPES.has(a.type) && PATIENT_TYPES.has(b.type) && a.patients.size && b.patients.size && intersects(a.patients, b.patients) === 0) return null;
  // subtypes of no common family are two happenings (an arrest and a weapons seizure told with one verb frame)
  if (a.subtypes.size && b.subtypes.size && intersects(a.subtypes, b.subtypes) === 0) return null;
  // the economic frame holds several kinds of happening: a bankruptcy and a purchase are two, however close
  if (a.kinds.size && b.kinds.size && intersects(a.kinds, b.kinds) === 0) return null;
  // a purchase or a suit of one firm and one of another are two, whoever buys or sues ("bought X in 2003", "to buy
  // Y"; "sued the state", "sued four firms")
  if (OWN_TARGET_FRAMES.has(a.frame) && OWN_TARGET_FRAMES.has(b.frame)) {
    const ta = namedTargets(a),
      tb = namedTargets(b);
    if (ta.size && tb.size && intersects(ta, tb) === 0) return null;
  }
  if (bilateralClash(a, b)) return null;
  // the rules of one article hold for two groups with mentions in one article, in whichever round they meet
  // (the rounds across articles see groups that already span several)
  if (withinArticle || intersects(a.articles, b.articles) > 0) {
    // an undated mention is not a happening the same article dates long before, or (undated article) only to a
    // year or a month ("the firm filed for bankruptcy" and "it left bankruptcy in 2003"; "the election" and "unlike
    // in 2000"): the year marks the earlier one. (This held for the title and lead only; for every sentence it split
    // 48 lumped BBC events, and the held-out events went from 0.750 to 0.768.)
    if (intersects(a.undated, b.background) > 0 || intersects(b.undated, a.background) > 0) return null;
    if (!participantsAgree(a, b)) return null;
    // a statement that names no one who makes it is the named one's only when told right by it ("X backed the
    // plan. The support came late"): further off it is anyone's, a reader's comment or a general remark
    // (unless its sentence points back to someone: "he denied it", "the chancellor dismissed the claim")
    // (in the rounds across articles too, for two groups of that one article: a statement kept apart in its article's
    // round would else join there)
    if (
      (withinArticle || (a.articles.size === 1 && b.articles.size === 1)) &&
      STATEMENT_TYPES.has(a.type) &&
      ((!a.core.size && (!a.refersBack || (!a.titled && sentenceDistance(a, b) > REFERRING_REACH))) ||
        (!b.core.size && (!b.refersBack || (!b.titled && sentenceDistance(a, b) > REFERRING_REACH)))) &&
      sentenceDistance(a, b) > UNNAMED_STATEMENT_REACH
    )
      return null;
    // two mentions that share no actor and no trigger word tell two happenings of one frame (a purchase and a
    // bankruptcy; one official's denial and another's dismissal), unless the happening is one a report tells
    // under many names (see MANY_NAMES)
    // (statements are made many times by many parties: one trigger word is not enough, "X called for a pause" and
    // "Y called for a rise" are two calls)
    if (
      !MANY_NAMES.has(a.type) &&
      a.core.size &&
      b.core.size &&
      intersects(a.actors, b.actors) === 0 &&
      (STATEMENT_TYPES.has(a.type) || !stemsMeet(a.stems, b.stems))
    )
      return null;
  }
  if (crossedParties(a, b)) return null;
  const shared = intersects(a.actors, b.actors);
  const samePlace = intersects(a.places, b.places) > 0;
  // two named places (not countries) that differ: two happenings (the attack at one base, the abduction near another town)
  const townsA = [...a.places].filter((p) => !isCountryName(p)),
    townsB = [...b.places].filter((p) => !isCountryName(p));
  if (townsA.length && townsB.length && !townsA.some((p) => townsB.some((q) => samePlaceName(p, q)))) return null;
  // within an article, two different days told for the same frame are two happenings (an attack on Sunday, a claim on Monday)
  if ((withinArticle || intersects(a.articles, b.articles) > 0) && !daysOverlap(a, b)) return null;
  const sameDay = sameDayOf(a, b);
  const bothDated = a.dated.length > 0 && b.dated.length > 0;
  // across articles, two mentions that name no actor share nothing but words and a place: joined, they would
  // also lock each other out of the event that names its actors ("the meetings" in one report, "the dialogue" in another)
  if (!withinArticle && a.actors.size === 0 && b.actors.size === 0) return null;
  // within one article, one frame is one event unless dates, status, sources or country say otherwise
  // across articles a shared anchor is needed: both dated within the window and a shared actor or place;
  // else a shared actor and either the same story (articles already joined by a dated event) or the same named
  // town or city (not a country) in articles published within PUBLISHED_WINDOW_DAYS of each other when known
  // (undated mentions joined on an actor alone chained unrelated stories into one event)
  // within one story (see ./stories.ts), one frame is one happening on the same day, or with dates that agree
  // and a shared actor; undated, with a shared named actor (not a country) or the same acting country (a country
  // only taking part, as in "the war in Iraq" or "an attack on civil liberties in the UK", names no happening),
  // in the same named town, or with a shared actor in sentences that say the same. Statements (accuse, reject, request, support, threaten, agree) need two shared
  // named actors (not countries) or sentences that say the same: one person accuses or denies many times in one
  // story.
  // happening; two frames of one type only on the same day with a shared actor ("an attack on Monday" told as
  // "the bombing" elsewhere). Across stories only a strong anchor: the same frame on the same day, and the same
  // named town or two shared actors (two "talks" of one week in two stories are two events).
  const sameTown = townsA.some((p) => townsB.some((q) => samePlaceName(p, q)));
  const story = a.stories.size === 1 && b.stories.size === 1 && intersects(a.stories, b.stories) === 1;
  // within one article, one frame is one event unless dates, status, sources or country say otherwise
  // (two mentions of one article that name disjoint actors are still often one happening told from two sides:
  // "the fund pledged aid" and "aid for Loria"; "police fired" and "three protesters were shot dead")
  const enough = withinArticle
    ? true
    : story
      ? sameFrame
        ? sameDay ||
          (shared > 0 && bothDated) ||
          ((a.dated.length > 0 || b.dated.length > 0 || a.type === 'ASSAULT' || stemsMeet(a.stems, b.stems)) &&
            (STATEMENT_TYPES.has(a.type)
              ? sameRole(a, b) >= 2
              : sameRole(a, b) > 0 || intersects(a.sources, b.sources) > 0 || (stemsMeet(a.stems, b.stems) && sameTarget(a, b)))) ||
          sameTown ||
          (shared > 0 && sentencesAlike(a, b))
        : sameDay && shared > 0
      : sameFrame && sameDay && (sameTown || shared >= 2) && publishedClose(a, b);
  if (!enough) return null;
  // within an article, nearer sentences and agreeing statuses break ties between otherwise equal candidates
  const near = withinArticle ? 1 / (1 + sentenceDistance(a, b)) : 0;
  const agree = [...a.statuses].some((x) => b.statuses.has(x) && x !== 'unknown') ? 0.5 : 0;
  return 2 * Math.min(shared, 3) + (samePlace ? 1.5 : 0) + (sameDay ? 2 : bothDated ? 1 : 0) + near + agree;
}

/** Frames whose happening is told by what it is done to: a purchase by the firm bought, a suit by the one sued. */
const OWN_TARGET_FRAMES: ReadonlySet<string> = new Set(['economic', 'legal']);
/** The named actors (not countries) a group holds as targets. */
function namedTargets(g: Group): Set<string> {
  const out = new Set<string>();
  for (const [x, roles] of g.core) if (roles.has('target') && g.named.has(x)) out.add(x);
  return out;
}

/** Blocking keys of a group: frame + actor, place or day, and the article within one article. */
function keysOf(g: Group, withinArticle: boolean): string[] {
  if (withinArticle) return [...g.articles].map((a) => `${g.frame}|s|${a}`);
  const story = g.stories.size === 1 ? [...g.stories][0]! : null;
  return [
    ...(story ? [...g.frames].map((f) => `${f}|st|${story}`) : []),
    ...(story && g.dated.some((it) => it.m.date_precision === 'day') ? [`${g.type}|st|${story}`] : []),
    ...[...g.actors].map((a) => `${g.frame}|a|${a}`),
    ...[...g.places].map((p) => `${g.frame}|p|${p}`),
    ...g.dated.filter((it) => it.m.date_precision === 'day').map((it) => `${g.frame}|d|${it.m.date_start}`),
  ];
}

/** Agglomerative merge over candidate pairs from blocking keys, best evidence first; pairs are re-scored on the merged groups. */
function merge(items: readonly Item[], start: number[][], withinArticle: boolean, countries: ReadonlySet<string>): number[][] {
  const groups = start.map((m) => groupOf(items, m, countries));
  const parent = groups.map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i]!]!;
    return i;
  };
  const blocks = new Map<string, number[]>();
  groups.forEach((g, i) => {
    for (const k of new Set(keysOf(g, withinArticle))) pushTo(blocks, k, i);
  });
  const pairs = new Map<string, [number, number, number]>();
  for (const b of blocks.values()) {
    const sorted =
      b.length <= MAX_BLOCK ? b : [...b].sort((x, y) => (groups[x]!.dated[0]?.span![0] ?? Infinity) - (groups[y]!.dated[0]?.span![0] ?? Infinity) || x - y);
    for (let x = 0; x < sorted.length; x++) {
      const lim = b.length <= MAX_BLOCK ? sorted.length : Math.min(sorted.length, x + 1 + NEIGHBOURS);
      for (let y = x + 1; y < lim; y++) {
        const [i, j] = [Math.min(sorted[x]!, sorted[y]!), Math.max(sorted[x]!, sorted[y]!)];
        const k = `${i},${j}`;
        if (pairs.has(k)) continue;
        const s = pairScore(groups[i]!, groups[j]!, withinArticle);
        if (s !== null) pairs.set(k, [s, i, j]);
      }
    }
  }
  const order = [...pairs.values()].sort((p, q) => q[0] - p[0] || p[1] - q[1] || p[2] - q[2]);
  const current = [...groups];
  for (const [, i, j] of order) {
    const [ri, rj] = [find(i), find(j)];
    if (ri === rj) continue;
    if (pairScore(current[ri]!, current[rj]!, withinArticle) === null) continue;
    parent[rj] = ri;
    const [a, b] = [current[ri]!, current[rj]!];
    current[ri] = a.members.length >= b.members.length ? absorb(a, b) : absorb(b, a);
  }
  return groups
    .map((_, i) => i)
    .filter((i) => find(i) === i)
    .map((r) => current[r]!.members.sort((x, y) => x - y));
}

/** Within each article first, then across articles. */
function cluster(items: readonly Item[], countries: ReadonlySet<string>): number[][] {
  let groups = merge(
    items,
    items.map((_, i) => [i]),
    true,
    countries,
  );
  // merged groups carry new blocking keys (a place from one article, a date from another): block again until stable
  for (let round = 0; round < 4; round++) {
    const next = merge(items, groups, false, countries);
    if (next.length === groups.length) break;
    groups = next;
  }
  return groups;
}

const newerFirst = (a: Item, b: Item) =>
  (b.published ?? '').localeCompare(a.published ?? '') || a.article_id.localeCompare(b.article_id) || a.m.char_start - b.m.char_start;
const dateSpec = (it: Item) => `${it.m.date_start}${it.m.date_end && it.m.date_end !== it.m.date_start ? `/${it.m.date_end}` : ''}`;

/** The best date of a cluster (see the module comment). */
function bestDated(dated: readonly Item[]): Item | undefined {
  return [...dated].sort(
    (a, b) =>
      PRECISION_RANK[a.m.date_precision] - PRECISION_RANK[b.m.date_precision] || a.span![1] - a.span![0] - (b.span![1] - b.span![0]) || newerFirst(a, b),
  )[0];
}

function majority<T extends string>(values: readonly T[], fallback: T): T {
  const n = new Map<T, number>();
  for (const v of values) n.set(v, (n.get(v) ?? 0) + 1);
  let best = fallback,
    bn = 0;
  for (const [v, c] of n) if (c > bn) [best, bn] = [v, c];
  return best;
}

/** The most common subtype among the mentions of the event's type, else null. */
function subtypeOf(c: readonly Item[], type: EventMentionX['event_type']): EventMentionX['event_subtype'] {
  const subs = c.filter((it) => it.m.event_type === type && it.m.event_subtype).map((it) => it.m.event_subtype!);
  return subs.length ? majority(subs, subs[0]!) : null;
}

/** A short sentence for the event: the most informative mention, shortest first. */
function summaryOf(c: readonly Item[]): string {
  const info = (it: Item) => it.actorSet.size + (it.m.date_start ? 1 : 0) + (it.m.place ? 1 : 0);
  const best = [...c].sort((a, b) => info(b) - info(a) || a.m.text.length - b.m.text.length || newerFirst(a, b))[0]!;
  const t = best.m.text.replace(/\s+/g, ' ').trim();
  return t.length > 240 ? `${t.slice(0, 237)}...` : t;
}

/**
 * `storyOf` maps article_id → story_id (./stories.ts); an article missing from it is a story of its own.
 * event_id is the hash of the event's earliest mention's own key (article, offset, trigger, type: earliest by
 * publication date, then article_id and offset), so it does not change when other articles come or go, unless
 * one of them reports the same event earlier.
 */
export function resolveEvents(
  extractions: readonly Extraction[],
  articles: readonly ArticleRow[],
  actorOf: RefMap,
  storyOf: ReadonlyMap<string, string> = new Map(),
  countries: ReadonlySet<string> = new Set(),
): ResolvedEvents {
  const pub = new Map(articles.map((a) => [a.article_id, a.published_date]));
  const items: Item[] = extractions.flatMap((ex) =>
    ex.events.map((m, index) => {
      const actors = m.actors
        .map((a) => ({ actor_id: actorOf.get(ref(ex.article_id, a.mention)), role: a.role, person: ex.mentions[a.mention]?.type === 'person' }))
        .filter((a): a is { actor_id: string; role: EventActorRow['role']; person: boolean } => !!a.actor_id);
      return {
        article_id: ex.article_id,
        index,
        m,
        frame: m.frame ?? m.event_type,
        story: storyOf.get(ex.article_id) ?? `solo:${ex.article_id}`,
        actors,
        actorSet: new Set(actors.map((a) => a.actor_id)),
        published: pub.get(ex.article_id) ?? null,
        span: m.date_start && !goingOnByReport(m) ? ([dayNumber(m.date_start), dayNumber(m.date_end ?? m.date_start)] as const) : null,
        asOf: m.date_start && goingOnByReport(m) ? ([dayNumber(m.date_start), dayNumber(m.date_end ?? m.date_start)] as const) : null,
        words: contentWords(m.text),
        core: coreActors(m, actors),
        patients: PATIENT_TYPES.has(m.event_type) ? patientsOf(actors, m) : new Set<string>(),
        persons: new Set(actors.filter((a) => a.person).map((a) => a.actor_id)),
        pointsBack: refersBack(m.text, m.trigger),
      };
    }),
  );
  const events: EventRow[] = [];
  const eventActors: EventActorRow[] = [];
  const eventMentions: EventMentionRow[] = [];
  const eventOf = new Map<string, string>();
  for (const idx of cluster(items, countries)) {
    const c = idx.map((i) => items[i]!);
    const actorCount = new Map<string, number>();
    for (const it of c) for (const a of it.actorSet) actorCount.set(a, (actorCount.get(a) ?? 0) + 1);
    // no actor: kept only when the extractor marked a clear agentless happening (an explosion, a flood)
    if (actorCount.size === 0 && !c.some((it) => it.m.rule === 'agentless')) continue;
    const first = [...c].sort(
      (a, b) => (a.published ?? '9999').localeCompare(b.published ?? '9999') || a.article_id.localeCompare(b.article_id) || a.m.char_start - b.m.char_start,
    )[0]!;
    const event_id = hashId('e', first.m.event_type, first.article_id, first.m.char_start, first.m.trigger);
    const dated = c.filter((it) => it.span);
    const best = bestDated(dated.length ? dated : c.filter((it) => it.asOf).map((it) => ({ ...it, span: it.asOf })));
    // each article's own date: its best dated mention
    const perArticle = new Map<string, Item>();
    for (const it of dated) {
      const cur = perArticle.get(it.article_id);
      if (!cur || bestDated([cur, it]) === it) perArticle.set(it.article_id, it);
    }
    const reported = [...perArticle.values()];
    // (two stated spans of several days each that end, or begin, on different days disagree too: "from Thursday to
    // Friday" in one report, "until Saturday" in another; a one-day date inside another's span does not)
    const multiDay = (it: Item) => it.m.date_precision === 'day' && it.span![1] > it.span![0];
    const conflict = reported.some((a, i) =>
      reported.some(
        (b, j) =>
          j > i &&
          (a.span![1] < b.span![0] || b.span![1] < a.span![0] || (multiDay(a) && multiDay(b) && (a.span![0] !== b.span![0] || a.span![1] !== b.span![1]))),
      ),
    );
    const byRecency = [...c].sort(newerFirst);
    const known = byRecency.map((it) => it.m.status).filter((s) => s !== 'unknown');
    const pubs = c
      .map((it) => it.published)
      .filter((d): d is string => !!d)
      .sort();
    const placed = c.filter((it) => it.m.place);
    const place = placed.length
      ? majority(
          placed.map((it) => it.m.place!),
          placed[0]!.m.place!,
        )
      : null;
    events.push({
      event_id,
      story_id: storyOf.get(first.article_id) ?? hashId('s', first.article_id),
      event_type: majority(
        c.map((it) => it.m.event_type),
        first.m.event_type,
      ),
      event_subtype: subtypeOf(
        c,
        majority(
          c.map((it) => it.m.event_type),
          first.m.event_type,
        ),
      ),
      summary: summaryOf(c),
      status: known.length ? majority(known, known[0]!) : 'unknown',
      date_start: best?.m.date_start ?? null,
      date_end: best ? (best.m.date_end ?? best.m.date_start) : null,
      date_precision: best?.m.date_precision ?? 'unknown',
      date_conflict: conflict,
      dates_reported: reported.map((it) => `${it.article_id}=${dateSpec(it)}`).sort(),
      place,
      country: place ? placed.find((it) => it.m.place === place)!.m.country : null,
      article_count: new Set(c.map((it) => it.article_id)).size,
      mention_count: c.length,
      first_reported: pubs[0] ?? null,
    });
    const roles = new Map<string, number>();
    for (const it of c) {
      for (const a of new Set(it.actors.map((x) => `${x.actor_id}\u0000${x.role}`))) roles.set(a, (roles.get(a) ?? 0) + 1);
      eventOf.set(ref(it.article_id, it.index), event_id);
      eventMentions.push({
        event_mention_id: hashId('em', it.article_id, it.m.char_start, it.m.char_end, it.m.trigger, it.m.event_type),
        event_id,
        article_id: it.article_id,
        sentence_index: it.m.sentence_index,
        char_start: it.m.char_start,
        char_end: it.m.char_end,
        text: it.m.text,
        trigger: it.m.trigger,
        event_type: it.m.event_type,
        event_subtype: it.m.event_subtype,
        rule: it.m.rule,
        status: it.m.status,
        date_text: it.m.date_text,
        date_start: it.m.date_start,
        date_end: it.m.date_end,
        date_precision: it.m.date_precision,
      });
    }
    for (const [k, n] of roles) {
      const [actor_id, role] = k.split('\u0000') as [string, EventActorRow['role']];
      eventActors.push({ event_id, actor_id, role, mention_count: n });
    }
  }
  return { events, eventActors, eventMentions, eventOf };
}

/** Date expressions counted from the moment of the report. */
const FROM_NOW = /\b(?:ago|today|tonight|yesterday|tomorrow|hours?|minutes?|now|earlier|later|this\s+(?:morning|afternoon|evening|week)|last\s+night)\b/i;

/**
 * The last day an article tells as past (weekdays count: the report is not older than the last weekday it
 * names), to the day, within the two weeks up to `ref` (its dates read against
 * `ref`): an undated report was written on or after it.
 */
function latestToldDay(ann: AnnotatedDocument, ref: string): string | null {
  const from = addDays(ref, -14);
  let best: string | null = null;
  for (const d of redate(ann, ref).dates) {
    const p = d.past;
    if (FROM_NOW.test(d.text)) continue; // "two hours ago", "yesterday" count from the report: they tell nothing of its day
    if (p && p.precision === 'day' && p.date_start <= ref && p.date_start >= from && (!best || p.date_start > best)) best = p.date_start;
  }
  return best;
}

/**
 * Undated articles take their story's date: an article with no publication date whose story has dated
 * articles is read again against the story's reference date (see storyReferenceDates in ./stories.ts), so
 * "on Thursday" or "February 29" resolve as they would in a dated report. Only the date (and an unknown
 * status the date settles) of mentions that had none is filled in; the mentions, their order and every
 * other field stay as extracted (figures and actors point into them by index).
 */
export function dateByStory(
  documents: readonly Document[],
  extractions: readonly Extraction[],
  storyOf: ReadonlyMap<string, string>,
  reference: ReadonlyMap<string, string>,
): Extraction[] {
  const docOf = new Map(documents.map((d) => [d.article.article_id, d]));
  return extractions.map((ex) => {
    const doc = docOf.get(ex.article_id);
    const story = storyOf.get(ex.article_id);
    const ref = story === undefined ? undefined : reference.get(story);
    if (!doc || doc.article.published_date || !ref || ex.events.every((m) => m.date_start)) return ex;
    // read with the linguistic layer as in 03-extract (without it, dates of other clauses are taken)
    const ann = annotate(doc, lexiconsFor(doc.article.language));
    const read = (day: string) => findEvents({ ...doc, article: { ...doc.article, published_date: day } }, ex.mentions, ann);
    // the report was written on or after the last day it tells ("on Thursday, 4 May, the talks opened"): read
    // against that day when it falls in the two weeks before the story's date ("hours ago" is then hours before
    // it, not before the story's latest report)
    const own = latestToldDay(ann, ref);
    const again = read(own ?? ref);
    const key = (m: EventMentionX) => `${m.sentence_index}|${m.trigger}|${m.frame ?? m.event_type}`;
    const byKey = new Map<string, EventMentionX>();
    for (const m of again) if (!byKey.has(key(m))) byKey.set(key(m), m);
    const events = ex.events.map((m) => {
      if (m.date_start) return m;
      const d = byKey.get(key(m));
      if (!d?.date_start) return m;
      return {
        ...m,
        date_text: d.date_text,
        date_start: d.date_start,
        date_end: d.date_end,
        date_precision: d.date_precision,
        status: m.status === 'unknown' ? d.status : m.status,
      };
    });
    return { ...ex, events };
  });
}
