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

/** Forms by their first word, longest first: word-by-word lookup instead of one huge alternation (much faster in V8). */
type Index = ReadonlyMap<string, readonly { readonly words: readonly string[]; readonly key: string }[]>;

function indexOf(keys: Iterable<string>): Index {
  const m = new Map<string, { words: string[]; key: string }[]>();
  for (const key of keys) {
    const words = key.split(' ');
    const list = m.get(words[0]!) ?? [];
    list.push({ words, key });
    m.set(words[0]!, list);
  }
  for (const list of m.values()) list.sort((a, b) => b.words.length - a.words.length || (a.key < b.key ? -1 : 1));
  return m;
}

function compile(): { forms: ReadonlyMap<string, TriggerForm>; index: Index; reporting: Index } {
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
  return { forms, index: indexOf(forms.keys()), reporting: indexOf(data.reporting.map((r) => r.toLowerCase())) };
}

const COMPILED = compile();
/** Words: letters and digits, joined by inner hyphens or apostrophes ("co-operate", "Six-Day"). */
const WORD = /[\p{L}\p{N}]+(?:[-'’][\p{L}\p{N}]+)*/gu;

interface Token {
  readonly lower: string;
  readonly start: number;
  readonly end: number;
}

const tokenize = (text: string): Token[] => [...text.matchAll(WORD)].map((m) => ({ lower: m[0].toLowerCase(), start: m.index, end: m.index + m[0].length }));

/** Longest matches of the index's forms over the tokens, left to right, as [start, end, key]. */
function scan(tokens: readonly Token[], index: Index): [number, number, string][] {
  const out: [number, number, string][] = [];
  for (let i = 0; i < tokens.length; i++) {
    const cands = index.get(tokens[i]!.lower);
    if (!cands) continue;
    const hit = cands.find((c) => c.words.every((w, k) => tokens[i + k]?.lower === w));
    if (!hit) continue;
    out.push([tokens[i]!.start, tokens[i + hit.words.length - 1]!.end, hit.key]);
    i += hit.words.length - 1;
  }
  return out;
}

/** A trigger found in a text. */
export interface TriggerHit extends TriggerForm {
  readonly index: number;
  readonly end: number;
  readonly text: string;
}

/** Every trigger form written in `text`, longest match first, in order of position. */
export function findTriggers(text: string): TriggerHit[] {
  const out: TriggerHit[] = [];
  for (const [start, end, key] of scan(tokenize(text), COMPILED.index)) {
    const info = COMPILED.forms.get(key)!;
    if (!info.notBefore?.test(text.slice(end, end + 60))) out.push({ ...info, index: start, end, text: text.slice(start, end) });
  }
  return out;
}

/** Reporting verbs ("said", "told", "according to") as [start, end) spans. */
export function findReporting(text: string): [number, number][] {
  return scan(tokenize(text), COMPILED.reporting).map(([s, e]) => [s, e]);
}

/** Frames of the lexicon, for the codebook and tests. */
export const FRAMES: readonly { frame: string; type: EventType }[] = (data.frames as readonly FrameData[]).map((f) => ({ frame: f.frame, type: f.type as EventType }));
