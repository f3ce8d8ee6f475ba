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
    name: 'number-words',
    title: 'English number words, scales, ordinals and the vague-count convention',
    source: 'Hand-made for this project (general English); vague counts: dozens 24-99, hundreds 200-999, thousands 2,000-9,999, ...',
    license: 'CC0-1.0',
    usedFor: 'Reading figures written in words ("two million", "a dozen", "hundreds of") and skipping ordinals',
  },
  {
    name: 'figure-words',
    title: 'Words that govern a figure\'s category, unit synonyms, people-nouns, non-count units',
    source: 'Hand-made for this project (general English news vocabulary)',
    license: 'CC0-1.0',
    usedFor: 'Figure category (killed, injured, abducted, ...), unit normalization for figure groups, skipping durations and page furniture',
  },
  {
    name: 'territories',
    title: 'Territories and regions often reported apart from their state',
    source: 'Hand-made for this project (general knowledge), with world-countries (ODbL-1.0) names, capitals and demonyms',
    license: 'CC0-1.0',
    usedFor: 'The country of the people a figure counts ("killed in Gaza" → PSE), part of the figure_groups measure',
  },
  {
    name: 'countries',
    title: 'Countries, aliases and demonyms',
    source: 'Hand-made starter list (placeholder until a maintained package is wired in)',
    license: 'CC0-1.0',
    usedFor: 'Country actors and their ISO 3166-1 alpha-3 codes',
  },
];
