/**
 * Actor mentions in one article (first pass): known countries, people by a
 * title before a capitalized name, and acronyms defined in the text.
 */
import type { ActorMentionX, Document } from '../../schemas/pipeline.ts';
import countries from '../lexicons/countries.json' with { type: 'json' };

const TITLES = /\b(President|Prime Minister|Foreign Minister|Deputy Foreign Minister|Minister|Secretary of State|Secretary|Ambassador|Chancellor|King|Queen|Senator|Governor|Mayor|General|spokesman|spokeswoman|leader)\s+((?:[\p{Lu}][\p{L}'’\-]+\s?){1,3})/gu;

const sentenceAt = (doc: Document, offset: number) => doc.sentences.find((s) => s.char_start <= offset && offset < s.char_end)?.sentence_index ?? null;

export function findActorMentions(doc: Document): ActorMentionX[] {
  const out: ActorMentionX[] = [];
  const add = (start: number, text: string, m: Omit<ActorMentionX, 'sentence_index' | 'char_start' | 'char_end' | 'text'>) => {
    const si = sentenceAt(doc, start);
    if (si === null || out.some((o) => start < o.char_end && o.char_start < start + text.length)) return;
    out.push({ sentence_index: si, char_start: start, char_end: start + text.length, text, ...m });
  };
  for (const c of countries.entries) {
    for (const form of [c.name, ...c.aliases]) {
      const re = new RegExp(`\\b${form.replace(/[.]/g, '\\.')}(?![\\p{L}])`, 'gu');
      for (const m of doc.text.matchAll(re)) add(m.index, m[0], { name: c.name, type: 'country', country: c.iso3, role: null, method: 'gazetteer', key: `country:${c.iso3}` });
    }
  }
  for (const m of doc.text.matchAll(TITLES)) {
    const name = m[2]!.trim().replace(/['’]s$/, '');
    if (name.split(/\s+/).length < 1) continue;
    add(m.index + m[0].indexOf(m[2]!), name, { name, type: 'person', country: null, role: m[1]!, method: 'exact', key: null });
  }
  for (const m of doc.text.matchAll(/((?:[\p{Lu}][\p{L}\-]+\s(?:of\s|for\s|the\s|and\s)*){1,6}[\p{Lu}][\p{L}\-]+)\s\(([\p{Lu}]{2,6})\)/gu)) {
    add(m.index, m[1]!, { name: m[1]!, type: 'organization', country: null, role: null, method: 'exact', key: null });
  }
  return out.sort((a, b) => a.char_start - b.char_start);
}
