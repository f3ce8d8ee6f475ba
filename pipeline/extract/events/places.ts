/**
 * Where an event happens: a capital (world-countries, ODbL-1.0), a country
 * name, or a city from the small list in ../../lexicons/places.json, named
 * after "in", "at" or "to" near the trigger, after "on" or "against" right
 * after a nominal attack ("strikes on Tarn"), or just before a nominal
 * trigger ("Moscow talks"); a country by its demonym before "territory",
 * "soil" or "airspace" ("into Kestrelian airspace").
 */
import countriesModule, { type Country } from 'world-countries';
import extra from '../../lexicons/places.json' with { type: 'json' };
import { countryByDemonym } from '../../lib/geo.ts';

export interface Place {
  readonly name: string;
  readonly country: string;
}

/** The package is CommonJS: its default export is the array itself. */
const countries = ((countriesModule as unknown as { default?: Country[] }).default ?? countriesModule) as unknown as readonly Country[];

const key = (s: string) =>
  s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();

function build(): ReadonlyMap<string, Place> {
  const m = new Map<string, Place>();
  for (const [name, country] of Object.entries(extra.places as Record<string, string>)) m.set(key(name), { name, country });
  for (const c of countries) {
    for (const cap of c.capital ?? []) if (!m.has(key(cap))) m.set(key(cap), { name: cap, country: c.cca3 });
  }
  for (const c of countries) if (!m.has(key(c.name.common))) m.set(key(c.name.common), { name: c.name.common, country: c.cca3 });
  return m;
}

const PLACES = build();
const COUNTRY_NAMES: ReadonlySet<string> = new Set(countries.flatMap((c) => [key(c.name.common), key(c.name.official)]));

/** Whether a place name is a country's name (a country-level place, compatible with any town in it). */
export const isCountryName = (name: string): boolean => COUNTRY_NAMES.has(key(name));
const NAME = "[A-Z][\\p{L}'’.-]+(?:\\s+(?:[A-Z][\\p{L}'’.-]+|of|de|al-?[A-Z][\\p{L}-]*)){0,3}";
/** "in Moscow", "at the Gaza Strip", "to Moscow". */
const AFTER_PREP = new RegExp(`\\b(?:in|at|to|inside|near)\\s+(?:the\\s+)?(${NAME})`, 'gu');
/** "on Tarn", "against the Kestrel Strip", right after a nominal trigger. */
const STRUCK_AFTER = new RegExp(`^\\s+(?:on|against)\\s+(?:the\\s+)?(${NAME})`, 'u');
/** "in the Kestrel capital, Tarn", "in the port city of Tarn": the name after the descriptor. */
const DESCRIBED = new RegExp(
  `\\b(?:in|at|to|inside|near)\\s+the\\s+(?:[A-Z][\\p{L}'’-]+\\s+)?(?:[a-z]+\\s+)?(?:capital|city|town|port|village|province|region)(?:\\s+of|,)\\s+(${NAME})`,
  'gu',
);
/** A country's ground named by its demonym ("into Kestrelian territory", "on Tarnish soil"). */
const DEMONYM_GROUND = /\b(?:in|into|onto|on|inside|over)\s+(?:the\s+)?([A-Z][\p{L}-]+)\s+(?:territory|soil|airspace|waters|land)\b/gu;
/** Capitalized name right before a trigger ("Moscow talks"). */
const BEFORE = new RegExp(`(${NAME})\\s+$`, 'u');

/** The longest known place at the start of a capitalized name ("Gaza Strip", "Moscow"). */
export function lookupPlace(name: string): Place | null {
  const words = name
    .replace(/[.'’-]+$/, '')
    .replace(/['’]s$/, '')
    .split(/\s+/);
  for (let n = words.length; n > 0; n--) {
    const p = PLACES.get(key(words.slice(0, n).join(' ')));
    if (p) return p;
  }
  return null;
}

/** The place nearest to the trigger span [start, end) in `text`, within `radius` characters. */
export function findPlace(text: string, start: number, end: number, nominal: boolean, radius = 90, struck = false): Place | null {
  // the place an attack or a war is waged on, right after it ("strikes on Tarn", "the war on the Kestrel Strip"); not
  // for other nouns, where "on" names the topic ("talks on Tarn", "sanctions on Loria")
  if (struck && nominal) {
    const m = STRUCK_AFTER.exec(text.slice(end, end + 60));
    const p = m ? lookupPlace(m[1]!) : null;
    // (a country struck is its target, a party, more than its setting: "the attack on Loria" may be told from Tarn)
    if (p && !isCountryName(p.name)) return p;
  }
  let best: { p: Place; d: number } | null = null;
  for (const m of [...text.matchAll(AFTER_PREP), ...text.matchAll(DESCRIBED)]) {
    const at = m.index + m[0].length - m[1]!.length;
    const d = at >= end ? at - end : start - (at + m[1]!.length);
    if (d < 0 || d > radius) continue;
    const p = lookupPlace(m[1]!);
    if (p && (!best || d < best.d)) best = { p, d: at >= end ? d : d + 20 };
  }
  for (const m of text.matchAll(DEMONYM_GROUND)) {
    const at = m.index + m[0].indexOf(m[1]!);
    const d = at >= end ? at - end : start - (at + m[1]!.length);
    const c = d >= 0 && d <= radius ? countryByDemonym(m[1]!) : null;
    if (c && (!best || d < best.d)) best = { p: { name: c.name, country: c.iso3 }, d: at >= end ? d : d + 20 };
  }
  if (!best && nominal) {
    const m = BEFORE.exec(text.slice(Math.max(0, start - 40), start));
    const p = m ? lookupPlace(m[1]!.split(/\s+/).at(-1)!) : null;
    if (p) return p;
  }
  return best?.p ?? null;
}
