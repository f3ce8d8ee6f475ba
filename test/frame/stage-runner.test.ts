/** The runner validates both sides of a stage and the keys of published tables, naming stage, article and field. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { defaultConfig } from '../../pipeline/config.ts';
import { PipelineError } from '../../pipeline/issues.ts';
import { checkKeys } from '../../pipeline/lib/keys.ts';
import { runStage, type Stage } from '../../pipeline/stage.ts';
import { corpus, type Corpus } from '../../schemas/pipeline.ts';
import type { ArticleRow, Dataset, SentenceRow } from '../../schemas/index.ts';
import { articleRow } from '../support/article-row.ts';

const article = (id: string, over: Partial<ArticleRow> = {}): ArticleRow =>
  articleRow(id, { word_count: 3, sentence_count: 1, sha256: 'f'.repeat(64), ...over });
const sentence = (id: string, i: number): SentenceRow => ({
  article_id: id,
  sentence_index: i,
  paragraph_index: 0,
  char_start: 0,
  char_end: 7,
  text: 'A title',
});
const doc = (id: string) => ({ article: article(id), text: 'A title', sentences: [sentence(id, 0)], removed: [] });

/** A stage that passes its input through, after `breakIt` mangles it. */
const passThrough = (breakIt: (c: Corpus) => unknown): Stage<Corpus, Corpus> => ({
  name: '99-broken',
  description: 'test stage',
  input: corpus,
  output: corpus,
  run: (input) => ({ data: breakIt(input) as Corpus, issues: [] }),
  counts: () => ({ read: 0, written: 0, rejected: 0 }),
  tables: (o) => ({ articles: o.documents.map((d) => d.article), sentences: o.documents.flatMap((d) => d.sentences) }),
});

const thrown = (f: () => unknown): PipelineError => {
  try {
    f();
  } catch (e) {
    assert.ok(e instanceof PipelineError, `expected PipelineError, got ${String(e)}`);
    return e;
  }
  assert.fail('expected a PipelineError');
};

describe('runStage', () => {
  const input: Corpus = { documents: [doc('a1'), doc('a2')], rejects: [] };

  it('passes valid data through and reports counts', () => {
    const { data, report } = runStage(
      passThrough((c) => c),
      input,
      defaultConfig,
    );
    assert.equal(data.documents.length, 2);
    assert.equal(report.stage, '99-broken');
  });

  it('an output that breaks its schema fails with the stage, the article and the field path', () => {
    const e = thrown(() =>
      runStage(
        passThrough((c) => ({
          ...c,
          documents: [c.documents[0], { ...c.documents[1], article: { ...c.documents[1]!.article, published_date: '2024-02-30' } }],
        })),
        input,
        defaultConfig,
      ),
    );
    assert.equal(e.location.stage, '99-broken');
    assert.equal(e.location.articleId, 'a2');
    assert.equal(e.location.field, 'documents[1].article.published_date');
    assert.match(e.message, /stage 99-broken, article a2, field documents\[1\]\.article\.published_date/);
  });

  it('a stray field in a row is an error (rows are strict)', () => {
    const e = thrown(() =>
      runStage(
        passThrough((c) => ({ ...c, documents: [{ ...c.documents[0], article: { ...c.documents[0]!.article, extra: 1 } }] })),
        input,
        defaultConfig,
      ),
    );
    assert.equal(e.location.articleId, 'a1');
  });

  it('an invalid input is refused before the stage runs', () => {
    let ran = false;
    const stage = { ...passThrough((c) => c), run: (i: Corpus) => ((ran = true), { data: i, issues: [] }) };
    const e = thrown(() =>
      runStage(stage, { documents: [{ ...doc('a3'), sentences: [{ ...sentence('a3', 0), char_start: -1 }] }], rejects: [] }, defaultConfig),
    );
    assert.equal(ran, false);
    assert.equal(e.location.articleId, 'a3');
    assert.equal(e.location.offset, -1);
    assert.match(e.location.field ?? '', /sentences\[0\]\.char_start/);
  });

  it('duplicate primary keys in an output table fail with the table and key', () => {
    const e = thrown(() =>
      runStage(
        passThrough((c) => ({ ...c, documents: [c.documents[0], c.documents[0]] })),
        input,
        defaultConfig,
      ),
    );
    assert.match(e.message, /articles: duplicate primary key/);
    assert.equal(e.location.field, 'articles.article_id');
  });

  it('a foreign key that points nowhere fails', () => {
    const e = thrown(() =>
      runStage(
        passThrough((c) => ({ ...c, documents: [{ ...c.documents[0], article: { ...c.documents[0]!.article, duplicate_of: 'missing' } }] })),
        input,
        defaultConfig,
      ),
    );
    assert.match(e.message, /duplicate_of = \["missing"\] not found in articles/);
  });
});

describe('checkKeys', () => {
  it('checks composite foreign keys (mentions must point at an existing sentence)', () => {
    const data: Partial<Dataset> = {
      articles: [article('a1')],
      sentences: [sentence('a1', 0)],
      actors: [
        {
          actor_id: 'x',
          name: 'X',
          type: 'person',
          country: null,
          aliases: ['X'],
          roles: [],
          affiliation: null,
          article_count: 1,
          mention_count: 1,
          source: 'text',
        },
      ],
      actor_mentions: [
        {
          mention_id: 'm1',
          actor_id: 'x',
          article_id: 'a1',
          sentence_index: 5,
          char_start: 0,
          char_end: 1,
          text: 'X',
          method: 'exact',
          role: null,
          rule: null,
        },
      ],
    };
    assert.throws(() => checkKeys(data, 't'), /actor_mentions: article_id, sentence_index = \["a1",5\] not found in sentences/);
  });

  it('null foreign keys are allowed', () => {
    assert.doesNotThrow(() => checkKeys({ articles: [article('a1', { duplicate_of: null })] }, 't'));
  });
});
