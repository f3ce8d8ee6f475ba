/**
 * The event trigger lexicon (../../lexicons/event-triggers.json) compiled
 * once into one regular expression and a lookup from each written form to
 * its frame, PLOVER type, part of speech and tense.
 */
import data from '../../lexicons/event-triggers.json' with { type: 'json' };
import type { EventMentionX } from '../../../schemas/pipeline.ts';

export type EventType = EventMentionX['event_type'];
export type FormKind = 'base' | 's' | 'past' | 'ing' | 'pp' | 'noun' | 'phrase';

/** What one written trigger form means. */
export interface TriggerForm {
  readonly frame: string;
  /** Frame that mentions of this one join (host → meet), else the frame itself. */
  readonly group: string;
  readonly type: EventType;
  readonly symmetric: boolean;
  readonly kind: FormKind;
  /** Lower priority frames give way to another frame of the same type in one sentence. */
  readonly rank: number;
  /** The form is also a noun of the frame ("meeting", "attack"). */
  readonly alsoNoun: boolean;
  /** Objects that make the word not an event ("meet certain prerequisites"). */
  readonly notBefore: RegExp | null;
}

interface FrameData {
  readonly frame: string;
  readonly type: string;
  readonly symmetric: boolean;
  readonly merge_with?: string;
  readonly verbs?: readonly (readonly (string | null)[])[];
  readonly phrases?: readonly string[];
  readonly nouns?: readonly string[];
  readonly not_before?: readonly string[];
}

const KINDS: readonly FormKind[] = ['base', 's', 'past', 'ing', 'pp'];
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+');

function compile(): { forms: ReadonlyMap<string, TriggerForm>; re: RegExp; reporting: RegExp } {
  const forms = new Map<string, TriggerForm>();
  const nouns = new Set<string>();
  (data.frames as readonly FrameData[]).forEach((f, rank) => {
    const notBefore = f.not_before?.length ? new RegExp(`^\\s+(?:[\\p{L}'’-]+\\s+){0,2}?(?:${f.not_before.map(escape).join('|')})\\b`, 'iu') : null;
    const base = { frame: f.frame, group: f.merge_with ?? f.frame, type: f.type as EventType, symmetric: f.symmetric, rank, notBefore };
    for (const n of f.nouns ?? []) nouns.add(`${f.frame}|${n}`);
    const add = (form: string, kind: FormKind) => {
      const k = form.toLowerCase();
      if (!forms.has(k)) forms.set(k, { ...base, kind, alsoNoun: nouns.has(`${f.frame}|${k}`) });
    };
    for (const v of f.verbs ?? []) v.forEach((form, i) => form && add(form, KINDS[i] ?? 'pp'));
    for (const p of f.phrases ?? []) add(p, 'phrase');
    for (const n of f.nouns ?? []) add(n, 'noun');
    for (const v of f.verbs ?? []) for (const form of v) if (form && nouns.has(`${f.frame}|${form}`)) forms.set(form, { ...forms.get(form)!, alsoNoun: true });
  });
  const alts = [...forms.keys()].sort((a, b) => b.length - a.length || (a < b ? -1 : 1)).map(escape);
  const re = new RegExp(`(?<![\\p{L}\\p{N}-])(?:${alts.join('|')})(?![\\p{L}\\p{N}]|-\\p{L})`, 'giu');
  const rep = [...data.reporting].sort((a, b) => b.length - a.length).map(escape);
  const reporting = new RegExp(`(?<![\\p{L}\\p{N}-])(?:${rep.join('|')})(?![\\p{L}\\p{N}])`, 'giu');
  return { forms, re, reporting };
}

const COMPILED = compile();

/** A trigger found in a text. */
export interface TriggerHit extends TriggerForm {
  readonly index: number;
  readonly end: number;
  readonly text: string;
}

/** Every trigger form written in `text`, longest match first, in order of position. */
export function findTriggers(text: string): TriggerHit[] {
  const out: TriggerHit[] = [];
  for (const m of text.matchAll(new RegExp(COMPILED.re))) {
    const info = COMPILED.forms.get(m[0].toLowerCase().replace(/\s+/g, ' '));
    if (info && !info.notBefore?.test(text.slice(m.index + m[0].length, m.index + m[0].length + 60))) out.push({ ...info, index: m.index, end: m.index + m[0].length, text: m[0] });
  }
  return out;
}

/** Reporting verbs ("said", "told", "according to") as [start, end) spans. */
export function findReporting(text: string): [number, number][] {
  return [...text.matchAll(new RegExp(COMPILED.reporting))].map((m) => [m.index, m.index + m[0].length]);
}

/** Frames of the lexicon, for the codebook and tests. */
export const FRAMES: readonly { frame: string; type: EventType }[] = (data.frames as readonly FrameData[]).map((f) => ({ frame: f.frame, type: f.type as EventType }));
