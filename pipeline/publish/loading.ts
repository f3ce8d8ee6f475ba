/**
 * "Load the dataset": snippets for DuckDB, polars, pandas, R and a
 * spreadsheet, printed in the codebook. The DuckDB queries are exported so
 * the reader tests run them as written (with `output/` pointing at the test
 * build); the others say whether they were run.
 */

/** DuckDB SQL, run verbatim by test/publish/readers.test.ts after replacing `output/`. */
export const DUCKDB_QUERIES = {
  views: `CREATE VIEW actors AS FROM 'output/actors.parquet';
CREATE VIEW articles AS FROM 'output/articles.parquet';
CREATE VIEW events AS FROM 'output/events.parquet';
CREATE VIEW event_actors AS FROM 'output/event_actors.parquet';
CREATE VIEW figures AS FROM 'output/figures.parquet';
CREATE VIEW figure_groups AS FROM 'output/figure_groups.parquet';`,
  topActors: `-- Which actors appear in most events?
SELECT a.name, a.type, count(DISTINCT ea.event_id) AS events
FROM event_actors ea JOIN actors a USING (actor_id)
GROUP BY a.actor_id, a.name, a.type
ORDER BY events DESC, a.name
LIMIT 10;`,
  figureSpread: `-- How does one measure differ across outlets and dates?
SELECT g.category, g.unit, f.value, f.qualifier, f.as_of, ar.outlet, f.text
FROM figures f
JOIN figure_groups g USING (group_id)
JOIN articles ar USING (article_id)
WHERE g.article_count > 1
ORDER BY g.group_id, f.as_of, f.value;`,
  dateConflicts: `-- Which events do the articles date differently?
SELECT event_id, event_type, date_start, date_end, dates_reported, summary
FROM events
WHERE date_conflict
ORDER BY date_start;`,
  csv: `-- The CSV files read too, and the sniffer finds the types (a column that is empty in
-- every row comes back as VARCHAR: prefer Parquet, or pass types => {...}).
SELECT * FROM read_csv('output/events.csv', header = true, nullstr = '');`,
} as const;

const fence = (lang: string, code: string) => ['```' + lang, code, '```'];

/** The section, as markdown lines (heading level 2). */
export function loadingSection(): string[] {
  return [
    '## Load the dataset',
    '',
    'Prefer the Parquet (or Arrow) files: they carry the types (dates, integers, doubles, booleans, lists). The CSV files need the conventions above (empty = missing, lists joined with ` | `, an apostrophe before free text that starts like a formula). Paths below assume the dataset is in `output/`.',
    '',
    '### DuckDB (SQL; CLI, Python, R or Node)',
    '',
    ...fence(
      'sql',
      [DUCKDB_QUERIES.views, '', DUCKDB_QUERIES.topActors, '', DUCKDB_QUERIES.figureSpread, '', DUCKDB_QUERIES.dateConflicts, '', DUCKDB_QUERIES.csv].join(
        '\n',
      ),
    ),
    '',
    'DuckDB cannot read the `.arrow` files without its `arrow` community extension; use the Parquet files.',
    '',
    '### polars',
    '',
    ...fence(
      'python',
      `import polars as pl

events = pl.read_parquet("output/events.parquet")   # or pl.read_ipc("output/events.arrow")
top = (
    pl.read_parquet("output/event_actors.parquet")
    .join(pl.read_parquet("output/actors.parquet"), on="actor_id")
    .group_by("actor_id", "name")
    .agg(pl.col("event_id").n_unique().alias("events"))
    .sort("events", descending=True)
)`,
    ),
    '',
    'In Node, nodejs-polars (0.24.1 on Node 20): `pl.readParquet("output/events.parquet")`, and for Arrow `pl.readIPC(fs.readFileSync("output/events.arrow"))` (a path string that does not end in `.ipc` is taken as data, not as a path).',
    '',
    '### pandas',
    '',
    ...fence(
      'python',
      `import pandas as pd

# Real dates: with dtype_backend="pyarrow" dates are date32[day][pyarrow] (the .dt accessor works) and
# lists list<string>[pyarrow]; the default numpy backend gives datetime.date objects (dtype object, no .dt).
events = pd.read_parquet("output/events.parquet", dtype_backend="pyarrow")   # needs pyarrow
# or numpy dtypes with datetime64 columns:
events = pd.read_parquet("output/events.parquet")
for c in ["date_start", "date_end", "first_reported"]:
    events[c] = pd.to_datetime(events[c])
# From CSV: empty is missing (and only empty: "NA" is text), dates parsed, lists split.
events = pd.read_csv(
    "output/events.csv",
    keep_default_na=False, na_values=[""],
    parse_dates=["date_start", "date_end", "first_reported"],
)
events["dates_reported"] = events["dates_reported"].fillna("").map(lambda s: s.split(" | ") if s else [])
events["summary"] = events["summary"].str.replace(r"^'", "", regex=True)  # undo the spreadsheet guard`,
    ),
    '',
    '### R',
    '',
    ...fence(
      'r',
      `library(arrow)
events <- read_parquet("output/events.parquet")          # or read_feather("output/events.arrow")

library(readr)
events_csv <- read_csv("output/events.csv", na = "")     # empty = missing; dates are parsed as dates`,
    ),
    '',
    '### Spreadsheet',
    '',
    'Open `dataset.xlsx`: the first sheet (`about`) lists the tables and their columns; each table is a sheet with a frozen, filterable header row, dates as dates and numbers as numbers. Text that starts with `=`, `+`, `-` or `@` is stored as text, never as a formula. To open a CSV instead, import it as UTF-8, comma separated.',
    '',
  ];
}
