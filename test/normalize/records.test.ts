/** Input formats and encodings: HTML, JSON, JSONL with a bad line, UTF-8 BOM, UTF-16, Windows-1252, sanitizing. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { decode, sanitize } from '../../pipeline/normalize/decode.ts';
import { htmlToLines, htmlToRecord } from '../../pipeline/normalize/html.ts';
import { splitRecords } from '../../pipeline/normalize/records.ts';

const utf8 = (s: string) => new TextEncoder().encode(s);
const PARA = 'The regional council approved a new budget for road repairs on Thursday after a long debate about the cost of the project.';
const PARA2 = 'Council members said the work would begin in the spring and last about eighteen months, with two bridges closed in turn.';

const PAGE = `<!doctype html><html><head>
<title>Council Approves Road Budget | Valley Courier</title>
<meta property="og:title" content="Council Approves Road Budget">
<meta property="og:site_name" content="Valley Courier">
<meta property="article:published_time" content="2023-05-04T09:30:00Z">
<meta name="author" content="Lena Park">
<link rel="canonical" href="https://courier.example/roads">
<script>var tracking = "do not keep this script text";</script>
<style>.x{color:red}</style>
</head><body>
<header><nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li><li><a href="/sport">Sport</a></li></ul></nav></header>
<article>
<h1>Council Approves Road Budget</h1>
<p>${PARA}</p>
<figure><img src="a.jpg"><figcaption>The old bridge in winter. Photo: Courier Staff</figcaption></figure>
<p>${PARA2}</p>
<p>Opponents called the plan &ldquo;too expensive&rdquo; and said they would appeal &amp; keep campaigning.</p>
</article>
<footer><p>Copyright 2023 Valley Courier. All rights reserved.</p><a href="/privacy">Privacy policy</a></footer>
</body></html>`;

test('HTML: Readability takes the article; nav, footer and script are gone; meta tags give metadata', () => {
  const r = htmlToRecord(PAGE);
  assert.equal(r.title, 'Council Approves Road Budget');
  assert.equal(r.date, '2023-05-04T09:30:00Z');
  assert.equal(r.author, 'Lena Park');
  assert.equal(r.outlet, 'Valley Courier');
  assert.equal(r.url, 'https://courier.example/roads');
  assert.ok(r.text.includes(PARA) && r.text.includes(PARA2));
  assert.ok(r.text.includes('“too expensive” and said they would appeal & keep campaigning.'));
  for (const junk of ['tracking', 'color:red', 'Sport', 'Privacy policy', 'All rights reserved']) assert.ok(!r.text.includes(junk), junk);
  // block elements become separate lines
  assert.ok(r.text.split('\n').includes(PARA));
});

test('HTML through splitRecords and cleaning: the caption line is a separate line a rule can remove', () => {
  const { records } = splitRecords('site/roads.html', utf8(PAGE));
  assert.equal(records.length, 1);
  assert.equal(records[0]!.format, 'html');
  assert.ok(records[0]!.text.split('\n').some((l) => /Photo: Courier Staff/.test(l)));
});

test('HTML without an article element or enough text falls back to the regex extraction', () => {
  const r = htmlToRecord('<html><head><title>Short Note</title></head><body><nav>Menu</nav><div>One short line of text.</div></body></html>');
  assert.equal(r.title, 'Short Note');
  assert.equal(r.text, 'One short line of text.');
});

test('htmlToLines: one line per block, inline tags dropped, entities decoded', () => {
  assert.equal(htmlToLines('<p>A <b>bold</b>\n move.</p><ul><li>x &gt; y</li></ul>'), 'A bold move.\n\nx > y');
});

test('JSON: one object with recognized fields', () => {
  const { records, rejects } = splitRecords(
    'a/one.json',
    utf8(
      JSON.stringify({
        headline: 'Road Budget Approved',
        body: PARA,
        published: '2023-05-04',
        link: 'https://x.example/1',
        byline: 'Lena Park',
        publisher: 'Valley Courier',
      }),
    ),
  );
  assert.equal(rejects.length, 0);
  assert.deepEqual(
    { ...records[0]!, sha256: '' },
    {
      source_path: 'a/one.json',
      sha256: '',
      format: 'json',
      title: 'Road Budget Approved',
      text: PARA,
      date: '2023-05-04',
      url: 'https://x.example/1',
      author: 'Lena Park',
      outlet: 'Valley Courier',
      license: null,
      source_id: null,
      section: null,
      locale: null,
      country: null,
    },
  );
});

test('JSONL: a bad line is rejected with its line number, the others kept', () => {
  const lines = [
    JSON.stringify({ title: 'One', text: PARA }),
    '{"title": "Two", "text": ',
    '',
    JSON.stringify({ title: 'Three', text: PARA2 }),
    JSON.stringify({ title: 'No text' }),
    '[1,2]',
  ];
  const { records, rejects } = splitRecords('feed.jsonl', utf8(lines.join('\n')));
  assert.deepEqual(
    records.map((r) => [r.source_path, r.title]),
    [
      ['feed.jsonl#1', 'One'],
      ['feed.jsonl#4', 'Three'],
    ],
  );
  assert.deepEqual(
    rejects.map((r) => [r.path, r.reason]),
    [
      ['feed.jsonl#2', 'bad-json'],
      ['feed.jsonl#5', 'no-text'],
      ['feed.jsonl#6', 'bad-json'],
    ],
  );
});

test('encodings: UTF-8 BOM, UTF-16 LE and BE with BOM, Windows-1252 fallback', () => {
  const s = 'Café “quoted” – naïve';
  const bom = decode(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(s)]));
  assert.deepEqual(bom.ok && [bom.text, bom.encoding], [s, 'utf-8-bom']);
  const le = new Uint8Array(2 + s.length * 2);
  le.set([0xff, 0xfe]);
  for (let i = 0; i < s.length; i++) le.set([s.charCodeAt(i) & 0xff, s.charCodeAt(i) >> 8], 2 + i * 2);
  const d16 = decode(le);
  assert.deepEqual(d16.ok && [d16.text, d16.encoding], [s, 'utf-16le']);
  const be = new Uint8Array(le.length);
  for (let i = 0; i < le.length; i += 2) be.set([le[i + 1]!, le[i]!], i);
  const dbe = decode(be);
  assert.deepEqual(dbe.ok && dbe.text, s);
  // "Café “quoted” – naïve" in Windows-1252
  const cp = new Uint8Array([0x43, 0x61, 0x66, 0xe9, 0x20, 0x93, 0x71, 0x75, 0x6f, 0x74, 0x65, 0x64, 0x94, 0x20, 0x96, 0x20, 0x6e, 0x61, 0xef, 0x76, 0x65]);
  const d1252 = decode(cp);
  assert.deepEqual(d1252.ok && [d1252.text, d1252.encoding], [s, 'windows-1252']);
});

test('a UTF-16 text file and a Windows-1252 file become records', () => {
  const s = 'Title Here\n\n' + PARA;
  const le = new Uint8Array(2 + s.length * 2);
  le.set([0xff, 0xfe]);
  for (let i = 0; i < s.length; i++) le.set([s.charCodeAt(i) & 0xff, s.charCodeAt(i) >> 8], 2 + i * 2);
  assert.equal(splitRecords('u16.txt', le).records[0]!.text, s);
  const cp = new Uint8Array([...utf8('Title\n\nThe caf'), 0xe9, ...utf8(' opened.')]);
  assert.equal(splitRecords('w.txt', cp).records[0]!.text, 'Title\n\nThe café opened.');
});

test('binary and empty files are rejected', () => {
  assert.equal(splitRecords('img.txt', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 1])).rejects[0]!.reason, 'binary');
  assert.equal(splitRecords('e.txt', new Uint8Array()).rejects[0]!.reason, 'empty');
  assert.equal(splitRecords('x.pdfx', utf8('x')).rejects[0]!.reason, 'unsupported-type');
});

test('sanitize: NFC, control and zero-width characters removed, CRLF made LF, typographic quotes kept', () => {
  assert.equal(sanitize('Cafe\u0301 “a”\u200b b\u0007\r\nc\u00a0d\ufeff'), 'Café “a” b\nc d');
});

test('HTML: the date and author from JSON-LD when there are no meta tags', () => {
  const page = `<html><head><title>Bridge Reopens</title><script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":"Bridge Reopens","datePublished":"2022-09-01T08:00:00+02:00","author":{"@type":"Person","name":"Omar Haddad"}}</script></head>
<body><article><p>${PARA}</p><p>${PARA2}</p></article></body></html>`;
  const r = htmlToRecord(page);
  assert.equal(r.date, '2022-09-01T08:00:00+02:00');
  assert.equal(r.author, 'Omar Haddad');
});

test('HTML markup in a JSON text field is read as HTML; plain text and a lone tag stay as they are', async () => {
  const { markupText } = await import('../../pipeline/normalize/records.ts');
  // one paragraph per block, as an HTML page gives them
  assert.deepEqual(markupText('<p>The river rose by a metre.</p><p>Schools closed on <b>Monday</b> &amp; Tuesday.</p>').split('\n').filter(Boolean), [
    'The river rose by a metre.',
    'Schools closed on Monday & Tuesday.',
  ]);
  assert.equal(markupText('Plain text.\nSecond line.'), 'Plain text.\nSecond line.');
  assert.equal(markupText('The <b> tag makes text bold.'), 'The <b> tag makes text bold.');
});
