/**
 * HTML to text without a DOM: meta tags for title, date, author, outlet and
 * url; the article (or main/body) element; scripts, styles, navigation,
 * headers, footers, asides and forms dropped; block elements become lines.
 */
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

const BLOCK = /<\/?(p|div|br|h[1-6]|li|ul|ol|section|article|blockquote|tr|table|figure|figcaption|header|footer|main|pre)\b[^>]*>/gi;

export function htmlToRecord(html: string): { title: string | null; text: string; date: string | null; url: string | null; author: string | null; outlet: string | null } {
  const titleTag = /<title[^>]*>([\s\S]*?)<\/title>/i.exec(html)?.[1];
  const h1 = /<h1[^>]*>([\s\S]*?)<\/h1>/i.exec(html)?.[1];
  let body = html
    .replace(/<!--[\s\S]*?-->/g, ' ')
    .replace(/<(script|style|noscript|template|svg|iframe|nav|header|footer|aside|form|button|select)\b[\s\S]*?<\/\1\s*>/gi, ' ');
  const article = /<article\b[^>]*>([\s\S]*)<\/article>/i.exec(body)?.[1] ?? /<main\b[^>]*>([\s\S]*)<\/main>/i.exec(body)?.[1] ?? /<body\b[^>]*>([\s\S]*)<\/body>/i.exec(body)?.[1];
  if (article) body = article;
  const text = decodeEntities(body.replace(BLOCK, '\n').replace(/<[^>]+>/g, ''))
    .split('\n')
    .map((l) => l.replace(/[ \t]+/g, ' ').trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
  const clean = (s: string | null | undefined) => (s ? decodeEntities(s.replace(/<[^>]+>/g, '')).replace(/\s+/g, ' ').trim() || null : null);
  return {
    title: meta(html, 'og:title', 'twitter:title', 'headline') ?? clean(h1) ?? clean(titleTag),
    text,
    date: meta(html, 'article:published_time', 'datePublished', 'date', 'pubdate', 'publish-date', 'dc.date'),
    url: meta(html, 'og:url') ?? /<link[^>]+rel=["']canonical["'][^>]*href=["']([^"']+)["']/i.exec(html)?.[1] ?? null,
    author: meta(html, 'author', 'article:author', 'byl'),
    outlet: meta(html, 'og:site_name', 'application-name'),
  };
}
