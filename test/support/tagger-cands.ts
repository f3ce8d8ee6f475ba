/** Tagger output for invented sentences, as the actor checks (pipeline/extract/actors/works.ts) receive it. */
import type { ActorRule, TaggedSpan } from '../../pipeline/extract/actors/arbitrate.ts';
import type { Cand } from '../../pipeline/extract/actors.ts';

type Cls = 'PER' | 'ORG' | 'MISC' | 'LOC';

/**
 * Tagger spans at every occurrence of each name, with a candidate behind each person or organization. A spec is
 * "Ana Soto/PER"; `margin` is the tagger's confidence margin of every span.
 */
export function tagNames(text: string, specs: readonly string[], margin = 20): { cands: Cand[]; tagged: TaggedSpan[] } {
  const cands: Cand[] = [];
  const tagged: TaggedSpan[] = [];
  for (const spec of specs) {
    const cut = spec.lastIndexOf('/');
    const [name, cls] = [spec.slice(0, cut), spec.slice(cut + 1) as Cls];
    for (let at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + 1)) {
      tagged.push({ start: at, end: at + name.length, cls, margin });
      if (cls !== 'PER' && cls !== 'ORG') continue;
      const rule: ActorRule = cls === 'PER' ? 'tagger-person' : 'tagger-organization';
      cands.push({
        start: at,
        end: at + name.length,
        rule,
        f: { name, type: cls === 'PER' ? 'person' : 'organization', country: null, role: null, method: 'exact', key: null },
      });
    }
  }
  return { cands, tagged };
}
