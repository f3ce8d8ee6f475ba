/**
 * Actors across articles: one row per real-world actor.
 *
 * Every mention first gets a cluster key, then clusters are merged by
 * blocked comparisons (never all pairs):
 * - gazetteer mentions: the gazetteer key ("actors:hamas", "countries:RUS");
 * - government bodies: gov:<ISO3>:<portfolio>[:<place>]; a body written
 *   without a full qualifier ("the health ministry") joins the one qualified
 *   body of that portfolio whose country the same article mentions, else
 *   stays an actor of its article;
 * - people: the transliteration-neutral key of the full name (nameKey: vowel
 *   runs, doubled letters, q/g/k; Mohammad = Muhammad = Mohammed); then, blocked
 *   by first-name key, surnames within the edit tolerance (1 for 5-8
 *   letters, 2 from 9) are one person; a one-word name joins the one
 *   full name with that surname in the corpus, and stays apart when two
 *   people share it (a misspelt one-word surname: the one full name within the
 *   edit tolerance);
 * - acronyms: a bare acronym joins the long form another article defines for
 *   it ("National Electoral Board (NEB)"), when the corpus defines it one way;
 * - generic state forces ("the army", "Kenyan police"): generic:<kind>:<ISO3>,
 *   one actor per country; collectives ("protesters") and forces without a
 *   country: one actor per article (the article id is added to the key;
 *   actor_id = slug of "<Label> (<Country>)" + a short hash of the article);
 * - organizations from text: the folded name; "Islamic Jihad" joins "the
 *   Palestinian Islamic Jihad" when the shorter name is contained, as the
 *   final words, in exactly one longer name of the same type.
 * actor_id is the slug of the canonical name (type suffix on a clash).
 */
import type { ActorMentionRow, ActorRow, ArticleRow } from '../../schemas/index.ts';
import type { ActorMentionX, Extraction } from '../../schemas/pipeline.ts';
import { ENTRY_BY_KEY } from '../extract/actors/lexicon.ts';
import { editDistance, fold, nameKey, surnameTolerance, tokenize } from '../extract/actors/text.ts';
import { hashId, slug } from '../lib/ids.ts';
import { ref, type RefMap } from './refs.ts';
import { pushTo } from '../lib/maps.ts';

export interface ResolvedActors {
  readonly actors: ActorRow[];
  readonly mentions: ActorMentionRow[];
  /** ref(article_id, mention index) → actor_id */
  readonly actorOf: RefMap;
}

interface Item {
  readonly article_id: string;
  readonly index: number;
  readonly m: ActorMentionX;
}

