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
  /** A participle of a verb that always takes an object: bare after a noun, it is passive ("Three men arrested after a raid"). */
  readonly patient: boolean;
  /** "N of X" names the one acted upon ("the arrest of X"), not the agent ("the resignation of X"). */
  readonly ofTarget: boolean;
  /** The possessor of the noun is the one acted upon ("X's arrest"), not the agent ("X's offensive"). */
  readonly possessorTarget: boolean;
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
  /** The forms not_before holds for (all of the frame's when absent): "charged with running" is a duty, "convicted of running" a conviction. */
  readonly not_before_forms?: readonly string[];
  readonly combos?: readonly {
    readonly verbs: readonly (readonly (string | null)[])[];
    readonly objects: readonly string[];
    readonly gap: number;
    readonly before?: boolean;
  }[];
}

interface SenseData {
  readonly frames: readonly string[];
  readonly forms?: readonly string[];
  readonly near: readonly string[];
  readonly unless?: readonly string[];
  readonly window: number;
  readonly after_only?: boolean;
  /** The near words count only before the form ("financial support", not "support the financial bill"). */
  readonly before_only?: boolean;
  readonly then: string | null;
}

interface DomainData {
  readonly strong: readonly string[];
  readonly weak: readonly string[];
  readonly frames: readonly string[];
  readonly article_strong?: number;
  /** With one strong hit fewer than article_strong, this many distinct weak words also make the article of the domain. */
  readonly article_weak?: number;
  readonly keep_if?: readonly string[];
  /** Words that keep the sentence only when they are not the trigger itself ("an explosion in gadget sales" keeps nothing by its own word). */
  readonly keep_if_other?: readonly string[];
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

/** A compiled sense rule: forms of some frames that mean something else near certain words. */
interface Sense {
  readonly frames: ReadonlySet<string>;
  readonly forms: ReadonlySet<string> | null;
  readonly near: Index;
  /** When given, the rule applies where none of these words is near (instead of where a `near` word is). */
  readonly unless: Index | null;
  readonly window: number;
  readonly afterOnly: boolean;
  readonly beforeOnly: boolean;
  /** Frame the form moves to, or null when it is no event. */
  readonly then: string | null;
}

interface Domain {
  readonly strong: Index;
  readonly weak: Index;
  readonly frames: ReadonlySet<string>;
  /** Strong-word hits that make a whole article of the domain. */
  readonly articleStrong: number;
  readonly articleWeak: number;
  /** Words that keep a sentence of a domain article political ("a riot after the match"). */
  readonly keepIf: Index;
  readonly keepIfOther: Index;
}

interface Compiled {
  readonly forms: ReadonlyMap<string, TriggerForm>;
  /** The frame's own fields (for a form moved to it by a sense rule). */
  readonly frames: ReadonlyMap<string, Omit<TriggerForm, 'kind' | 'alsoNoun'>>;
  readonly index: Index;
  readonly reporting: Index;
  /** combo verb form → the objects that make it a trigger of the frame. */
  readonly combos: ReadonlyMap<string, readonly { readonly form: TriggerForm; readonly objects: Index; readonly gap: number; readonly before: boolean }[]>;
  readonly senses: readonly Sense[];
  readonly domains: readonly Domain[];
}

const BLOCKED = '\u0000blocked';

interface VoiceData {
  readonly passive_participles?: { readonly verbs: readonly string[]; readonly phrases: readonly string[] };
  readonly object_genitive?: { readonly frames: readonly string[]; readonly nouns: readonly string[]; readonly agent_of?: readonly string[] };
}
const VOICE = data as VoiceData;
/** Base forms of verbs that always take an object, and phrases of their participles. */
const PATIENT_VERBS: ReadonlySet<string> = new Set(VOICE.passive_participles?.verbs ?? []);
const PATIENT_PHRASES: ReadonlySet<string> = new Set(VOICE.passive_participles?.phrases ?? []);
const OF_TARGET_FRAMES: ReadonlySet<string> = new Set(VOICE.object_genitive?.frames ?? []);
const POSSESSOR_TARGET_NOUNS: ReadonlySet<string> = new Set(VOICE.object_genitive?.nouns ?? []);
/** Nouns of those frames whose "of X" is still the agent ("the war of X on Y"). */
const AGENT_OF_NOUNS: ReadonlySet<string> = new Set(VOICE.object_genitive?.agent_of ?? []);

function compile(): Compiled {
  const forms = new Map<string, TriggerForm>();
  const frames = new Map<string, Omit<TriggerForm, 'kind' | 'alsoNoun'>>();
  const combos = new Map<string, { form: TriggerForm; objects: Index; gap: number; before: boolean }[]>();
  const nouns = new Set<string>();
  (data.frames as readonly FrameData[]).forEach((f, rank) => {
    const notBefore = f.not_before?.length ? new RegExp(`^\\s+(?:[\\p{L}'’-]+\\s+){0,2}?(?:${f.not_before.map(escape).join('|')})\\b`, 'iu') : null;
    const ofTarget = OF_TARGET_FRAMES.has(f.frame);
    const base = {
      frame: f.frame,
      group: f.merge_with ?? f.frame,
      type: f.type as EventType,
      symmetric: f.symmetric,
      rank,
      notBefore,
      patient: false,
      ofTarget,
      possessorTarget: false,
    };
    frames.set(f.frame, base);
    for (const n of f.nouns ?? []) nouns.add(`${f.frame}|${n}`);
    const notBeforeForms = f.not_before_forms ? new Set(f.not_before_forms.map((x) => x.toLowerCase())) : null;
    const add = (form: string, kind: FormKind, patient = false) => {
      const k = form.toLowerCase();
      if (!forms.has(k))
        forms.set(k, {
          ...base,
          notBefore: !notBeforeForms || notBeforeForms.has(k) ? notBefore : null,
          kind,
          alsoNoun: nouns.has(`${f.frame}|${k}`),
          patient,
          ofTarget: ofTarget && !AGENT_OF_NOUNS.has(k),
          possessorTarget: POSSESSOR_TARGET_NOUNS.has(k),
        });
    };
    for (const v of f.verbs ?? [])
      v.forEach((form, i) => form && add(form, KINDS[i] ?? 'pp', (KINDS[i] === 'past' || i >= 4) && PATIENT_VERBS.has(v[0] ?? '')));
    for (const p of f.phrases ?? []) add(p, 'phrase', PATIENT_PHRASES.has(p.toLowerCase()));
    for (const n of f.nouns ?? []) add(n, 'noun');
    for (const v of f.verbs ?? []) for (const form of v) if (form && nouns.has(`${f.frame}|${form}`)) forms.set(form, { ...forms.get(form)!, alsoNoun: true });
    for (const c of f.combos ?? []) {
      const objects = indexOf(c.objects.map((o) => o.toLowerCase()));
      for (const v of c.verbs) {
        v.forEach((form, i) => {
          if (!form) return;
          const list = combos.get(form) ?? [];
          list.push({ form: { ...base, kind: KINDS[i] ?? 'pp', alsoNoun: false }, objects, gap: c.gap, before: c.before ?? false });
          combos.set(form, list);
        });
      }
    }
  });
  for (const b of (data as { blocked?: readonly string[] }).blocked ?? []) forms.set(b.toLowerCase(), { frame: BLOCKED } as TriggerForm);
  const senses: Sense[] = ((data as { senses?: readonly SenseData[] }).senses ?? []).map((s) => ({
    frames: new Set(s.frames),
    forms: s.forms ? new Set(s.forms.map((x) => x.toLowerCase())) : null,
    near: indexOf(s.near.map((x) => x.toLowerCase())),
    unless: s.unless ? indexOf(s.unless.map((x) => x.toLowerCase())) : null,
    window: s.window,
    afterOnly: s.after_only ?? false,
    beforeOnly: s.before_only ?? false,
    then: s.then,
  }));
  const domains: Domain[] = ((data as { domains?: readonly DomainData[] }).domains ?? []).map((d) => ({
    strong: indexOf(d.strong.map((x) => x.toLowerCase())),
    weak: indexOf(d.weak.map((x) => x.toLowerCase())),
    frames: new Set(d.frames),
    articleStrong: d.article_strong ?? Infinity,
    articleWeak: d.article_weak ?? Infinity,
    keepIf: indexOf((d.keep_if ?? []).map((x) => x.toLowerCase())),
    keepIfOther: indexOf((d.keep_if_other ?? []).map((x) => x.toLowerCase())),
  }));
  return { forms, frames, index: indexOf(forms.keys()), reporting: indexOf(data.reporting.map((r) => r.toLowerCase())), combos, senses, domains };
}

const COMPILED = compile();
/** Whether a word is a one-word trigger form ("strike", "raid", "war", "jails"), in any frame. */
export const isTriggerWord = (word: string): boolean => {
  const f = COMPILED.forms.get(word.toLowerCase());
  return !!f && f.frame !== BLOCKED;
};
/** Nouns that a one-word trigger right before them only modifies ("riot police", "assault conviction"). */
const MODIFIED: ReadonlySet<string> = new Set(((data as { modifier_heads?: readonly string[] }).modifier_heads ?? []).map((x) => x.toLowerCase()));
/** Nouns that a trigger written as a noun right before them only modifies ("the bankruptcy court", "an election official"). */
const NOUN_MODIFIED: ReadonlySet<string> = new Set(
  ((data as { noun_modifier_heads?: readonly string[] }).noun_modifier_heads ?? []).map((x) => x.toLowerCase()),
);
const ECONOMIC_KINDS: ReadonlyMap<string, string> = new Map(
  Object.entries((data as { economic_kinds?: Readonly<Record<string, readonly string[]>> }).economic_kinds ?? {}).flatMap(([kind, words]) =>
    words.map((w) => [w.toLowerCase(), kind] as const),
  ),
);
/** The kinds of economic happening a trigger's words name ("filed for bankruptcy": insolvency; "agreed to buy": deal). */
export function economicKinds(trigger: string): string[] {
  return [...new Set((trigger.toLowerCase().match(/\p{L}+/gu) ?? []).map((w) => ECONOMIC_KINDS.get(w)).filter((k): k is string => !!k))];
}
/** Nouns of a happening that an -ing trigger right before them names ("a shooting spree"), rather than describes ("the dying seconds"). */
export const EVENT_HEADS: ReadonlySet<string> = new Set(((data as { event_heads?: readonly string[] }).event_heads ?? []).map((x) => x.toLowerCase()));
/** Words: letters and digits, joined by inner hyphens or apostrophes ("co-operate", "Six-Day"). */
const WORD = /[\p{L}\p{N}]+(?:[-'’][\p{L}\p{N}]+)*/gu;

interface Token {
  readonly lower: string;
  readonly start: number;
  readonly end: number;
  /** Starts with a capital letter. */
  readonly upper: boolean;
}

const UPPER_FIRST = /^\p{Lu}/u;
const tokenize = (text: string): Token[] =>
  [...text.matchAll(WORD)].map((m) => ({ lower: m[0].toLowerCase(), start: m.index, end: m.index + m[0].length, upper: UPPER_FIRST.test(m[0]) }));

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
  /** How it was found: a lexicon form, a verb with its object (combo), or a form moved to another frame by a sense rule. */
  readonly via: 'form' | 'combo' | 'sense';
}

/** Whether a form of `index` starts at token i. */
const startsAt = (tokens: readonly Token[], i: number, index: Index): number => {
  const hit = index.get(tokens[i]?.lower ?? '')?.find((c) => c.words.every((w, k) => tokens[i + k]?.lower === w));
  return hit ? hit.words.length : 0;
};

/** Whether a word of `index` is within tokens [from, to). */
function anyIn(tokens: readonly Token[], from: number, to: number, index: Index): boolean {
  for (let i = Math.max(0, from); i < Math.min(tokens.length, to); i++) {
    if (startsAt(tokens, i, index)) return true;
    // (a word in the possessive counts as the word: "the dollar's rally" is the dollar rallying)
    const w = tokens[i]!.lower;
    if (/['’]s$/.test(w) && index.get(w.slice(0, -2))?.some((c) => c.words.length === 1)) return true;
  }
  return false;
}

/** A domain word inside a multi-word name ("Arab League", "League of Arab States") says nothing of the domain. */
function inName(tokens: readonly Token[], i: number): boolean {
  const cap = (k: number) => k >= 0 && k < tokens.length && tokens[k]!.upper;
  return i > 0 && cap(i) && (cap(i - 1) || cap(i + 1) || (tokens[i + 1]?.lower === 'of' && cap(i + 2)));
}

/** Where the words of a list start in the tokens, each as [first, end) (a word in the possessive counts, as in anyIn). */
function spansOf(tokens: readonly Token[], index: Index): (readonly [number, number])[] {
  const out: (readonly [number, number])[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const n = startsAt(tokens, i, index);
    const w = tokens[i]!.lower;
    if (n) out.push([i, i + n]);
    else if (/['’]s$/.test(w) && index.get(w.slice(0, -2))?.some((c) => c.words.length === 1)) out.push([i, i + 1]);
  }
  return out;
}

/**
 * Whether a trigger of a frame at tokens [first, last] is dropped because its sentence belongs to a non-political
 * domain (sport, entertainment, business): the domain's frames are dropped unless a keep word of the domain (a
 * riot, a bomb, the police) is written in the sentence; a word of keep_if_other keeps it only when it is not the
 * trigger itself ("an explosion in gadget sales" keeps nothing by its own word; "an explosion killed three workers at
 * the plant" is kept by the killing).
 */
function domainVetoes(tokens: readonly Token[], article: ReadonlySet<number>): (frame: string, first: number, last: number) => boolean {
  type Spans = readonly (readonly [number, number])[];
  const vetoing: { readonly frames: ReadonlySet<string>; readonly keeps: Spans; readonly others: Spans }[] = [];
  COMPILED.domains.forEach((d, k) => {
    let on = article.has(k);
    let weak = 0;
    const seen = new Set<string>();
    for (let i = 0; i < tokens.length && !on; i++) {
      const isStrong = startsAt(tokens, i, d.strong) > 0;
      if (!isStrong && !startsAt(tokens, i, d.weak)) continue;
      if (inName(tokens, i)) continue;
      if (isStrong) on = true;
      else if (!seen.has(tokens[i]!.lower)) {
        seen.add(tokens[i]!.lower);
        if (++weak >= 2) on = true;
      }
    }
    if (on) vetoing.push({ frames: new Set(d.frames), keeps: spansOf(tokens, d.keepIf), others: spansOf(tokens, d.keepIfOther) });
  });
  return (frame, first, last) => vetoing.some((v) => v.frames.has(frame) && !v.keeps.length && !v.others.some(([a, b]) => b <= first || a > last));
}

/** The domains an article belongs to (a match report, a film review), from its strong words outside names. */
export function articleDomains(text: string): ReadonlySet<number> {
  const tokens = tokenize(text);
  const out = new Set<number>();
  COMPILED.domains.forEach((d, k) => {
    let n = 0;
    const weak = new Set<string>();
    for (let i = 0; i < tokens.length && n < d.articleStrong; i++) {
      if (inName(tokens, i)) continue;
      if (startsAt(tokens, i, d.strong)) n++;
      else if (startsAt(tokens, i, d.weak)) weak.add(tokens[i]!.lower);
    }
    // (a match report names its sport's strong words less often than it says "won", "side" and "coach")
    if (n >= d.articleStrong || (n >= d.articleStrong - 1 && n > 0 && weak.size >= d.articleWeak)) out.add(k);
  });
  return out;
}

/** The form after sense rules: moved to another frame, unchanged, or null (no event here). */
function senseOf(form: TriggerForm, key: string, tokens: readonly Token[], first: number, last: number): TriggerForm | null {
  for (const s of COMPILED.senses) {
    if (!s.frames.has(form.frame) || (s.forms && !s.forms.has(key))) continue;
    const [lo, hi] = [s.afterOnly ? last + 1 : first - s.window, s.beforeOnly ? first : last + 1 + s.window];
    if (s.unless ? anyIn(tokens, lo, hi, s.unless) : !anyIn(tokens, lo, hi, s.near)) continue;
    if (s.then === null) return null;
    const to = COMPILED.frames.get(s.then);
    return to ? { ...to, kind: form.kind, alsoNoun: form.alsoNoun || form.kind === 'noun' || form.kind === 'base' || form.kind === 's' } : form;
  }
  return form;
}

/**
 * Every trigger written in `text`, in order of position: combos (a verb
 * and its object a few words on: "froze the assets"), then the longest
 * lexicon forms, each read in its sense (a labour strike, a flood that
 * killed, a verbal attack) and dropped in a sports or entertainment sentence.
 */
export function findTriggers(text: string, article: ReadonlySet<number> = new Set()): TriggerHit[] {
  const tokens = tokenize(text);
  const out: TriggerHit[] = [];
  const taken = new Set<number>();
  const vetoed = domainVetoes(tokens, article);
  for (let i = 0; i < tokens.length; i++) {
    const list = COMPILED.combos.get(tokens[i]!.lower);
    if (!list || taken.has(i)) continue;
    for (const c of list) {
      if (vetoed(c.form.frame, i, i + c.gap + 1)) continue;
      if (c.before) {
        // the object written before its verb ("three rockets were fired", "weapons were seized"): the verb is the trigger
        let found = false;
        for (let j = i - 1; j >= 0 && j >= i - c.gap && !found; j--) found = startsAt(tokens, j, c.objects) > 0 && !taken.has(j);
        if (!found) continue;
        taken.add(i);
        out.push({ ...c.form, index: tokens[i]!.start, end: tokens[i]!.end, text: text.slice(tokens[i]!.start, tokens[i]!.end), via: 'combo' });
        break;
      }
      let j = i + 1,
        n = 0;
      for (; j < tokens.length && j <= i + c.gap; j++) if ((n = startsAt(tokens, j, c.objects))) break;
      if (!n) continue;
      const last = j + n - 1;
      for (let k = i; k <= last; k++) taken.add(k);
      out.push({ ...c.form, index: tokens[i]!.start, end: tokens[last]!.end, text: text.slice(tokens[i]!.start, tokens[last]!.end), via: 'combo' });
      i = last;
      break;
    }
  }
  for (let i = 0; i < tokens.length; i++) {
    if (taken.has(i)) continue;
    const n = startsAt(tokens, i, COMPILED.index);
    if (!n) continue;
    const last = i + n - 1;
    const [start, end] = [tokens[i]!.start, tokens[last]!.end];
    const key = tokens
      .slice(i, last + 1)
      .map((t) => t.lower)
      .join(' ');
    i = last;
    const raw = COMPILED.forms.get(key)!;
    // a phrase is written with spaces only between its words ("calling 'on the move'" is no "calling on")
    if (n > 1 && !tokens.slice(i - n + 1, last).every((t, k) => /^\s+$/.test(text.slice(t.end, tokens[i - n + 2 + k]!.start)))) continue;
    if (raw.frame === BLOCKED || [...Array(n).keys()].some((k) => taken.has(i - k))) continue;
    if (
      n === 1 &&
      raw.kind !== 'phrase' &&
      (MODIFIED.has(tokens[last + 1]?.lower ?? '') || (raw.kind === 'noun' && NOUN_MODIFIED.has(tokens[last + 1]?.lower ?? ''))) &&
      /^\s+$/.test(text.slice(end, tokens[last + 1]!.start))
    )
      continue;
    const info = senseOf(raw, key, tokens, i - n + 1, last);
    if (!info || vetoed(info.frame, i - n + 1, last) || vetoed(raw.frame, i - n + 1, last)) continue;
    if (!info.notBefore?.test(text.slice(end, end + 60)))
      out.push({ ...info, index: start, end, text: text.slice(start, end), via: info.frame === raw.frame ? 'form' : 'sense' });
  }
  return out.sort((a, b) => a.index - b.index);
}

/** A trigger read in another frame of the lexicon (its form, place and text kept), as a sense rule moves it. */
export function inFrame(t: TriggerHit, frame: string): TriggerHit {
  const to = COMPILED.frames.get(frame);
  if (!to) throw new Error(`no frame "${frame}" in the event lexicon`);
  return { ...t, ...to, via: 'sense' };
}

/** Reporting verbs ("said", "told", "according to") as [start, end) spans; "claimed responsibility" is no report. */
export function findReporting(text: string): [number, number][] {
  return scan(tokenize(text), COMPILED.reporting)
    .filter(([, e]) => !/^\s+(?:full\s+)?(?:responsibility|credit)\b/i.test(text.slice(e, e + 25)))
    .map(([s, e]) => [s, e]);
}

/** Frames of the lexicon, for the codebook and tests. */
export const FRAMES: readonly { frame: string; type: EventType }[] = (data.frames as readonly FrameData[]).map((f) => ({
  frame: f.frame,
  type: f.type as EventType,
}));
