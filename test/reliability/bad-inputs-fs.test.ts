/**
 * Bad inputs that only exist on a file system, through the CLI (as `make
 * dataset` runs it): odd file names, nested folders, symlink loops, dangling
 * and self links, unreadable files and folders, a FIFO, a name that is not
 * UTF-8, a manifest with bad rows, and a 21 MB article against the limits.
 * Each build must finish (status 0), account for every entry and leave the
 * base articles' rows as a build of the base alone gives them.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, openSync, closeSync, readFileSync, symlinkSync, writeFileSync, writeSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import Papa from 'papaparse';
import { defaultConfig } from '../../pipeline/config.ts';
import type { Quality } from '../../schemas/quality.ts';
import { runCli, tempDir } from '../support/cli.ts';
import { unescapeText } from '../support/csv-cells.ts';
import { BASE } from './bad-inputs-support.ts';

type Row = Record<string, string>;
/** Rows of a published CSV, the formula guard of the path columns undone (a name may start with "-" or "="). */
const csv = (dir: string, table: string): Row[] =>
  Papa.parse<Row>(readFileSync(join(dir, `${table}.csv`), 'utf8'), { header: true, skipEmptyLines: true }).data.map((r) => ({
    ...r,
    ...(r['source_path'] === undefined ? {} : { source_path: unescapeText(r['source_path']) }),
    ...(r['path'] === undefined ? {} : { path: unescapeText(r['path']) }),
  }));
const qualityOf = (dir: string): Quality => JSON.parse(readFileSync(join(dir, 'quality.json'), 'utf8')) as Quality;
const PER_ARTICLE = ['articles', 'sentences', 'actor_mentions', 'event_mentions', 'figures', 'quotes'] as const;

function writeBase(raw: string): void {
  for (const f of BASE) {
    mkdirSync(join(raw, f.path, '..'), { recursive: true });
    writeFileSync(join(raw, f.path), f.bytes!);
  }
}

/** Base articles' rows in every per-article table of a published folder. */
function baseRowsOf(out: string): Map<string, string[]> {
  const ids = new Set(
    csv(out, 'articles')
      .filter((a) => a['source_path']!.startsWith('base/'))
      .map((a) => a['article_id']!),
  );
  // story_id names a cluster of articles: an added article that reads alike may join the story and, being the
  // earliest, name it (pipeline/resolve/stories.ts); the stable-id property test covers it for unrelated inputs
  const own = (r: Row): string => JSON.stringify({ ...r, story_id: undefined });
  return new Map(
    PER_ARTICLE.map((t) => [
      t,
      csv(out, t)
        .filter((r) => ids.has(r['article_id']!))
        .map(own)
        .sort(),
    ]),
  );
}

/** CLI build; --jobs 1 and --no-cache keep it in one thread and leave no cache behind. */
function build(raw: string, out: string, ...extra: string[]) {
  const r = runCli(['--raw', raw, '--out', out, '--jobs', '1', '--no-cache', ...extra]);
  assert.equal(r.status, 0, `the run finishes: ${r.stderr}`);
  return r;
}

const ARTICLE = (what: string) =>
  `${what} Reopens After Repairs\n\nThe ${what.toLowerCase()} in the old town reopened on Tuesday after repairs that took ${what.length + 3} months, the council said.`;

const root = tempDir('bad-inputs-fs');
const isRoot = process.getuid?.() === 0;

