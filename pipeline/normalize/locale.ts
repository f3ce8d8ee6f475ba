/**
 * The day/month order of a feed's numeric dates ("03/04/2024" is 3 April in
 * most of the world, March 4 in the United States), from what is known of its
 * locale or country, strongest first: the manifest row (locale, country), the
 * record (a JSON locale/country field, the page's og:locale or <html lang>),
 * then the country of the web domain (news.example.co.uk → GB). Unknown (or a
 * country that writes both orders) gives null: the date is read day first and
 * an `ambiguous-date` issue is raised (clean.ts).
 */
import type { DayMonthOrder } from '../lib/dates.ts';
import dateOrder from '../lexicons/date-order.json' with { type: 'json' };

const MONTH_FIRST: ReadonlySet<string> = new Set(dateOrder.month_first);
const BOTH: ReadonlySet<string> = new Set(dateOrder.both);
/** Country-code domains sold for other meanings (.co, .io, .tv): they say nothing of the outlet's country. */
const GENERIC_TLDS: ReadonlySet<string> = new Set(dateOrder.generic_tlds);

/** The ISO 3166 alpha-2 region of a language tag ("en-US", "en_GB", "fr-ca", "zh-Hant-TW"), else null ("en" names no country). */
export function localeCountry(value: string | null | undefined): string | null {
  const m = /^[a-z]{2,3}(?:[-_][a-z]{4})?[-_]([a-z]{2})$/i.exec(value?.trim() ?? '');
  return m ? m[1]!.toUpperCase() : null;
}

/** A country field: a two-letter code ("US", "gb") or a language tag with a region, else null. */
export function countryCode(value: string | null | undefined): string | null {
  const v = value?.trim() ?? '';
  return /^[a-z]{2}$/i.test(v) ? v.toUpperCase() : localeCountry(v);
}

/** The country of a URL's country-code domain ("https://news.example.com.au/x" → AU; .uk → GB), else null. */
export function domainCountry(url: string | null | undefined): string | null {
  if (!url) return null;
  let host: string;
  try {
    host = new URL(url).hostname.toLowerCase();
  } catch {
    return null;
  }
  const tld = host.slice(host.lastIndexOf('.') + 1);
  if (!/^[a-z]{2}$/.test(tld) || GENERIC_TLDS.has(tld)) return null;
  return tld === 'uk' ? 'GB' : tld.toUpperCase();
}

/** The order a country writes numeric dates in, or null when it writes both. */
export const countryOrder = (country: string): DayMonthOrder | null => (BOTH.has(country) ? null : MONTH_FIRST.has(country) ? 'mdy' : 'dmy');

/** What is known of a record's locale, strongest first (each may be null). */
export interface LocaleHints {
  readonly manifestLocale?: string | null;
  readonly manifestCountry?: string | null;
  readonly recordLocale?: string | null;
  readonly recordCountry?: string | null;
  readonly url?: string | null;
}

/** The day/month order and where it comes from, or null when no hint names a country that writes one order. */
export function dayMonthOrder(h: LocaleHints): { readonly order: DayMonthOrder | null; readonly country: string; readonly basis: string } | null {
  const candidates: [string | null, string][] = [
    [localeCountry(h.manifestLocale), 'the manifest locale'],
    [countryCode(h.manifestCountry), 'the manifest country'],
    [countryCode(h.recordCountry), "the source's country"],
    [localeCountry(h.recordLocale), "the source's locale"],
    [domainCountry(h.url), "the web domain's country"],
  ];
  const hit = candidates.find(([c]) => c !== null);
  return hit ? { order: countryOrder(hit[0]!), country: hit[0]!, basis: hit[1] } : null;
}
