/**
 * The actor gazetteer, compiled once at module load into an immutable token
 * trie: countries, their aliases, demonyms and capitals (world-countries,
 * ODbL-1.0, plus pipeline/lexicons/countries.json), seats of government,
 * territories (places that belong to a country) and the general gazetteer
 * of organizations, groups and leaders (pipeline/lexicons/actors.json).
 */
import worldCountriesModule from 'world-countries';
import type { Country } from 'world-countries';
import supplement from '../../lexicons/countries.json' with { type: 'json' };
import gazetteer from '../../lexicons/actors.json' with { type: 'json' };
import { fold, tokenize, joins, type Token } from './text.ts';

/** One entry of pipeline/lexicons/actors.json. */
export interface GazEntry {
  readonly key: string;
  readonly name: string;
  readonly type: 'person' | 'organization' | 'country' | 'group';
  readonly category: string;
  readonly country: string | null;
  readonly aliases: readonly string[];
  readonly acronyms: readonly string[];
  /** Acronyms too ambiguous to match unless the article mentions the entry's country or defines them. */
  readonly context_acronyms?: readonly string[];
  /** Short forms (a surname) safe to match alone. */
  readonly short?: readonly string[];
  readonly roles?: readonly string[];
  /** Only matches when not followed by a capitalized word ("the West" but not "West Bank"). */
  readonly standalone?: boolean;
}

/** What a gazetteer form stands for. */
export type Payload =
  | { readonly kind: 'country' | 'demonym' | 'capital' | 'seat'; readonly iso3: string; readonly name: string }
  | { readonly kind: 'territory'; readonly iso3: string | null; readonly name: string }
  | { readonly kind: 'entry'; readonly entry: GazEntry; readonly contextOnly: boolean };

interface Terminal {
  readonly payload: Payload;
  readonly form: string;
  readonly exactCase: boolean;
  readonly joined: string;
  readonly capMask: readonly boolean[];
}
interface TrieNode {
  readonly next: Map<string, TrieNode>;
  readonly terms: Terminal[];
}

/** The package's array (typed as a CommonJS module namespace under nodenext). */
const worldCountries = worldCountriesModule as unknown as readonly Country[];

const newNode = (): TrieNode => ({ next: new Map(), terms: [] });

/** An acronym-like form ("PLO", "U.S.", "AfD") must match with its exact case. */
const isAcronymForm = (form: string): boolean => !/\s/.test(form) && (form.match(/\p{Lu}/gu)?.length ?? 0) >= 2 && form.length <= 8;

