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
  let letters = 0, caps = 0;
  for (const w of words) if (hasLetter(w) && w.length > 1) { letters++; if (!hasLower(w)) caps++; }
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
  for (const ch of s) {
    const c = /\p{Lu}/u.test(ch) ? 'X' : /\p{Ll}/u.test(ch) ? 'x' : /\p{N}/u.test(ch) ? 'd' : /\p{L}/u.test(ch) ? 'a' : ch;
    if (out[out.length - 1] !== c) out += c;
  }
  return out;
}

/** Gazetteer tags of each word of a sentence: "B-ORG", "I-LOC", ... (every longest match from each start). */
export function gazetteerTags(words: readonly string[], gaz: NameGazetteer): string[][] {
  const lower = words.map((w) => w.toLowerCase());
  const out: string[][] = words.map(() => []);
  for (let i = 0; i < words.length; i++) {
    if (!hasLetter(words[i]!)) continue;
    for (let L = Math.min(gaz.maxLen, words.length - i); L >= 1; L--) {
      const cls = gaz.forms.get(lower.slice(i, i + L).join(' '));
      if (!cls) continue;
      // a one-word lowercase match in running text ("labour", "commission") is a common word
      if (L === 1 && !/^\p{Lu}/u.test(words[i]!)) break;
      for (const c of cls) for (let k = i; k < i + L; k++) out[k]!.push(`${k === i ? 'B' : 'I'}-${c}${L > 1 ? '' : '1'}`);
      break;
    }
  }
  return out;
}

const W = (words: readonly string[], i: number): string => (i < 0 ? '<s>' : i >= words.length ? '</s>' : words[i]!.toLowerCase());
const S = (words: readonly string[], i: number): string => (i < 0 ? '<s>' : i >= words.length ? '</s>' : shortShape(words[i]!));

/** Features that do not depend on the tags (computed once per token). */
export function staticFeatures(words: readonly string[], i: number, gazTags: readonly (readonly string[])[], ctx: DocContext, caps: boolean): string[] {
  const w = words[i]!;
  const lw = w.toLowerCase();
  const sh = shortShape(w);
  const f: string[] = ['b', `w=${w}`, `lw=${lw}`, `sh=${sh}`];
  for (let k = 1; k <= 4 && k <= lw.length; k++) { f.push(`p${k}=${lw.slice(0, k)}`); f.push(`s${k}=${lw.slice(-k)}`); }
  f.push(`w-1=${W(words, i - 1)}`, `w+1=${W(words, i + 1)}`, `w-2=${W(words, i - 2)}`, `w+2=${W(words, i + 2)}`);
  f.push(`w-1w=${W(words, i - 1)}|${lw}`, `ww+1=${lw}|${W(words, i + 1)}`);
  f.push(`sh-1=${S(words, i - 1)}`, `sh+1=${S(words, i + 1)}`, `sh-1sh=${S(words, i - 1)}|${sh}`, `shsh+1=${sh}|${S(words, i + 1)}`);
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
export function dynamicFeatures(words: readonly string[], i: number, p1: string, p2: string, memory: string | undefined): string[] {
  const lw = words[i]!.toLowerCase();
  const sh = shortShape(words[i]!);
  const f = [`t-1=${p1}`, `t-2t-1=${p2}|${p1}`, `t-1w=${p1}|${lw}`, `t-1sh=${p1}|${sh}`];
  if (memory) f.push(`mem=${memory}`, `mem|sh=${memory}|${sh}`);
  return f;
}
