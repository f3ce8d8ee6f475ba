/**
 * Page furniture: lines that belong to the web page, not to the article.
 * Each rule is a general signal (menu bullets, share words, breadcrumbs,
 * captions, teasers, comment prompts, promotions, navigation); a removed
 * line is reported with its rule's name.
 */

export type FurnitureReason =
  | 'menu'
  | 'share-button'
  | 'breadcrumb'
  | 'caption'
  | 'teaser'
  | 'comments'
  | 'navigation'
  | 'promo'
  | 'headline-link'
  | 'repeated-title'
  | 'repeated-paragraph'
  | 'source-line'
  | 'byline'
  | 'published-line'
  | 'copyright'
  | 'credits'
  | 'tags'
  | 'page-meta'
  | 'link-list'
  | 'outlet-blurb';

const SHARE =
  /^(share( this( article| story| page)?)?( on (facebook|twitter|x|whatsapp|linkedin|telegram|email))?|share via|tweet|click to share on \w+( \(opens in new window\))?|facebook|twitter|x|google ?plus|google\+|whatsapp|linkedin|e-?mail|print|pinterest|reddit|telegram|copy link|link|flipboard|messenger)$/i;
const NAV =
  /^(scroll to top|back to top|skip to (main )?content|skip navigation|menu|main menu|open menu|close( menu)?|home|search|subscribe( now)?|sign in|log ?in|log ?out|sign up|register|my account|newsletters?|advertisement|advertising|ad|sponsored( content)?|cookie (settings|policy|preferences)|accept( all)?( cookies)?|privacy policy|terms (of use|of service|and conditions)|contact us|about us|live|live updates|audio only|listen( to this article)?|watch|video|videos|photos|gallery|most read|most popular|trending( now)?|top stories|latest news|latest|breaking news|related (articles|stories|news|topics)|loading\.*|advertisement - scroll to continue|continue reading|show more|load more|next article|previous article|next|previous|print this (page|article)|font size|text size)\.?$/i;
const TEASER =
  /^(see also|read more|also read|read also|related|more|watch|recommended|related articles|related stories|related coverage|related topics|related content|more on this story|more from this section|you may also like|don't miss|must read)\s*[:»>|-]?\s*$/i;
const TEASER_PREFIX = /^(see also|read more|also read|read also|related|watch|recommended)\s*[:»|]\s*\S/i;
const COMMENTS =
  /^(leave a (comment|reply)|post(ed)? with no comments\.?|no comments( yet)?\.?|\d+ comments?|comments?( \(\d+\))?|add (a|your) comment|join the (conversation|discussion)|be the first to comment\.?|show comments|view comments|write a comment)\.?$/i;
const PROMO =
  /\b(join|follow|subscribe to|sign up (for|to)|download|get)\b.{0,40}\b(our|the)\b.{0,40}\b(channel|newsletter|whatsapp|telegram|app|podcast|alerts|updates|google news)\b/i;
const CAPTION =
  /(^|\s|\|)(photo|image|picture|credit|file photo|photograph|photo credit|image source|image caption|foto)\s*:|\((photo|image|file photo|foto)\b[^)]*\)|^(image|photo) (source|caption|credit)\b/i;
/** Agency photo credits: only when the line is short or ends with the credit. */
const PHOTO_AGENCY =
  /\b(getty images|afp via getty images?|afp\/getty|reuters\/[\p{L} ]+|ap photo(\/[\p{L} .]+)?|epa(-efe)?(\/[\p{L} ]+)?|shutterstock|anadolu( agency)?(\/\w+)?)\s*\)?$/iu;
const COPYRIGHT = /^(©|\(c\)|copyright\b)|\ball rights reserved\b/i;
const CREDITS = /^\(?(reporting|additional reporting|writing|editing|compiled|translated|produced) by\b.{0,160}\)?$/i;
const TAGS = /^(tags?|topics?|filed under|categories|keywords)\s*:\s*\S/i;
const PAGE_META =
  /^(\d+\s*(min|minute)s?\s*read|reading time\s*:?.{0,20}|\d+\s*views?|last (modified|updated)( on)?\s*:?.{0,40}|updated\s*:?\s*\d{1,2}:\d{2}.{0,20}|\d{1,2}:\d{2}\s*(am|pm)?\s*(gmt|utc|[a-z]{2,4}t)?)$/i;
