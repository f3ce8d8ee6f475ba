/**
 * HTML to an article record. The main content comes from Mozilla Readability
 * (the Firefox reader view) over a linkedom DOM; its HTML is turned into one
 * line per block element so that line-level furniture rules still apply.
 * Metadata comes from meta tags (Open Graph, article:*, Dublin Core,
 * itemprop), then JSON-LD as Readability reads it. When Readability finds
 * nothing (or too little), a regex fallback takes the article/main/body
 * element without scripts, styles, navigation, headers, footers, asides and forms.
 */
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { within } from '../parallel/budget.ts';

/** Below this many characters of Readability text, the fallback's text is used when longer. */
const MIN_READABLE_CHARS = 200;
const ENTITIES: Readonly<Record<string, string>> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  mdash: '—',
  ndash: '–',
  hellip: '…',
  lsquo: '‘',
  rsquo: '’',
  ldquo: '“',
  rdquo: '”',
  laquo: '«',
  raquo: '»',
  copy: '©',
  reg: '®',
  middot: '·',
  bull: '•',
};

export function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, e: string) => {
    if (e[0] === '#') {
      const cp = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return Number.isFinite(cp) && cp > 0 && cp <= 0x10ffff ? String.fromCodePoint(cp) : m;
    }
    return ENTITIES[e.toLowerCase()] ?? m;
  });
}

/** What an HTML page says about its article. */
export interface HtmlRecord {
  readonly title: string | null;
  readonly text: string;
  readonly date: string | null;
  readonly url: string | null;
  readonly author: string | null;
  readonly outlet: string | null;
  /** The page's licence as it states it (`<link rel="license">`, a rights meta tag, JSON-LD `license`), else null. */
  readonly license?: string | null;
  /** The page's own id for the article (JSON-LD `identifier`), else null. */
  readonly source_id?: string | null;
  /** The section or desk the page files the article under (`article:section`, JSON-LD `articleSection`), else null. */
  readonly section?: string | null;
  /** The source's locale as a language tag ("en-US": og:locale, `<html lang>`, a JSON locale field), else null: the order of numeric dates. */
  readonly locale?: string | null;
  /** The source's country as it states it (a JSON country field), else null. */
  readonly country?: string | null;
}

