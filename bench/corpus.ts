/**
 * Bench inputs: the JSONL corpora read in place (their license allows local
 * testing only: never copied into the project), and deterministic synthetic
 * scale-ups: new articles built by mixing paragraphs of different originals,
 * plus planted near-duplicates (a reprint with a new headline and small edits).
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { RawFile } from '../schemas/pipeline.ts';
import { rng } from '../test/support/rng.ts';

export interface BenchArticle {
  readonly title: string;
  readonly text: string;
}

export function loadCorpora(dir: string, only: string | null = null): BenchArticle[] {
  const out: BenchArticle[] = [];
  for (const sub of readdirSync(dir).sort()) {
    const p = join(dir, sub);
    if (!statSync(p).isDirectory() || (only !== null && sub !== only)) continue;
    for (const f of readdirSync(p).sort()) {
      if (!f.endsWith('.jsonl')) continue;
      for (const line of readFileSync(join(p, f), 'utf8').split('\n')) {
        if (!line.trim()) continue;
        const o = JSON.parse(line) as { title?: string; text?: string };
        if (o.text) out.push({ title: o.title ?? '', text: o.text });
      }
    }
  }
  return out;
}

/**
 * `scale` × the corpus: the originals, then mixed articles; about 5% of the
 * extra ones are near-duplicate reprints (every 40th word changed: Jaccard
 * near 0.85). A mixed article stands in for one original: it takes
 * paragraphs of originals of three or more paragraphs until it is about as
 * long (so ×N is about N times the bytes of ×1) and rewrites about one
 * lowercase word in three with a word drawn from the corpus, so that, like real new articles, mixes are neither copies of
 * their sources nor of one another and their paragraphs are not passages
 * repeated verbatim across the corpus: about 13% of a paragraph's word
 * 5-grams survive, so two mixes that drew the same paragraph are not
 * near-duplicate candidates. (Unchanged paragraphs made ×5 a corpus where
 * every paragraph appeared in six articles, each pair of them a candidate,
 * so deduplication grew with the square of the scale; and a one-paragraph
 * original lay whole inside every mix that drew it.)
 */
export function scaleUp(base: readonly BenchArticle[], scale: number): BenchArticle[] {
  const out = [...base];
  const rand = rng(scale * 7919);
  const paras = base.map((a) => a.text.split(/\n\s*\n/).filter((p) => p.trim())).filter((ps) => ps.length >= 3);
  const vocab = paras.flatMap((ps) => ps[0]!.split(' ')).filter((w) => /^[a-z]{3,}$/.test(w));
  const rewrite = (p: string) =>
    p
      .split(' ')
      .map((w) => (rand() < 1 / 3 && /^[a-z]+$/.test(w) ? vocab[Math.floor(rand() * vocab.length)]! : w))
      .join(' ');
  const extra = base.length * (scale - 1);
  for (let k = 0; k < extra; k++) {
    if (rand() < 0.05 && out.length > 0) {
      const src = out[Math.floor(rand() * out.length)]!;
      const words = src.text.split(' ');
      for (let w = 0; w < words.length; w += 40) if (words[w]) words[w] = `${words[w]}s`;
      out.push({ title: `Reprint: ${src.title}`, text: `${words.join(' ')}\n\nThis story first appeared elsewhere.` });
      continue;
    }
    // as long as the original it stands in for, so ×N is about N times the bytes of ×1
    const model = base[k % base.length]!;
    const picked: string[] = [];
    let length = 0;
    while (picked.length === 0 || length + 100 < model.text.length) {
      const ps = paras[Math.floor(rand() * paras.length)]!;
      let p = rewrite(ps[Math.floor(rand() * ps.length)]!);
      // a paragraph that would overshoot ends at an earlier full stop
      const room = model.text.length - length;
      if (p.length > room + 100) {
        const cut = p.lastIndexOf('. ', room);
        if (cut > 40) p = p.slice(0, cut + 1);
      }
      picked.push(p);
      length += p.length + 2;
    }
    out.push({ title: model.title, text: picked.join('\n\n') });
  }
  return out;
}

/** Articles as input files: JSONL files of 1,000 records each. */
export function asRawFiles(articles: readonly BenchArticle[]): RawFile[] {
  const files: RawFile[] = [];
  for (let i = 0; i < articles.length; i += 1000) {
    const body =
      articles
        .slice(i, i + 1000)
        .map((a) => JSON.stringify({ title: a.title, text: a.text }))
        .join('\n') + '\n';
    const bytes = new TextEncoder().encode(body);
    files.push({ path: `bench-${String(i / 1000).padStart(4, '0')}.jsonl`, size: bytes.length, bytes, read_error: null });
  }
  return files;
}
