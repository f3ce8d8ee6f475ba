/**
 * Generic state forces and collectives as actors: "the army", "Kenyan
 * police", "Myanmar's military government", "the junta", "security
 * forces", "protesters", "gunmen", "rebels".
 *
 * Naming scheme (documented in the codebook through the method "generic"):
 * - state forces are organizations named "<Label> (<Country>)" — "Police
 *   (Kenya)", "Military (Myanmar)", "Security forces (Nigeria)" — one actor
 *   per country across the corpus (key generic:<kind>:<ISO3>); army,
 *   military, armed forces, troops, soldiers and junta are one "Military";
 * - collectives (protesters, militants, gunmen, rebels, strikers) are
 *   groups named "<Label> (<Country>)", one actor PER ARTICLE (key
 *   generic:<kind>:<ISO3|?>:@; the resolver adds the article id): the
 *   protesters of two stories are not one actor;
 * - without a country (no qualifier, no dominant country in the article)
 *   a state force is also kept per article, named "<Label>".
 * The country is the demonym, country or capital right before ("Kenyan
 * police", "Myanmar's military"), "of <country>" right after ("armed forces
 * of Burkina Faso"), "in <country or capital>" just after ("police in
 * Nairobi"), else the article's dominant country.
 */
import { joins, type Token } from './text.ts';

/** What a generic phrase stands for. */
export interface GenericKind {
  readonly id: string;
  readonly label: string;
  readonly type: 'organization' | 'group';
  readonly perArticle: boolean;
}

const POLICE: GenericKind = { id: 'police', label: 'Police', type: 'organization', perArticle: false };
const MILITARY: GenericKind = { id: 'military', label: 'Military', type: 'organization', perArticle: false };
const SECURITY: GenericKind = { id: 'security-forces', label: 'Security forces', type: 'organization', perArticle: false };
const PROTESTERS: GenericKind = { id: 'protesters', label: 'Protesters', type: 'group', perArticle: true };
const MILITANTS: GenericKind = { id: 'militants', label: 'Militants', type: 'group', perArticle: true };
const GUNMEN: GenericKind = { id: 'gunmen', label: 'Gunmen', type: 'group', perArticle: true };
const REBELS: GenericKind = { id: 'rebels', label: 'Rebels', type: 'group', perArticle: true };
const STRIKERS: GenericKind = { id: 'strikers', label: 'Strikers', type: 'group', perArticle: true };

/** Folded token sequences, longest first for each first token. `mod`: the head doubles as a modifier ("army base"). */
const PHRASES: readonly { seq: readonly string[]; kind: GenericKind; mod?: boolean }[] = [
  { seq: ['riot', 'police'], kind: POLICE },
  { seq: ['police', 'officers'], kind: POLICE },
  { seq: ['police', 'forces'], kind: POLICE },
  { seq: ['policemen'], kind: POLICE },
  { seq: ['police'], kind: POLICE, mod: true },
  { seq: ['armed', 'forces'], kind: MILITARY },
  { seq: ['military', 'government'], kind: MILITARY },
  { seq: ['military', 'junta'], kind: MILITARY },
  { seq: ['military', 'regime'], kind: MILITARY },
  { seq: ['military', 'authorities'], kind: MILITARY },
  { seq: ['military', 'rulers'], kind: MILITARY },
  { seq: ['government', 'forces'], kind: MILITARY },
  { seq: ['government', 'troops'], kind: MILITARY },
  { seq: ['junta'], kind: MILITARY },
  { seq: ['army'], kind: MILITARY, mod: true },
  { seq: ['military'], kind: MILITARY, mod: true },
  { seq: ['troops'], kind: MILITARY },
  { seq: ['soldiers'], kind: MILITARY },
  { seq: ['security', 'forces'], kind: SECURITY },
  { seq: ['protesters'], kind: PROTESTERS },
  { seq: ['protestors'], kind: PROTESTERS },
  { seq: ['demonstrators'], kind: PROTESTERS },
  { seq: ['militants'], kind: MILITANTS },
  { seq: ['jihadist', 'fighters'], kind: MILITANTS },
  { seq: ['jihadists'], kind: MILITANTS },
  { seq: ['insurgents'], kind: MILITANTS },
  { seq: ['islamist', 'militants'], kind: MILITANTS },
  { seq: ['gunmen'], kind: GUNMEN },
  { seq: ['armed', 'men'], kind: GUNMEN },
  { seq: ['rebels'], kind: REBELS },
  { seq: ['rebel', 'fighters'], kind: REBELS },
  { seq: ['strikers'], kind: STRIKERS },
  { seq: ['striking', 'workers'], kind: STRIKERS },
];
const BY_FIRST: ReadonlyMap<string, readonly (typeof PHRASES)[number][]> = (() => {
  const m = new Map<string, (typeof PHRASES)[number][]>();
  for (const p of [...PHRASES].sort((a, b) => b.seq.length - a.seq.length)) m.set(p.seq[0]!, [...(m.get(p.seq[0]!) ?? []), p]);
  return m;
})();