/** Block-level HTML to text lines (one per block), entities decoded, blank runs collapsed. Linear in the length. */
export function htmlToLines(html: string): string {
  const page = scan(html);
  const parts: string[] = [];
  for (const t of page.tokens) {
    if (t.kind !== 'text') {
      if (BLOCK_TAGS.has(t.name)) parts.push('\n');
      continue;
    }
    // a line break inside the text of a block is a space (split and trim: a regex "\s*\n\s*" is quadratic on long blank runs)
    const run = html.slice(t.start, t.end);
    parts.push(
      run.includes('\n')
        ? run
            .split('\n')
            .map((x, k, all) => (k === 0 ? x.trimEnd() : k === all.length - 1 ? x.trimStart() : x.trim()))
            .join(' ')
        : run,
    );
  }
  return decodeEntities(parts.join(''))
    .split('\n')
    .map((l) => l.replace(/[ \t]+/g, ' ').trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

const oneLine = (s: string | null | undefined): string | null => {
  const t = s ? s.replace(/\s+/g, ' ').trim() : '';
  return t === '' ? null : t;
};

/**
 * Wall time Readability may take on a page: 5 s plus 5 s per MB (it takes about 1 s per MB on flat news pages,
 * but minutes on some shapes: 1.2 MB of paragraphs inside 150 nested divs took 109 s). Over it, the linear
 * scanner's text is used instead (the page is still read, only its main content is found another way).
 */
export const readabilityBudgetMs = (chars: number): number => 5_000 + Math.ceil(chars / 200);

/**
 * An HTML page to a record: Readability's main content and metadata, with
 * the regex fallback when Readability finds nothing or too little, or goes
 * over its time budget (`readabilityMs`, default readabilityBudgetMs).
 */
export function htmlToRecord(html: string, options: { readonly readabilityMs?: number } = {}): HtmlRecord {
  const fallback = htmlToRecordRegex(html);
  let parsed: ReturnType<Readability['parse']> = null;
  if (nestingDepth(html) <= MAX_DOM_DEPTH)
    try {
      const readable = within(
        () => {
          const { document } = parseHTML(html);
          return new Readability(document as unknown as Document, { charThreshold: MIN_READABLE_CHARS }).parse();
        },
        options.readabilityMs ?? readabilityBudgetMs(html.length),
      );
      parsed = typeof readable === 'symbol' ? null : readable;
    } catch {
      parsed = null;
    }
  const text = parsed?.content ? htmlToLines(parsed.content) : '';
  const useReadable = text.length >= MIN_READABLE_CHARS || fallback.text.length === 0;
  return {
    title: fallback.metaTitle ?? oneLine(parsed?.title) ?? fallback.title,
    text: useReadable ? text : fallback.text,
    date: fallback.date ?? oneLine(parsed?.publishedTime),
    url: fallback.url,
    author: fallback.author ?? oneLine(parsed?.byline?.replace(/^by\s+/i, '')),
    outlet: fallback.outlet ?? oneLine(parsed?.siteName),
    license: fallback.license ?? null,
    source_id: fallback.source_id ?? null,
    section: fallback.section ?? null,
    locale: fallback.locale ?? null,
  };
}

/**
 * Readability's time grows faster than the square of the nesting depth
 * (250 levels 0.3 s, 1 000 levels 4.5 s, 5 000 levels minutes): deeper
 * pages go to the regex fallback. News pages nest 20 to 60 levels.
 */
export const MAX_DOM_DEPTH = 200;
/** Elements that have no end tag or whose end tag is optional (not counted as nesting). */
const NO_NEST = new Set([
  'area',
  'base',
  'br',
  'col',
  'embed',
  'hr',
  'img',
  'input',
  'link',
  'meta',
  'source',
  'track',
  'wbr',
  'p',
  'li',
  'td',
  'th',
  'tr',
  'option',
  'dt',
  'dd',
  'tbody',
  'thead',
  'colgroup',
  'rt',
  'rp',
  'optgroup',
]);

/** Deepest element nesting, from the tags alone (no DOM); a scan that stops early once over the limit. */
export function nestingDepth(html: string, limit = MAX_DOM_DEPTH): number {
  let depth = 0;
  let max = 0;
  for (const t of scan(html).tokens) {
    if (t.kind !== 'tag' || t.selfClosing || NO_NEST.has(t.name)) continue;
    if (t.closing) depth = Math.max(0, depth - 1);
    else if (++depth > max) {
      max = depth;
      if (max > limit) break;
    }
  }
  return max;
}

/**
 * The page metadata read, field by field, in order of preference (meta tags by name, property or
 * itemprop; then JSON-LD of an article-typed object). The codebook lists this table (one definition).
 */
export const HTML_METADATA = {
  title: { meta: ['og:title', 'twitter:title', 'headline', 'dc.title'], other: 'JSON-LD headline, the first `<h1>`, `<title>`' },
  date: {
    meta: [
      'article:published_time',
      'datePublished',
      'date',
      'pubdate',
      'publish-date',
      'publish_date',
      'publication_date',
      'sailthru.date',
      'parsely-pub-date',
      'dc.date',
      'dc.date.issued',
      'dcterms.created',
      'og:published_time',
    ],
    other: '`<time datetime>` with itemprop=datePublished or pubdate, JSON-LD datePublished / dateCreated',
  },
  url: { meta: ['og:url'], other: '`<link rel="canonical">`, JSON-LD url / mainEntityOfPage' },
  author: {
    meta: ['author', 'article:author', 'byl', 'dc.creator', 'parsely-author', 'sailthru.author'],
    other: 'JSON-LD author / creator (name), the byline Readability finds; a profile URL is no name',
  },
  outlet: {
    meta: ['og:site_name', 'application-name', 'publisher', 'dc.publisher'],
    other: 'JSON-LD publisher / sourceOrganization (name), the site name Readability finds',
  },
  license: {
    meta: ['license', 'dc.rights', 'dcterms.license', 'dcterms.rights', 'copyright'],
    other: '`<link rel="license">` or `<a rel="license">` (the first one\'s href), JSON-LD license / copyrightNotice',
  },
  source_id: { meta: [], other: 'JSON-LD identifier' },
  section: { meta: ['article:section', 'section', 'parsely-section', 'sailthru.section'], other: 'JSON-LD articleSection' },
  locale: { meta: ['og:locale'], other: 'the lang attribute of `<html>` (only its region tells the order of numeric dates)' },
} as const;

/** The fallback (no DOM): meta tags, then the article/main/body element's blocks as lines. Linear in the length. */
export function htmlToRecordRegex(html: string): HtmlRecord & { readonly metaTitle: string | null } {
  const page = scan(html, FALLBACK_SKIPPED);
  const tags = page.tokens.filter((t): t is TagToken => t.kind === 'tag');
  const metas = tags.filter((t) => t.name === 'meta' && !t.closing).map((t) => attributes(html, t));
  // the first meta tag of each name with a content (one pass: a page of a million meta tags stays linear)
  const byName = new Map<string, string>();
  for (const m of metas) {
    const key = (m.get('name') ?? m.get('property') ?? m.get('itemprop'))?.toLowerCase();
    const content = m.get('content');
    if (key && content && content.trim() && !byName.has(key)) byName.set(key, content);
  }
  const meta = (...names: string[]): string | null => {
    for (const name of names) {
      const content = byName.get(name.toLowerCase());
      if (content) return decodeEntities(content).trim();
    }
    return null;
  };
  const element = (name: string): string | undefined => {
    const open = tags.find((t) => t.name === name && !t.closing);
    if (!open) return undefined;
    const close = page.lower.indexOf(`</${name}>`, open.end);
    return close < 0 ? undefined : html.slice(open.end, close);
  };
  // the outermost article/main/body: from its first start tag to its last end tag
  const outer = (name: string): string | undefined => {
    const open = tags.find((t) => t.name === name && !t.closing);
    if (!open) return undefined;
    const close = page.lower.lastIndexOf(`</${name}>`);
    return close < open.end ? undefined : page.kept(open.end, close);
  };
  const body = outer('article') ?? outer('main') ?? outer('body') ?? page.kept(0, html.length);
  const text = htmlToLines(body);
  const clean = (s: string | null | undefined) => (s ? decodeEntities(textOf(s)).replace(/\s+/g, ' ').trim() || null : null);
  const attrsOf = (name: string) => tags.filter((t) => t.name === name && !t.closing).map((t) => attributes(html, t));
  const ld = jsonLd(html, page, tags);
  const M = HTML_METADATA;
  const metaTitle = meta(...M.title.meta) ?? ld.headline;
  const time = attrsOf('time')
    .find((a) => a.has('datetime') && (a.get('itemprop') === 'datePublished' || a.has('pubdate')))
    ?.get('datetime');
  const canonical = attrsOf('link')
    .find((a) => a.get('rel')?.toLowerCase() === 'canonical' && a.has('href'))
    ?.get('href');
  const licenseLink = [...attrsOf('link'), ...attrsOf('a')].find((a) => a.get('rel')?.toLowerCase() === 'license' && a.has('href'))?.get('href');
  return {
    metaTitle,
    title: metaTitle ?? clean(element('h1')) ?? clean(element('title')),
    text,
    date: meta(...M.date.meta) ?? time ?? ld.date,
    url: meta(...M.url.meta) ?? canonical ?? ld.url,
    author: authorName(meta(...M.author.meta)) ?? authorName(ld.author),
    outlet: meta(...M.outlet.meta) ?? ld.outlet,
    license: licenseLink ?? meta(...M.license.meta) ?? ld.license,
    source_id: ld.identifier,
    section: meta(...M.section.meta) ?? ld.section,
    locale: meta(...M.locale.meta) ?? attrsOf('html')[0]?.get('lang')?.trim() ?? null,
  };
}

/** What JSON-LD (schema.org NewsArticle and kin) says about the article; every field null when absent. */
export interface JsonLdFacts {
  readonly headline: string | null;
  readonly date: string | null;
  readonly url: string | null;
  readonly author: string | null;
  readonly outlet: string | null;
  readonly license: string | null;
  readonly identifier: string | null;
  readonly section: string | null;
}

const ARTICLE_TYPE = /(Article|BlogPosting|Report|NewsArticle)$/;

/** A schema.org value as one string: a string, a number, or an object's name / url / @id; the first of an array. */
function ldText(v: unknown): string | null {
  if (Array.isArray(v)) return v.map(ldText).find((x) => x !== null) ?? null;
  if (typeof v === 'string') return oneLine(decodeEntities(v));
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  if (v && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    return ldText(o['name']) ?? ldText(o['url']) ?? ldText(o['@id']);
  }
  return null;
}

/**
 * The first article-typed object of the page's `<script type="application/ld+json">`
 * blocks (also inside `@graph` or an array); a block that is not valid JSON is skipped.
 */
function jsonLd(html: string, scanned: Scanned, tags: readonly TagToken[]): JsonLdFacts {
  const none: JsonLdFacts = { headline: null, date: null, url: null, author: null, outlet: null, license: null, identifier: null, section: null };
  const objects: Record<string, unknown>[] = [];
  const visit = (v: unknown, depth: number): void => {
    if (depth > 4 || !v || typeof v !== 'object') return;
    if (Array.isArray(v)) return v.forEach((x) => visit(x, depth + 1));
    const o = v as Record<string, unknown>;
    objects.push(o);
    if (o['@graph']) visit(o['@graph'], depth + 1);
  };
  // each block's end found once, searching on from the last end (unclosed blocks on a hostile page stay linear)
  let from = 0;
  for (const t of tags) {
    if (t.name !== 'script' || t.closing || t.start < from || !/application\/ld\+json/i.test(attributes(html, t).get('type') ?? '')) continue;
    const close = scanned.lower.indexOf('</script', t.end);
    if (close < 0) break;
    from = close;
    try {
      visit(JSON.parse(html.slice(t.end, close)), 0);
    } catch {
      // not JSON: the page's other metadata still counts
    }
  }
  const isArticle = (o: Record<string, unknown>) => [o['@type']].flat().some((t) => typeof t === 'string' && ARTICLE_TYPE.test(t));
  const a = objects.find(isArticle);
  if (!a) return none;
  const page = a['mainEntityOfPage'];
  return {
    headline: ldText(a['headline']),
    date: ldText(a['datePublished']) ?? ldText(a['dateCreated']),
    url: ldText(a['url']) ?? (page && typeof page === 'object' ? ldText((page as Record<string, unknown>)['@id']) : ldText(page)),
    author: ldText(a['author']) ?? ldText(a['creator']),
    outlet: ldText(a['publisher']) ?? ldText(a['sourceOrganization']),
    license: ldText(a['license']) ?? ldText(a['copyrightNotice']),
    identifier: ldText(a['identifier']),
    section: ldText(a['articleSection']),
  };
}

/** A meta author that is a profile URL is no name. */
function authorName(s: string | null): string | null {
  if (!s || /^https?:\/\//i.test(s)) return null;
  return s.replace(/^by\s+/i, '').trim() || null;
}

// ---------- a linear-time scanner (no regex that can backtrack over the page)
//
// The regexes this replaces were quadratic on hostile pages: 2 MB of unclosed
// "<!--", "<script" or "<meta" made each start scan to the end of the page.
// Here every search moves forward only, and a search that found nothing is
// remembered, so the whole page is read a bounded number of times.

const BLOCK_TAGS = new Set([
  'p',
  'div',
  'br',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'li',
  'ul',
  'ol',
  'section',
  'article',
  'blockquote',
  'tr',
  'table',
  'figure',
  'figcaption',
  'header',
  'footer',
  'main',
  'pre',
  'dd',
  'dt',
  'hr',
]);
/** Elements whose content is never text, dropped with it (up to their first end tag, as the regexes did). */
const SKIPPED = new Set(['script', 'style', 'noscript', 'template', 'svg']);
/** The fallback also drops page furniture elements (up to their first end tag). */
const FALLBACK_SKIPPED = new Set([...SKIPPED, 'iframe', 'nav', 'header', 'footer', 'aside', 'form', 'button', 'select']);

interface TextToken {
  readonly kind: 'text';
  readonly start: number;
  readonly end: number;
}
interface TagToken {
  readonly kind: 'tag';
  readonly name: string;
  readonly closing: boolean;
  readonly selfClosing: boolean;
  /** Offsets of the whole tag, "<" to after ">". */
  readonly start: number;
  readonly end: number;
}
type Token = TextToken | TagToken;

interface Scanned {
  readonly tokens: readonly Token[];
  /** The page with ASCII letters lowercased (same offsets): for case-insensitive searches. */
  readonly lower: string;
  /** html[from, to) without its comments and skipped elements (the text that tokens cover). */
  kept(from: number, to: number): string;
}

const NAME_CHAR = /[A-Za-z0-9:_-]/;

/** Tokens of a page: text runs and tags; comments and skipped elements left out. */
function scan(html: string, skipped: ReadonlySet<string> = SKIPPED): Scanned {
  const lower = html.replace(/[A-Z]+/g, (m) => m.toLowerCase());
  const tokens: Token[] = [];
  /** Removed ranges (comments, skipped elements), in order. */
  const gaps: [number, number][] = [];
  // memoized forward searches: the next position of a needle at or after i (-1 once none is left)
  const memo = new Map<string, number>();
  const next = (needle: string, i: number): number => {
    const m = memo.get(needle);
    if (m === -1 || (m !== undefined && m >= i)) return m;
    const at = lower.indexOf(needle, i);
    memo.set(needle, at);
    return at;
  };
  let i = 0;
  let textStart = 0;
  const flushText = (to: number) => {
    if (to > textStart) tokens.push({ kind: 'text', start: textStart, end: to });
  };
  while (i < html.length) {
    const lt = next('<', i);
    if (lt < 0) break;
    if (lower.startsWith('<!--', lt)) {
      // a comment runs to "-->", or to the end of the page when unclosed (as a browser reads it)
      const close = next('-->', lt + 4);
      const end = close < 0 ? html.length : close + 3;
      flushText(lt);
      gaps.push([lt, end]);
      i = textStart = end;
      continue;
    }
    const closing = html[lt + 1] === '/';
    let j = lt + (closing ? 2 : 1);
    if (!/[A-Za-z]/.test(html[j] ?? '')) {
      i = lt + 1; // a "<" that starts no tag is text
      continue;
    }
    const nameStart = j;
    while (j < html.length && NAME_CHAR.test(html[j]!)) j++;
    const name = lower.slice(nameStart, j);
    const gt = next('>', j);
    if (gt < 0) {
      // an unclosed tag at the end of the page is dropped with the rest
      flushText(lt);
      gaps.push([lt, html.length]);
      textStart = i = html.length;
      break;
    }
    flushText(lt);
    const selfClosing = html[gt - 1] === '/';
    tokens.push({ kind: 'tag', name, closing, selfClosing, start: lt, end: gt + 1 });
    i = textStart = gt + 1;
    if (!closing && skipped.has(name)) {
      const close = next(`</${name}`, i);
      if (close >= 0) {
        const closeEnd = next('>', close);
        const end = closeEnd < 0 ? html.length : closeEnd + 1;
        gaps.push([i, end]);
        i = textStart = end;
      }
    }
  }
  flushText(html.length);
  const kept = (from: number, to: number): string => {
    const out: string[] = [];
    let at = from;
    for (const [a, b] of gaps) {
      if (b <= at) continue;
      if (a >= to) break;
      if (a > at) out.push(html.slice(at, a));
      out.push(' ');
      at = Math.max(at, b);
    }
    if (at < to) out.push(html.slice(at, to));
    return out.join('');
  };
  return { tokens, lower, kept };
}

/** The attributes of a tag (names lowercased; the first of a repeated name wins). Linear in the tag's length. */
function attributes(html: string, t: TagToken): Map<string, string> {
  const inner = html.slice(t.start + 1, t.end - 1);
  const out = new Map<string, string>();
  const re = /([^\s"'>\/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;
  re.lastIndex = inner.search(/[\s/]/) < 0 ? inner.length : inner.search(/[\s/]/);
  for (let m = re.exec(inner); m; m = re.exec(inner)) {
    const k = m[1]!.toLowerCase();
    if (!out.has(k)) out.set(k, m[2] ?? m[3] ?? m[4] ?? '');
  }
  return out;
}

/** The text of an HTML fragment, tags removed (linear). */
function textOf(fragment: string): string {
  return scan(fragment)
    .tokens.filter((t) => t.kind === 'text')
    .map((t) => fragment.slice(t.start, t.end))
    .join('');
}
