/**
 * The ACLED-compatible subtype of an event mention, from ordered rules in
 * ../../lexicons/event-subtypes.json: the trigger's frame and PLOVER type,
 * and cue words of its sentence ("grenade" makes an attack a grenade attack,
 * "tear gas" near protesters makes a protest one with intervention).
 */
import data from '../../lexicons/event-subtypes.json' with { type: 'json' };
import type { EventMentionX } from '../../../schemas/pipeline.ts';

export type EventSubtype = NonNullable<EventMentionX['event_subtype']>;

interface RuleData {
  readonly subtype: string;
  readonly types?: readonly string[];
  readonly frames?: readonly string[];
  readonly triggers?: readonly string[];
  readonly any?: readonly string[];
  readonly also?: readonly string[];
  readonly none?: readonly string[];
  readonly before?: readonly string[];
}

/** A cue: whole words ("tear gas") or a word prefix ("kidnap*"). */
interface Cue {
  readonly words: string;
  readonly prefix: boolean;
}

interface Rule {
  readonly subtype: EventSubtype;
  readonly types: ReadonlySet<string> | null;
  readonly frames: ReadonlySet<string> | null;
  readonly triggers: readonly Cue[] | null;
  readonly any: readonly Cue[] | null;
  readonly also: readonly Cue[] | null;
  readonly none: readonly Cue[] | null;
  /** A cue in the words before the trigger (its subject: "government troops recaptured"). */
  readonly before: readonly Cue[] | null;
}

const cues = (xs: readonly string[] | undefined): readonly Cue[] | null =>
  xs ? xs.map((x) => ({ words: x.toLowerCase().replace(/\*$/, ''), prefix: x.endsWith('*') })) : null;

const RULES: readonly Rule[] = (data.rules as readonly RuleData[]).map((r) => ({
  subtype: r.subtype as EventSubtype,
  types: r.types ? new Set(r.types) : null,
  frames: r.frames ? new Set(r.frames) : null,
  triggers: cues(r.triggers),
  any: cues(r.any),
  also: cues(r.also),
  none: cues(r.none),
  before: cues(r.before),
}));

const WORD = /[\p{L}\p{N}]+(?:[-'’][\p{L}\p{N}]+)*/gu;

/** The text as " w1 w2 ... " in lower case, for whole-word lookups. */
const spaced = (text: string): string => ` ${(text.toLowerCase().match(WORD) ?? []).join(' ')} `;

const has = (hay: string, list: readonly Cue[]): boolean => list.some((c) => hay.includes(c.prefix ? ` ${c.words}` : ` ${c.words} `));

/** The subtype of a mention of `frame` and `type` triggered by `trigger` at offset `at` of `sentence`, else null. */
export function subtypeOf(frame: string, type: string, trigger: string, sentence: string, at = sentence.length): EventSubtype | null {
  const hay = spaced(sentence);
  const left = spaced(sentence.slice(0, at));
  const trig = spaced(trigger);
  for (const r of RULES) {
    const byType = r.types?.has(type) ?? false,
      byFrame = r.frames?.has(frame) ?? false;
    if ((r.types || r.frames) && !byType && !byFrame) continue;
    if (r.triggers && !has(trig, r.triggers)) continue;
    if (r.any && !has(hay, r.any)) continue;
    if (r.also && !has(hay, r.also)) continue;
    if (r.none && has(hay, r.none)) continue;
    if (r.before && !has(left, r.before)) continue;
    return r.subtype;
  }
  return null;
}