const foldName = (s: string) =>
  fold(s)
    .replace(/^the\s+/, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
const LEADING = /^(?:the|palestinian|israeli|russian|american|us|u s|iranian|syrian|lebanese|iraqi|egyptian|turkish|chinese|british|french|german)\s+/;

/** Union-find over cluster keys. */
class Clusters {
  private readonly parent = new Map<string, string>();
  find(k: string): string {
    let p = this.parent.get(k) ?? k;
    if (p !== k) {
      p = this.find(p);
      this.parent.set(k, p);
    }
    return p;
  }
  union(a: string, b: string): void {
    const ra = this.find(a),
      rb = this.find(b);
    if (ra === rb) return;
    // the lexicographically smaller root wins: deterministic whatever the order of calls
    if (ra < rb) this.parent.set(rb, ra);
    else this.parent.set(ra, rb);
  }
}

/** Key of a person name: nameKey of each token, particles folded in. */
function personKey(name: string): { full: string; first: string; last: string; tokens: number } {
  const ts = tokenize(name)
    .map((t) => nameKey(t.text))
    .filter(Boolean);
  return { full: ts.join(' '), first: ts[0] ?? '', last: ts[ts.length - 1] ?? '', tokens: ts.length };
}

function baseKey(it: Item): string {
  const m = it.m;
  if (m.key?.startsWith('gov:')) {
    const partial = m.key.includes(':?:') || m.key.endsWith(':~');
    return partial ? `govpart:${it.article_id}:${m.key}` : m.key;
  }
  // generic collectives, and state forces without a country, are actors of their article only
  if (m.key?.startsWith('generic:')) return m.key.endsWith(':@') || m.key.includes(':?') ? `${m.key}:${it.article_id}` : m.key;
  if (m.key) return m.key;
  if (m.type === 'person') return personBaseKey(m.name);
  return `${m.type}:${foldName(m.name)}`;
}

/**
 * The cluster key of a person's name. One word is keyed as written: its sound key is shared by too many other
 * names across a corpus ("Parry", "Perry", "Piero"); a full name's sound key joins its spellings ("Mohammed Ali",
 * "Muhammad Ali").
 */
function personBaseKey(name: string): string {
  const pk = personKey(name);
  return pk.tokens === 1 ? `person:${fold(name).replace(/[^\p{L}\p{N}]+/gu, '')}` : `person:${pk.full}`;
}

/** Resolves per-article mentions into actors across the corpus. */
export function resolveActors(extractions: readonly Extraction[], _articles: readonly ArticleRow[]): ResolvedActors {
  const items: Item[] = [];
  for (const ex of [...extractions].sort((a, b) => (a.article_id < b.article_id ? -1 : a.article_id > b.article_id ? 1 : 0))) {
    ex.mentions.forEach((m, index) => items.push({ article_id: ex.article_id, index, m }));
  }
  const keyOf = items.map(baseKey);
  const uf = new Clusters();
  keyOf.forEach((k) => uf.find(k));

  // gazetteer people: a text-found full name equal to a gazetteer person's name or alias joins it
  const gazPersonKeys = new Map<string, string>();
  for (const [key, e] of ENTRY_BY_KEY) if (e.type === 'person') for (const f of [e.name, ...e.aliases]) gazPersonKeys.set(personBaseKey(f), `actors:${key}`);
  for (const k of new Set(keyOf)) {
    const g = gazPersonKeys.get(k);
    if (g) uf.union(g, k);
  }

  // people: block by first-name key; surnames within tolerance merge
  const persons = new Map<string, { first: string; last: string; firstRaw: string; lastRaw: string; tokens: number }>();
  /** The articles each person key is named in. */
  const personArticles = new Map<string, Set<string>>();
  items.forEach((it, i) => {
    if (it.m.type !== 'person' || it.m.key) return;
    const k = keyOf[i]!;
    const arts = personArticles.get(k) ?? new Set<string>();
    arts.add(it.article_id);
    personArticles.set(k, arts);
    if (persons.has(k)) return;
    const pk = personKey(it.m.name);
    const toks = tokenize(it.m.name);
    persons.set(k, {
      first: pk.first,
      last: pk.last,
      firstRaw: toks[0]?.fold ?? '',
      lastRaw: toks.length ? toks[toks.length - 1]!.fold : '',
      tokens: pk.tokens,
    });
  });
  const byFirst = new Map<string, string[]>();
  const byLast = new Map<string, string[]>();
  for (const [k, p] of [...persons].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    if (p.tokens < 2) continue;
    pushTo(byFirst, p.first, k);
    pushTo(byLast, p.last, k);
  }
  // compared within first name and first letter of the surname (names with other first letters never merge): blocks stay small
  const byFirstInitial = new Map<string, string[]>();
  for (const ks of byFirst.values()) for (const k of ks) pushTo(byFirstInitial, `${persons.get(k)!.first}\u0000${persons.get(k)!.lastRaw[0] ?? ''}`, k);
  for (const ks of byFirstInitial.values()) {
    for (let a = 0; a < ks.length; a++)
      for (let b = a + 1; b < ks.length; b++) {
        const pa = persons.get(ks[a]!)!,
          pb = persons.get(ks[b]!)!;
        if (pa.lastRaw[0] !== pb.lastRaw[0]) continue;
        if (editDistance(pa.lastRaw, pb.lastRaw, 2) <= surnameTolerance(Math.min(pa.lastRaw.length, pb.lastRaw.length))) uf.union(ks[a]!, ks[b]!);
      }
  }
  // one-word names: join the single full-name person (cluster) with that surname
  // (a word that is also the first name of full names across the corpus, "Harry", stands for none of them in
  // particular: it joins a namesake only in an article that names that person in full, see below)
  const firstNames = new Set([...persons.values()].filter((o) => o.tokens >= 2).map((o) => o.firstRaw));
  for (const [k, p] of persons) {
    if (p.tokens !== 1) continue;
    if (firstNames.has(p.lastRaw)) continue;
    // the surname as written, not only its transliteration key: one word across articles is too weak for the key
    // alone ("Kaple" and "Gable" share a key; a company the tagger read as a person must not join a namesake)
    let roots = new Set((byLast.get(p.last) ?? []).filter((x) => persons.get(x)!.lastRaw === p.lastRaw).map((x) => uf.find(x)));
    // else a misspelt surname ("Petrakowa"): the one full name whose surname is within the edit tolerance, named in
    // an article with it; a short word is too near too many other words across a corpus (an agency's acronym one
    // letter off a runner's surname), and any word is near some surname of another story ("Christmas", "Christian")
    const own = personArticles.get(k) ?? new Set<string>();
    if (!roots.size && p.lastRaw.length >= 7) {
      roots = new Set(
        [...persons]
          .filter(
            ([x, o]) =>
              o.tokens >= 2 &&
              [...(personArticles.get(x) ?? [])].some((a) => own.has(a)) &&
              o.lastRaw[0] === p.lastRaw[0] &&
              editDistance(o.lastRaw, p.lastRaw, 2) <= surnameTolerance(Math.min(o.lastRaw.length, p.lastRaw.length)),
          )
          .map(([x]) => uf.find(x)),
      );
    }
    if (roots.size === 1) uf.union(k, [...roots][0]!);
  }

  // acronyms defined in one article ("Long Name (LN)") join a bare use of the acronym in any other article,
  // when the corpus defines that acronym one way only
  const acronymLong = new Map<string, Set<string>>(); // acronym as written -> cluster keys of its long forms
  items.forEach((it, i) => {
    if (it.m.method !== 'acronym' || it.m.type === 'person' || it.m.text === it.m.name) return;
    const set = acronymLong.get(it.m.text) ?? new Set<string>();
    set.add(keyOf[i]!);
    acronymLong.set(it.m.text, set);
  });
  items.forEach((it, i) => {
    if ((it.m.type !== 'organization' && it.m.type !== 'group') || it.m.key || it.m.method === 'acronym') return;
    const longs = acronymLong.get(it.m.name);
    if (!longs) return;
    const roots = new Set([...longs].map((x) => uf.find(x)));
    if (roots.size === 1) uf.union(keyOf[i]!, [...roots][0]!);
  });
  // gazetteer short forms seen alone: "person:putin" joins "actors:vladimir-putin"
  for (const [key, e] of ENTRY_BY_KEY)
    if (e.type === 'person')
      for (const s of e.short ?? []) {
        const k = personBaseKey(s);
        if (persons.has(k)) uf.union(`actors:${key}`, k);
      }

  // organizations and groups from text: containment "Islamic Jihad" ⊂ "Palestinian Islamic Jihad"
  const orgNames = new Map<string, string>(); // folded name → cluster key
  const orgCountry = new Map<string, string>(); // cluster key → country: two countries' "Central Bank" never join
  items.forEach((it, i) => {
    if ((it.m.type === 'organization' || it.m.type === 'group') && !it.m.key?.startsWith('gov') && !it.m.key?.startsWith('generic:')) {
      orgNames.set(foldName(it.m.name), keyOf[i]!);
      if (it.m.country) orgCountry.set(keyOf[i]!, it.m.country);
    }
  });
  const sameCountry = (key: string, c: string | null) => !c || !orgCountry.get(key) || orgCountry.get(key) === c;
  for (const [k, p] of ENTRY_BY_KEY)
    if (p.type === 'organization' || p.type === 'group')
      for (const f of [p.name, ...p.aliases]) if (!orgNames.has(foldName(f))) orgNames.set(foldName(f), `actors:${k}`);
  // longer names by their final words (every proper word suffix of two or more words), in orgNames order: no scan of all names per mention
  const bySuffix = new Map<string, string[]>();
  for (const [name, key] of orgNames) {
    const words = name.split(' ');
    for (let w = 1; w + 2 <= words.length; w++) pushTo(bySuffix, words.slice(w).join(' '), key);
  }
  items.forEach((it, i) => {
    if ((it.m.type !== 'organization' && it.m.type !== 'group') || it.m.key) return;
    const f = foldName(it.m.name);
    const stripped = f.replace(LEADING, '');
    const same = stripped !== f ? orgNames.get(stripped) : undefined;
    if (same && sameCountry(same, it.m.country)) {
      uf.union(keyOf[i]!, same);
      return;
    }
    if (f.split(' ').length < 2) return;
    const longer = new Set((bySuffix.get(f) ?? []).filter((key) => sameCountry(key, it.m.country)).map((key) => uf.find(key)));
    if (longer.size === 1) uf.union(keyOf[i]!, [...longer][0]!);
  });

  // partial government bodies: join the one full body of that portfolio in a country the article mentions
  const fullBodies = new Map<string, string[]>(); // "<ISO>:<portfolio>" → keys
  for (const k of new Set(keyOf))
    if (k.startsWith('gov:')) {
      const [, iso, port] = k.split(':');
      if (!fullBodies.get(`${iso}:${port}`)?.includes(k)) pushTo(fullBodies, `${iso}:${port}`, k);
    }
  const countriesByArticle = new Map<string, Set<string>>();
  for (const it of items)
    if (it.m.country) {
      const s = countriesByArticle.get(it.article_id) ?? new Set<string>();
      s.add(it.m.country);
      countriesByArticle.set(it.article_id, s);
    }
  items.forEach((it, i) => {
    const k = keyOf[i]!;
    if (!k.startsWith('govpart:')) return;
    const [, iso, port] = it.m.key!.split(':');
    const isos = iso && iso !== '?' ? [iso] : [...(countriesByArticle.get(it.article_id) ?? [])];
    const cands = new Set(isos.flatMap((c) => fullBodies.get(`${c}:${port}`) ?? []).map((x) => uf.find(x)));
    if (cands.size === 1) uf.union(k, [...cands][0]!);
  });

  // one name typed a person in some reports and a body in others is one actor ("Kestrel" the firm read as a person
  // once; "Ana Ruiz" read as a body once): joined when one side is named only so, its type then decided by the
  // evidence of all its mentions (see typeOf)
  const namesOf = new Map<string, Set<string>>(); // cluster root → folded names of its mentions
  const typesOf = new Map<string, Set<string>>();
  items.forEach((it, i) => {
    const r = uf.find(keyOf[i]!);
    (namesOf.get(r) ?? namesOf.set(r, new Set()).get(r)!).add(foldName(it.m.name));
    (typesOf.get(r) ?? typesOf.set(r, new Set()).get(r)!).add(it.m.type);
  });
  const personRoots = new Map<string, string[]>(); // folded name → roots of person clusters holding it
  for (const [r, names] of namesOf) if (typesOf.get(r)!.has('person') && !r.startsWith('actors:')) for (const n of names) pushTo(personRoots, n, r);
  for (const [r, names] of [...namesOf].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    const t = typesOf.get(r)!;
    if (r.startsWith('actors:') || r.startsWith('countries:') || r.startsWith('gov') || r.startsWith('generic:')) continue;
    if (!(t.size === 1 && (t.has('organization') || t.has('group')))) continue;
    for (const n of names) {
      const ps = (personRoots.get(n) ?? []).filter((p) => uf.find(p) !== uf.find(r));
      // (only one person of that name, and one of the two named only so: a firm "Ford" never joins a "Harrison Ford")
      if (ps.length !== 1) continue;
      const pn = namesOf.get(ps[0]!)!;
      if ((names.size === 1 || (pn.size === 1 && pn.has(n))) && !(pn.size > 1 && names.size > 1)) uf.union(r, ps[0]!);
    }
  }

  // --- build rows
  const groups = new Map<string, number[]>();
  keyOf.forEach((k, i) => pushTo(groups, uf.find(k), i));
  const actors: ActorRow[] = [];
  const mentions: ActorMentionRow[] = [];
  const actorOf = new Map<string, string>();
  const usedIds = new Set<string>();
  const idOfRoot = new Map<string, string>();
  const roots = [...groups.keys()].sort();
  const affiliationName = new Map<string, string>();
  for (const root of roots) {
    const idx = groups.get(root)!;
    const ms = idx.map((i) => items[i]!.m);
    const gazKey = idx
      .map((i) => keyOf[i]!)
      .concat(root)
      .find((k) => k.startsWith('actors:') || k.startsWith('countries:'));
    const entry = gazKey?.startsWith('actors:') ? ENTRY_BY_KEY.get(gazKey.slice(7)) : undefined;
    const gazMention = ms.find((m) => m.key && (m.key.startsWith('actors:') || m.key.startsWith('countries:')));
    const name = entry?.name ?? gazMention?.name ?? canonicalName(ms);
    const type = entry?.type ?? gazMention?.type ?? typeOf(ms);
    const perArticle = root.startsWith('generic:') && (root.includes(':@:') || root.includes(':?:'));
    let actor_id = perArticle ? `${slug(name)}-${hashId('', items[idx[0]!]!.article_id).slice(0, 6)}` : slug(name);
    if (usedIds.has(actor_id)) actor_id = `${actor_id}-${type}`;
    if (usedIds.has(actor_id)) actor_id = `${actor_id}-${hashId('', root).slice(0, 6)}`;
    usedIds.add(actor_id);
    idOfRoot.set(root, actor_id);
    const aff = majority(ms.map((m) => m.affiliation ?? null).filter((x): x is string => !!x));
    if (aff) affiliationName.set(actor_id, aff);
    actors.push({
      actor_id,
      name,
      type,
      country: entry?.country ?? gazMention?.country ?? majority(ms.map((m) => m.country).filter((c): c is string => !!c)) ?? null,
      aliases: [...new Set([name, ...ms.map((m) => m.text.replace(/['’]s$/, ''))])].sort(),
      roles: roleList(ms.map((m) => m.role)),
      affiliation: null,
      article_count: new Set(idx.map((i) => items[i]!.article_id)).size,
      mention_count: new Set(idx.map((i) => `${items[i]!.article_id}:${ms[idx.indexOf(i)]!.char_start}`)).size,
      source: gazKey ? gazKey.split(':')[0]! : ms.some((m) => m.key?.startsWith('gov:') || m.key?.startsWith('generic:')) ? 'pattern' : 'text',
    });
    for (const i of idx) {
      const it = items[i]!;
      actorOf.set(ref(it.article_id, it.index), actor_id);
      mentions.push({
        mention_id: hashId('m', it.article_id, it.m.char_start, it.m.char_end),
        actor_id,
        article_id: it.article_id,
        sentence_index: it.m.sentence_index,
        char_start: it.m.char_start,
        char_end: it.m.char_end,
        text: it.m.text,
        method: it.m.method,
        role: it.m.role,
        rule: it.m.rule ?? null,
      });
    }
  }
  // affiliation: the actor whose name the text gave ("Hamas official X" → hamas)
  const idByName = new Map<string, string>();
  for (const a of actors) for (const al of a.aliases) if (!idByName.has(foldName(al))) idByName.set(foldName(al), a.actor_id);
  for (const a of actors) {
    const n = affiliationName.get(a.actor_id);
    const id = n ? idByName.get(foldName(n)) : undefined;
    if (id && id !== a.actor_id) a.affiliation = id;
  }
  actors.sort((a, b) => (a.actor_id < b.actor_id ? -1 : a.actor_id > b.actor_id ? 1 : 0));
  return { actors, mentions, actorOf };
}

/** Roles seen, one per case-folded form (the capitalized spelling preferred), sorted. */
function roleList(roles: readonly (string | null)[]): string[] {
  const byFold = new Map<string, string>();
  for (const r of roles) {
    if (!r) continue;
    const clean = r.replace(/\s+/g, ' ').trim();
    const k = clean.toLowerCase();
    const had = byFold.get(k);
    if (!had || clean < had) byFold.set(k, clean); // uppercase sorts first: "Deputy Foreign Minister" over "deputy foreign minister"
  }
  return [...byFold.values()].sort();
}

/** Most frequent value; ties to the lexicographically smallest. */
/**
 * The type of an actor from its mentions: a mention that a cue made ("Ms X said", "X Ltd", an acronym defined)
 * outweighs three the tagger made alone, and a one-word name the tagger alone calls a person counts a third; ties go
 * to a person for a name of two words or more, else to a body.
 */
function typeOf(ms: readonly ActorMentionX[]): ActorMentionX['type'] {
  const w = new Map<ActorMentionX['type'], number>();
  const multi = ms.some((m) => m.name.trim().includes(' '));
  // (a one-word name the tagger alone calls a person is weak evidence: a person is introduced by full name, a
  // firm, a band or a club is not, "Kestrel said")
  for (const m of ms) w.set(m.type, (w.get(m.type) ?? 0) + (!m.rule?.startsWith('tagger-') ? 3 : m.type === 'person' && !multi ? 1 / 3 : 1));
  const rank = (t: string) => (t === 'person' ? (multi ? 0 : 1) : multi ? 1 : 0);
  return [...w].sort((a, b) => b[1] - a[1] || rank(a[0]) - rank(b[0]) || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))[0]![0];
}

function majority<T extends string>(xs: readonly T[]): T | undefined {
  const c = new Map<T, number>();
  for (const x of xs) c.set(x, (c.get(x) ?? 0) + 1);
  return [...c].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))[0]?.[0];
}

/**
 * Canonical display name: the most frequent longest-token name, ties to the lexicographically smallest; a list
 * that holds another of its names ("Ford and Kestrel Motors" beside "Kestrel Motors") is no name of it.
 */
export function canonicalName(ms: readonly Pick<ActorMentionX, 'name'>[]): string {
  const counts = new Map<string, number>();
  for (const m of ms) counts.set(m.name, (counts.get(m.name) ?? 0) + 1);
  for (const name of [...counts.keys()]) {
    const parts = /^(.+?)\s+(?:and|&)\s+(.+)$/.exec(name);
    if (parts && counts.size > 1 && (counts.has(parts[1]!) || counts.has(parts[2]!))) counts.delete(name);
  }
  return [...counts].sort((a, b) => b[0].split(/\s+/).length - a[0].split(/\s+/).length || b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]![0];
}
