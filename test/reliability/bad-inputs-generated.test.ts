/**
 * Bad inputs generated with fast-check (fixed seeds, so every run tries the
 * same cases; each sample is its own test): random bytes under every
 * extension, random Unicode text, any JSON value, JSONL feeds mixing good and
 * bad lines, invented articles with noise between their words, HTML soup.
 * Each case runs beside the base set with the checks of bad-inputs-support.ts.
 */
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import fc from 'fast-check';
import { buildDataset } from '../../pipeline/run.ts';
import { defaultConfig } from '../../pipeline/config.ts';
import type { RawFile } from '../../schemas/pipeline.ts';
import { assertAccounting, BASE, expectCase, raw, record, runCase, tally } from './bad-inputs-support.ts';

const EXT = ['txt', 'md', 'json', 'jsonl', 'html', ''] as const;
const name = (i: number, ext: string) => `gen/case-${i}${ext ? `.${ext}` : ''}`;
const sample = <T>(arb: fc.Arbitrary<T>, numRuns: number, seed: number): T[] => fc.sample(arb, { numRuns, seed });

/** Invented article pieces (no base article shares them). */
const SUBJECTS = ['The water board', 'A group of farmers', 'The regional court', 'Local fishermen', 'The rail operator', 'A hospital in the north'];
const VERBS = ['announced a plan', 'protested against a rule', 'reported a loss', 'opened a new office', 'cancelled a meeting', 'signed an agreement'];
const WHEN = ['on Monday', 'last week', 'on 3 March', 'this morning', 'in April'];
const article = fc
  .record({ s: fc.constantFrom(...SUBJECTS), v: fc.constantFrom(...VERBS), w: fc.constantFrom(...WHEN), n: fc.integer({ min: 2, max: 90_000 }) })
  .map(({ s, v, w, n }) => ({
    title: `${s} ${v.split(' ').slice(0, 2).join(' ')}`.replace(/^\w/, (c) => c.toUpperCase()),
    body: `${s} ${v} ${w}, and ${n} people were affected, officials said.`,
  }));

/** Noise put between words: zero-width, controls, bidi marks, emoji, formula starts, huge numbers, RTL words. */
const NOISE = [
  '\u200b',
  '\u200e',
  '\u202e',
  '\u0007',
  '\u001b[0m',
  '\u0000',
  '\ufeff',
  '\u00ad',
  '🎉',
  '👨‍👩‍👧',
  '=',
  '+1',
  '-',
  '@x',
  '1e309',
  '10^30',
  'مرحبا',
  'שלום',
  '\ud800',
  '\t',
  '\r',
  '\u2028',
  '\ufffd',
  '\u0301',
];