const FOLLOW =
  /^(follow|like) us on\b.{0,60}$|^(click|tap) here\b.{0,80}$|^(download|get) (the|our) app\b.{0,60}$|^(we use cookies|this (site|website) uses cookies)\b/i;
const BULLET = /^\s*[•·▪◦●■►▶*]\s*/;

const words = (s: string) => s.split(/\s+/).filter(Boolean);

/** A line's furniture reason, judged on the line alone, or null for article text. */
export function lineFurniture(line: string): FurnitureReason | null {
  const t = line.trim();
  if (t === '') return null;
  const bare = t.replace(BULLET, '').trim();
  const n = words(bare).length;
  if (SHARE.test(bare)) return 'share-button';
  const separated = separatedItems(bare);
  if (separated) return separated.every((x) => SHARE.test(x)) ? 'share-button' : 'menu';
  if (COMMENTS.test(bare)) return 'comments';
  if (TEASER.test(bare)) return 'teaser';
  if (NAV.test(bare)) return 'navigation';
  if (n <= 6 && /\S\s+(>|»|›|\/)\s+\S/.test(bare) && !/[.!?]$/.test(bare)) return 'breadcrumb';
  if (BULLET.test(t) && n <= 4 && !/[.!?:;]$/.test(bare)) return 'menu';
  if (CAPTION.test(bare) && n <= 40) return 'caption';
  if (PHOTO_AGENCY.test(bare) && n <= 25) return 'caption';
  if (COPYRIGHT.test(bare) && n <= 30) return 'copyright';
  if (CREDITS.test(bare) && n <= 30) return 'credits';
  if (TAGS.test(bare) && n <= 30 && !/[.!?]$/.test(bare)) return 'tags';
  if (PAGE_META.test(bare)) return 'page-meta';
  if (PROMO.test(bare) && n <= 30) return 'promo';
  if (FOLLOW.test(bare) && n <= 25) return 'promo';
  if (TEASER_PREFIX.test(bare) && n <= 20) return 'teaser';
  return null;
}

/**
 * A line of three or more short items between separators ("World | Americas |
 * Business", "Facebook · X · Email"): a menu or a share bar. Null when the line
 * reads as text (an item longer than three words, or a sentence end).
 */
function separatedItems(line: string): string[] | null {
  if (/[.!?]$/.test(line)) return null;
  const items = line
    .split(/\s+[|·•]\s+/)
    .map((x) => x.trim())
    .filter(Boolean);
  if (items.length < 3 || items.some((x) => words(x).length > 3)) return null;
  return items;
}

/**
 * A short title-case line standing alone in the body, without final
 * punctuation: a link to another story ("Gaza Truce Talks Continue Without ...").
 */
export function isHeadlineLink(line: string): boolean {
  const t = line.trim();
  if (/[.!?:;,"”’)]$/.test(t)) return false;
  const ws = words(t);
  if (ws.length < 4 || ws.length > 14) return false;
  const content = ws.filter((w) => w.replace(/[^\p{L}]/gu, '').length > 3);
  if (content.length < 3) return false;
  const capitalized = content.filter((w) => /^[\p{Lu}\d]/u.test(w)).length;
  return capitalized / content.length >= 0.85;
}

/** The lead of a caption line ("Some person, 2024. | Photo: ..."), to catch the same caption repeated without its credit. */
export function captionLead(line: string): string | null {
  const m = /^(.*?)\s*\|\s*(photo|image|picture|credit)\s*:/i.exec(line.trim().replace(BULLET, ''));
  return m && m[1]!.trim().length > 0 ? m[1]!.trim() : null;
}

/** Comparable form of a line: lowercase letters and digits only. */
export const fold = (s: string): string =>
  s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
