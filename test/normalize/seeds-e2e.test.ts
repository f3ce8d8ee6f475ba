/**
 * End to end on raw/: stage 01 keeps every gold `must_keep` passage, leaves no
 * gold boilerplate line in the sentences, and finds the gold title, stated
 * published date, author and dateline. The gold file is read here only.
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { test } from 'node:test';
import { defaultConfig } from '../../pipeline/config.ts';
import { readRaw } from '../../pipeline/io/read-raw.ts';
import { normalize } from '../../pipeline/stages/01-normalize.ts';

interface GoldArticle {
  title: string;
  published_date: string | null;
  author: string | null;
  dateline: string | null;
  boilerplate: string[];
  must_keep: string[];
}
/** The gold file lives beside the project (../shared, or $SHARED); a checkout without it skips this test and says so. */
const goldPath = resolve(process.env['SHARED'] ?? resolve(import.meta.dirname, '../../../shared'), 'gold/seeds.gold.json');
const gold = existsSync(goldPath) ? (JSON.parse(readFileSync(goldPath, 'utf8')) as { articles: Record<string, GoldArticle> }) : null;
const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

test(
  'stage 01 on raw/: must_keep kept, boilerplate gone, title/date/author/dateline found',
  { skip: gold ? false : `no gold file at ${goldPath} (set SHARED=<path to shared>)` },
  async () => {
    if (!gold) return;
    const { files, manifest } = await readRaw(new URL('../../raw', import.meta.url).pathname, defaultConfig.maxBytes);
    const { data } = normalize.run({ files, manifest }, defaultConfig);
    for (const [prefix, g] of Object.entries(gold.articles)) {
      const doc = data.documents.find((d) => d.article.source_path.startsWith(`${prefix}_`));
      assert.ok(doc, `article ${prefix} not normalized`);
      const text = squash(doc.text);
      for (const keep of g.must_keep) assert.ok(text.includes(squash(keep)), `${prefix}: must_keep lost: ${keep}`);
      for (const bp of g.boilerplate) {
        const bare = squash(bp.replace(/^[•·\s]+/, ''));
        assert.ok(!doc.sentences.some((s) => squash(s.text) === bare || squash(s.text).includes(bare)), `${prefix}: boilerplate left: ${bp}`);
        assert.ok(
          doc.removed.some((r) => squash(r.text).includes(bare)),
          `${prefix}: boilerplate not listed as removed: ${bp}`,
        );
      }
      assert.equal(doc.article.title, g.title, `${prefix} title`);
      assert.equal(doc.article.published_date, g.published_date, `${prefix} published_date`);
      if (g.published_date) assert.equal(doc.article.published_basis, 'stated');
      assert.equal(doc.article.author, g.author, `${prefix} author`);
      assert.equal(doc.article.dateline, g.dateline, `${prefix} dateline`);
      for (const s of doc.sentences) assert.equal(doc.text.slice(s.char_start, s.char_end), s.text);
    }
  },
);