describe('bad inputs, generated (fast-check, fixed seeds)', () => {
  // 1. random bytes under every extension: rejected (binary, bad-encoding, bad-json, empty, no-text) or, for short runs that decode as text, published
  sample(fc.tuple(fc.uint8Array({ maxLength: 12 }), fc.constantFrom(...EXT)), 24, 101).forEach(([bytes, ext], i) => {
    it(`a few random bytes #${i} (${bytes.length} bytes, .${ext || 'none'})`, () => record(expectCase(raw(name(i, ext), bytes), 'either')));
  });
  // a longer run of random bytes is binary (about 12% control bytes), whatever its extension
  sample(fc.tuple(fc.uint8Array({ minLength: 256, maxLength: 3000, size: 'max' }), fc.constantFrom(...EXT)), 24, 102).forEach(([bytes, ext], i) => {
    it(`random bytes #${i} (${bytes.length} bytes, .${ext || 'none'})`, () => record(expectCase(raw(name(50 + i, ext), bytes), 'binary')));
  });

  // 2. random Unicode text (any code point, lone surrogates included) as .txt and .md
  sample(fc.tuple(fc.string({ unit: 'binary', maxLength: 400, size: 'medium' }), fc.constantFrom('txt', 'md')), 40, 202).forEach(([text, ext], i) => {
    it(`random Unicode text #${i} (${text.length} units, .${ext})`, () => {
      const o = expectCase(raw(name(100 + i, ext), text), 'either');
      record(o);
      for (const a of o.articles) assert.ok(!/[\u0000-\u0008\u200b\ufeff]/.test(a.title), 'no control or zero-width character in a title');
    });
  });

  // 3. any JSON value as .json: an object with a text field is an article, anything else bad-json or no-text
  sample(fc.jsonValue({ maxDepth: 4 }), 30, 303).forEach((value, i) => {
    it(`JSON value #${i} (${Array.isArray(value) ? 'array' : value === null ? 'null' : typeof value})`, () => {
      const isObject = value !== null && typeof value === 'object' && !Array.isArray(value);
      record(expectCase(raw(name(200 + i, 'json'), JSON.stringify(value)), isObject ? ['published', 'no-text', 'bad-json'] : 'bad-json'));
    });
  });

  // 4. JSONL: good article lines mixed with bad ones; each bad line is its own reject path#N, the good lines are kept
  const badLine = fc.oneof(
    fc.constantFrom('{', '{"title": "x"', 'not json', '[1, 2]', '42', '"a string"', 'null', '{"title": "only a title"}', "{'single': 'quotes'}"),
    fc.string({ maxLength: 40 }).filter((s) => !s.includes('\n') && s.trim() !== ''),
  );
  const line = fc.oneof(
    article.map((a) => ({ good: true as const, text: JSON.stringify({ title: a.title, text: a.body }) })),
    badLine.map((t) => ({ good: false as const, text: t })),
  );
  sample(fc.array(line, { minLength: 1, maxLength: 8 }), 30, 404).forEach((lines, i) => {
    it(`JSONL feed #${i} (${lines.filter((l) => l.good).length} good, ${lines.filter((l) => !l.good).length} other lines)`, () => {
      const path = name(300 + i, 'jsonl');
      const text = lines.map((l) => l.text).join('\n');
      const o = runCase([raw(path, text)]);
      record(o);
      const nonBlank = text
        .split('\n')
        .map((t, n) => [t, n + 1] as const)
        .filter(([t]) => t.trim() !== '');
      const got = new Map([...o.articles.map((a) => [a.source_path, 'article'] as const), ...o.rejects.map((r) => [r.path, r.reason] as const)]);
      // every non-blank line is one article or one reject, by its line number (a JSONL file that is all blank is one 'empty' reject)
      if (nonBlank.length === 0) assert.deepEqual([...got.values()], ['empty']);
      else {
        assert.equal(got.size, nonBlank.length, 'one outcome per line');
        lines.forEach((l, n) => {
          const outcome = got.get(`${path}#${n + 1}`);
          if (l.good) assert.equal(outcome, 'article', `line ${n + 1} is a good article`);
          else if (l.text.trim() !== '')
            assert.ok(outcome === 'bad-json' || outcome === 'no-text' || outcome === 'article', `line ${n + 1} (${l.text}): ${outcome}`);
        });
      }
    });
  });

  // 5. an invented article with noise between its words: published, every word kept
  sample(fc.tuple(article, fc.array(fc.tuple(fc.nat(), fc.constantFrom(...NOISE)), { maxLength: 10 }), fc.constantFrom('txt', 'md', 'json')), 36, 505).forEach(
    ([a, noise, ext], i) => {
      it(`article with noise #${i} (${noise.map(([, n]) => JSON.stringify(n)).join(' ') || 'none'}, .${ext})`, () => {
        const words = `${a.title}\n\n${a.body}`.split(' ');
        for (const [at, n] of noise) words.splice(at % (words.length + 1), 0, n);
        const text = words.join(' ');
        const o = expectCase(raw(name(400 + i, ext), ext === 'json' ? JSON.stringify({ text }) : text), 'published');
        record(o);
        const id = o.articles[0]!.article_id;
        const all = [o.articles[0]!.title, ...o.built.dataset.sentences.filter((s) => s.article_id === id).map((s) => s.text)].join(' ');
        for (const w of a.body.match(/[A-Za-z]{3,}/g)!) assert.ok(all.includes(w), `"${w}" kept: ${all}`);
      });
    },
  );

  // 6. HTML soup: random tags, scripts, comments and text
  const piece = fc.oneof(
    fc.constantFrom(
      '<p>',
      '</p>',
      '<div>',
      '</div>',
      '<script>',
      '</script>',
      '<style>',
      '</style>',
      '<!--',
      '-->',
      '<br>',
      '<article>',
      '</article>',
      '<nav>',
      '</nav>',
      '&amp;',
      '&#0;',
      '&#xD800;',
      '<',
      '>',
      '"',
      '<title>',
      '</title>',
      '<meta name="author" content="',
      '<h1>',
    ),
    article.map((a) => a.body),
  );
  sample(fc.array(piece, { maxLength: 40 }), 30, 606).forEach((pieces, i) => {
    it(`HTML soup #${i} (${pieces.length} pieces)`, () => record(expectCase(raw(name(500 + i, 'html'), pieces.join('')), ['published', 'no-text', 'empty'])));
  });

  it('every generated case at once through buildDataset (publish included): accounted for, quality.json adds up', () => {
    const files: RawFile[] = [
      ...sample(fc.uint8Array({ maxLength: 2000 }), 20, 707).map((b, i) => raw(name(600 + i, 'txt'), b)),
      ...sample(fc.string({ unit: 'binary', maxLength: 300 }), 20, 808).map((t, i) => raw(name(700 + i, 'md'), t)),
      ...sample(fc.jsonValue({ maxDepth: 3 }), 20, 909).map((v, i) => raw(name(800 + i, 'json'), JSON.stringify(v))),
    ];
    const all = [...BASE, ...files];
    const { dataset, quality } = buildDataset({ files: all, manifest: [] }, defaultConfig);
    assertAccounting(all, { dataset, quality, reports: [] });
  });

  after(() => {
    process.stderr.write(
      `bad-inputs (generated): ${tally.cases} cases, ${tally.published} with an article, rejects by reason ${JSON.stringify(tally.reasons)}\n`,
    );
  });
});