/** After a head that doubles as a modifier, the words that show it is the noun: a verb, a preposition, a conjunction. */
const NOUN_USE_NEXT =
  /^(?:has|have|had|is|was|were|are|will|would|could|can|may|might|must|should|did|does|also|then|said|say|says|fired|fire|opened|used|use|arrested|arrest|raided|denied|deny|clashed|killed|launched|seized|took|stormed|detained|shot|beat|dispersed|blocked|surrounded|responded|moved|deployed|withdrew|recaptured|captured|in|on|and|of|to|for|with|at|from|after|before|which|who|that|as|by|or|but|during|against|into|near|over|since|claimed|reported|announced|confirmed|acknowledged|rejected|accused|warned|vowed|says|told|added|spokesman|spokesperson|spokeswoman|statement|later|today|yesterday|now|still|already|earlier|initially|reportedly|allegedly|subsequently|quickly|eventually|sources)$/;
/** After a head that doubles as a modifier: a noun that makes it an adjective, checked first ("army base", "military leader"). */
const ENDS_AS_VERB = /^[\p{Ll}]+(?:ed)$/u;

/** A generic actor phrase: tokens [from, to); `qual` is the token range of a country qualifier right before, if any. */
export interface GenericHit {
  readonly from: number;
  readonly to: number;
  readonly kind: GenericKind;
}

/**
 * Generic phrases in the token stream. `capBlocks(k)` is true when token k
 * is a capitalized word that makes the phrase part of a name or an
 * organization's members ("Hamas fighters", "Red Army"): the phrase is then
 * skipped.
 */
export function findGeneric(text: string, toks: readonly Token[], capBlocks: (k: number) => boolean): GenericHit[] {
  const out: GenericHit[] = [];
  for (let i = 0; i < toks.length; i++) {
    const ps = BY_FIRST.get(toks[i]!.fold);
    if (!ps) continue;
    for (const p of ps) {
      const L = p.seq.length;
      if (i + L > toks.length) continue;
      let ok = true;
      for (let q = 0; q < L; q++)
        if (toks[i + q]!.fold !== p.seq[q] || (q > 0 && !joins(text, toks[i + q - 1]!, toks[i + q]!))) {
          ok = false;
          break;
        }
      if (!ok) continue;
      const prev = toks[i - 1];
      if (prev && prev.cap && joins(text, prev, toks[i]!) && capBlocks(i - 1)) break;
      if (toks[i]!.cap && i > 0 && !/[.!?"“\n]\s*$/.test(text.slice(Math.max(0, toks[i]!.start - 3), toks[i]!.start)) && prev?.cap) break;
      const next = toks[i + L];
      if (p.mod && next && joins(text, toks[i + L - 1]!, next)) {
        if (next.cap) break;
        if (!NOUN_USE_NEXT.test(next.fold) && !ENDS_AS_VERB.test(next.fold)) break;
      }
      out.push({ from: i, to: i + L, kind: p.kind });
      i += L - 1;
      break;
    }
  }
  return out;
}
