/**
 * The tagger's fast path: the same features, scores and tags as
 * walkDocument + Perceptron.scores (the reference, which training uses),
 * without building a feature string per token. Feature strings are
 * "template=value" or "template=left|right"; here the model's keys are split
 * once at load into one map per template (value -> row) and, for the pair
 * templates, two-level maps (left -> right -> row). What a word contributes
 * is looked up once per distinct word and kept (its rows for "w-1=", "w+1=",
 * ..., its own features' summed scores), what a shape contributes once per
 * shape, what a tag contributes once per model. Per token only a few lookups
 * of strings already hashed remain, and the rows are added in the reference
 * order, so the float sums, the tags and the margins are bit for bit the
 * reference's (test/actors/ner-fast.test.ts).
 *
 * A key's value may itself hold "|" (the word "|" in "w-1w=|||"): such a key
 * is entered under every split, which is exactly what concatenating
 * left + "|" + right and looking the string up would find.
 */
import { gazetteerTags, shortShape, type NameGazetteer } from './features.ts';
import type { Perceptron } from './perceptron.ts';

type Rows = Map<string, number>;

/** The model's rows by template: unary (value -> row) and pair (left -> right -> row). */
export class FeatureIndex {
  readonly unary = new Map<string, Rows>();
  readonly pair = new Map<string, Map<string, Rows>>();
  constructor(readonly model: Perceptron) {
    for (const [key, row] of model.rows) {
      const eq = key.indexOf('=');
      if (eq < 0) continue; // "b", "caps": looked up whole
      const t = key.slice(0, eq),
        v = key.slice(eq + 1);
      let u = this.unary.get(t);
      if (!u) this.unary.set(t, (u = new Map()));
      u.set(v, row);
      for (let bar = v.indexOf('|'); bar >= 0; bar = v.indexOf('|', bar + 1)) {
        let p = this.pair.get(t);
        if (!p) this.pair.set(t, (p = new Map()));
        const left = v.slice(0, bar);
        let inner = p.get(left);
        if (!inner) p.set(left, (inner = new Map()));
        inner.set(v.slice(bar + 1), row);
      }
    }
  }
  whole(key: string): number {
    return this.model.rows.get(key) ?? -1;
  }
  u(t: string, v: string): number {
    return this.unary.get(t)?.get(v) ?? -1;
  }
  left(t: string, v: string): Rows | undefined {
    return this.pair.get(t)?.get(v);
  }
  p(t: string, a: string, b: string): number {
    return this.left(t, a)?.get(b) ?? -1;
  }
}

const NONE: Rows = new Map();
/** docContext's casings: seen capitalized, lowercase, both; N: never seen outside capitals lines and clause starts. */
const CASINGS = ['T', 'L', 'B', 'N'] as const;
const N_CASING = 3;
const at = (m: Rows | undefined, k: string): number => (m === undefined ? -1 : (m.get(k) ?? -1));

/** What a shape (or the boundary '<s>', '</s>') contributes wherever it stands. */
interface ShapeInfo {
  readonly sh: string;
  readonly sm1: number; // sh-1=sh (this shape is the previous word's)
  readonly sp1: number; // sh+1=sh
  readonly first: number; // first|sh=sh
  readonly sm1shLeft: Rows | undefined; // sh-1sh=sh|...
  readonly shsp1Left: Rows | undefined; // shsh+1=sh|...
  readonly t1sh: Int32Array; // t-1sh=tag|sh by tag index (nc: '<s>')
  readonly memSh: Int32Array; // mem|sh=type|sh by type index
  readonly dcSh: Int32Array; // dc=casing|sh by casing index (T L B N)
}

/** What a word (or the boundary) contributes wherever it stands. */
interface WordInfo {
  readonly lw: string;
  readonly shape: ShapeInfo;
  readonly wm1: number; // w-1=lw
  readonly wp1: number; // w+1=lw
  readonly wm2: number;
  readonly wp2: number;
  readonly capsLw: number; // caps|lw=lw
  readonly wm1wLeft: Rows | undefined; // w-1w=lw|...
  readonly wwp1Left: Rows | undefined; // ww+1=lw|...
  readonly t1w: Int32Array; // t-1w=tag|lw by tag index
  /** The word's own features' summed scores (wordFeatures). */
  readonly own: Float64Array;
  /** Starts with a capital (the document memory keeps its tag's type). */
  readonly upper: boolean;
  readonly letter: boolean; // has a letter
  readonly lower: boolean; // has a lowercase letter
  /** docContext: how a word with a letter is written (0 'T' capital first, 1 'L' lowercase first, -1 else), and whether it may open a clause. */
  readonly initial: number;
  readonly opens: boolean;
}

