/**
 * Features of one token for the name tagger: the word and its lowercase,
 * shape, affixes, the neighbouring words, the previous tags, gazetteer
 * matches, and capitalisation in context. Headlines and results tables are
 * often written in capitals ("FLOODS HIT LIMA"), where a capital says
 * nothing; there the tagger reads how the same word is written elsewhere in
 * the document ("Lima" in the body: a name; "floods": a common word).
 * The same function serves training and tagging, so both see the same features.
 */

/** Classes a gazetteer form can point to (MISC: demonyms). */
export type GazClass = 'PER' | 'ORG' | 'LOC' | 'MISC';

/** Lowercase token sequences (joined by one space) -> classes; built from the project's lexicons and passed in. */
export interface NameGazetteer {
  readonly forms: ReadonlyMap<string, readonly GazClass[]>;
  readonly maxLen: number;
}

export function buildGazetteer(entries: Iterable<{ readonly tokens: readonly string[]; readonly cls: GazClass }>): NameGazetteer {
  const forms = new Map<string, GazClass[]>();
  let maxLen = 0;
  for (const e of entries) {
    if (!e.tokens.length) continue;
    const key = e.tokens.map((t) => t.toLowerCase()).join(' ');
    const cur = forms.get(key) ?? [];
    if (!cur.includes(e.cls)) cur.push(e.cls);
    cur.sort();
    forms.set(key, cur);
    maxLen = Math.max(maxLen, e.tokens.length);
  }
  return { forms, maxLen };
}

/** Per-document context: how each word is written outside capitals lines and sentence starts. */
export interface DocContext {
  /** lowercase word -> 'T' (seen capitalized), 'L' (seen lowercase), 'B' (both). */
  readonly casing: ReadonlyMap<string, string>;
}

const hasLower = (s: string) => /\p{Ll}/u.test(s);
const hasLetter = (s: string) => /\p{L}/u.test(s);

/** A line mostly in capitals (a headline, a results table): at least 2 letter words, 3 in 4 of them without a lowercase letter. */
export function capsLine(words: readonly string[]): boolean {
  let letters = 0,
    caps = 0;
  for (const w of words)
    if (hasLetter(w) && w.length > 1) {
      letters++;
      if (!hasLower(w)) caps++;
    }
  return letters >= 2 && caps * 4 >= letters * 3;
}

