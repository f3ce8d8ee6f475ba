/**
 * Event mentions in one article (first pass): a sentence with a trigger verb
 * from a small lexicon; the actors named in the sentence take part.
 */
import type { ActorMentionX, Document, EventMentionX } from '../../schemas/pipeline.ts';

const TRIGGERS: readonly [RegExp, EventMentionX['event_type']][] = [
  [/\b(meet|meets|met|meeting|talks|invite[sd]?|invitation|host(s|ed)?)\b/i, 'CONSULT'],
  [/\b(urge[sd]?|call(s|ed)? for|demand(s|ed)?)\b/i, 'REQUEST'],
  [/\b(accuse[sd]?|criticiz(e|es|ed)|denounce[sd]?|condemn(s|ed)?)\b/i, 'ACCUSE'],
  [/\b(attack(s|ed)?|kill(s|ed)?|bomb(s|ed|ing)?)\b/i, 'ASSAULT'],
  [/\b(sanctions?)\b/i, 'SANCTION'],
  [/\b(resign(s|ed|ation)?)\b/i, 'CONCEDE'],
];

export function findEvents(doc: Document, mentions: readonly ActorMentionX[]): EventMentionX[] {
  const out: EventMentionX[] = [];
  for (const s of doc.sentences) {
    const actors = mentions.map((m, i) => [m, i] as const).filter(([m]) => m.sentence_index === s.sentence_index);
    if (actors.length === 0) continue;
    for (const [re, type] of TRIGGERS) {
      const m = re.exec(s.text);
      if (!m) continue;
      out.push({
        sentence_index: s.sentence_index, char_start: s.char_start, char_end: s.char_end, text: s.text, trigger: m[0], event_type: type, status: 'unknown',
        date_text: null, date_start: null, date_end: null, date_precision: 'unknown', place: null, country: null,
        actors: actors.map(([, i]) => ({ mention: i, role: 'participant' as const })),
      });
      break;
    }
  }
  return out;
}
