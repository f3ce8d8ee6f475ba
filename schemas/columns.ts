/**
 * Column builders. A column carries, in one place, everything the project says
 * about it: its Zod schema (validation), its description (codebook and
 * datapackage.json), its Arrow type, its Frictionless type and how it is
 * written to CSV. Tables are built from these in `table.ts`; nothing about a
 * column is written anywhere else.
 */
import { z } from 'zod';
import { Bool, DateDay, Dictionary, Float64, Field, Int32, List, Utf8, type DataType } from 'apache-arrow';

export type ColumnKind = 'id' | 'text' | 'int' | 'float' | 'bool' | 'date' | 'enum' | 'list';

/** Frictionless Table Schema field types used by this project. */
export type FrictionlessType = 'string' | 'integer' | 'number' | 'boolean' | 'date';

export interface Column<T extends z.ZodType = z.ZodType> {
  readonly kind: ColumnKind;
  readonly description: string;
  readonly nullable: boolean;
  readonly zod: T;
  /** Controlled vocabulary of an enum column, each value with its definition. */
  readonly values?: Readonly<Record<string, string>>;
  /** Free text written by people: made formula-inert in CSV (see codebook). */
  readonly freeText: boolean;
  readonly frictionless: FrictionlessType;
  /** Arrow type; `dictId` is the fixed dictionary id for dictionary columns. */
  readonly arrow: (dictId: number) => DataType;
}

/** Separator of list columns in CSV. */
export const LIST_SEPARATOR = ' | ';

const ISO_DAY = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

/** A calendar day as `YYYY-MM-DD` that exists (no 2024-02-30). */
export const isoDay = z.string().refine((s) => {
  if (!ISO_DAY.test(s)) return false;
  const [y, m, d] = s.split('-').map(Number) as [number, number, number];
  const t = new Date(Date.UTC(y, m - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
}, 'expected an existing calendar day YYYY-MM-DD');

interface Opts<N extends boolean> {
  readonly nullable?: N;
}

type Maybe<T extends z.ZodType, N extends boolean> = N extends true ? z.ZodNullable<T> : T;

function make<T extends z.ZodType, N extends boolean>(
  kind: ColumnKind,
  description: string,
  base: T,
  nullable: N,
  frictionless: FrictionlessType,
  arrow: (dictId: number) => DataType,
  extra: { values?: Readonly<Record<string, string>>; freeText?: boolean } = {},
): Column<Maybe<T, N>> {
  return {
    kind,
    description,
    nullable,
    zod: (nullable ? base.nullable() : base) as Maybe<T, N>,
    frictionless,
    arrow,
    freeText: extra.freeText ?? false,
    ...(extra.values ? { values: extra.values } : {}),
  };
}

/** Column builders, one per kind. */
export const col = {
  /** Identifier: non-empty, no surrounding space; formula-guarded in CSV like text (a path is an id a user names). */
  id: <N extends boolean = false>(description: string, o: Opts<N> = {}) =>
    make(
      'id',
      description,
      z
        .string()
        .min(1)
        .regex(/^\S(.*\S)?$/s, 'no surrounding whitespace'),
      (o.nullable ?? false) as N,
      'string',
      () => new Utf8(),
    ),
  /** Free text from the articles; formula-escaped in CSV. */
  text: <N extends boolean = false>(description: string, o: Opts<N> = {}) =>
    make('text', description, z.string(), (o.nullable ?? false) as N, 'string', () => new Utf8(), { freeText: true }),
  int: <N extends boolean = false>(description: string, o: Opts<N> & { min?: number } = {}) =>
    make(
      'int',
      description,
      z
        .number()
        .int()
        .min(o.min ?? -(2 ** 31))
        .max(2 ** 31 - 1),
      (o.nullable ?? false) as N,
      'integer',
      () => new Int32(),
    ),
  float: <N extends boolean = false>(description: string, o: Opts<N> = {}) =>
    make('float', description, z.number().finite(), (o.nullable ?? false) as N, 'number', () => new Float64()),
  bool: <N extends boolean = false>(description: string, o: Opts<N> = {}) =>
    make('bool', description, z.boolean(), (o.nullable ?? false) as N, 'boolean', () => new Bool()),
  date: <N extends boolean = false>(description: string, o: Opts<N> = {}) =>
    make('date', description, isoDay, (o.nullable ?? false) as N, 'date', () => new DateDay()),
  /** Low-cardinality code from a controlled vocabulary: dictionary-encoded in Arrow. */
  enum: <const V extends Readonly<Record<string, string>>, N extends boolean = false>(description: string, values: V, o: Opts<N> = {}) =>
    make(
      'enum',
      description,
      z.enum(Object.keys(values) as [keyof V & string, ...(keyof V & string)[]]),
      (o.nullable ?? false) as N,
      'string',
      (dictId) => new Dictionary(new Utf8(), new Int32(), dictId),
      { values },
    ),
  /**
   * List of strings: `List<Utf8>` in Arrow, joined with " | " in CSV. With `values`, every item is one of
   * them (a vocabulary list such as articles.content_flags): listed in the codebook, checked by Zod.
   */
  list: <N extends boolean = false>(description: string, o: Opts<N> & { readonly values?: Readonly<Record<string, string>> } = {}) =>
    make(
      'list',
      `${description} (list; in CSV joined with "${LIST_SEPARATOR}")`,
      o.values
        ? z.array(z.enum(Object.keys(o.values) as [string, ...string[]]))
        : z.array(z.string().refine((s) => !s.includes(LIST_SEPARATOR), `an item may not contain "${LIST_SEPARATOR}"`)),
      (o.nullable ?? false) as N,
      'string',
      () => new List(new Field('item', new Utf8(), true)),
      o.values ? { values: o.values } : { freeText: true },
    ),
} as const;