const LATIN = /^[\p{Script=Latin}\p{M}\s.'’\-]+$/u;

function insert(root: TrieNode, form: string, payload: Payload): void {
  const toks = tokenize(form);
  if (toks.length === 0) return;
  let node = root;
  for (const t of toks) {
    let n = node.next.get(t.fold);
    if (!n) {
      n = newNode();
      node.next.set(t.fold, n);
    }
    node = n;
  }
  const exactCase = isAcronymForm(form);
  if (node.terms.some((x) => x.exactCase === exactCase && samePayload(x.payload, payload))) return;
  node.terms.push({ payload, form, exactCase, joined: toks.map((t) => t.text).join(''), capMask: toks.map((t) => t.cap) });
}

const payloadId = (p: Payload): string => (p.kind === 'entry' ? `entry:${p.entry.key}` : `${p.kind}:${p.iso3}:${p.name}`);
const samePayload = (a: Payload, b: Payload): boolean => payloadId(a) === payloadId(b);

interface CountryInfo {
  readonly iso3: string;
  readonly name: string;
  readonly forms: readonly string[];
  readonly demonyms: readonly string[];
  readonly capital: string | null;
}

function buildCountries(): CountryInfo[] {
  const sup = supplement as unknown as { aliases: Record<string, string[]>; demonyms: Record<string, string[]>; excluded_forms: string[] };
  const demCount = new Map<string, string[]>();
  for (const c of worldCountries) {
    for (const d of new Set([c.demonyms?.eng?.m, c.demonyms?.eng?.f])) {
      if (d) demCount.set(d, [...(demCount.get(d) ?? []), c.cca3]);
    }
  }
  const excluded = new Set(sup.excluded_forms);
  return worldCountries
    .map((c) => {
      const forms = new Set<string>([c.name.common]);
      if (c.name.official.split(' ').length <= 4) forms.add(c.name.official);
      for (const a of c.altSpellings) if (a.length > 3 && LATIN.test(a) && !a.includes(',')) forms.add(a);
      for (const a of sup.aliases[c.cca3] ?? []) forms.add(a);
      for (const f of excluded) forms.delete(f);
      const dems = new Set<string>(sup.demonyms[c.cca3] ?? []);
      for (const d of [c.demonyms?.eng?.m, c.demonyms?.eng?.f]) if (d && (demCount.get(d)?.length ?? 0) === 1) dems.add(d);
      return { iso3: c.cca3, name: c.name.common, forms: [...forms], demonyms: [...dems], capital: c.capital?.[0] ?? null };
    })
    .sort((a, b) => (a.iso3 < b.iso3 ? -1 : 1));
}

/** Every country: ISO 3166-1 alpha-3, common name, forms, demonyms, capital. */
export const COUNTRIES: readonly CountryInfo[] = buildCountries();
/** ISO alpha-3 → common name. */
export const COUNTRY_NAME: ReadonlyMap<string, string> = new Map(COUNTRIES.map((c) => [c.iso3, c.name]));
/** Country names that are also common words or given names. */
export const AMBIGUOUS_COUNTRY_FORMS: ReadonlySet<string> = new Set((supplement as { ambiguous_names: string[] }).ambiguous_names);
/** All gazetteer entries. */
export const ENTRIES: readonly GazEntry[] = (gazetteer as { entries: GazEntry[] }).entries;
/** Gazetteer entry by key. */
export const ENTRY_BY_KEY: ReadonlyMap<string, GazEntry> = new Map(ENTRIES.map((e) => [e.key, e]));

function buildTrie(): TrieNode {
  const root = newNode();
  const sup = supplement as unknown as { seats_of_government: Record<string, string>; territories: Record<string, string | null> };
  const countryForms = new Set<string>();
  for (const c of COUNTRIES)
    for (const f of c.forms) {
      insert(root, f, { kind: 'country', iso3: c.iso3, name: c.name });
      countryForms.add(fold(f));
    }
  for (const c of COUNTRIES) for (const d of c.demonyms) insert(root, d, { kind: 'demonym', iso3: c.iso3, name: c.name });
  for (const c of COUNTRIES) {
    if (c.capital && !countryForms.has(fold(c.capital)) && LATIN.test(c.capital)) insert(root, c.capital, { kind: 'capital', iso3: c.iso3, name: c.name });
  }
  for (const [form, iso3] of Object.entries(sup.seats_of_government)) insert(root, form, { kind: 'seat', iso3, name: COUNTRY_NAME.get(iso3) ?? iso3 });
  for (const [form, iso3] of Object.entries(sup.territories)) insert(root, form, { kind: 'territory', iso3, name: form });
  for (const e of ENTRIES) {
    for (const f of [e.name, ...e.aliases, ...e.acronyms, ...(e.short ?? [])]) insert(root, f, { kind: 'entry', entry: e, contextOnly: false });
    for (const f of e.context_acronyms ?? []) insert(root, f, { kind: 'entry', entry: e, contextOnly: true });
  }
  return root;
}

const TRIE: TrieNode = buildTrie();

/** A gazetteer hit: tokens [from, to) of the article. */
export interface GazHit {
  readonly from: number;
  readonly to: number;
  readonly payloads: readonly Payload[];
}

/**
 * Longest gazetteer match starting at token `i`, honouring case: acronyms
 * match with their exact case, and a capitalized word of the form needs a
 * capitalized word in the text.
 */
export function matchAt(text: string, toks: readonly Token[], i: number): GazHit | null {
  let node: TrieNode | undefined = TRIE;
  let best: GazHit | null = null;
  for (let j = i; j < toks.length; j++) {
    if (j > i && !joins(text, toks[j - 1]!, toks[j]!)) break;
    node = node.next.get(toks[j]!.fold);
    if (!node) break;
    if (node.terms.length) {
      const surface = toks.slice(i, j + 1);
      const ok = node.terms.filter((t) => (t.exactCase ? surface.map((s) => s.text).join('') === t.joined : t.capMask.every((c, k) => !c || surface[k]!.cap)));
      if (ok.length) best = { from: i, to: j + 1, payloads: ok.map((t) => t.payload) };
    }
  }
  return best;
}

/** Country lookup of a short phrase (name, alias, demonym, capital or territory). */
export function countryOf(phrase: string): string | null {
  const toks = tokenize(phrase);
  if (!toks.length) return null;
  const hit = matchAt(phrase, toks, 0);
  if (!hit || hit.to !== toks.length) return null;
  for (const p of hit.payloads) {
    if (p.kind === 'entry') {
      if (p.entry.country && p.entry.type !== 'person') return p.entry.country;
      continue;
    }
    if (p.iso3) return p.iso3;
  }
  return null;
}
