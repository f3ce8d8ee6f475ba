/** Tiny invented documents and actor mentions for extractor tests. */
import { articleRow } from '../support/article-row.ts';
import type { ActorMentionX, Document } from '../../schemas/pipeline.ts';
import { splitSentences } from '../../pipeline/lib/sentences.ts';
import { findEvents } from '../../pipeline/extract/events.ts';
import { annotate } from '../../pipeline/nlp/document.ts';

/** A document of the given paragraphs (paragraph 0 is the title), published on `published` (or unknown). */
export function doc(paragraphs: readonly string[], published: string | null, id = 'a1'): Document {
  const text = paragraphs.join('\n\n');
  const sentences: Document['sentences'] = [];
  let at = 0;
  paragraphs.forEach((p, pi) => {
    for (const s of splitSentences(text, at, at + p.length)) {
      sentences.push({
        article_id: id,
        sentence_index: sentences.length,
        paragraph_index: pi,
        char_start: s.start,
        char_end: s.end,
        text: text.slice(s.start, s.end),
      });
    }
    at += p.length + 2;
  });
  return {
    article: articleRow(id, {
      title: paragraphs[0] ?? '',
      published_date: published,
      published_basis: published ? 'stated' : 'unknown',
      word_count: text.split(/\s+/).length,
      sentence_count: sentences.length,
    }),
    text,
    sentences,
    removed: [],
  };
}

/** Actor mentions for every occurrence of each name (a person if listed in `persons`, else a country if one word, else an organization). */
export function mentionsOf(d: Document, names: readonly string[], persons: readonly string[] = []): ActorMentionX[] {
  const out: ActorMentionX[] = [];
  for (const name of names) {
    for (let i = d.text.indexOf(name); i >= 0; i = d.text.indexOf(name, i + name.length)) {
      const s = d.sentences.find((x) => x.char_start <= i && i < x.char_end)!;
      out.push({
        sentence_index: s.sentence_index,
        char_start: i,
        char_end: i + name.length,
        text: name,
        name,
        // (a name of two words or more is a body, "Kestrel Party", "Dravia Federation"; one word a country, "Dravia")
        type: persons.includes(name) ? 'person' : /\s/.test(name) ? 'organization' : 'country',
        country: null,
        role: null,
        method: 'gazetteer',
        key: null,
      });
    }
  }
  return out.sort((a, b) => a.char_start - b.char_start);
}

/**
 * "TYPE role=name,..." of each event mention of the paragraphs (after a title, published 2024-03-04, with the
 * layer), the actor mentions being every occurrence of `names` (persons those listed in `persons`).
 */
export function rolesOf(paragraphs: readonly string[], names: readonly string[], persons: readonly string[]): string[] {
  const d = doc(['Title', ...paragraphs], '2024-03-04');
  const m = mentionsOf(d, names, persons);
  return findEvents(d, m, annotate(d)).map(
    (e) =>
      `${e.event_type} ${e.actors
        .map((a) => `${a.role}=${m[a.mention]!.name}`)
        .sort()
        .join(',')}`,
  );
}
