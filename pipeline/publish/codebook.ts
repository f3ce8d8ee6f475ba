/**
 * The codebook (output/README.md), generated from the table definitions:
 * files, conventions, each table's grain, keys and columns, the controlled
 * vocabularies with their definitions, sources and licenses, limitations.
 */
import type { Column } from '../../schemas/columns.ts';
import { LIST_SEPARATOR } from '../../schemas/columns.ts';
import { tableNames, tables } from '../../schemas/index.ts';
import type { TableDef } from '../../schemas/table.ts';
import { lexicons } from '../lexicons/index.ts';
import { manifestEntry } from '../../schemas/pipeline.ts';
import { HTML_METADATA } from '../normalize/html.ts';
import { GEO_RULE } from '../lib/geo.ts';
import { FATALITIES_RULE } from '../resolve/event-sources.ts';
import { CURRENCY_RULE } from '../resolve/money.ts';
import { JSON_FIELDS } from '../normalize/records.ts';
import { PACKAGE, type PackageMeta } from './datapackage.ts';
import { coverageText } from './release.ts';
import { loadingSection } from './loading.ts';
import { XLSX_MAX_CELL_CHARS, XLSX_MAX_ROWS } from './xlsx.ts';

const ARROW_NAME: Record<Column['kind'], string> = {
  id: 'Utf8',
  text: 'Utf8',
  int: 'Int32',
  float: 'Float64',
  bool: 'Bool',
  date: 'Date32 (day)',
  enum: 'Dictionary<Int32, Utf8>',
  list: 'List<Utf8>',
};

/** Parquet column type as SQL readers (DuckDB) see it. */
const PARQUET_NAME: Record<Column['kind'], string> = {
  id: 'VARCHAR',
  text: 'VARCHAR',
  int: 'INTEGER',
  float: 'DOUBLE',
  bool: 'BOOLEAN',
  date: 'DATE',
  enum: 'VARCHAR',
  list: 'VARCHAR[]',
};

const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');

function columnRows(def: TableDef): string[] {
  return def.columnNames.map((n) => {
    const c = def.columns[n]!;
    return `| \`${n}\` | ${c.frictionless} | ${ARROW_NAME[c.kind]} / ${PARQUET_NAME[c.kind]} | ${c.nullable ? 'yes' : 'no'} | ${cell(c.description)} |`;
  });
}

function vocabularies(def: TableDef): string[] {
  const out: string[] = [];
  for (const n of def.columnNames) {
    const c = def.columns[n]!;
    if (!c.values) continue;
    out.push('', `Values of \`${n}\`:`, '');
    for (const [v, d] of Object.entries(c.values)) out.push(`- \`${v}\`: ${d}`);
  }
  return out;
}

/** Every id column whose description gives its recipe ("Stable id: ..."), table by table. */
function idRecipes(): string[] {
  const out = [
    '## Ids',
    '',
    'Ids are derived from content, never from counters or the clock. Each recipe:',
    '',
    '| table | column | recipe |',
    '|---|---|---|',
  ];
  for (const n of tableNames) {
    const def = tables[n] as unknown as TableDef;
    for (const c of def.columnNames) {
      const d = def.columns[c]!.description;
      if (def.columns[c]!.kind === 'id' && /^stable id/i.test(d)) out.push(`| \`${n}\` | \`${c}\` | ${cell(d.replace(/^stable id:\s*/i, ''))} |`);
    }
  }
  out.push('', 'Hashes are sha256 in lowercase hex over the parts joined by a NUL character; "first 16 hex digits" keeps 64 bits.', '');
  return out;
}

