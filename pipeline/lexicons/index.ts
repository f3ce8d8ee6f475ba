/**
 * Every gazetteer and lexicon the extraction uses, with its source and
 * license; printed in the codebook and datapackage.json "sources".
 */
export interface LexiconInfo {
  readonly name: string;
  readonly title: string;
  /** Where the content comes from: a citation or URL. */
  readonly source: string;
  readonly license: string;
  readonly usedFor: string;
}

export const lexicons: readonly LexiconInfo[] = [
  {
    name: 'countries',
    title: 'Countries, aliases and demonyms',
    source: 'Hand-made starter list (placeholder until a maintained package is wired in)',
    license: 'CC0-1.0',
    usedFor: 'Country actors and their ISO 3166-1 alpha-3 codes',
  },
];
