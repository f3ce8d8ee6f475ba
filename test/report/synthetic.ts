/**
 * A large invented dataset (thousands of events, conflicting dates, shared
 * actors, figure groups with disagreeing reports) to check that the report
 * stays small and draws every chart. Deterministic (a fixed-seed LCG); every
 * row passes its table's schema.
 */
import type { Dataset } from '../../schemas/index.ts';
import type { Quality } from '../../schemas/quality.ts';
import { EVENT_TYPES } from '../../schemas/vocab.ts';

const WORDS = [
  'river',
  'council',
  'harbor',
  'valley',
  'union',
  'league',
  'forum',
  'coast',
  'ridge',
  'delta',
  'crown',
  'bridge',
  'market',
  'plain',
  'lantern',
  'orchard',
];
const TYPES = Object.keys(EVENT_TYPES) as (keyof typeof EVENT_TYPES)[];

function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const pad = (n: number, w: number) => String(n).padStart(w, '0');
const hex = (n: number, w = 16) => n.toString(16).padStart(w, '0').slice(-w);
const dayIso = (base: number, offset: number) => new Date((base + offset) * 86_400_000).toISOString().slice(0, 10);
const BASE = Date.UTC(2023, 0, 1) / 86_400_000;
/** Invented places at spread-out coordinates (the map needs points; the names are not real towns). */
const SPOTS: readonly (readonly [string, number, number])[] = [
  ['Northport', 51.5, -0.1],
  ['Eastvale', 35.7, 139.7],
  ['Southmere', -33.9, 18.4],
  ['Westfield', 40.7, -74.0],
  ['Midtown', 30.0, 31.2],
  ['Lakeside', -23.5, -46.6],
  ['Hillcrest', 55.8, 37.6],
  ['Baytown', 1.3, 103.8],
  ['Rockford', -37.8, 145.0],
  ['Pineview', 19.4, -99.1],
];

