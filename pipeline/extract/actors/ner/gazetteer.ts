/**
 * The tagger's gazetteer features from the project's lexicons: the actors
 * gazetteer (people, organizations, groups), country names, capitals and
 * demonyms. Built from the lexicon data the caller passes in.
 */
import { buildGazetteer, type GazClass, type NameGazetteer } from './features.ts';
import { tokenizeRange } from './tokens.ts';

interface EntryLike {
  readonly name: string;
  readonly type: string;
  readonly aliases: readonly string[];
  readonly acronyms: readonly string[];
  readonly context_acronyms?: readonly string[];
}
interface CountryLike {
  readonly forms: readonly string[];
  readonly demonyms: readonly string[];
  readonly capital: string | null;
}

const words = (s: string): string[] => tokenizeRange(s, 0, s.length, 0).map((t) => t.text);

export function nameGazetteer(entries: readonly EntryLike[], countries: readonly CountryLike[]): NameGazetteer {
  const out: { tokens: string[]; cls: GazClass }[] = [];
  for (const e of entries) {
    const cls: GazClass = e.type === 'person' ? 'PER' : e.type === 'country' ? 'LOC' : 'ORG';
    for (const f of [e.name, ...e.aliases, ...e.acronyms, ...(e.context_acronyms ?? [])]) out.push({ tokens: words(f), cls });
  }
  for (const c of countries) {
    for (const f of c.forms) out.push({ tokens: words(f), cls: 'LOC' });
    if (c.capital) out.push({ tokens: words(c.capital), cls: 'LOC' });
    for (const d of c.demonyms) out.push({ tokens: words(d), cls: 'MISC' });
  }
  return buildGazetteer(out);
}
