/** Types shared by the figure extractor's modules. */
import type { FIGURE_CATEGORIES, FIGURE_QUALIFIERS } from '../../../schemas/vocab.ts';

export type FigureCategory = keyof typeof FIGURE_CATEGORIES;
export type FigureQualifier = keyof typeof FIGURE_QUALIFIERS;

/** Why a number in the text was not published as a figure. */
export type SkipReason =
  | 'year' | 'date' | 'ordinal' | 'time' | 'age' | 'percentage' | 'phone' | 'reference' | 'identifier'
  | 'duration' | 'page-furniture' | 'pronoun' | 'no-unit' | 'measurement-only';
