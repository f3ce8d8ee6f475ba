/**
 * Bad inputs, hand-written, in memory: each case is built beside the base
 * set; it must finish, be published or rejected with a stable reason, keep
 * quality.json adding up and leave every base article's rows unchanged
 * (see bad-inputs-support.ts).
 */
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { defaultConfig } from '../../pipeline/config.ts';
import { parseManifest } from '../../pipeline/io/read-raw.ts';
import { LONE_SURROGATE } from '../../pipeline/normalize/decode.ts';
import { runStage, type StageReport } from '../../pipeline/stage.ts';
import { normalize } from '../../pipeline/stages/01-normalize.ts';
import { deduplicate } from '../../pipeline/stages/02-deduplicate.ts';
import { extract } from '../../pipeline/stages/03-extract.ts';
import type { Extracted, RawFile } from '../../schemas/pipeline.ts';
import { BASE, baseRows, enc, expectCase, raw, record, runCase, tally, type Expect } from './bad-inputs-support.ts';

/** Deterministic pseudo-random bytes (mulberry32). */
function randomBytes(n: number, seed: number): Uint8Array {
  let a = seed >>> 0;
  const out = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    out[i] = (t ^ (t >>> 14)) & 0xff;
  }
  return out;
}
const concat = (...parts: (Uint8Array | number[])[]) => {
  const arrs = parts.map((p) => (p instanceof Uint8Array ? p : Uint8Array.from(p)));
  const out = new Uint8Array(arrs.reduce((n, a) => n + a.length, 0));
  let at = 0;
  for (const a of arrs) {
    out.set(a, at);
    at += a.length;
  }
  return out;
};
const utf16 = (s: string, le: boolean, bom: boolean) => {
  const out = new Uint8Array(s.length * 2 + (bom ? 2 : 0));
  let at = 0;
  if (bom) {
    out[0] = le ? 0xff : 0xfe;
    out[1] = le ? 0xfe : 0xff;
    at = 2;
  }
  for (let i = 0; i < s.length; i++, at += 2) {
    const c = s.charCodeAt(i);
    out[at + (le ? 0 : 1)] = c & 0xff;
    out[at + (le ? 1 : 0)] = c >> 8;
  }
  return out;
};
const PNG = concat(
  [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0],
  randomBytes(300, 1),
);
const ZIP = concat([0x50, 0x4b, 0x03, 0x04, 20, 0, 0, 0, 8, 0], enc('article.txt'), randomBytes(500, 2), [0x50, 0x4b, 0x05, 0x06]);
const GZIP = concat([0x1f, 0x8b, 8, 0], randomBytes(400, 3));
const PDF = enc('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n');

/** News-like prose, 1 MB, no newline. */
const LONG_LINE = 'The river rose again on Monday and the town council met to discuss the flood walls. '.repeat(12_500).slice(0, 1_048_576);

const ARTICLE =
  'Bridge Closed After Storm\n\nThe main bridge of the town of Kampen was closed on Sunday after a storm damaged its supports, the mayor said.\n\nEngineers will inspect it this week.';

interface Case {
  readonly name: string;
  readonly file: RawFile;
  readonly expect: Expect;
  /** Extra checks on the published article(s) or rejects. */
  readonly check?: (o: ReturnType<typeof expectCase>) => void;
  /** A known crash in a file this suite does not own. */
  readonly todo?: string;
}

const titleIs = (t: string) => (o: ReturnType<typeof expectCase>) => assert.equal(o.articles[0]!.title, t);
const textHas =
  (...parts: string[]) =>
  (o: ReturnType<typeof expectCase>) => {
    const id = o.articles[0]!.article_id;
    const text = o.built.dataset.sentences
      .filter((s) => s.article_id === id)
      .map((s) => s.text)
      .join(' ');
    for (const p of parts) assert.ok(text.includes(p), `"${p}" kept in the text: ${text.slice(0, 300)}`);
  };
const languageIs = (code: string) => (o: ReturnType<typeof expectCase>) => assert.equal(o.articles[0]!.language, code);
const all =
  (...fs: ((o: ReturnType<typeof expectCase>) => void)[]) =>
  (o: ReturnType<typeof expectCase>) =>
    fs.forEach((f) => f(o));

