/** Furniture removal, title, byline, published date, dateline and outlet on small invented articles. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { cleanRecord } from '../../pipeline/normalize/clean.ts';
import type { SourceRecord } from '../../pipeline/normalize/records.ts';

const rec = (text: string, over: Partial<SourceRecord> = {}): SourceRecord => ({
  source_path: 'x/story.txt',
  sha256: 'f'.repeat(64),
  format: 'text',
  title: null,
  text,
  date: null,
  url: null,
  author: null,
  outlet: null,
  ...over,
});
const clean = (text: string, over: Partial<SourceRecord> = {}) => cleanRecord(rec(text, over), null).document;
const reasonOf = (d: ReturnType<typeof clean>, line: string) => d.removed.find((r) => r.text === line)?.reason ?? null;

const BODY1 = 'Heavy rain flooded the lower town on Tuesday, and the river rose above its banks for the first time in a decade.';
const BODY2 = 'The mayor said that about 300 families had left their homes and that schools would stay closed until the water receded.';

test('a menu block of short bulleted lines is removed as menu', () => {
  const d = clean(['• Home', '• World', '• Sport', '• Weather', '', 'River Floods the Lower Town', '', BODY1, '', BODY2].join('\n'));
  assert.equal(d.article.title, 'River Floods the Lower Town');
  for (const l of ['• Home', '• World', '• Sport', '• Weather']) assert.ok(reasonOf(d, l), `${l} kept`);
  assert.ok(d.text.includes(BODY1) && d.text.includes(BODY2));
});

test('a run of short unbulleted navigation lines before the title is removed', () => {
  const d = clean(['Politics', 'Economy', 'Culture', 'Opinion', '', 'Storm Cuts Power to the Coast', '', BODY1, '', BODY2].join('\n'));
  assert.equal(d.article.title, 'Storm Cuts Power to the Coast');
  assert.equal(reasonOf(d, 'Economy'), 'menu');
  assert.ok(!d.text.includes('Culture'));
});

test('a share bar is removed as share-button', () => {
  const d = clean(['Storm Cuts Power to the Coast', '', 'Share', 'Facebook', 'Twitter', 'WhatsApp', 'Email', '', BODY1, '', BODY2].join('\n'));
  for (const l of ['Share', 'Facebook', 'Twitter', 'WhatsApp', 'Email']) assert.equal(reasonOf(d, l), 'share-button', l);
  assert.ok(d.text.includes(BODY1));
});

test('a caption with a photo credit and its uncredited copy are removed', () => {
  const d = clean(
    [
      'Storm Cuts Power to the Coast',
      '',
      'Workers repair a line near the port.',
      'Workers repair a line near the port. | Photo: City Press Office',
      '',
      BODY1,
      '',
      'Rescue teams at the bridge. (Photo: Jane Roe/Agency)',
      '',
      BODY2,
    ].join('\n'),
  );
  assert.equal(reasonOf(d, 'Workers repair a line near the port. | Photo: City Press Office'), 'caption');
  assert.equal(reasonOf(d, 'Workers repair a line near the port.'), 'caption');
  assert.equal(reasonOf(d, 'Rescue teams at the bridge. (Photo: Jane Roe/Agency)'), 'caption');
  assert.ok(d.text.includes(BODY2));
});

test('teasers: a "SEE ALSO:" line, a "Read more:" link and a standalone headline link', () => {
  const d = clean(
    [
      'Storm Cuts Power to the Coast',
      '',
      BODY1,
      '',
      'SEE ALSO:',
      '',
      'Read more: Dam Inspections Ordered After Spring Floods',
      '',
      'Ministers Promise New Funding for Flood Barriers',
      '',
      BODY2,
    ].join('\n'),
  );
  assert.equal(reasonOf(d, 'SEE ALSO:'), 'teaser');
  assert.equal(reasonOf(d, 'Read more: Dam Inspections Ordered After Spring Floods'), 'teaser');
  assert.equal(reasonOf(d, 'Ministers Promise New Funding for Flood Barriers'), 'headline-link');
  assert.ok(d.text.includes(BODY2));
});

test('comment prompts, promotions and "Scroll to top" at the end are removed', () => {
  const d = clean(
    [
      'Storm Cuts Power to the Coast',
      '',
      BODY1,
      '',
      BODY2,
      '',
      'Follow our Telegram channel for the latest updates',
      '',
      'Leave a Comment',
      '',
      'Scroll to Top',
      '3 Comments',
    ].join('\n'),
  );
  assert.equal(reasonOf(d, 'Leave a Comment'), 'comments');
  assert.equal(reasonOf(d, '3 Comments'), 'comments');
  assert.equal(reasonOf(d, 'Scroll to Top'), 'navigation');
  assert.equal(reasonOf(d, 'Follow our Telegram channel for the latest updates'), 'promo');
});

test('a byline with a date gives author and a stated published date', () => {
  const d = clean(['Storm Cuts Power to the Coast', '', 'By Maria Lopez, Staff Reporter | March 3, 2023', '', BODY1, '', BODY2].join('\n'));
  assert.equal(d.article.author, 'Maria Lopez');
  assert.equal(d.article.published_date, '2023-03-03');
  assert.equal(d.article.published_basis, 'stated');
  assert.equal(reasonOf(d, 'By Maria Lopez, Staff Reporter | March 3, 2023'), 'byline');
});

test('a name line with a dotted numeric date in the header is a byline', () => {
  const d = clean(['Storm Cuts Power to the Coast', '', 'Pedro Alvarez, 05.11.2022', '', BODY1].join('\n'));
  assert.equal(d.article.author, 'Pedro Alvarez');
  assert.equal(d.article.published_date, '2022-11-05');
});

test('"Published ..." and "Updated ..." lines give the date; the published one wins', () => {
  const d = clean(['Storm Cuts Power to the Coast', 'Published 7 June 2021', 'Updated 8 June 2021', '', BODY1].join('\n'));
  assert.equal(d.article.published_date, '2021-06-07');
  assert.equal(reasonOf(d, 'Published 7 June 2021'), 'published-line');
});

test('no stated date: published_date stays empty, basis unknown (never guessed from the body)', () => {
  const d = clean(
    ['Storm Cuts Power to the Coast', '', 'The storm of 12 January 2020 was the last one of this size, officials said on Monday.', '', BODY2].join('\n'),
  );
  assert.equal(d.article.published_date, null);
  assert.equal(d.article.published_basis, 'unknown');
});

test('a date in the body text far from the header is not taken as the publication date', () => {
  const d = clean(['Storm Cuts Power to the Coast', '', BODY1, '', BODY2, '', 'On 4 April 2019 a smaller storm hit.'].join('\n'));
  assert.equal(d.article.published_date, null);
});

test('a dateline is found and cut from the first paragraph', () => {
  const d = clean(['Storm Cuts Power to the Coast', 'LIMA, Peru (Agency) - ' + BODY1, BODY2].join('\n'));
  assert.equal(d.article.dateline, 'LIMA');
  assert.ok(d.text.split('\n\n')[1]!.startsWith('Heavy rain'));
});

test('an en-dash dateline without agency', () => {
  const d = clean(['Storm Cuts Power to the Coast', '', 'NEW DELHI – ' + BODY1].join('\n'));
  assert.equal(d.article.dateline, 'NEW DELHI');
});

test('a repeated title and a repeated standfirst are removed', () => {
  const stand = 'Thousands remain without electricity after the second storm this month.';
  const d = clean(['Storm Cuts Power to the Coast', '', 'Storm Cuts Power to the Coast', '', stand, '', BODY1, '', stand, '', BODY2].join('\n'));
  assert.equal(reasonOf(d, 'Storm Cuts Power to the Coast'), 'repeated-title');
  assert.equal(d.text.split(stand).length - 1, 1);
  assert.ok(d.removed.some((r) => r.reason === 'repeated-paragraph'));
});

test('a "Source » site" line gives the outlet and is removed', () => {
  const d = clean(['Storm Cuts Power to the Coast', '', BODY1, '', 'Source » example-news.org'].join('\n'));
  assert.equal(d.article.outlet, 'example-news.org');
  assert.equal(reasonOf(d, 'Source » example-news.org'), 'source-line');
});

test('a breadcrumb is removed', () => {
  const d = clean(['News > World > Americas', '', 'Storm Cuts Power to the Coast', '', BODY1].join('\n'));
  assert.equal(reasonOf(d, 'News > World > Americas'), 'breadcrumb');
  assert.equal(d.article.title, 'Storm Cuts Power to the Coast');
});

test('real text is never removed: short slogans, one-line quotes, subheads with verbs, lines mentioning photos in prose', () => {
  const lines = [
    'Storm Cuts Power to the Coast',
    '',
    BODY1,
    '',
    'Down with the new dam',
    '',
    'Water for all the valleys!',
    '',
    '"We have lost everything," she said.',
    '',
    'The photo agency said the pictures were taken on Monday.',
    '',
    'Share prices of the utility fell 4 percent after the outage.',
    '',
    'More than 20 people were hurt.',
    '',
    BODY2,
  ];
  const d = clean(lines.join('\n'));
  assert.deepEqual(d.removed, []);
  for (const l of lines.slice(2)) if (l) assert.ok(d.text.includes(l), l);
});

test('every removed line carries a reason and its line number', () => {
  const src = ['• Live', 'Storm Cuts Power to the Coast', 'Facebook', BODY1, 'Leave a comment'];
  const d = clean(src.join('\n'));
  for (const r of d.removed) assert.equal(src[r.line], r.text);
});

test('metadata title wins; the same line in the body is removed as repeated-title', () => {
  const d = clean(['Storm cuts power to the coast', '', BODY1].join('\n'), { title: 'Storm Cuts Power to the Coast' });
  assert.equal(d.article.title, 'Storm Cuts Power to the Coast');
  assert.equal(reasonOf(d, 'Storm cuts power to the coast'), 'repeated-title');
});

test('sentences point into the cleaned text with paragraph indexes; paragraph 0 is the title', () => {
  const d = clean(['Storm Cuts Power to the Coast', '', BODY1 + ' ' + BODY2, '', 'Dr. Ana Ruiz said the U.S. Army sent help.'].join('\n'));
  for (const s of d.sentences) assert.equal(d.text.slice(s.char_start, s.char_end), s.text);
  assert.deepEqual(
    d.sentences.map((s) => s.paragraph_index),
    [0, 1, 1, 2],
  );
});

test('an "Updated" date alone is not taken as the publication date', () => {
  const d = clean(['Storm Cuts Power to the Coast', 'Updated 8 June 2021', '', BODY1].join('\n'));
  assert.equal(d.article.published_date, null);
  assert.equal(reasonOf(d, 'Updated 8 June 2021'), 'published-line');
});

test('a short title, author and outlet on three lines are not taken for a menu', () => {
  const d = clean(['Floods in Peru', 'Maria Lopez', 'Andes Daily', '', BODY1].join('\n'));
  assert.equal(d.article.title, 'Floods in Peru');
});

test('a lone section label above the title is dropped; a list of headline links is removed', () => {
  const d = clean(
    [
      'World',
      '',
      'Storm Cuts Power to the Coast',
      '',
      BODY1,
      '',
      'Ministers Promise New Funding for Flood Barriers',
      'Second Bridge Closed as River Keeps Rising',
      'Farmers Count the Cost of Three Wet Winters',
      '',
      BODY2,
    ].join('\n'),
  );
  assert.equal(d.article.title, 'Storm Cuts Power to the Coast');
  assert.equal(reasonOf(d, 'Second Bridge Closed as River Keeps Rising'), 'link-list');
  assert.ok(d.text.includes(BODY2));
});

test('credits, copyright, tags and reading-time lines are removed', () => {
  const d = clean(
    [
      'Storm Cuts Power to the Coast',
      '4 min read',
      '',
      BODY1,
      '',
      '(Reporting by Ana Ruiz; Editing by Tom Hale)',
      'Tags: floods, weather, Peru',
      '© 2024 Andes Daily. All rights reserved.',
    ].join('\n'),
  );
  assert.equal(reasonOf(d, '4 min read'), 'page-meta');
  assert.equal(reasonOf(d, '(Reporting by Ana Ruiz; Editing by Tom Hale)'), 'credits');
  assert.equal(reasonOf(d, 'Tags: floods, weather, Peru'), 'tags');
  assert.equal(reasonOf(d, '© 2024 Andes Daily. All rights reserved.'), 'copyright');
});

test('a dateline with a date and agency ("CITY, Month D (Agency) -")', () => {
  const d = clean(['Storm Cuts Power to the Coast', '', 'GAZA CITY, Feb 19 (Wire) - ' + BODY1].join('\n'));
  assert.equal(d.article.dateline, 'GAZA CITY');
  assert.ok(d.text.split('\n\n')[1]!.startsWith('Heavy rain'));
});

test('a capitalized label such as "BREAKING:" is not a dateline', () => {
  const d = clean(['Storm Cuts Power to the Coast', '', 'BREAKING: ' + BODY1].join('\n'));
  assert.equal(d.article.dateline, null);
  assert.ok(d.text.includes('BREAKING: Heavy rain'));
});

test('manifest.csv overrides what the text states; basis says metadata', () => {
  const r = rec(['Storm Cuts Power to the Coast', 'Published 7 June 2021', '', BODY1].join('\n'), { outlet: 'Guessed Outlet' });
  const d = cleanRecord(r, {
    file: 'story.txt',
    url: 'https://a.example/s',
    outlet: 'Coast Herald',
    published_date: '2021-06-06',
    author: 'Ana Ruiz',
    license: null,
  }).document;
  assert.deepEqual(
    [d.article.published_date, d.article.published_basis, d.article.outlet, d.article.author, d.article.url],
    ['2021-06-06', 'metadata', 'Coast Herald', 'Ana Ruiz', 'https://a.example/s'],
  );
});

test('a JSON date field that is not a date is reported, and the stated date is used', () => {
  const res = cleanRecord(rec(['Storm Cuts Power to the Coast', 'Published 7 June 2021', '', BODY1].join('\n'), { date: 'yesterday' }), null);
  assert.match(res.dateProblem ?? '', /not a date/);
  assert.equal(res.document.article.published_date, '2021-06-07');
  assert.equal(res.document.article.published_basis, 'stated');
});

test('a one-line menu or share bar of separated items is removed, and the title is the headline after it', () => {
  const d = clean(['News | Region | Money | Climate', '', 'Storm Cuts Power to the Coast', '', 'Facebook · X · Email · Link', '', BODY1, '', BODY2].join('\n'));
  assert.equal(d.article.title, 'Storm Cuts Power to the Coast');
  assert.equal(reasonOf(d, 'News | Region | Money | Climate'), 'menu');
  assert.equal(reasonOf(d, 'Facebook · X · Email · Link'), 'share-button');
  const keep = clean(['Storm Cuts Power to the Coast', '', 'Rain fell | winds rose | the river burst its banks near the old mill.', '', BODY1].join('\n'));
  assert.ok(keep.text.includes('the river burst its banks'), 'a sentence with separators is text');
});

test('a dateline with a country and a date before the dash is found and stripped', () => {
  const d = clean(
    ['Storm Cuts Power to the Coast', '', 'PORTO ALEGRE, Brazil, May 6 - Heavy rain flooded the lower town on Tuesday, and the river rose.', '', BODY2].join(
      '\n',
    ),
  );
  assert.equal(d.article.dateline, 'PORTO ALEGRE');
  assert.ok(d.text.includes('\n\nHeavy rain flooded'));
});

test('a "Related coverage" label is a teaser', () => {
  const d = clean(['Storm Cuts Power to the Coast', '', BODY1, '', BODY2, '', 'Related coverage'].join('\n'));
  assert.equal(reasonOf(d, 'Related coverage'), 'teaser');
});

test("a dateline's day and month date the report, in the year the text names most", () => {
  const body = `${BODY1} The 2024 budget of the utility was cut in 2023 and again in 2024.`;
  const d = clean(['Storm Cuts Power to the Coast', '', `LIMA, March 3 (Wire) - ${body}`, BODY2].join('\n'));
  assert.equal(d.article.dateline, 'LIMA');
  assert.equal(d.article.published_date, '2024-03-03');
  assert.equal(d.article.published_basis, 'stated');
  // no comma, after a one-sentence standfirst
  const e = clean(['Storm Cuts Power to the Coast', 'Thousands remain without electricity.', `CUSCO March 4 (Wire) - ${body}`, BODY2].join('\n'));
  assert.equal(e.article.dateline, 'CUSCO');
  assert.equal(e.article.published_date, '2024-03-04');
  // a dateline without a year named anywhere gives no date
  assert.equal(clean(['Storm Cuts Power to the Coast', '', `LIMA, March 3 (Wire) - ${BODY1}`, BODY2].join('\n')).article.published_date, null);
});

test('a line that is only a date and a time, below a photo credit, is the published date', () => {
  const d = clean(
    [
      'Storm Cuts Power to the Coast',
      'Crews Work Through the Night',
      'Crews Work Through the Night',
      'Photo: Wire Images',
      '7:15 PM EST, March 5, 2024',
      '',
      BODY1,
      BODY2,
    ].join('\n'),
  );
  assert.equal(d.article.published_date, '2024-03-05');
  // a date in a short caption-like line that says more is not taken from that deep
  const e = clean(
    [
      'Storm Cuts Power to the Coast',
      'Crews Work Through the Night',
      'Crews Work Through the Night',
      'Photo: Wire Images',
      'Crews at the dam on March 5, 2024 in Cusco',
      '',
      BODY1,
      BODY2,
    ].join('\n'),
  );
  assert.equal(e.article.published_date, null);
});
