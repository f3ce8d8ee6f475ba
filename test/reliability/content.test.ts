/**
 * Issue 15, wrong output, through the stages (the rules have unit tests in test/normalize): HTML markup inside a
 * JSON `text` field is read as HTML (no tag or entity is published as text), and paywall stubs and photo
 * galleries are published with a content flag instead of passing for articles. Invented records.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildInMemory, raw } from './bad-inputs-support.ts';

const STORY = 'The council voted on Tuesday to reopen the western ferry line after a year of repairs to the pier.';

describe('content read as what it is', () => {
  const feed = [
    { title: 'Ferry Line Reopens', text: `<p>${STORY}</p><p>Tickets go on sale on Friday &amp; cost less than before.</p>` },
    { title: 'Libraries to Close', text: `The council voted to close two libraries in the north of the city.\n\nSubscribe to continue reading.` },
    { title: 'In pictures: floods across the delta', text: `Photo: a boat on a flooded street.\n\n${STORY} ${STORY}` },
    { title: 'Harbour Plan Approved', text: `${STORY} ${STORY} ${STORY} The mayor said the work would start in spring and end before the summer season.` },
  ]
    .map((r) => JSON.stringify(r))
    .join('\n');
  const { dataset } = buildInMemory([raw('feed.jsonl', feed)]);
  const article = (title: string) => dataset.articles.find((a) => a.title === title)!;
  const text = (title: string) =>
    dataset.sentences
      .filter((s) => s.article_id === article(title).article_id)
      .map((s) => s.text)
      .join(' ');

  it('markup in a JSON text field: blocks become paragraphs, tags and entities are gone', () => {
    const t = text('Ferry Line Reopens');
    assert.ok(t.includes(STORY));
    assert.ok(t.includes('Tickets go on sale on Friday & cost less than before.'));
    assert.doesNotMatch(t, /<\/?p>|&amp;/);
  });

  it('a paywall stub and a gallery are flagged; a plain story is not', () => {
    assert.ok(article('Libraries to Close').content_flags.includes('paywall'));
    assert.ok(article('In pictures: floods across the delta').content_flags.includes('gallery'));
    assert.deepEqual(article('Harbour Plan Approved').content_flags, []);
  });
});