const hasLower = (s: string) => /\p{Ll}/u.test(s);
const hasLetter = (s: string) => /\p{L}/u.test(s);

export class FastTagger {
  private readonly nc: number;
  private readonly tags: readonly string[];
  private readonly words = new Map<string, WordInfo>();
  private readonly shapes = new Map<string, ShapeInfo>();
  private readonly bos: WordInfo;
  private readonly eos: WordInfo;
  private readonly t1: Int32Array;
  private readonly t2t1: Int32Array;
  private readonly tagType: Int32Array;
  private readonly types: string[] = [];
  private readonly memRows: Int32Array;
  private readonly capsRow: number;
  private readonly capsDcRows: Int32Array;
  private readonly capsI: Int32Array;
  private readonly g: Rows;
  private readonly bRow: number;
  private readonly ownMaps: { w: Rows; lw: Rows; sh: Rows; p: Rows[]; s: Rows[] };
  private readonly pairsByLeft: Record<'wm1w' | 'wwp1' | 'sm1sh' | 'shsp1', Map<string, Rows>>;
  private readonly gm1: Rows;
  private readonly gp1: Rows;
  /** tag strings by index, '<s>' last */
  private readonly tagVals: string[];
  /** The unary maps a word or a shape reads, and the pair maps by their left value (a tag, a type, a casing). */
  private readonly m: Record<'wm1' | 'wp1' | 'wm2' | 'wp2' | 'capsLw' | 'sm1' | 'sp1' | 'first', Rows>;
  private readonly t1wByTag: Rows[];
  private readonly t1wWords = new Set<string>();
  private readonly noT1w: Int32Array;
  private readonly t1shByTag: Rows[];
  private readonly memShByType: Rows[];
  private readonly dcShByCasing: Rows[];
  constructor(
    private readonly model: Perceptron,
    private readonly index: FeatureIndex,
    private readonly gaz: NameGazetteer,
  ) {
    this.nc = model.nc;
    this.tags = model.file.tags;
    this.tagVals = [...this.tags, '<s>'];
    const n1 = this.nc + 1;
    this.t1 = Int32Array.from(this.tagVals, (t) => index.u('t-1', t));
    this.t2t1 = new Int32Array(n1 * n1);
    for (let a = 0; a < n1; a++) for (let b = 0; b < n1; b++) this.t2t1[a * n1 + b] = index.p('t-2t-1', this.tagVals[a]!, this.tagVals[b]!);
    this.tagType = Int32Array.from(this.tags, (tag) => {
      const ty = tag === 'O' ? 'O' : tag.slice(2);
      let k = this.types.indexOf(ty);
      if (k < 0) k = this.types.push(ty) - 1;
      return k;
    });
    this.memRows = Int32Array.from(this.types, (ty) => index.u('mem', ty));
    this.capsRow = index.whole('caps');
    this.capsI = Int32Array.from([0, 1, 2, 3], (k) => index.u('caps|i', String(k)));
    this.g = index.unary.get('g') ?? NONE;
    this.gm1 = index.unary.get('g-1') ?? NONE;
    this.gp1 = index.unary.get('g+1') ?? NONE;
    const un = (t: string) => index.unary.get(t) ?? NONE;
    const left = (t: string) => index.pair.get(t) ?? new Map<string, Rows>();
    const pairs = { wm1w: left('w-1w'), wwp1: left('ww+1'), sm1sh: left('sh-1sh'), shsp1: left('shsh+1') };
    this.pairsByLeft = pairs;
    this.m = {
      wm1: un('w-1'),
      wp1: un('w+1'),
      wm2: un('w-2'),
      wp2: un('w+2'),
      capsLw: un('caps|lw'),
      sm1: un('sh-1'),
      sp1: un('sh+1'),
      first: un('first|sh'),
    };
    this.bRow = index.whole('b');
    this.ownMaps = { w: un('w'), lw: un('lw'), sh: un('sh'), p: [0, 1, 2, 3, 4].map((k) => un(`p${k}`)), s: [0, 1, 2, 3, 4].map((k) => un(`s${k}`)) };
    this.t1wByTag = this.tagVals.map((t) => index.left('t-1w', t) ?? NONE);
    for (const r of this.t1wByTag) for (const lw of r.keys()) this.t1wWords.add(lw);
    this.noT1w = new Int32Array(this.tagVals.length).fill(-1);
    this.t1shByTag = this.tagVals.map((t) => index.left('t-1sh', t) ?? NONE);
    this.memShByType = this.types.map((ty) => index.left('mem|sh', ty) ?? NONE);
    this.dcShByCasing = CASINGS.map((dc) => index.left('dc', dc) ?? NONE);
    this.capsDcRows = Int32Array.from(CASINGS, (dc) => index.u('caps|dc', dc));
    this.bos = this.makeWord('<s>', '<s>', '<s>', false);
    this.eos = this.makeWord('</s>', '</s>', '</s>', false);
  }

