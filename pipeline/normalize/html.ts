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

/** Below this many characters of Readability text, the fallback's text is used when longer. */
const MIN_READABLE_CHARS = 200;
const ENTITIES: Readonly<Record<string, string>> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', mdash: '—', ndash: '–', hellip: '…',
  lsquo: '‘', rsquo: '’', ldquo: '“', rdquo: '”', laquo: '«', raquo: '»', copy: '©', reg: '®', middot: '·', bull: '•',
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

function meta(html: string, ...names: string[]): string | null {
  for (const name of names) {
    const re = new RegExp(`<meta[^>]+(?:name|property|itemprop)=["']${name.replace(/[.:]/g, '\\$&')}["'][^>]*>`, 'i');
    const tag = re.exec(html)?.[0];
    const content = tag && /content=["']([^"']*)["']/i.exec(tag)?.[1];
    if (content && content.trim()) return decodeEntities(content).trim();
  }
  return null;
}

const BLOCK = /<\/?(p|div|br|h[1-6]|li|ul|ol|section|article|blockquote|tr|table|figure|figcaption|header|footer|main|pre|dd|dt|hr)\b[^>]*>/gi;

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
}

/** Block-level HTML to text lines (one per block), entities decoded, blank runs collapsed. */
export function htmlToLines(html: string): string {
  return decodeEntities(
    html
      .replace(/<!--[\s\S]*?-->/g, ' ')
      .replace(/<(script|style|noscript|template|svg)\b[\s\S]*?<\/\1\s*>/gi, ' ')
      .replace(/\s*\n\s*/g, ' ')
      .replace(BLOCK, '\n')
      .replace(/<[^>]+>/g, ''),
  )
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
 * An HTML page to a record: Readability's main content and metadata, with
 * the regex fallback when Readability finds nothing or too little.
 */
export function htmlToRecord(html: string): HtmlRecord {
  const fallback = htmlToRecordRegex(html);
  let parsed: ReturnType<Readability['parse']> = null;
  if (nestingDepth(html) <= MAX_DOM_DEPTH) try {
    const { document } = parseHTML(html);
    parsed = new Readability(document as unknown as Document, { charThreshold: MIN_READABLE_CHARS }).parse();
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
  };
}

/**
 * Readability's time grows faster than the square of the nesting depth
 * (250 levels 0.3 s, 1 000 levels 4.5 s, 5 000 levels minutes): deeper
 * pages go to the regex fallback. News pages nest 20 to 60 levels.
 */
export const MAX_DOM_DEPTH = 200;
/** Elements that have no end tag or whose end tag is optional (not counted as nesting). */
const NO_NEST = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr', 'p', 'li', 'td', 'th', 'tr', 'option', 'dt', 'dd', 'tbody', 'thead', 'colgroup', 'rt', 'rp', 'optgroup']);
const TAG = /<(\/?)([a-zA-Z][\w:-]*)\b[^>]*?(\/?)>/g;

/** Deepest element nesting, from the tags alone (no DOM); a scan that stops early once over the limit. */
export function nestingDepth(html: string, limit = MAX_DOM_DEPTH): number {
  let depth = 0;
  let max = 0;
  for (const m of html.matchAll(TAG)) {
    const name = m[2]!.toLowerCase();
    if (m[3] || NO_NEST.has(name)) continue;
    if (m[1]) depth = Math.max(0, depth - 1);
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
    meta: ['article:published_time', 'datePublished', 'date', 'pubdate', 'publish-date', 'publish_date', 'publication_date', 'sailthru.date', 'parsely-pub-date', 'dc.date', 'dc.date.issued', 'dcterms.created', 'og:published_time'],
    other: '`<time datetime>` with itemprop=datePublished or pubdate, JSON-LD datePublished / dateCreated',
  },
  url: { meta: ['og:url'], other: '`<link rel="canonical">`, JSON-LD url / mainEntityOfPage' },
  author: { meta: ['author', 'article:author', 'byl', 'dc.creator', 'parsely-author', 'sailthru.author'], other: 'JSON-LD author / creator (name), the byline Readability finds; a profile URL is no name' },
  outlet: { meta: ['og:site_name', 'application-name', 'publisher', 'dc.publisher'], other: 'JSON-LD publisher / sourceOrganization (name), the site name Readability finds' },
  license: { meta: ['license', 'dc.rights', 'dcterms.license', 'dcterms.rights', 'copyright'], other: '`<link rel="license">` or `<a rel="license">` (the first one\'s href), JSON-LD license / copyrightNotice' },
  source_id: { meta: [], other: 'JSON-LD identifier' },
} as const;

/** The regex fallback (no DOM): meta tags, then the article/main/body element's blocks as lines. */
export function htmlToRecordRegex(html: string): HtmlRecord & { readonly metaTitle: string | null } {
  const titleTag = /<title[^>]*>([\s\S]*?)<\/title>/i.exec(html)?.[1];
  const h1 = /<h1[^>]*>([\s\S]*?)<\/h1>/i.exec(html)?.[1];
  let body = html
    .replace(/<!--[\s\S]*?-->/g, ' ')
    .replace(/<(script|style|noscript|template|svg|iframe|nav|header|footer|aside|form|button|select)\b[\s\S]*?<\/\1\s*>/gi, ' ');
  const article = /<article\b[^>]*>([\s\S]*)<\/article>/i.exec(body)?.[1] ?? /<main\b[^>]*>([\s\S]*)<\/main>/i.exec(body)?.[1] ?? /<body\b[^>]*>([\s\S]*)<\/body>/i.exec(body)?.[1];
  if (article) body = article;
  const text = htmlToLines(body);
  const clean = (s: string | null | undefined) => (s ? decodeEntities(s.replace(/<[^>]+>/g, '')).replace(/\s+/g, ' ').trim() || null : null);
  const ld = jsonLd(html);
  const M = HTML_METADATA;
  const metaTitle = meta(html, ...M.title.meta) ?? ld.headline;
  return {
    metaTitle,
    title: metaTitle ?? clean(h1) ?? clean(titleTag),
    text,
    date:
      meta(html, ...M.date.meta) ??
      /<time\b[^>]*\b(?:itemprop=["']datePublished["']|pubdate)[^>]*\bdatetime=["']([^"']+)["']/i.exec(html)?.[1] ??
      /<time\b[^>]*\bdatetime=["']([^"']+)["'][^>]*\b(?:itemprop=["']datePublished["']|pubdate)/i.exec(html)?.[1] ??
      ld.date,
    url: meta(html, ...M.url.meta) ?? /<link[^>]+rel=["']canonical["'][^>]*href=["']([^"']+)["']/i.exec(html)?.[1] ?? ld.url,
    author: authorName(meta(html, ...M.author.meta)) ?? authorName(ld.author),
    outlet: meta(html, ...M.outlet.meta) ?? ld.outlet,
    license:
      /<link[^>]+rel=["']license["'][^>]*href=["']([^"']+)["']/i.exec(html)?.[1] ??
      /<a[^>]+rel=["']license["'][^>]*href=["']([^"']+)["']/i.exec(html)?.[1] ??
      meta(html, ...M.license.meta) ??
      ld.license,
    source_id: ld.identifier,
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
export function jsonLd(html: string): JsonLdFacts {
  const none: JsonLdFacts = { headline: null, date: null, url: null, author: null, outlet: null, license: null, identifier: null };
  const objects: Record<string, unknown>[] = [];
  const visit = (v: unknown, depth: number): void => {
    if (depth > 4 || !v || typeof v !== 'object') return;
    if (Array.isArray(v)) return v.forEach((x) => visit(x, depth + 1));
    const o = v as Record<string, unknown>;
    objects.push(o);
    if (o['@graph']) visit(o['@graph'], depth + 1);
  };
  for (const m of html.matchAll(/<script\b[^>]*type=["']application\/ld\+json["'][^>]*>([\s\S]*?)<\/script\s*>/gi)) {
    try {
      visit(JSON.parse(m[1]!), 0);
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
  };
}

/** A meta author that is a profile URL is no name. */
function authorName(s: string | null): string | null {
  if (!s || /^https?:\/\//i.test(s)) return null;
  return s.replace(/^by\s+/i, '').trim() || null;
}