/** How dates, conflicts and groups are decided (what the columns promise; see the tables for the columns). */
export const RULES: readonly string[] = [
  '- **Publication dates** come from the manifest, the page metadata or a dateline in the text (`published_basis` says which). An unknown date stays empty; it is never filled with the build date.',
  '- **Event dates** are resolved against the publication date of the article that reports them, never against the clock: "on Sunday" is the Sunday before publication for something that happened and the one after for something planned. Without a publication date a relative date stays unresolved (`date_precision = unknown`). A span ("Thursday to Saturday", "February 26-28") gives `date_start` < `date_end`; one day gives `date_start = date_end`. A month alone gives the whole month with `date_precision = month`.',
  "- **Each report keeps its own date**: `event_mentions.date_start/date_end/date_text` are what that article says; `events.dates_reported` lists every article's date as `article_id=YYYY-MM-DD[/YYYY-MM-DD]`.",
  '- **Conflicts** are flagged, not hidden: when the articles reporting one event give dates that do not agree, `events.date_conflict` is true and `date_start/date_end` hold the best-supported date; the others remain in `dates_reported` and `event_mentions`.',
  '- **Events across articles**: mentions of one PLOVER type that share an actor and whose dates do not contradict each other are one event (`event_id`), with `article_count`, `mention_count` and `first_reported` (earliest publication date among the reporting articles).',
  '- **Figure groups**: figures of the same category and normalized unit (and place when known) are one measure (`group_id`). `value_min`/`value_max` give the spread, `latest_value` the value with the latest `as_of`; `consistent` is false when reports referring to the same date disagree. Each figure keeps its own value, qualifier and `as_of` in `figures`.',
  '- **Quote groups**: the same words (case and punctuation folded) quoted by several articles share a `quotes.group_id`.',
  '- **How rows are made**: every extractor reads one annotated reading of each article (tokens, part-of-speech tags and lemmas from the wink-nlp English model, dates resolved against the publication date, numbers, quotation spans, noun phrases). A table with a `rule` column names the recognizer rule that made each row (its values are listed with the table), so rows can be audited or filtered by how they were found.',
  '- **Actors across articles** are one row in `actors` (names, aliases and acronyms resolved to one `actor_id`); every place they are named is in `actor_mentions` with the `method` that resolved it.',
];

export const LIMITATIONS: readonly string[] = [
  'Extraction is rule-based (lexicons, patterns, gazetteers) plus a trained name tagger for people and organizations (actor_mentions.rule says which); it will miss actors, figures and events phrased in unusual ways and can mislabel some. Every row carries its sentence so it can be checked.',
  'Cross-article resolution groups by names, types, shared actors and dates; two distinct events of one type with the same actors on the same day are merged.',
  'Dates are resolved against the article\'s publication date; when that is unknown, relative dates ("on Sunday") stay unresolved.',
  'Only English text is extracted from; other languages are published as articles and sentences with their language code.',
  `In dataset.xlsx a cell holds at most ${XLSX_MAX_CELL_CHARS} characters and a sheet at most ${XLSX_MAX_ROWS - 1} rows (Excel's limits): longer text is cut with " [...]" and further rows are left out (the about sheet says so). The CSV, Arrow and Parquet files are complete.`,
  'A CSV cannot tell an empty text from a missing one, nor an empty list from a missing list: both are an empty field. Arrow and Parquet keep the difference.',
];