describe('bad inputs on the file system (CLI)', () => {
  const rawBase = join(root, 'base-raw');
  const rawAll = join(root, 'all-raw');
  const outBase = join(root, 'base-out');
  const outAll = join(root, 'all-out');
  /** Entries created under rawAll besides the base, with what must become of them. */
  const expected = new Map<string, 'published' | 'unreadable' | 'unsupported-type' | 'not-a-regular-file' | 'any'>();
  let unreadableWorks = false;

  before(() => {
    mkdirSync(rawBase, { recursive: true });
    writeBase(rawBase);
    build(rawBase, outBase);

    mkdirSync(rawAll, { recursive: true });
    writeBase(rawAll);
    const put = (path: string, text: string, outcome: 'published' | 'any' = 'published') => {
      mkdirSync(join(rawAll, path, '..'), { recursive: true });
      writeFileSync(join(rawAll, path), text);
      expected.set(path, outcome);
    };
    put('with space.txt', ARTICLE('Library'));
    put("quote'single.txt", ARTICLE('Museum'));
    put('quote"double.txt', ARTICLE('Theatre'));
    put('naïve-été.txt', ARTICLE('Swimming Pool'));
    put('中文新闻.txt', ARTICLE('Market Hall'));
    put('🎉emoji.md', ARTICLE('Cinema'));
    put('-leading-dash.txt', ARTICLE('Station'));
    put('--help.txt', ARTICLE('Post Office'));
    put('-rf', ARTICLE('Town Hall'));
    put('tab\tname.txt', ARTICLE('Bakery'));
    put('new\nline.txt', ARTICLE('Clinic'));
    put('back\\slash.txt', ARTICLE('School'));
    put('comma,semi;colon.txt', ARTICLE('Gallery'));
    put('=formula.txt', ARTICLE('Stadium'));
    put('hash#2.txt', ARTICLE('Harbour Office'));
    expected.delete('hash#2.txt');
    expected.set('hash%232.txt', 'published'); // "#" is escaped: the key "x.jsonl#2" is only ever line 2 of x.jsonl
    put('.hidden.txt', ARTICLE('Observatory'));
    put('a/b/c/d/e/f/deep.txt', ARTICLE('Bridge'));
    put('nested/one.json', JSON.stringify({ title: 'Zoo Reopens', text: 'The zoo reopened on Sunday after the flood, the keepers said.' }));
    put(
      'nested/feed.jsonl',
      `${JSON.stringify({ title: 'Ferry Resumes', text: 'The ferry resumed service on Monday, the operator said.' })}\n{broken\n`,
      'any',
    );
    put('nested/table.csv', 'a,b\n1,2\n', 'any');
    expected.set('nested/table.csv', 'unsupported-type');
    put(`${'long-name-'.repeat(24)}.txt`, ARTICLE('Archive'));

    // links: a loop back to the top, a loop to a parent, a dangling link, a self link, a link to a file inside
    symlinkSync('.', join(rawAll, 'loop'));
    expected.set('loop', 'unreadable');
    symlinkSync('../..', join(rawAll, 'a/b/up'));
    expected.set('a/b/up', 'unreadable');
    symlinkSync('nowhere.txt', join(rawAll, 'dangling.txt'));
    expected.set('dangling.txt', 'unreadable');
    symlinkSync('self.txt', join(rawAll, 'self.txt'));
    expected.set('self.txt', 'unreadable');
    symlinkSync('with space.txt', join(rawAll, 'alias.txt'));
    expected.set('alias.txt', 'published');

    // a FIFO is not a regular file (never opened, so the run cannot block on it)
    try {
      execFileSync('mkfifo', [join(rawAll, 'pipe.txt')]);
      expected.set('pipe.txt', 'not-a-regular-file');
    } catch {
      /* no mkfifo here: case skipped */
    }
    // a name that is not UTF-8: read, its key keeps the byte as %XX
    try {
      writeFileSync(Buffer.concat([Buffer.from(join(rawAll, 'latin1-')), Buffer.from([0xe9]), Buffer.from('.txt')]), ARTICLE('Chapel'));
      expected.set('latin1-%E9.txt', 'published');
    } catch {
      /* file system refuses such names: case skipped */
    }
    // unreadable file and folder (chmod 000 does not stop root)
    put('locked.txt', ARTICLE('Tower'), 'any');
    chmodSync(join(rawAll, 'locked.txt'), 0o000);
    put('locked-dir/inside.txt', ARTICLE('Mill'), 'any');
    chmodSync(join(rawAll, 'locked-dir'), 0o000);
    try {
      readFileSync(join(rawAll, 'locked.txt'));
    } catch {
      unreadableWorks = true;
    }
    if (unreadableWorks) {
      expected.set('locked.txt', 'unreadable');
      expected.set('locked-dir', 'unreadable');
      expected.delete('locked-dir/inside.txt');
    }
    // manifest with bad rows (a row for a file that exists, one for a file that does not, a bad date, a short row)
    writeFileSync(
      join(rawAll, 'manifest.csv'),
      [
        'file,url,outlet,published_date,author,license',
        'with space.txt,https://example.org/lib,"Town ""Crier""",2024-02-29,,CC-BY',
        'missing.txt,,X,2024-01-01,,',
        '-rf,,Y,2024-13-01,,',
        'only-file',
      ].join('\n'),
    );
    build(rawAll, outAll);
  });

  after(() => {
    try {
      chmodSync(join(rawAll, 'locked.txt'), 0o644);
      chmodSync(join(rawAll, 'locked-dir'), 0o755);
    } catch {
      /* already gone */
    }
    rmSync(root, { recursive: true, force: true });
  });

  it('every entry is an article or a reject with the expected reason; quality.json adds up', () => {
    const articles = csv(outAll, 'articles');
    const rejects = csv(outAll, 'rejects');
    const outcome = new Map<string, string>();
    for (const a of articles) outcome.set(a['source_path']!.replace(/\.jsonl#\d+$/, '.jsonl'), 'published');
    for (const r of rejects)
      outcome.set(r['path']!.replace(/\.jsonl#\d+$/, '.jsonl'), outcome.get(r['path']!.replace(/\.jsonl#\d+$/, '.jsonl')) ?? r['reason']!);
    for (const [path, want] of expected) {
      const got = outcome.get(path);
      assert.ok(got !== undefined, `"${path}" is neither an article nor a reject`);
      if (want !== 'any') assert.equal(got, want, `"${path}"`);
    }
    const q = qualityOf(outAll);
    assert.equal(q.inputs.records, q.inputs.articles + q.inputs.rejects);
    assert.equal(q.inputs.articles, articles.length);
    assert.equal(q.inputs.rejects, rejects.length);
    const n01 = q.stages.find((s) => s.stage === '01-normalize')!;
    assert.equal(n01.read, n01.written + n01.rejected);
    assert.equal(n01.read, q.inputs.records);
    for (const r of rejects) assert.ok(r['message']!.length > 0 && r['reason']!.length > 0, JSON.stringify(r));
  });

  it('file names are kept exactly (spaces, quotes, non-ASCII, leading dashes, tabs, newlines, "#")', () => {
    const paths = new Set(csv(outAll, 'articles').map((a) => a['source_path']));
    for (const p of [
      'with space.txt',
      "quote'single.txt",
      'quote"double.txt',
      'naïve-été.txt',
      '中文新闻.txt',
      '🎉emoji.md',
      '-leading-dash.txt',
      '--help.txt',
      '-rf',
      'tab\tname.txt',
      'new\nline.txt',
      'back\\slash.txt',
      'comma,semi;colon.txt',
      '=formula.txt',
      'hash%232.txt',
      'a/b/c/d/e/f/deep.txt',
    ])
      assert.ok(paths.has(p), `article from "${p}"`);
  });

  it('links: loops and dangling or self links are rejected as unreadable with a reason a person can act on', () => {
    const rejects = new Map(csv(outAll, 'rejects').map((r) => [r['path']!, r]));
    assert.match(rejects.get('loop')!['message']!, /loop/);
    assert.match(rejects.get('a/b/up')!['message']!, /loop/);
    assert.match(rejects.get('dangling.txt')!['message']!, /ENOENT|broken|dangling/);
    assert.match(rejects.get('self.txt')!['message']!, /ELOOP|loop/);
  });

  it('an unreadable file and folder are rejected as unreadable (skipped as root, where chmod 000 does not block reading)', (t) => {
    if (!unreadableWorks) {
      t.skip(`running as ${isRoot ? 'root' : 'a user that can still read mode 000 files'}: chmod 000 does not block reads`);
      return;
    }
    const rejects = new Map(csv(outAll, 'rejects').map((r) => [r['path']!, r]));
    assert.equal(rejects.get('locked.txt')!['reason'], 'unreadable');
    assert.match(rejects.get('locked.txt')!['message']!, /EACCES/);
    assert.equal(rejects.get('locked-dir')!['reason'], 'unreadable');
  });

  it('manifest.csv with bad rows: the good row applied, the bad ones reported in quality.json', () => {
    const lib = csv(outAll, 'articles').find((a) => a['source_path'] === 'with space.txt')!;
    assert.equal(lib['outlet'], 'Town "Crier"');
    assert.equal(lib['published_date'], '2024-02-29');
    const q = qualityOf(outAll);
    const codes = q.stages.find((s) => s.stage === '00-read')!.issues_by_code;
    assert.ok((codes['manifest-bad-row'] ?? 0) >= 1, JSON.stringify(codes));
  });

  it('no base article row changes beside all these inputs', () => {
    const base = baseRowsOf(outBase);
    const all = baseRowsOf(outAll);
    assert.equal(base.get('articles')!.length, 5);
    for (const [t, rows] of base) assert.deepEqual(all.get(t), rows, `base rows of ${t}`);
  });
});

describe('a 21 MB single article against the limits (CLI)', () => {
  const raw = join(root, 'big-raw');
  before(() => {
    mkdirSync(raw, { recursive: true });
    writeBase(raw);
    // 21 MB of news-like prose (just over the default --max-bytes of 20 MiB), written in chunks (never held whole by the test)
    const fd = openSync(join(raw, 'big.txt'), 'w');
    writeSync(fd, 'A Very Long Report\n\n');
    const chunk = Buffer.from('The committee heard evidence on the state of the harbour walls for another day. '.repeat(13_000));
    for (let n = 0; n < Math.ceil((21 * 1024 * 1024) / chunk.length); n++) writeSync(fd, chunk);
    closeSync(fd);
  });

  it(`by default (--max-bytes ${defaultConfig.maxBytes}) it is rejected as too-large without being read; the base is published`, () => {
    const out = join(root, 'big-out-default');
    build(raw, out);
    const r = csv(out, 'rejects').find((x) => x['path'] === 'big.txt')!;
    assert.equal(r['reason'], 'too-large');
    assert.match(r['message']!, /over the limit of 20971520 \(--max-bytes\)/);
    assert.equal(r['sha256'], '', 'not read, so no digest');
    assert.equal(csv(out, 'articles').length, 5);
  });

  it('with --max-bytes raised over it, --max-chars (default 2 000 000) rejects it as too-large: never truncated', () => {
    const out = join(root, 'big-out-raised');
    build(raw, out, '--max-bytes', '30_000_000');
    const r = csv(out, 'rejects').find((x) => x['path'] === 'big.txt')!;
    assert.equal(r['reason'], 'too-large');
    assert.match(r['message']!, /over the limit of 2000000 \(--max-chars\)/);
    assert.match(r['sha256']!, /^[0-9a-f]{64}$/, 'read, so its digest is known');
    assert.ok(!csv(out, 'articles').some((a) => a['source_path'] === 'big.txt'), 'no truncated article');
  });

  it('bad limit values are usage errors (status 2), never a silent default', () => {
    for (const v of ['0', '-5', '1e3', '99999999999999999999']) {
      const r = runCli(['--raw', raw, '--out', join(root, 'never'), `--max-chars=${v}`]);
      assert.equal(r.status, 2, `--max-chars=${v}: ${r.stderr}`);
      assert.match(r.stderr, /--max-chars must be a positive integer/);
    }
    // "--max-chars -5" (two arguments) is parseArgs' own error: a usage error too, not a crash
    const r = runCli(['--raw', raw, '--out', join(root, 'never'), '--max-chars', '-5']);
    assert.equal(r.status, 2, r.stderr);
    assert.doesNotMatch(r.stderr, /unexpected error/);
  });
});