export function syntheticDataset(
  opts: { articles: number; events: number; actors: number; groups: number } = { articles: 600, events: 5000, actors: 300, groups: 900 },
): { dataset: Dataset; quality: Quality } {
  const rnd = lcg(42);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const int = (n: number) => Math.floor(rnd() * n);
  const phrase = (n: number) => Array.from({ length: n }, () => pick(WORDS)).join(' ');

  const articles: Dataset['articles'][number][] = [];
  const sentences: Dataset['sentences'][number][] = [];
  for (let i = 0; i < opts.articles; i++) {
    const id = `a${hex(i * 7919 + 1)}`;
    articles.push({
      article_id: id,
      source_path: `corpus.jsonl#${i + 1}`,
      title: `The ${phrase(3)} report ${i}`,
      published_date: dayIso(BASE, int(500)),
      published_basis: 'metadata',
      author: null,
      outlet: `outlet-${i % 23}.example`,
      dateline: null,
      url: i % 3 === 0 ? `https://outlet-${i % 23}.example/story/${i}` : null,
      language: 'en',
      word_count: 400,
      sentence_count: 20,
      sha256: hex(i, 16).repeat(4),
      duplicate_of: i > 0 && i % 97 === 0 ? articles[i - 1]!.article_id : null,
      duplicate_similarity: i > 0 && i % 97 === 0 ? 0.93 : null,
      boilerplate_removed: i % 5,
      source_id: null,
      section: null,
      license: null,
      content_flags: [],
      story_id: 's0',
    });
    let off = 0;
    for (let s = 0; s < 20; s++) {
      const text = `Officials of the ${phrase(2)} said the ${phrase(3)} would ${pick(['meet', 'protest', 'sign', 'attack', 'accuse'])} the ${phrase(2)} on day ${s}.`;
      sentences.push({ article_id: id, sentence_index: s, paragraph_index: s, char_start: off, char_end: off + text.length, text });
      off += text.length + 2;
    }
  }
  const actors: Dataset['actors'][number][] = Array.from({ length: opts.actors }, (_, i) => ({
    actor_id: `actor-${pad(i, 4)}`,
    name: `${WORDS[i % WORDS.length]!.replace(/^./, (c) => c.toUpperCase())} ${WORDS[(i * 7) % WORDS.length]} ${i}`,
    type: (['person', 'organization', 'country', 'group'] as const)[i % 4]!,
    country: null,
    aliases: [],
    roles: [],
    affiliation: null,
    article_count: 1 + (i % 9),
    mention_count: 1 + ((i * 13) % 40),
    source: 'text',
  }));

  const events: Dataset['events'][number][] = [];
  const eventMentions: Dataset['event_mentions'][number][] = [];
  const eventActors: Dataset['event_actors'][number][] = [];
  for (let i = 0; i < opts.events; i++) {
    const id = `e${hex(i * 104729 + 3)}`;
    const type = TYPES[Math.min(TYPES.length - 1, Math.floor(rnd() ** 1.7 * TYPES.length))]!;
    const start = int(480);
    const dated = i % 11 !== 0;
    const n = 1 + Math.floor(rnd() ** 3 * 6);
    const conflict = dated && n > 1 && i % 6 === 0;
    // some events known only to the month or the year (drawn as spans, not as dots on the 1st)
    const precision = !dated ? 'unknown' : !conflict && i % 29 === 7 ? 'year' : !conflict && i % 13 === 5 ? 'month' : 'day';
    const startIso = dayIso(BASE, start);
    const d0 = precision === 'year' ? `${startIso.slice(0, 4)}-01-01` : precision === 'month' ? `${startIso.slice(0, 7)}-01` : startIso;
    const d1 =
      precision === 'year'
        ? `${startIso.slice(0, 4)}-12-31`
        : precision === 'month'
          ? new Date(Date.UTC(+startIso.slice(0, 4), +startIso.slice(5, 7), 0)).toISOString().slice(0, 10)
          : startIso;
    const spot = i % 4 === 0 ? null : SPOTS[i % SPOTS.length]!;
    const reported: string[] = [];
    const arts = new Set<number>();
    while (arts.size < n) arts.add(int(opts.articles));
    let k = 0;
    for (const ai of [...arts].sort((a, b) => a - b)) {
      const a = articles[ai]!;
      const d = conflict && k % 2 === 1 ? start + 1 + (k % 5) : start;
      if (dated) reported.push(`${a.article_id}=${dayIso(BASE, d)}`);
      const si = int(20);
      const s = sentences[ai * 20 + si]!;
      eventMentions.push({
        event_mention_id: `em${hex(i * 31 + k)}`,
        event_id: id,
        article_id: a.article_id,
        sentence_index: si,
        char_start: s.char_start,
        char_end: s.char_end,
        text: s.text,
        trigger: 'said',
        event_type: type,
        event_subtype: null,
        rule: 'verb',
        status: 'occurred',
        date_text: dated ? 'on Monday' : null,
        date_start: dated ? dayIso(BASE, d) : null,
        date_end: dated ? dayIso(BASE, d) : null,
        date_precision: dated ? 'day' : 'unknown',
      });
      k++;
    }
    const actorIds = new Set<number>();
    const na = 1 + int(3);
    while (actorIds.size < na) actorIds.add(Math.floor(rnd() ** 2.5 * opts.actors));
    for (const ac of [...actorIds].sort((a, b) => a - b))
      eventActors.push({ event_id: id, actor_id: actors[ac]!.actor_id, role: 'participant', mention_count: 1 });
    events.push({
      event_id: id,
      story_id: 's0',
      event_type: type,
      event_subtype: null,
      summary: `The ${phrase(4)} and the ${phrase(2)} met near the ${phrase(1)} (${i}).`,
      status: 'occurred',
      date_start: dated ? d0 : null,
      date_end: dated ? d1 : null,
      date_precision: precision,
      date_conflict: conflict,
      dates_reported: reported,
      place: spot ? spot[0] : null,
      country: spot ? 'ZZZ' : null,
      article_count: n,
      mention_count: n,
      first_reported: i % 22 === 0 ? null : articles[[...arts][0]!]!.published_date,
      lat: spot ? spot[1] : null,
      lon: spot ? spot[2] : null,
      geonames_id: null,
      admin1: null,
      geo_precision: spot ? 1 + (i % 3) : null,
      outlets: [],
      urls: [],
      fatalities_best: null,
      fatalities_low: null,
      fatalities_high: null,
    });
  }

  const figures: Dataset['figures'][number][] = [];
  const figureGroups: Dataset['figure_groups'][number][] = [];
  for (let g = 0; g < opts.groups; g++) {
    const gid = `g${hex(g * 65537 + 5)}`;
    const n = 1 + Math.floor(rnd() ** 2 * 8);
    const base = 10 + int(5000);
    const values: number[] = [];
    for (let j = 0; j < n; j++) {
      const ai = int(opts.articles);
      const a = articles[ai]!;
      const si = int(20);
      const s = sentences[ai * 20 + si]!;
      // every eighth group counts money in the billions (axis ticks must stay short)
      const v = (g % 4 === 0 ? base + j * int(200) : base) * (g % 8 === 0 ? 1_000_000 : 1);
      values.push(v);
      const ranged = j % 3 === 2;
      figures.push({
        figure_id: `f${hex(g * 101 + j)}`,
        article_id: a.article_id,
        sentence_index: si,
        char_start: s.char_start,
        char_end: s.char_start + 5,
        text: `${v} people`,
        value: v,
        value_low: ranged ? Math.round(v * 0.8) : null,
        value_high: ranged ? v : null,
        qualifier: ranged ? 'range' : 'exact',
        category: pick(['killed', 'injured', 'displaced', 'money'] as const),
        unit: 'people',
        unit_normalized: 'people',
        country: g % 2 === 0 ? 'ZZZ' : null,
        as_of: j % 2 === 0 ? dayIso(BASE, 100 + j) : null,
        as_of_basis: j % 2 === 0 ? 'stated' : null,
        attributed_to: j % 3 === 0 ? actors[g % opts.actors]!.actor_id : null,
        event_id: null,
        group_id: gid,
        share_of: null,
        currency: null,
        lat: null,
        lon: null,
        geonames_id: null,
        admin1: null,
        geo_precision: null,
        rule: 'number-unit',
      });
    }
    figureGroups.push({
      group_id: gid,
      category: 'killed',
      unit: 'people',
      country: g % 2 === 0 ? 'ZZZ' : null,
      report_count: n,
      article_count: n,
      value_min: Math.min(...values),
      value_max: Math.max(...values),
      latest_value: values[values.length - 1]!,
      latest_as_of: dayIso(BASE, 100),
      consistent: !(g % 4 === 0 && n > 1),
      series: values.map((v) => `${v}@@x`),
    });
  }

  const dataset: Dataset = {
    articles,
    stories: [{ story_id: 's0', title: 'All', article_count: articles.length, first_date: null, last_date: null, top_actors: [], top_places: [] }],
    sentences,
    actors,
    actor_mentions: [],
    events,
    event_actors: eventActors,
    event_mentions: eventMentions,
    figures,
    figure_groups: figureGroups,
    quotes: [],
    rejects: [{ path: 'broken.bin', sha256: null, reason: 'binary', message: 'The bytes are not text.' }],
    changes: [],
  };
  const quality: Quality = {
    input_fingerprint: 'f'.repeat(64),
    inputs: { files: 1, records: articles.length + 1, articles: articles.length, rejects: 1, duplicates: articles.filter((a) => a.duplicate_of).length },
    rejects_by_reason: { binary: 1 },
    stages: [
      {
        stage: '01-normalize',
        read: articles.length,
        written: articles.length,
        rejected: 1,
        stats: { 'boilerplate:navigation': 40, 'boilerplate:caption': 12 },
        issues_by_code: { 'odd-date': 3 },
      },
      {
        stage: '02-deduplicate',
        read: articles.length,
        written: articles.length,
        rejected: 0,
        stats: { 'duplicates:exact': 2, 'duplicates:near': 4 },
        issues_by_code: {},
      },
    ],
    tables: Object.fromEntries(Object.entries(dataset).map(([k, v]) => [k, (v as unknown[]).length])),
    issues_total: 3,
    issues_listed: [],
  };
  return { dataset, quality };
}