  private shapeInfo(sh: string): ShapeInfo {
    let s = this.shapes.get(sh);
    if (!s) {
      const m = this.m,
        pl = this.pairsByLeft;
      s = {
        sh,
        sm1: at(m.sm1, sh),
        sp1: at(m.sp1, sh),
        first: at(m.first, sh),
        sm1shLeft: pl.sm1sh.get(sh),
        shsp1Left: pl.shsp1.get(sh),
        t1sh: Int32Array.from(this.t1shByTag, (r) => at(r, sh)),
        memSh: Int32Array.from(this.memShByType, (r) => at(r, sh)),
        dcSh: Int32Array.from(this.dcShByCasing, (r) => at(r, sh)),
      };
      this.shapes.set(sh, s);
    }
    return s;
  }

  private makeWord(w: string, lw: string, sh: string, real: boolean): WordInfo {
    const m = this.m,
      pl = this.pairsByLeft;
    const c0 = w.charCodeAt(0);
    // most words have no t-1w row at all: one lookup tells, and they share one array of -1
    let t1w = this.noT1w;
    if (this.t1wWords.has(lw)) {
      t1w = new Int32Array(this.t1wByTag.length);
      for (let k = 0; k < t1w.length; k++) t1w[k] = at(this.t1wByTag[k], lw);
    }
    const letter = real && hasLetter(w);
    return {
      lw,
      shape: this.shapeInfo(sh),
      wm1: at(m.wm1, lw),
      wp1: at(m.wp1, lw),
      wm2: at(m.wm2, lw),
      wp2: at(m.wp2, lw),
      capsLw: at(m.capsLw, lw),
      wm1wLeft: pl.wm1w.get(lw),
      wwp1Left: pl.wwp1.get(lw),
      t1w,
      own: real ? this.ownScores(w, lw, sh) : new Float64Array(this.nc),
      upper: real && ((c0 >= 65 && c0 <= 90) || (c0 > 127 && /^\p{Lu}/u.test(w))),
      letter,
      lower: real && hasLower(w),
      initial: !letter ? -1 : /^\p{Lu}/u.test(w) ? 0 : /^\p{Ll}/u.test(w) ? 1 : -1,
      opens: real && /^[."'“‘:(\-–]$/.test(w),
    };
  }

  /** model.scores(wordFeatures(w, lw, sh)) without building the strings: the same rows in the same order. */
  private ownScores(w: string, lw: string, sh: string): Float64Array {
    const out = new Float64Array(this.nc),
      model = this.model,
      o = this.ownMaps;
    model.addRow(this.bRow, out);
    model.addRow(at(o.w, w), out);
    model.addRow(at(o.lw, lw), out);
    model.addRow(at(o.sh, sh), out);
    for (let k = 1; k <= 4 && k <= lw.length; k++) {
      model.addRow(at(o.p[k], lw.slice(0, k)), out);
      model.addRow(at(o.s[k], lw.slice(-k)), out);
    }
    return out;
  }

  private word(w: string): WordInfo {
    let r = this.words.get(w);
    if (!r) {
      if (this.words.size >= 200_000) this.words.clear();
      r = this.makeWord(w, w.toLowerCase(), shortShape(w), true);
      this.words.set(w, r);
    }
    return r;
  }

  /** BIO tags of each sentence's words, with each word's margin of its tag over O (the reference's, bit for bit). */
  tagWithMargins(sentences: readonly (readonly string[])[]): { tags: string[][]; margins: number[][] } {
    const nc = this.nc,
      n1 = nc + 1,
      model = this.model,
      tags = this.tags;
    // every word's info first: docContext reads the whole document before the first tag
    const infos: WordInfo[][] = [];
    const lowers: string[][] = [];
    const capsOf: boolean[] = [];
    for (const words of sentences) {
      const n = words.length;
      const info: WordInfo[] = new Array<WordInfo>(n);
      const lower: string[] = new Array<string>(n);
      let letters = 0,
        capsWords = 0;
      for (let i = 0; i < n; i++) {
        const wi = this.word(words[i]!);
        info[i] = wi;
        lower[i] = wi.lw;
        // capsLine
        if (wi.letter && words[i]!.length > 1) {
          letters++;
          if (!wi.lower) capsWords++;
        }
      }
      infos.push(info);
      lowers.push(lower);
      capsOf.push(letters >= 2 && capsWords * 4 >= letters * 3);
    }
    // docContext over the infos
    const casing = new Map<string, number>(); // lw -> index in CASINGS
    for (let s = 0; s < infos.length; s++) {
      if (capsOf[s]) continue;
      const info = infos[s]!;
      for (let i = 1; i < info.length; i++) {
        const c = info[i]!.initial;
        if (c < 0 || info[i - 1]!.opens) continue;
        const lw = info[i]!.lw;
        const cur = casing.get(lw);
        casing.set(lw, cur === undefined || cur === c ? c : 2);
      }
    }
    const memory = new Map<string, number>();
    const scores = new Float64Array(nc);
    const out: string[][] = [];
    const margins: number[][] = [];
    for (let s = 0; s < sentences.length; s++) {
      const words = sentences[s]!;
      const n = words.length;
      const info = infos[s]!;
      const caps = capsOf[s]!;
      const lower = lowers[s]!;
      const gt = gazetteerTags(words, this.gaz, lower);
      const res = new Int32Array(n);
      const tagsOut: string[] = new Array<string>(n);
      const marg: number[] = new Array<number>(n);
      for (let i = 0; i < n; i++) {
        const cur = info[i]!;
        const prev = i > 0 ? info[i - 1]! : this.bos;
        const next = i + 1 < n ? info[i + 1]! : this.eos;
        const prev2 = i > 1 ? info[i - 2]! : this.bos;
        const next2 = i + 2 < n ? info[i + 2]! : this.eos;
        const lw = cur.lw;
        const shp = cur.shape;
        const sh = shp.sh;
        scores.fill(0);
        // staticFeatures, in its order
        model.addRow(prev.wm1, scores);
        model.addRow(next.wp1, scores);
        model.addRow(prev2.wm2, scores);
        model.addRow(next2.wp2, scores);
        model.addRow(at(prev.wm1wLeft, lw), scores);
        model.addRow(at(cur.wwp1Left, next.lw), scores);
        model.addRow(prev.shape.sm1, scores);
        model.addRow(next.shape.sp1, scores);
        model.addRow(at(prev.shape.sm1shLeft, sh), scores);
        model.addRow(at(shp.shsp1Left, next.shape.sh), scores);
        if (i === 0) model.addRow(shp.first, scores);
        const dc = casing.get(lw) ?? N_CASING;
        model.addRow(shp.dcSh[dc]!, scores);
        if (caps) {
          model.addRow(this.capsRow, scores);
          model.addRow(this.capsDcRows[dc]!, scores);
          model.addRow(cur.capsLw, scores);
          model.addRow(this.capsI[Math.min(i, 3)]!, scores);
        }
        for (const g of gt[i]!) model.addRow(at(this.g, g), scores);
        if (i > 0) for (const g of gt[i - 1]!) model.addRow(at(this.gm1, g), scores);
        if (i + 1 < n) for (const g of gt[i + 1]!) model.addRow(at(this.gp1, g), scores);
        // dynamicFeatures
        const p1 = i > 0 ? res[i - 1]! : nc;
        const p2 = i > 1 ? res[i - 2]! : nc;
        model.addRow(this.t1[p1]!, scores);
        model.addRow(this.t2t1[p2 * n1 + p1]!, scores);
        model.addRow(cur.t1w[p1]!, scores);
        model.addRow(shp.t1sh[p1]!, scores);
        const mem = memory.get(lw);
        if (mem !== undefined) {
          model.addRow(this.memRows[mem]!, scores);
          model.addRow(shp.memSh[mem]!, scores);
        }
        // the word's own features last, as NameTagger's reference adds them
        const own = cur.own;
        for (let c = 0; c < nc; c++) scores[c]! += own[c]!;
        let best = 0;
        for (let c = 1; c < nc; c++) if (scores[c]! > scores[best]!) best = c;
        marg[i] = scores[best]! - scores[0]!;
        res[i] = best;
        tagsOut[i] = tags[best]!;
        if (cur.upper) memory.set(lw, this.tagType[best]!);
      }
      out.push(tagsOut);
      margins.push(marg);
    }
    return { tags: out, margins };
  }
}
