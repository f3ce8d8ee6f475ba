/**
 * Event mentions in one article. Per sentence: triggers from the lexicon
 * (./events/lexicon.ts), minus negated and hypothetical ones; one mention per
 * frame and sentence; status from modals, tense and time words; the date
 * nearest the trigger (a date next to a reporting verb dates the statement,
 * not the event); the place; and the actors of the sentence with roles.
 */
import type { ActorMentionX, Document, EventMentionX } from '../../schemas/pipeline.ts';
import { findDates, type DateHit, type Direction } from '../lib/temporal.ts';
import { findReporting, findTriggers, type TriggerHit } from './events/lexicon.ts';
import { findPlace } from './events/places.ts';
import { assignActors, type SentenceActor } from './events/roles.ts';

type Status = EventMentionX['status'];

/** A negation in the few words before the trigger ("did not meet", "never attacked"). */
const NEGATED = /\b(?:not|never|cannot|can['’]t|no longer|neither|nor|without|n['’]t)\s+(?:[\p{L}'’-]+\s+){0,2}$|n['’]t\s+(?:[\p{L}-]+\s+){0,2}$/iu;
/** Condition in the same clause before the trigger ("if X were to meet", "unless"). */
const HYPOTHETICAL = /\b(?:if|unless|whether|in case|lest|were to|would have|could have)\b[^,;:.]*$/i;
/** Modal and time cues that the happening is still to come. */
const PLANNED_BEFORE = /\b(?:will|shall|['’]ll|is to|are to|was to|were to|(?:is|are|was|were) due to|plans? to|planned to|planning to|scheduled to|set to|expected to|going to|intends? to|intended to|ready to|seeks? to|seeking to|hopes? to|hoped to|aims? to|aimed to|would|invited\s+[^,;.]{0,80}?to|urged\s+[^,;.]{0,80}?to|upcoming|forthcoming|planned|proposed|future|next)\s+(?:[\p{L}'’-]+\s+){0,3}$/iu;
const PLANNED_AFTER = /^[^.;]{0,60}?\b(?:(?:is|are|was|were|has been|had been)\s+(?:planned|scheduled|set|due|expected)|to be held|will (?:take place|be held|convene|begin|start|open)|which (?:convenes|opens|begins|starts)|next week|next month|is to (?:take place|be held))\b/iu;
const ONGOING_BEFORE = /\b(?:(?:is|are|am)\s+(?:still\s+)?(?=\S+ing\b)|continues? to|continuing|ongoing|current|under way|underway|still|keeps? on)\s*(?:[\p{L}'’-]+\s+){0,2}$/iu;
const PERFECT_OR_PAST = /\b(?:has|have|had|was|were|been|did)\s+(?:[\p{L}'’-]+\s+){0,2}$/iu;
const TO_INFINITIVE = /\bto\s+(?:[\p{L}'’-]+\s+)?$/iu;
const DETERMINER_BEFORE = /\b(?:the|a|an|this|that|these|those|its|their|his|her|our|your|any|such|new|recent|latest|further|first|second|\w+['’]s)\s+(?:[\p{L}'’-]+\s+){0,2}$/iu;
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

/** Whether a form should be read as a noun here ("the meeting", "attacks on"). */
const isNominal = (t: TriggerHit, before: string): boolean =>
  t.kind === 'noun' || (t.alsoNoun && DETERMINER_BEFORE.test(before) && !PERFECT_OR_PAST.test(before) && !/\b(?:is|are|was|were|be)\s+$/i.test(before));

function statusOf(t: TriggerHit, nominal: boolean, text: string): Status {
  const before = clauseBefore(text, t.index, 100);
  const after = text.slice(t.end, t.end + 80);
  if (PLANNED_BEFORE.test(before) || (nominal && PLANNED_AFTER.test(after))) return 'planned';
  if (!nominal && TO_INFINITIVE.test(before)) return /\b(?:invited|urged|asked|called on|ready|agreed|decided|plans?|wants?|seeks?)\b/i.test(before) ? 'planned' : 'unknown';
  if ((t.kind === 'ing' || /^\S+ing\b/i.test(t.text)) && /\b(?:is|are|am)\s+(?:still\s+)?$/i.test(before)) return 'ongoing';
  if (ONGOING_BEFORE.test(before) || (t.kind === 'ing' && /\b(?:is|are|am)\s+(?:still\s+)?$/i.test(before))) return 'ongoing';
  if (nominal) return /\b(?:current|ongoing|continuing)\s+(?:[\p{L}-]+\s+){0,2}$/iu.test(before) ? 'ongoing' : 'unknown';
  if (t.kind === 'past' || t.kind === 'pp') return 'occurred';
  if (t.kind === 'phrase') return /\b(?:ed|held|made|took|struck|sent|withdrew|met)\b/i.test(t.text) || /(?:ed|held|sent|took|struck)\b/i.test(t.text.split(/\s+/)[0]!) ? 'occurred' : PERFECT_OR_PAST.test(before) ? 'occurred' : 'unknown';
  if (PERFECT_OR_PAST.test(before)) return 'occurred';
  if (t.kind === 's' || t.kind === 'base') return 'unknown'; // headline present ("Russia invites") says neither
  return 'unknown';
}

const directionOf = (s: Status): Direction => (s === 'planned' ? 'future' : s === 'occurred' ? 'past' : 'nearest');

interface Candidate {
  readonly t: TriggerHit;
  readonly nominal: boolean;
  status: Status;
}

/** Distance between a date hit and a span, in characters (0 when touching). */
const gap = (h: { index: number; text: string }, s: number, e: number) => (h.index >= e ? h.index - e : s >= h.index + h.text.length ? s - (h.index + h.text.length) : 0);

/** For each date hit, the candidate it dates, or null when a reporting verb is nearer (the statement's date). */
function anchorDates(hits: readonly DateHit[], cands: readonly Candidate[], reporting: readonly [number, number][]): (number | null)[] {
  return hits.map((h) => {
    let best: { i: number | null; d: number } = { i: null, d: Infinity };
    cands.forEach((c, i) => {
      const d = gap(h, c.t.index, c.t.end) + (h.index < c.t.index ? 1 : 0);
      if (d < best.d) best = { i, d };
    });
    for (const [s, e] of reporting) {
      const d = gap(h, s, e);
      if (d < best.d) best = { i: null, d };
    }
    return best.i;
  });
}

/**
 * Event mentions in `doc`. `mentions` are the article's actor mentions; an
 * event's actors are indexes into that array.
 */
export function findEvents(doc: Document, mentions: readonly ActorMentionX[]): EventMentionX[] {
  const bySentence = new Map<number, SentenceActor[]>();
  mentions.forEach((m, i) => {
    const list = bySentence.get(m.sentence_index) ?? [];
    list.push({ mention: i, start: m.char_start, end: m.char_end, name: m.name, type: m.type });
    bySentence.set(m.sentence_index, list);
  });
  const reference = doc.article.published_date;
  const out: EventMentionX[] = [];
  for (const s of doc.sentences) {
    const text = s.text;
    const triggers = findTriggers(text);
    if (triggers.length === 0) continue;
    const headline = titleCased(text);
    const reporting = findReporting(text);
    const kept: Candidate[] = [];
    for (const t of triggers) {
      const before = text.slice(Math.max(0, t.index - 160), t.index);
      if (NEGATED.test(before) || HYPOTHETICAL.test(clauseBefore(text, t.index))) continue;
      if (reporting.some(([a, b]) => a < t.end && t.index < b)) continue;
      const nominal = isNominal(t, before);
      if (nominal && !headline && /^\p{Lu}/u.test(t.text) && t.index > 0) continue; // part of a name ("Six-Day War")
      kept.push({ t, nominal, status: statusOf(t, nominal, text) });
    }
    // one mention per frame group; within a type, frames listed later give way only when marked subordinate (rank order)
    const byGroup = new Map<string, Candidate[]>();
    for (const c of kept) byGroup.set(c.t.group, [...(byGroup.get(c.t.group) ?? []), c]);
    if (byGroup.size === 0) continue;
    const sentActors = bySentence.get(s.sentence_index) ?? [];
    const local = sentActors.map((a) => ({ ...a, start: a.start - s.char_start, end: a.end - s.char_start }));
    const hits = findDates(text, reference, (i, e) => {
      let best: Candidate | null = null, bd = Infinity;
      for (const c of kept) {
        const d = gap({ index: i, text: text.slice(i, e) }, c.t.index, c.t.end);
        if (d < bd) [best, bd] = [c, d];
      }
      return best ? directionOf(best.status) : 'nearest';
    });
    const anchors = anchorDates(hits, kept, reporting);
    for (const group of byGroup.values()) {
      const head = group.find((c) => !c.nominal) ?? group[0]!;
      if (head.t.frame === 'kill' && [...byGroup.keys()].some((g) => g !== 'kill' && byGroup.get(g)![0]!.t.type === head.t.type)) continue;
      const dated = hits.map((h, i) => [h, anchors[i] === null ? null : kept[anchors[i]!]!] as const).filter(([, c]) => c && group.includes(c));
      const date = dated[0]?.[0] ?? null;
      let status: Status = group.find((c) => c.status === 'planned')?.status ?? head.status;
      if (date && reference && (status === 'unknown' || (status === 'occurred' && head.t.kind !== 'past' && head.t.kind !== 'pp'))) {
        status = date.start > reference ? 'planned' : date.end < reference ? 'occurred' : status;
      }
      const place = group.map((c) => findPlace(text, c.t.index, c.t.end, c.nominal)).find((p) => p) ?? null;
      const actors = assignActors(text, head.t, head.nominal, local, reporting, group.map((c) => c.t));
      out.push({
        sentence_index: s.sentence_index,
        char_start: s.char_start,
        char_end: s.char_end,
        text,
        trigger: head.t.text,
        event_type: head.t.type,
        status,
        date_text: date?.text ?? null,
        date_start: date?.start ?? null,
        date_end: date?.end ?? null,
        date_precision: date?.precision ?? 'unknown',
        place: place?.name ?? null,
        country: place?.country ?? null,
        actors,
        frame: head.t.group,
      });
    }
  }
  return out;
}
