/**
 * The ISO 4217 currency of a money figure, from what the text says: a
 * symbol ("£5m", "A$3bn"), a country named with the currency word ("Swiss
 * francs", "Australian dollars", "US dollars"), the figure's country for a
 * currency word many countries share ("40m rupees" in a figure placed in
 * India), else the conventional reading of a bare word ("pounds" GBP,
 * "dollars" USD) from lexicons/en/currencies.json. Unknown stays empty.
 */
import countriesModule, { type Country } from 'world-countries';
import words from '../lexicons/en/currencies.json' with { type: 'json' };
import { countryByDemonym, countryByIso, countryByName } from '../lib/geo.ts';

/** The currency rule, printed in the codebook. */
export const CURRENCY_RULE =
  '**Currency** (`figures.currency`, ISO 4217, money figures only): a symbol before the number ("£", "€", "A$", "HK$", "US$"); else a country named with the currency word ("Swiss francs", "Australian dollars": that country\'s currency of that name, from world-countries); else the conventional reading of a bare word in English news ("pounds" GBP, "dollars" and "$" USD, "euros" EUR, "yen" JPY; pipeline/lexicons/en/currencies.json); a word many countries share ("rupees", "francs", "pesos") only from the figure\'s own country; else empty. `value` keeps the stated scale ("£5m" is 5000000, "50 euro cents" is 50 with unit "euro cents"), and a hedge before the symbol is kept ("about $5bn" is approx, "up to £3m" at_most).';

export interface CurrencyWords {
  /** Bare currency word (singular, lower case) → ISO 4217. */
  readonly bare: Readonly<Record<string, string>>;
  /** Symbol written before the number → ISO 4217 (longest first when matching). */
  readonly symbols: Readonly<Record<string, string>>;
}

export const CURRENCY_WORDS: CurrencyWords = { bare: words.bare, symbols: words.symbols };

const countries = ((countriesModule as unknown as { default?: Country[] }).default ?? countriesModule) as unknown as readonly Country[];
/** ISO3 → its currencies as [code, last word of the name, singular lower case] ("GBR" → [["GBP", "pound"]]). */
const CURRENCIES_OF = new Map<string, readonly (readonly [string, string])[]>(
  countries.map((c) => [c.cca3, Object.entries(c.currencies ?? {}).map(([code, v]) => [code, v.name.toLowerCase().split(/\s+/).at(-1)!] as const)]),
);

const singularWord = (w: string): string => {
  const x = w.toLowerCase();
  if (x === 'pence') return 'penny';
  if (x === 'reais') return 'real';
  return x.endsWith('ies') ? `${x.slice(0, -3)}y` : x.endsWith('s') && !x.endsWith('ss') ? x.slice(0, -1) : x;
};

/** The currency of a country whose name ends in that word ("GBR", "pound" → GBP). */
function currencyOfCountry(iso3: string | null, word: string): string | null {
  if (!iso3) return null;
  return CURRENCIES_OF.get(iso3)?.find(([, w]) => w === word)?.[0] ?? null;
}

/** A country named by the words before the currency word ("Swiss", "Hong Kong", "US"). */
function countryOfWords(qualifier: string): string | null {
  const q = qualifier.trim();
  if (!q) return null;
  if (/^[A-Z]{2,3}$/.test(q)) return countryByIso(q)?.iso3 ?? null;
  return countryByDemonym(q)?.iso3 ?? countryByName(q)?.iso3 ?? null;
}

/**
 * ISO 4217 of a money figure: `text` is the figure as written, `unit` its unit ("euros",
 * "Swiss francs", "euro cents"), `country` the figure's country (ISO3) when known.
 */
export function currencyOf(text: string, unit: string | null, country: string | null, w: CurrencyWords = CURRENCY_WORDS): string | null {
  const t = text.trim();
  const symbols = Object.keys(w.symbols).sort((a, b) => b.length - a.length);
  // a symbol right before the first digit ("about $5bn": the hedge comes first)
  const lead = /^(?:[^\d]*?\s)?([^\s\d]*)\d/u.exec(t)?.[1] ?? '';
  const sym = symbols.find((s) => lead.endsWith(s));
  if (sym && sym !== '$') return w.symbols[sym]!;
  const ws = (unit ?? '').trim().split(/\s+/).filter(Boolean);
  let head = ws.length ? singularWord(ws[ws.length - 1]!) : '';
  let qual = ws.slice(0, -1).join(' ');
  // sub-units: "euro cents", "pence" are the money of the word before, or of the bare reading
  if (head === 'cent' || head === 'penny') {
    if (ws.length > 1) [head, qual] = [singularWord(ws[ws.length - 2]!), ws.slice(0, -2).join(' ')];
    else return head === 'penny' ? 'GBP' : sym === '$' ? 'USD' : null;
  }
  if (head) {
    const named = countryOfWords(qual);
    if (named) return currencyOfCountry(named, head);
    const bare = w.bare[head];
    if (bare) return bare;
    // a word many countries use: only the figure's own country says which
    const own = currencyOfCountry(country, head);
    if (own) return own;
  }
  return sym ? w.symbols[sym]! : null;
}
