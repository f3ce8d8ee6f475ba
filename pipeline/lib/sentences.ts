/**
 * Sentence segmentation with offsets: Intl.Segmenter per paragraph, then
 * (1) merge a split that follows an abbreviation or an initial ("Mr.",
 * "U.S.", "J."), (2) split a sentence glued to the next one ("East.They").
 */

export interface Span {
  readonly start: number;
  readonly end: number;
}

const ABBREV =
  /(?:^|[\s(“"‘'])(?:Mr|Mrs|Ms|Mx|Dr|Prof|Gen|Lt|Col|Maj|Capt|Cmdr|Adm|Sgt|Cpl|Sen|Rep|Gov|Pres|Rev|Fr|Sr|Jr|St|Mt|Ft|No|Nos|Vol|Art|Sec|Dept|Ave|Blvd|Rd|Inc|Corp|Co|Ltd|Bros|vs|etc|approx|est|e\.g|i\.e|cf|al|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|U\.S|U\.N|U\.K|E\.U|U\.S\.A|[A-Z])\.\s*$/;

/**
 * Words that begin a new sentence rather than continue a name: after "U.S."
 * or an initial, "The minister ..." starts a sentence, "Treasury" does not.
 */
const STARTER =
  /^\s*["“‘']?(?:The|A|An|He|She|It|They|We|I|You|This|That|These|Those|There|Then|But|And|Or|So|Yet|In|On|At|As|For|If|When|While|After|Before|However|Meanwhile|Its|His|Her|Their|Our|My|Some|Many|Most|No|Not|One|Two|Both|Officials|Earlier|Later|Also)\b/;

const segmenter = new Intl.Segmenter('en', { granularity: 'sentence' });

/** Sentence spans of `text[from, to)`, trimmed, as absolute offsets. */
export function splitSentences(text: string, from = 0, to = text.length): Span[] {
  const part = text.slice(from, to);
  const raw: Span[] = [];
  for (const seg of segmenter.segment(part)) {
    const s = from + seg.index;
    raw.push({ start: s, end: s + seg.segment.length });
  }
  const merged: Span[] = [];
  for (const span of raw) {
    const prev = merged[merged.length - 1];
    const next = text.slice(span.start, span.end);
    if (prev && ABBREV.test(text.slice(prev.start, prev.end)) && /^\s*[\p{L}\d(]/u.test(next) && !STARTER.test(next)) {
      merged[merged.length - 1] = { start: prev.start, end: span.end };
    } else merged.push(span);
  }
  return merged
    .flatMap((s) => splitGlued(text, s))
    .map((s) => trim(text, s))
    .filter((s) => s.end > s.start);
}

/** "the Middle East.They include" → two sentences, split after the stop. */
function splitGlued(text: string, span: Span): Span[] {
  const out: Span[] = [];
  let start = span.start;
  const re = /[\p{Ll}\d][.!?]["”’]?(?=[\p{Lu}][\p{Ll}])/gu;
  const seg = text.slice(span.start, span.end);
  for (let m = re.exec(seg); m; m = re.exec(seg)) {
    const cut = span.start + m.index + m[0].length;
    // keep web addresses and abbreviations such as "example.com" or "Ph.D" together
    if (/\.(com|org|net|gov|edu)\b/i.test(text.slice(cut - 1, cut + 4))) continue;
    out.push({ start, end: cut });
    start = cut;
  }
  out.push({ start, end: span.end });
  return out;
}

function trim(text: string, s: Span): Span {
  let { start, end } = s;
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  return { start, end };
}