export function docContext(sentences: readonly (readonly string[])[]): DocContext {
  const casing = new Map<string, string>();
  for (const s of sentences) {
    if (capsLine(s)) continue;
    for (let i = 1; i < s.length; i++) {
      const w = s[i]!;
      if (!hasLetter(w)) continue;
      const prev = s[i - 1]!;
      if (/^[."'“‘:(\-–]$/.test(prev)) continue; // a new clause or quote may start with a capital
      const c = /^\p{Lu}/u.test(w) ? 'T' : /^\p{Ll}/u.test(w) ? 'L' : '';
      if (!c) continue;
      const lw = w.toLowerCase();
      const cur = casing.get(lw);
      casing.set(lw, !cur || cur === c ? c : 'B');
    }
  }
  return { casing };
}

/** Shape with runs collapsed: "Xx", "X", "d-d", "X.X.". */
export function shortShape(s: string): string {
  let out = '';
  let last = '';
  for (let k = 0; k < s.length; k++) {
    const code = s.charCodeAt(k);
    let c: string;
    if (code >= 65 && code <= 90) c = 'X';
    else if (code >= 97 && code <= 122) c = 'x';
    else if (code >= 48 && code <= 57) c = 'd';
    else if (code < 128) c = s[k]!;
    else {
      const ch = String.fromCodePoint(s.codePointAt(k)!);
      if (ch.length === 2) k++;
      c = /\p{Lu}/u.test(ch) ? 'X' : /\p{Ll}/u.test(ch) ? 'x' : /\p{N}/u.test(ch) ? 'd' : /\p{L}/u.test(ch) ? 'a' : ch;
    }
    if (c !== last) {
      out += c;
      last = c;
    }
  }
  return out;
}

/** First words of the gazetteer's forms (to skip words no form starts with), and every form's word prefixes ("andes", "andes mining", ...). */
const firstWords = new WeakMap<NameGazetteer, { starts: Set<string>; prefixes: Set<string> }>();
const firstWordsOf = (gaz: NameGazetteer): { starts: Set<string>; prefixes: Set<string> } => {
  let sets = firstWords.get(gaz);
  if (!sets) {
    const prefixes = new Set<string>();
    for (const k of gaz.forms.keys()) for (let at = k.indexOf(' '); at >= 0; at = k.indexOf(' ', at + 1)) prefixes.add(k.slice(0, at));
    sets = { starts: new Set([...gaz.forms.keys()].map((k) => k.split(' ')[0]!)), prefixes };
    firstWords.set(gaz, sets);
  }
  return sets;
};

/**
 * Gazetteer tags of each word of a sentence: "B-ORG", "I-LOC", ... (the longest match from each start).
 * The match grows word by word while the words so far begin some form, instead of joining every length.
 */
export function gazetteerTags(words: readonly string[], gaz: NameGazetteer, lower: readonly string[] = words.map((w) => w.toLowerCase())): string[][] {
  const out: string[][] = words.map(() => []);
  const { starts, prefixes } = firstWordsOf(gaz);
  for (let i = 0; i < words.length; i++) {
    if (!starts.has(lower[i]!) || !hasLetter(words[i]!)) continue;
    let key = lower[i]!;
    let L = gaz.forms.has(key) ? 1 : 0;
    let best = gaz.forms.get(key);
    for (let k = 2, max = Math.min(gaz.maxLen, words.length - i); k <= max && prefixes.has(key); k++) {
      key += ` ${lower[i + k - 1]!}`;
      const cls = gaz.forms.get(key);
      if (cls) {
        L = k;
        best = cls;
      }
    }
    if (!L || !best) continue;
    // a one-word lowercase match in running text ("labour", "commission") is a common word
    if (L === 1 && !/^\p{Lu}/u.test(words[i]!)) continue;
    for (const c of best) for (let k = i; k < i + L; k++) out[k]!.push(`${k === i ? 'B' : 'I'}-${c}${L > 1 ? '' : '1'}`);
  }
  return out;
}

/** A sentence's words with their lowercase forms and shapes, computed once. */
export interface Words {
  readonly words: readonly string[];
  readonly lower: readonly string[];
  readonly shapes: readonly string[];
}
export const wordsOf = (words: readonly string[]): Words => ({ words, lower: words.map((w) => w.toLowerCase()), shapes: words.map(shortShape) });

const W = (x: Words, i: number): string => (i < 0 ? '<s>' : i >= x.words.length ? '</s>' : x.lower[i]!);
const S = (x: Words, i: number): string => (i < 0 ? '<s>' : i >= x.words.length ? '</s>' : x.shapes[i]!);

/** Features of the word alone (the same wherever it occurs: the tagger caches their scores per word). */
export function wordFeatures(w: string, lw: string, sh: string): string[] {
  const f: string[] = ['b', `w=${w}`, `lw=${lw}`, `sh=${sh}`];
  for (let k = 1; k <= 4 && k <= lw.length; k++) {
    f.push(`p${k}=${lw.slice(0, k)}`);
    f.push(`s${k}=${lw.slice(-k)}`);
  }
  return f;
}

/** Features of the word in its context that do not depend on the tags. */
export function staticFeatures(x: Words, i: number, gazTags: readonly (readonly string[])[], ctx: DocContext, caps: boolean): string[] {
  const lw = x.lower[i]!;
  const sh = x.shapes[i]!;
  const f: string[] = [];
  const wm1 = W(x, i - 1),
    wp1 = W(x, i + 1),
    sm1 = S(x, i - 1),
    sp1 = S(x, i + 1);
  f.push(`w-1=${wm1}`, `w+1=${wp1}`, `w-2=${W(x, i - 2)}`, `w+2=${W(x, i + 2)}`);
  f.push(`w-1w=${wm1}|${lw}`, `ww+1=${lw}|${wp1}`);
  f.push(`sh-1=${sm1}`, `sh+1=${sp1}`, `sh-1sh=${sm1}|${sh}`, `shsh+1=${sh}|${sp1}`);
  if (i === 0) f.push(`first|sh=${sh}`);
  const dc = ctx.casing.get(lw) ?? 'N';
  f.push(`dc=${dc}|${sh}`);
  if (caps) {
    f.push('caps', `caps|dc=${dc}`, `caps|lw=${lw}`, `caps|i=${Math.min(i, 3)}`);
  }
  for (const g of gazTags[i]!) f.push(`g=${g}`);
  for (const g of gazTags[i - 1] ?? []) f.push(`g-1=${g}`);
  for (const g of gazTags[i + 1] ?? []) f.push(`g+1=${g}`);
  return f;
}

/** Features that read the tags already given (greedy left to right) and what this document's earlier words were tagged. */
export function dynamicFeatures(x: Words, i: number, p1: string, p2: string, memory: string | undefined, f: string[]): string[] {
  const lw = x.lower[i]!;
  const sh = x.shapes[i]!;
  f.push(`t-1=${p1}`, `t-2t-1=${p2}|${p1}`, `t-1w=${p1}|${lw}`, `t-1sh=${p1}|${sh}`);
  if (memory) f.push(`mem=${memory}`, `mem|sh=${memory}|${sh}`);
  return f;
}
