/** Types shared by the figure extractor's modules. */
import type { FIGURE_CATEGORIES, FIGURE_QUALIFIERS } from '../../../schemas/vocab.ts';

export type FigureCategory = keyof typeof FIGURE_CATEGORIES;
export type FigureQualifier = keyof typeof FIGURE_QUALIFIERS;

/** Why a number in the text was not published as a figure. */
export type SkipReason =
  | 'year'
  | 'date'
  | 'ordinal'
  | 'time'
  | 'age'
  | 'percentage'
  | 'phone'
  | 'reference'
  | 'identifier'
  | 'duration'
  | 'page-furniture'
  | 'pronoun'
  | 'no-unit'
  | 'measurement-only'
  /** A number inside a name or title ("Six Nations", "50 Cent", "G8", "10 Downing Street"). */
  | 'name'
  /** A rank or position ("top 10", "No 1", "number one"). */
  | 'rank'
  /** A ratio ("nine out of 10", "one in five"): not a count. */
  | 'ratio'
  /** A score or result ("2-1 win", "won 3-0"). */
  | 'score'
  /** A measurement with a unit of length, speed, weight, temperature or sports points ("40 kilometres", "400m"). */
  | 'measurement'
  /** A count of at most 10 with a generic noun and no governing word ("two countries"). */
  | 'trivial-count'
  /** A vague count ("dozens", "billions") with no governing word or no unit. */
  | 'vague'
  /** A currency conversion in parentheses after an amount ("€25 million ($29m)"). */
  | 'conversion'
  /** The whole of a partitive ("38 of the 72 seats": the 72). */
  | 'partitive-total'
  /** Too large to hold as a double ("1e309", a 400-digit run): not a count anyone reports. */
  | 'not-finite';