const NON_ENGLISH: readonly [string, string, string, string][] = [
  [
    'fr',
    'Inondations dans le sud de la France',
    "Les pluies ont provoqué des inondations dans le sud de la France et les pompiers ont évacué des centaines d'habitants, selon la préfecture.",
    'pompiers',
  ],
  [
    'es',
    'Huelga de transporte en la capital',
    'Los conductores de autobuses de la capital iniciaron una huelga por los salarios y el gobierno pidió diálogo con los sindicatos.',
    'conductores',
  ],
  [
    'de',
    'Streik bei der Bahn',
    'Die Gewerkschaft der Lokführer hat für Montag einen Streik angekündigt, und die Bahn will mit einem Notfahrplan auf die Lage reagieren.',
    'Lokführer',
  ],
  [
    'pt',
    'Chuvas fortes atingem o litoral',
    'As chuvas fortes atingiram o litoral do estado e a defesa civil disse que mais de cem famílias deixaram suas casas na região.',
    'famílias',
  ],
  [
    'it',
    'Sciopero dei treni in tutto il paese',
    'Lo sciopero dei treni ha bloccato il traffico in tutto il paese e i sindacati hanno detto che la protesta non è finita.',
    'sindacati',
  ],
  ['ru', 'Наводнение в Сибири', 'Сильные дожди вызвали наводнение в нескольких городах Сибири, сообщили местные власти в понедельник.', 'наводнение'],
  ['zh', '北京举行国际会议', '来自三十个国家的代表星期一在北京举行会议，讨论气候变化和能源合作问题。', '气候变化'],
  ['ja', '東京で大雨警報', '気象庁は月曜日、東京都内に大雨警報を発表し、住民に注意を呼びかけました。', '大雨警報'],
  ['ko', '서울에서 대규모 집회', '수천 명의 시민이 토요일 서울 도심에서 집회를 열고 정부의 정책에 항의했다.', '집회를'],
  ['hi', 'दिल्ली में भारी बारिश', 'दिल्ली में सोमवार को भारी बारिश के कारण कई सड़कों पर पानी भर गया और यातायात प्रभावित हुआ।', 'बारिश'],
  ['el', 'Πυρκαγιά κοντά στην Αθήνα', 'Μεγάλη πυρκαγιά ξέσπασε την Τρίτη κοντά στην Αθήνα και οι αρχές εκκένωσαν δύο χωριά.', 'πυρκαγιά'],
  ['th', 'น้ำท่วมในกรุงเทพ', 'ฝนตกหนักทำให้เกิดน้ำท่วมในหลายพื้นที่ของกรุงเทพเมื่อวันจันทร์ที่ผ่านมา', 'น้ำท่วม'],
  [
    'tr',
    'İstanbul da büyük bir yangın',
    'İstanbul da bir fabrikada çıkan yangın için çok sayıda itfaiye ekibi bölgeye gönderildi ve bu yangın daha büyümeden söndürüldü.',
    'itfaiye',
  ],
  ['fa', 'زلزله در شمال ایران', 'زلزله‌ای به بزرگی پنج ریشتر روز دوشنبه شمال ایران را لرزاند و به چند خانه آسیب رساند.', 'زلزله‌ای'],
];

const RTL: readonly [string, string, string, string][] = [
  ['ar', 'احتجاجات في العاصمة', 'تظاهر آلاف الأشخاص في العاصمة يوم السبت احتجاجا على ارتفاع الأسعار، وقالت الشرطة إنها اعتقلت عشرين شخصا.', 'الأسعار'],
  ['he', 'שביתה בנמל חיפה', 'עובדי נמל חיפה פתחו בשביתה ביום ראשון בעקבות מחלוקת על השכר, כך מסרה ההסתדרות.', 'בשביתה'],
];

