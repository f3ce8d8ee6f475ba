/**
 * Who takes part in an event mention, and how: the subject before a verb
 * trigger is the source, its object the target; "between X and Y", "X and Y
 * will meet" and symmetric frames give participants; for a nominal trigger
 * only the actors attached to it count ("Hamas attack on Israel", "the
 * resignation of X", "talks with X"). Speakers of reporting verbs ("X said",
 * "according to X") are left out unless nobody else is named.
 */
import type { EventMentionX } from '../../../schemas/pipeline.ts';
import type { TriggerHit } from './lexicon.ts';

/** An actor mention of the sentence, offsets relative to the sentence text. */
export interface SentenceActor {
  readonly mention: number;
  readonly start: number;
  readonly end: number;
  readonly name: string;
  readonly type: string;
}

type Role = EventMentionX['actors'][number]['role'];

/** Separators inside a coordinated list ("X, Y and Z", "X (Y)", "X, including Y"). */
const COORD = /^\s*(?:,|,?\s*(?:and|or|as well as|along with|alongside|including|such as|plus)|\(|\)\s*,?(?:\s*and)?|\)?\s*,?\s*(?:but )?also(?: to)?(?: others such as)?)\s*(?:the\s+|its\s+|other\s+|all\s+)?$/iu;
const SPEAKER_BEFORE_VERB = /^[\s,]*(?:(?:has|have|had|also|then|later|further|previously|reportedly|himself|herself|itself)\s+)*$/i;
const SPEAKER_AFTER_VERB = /^[\s,]*(?:to\s+)?(?:the\s+)?(?:[\p{L}.'’-]+\s+){0,4}$/u;
const PASSIVE_BEFORE = /\b(?:was|were|been|being|is|are|be|get|got)\s+(?:[\p{L}-]+ly\s+)?$/iu;
const BY_AFTER = /^\s+by\s+(?:the\s+)?$/i;
const NOMINAL_SOURCE_AFTER = /^\s+(?:by|of|from)\s+(?:the\s+)?(?:[\p{L}-]+\s+)?$/iu;
const NOMINAL_TARGET_AFTER = /^\s+(?:on|against|in|with|to|toward|towards|for|into)\s+(?:the\s+)?(?:[\p{L}-]+\s+)?$/iu;
const NOMINAL_BEFORE = /^(?:['’]s?)?\s*(?:(?!(?:after|before|in|on|at|of|for|with|by|to|from|since|and|or|but|the|a|an|is|are|was|were|has|had|have)\s)[\p{L}'’-]+\s+)?$/iu;
const BETWEEN = /^\s*(?:[\p{L}-]+\s+){0,4}?between\s+(?:the\s+)?(?:[\p{L}-]+\s+)?$/iu;
/** Where the reach of a verb ends: another clause. */
const HARD_BREAK = /[;:"“”]|\.\s|,\s+(?:while|but|whereas|although|who|whose|which|where|when|as)\b/i;

/** Speakers: actors right before "said/told" or right after "said/according to/citing". */
function speakers(text: string, actors: readonly SentenceActor[], reporting: readonly [number, number][]): Set<number> {
  const out = new Set<number>();
  for (const a of actors) {
    for (const [s, e] of reporting) {
      if (s >= a.end && s - a.end < 40 && SPEAKER_BEFORE_VERB.test(text.slice(a.end, s))) out.add(a.mention);
      if (a.start >= e && a.start - e < 60 && SPEAKER_AFTER_VERB.test(text.slice(e, a.start))) out.add(a.mention);
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
    if (b.start < a.end || COORD.test(between) || /^\s*$/.test(between)) out.push(actors[i]!);
    else break;
  }
  return out;
}

/** Roles of the sentence's actors for one trigger. */
export function assignActors(
  text: string,
  t: TriggerHit,
  nominal: boolean,
  actors: readonly SentenceActor[],
  reporting: readonly [number, number][],
  sameEvent: readonly TriggerHit[],
): EventMentionX['actors'] {
  const sorted = [...actors].sort((a, b) => a.start - b.start || a.end - b.end);
  const spk = speakers(text, sorted, reporting);
  const cand = sorted.filter((a) => !spk.has(a.mention));
  const roles = new Map<number, Role>();
  const put = (a: SentenceActor, r: Role) => {
    if (!roles.has(a.mention)) roles.set(a.mention, r);
  };
  const symmetric = t.symmetric;
  for (const tr of sameEvent) {
    // "between X and Y"
    const after = cand.filter((a) => a.start >= tr.end);
    if (after.length && BETWEEN.test(text.slice(tr.end, after[0]!.start))) for (const a of chain(text, after, 0, 1)) put(a, 'participant');
    if (nominal) {
      const before = cand.filter((a) => a.end <= tr.index).at(-1);
      if (before && NOMINAL_BEFORE.test(text.slice(before.end, tr.index)) && tr.index - before.end < 30) for (const a of chain(text, cand.filter((x) => x.end <= tr.index), cand.filter((x) => x.end <= tr.index).length - 1, -1)) put(a, symmetric ? 'participant' : 'source');
      if (after.length) {
        const between = text.slice(tr.end, after[0]!.start);
        const role: Role | null = NOMINAL_SOURCE_AFTER.test(between) ? 'source' : NOMINAL_TARGET_AFTER.test(between) ? (symmetric ? 'participant' : 'target') : null;
        if (role && after[0]!.start - tr.end < 40) for (const a of chain(text, after, 0, 1)) put(a, role);
      }
      continue;
    }
    // verb: subject before, object after, within the clause
    const leftAll = cand.filter((a) => a.end <= tr.index);
    const subj = leftAll.length ? leftAll.length - 1 : -1;
    const passive = PASSIVE_BEFORE.test(text.slice(Math.max(0, tr.index - 30), tr.index)) && (tr.kind === 'past' || tr.kind === 'pp');
    if (subj >= 0 && !HARD_BREAK.test(text.slice(leftAll[subj]!.end, tr.index)) && tr.index - leftAll[subj]!.end < 160) {
      for (const a of chain(text, leftAll, subj, -1)) put(a, symmetric ? 'participant' : passive ? 'target' : 'source');
    }
    if (after.length && !HARD_BREAK.test(text.slice(tr.end, after[0]!.start)) && after[0]!.start - tr.end < 120) {
      const by = BY_AFTER.test(text.slice(tr.end, after[0]!.start));
      for (const a of chain(text, after, 0, 1)) put(a, symmetric ? 'participant' : passive && by ? 'source' : 'target');
    }
  }
  if (roles.size === 0 && !nominal) {
    // nobody attached: the actors of the sentence take part (a reporting speaker only when alone)
    const pool = cand.length ? cand : sorted.filter((a) => spk.has(a.mention));
    for (const a of pool) put(a, cand.length && symmetric ? 'participant' : cand.length ? (a.end <= t.index ? 'source' : 'target') : 'participant');
  }
  return [...roles].sort((a, b) => a[0] - b[0]).map(([mention, role]) => ({ mention, role }));
}