/** Every input field the pipeline reads: JSON/JSONL fields, manifest.csv columns, HTML metadata. */
export function inputFields(): string[] {
  const L = ['## Inputs and the fields read', ''];
  L.push(
    'Input files: `.txt`/`.text`/no extension (plain text: the first line is the title), `.md`/`.markdown`, `.html`/`.htm`/`.xhtml`, `.json` (one object), `.jsonl`/`.ndjson` (one object per line; a bad line is a reject `path#N`). Any other extension is a reject (`unsupported-type`).',
    '',
  );
  L.push(
    '**JSON and JSONL fields** (the first present, non-empty name wins; other fields are ignored):',
    '',
    '| field | names accepted | goes to |',
    '|---|---|---|',
  );
  for (const [k, f] of Object.entries(JSON_FIELDS)) L.push(`| ${k} | ${f.names.map((n) => `\`${n}\``).join(', ')} | ${cell(f.meaning)} |`);
  L.push(
    '',
    "**manifest.csv** (optional, at the top of the input folder; header names are case-insensitive; a manifest value wins over the file's own, except a JSONL record's own `id`; a bad row is reported in quality.json and skipped):",
    '',
    '| column | meaning |',
    '|---|---|',
  );
  for (const [k, v] of Object.entries(manifestEntry.shape)) L.push(`| \`${k}\` | ${cell((v as { description?: string }).description ?? '')} |`);
  L.push(
    '',
    '**HTML metadata** (meta tags by `name`, `property` or `itemprop`, in this order; then the other sources):',
    '',
    '| field | meta tags | then |',
    '|---|---|---|',
  );
  for (const [k, f] of Object.entries(HTML_METADATA)) L.push(`| ${k} | ${f.meta.map((n) => `\`${n}\``).join(', ') || '—'} | ${cell(f.other)} |`);
  L.push('');
  return L;
}

/** Version, licence, text, coverage and how to cite this build. */
export function releaseSection(meta: PackageMeta): string[] {
  return [
    '## Version, licence and coverage',
    '',
    `- **Version** \`${meta.version}\`: the pipeline's package version, then a hash of the input fingerprint (\`${meta.fingerprint}\`) and of every published row. The same data always has the same version; it never comes from the clock. For the same reason datapackage.json's \`created\` is the latest publication date of the inputs (the day the data is as of), left out when no input is dated. \`CHANGELOG.md\` and the \`changes\` table say what changed against the previous build in the same folder.`,
    `- **Licence**: ${meta.license.statement}`,
    `- **Text**: ${meta.noText ? 'built with `--no-text`: `sentences.text`, `quotes.text`, `event_mentions.text` and `events.summary` are empty; the offsets into the cleaned text and `articles.sha256` (of the input bytes) let a holder of the articles rebuild the text and find every row in it.' : 'the cleaned article text is included (`sentences.text`, quotes); build with `--no-text` for sources that may not be republished.'}`,
    `- **Coverage**: ${coverageText(meta.coverage)}`,
    '',
    '## How to cite',
    '',
    'Cite the dataset with its version, and each row by its source article (`articles.url`, `outlet`, `published_date`; events list theirs in `events.outlets` and `events.urls`):',
    '',
    '```',
    `${PACKAGE.title}, version ${meta.version}. Built with news-events-dataset (see CITATION.cff in the project). Input fingerprint ${meta.fingerprint.slice(0, 16)}.`,
    '```',
    '',
  ];
}