const cases: Case[] = [
  // empty and whitespace
  { name: 'empty .txt', file: raw('bad/empty.txt', ''), expect: 'empty' },
  { name: 'empty .json', file: raw('bad/empty.json', ''), expect: 'empty' },
  { name: 'empty .jsonl', file: raw('bad/empty.jsonl', ''), expect: 'empty' },
  { name: 'empty .html', file: raw('bad/empty.html', ''), expect: 'empty' },
  { name: 'empty .md', file: raw('bad/empty.md', ''), expect: 'empty' },
  { name: 'spaces only', file: raw('bad/spaces.txt', '       '), expect: 'empty' },
  { name: 'newlines and tabs only', file: raw('bad/newlines.txt', '\n\n\t\r\n  \n'), expect: 'empty' },
  { name: 'no-break and ideographic spaces only', file: raw('bad/nbsp.txt', '\u00a0\u3000\u2003 \u202f'), expect: 'empty' },
  { name: 'zero-width characters only', file: raw('bad/zw.txt', '\u200b\u200b\ufeff\u2060'), expect: 'empty' },
  { name: 'BOM only', file: raw('bad/bom.txt', new Uint8Array([0xef, 0xbb, 0xbf])), expect: 'empty' },
  { name: 'UTF-16 BOM only', file: raw('bad/bom16.txt', new Uint8Array([0xff, 0xfe])), expect: 'empty' },
  { name: 'whitespace-only JSONL lines', file: raw('bad/blank.jsonl', '\n   \n\t\n'), expect: 'empty' },
  {
    name: 'HTML with an empty body',
    file: raw('bad/blank.html', '<!doctype html><html><head><title></title></head><body>   </body></html>'),
    expect: 'no-text',
  },
  { name: 'punctuation only', file: raw('bad/punct.txt', '... --- *** ???'), expect: ['no-text', 'empty'] },

  // binary
  { name: 'PNG image named .txt', file: raw('bad/image.txt', PNG), expect: 'binary' },
  { name: 'PNG image named .png', file: raw('bad/image.png', PNG), expect: 'unsupported-type' },
  { name: 'ZIP archive named .txt', file: raw('bad/archive.txt', ZIP), expect: 'binary' },
  { name: 'ZIP archive named .zip', file: raw('bad/archive.zip', ZIP), expect: 'unsupported-type' },
  { name: 'ZIP archive named .json', file: raw('bad/archive.json', ZIP), expect: 'binary' },
  { name: 'gzip named .jsonl', file: raw('bad/feed.jsonl', GZIP), expect: 'binary' },
  { name: 'PDF named .txt', file: raw('bad/doc.txt', PDF), expect: 'binary' },
  { name: 'PNG named .html', file: raw('bad/page.html', PNG), expect: 'binary' },
  { name: 'random bytes (4 KB)', file: raw('bad/random.txt', randomBytes(4096, 7)), expect: 'binary' },
  { name: 'random bytes (64 KB)', file: raw('bad/random-big.txt', randomBytes(65536, 8)), expect: 'binary' },
  {
    name: 'random bytes without a zero byte',
    file: raw(
      'bad/random-nz.txt',
      randomBytes(4096, 9).map((b) => b || 1),
    ),
    expect: ['binary', 'bad-encoding'],
  },
  { name: 'random bytes, no extension', file: raw('bad/README', randomBytes(2048, 10)), expect: 'binary' },
  { name: 'random bytes .md', file: raw('bad/random.md', randomBytes(2048, 11)), expect: 'binary' },
  { name: 'unknown extension .docx', file: raw('bad/letter.docx', ZIP), expect: 'unsupported-type' },
  { name: 'unknown extension .csv', file: raw('bad/table.csv', 'a,b\n1,2\n'), expect: 'unsupported-type' },
  { name: 'unknown extension .pdf', file: raw('bad/doc.pdf', PDF), expect: 'unsupported-type' },
  {
    name: 'text with a few stray NUL bytes',
    file: raw('bad/nul.txt', ARTICLE.replace('closed', 'clo\u0000sed').replace('storm', 'st\u0000orm')),
    expect: 'published',
    check: textHas('closed on Sunday', 'storm'),
  },

  // encodings
  {
    name: 'invalid UTF-8 (lone continuation bytes) falls back to Windows-1252',
    file: raw(
      'bad/latin.txt',
      concat(
        enc('Caf'),
        [0xe9],
        enc(' Owners Protest New Rule\n\nThe owners of the caf'),
        [0xe9],
        enc('s in the old town protested on Monday against a new rule on terraces.'),
      ),
    ),
    expect: 'published',
    check: textHas('cafés'),
  },
  {
    name: 'Windows-1252 curly quotes and dashes',
    file: raw(
      'bad/cp1252.txt',
      concat(enc('Port Reopens\n\n'), [0x93], enc('We are open again,'), [0x94], enc(' the harbour master said '), [0x96], enc(' after a week.')),
    ),
    expect: 'published',
    check: textHas('“We are open again,”', '–'),
  },
  {
    name: 'truncated UTF-8 sequence at the end',
    file: raw('bad/trunc.txt', concat(enc(ARTICLE), [0xe2, 0x82])),
    expect: 'published',
    check: textHas('supports'),
  },
  { name: 'overlong UTF-8 encodings', file: raw('bad/overlong.txt', concat(enc(ARTICLE), [0xc0, 0xaf, 0xe0, 0x80, 0xaf])), expect: 'published' },
  { name: 'UTF-8 surrogate bytes (CESU)', file: raw('bad/cesu.txt', concat(enc(ARTICLE), [0xed, 0xa0, 0x80])), expect: 'published' },
  {
    name: 'UTF-8 BOM followed by invalid bytes',
    file: raw('bad/bom-bad.txt', concat([0xef, 0xbb, 0xbf], enc('Title\n\nText '), [0xff, 0xfe, 0xfd])),
    expect: 'bad-encoding',
  },
  { name: 'UTF-8 BOM', file: raw('bad/bom8.txt', concat([0xef, 0xbb, 0xbf], enc(ARTICLE))), expect: 'published', check: titleIs('Bridge Closed After Storm') },
  {
    name: 'UTF-16 LE with BOM',
    file: raw('bad/u16le-bom.txt', utf16(ARTICLE, true, true)),
    expect: 'published',
    check: all(titleIs('Bridge Closed After Storm'), textHas('Kampen')),
  },
  {
    name: 'UTF-16 BE with BOM',
    file: raw('bad/u16be-bom.txt', utf16(ARTICLE, false, true)),
    expect: 'published',
    check: all(titleIs('Bridge Closed After Storm'), textHas('Kampen')),
  },
  {
    name: 'UTF-16 LE without BOM',
    file: raw('bad/u16le.txt', utf16(ARTICLE, true, false)),
    expect: 'published',
    check: all(titleIs('Bridge Closed After Storm'), textHas('Kampen')),
  },
  {
    name: 'UTF-16 BE without BOM',
    file: raw('bad/u16be.txt', utf16(ARTICLE, false, false)),
    expect: 'published',
    check: all(titleIs('Bridge Closed After Storm'), textHas('Kampen')),
  },
  {
    name: 'UTF-16 LE without BOM, Cyrillic',
    file: raw('bad/u16le-ru.txt', utf16(`${NON_ENGLISH[5]![1]}\n\n${NON_ENGLISH[5]![2]}`, true, false)),
    expect: 'published',
    check: all(languageIs('ru'), textHas(NON_ENGLISH[5]![3])),
  },
  {
    name: 'UTF-16 BE without BOM, Chinese',
    file: raw('bad/u16be-zh.txt', utf16(`${NON_ENGLISH[6]![1]}\n\n${NON_ENGLISH[6]![2]}`, false, false)),
    expect: 'published',
    check: all(languageIs('zh'), textHas(NON_ENGLISH[6]![3])),
  },
  {
    name: 'UTF-16 LE with BOM, JSON',
    file: raw(
      'bad/u16.json',
      utf16(JSON.stringify({ title: 'Dam Repaired', text: 'Workers repaired the dam on the river Vah on Friday, the water authority said.' }), true, true),
    ),
    expect: 'published',
    check: titleIs('Dam Repaired'),
  },
  { name: 'UTF-16 odd number of bytes', file: raw('bad/u16-odd.txt', concat(utf16(ARTICLE, true, false), [0x41])), expect: ['binary', 'bad-encoding'] },
  {
    name: 'UTF-16 LE with BOM and a lone surrogate',
    file: raw('bad/u16-lone.txt', concat(utf16(ARTICLE, true, true), [0x00, 0xd8])),
    expect: 'published',
    check: textHas('Kampen'),
  },

  // sizes and long lines
  { name: 'a 100 KB line with no newline', file: raw('bad/line-100k.txt', `Long Line\n\n${LONG_LINE.slice(0, 100_000)}`), expect: 'published' },
  {
    name: 'a 1 MB line with no newline and no spaces',
    file: raw('bad/long-token.txt', `Long Token\n\n${'x'.repeat(1_048_576)}`),
    expect: ['published', 'no-text'],
  },
  { name: 'a 300 KB title line', file: raw('bad/long-title.txt', `${'Headline words '.repeat(20_000)}\n\nThe committee met on Monday.`), expect: 'published' },
  { name: '100 000 short lines', file: raw('bad/many-lines.txt', `Many Lines\n\n${'The vote was held.\n'.repeat(100_000)}`), expect: 'published' },
  {
    // each "A." a sentence of its own: the rows follow the sentences, and nothing else may grow faster
    // (this shape cost 1.6 GB at 633,000 repeats before sentences were made in windows)
    name: '"A. " repeated 100 000 times: every one-letter sentence kept',
    file: raw('bad/initials.txt', `Initials\n\n${'A. '.repeat(100_000)}`),
    expect: 'published',
    check: (o) => {
      const id = o.articles[0]!.article_id;
      assert.ok(o.built.dataset.sentences.filter((x) => x.article_id === id).length >= 100_000);
    },
  },
  {
    name: 'a 200 KB JSONL line',
    file: raw('bad/big-line.jsonl', `${JSON.stringify({ title: 'Big Record', text: 'The port handled more cargo this year than last. '.repeat(4000) })}\n`),
    expect: 'published',
  },
  { name: 'over max-bytes (option): rejected, not truncated', file: raw('bad/over-bytes.txt', `${ARTICLE}\n\n`.repeat(20)), expect: 'too-large' },
  { name: 'CRLF line ends', file: raw('bad/crlf.txt', ARTICLE.replace(/\n/g, '\r\n')), expect: 'published', check: titleIs('Bridge Closed After Storm') },
  { name: 'CR-only line ends', file: raw('bad/cr.txt', ARTICLE.replace(/\n/g, '\r')), expect: 'published', check: titleIs('Bridge Closed After Storm') },
  {
    name: 'Unicode line and paragraph separators',
    file: raw('bad/lsep.txt', ARTICLE.replace(/\n\n/g, '\u2029')),
    expect: 'published',
    check: titleIs('Bridge Closed After Storm'),
  },
  { name: 'a title only', file: raw('bad/title-only.txt', 'Just A Headline'), expect: ['published', 'no-text'] },

  // HTML
  {
    name: 'HTML full of scripts around a short article',
    file: raw(
      'bad/scripts.html',
      `<html><head><title>Dam Opens</title>${'<script>var x = "The dam opened on Monday"; alert(1);</script>'.repeat(200)}</head><body><script>document.write("<p>Injected text</p>")</script><article><p>The new dam on the river opened on Monday, the energy ministry said.</p><script>track()</script><p>It will supply power to 20,000 homes.</p></article><style>p{color:red}</style></body></html>`,
    ),
    expect: 'published',
    check: (o) => {
      textHas('dam on the river')(o);
      const id = o.articles[0]!.article_id;
      assert.ok(!o.built.dataset.sentences.some((s) => s.article_id === id && /alert|track\(|document\.write|Injected/.test(s.text)), 'no script text');
    },
  },
  {
    name: 'HTML with only scripts and styles',
    file: raw(
      'bad/only-scripts.html',
      `<html><body>${'<script>var a = 1; console.log("news text that is code");</script><style>.x{}</style>'.repeat(100)}</body></html>`,
    ),
    expect: 'no-text',
  },
  {
    name: 'HTML with an unclosed script',
    file: raw('bad/unclosed-script.html', '<html><body><p>The market reopened on Tuesday after the fire, traders said.</p><script>var s = "<p>never closed'),
    expect: ['published', 'no-text'],
  },
  {
    name: 'HTML with unclosed tags',
    file: raw(
      'bad/unclosed.html',
      '<html><body><div><p>The school reopened on Tuesday after repairs, the head teacher said.<p>Pupils returned to class.<div><span>',
    ),
    expect: 'published',
    check: textHas('school reopened'),
  },
  {
    name: 'HTML nested 5 000 divs deep',
    file: raw(
      'bad/deep.html',
      `<html><body>${'<div>'.repeat(5000)}<p>The ferry service resumed on Monday, the operator said.</p>${'</div>'.repeat(5000)}</body></html>`,
    ),
    expect: ['published', 'no-text'],
  },
  {
    name: 'HTML entities for controls, surrogates and zero-width',
    file: raw(
      'bad/entities.html',
      '<html><head><title>Plant &#1;Closes&#8203;</title></head><body><article><p>The car plant in the town closed on Friday&#xD800; after &#0;forty years &#x1F600; &#99999999; &bogus;, the company said.</p></article></body></html>',
    ),
    expect: 'published',
    check: (o) => {
      const id = o.articles[0]!.article_id;
      for (const s of o.built.dataset.sentences.filter((x) => x.article_id === id))
        assert.ok(s.text.match(LONE_SURROGATE) === null && !/[\u0000-\u0008\u200b]/.test(s.text), JSON.stringify(s.text));
      assert.ok(!/[\u0001\u200b]/.test(o.articles[0]!.title));
    },
  },
  {
    name: 'HTML meta date that is not a date',
    file: raw(
      'bad/meta-date.html',
      '<html><head><meta property="article:published_time" content="yesterday-ish"><title>Road Works</title></head><body><p>Road works on the main street began on Monday, the council said.</p></body></html>',
    ),
    expect: 'published',
  },
  {
    name: 'XHTML with CDATA and processing instructions',
    file: raw(
      'bad/page.xhtml',
      '<?xml version="1.0"?><html xmlns="http://www.w3.org/1999/xhtml"><body><![CDATA[ raw ]]><p>The zoo welcomed two new elephants on Sunday, the keepers said.</p></body></html>',
    ),
    expect: 'published',
  },
  {
    name: 'text file that is really HTML',
    file: raw('bad/page.txt', '<html><body><p>The market reopened.</p></body></html>'),
    expect: ['published', 'no-text'],
  },

  // JSON
  { name: 'malformed JSON (trailing comma)', file: raw('bad/comma.json', '{"title": "A", "text": "B",}'), expect: 'bad-json' },
  { name: 'malformed JSON (single quotes)', file: raw('bad/quotes.json', "{'title': 'A', 'text': 'B'}"), expect: 'bad-json' },
  { name: 'malformed JSON (truncated)', file: raw('bad/trunc.json', '{"title": "Storm", "text": "The storm hit the coast on'), expect: 'bad-json' },
  { name: 'JSON with comments', file: raw('bad/comments.json', '// a feed\n{"title": "A", "text": "B"}'), expect: 'bad-json' },
  {
    name: 'JSON that is an array of articles',
    file: raw('bad/array.json', JSON.stringify([{ title: 'A', text: 'The council met on Monday.' }])),
    expect: 'bad-json',
  },
  { name: 'JSON that is an empty array', file: raw('bad/empty-array.json', '[]'), expect: 'bad-json' },
  { name: 'JSON that is a number', file: raw('bad/number.json', '42'), expect: 'bad-json' },
  { name: 'JSON that is 1e309', file: raw('bad/huge-number.json', '1e309'), expect: 'bad-json' },
  { name: 'JSON that is a string', file: raw('bad/string.json', '"The council met on Monday."'), expect: 'bad-json' },
  { name: 'JSON that is null', file: raw('bad/null.json', 'null'), expect: 'bad-json' },
  { name: 'JSON that is true', file: raw('bad/true.json', 'true'), expect: 'bad-json' },
  { name: 'JSON object without text', file: raw('bad/no-text.json', '{"title": "Only a title"}'), expect: 'no-text' },
  { name: 'JSON object with a numeric text', file: raw('bad/num-text.json', '{"title": "T", "text": 12345}'), expect: 'no-text' },
  { name: 'JSON object with an object as text', file: raw('bad/obj-text.json', '{"title": "T", "text": {"p": "x"}}'), expect: 'no-text' },
  { name: 'JSON object with blank text', file: raw('bad/blank-text.json', '{"title": "T", "text": "   \\n  "}'), expect: 'no-text' },
  {
    name: 'JSON with a lone surrogate escape',
    file: raw(
      'bad/surrogate.json',
      '{"title": "Storm \\ud800 Warning", "text": "A storm warning was issued on Monday \\udc00 for the coast, the weather office said."}',
    ),
    expect: 'published',
    check: (o) => {
      assert.ok(o.articles[0]!.title.match(LONE_SURROGATE) === null);
      const id = o.articles[0]!.article_id;
      for (const s of o.built.dataset.sentences.filter((x) => x.article_id === id)) assert.ok(s.text.match(LONE_SURROGATE) === null);
    },
  },
  {
    name: 'JSON with non-string metadata',
    file: raw(
      'bad/meta-types.json',
      JSON.stringify({ title: 7, text: 'The library reopened on Friday, the city said.', date: 20240101, url: ['x'], author: { name: 'A' } }),
    ),
    expect: 'published',
  },
  {
    name: 'JSON with a date that is not a date',
    file: raw('bad/bad-date.json', JSON.stringify({ title: 'Market Day', text: 'The market opened on Friday, the city said.', date: '2024-02-31' })),
    expect: 'published',
    check: (o) => assert.equal(o.articles[0]!.published_date, null),
  },
  { name: 'JSON nested 100 000 deep', file: raw('bad/deep.json', `${'['.repeat(100_000)}${']'.repeat(100_000)}`), expect: 'bad-json' },
  {
    name: 'JSON with a duplicate key',
    file: raw('bad/dupkey.json', '{"text": "first", "text": "The mill closed on Friday, the owners said."}'),
    expect: 'published',
    check: textHas('mill closed'),
  },
  {
    name: 'JSON with a __proto__ key',
    file: raw(
      'bad/proto.json',
      '{"__proto__": {"text": "polluted"}, "title": "Fair Opens", "text": "The county fair opened on Saturday, the organisers said."}',
    ),
    expect: 'published',
    check: textHas('county fair'),
  },

  // JSONL
  {
    name: 'JSONL with a bad line in the middle',
    file: raw(
      'bad/mixed.jsonl',
      `${JSON.stringify({ title: 'Pier Reopens', text: 'The pier reopened on Monday after repairs, the harbour office said.' })}\n{not json}\n${JSON.stringify({ title: 'Ferry Delayed', text: 'The morning ferry was delayed by fog on Tuesday, the operator said.' })}\n`,
    ),
    expect: 'either',
    check: (o) => {
      assert.deepEqual(
        o.rejects.map((r) => [r.path, r.reason]),
        [['bad/mixed.jsonl#2', 'bad-json']],
      );
      assert.deepEqual(o.articles.map((a) => a.source_path).sort(), ['bad/mixed.jsonl#1', 'bad/mixed.jsonl#3']);
    },
  },
  {
    name: 'JSONL whose lines are arrays, numbers, strings and null',
    file: raw(
      'bad/types.jsonl',
      `[1,2]\n42\n"text"\nnull\n${JSON.stringify({ title: 'Good', text: 'The museum opened a new wing on Sunday, the director said.' })}\n`,
    ),
    expect: 'either',
    check: (o) => {
      assert.deepEqual(
        o.rejects.map((r) => `${r.path}:${r.reason}`),
        ['bad/types.jsonl#1:bad-json', 'bad/types.jsonl#2:bad-json', 'bad/types.jsonl#3:bad-json', 'bad/types.jsonl#4:bad-json'],
      );
      assert.deepEqual(
        o.articles.map((a) => a.source_path),
        ['bad/types.jsonl#5'],
      );
    },
  },
  { name: 'JSONL with every line bad', file: raw('bad/all-bad.jsonl', '{\n}\n{"a":\n'), expect: 'bad-json', check: (o) => assert.equal(o.rejects.length, 3) },
  {
    name: 'JSONL with CRLF, a BOM and blank lines',
    file: raw(
      'bad/crlf.jsonl',
      `\ufeff${JSON.stringify({ title: 'One', text: 'The first bus line opened on Monday, the city said.' })}\r\n\r\n${JSON.stringify({ title: 'Two', text: 'The second bus line opened on Tuesday, the city said.' })}\r\n`,
    ),
    expect: 'published',
    check: (o) => assert.deepEqual(o.articles.map((a) => a.source_path).sort(), ['bad/crlf.jsonl#1', 'bad/crlf.jsonl#3']),
  },
  {
    name: 'JSONL with a line that has no text',
    file: raw('bad/notext.jsonl', `{"title":"x"}\n${JSON.stringify({ title: 'Good', text: 'The new hospital wing opened on Monday, officials said.' })}\n`),
    expect: 'either',
    check: (o) => {
      assert.deepEqual(
        o.rejects.map((r) => `${r.path}:${r.reason}`),
        ['bad/notext.jsonl#1:no-text'],
      );
      assert.equal(o.articles.length, 1);
    },
  },
  {
    name: 'JSONL pretty-printed over several lines',
    file: raw('bad/pretty.jsonl', JSON.stringify({ title: 'A', text: 'The council met on Monday.' }, null, 2)),
    expect: 'bad-json',
  },
  {
    name: 'JSONL with a binary line',
    file: raw(
      'bad/binline.jsonl',
      concat(
        enc(`${JSON.stringify({ title: 'Good', text: 'The tunnel opened to traffic on Friday, the ministry said.' })}\n`),
        randomBytes(200, 12).map((b) => (b === 10 || b === 0 ? 32 : b)),
        enc('\n'),
      ),
    ),
    expect: 'either',
    check: (o) => assert.ok(o.rejects.length + o.articles.length >= 1),
  },
  {
    name: '.ndjson with one line and no final newline',
    file: raw('bad/one.ndjson', JSON.stringify({ headline: 'Bridge Tolls Rise', body: 'Tolls on the bridge will rise next month, the operator said.' })),
    expect: 'published',
    check: titleIs('Bridge Tolls Rise'),
  },

  // control, zero-width, emoji, formulas, numbers
  {
    name: 'zero-width characters inside words',
    file: raw('bad/zw-inside.txt', 'Fl\u200bood Wa\u200brning Issued\n\nThe wea\u200bther office issued a flood warning for the valley on Monday.'),
    expect: 'published',
    check: all(titleIs('Flood Warning Issued'), textHas('weather office')),
  },
  {
    name: 'control characters (bell, escape, backspace)',
    file: raw('bad/ctrl.txt', 'Train\u0007 Delayed\n\nThe \u001b[31mmorning train\u001b[0m was delayed by snow on Monday, the railway said.\u0008'),
    expect: 'published',
    check: (o) => {
      const t = o.built.dataset.sentences
        .filter((s) => s.article_id === o.articles[0]!.article_id)
        .map((s) => s.text)
        .join(' ');
      assert.ok(!/[\u0000-\u0008\u001b]/.test(t + o.articles[0]!.title));
    },
  },
  {
    name: 'C1 control characters',
    file: raw('bad/c1.txt', 'Mine Closes\u0085\n\nThe copper mine\u0090 closed on Friday, the company said.\u009b'),
    expect: 'published',
  },
  {
    name: 'bidi embedding and override marks',
    file: raw('bad/bidi.txt', 'Port \u202eStrike\u202c Ends\n\nThe \u202astrike\u202c at the port ended on Monday, the union said.'),
    expect: 'published',
    check: titleIs('Port Strike Ends'),
  },
  {
    name: 'emoji in title and text',
    file: raw(
      'bad/emoji.txt',
      'Festival Opens 🎉🎶\n\nThe music festival opened on Friday 🎸 with 30 bands, the organisers said 👍.\n\nA family 👨‍👩‍👧 and a flag 🇫🇷 and a skin tone 👋🏽 were there.',
    ),
    expect: 'published',
    check: all(titleIs('Festival Opens 🎉🎶'), textHas('👨‍👩‍👧', '🇫🇷', '👋🏽')),
  },
  { name: 'emoji only', file: raw('bad/emoji-only.txt', '🎉🎉🎉\n\n👍👍👍 🔥🔥'), expect: ['published', 'no-text'] },
  {
    name: 'combining characters (NFD)',
    file: raw('bad/nfd.txt', 'Cafe\u0301 Owners Protest\n\nThe cafe\u0301 owners protested on Monday.'),
    expect: 'published',
    check: titleIs('Café Owners Protest'),
  },
  {
    name: 'private-use and noncharacters',
    file: raw('bad/pua.txt', 'Clinic Opens\uE000\n\nThe new clinic opened on Monday\uFFFF, the health office said.\uFDD0'),
    expect: 'published',
  },
  {
    name: 'replacement characters',
    file: raw('bad/fffd.txt', 'Clinic \ufffd Opens\n\nThe new clinic \ufffd\ufffd opened on Monday, the health office said.'),
    expect: 'published',
  },
  ...(['=', '+', '-', '@'] as const).flatMap((c): Case[] => [
    {
      name: `title starting with ${c}`,
      file: raw(
        `bad/formula-${'=+-@'.indexOf(c)}.txt`,
        `${c}SUM(A1:A9) Rally Draws Crowds\n\nA rally in the main square drew crowds on Saturday, the police said.`,
      ),
      expect: 'published',
      check: titleIs(`${c}SUM(A1:A9) Rally Draws Crowds`),
    },
    {
      name: `JSON title starting with ${c}`,
      file: raw(
        `bad/formula-${'=+-@'.indexOf(c)}.json`,
        JSON.stringify({ title: `${c}cmd|' /C calc'!A0`, text: `${c}HYPERLINK("http://x") the market fell on Monday, traders said.` }),
      ),
      expect: 'published',
      check: titleIs(`${c}cmd|' /C calc'!A0`),
    },
  ]),
  {
    name: 'numbers like 1e309 and 10^30 in text',
    file: raw(
      'bad/numbers.txt',
      'Debt Figures Questioned\n\nThe report put the debt at 1e309 dollars and 10^30 euros, while 99999999999999999999999 people and 1.7976931348623157e308 tonnes were cited, the auditor said.',
    ),
    expect: 'published',
  },
  {
    name: 'huge spelled-out numbers',
    file: raw(
      'bad/bignum-words.txt',
      'Big Numbers\n\nOfficials said 900 quadrillion dollars, 10 septillion euros and a googol of coins were counted, the bank said.',
    ),
    expect: 'published',
  },
  {
    name: 'numbers with many digits and separators',
    file: raw(
      'bad/digits.txt',
      `Counts Released\n\nThe agency said ${'9'.repeat(400)} people and 1,000,000,000,000,000,000,000,000,000,000 dollars and 0.${'0'.repeat(400)}1 percent were affected.`,
    ),
    expect: 'published',
  },
  {
    name: 'negative, NaN and Infinity words',
    file: raw(
      'bad/nan.txt',
      'Values Reported\n\nThe index stood at NaN on Monday and Infinity on Tuesday, and -Infinity people were counted, the office said.',
    ),
    expect: 'published',
  },
  {
    name: 'dates out of range',
    file: raw(
      'bad/dates.txt',
      'Old Dates\n\nThe treaty of 31 February 2024, the year 0000 and 99999-01-01 and 10000 BC were cited on Monday, 32 March, the historian said.',
    ),
    expect: 'published',
  },

  // languages, RTL
  ...NON_ENGLISH.map(([code, title, body, word]): Case => ({
    name: `non-English text (${code})`,
    file: raw(`bad/lang-${code}.txt`, `${title}\n\n${body}`),
    expect: 'published',
    check: all(titleIs(title), textHas(word), code === 'fa' ? () => {} : languageIs(code)),
  })),
  ...RTL.map(([code, title, body, word]): Case => ({
    name: `right-to-left text (${code})`,
    file: raw(`bad/rtl-${code}.txt`, `${title}\n\n${body}`),
    expect: 'published',
    check: all(titleIs(title), textHas(word), languageIs(code)),
  })),
  {
    name: 'right-to-left text with direction marks',
    file: raw('bad/rtl-marks.txt', `\u200f${RTL[0]![1]}\u200f\n\n\u200f${RTL[0]![2]} \u200e2024\u200e`),
    expect: 'published',
    check: all(textHas(RTL[0]![3]), languageIs('ar')),
  },
  {
    name: 'mixed right-to-left and English',
    file: raw('bad/rtl-mixed.txt', `Protest in ${RTL[0]![1]}\n\nThousands protested on Saturday, police said: "${RTL[0]![2]}"`),
    expect: 'published',
    check: textHas(RTL[0]![3]),
  },
  {
    name: 'Persian with zero-width non-joiner kept',
    file: raw('bad/zwnj.txt', 'می‌روم به خانه\n\nمن هر روز ساعت پنج به خانه می‌روم و آنجا کتاب می‌خوانم.'),
    expect: 'published',
    check: textHas('می\u200cروم'),
  },
];

describe('bad inputs (in memory, beside the base set)', () => {
  it('the base set builds alone', () => {
    const b = baseRows();
    assert.equal(b.sources.size, 5, 'four base files, one of them JSONL with two records');
  });

  for (const c of cases) {
    const config = c.name.startsWith('over max-bytes') ? { ...defaultConfig, maxBytes: 2000 } : defaultConfig;
    it(c.name, c.todo ? { todo: c.todo } : {}, () => {
      const o = expectCase(c.file, c.expect, config);
      record(o);
      c.check?.(o);
    });
  }

  it('a 1 MB line with no newline: normalized (sentences in windows), deduplicated and extracted', () => {
    const file = raw('bad/long-line.txt', `Long Line\n\n${LONG_LINE}`);
    const all = [...BASE, file];
    let data: unknown = { files: all, manifest: [] };
    const reports: StageReport[] = [];
    for (const stage of [normalize, deduplicate, extract] as const) {
      const r = runStage(stage as Parameters<typeof runStage>[0], data, defaultConfig);
      reports.push(r.report);
      data = r.data;
    }
    for (const r of reports.slice(0, 2)) assert.equal(r.read, r.written + r.rejected, r.stage);
    const doc = (data as Extracted).documents.find((d) => d.article.source_path === 'bad/long-line.txt')!;
    assert.ok(doc.sentences.length > 12_000, `${doc.sentences.length} sentences`);
    assert.equal(doc.sentences.at(-1)!.char_end, doc.text.length, 'the whole line is covered, nothing truncated');
    tally.cases++;
    tally.published++;
  });

  it('a 1 MB line with no newline through cross-reference: every mention kept, one repeated happening is one event', () => {
    // the cost of cross-referencing one article's mentions is linear in their number (see DateBounds and
    // SpanSet): this build took 37 s when each merge compared all members of the growing event
    const o = expectCase(raw('bad/long-line.txt', `Long Line\n\n${LONG_LINE}`), 'published');
    const id = o.articles[0]!.article_id;
    const mentions = o.built.dataset.event_mentions.filter((m) => m.article_id === id);
    assert.ok(mentions.length > 12_000, `${mentions.length} event mentions`);
    assert.equal(new Set(mentions.map((m) => m.event_id)).size, 1, 'one meeting told 12 500 times on one Monday is one event');
  });

  it('limits: --max-chars rejects an over-long article as too-large and never truncates it', () => {
    const long = raw('bad/long.txt', `Long Report\n\n${'The board met again on Monday to review the plan. '.repeat(100)}`);
    const o = expectCase(long, 'too-large', { ...defaultConfig, maxChars: 1000 });
    record(o);
    assert.match(o.rejects[0]!.message, /over the limit of 1000/);
    // the same article under a higher limit is published whole
    const ok = expectCase(long, 'published', { ...defaultConfig, maxChars: 10_000 });
    assert.ok(ok.articles[0]!.word_count > 900);
  });

  it('limits: a JSONL line over --max-chars is rejected alone as path#N', () => {
    const feed = raw(
      'bad/limits.jsonl',
      [
        JSON.stringify({ title: 'Short', text: 'The ferry sailed on time on Monday, the operator said.' }),
        JSON.stringify({ title: 'Long', text: 'The council debated the budget again on Monday. '.repeat(60) }),
      ].join('\n'),
    );
    const o = runCase([feed], { ...defaultConfig, maxChars: 1000 });
    record(o);
    assert.deepEqual(
      o.rejects.map((r) => `${r.path}:${r.reason}`),
      ['bad/limits.jsonl#2:too-large'],
    );
    assert.deepEqual(
      o.articles.map((a) => a.source_path),
      ['bad/limits.jsonl#1'],
    );
  });

  it('limits: a file over --max-bytes is rejected with its size, whatever its content', () => {
    const f: RawFile = { path: 'bad/big.txt', size: 50 * 1024 * 1024, bytes: null, read_error: null };
    const o = expectCase(f, 'too-large');
    record(o);
    assert.match(o.rejects[0]!.message, /52428800 bytes is over the limit of 20971520/);
  });

  it('an unreadable file (read error) is rejected as unreadable', () => {
    const o = expectCase({ path: 'bad/locked.txt', size: 0, bytes: null, read_error: 'cannot read: EACCES' }, 'unreadable');
    record(o);
    assert.match(o.rejects[0]!.message, /EACCES/);
  });

  it('several bad inputs at once: each accounted for, base unchanged', () => {
    const o = runCase(cases.filter((c) => !c.todo && !c.name.startsWith('over max-bytes') && !c.name.startsWith('a 100 KB')).map((c) => c.file));
    assert.ok(o.rejects.length > 40 && o.articles.length > 30);
  });

  it('manifest.csv with bad rows: bad rows reported and skipped, good rows applied', () => {
    const csv = [
      'file,url,outlet,published_date,author,license',
      'bad/m1.txt,https://example.org/a,Valley News,2024-05-01,Jo Kim,CC-BY',
      ',https://example.org/nofile,X,2024-05-01,,',
      'bad/m2.txt,,Y,2024-13-45,,',
      'bad/m4.txt,,,not a date,,',
      'only-one-column',
      '"bad/m5.txt",,"=HYPERLINK(""x"")",2024-06-01,@me,',
      '\u0000\u0001,,,,,',
      'bad/m6.txt,a,b,c,d,e,f,g',
      'bad/m3.txt,,"unclosed,2024-01-01,,',
      'bad/m7.txt,,Z,2024-01-01,,',
    ].join('\n');
    const { manifest, issues } = parseManifest(csv);
    assert.ok(issues.length >= 5, `bad rows reported: ${issues.map((i) => i.message).join(' | ')}`);
    assert.ok(issues.every((i) => i.code === 'manifest-bad-row'));
    assert.ok(manifest.some((m) => m.file === 'bad/m1.txt' && m.outlet === 'Valley News'));
    const files = ['m1', 'm5'].map((n) => raw(`bad/${n}.txt`, `Story ${n}\n\nThe harbour in the town was dredged on Monday, the council said, in story ${n}.`));
    const o = runCase(files, defaultConfig, manifest);
    record(o);
    const m1 = o.articles.find((a) => a.source_path === 'bad/m1.txt')!;
    assert.equal(m1.outlet, 'Valley News');
    assert.equal(m1.published_date, '2024-05-01');
    const m5 = o.articles.find((a) => a.source_path === 'bad/m5.txt')!;
    assert.equal(m5.outlet, '=HYPERLINK("x")');
  });

  it('manifest.csv that is binary or empty gives no rows and no crash', () => {
    for (const text of ['', '\u0000\u0001\u0002', 'file\n', '\ufeff', 'a,b,c\n1,2,3\n']) {
      const { manifest } = parseManifest(text);
      assert.ok(Array.isArray(manifest));
    }
  });

  after(() => {
    process.stderr.write(
      `bad-inputs (in memory): ${tally.cases} cases, ${tally.published} with an article, rejects by reason ${JSON.stringify(tally.reasons)}\n`,
    );
  });
});
