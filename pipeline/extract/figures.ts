/**
 * Figures in one article (first pass): a number written in digits followed
 * by the noun it counts; years and dates skipped.
 */
import type { ActorMentionX, Document, EventMentionX, FigureX } from '../../schemas/pipeline.ts';

const MONTH = /(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?,?\s*$/i;

export function findFigures(doc: Document, _mentions: readonly ActorMentionX[], _events: readonly EventMentionX[]): FigureX[] {
  const out: FigureX[] = [];
  for (const s of doc.sentences) {
    for (const m of s.text.matchAll(/\b(\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?\s+([\p{L}][\p{L}\-]+)/gu)) {
      const value = Number(m[1]!.replace(/,/g, ''));
      const before = s.text.slice(0, m.index);
      if (/^\d{4}$/.test(m[1]!) && value >= 1800 && value <= 2100) continue;
      if (MONTH.test(before)) continue;
      const start = s.char_start + m.index;
      out.push({
        sentence_index: s.sentence_index, char_start: start, char_end: start + m[0].length, text: m[0],
        value, value_low: null, value_high: null, qualifier: 'exact', category: 'other', unit: m[2]!, as_of: null, attributed_to: null, event: null,
      });
    }
  }
  return out;
}