export function codebook(rowCounts: Readonly<Record<string, number>>, meta: PackageMeta): string {
  const L: string[] = [];
  L.push(`# ${PACKAGE.title}: codebook`, '');
  L.push('Generated by `make dataset` from the schemas in `schemas/`; do not edit by hand.', '');
  L.push(PACKAGE.description, '');
  L.push(`Version \`${meta.version}\`. License of the dataset: ${meta.license.statement} Input fingerprint: \`${meta.fingerprint}\`.`, '');
  L.push('## Files', '');
  L.push('| table | rows | grain |', '|---|---|---|');
  for (const n of tableNames) L.push(`| [\`${n}\`](#${n}) | ${rowCounts[n] ?? 0} | ${cell(tables[n].grain)} |`);
  L.push('');
  L.push(
    'Each table is published as `<table>.csv`, `<table>.arrow` (Arrow IPC file, also known as Feather v2) and `<table>.parquet`, with the same rows in the same order. `dataset.xlsx` holds every table as a sheet, after an `about` sheet that explains them. Beside them: `datapackage.json` (Frictionless Data Package: Table Schemas with types, descriptions, enums, primary and foreign keys; sources, license, input fingerprint, row counts, and the size and sha256 of every other file), `quality.json` (what each stage read, wrote, rejected and warned about) and this codebook.',
    '',
    'Two builds on the same input write byte-identical files (no timestamps anywhere: Parquet carries a fixed writer name, the workbook a fixed creation date and zip entry times).',
    '',
  );
  L.push(...releaseSection(meta));
  L.push('## Conventions', '');
  L.push(
    '- **CSV**: RFC 4180, UTF-8 without BOM, comma separated, header row, `\\n` line ends, a trailing newline; fields are quoted when they hold a comma, a quote, a line break or leading/trailing space.',
    '- **Empty field = null.** An empty list is also written as an empty field; in Arrow it is an empty list.',
    `- **Lists** are joined with \`${LIST_SEPARATOR}\` in CSV and are \`List<Utf8>\` in Arrow. Items never contain \`${LIST_SEPARATOR}\`.`,
    '- **Booleans** `true`/`false`. **Dates** ISO 8601 `YYYY-MM-DD` (Arrow `Date32`, days since 1970-01-01). Numbers are written without thousands separators or exponent.',
    "- **Spreadsheet safety**: a cell of a text, list or identifier column (identifiers include paths, which a user names) that would start with `=`, `+`, `-`, `@`, tab, carriage return or line feed is prefixed with an apostrophe `'` in CSV only, so spreadsheets do not run it as a formula; a cell that really starts with an apostrophe gets one more (`'tis` is written `''tis`). Un-escaping is therefore exact and the same for every such cell: **when a cell of a text, list or id column starts with `'`, drop that one character** (pandas: `s.str.replace(r\"^'\", '', regex=True)`); nothing else is changed. The Arrow, Parquet and xlsx files hold the text unchanged (in the workbook it is a text cell, which is never evaluated). Codes (enum columns), numbers and dates are never prefixed.",
    "- **Offsets** (`char_start`, `char_end`) count UTF-16 code units (as JavaScript, Arrow and Java do) into the article's cleaned text: its paragraphs joined by a blank line, paragraph 0 being the title. The cleaned text is `sentences.text` in order, with the gaps restored from the offsets.",
    "- **Ids** are content-derived and stable: the same input gives the same ids, and adding, removing or reordering other inputs does not change them. Recipes are in each id column's description. Article ids hash the source path and the bytes, so a renamed or edited file gets a new id.",
    '- **Row order**: every table is sorted by its sort key (below), so two builds on the same input are byte-identical.',
    '- **Duplicates**: exact and near-duplicate copies stay in `articles` with `duplicate_of` set; extraction runs on originals only.',
    "- **Parquet**: one row group per table, Snappy compression; types as in the column tables below (DuckDB names): dates `DATE`, counts `INTEGER`, values `DOUBLE`, flags `BOOLEAN`, lists `VARCHAR[]`, codes and text `VARCHAR` (the Arrow schema with each column's description is kept in the file, so pandas/pyarrow and R arrow get the same types as from the `.arrow` file). Text is unchanged (no apostrophe).",
    `- **Spreadsheet** (\`dataset.xlsx\`): one sheet per table named as the table, row 1 = column names (bold, frozen, with filter buttons over every row; printed landscape, fit to the page width, row 1 repeated on each page); dates are date cells shown \`yyyy-mm-dd\`, numbers and booleans typed cells, lists joined with \`${LIST_SEPARATOR}\`, empty cell = missing. Text is always a text cell, never a formula, and is stored unchanged (no apostrophe).`,
    '',
  );
  L.push('## Rules for dates, conflicts and groups', '', ...RULES, `- ${FATALITIES_RULE}`, `- ${CURRENCY_RULE}`, `- ${GEO_RULE}`, '');
  L.push(...idRecipes());
  for (const n of tableNames) {
    const def = tables[n] as unknown as TableDef;
    L.push(`## ${n}`, '', `${def.grain} ${def.description}`, '');
    L.push(`- Primary key: ${def.primaryKey.map((k) => `\`${k}\``).join(', ')}`);
    L.push(`- Sort key: ${def.sortKey.map((k) => `\`${k}\``).join(', ')}`);
    for (const fk of def.foreignKeys) L.push(`- Foreign key: ${fk.fields.map((k) => `\`${k}\``).join(', ')} → \`${fk.table}\`(${fk.references.join(', ')})`);
    L.push('', '| column | type | Arrow / Parquet | nullable | meaning |', '|---|---|---|---|---|', ...columnRows(def), ...vocabularies(def), '');
  }
  L.push(...inputFields());
  L.push(...loadingSection());
  L.push('## Sources and licenses of the lexicons', '');
  L.push('| lexicon | used for | source | license |', '|---|---|---|---|');
  for (const l of lexicons) L.push(`| ${cell(l.title)} | ${cell(l.usedFor)} | ${cell(l.source)} | ${cell(l.license)} |`);
  L.push('', '## Known limitations', '', ...LIMITATIONS.map((x) => `- ${x}`), '');
  return L.join('\n');
}
