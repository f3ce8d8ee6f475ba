/**
 * Actor mentions in one article.
 *
 * 1. Gazetteer (compiled once, token trie): countries and their aliases,
 *    demonyms standing for a state ("Israeli forces"), capitals and seats of
 *    government that act ("Moscow has sent", "the Kremlin said"),
 *    international organizations, parties, armed groups, news agencies,
 *    leaders. Territories ("Gaza", "West Bank") are places, never actors.
 * 2. Acronyms defined in the text, "Long Name (ABC)", and their later uses.
 * 3. Government bodies by pattern ("Ministry of Health in X").
 * 4. People by cue: a title or role before the name, an apposition after it
 *    (", a senior fellow at"), a reporting verb, a kinship word. A title
 *    alone is not an actor.
 * 5. Within the article, a surname or short form refers back to the full
 *    name (method alias); a misspelt surname within a small edit distance of
 *    a full name's surname resolves to it (method fuzzy).
 */
import type { ActorMentionX, Document } from '../../schemas/pipeline.ts';
import { findBodies } from './actors/bodies.ts';
import { AMBIGUOUS_COUNTRY_FORMS, matchAt, type GazEntry, type GazHit, type Payload } from './actors/lexicon.ts';
import {
  ACTING_VERB, APPOSITION, KIN_BEFORE, NOT_NAME, ORG_HEADS, PARTICLES, PLACE_BEFORE, STATE_NOUNS, STATE_POSSESSED,
  HEAD_WORDS, SURNAME_PARTICLES, TITLE_BEFORE, TITLE_WORDS, VERB_AFTER, VERB_BEFORE, titleAt,
} from './actors/people.ts';
import { editDistance, fold, joins, nameKey, possessiveAt, surnameTolerance, tokenize, type Token } from './actors/text.ts';

type Fields = Omit<ActorMentionX, 'sentence_index' | 'char_start' | 'char_end' | 'text'>;
interface Cand { readonly start: number; readonly end: number; readonly prio: number; readonly f: Fields }

const PRIORITY: Record<Payload['kind'], number> = { entry: 0, country: 1, seat: 2, territory: 3, capital: 4, demonym: 5 };
const pick = (ps: readonly Payload[]): Payload => [...ps].sort((a, b) => PRIORITY[a.kind] - PRIORITY[b.kind] || (a.kind === 'entry' && b.kind === 'entry' ? Number(a.contextOnly) - Number(b.contextOnly) : 0))[0]!;

const entryFields = (e: GazEntry, role: string | null = null): Fields => ({
  name: e.name, type: e.type, country: e.country, role, method: 'gazetteer', key: `actors:${e.key}`,
});
const countryFields = (iso3: string, name: string, method: Fields['method']): Fields => ({
  name, type: 'country', country: iso3, role: null, method, key: `countries:${iso3}`,
});

/** A gazetteer hit with the payload chosen for it. */
interface Gaz { readonly hit: GazHit; readonly p: Payload }

const isNameToken = (t: Token): boolean => t.cap && /\p{Ll}/u.test(t.text) && !NOT_NAME.has(t.fold) && t.text.length > 1;
const isAllCaps = (t: Token): boolean => !/\p{Ll}/u.test(t.text);

/** Finds every actor mention in one cleaned article. Pure and deterministic. */
export function findActorMentions(doc: Document): ActorMentionX[] {
  const text = doc.text;
  const toks = tokenize(text);
  const n = toks.length;
  const cands: Cand[] = [];
  const add = (start: number, end: number, prio: number, f: Fields) => { if (end > start) cands.push({ start, end, prio, f }); };

  // --- 1. gazetteer hits over tokens
  const gazAt: (Gaz | undefined)[] = new Array(n);
  const hits: Gaz[] = [];
  for (let i = 0; i < n;) {
    const hit = matchAt(text, toks, i);
    if (!hit) { i++; continue; }
    const g = { hit, p: pick(hit.payloads) };
    hits.push(g);
    for (let k = hit.from; k < hit.to; k++) gazAt[k] = g;
    i = hit.to;
  }
  const countriesHere = new Set<string>();
  for (const g of hits) if (g.p.kind !== 'entry' && g.p.iso3) countriesHere.add(g.p.iso3);

  // --- 2. acronyms defined in the text
  const acronyms = new Map<string, Fields>();
  const definitionSpans: [number, number][] = [];
  for (let i = 0; i + 1 < n; i++) {
    const t = toks[i]!;
    if (!isAllCaps(t) || t.text.length < 2 || t.text.length > 8 || text[t.start - 1] !== '(' || text[t.end] !== ')') continue;
    const letters = t.text.replace(/[^\p{Lu}]/gu, '');
    // walk back over the long form: capitalized words and connectors, same line
    let j = i - 1;
    const words: Token[] = [];
    while (j >= 0 && words.length < 12 && /^\s*$/.test(text.slice(toks[j]!.end, j === i - 1 ? t.start - 1 : toks[j + 1]!.start)) && !text.slice(toks[j]!.end, j === i - 1 ? t.start - 1 : toks[j + 1]!.start).includes('\n')) {
      words.unshift(toks[j]!);
      j--;
      if (j >= 0 && /[^\s\-]/.test(text.slice(toks[j]!.end, toks[j + 1]!.start))) break;
    }
    // smallest suffix whose capitalized initials spell the acronym
    for (let s = words.length - 1; s >= 0; s--) {
      const form = words.slice(s);
      if (!form[0]!.cap) continue;
      const initials = form.filter((w) => w.cap).map((w) => w.text[0]!.toUpperCase()).join('');
      if (initials !== letters) { if (initials.length > letters.length) break; continue; }
      const start = form[0]!.start, end = form[form.length - 1]!.end;
      const g = gazAt[toks.indexOf(form[0]!)];
      let f: Fields;
      if (g && g.hit.to - 1 === toks.indexOf(form[form.length - 1]!) && (g.p.kind === 'entry' || g.p.kind === 'country')) {
        f = g.p.kind === 'entry' ? entryFields(g.p.entry) : countryFields(g.p.iso3, g.p.name, 'gazetteer');
      } else {
        const name = text.slice(start, end);
        const ctry = form.map((w) => gazAt[toks.indexOf(w)]).find((x) => x && x.p.kind !== 'entry' && x.p.iso3);
        f = { name, type: 'organization', country: ctry && ctry.p.kind !== 'entry' ? ctry.p.iso3 : null, role: null, method: 'exact', key: null };
        add(start, end, 1, f);
      }
      acronyms.set(t.text, f);
      definitionSpans.push([t.start - 1, t.end + 1]);
      break;
    }
  }

  // later uses of acronyms the gazetteer does not know
  if (acronyms.size) for (let i = 0; i < n; i++) {
    const t = toks[i]!;
    const f = acronyms.get(t.text);
    if (f && !gazAt[i] && !definitionSpans.some(([a, b]) => t.start >= a && t.end <= b)) add(t.start, t.end, 0, { ...f, method: 'acronym' });
  }

  // --- emit gazetteer mentions
  for (const g of hits) {
    const { hit, p } = g;
    const first = toks[hit.from]!, last = toks[hit.to - 1]!;
    const surface = text.slice(first.start, last.end);
    if (acronyms.has(surface)) {
      if (!definitionSpans.some(([a, b]) => first.start >= a && last.end <= b)) add(first.start, last.end, 0, { ...acronyms.get(surface)!, method: 'acronym' });
      continue;
    }
    const next = toks[hit.to];
    const nextJoined = next !== undefined && joins(text, last, next) && next.cap;
    const prev = toks[hit.from - 1];
    const prevJoined = prev !== undefined && joins(text, prev, first) && prev.cap && isNameToken(prev) && !TITLE_WORDS.has(prev.fold);
    const before = text.slice(Math.max(0, first.start - 40), first.start);
    const after = text.slice(last.end + possessiveAt(text, last.end), last.end + 60);
    switch (p.kind) {
      case 'entry': {
        const e = p.entry;
        if (p.contextOnly && !(e.country && countriesHere.has(e.country))) break;
        if (e.standalone && nextJoined) break;
        if (nextJoined && ORG_HEADS.has(next!.fold)) break;
        if (e.type === 'person' && prevJoined) break;
        if (e.type === 'person') {
          const tb = prev && HEAD_WORDS.has(prev.fold) ? TITLE_BEFORE.exec(before) : null;
          add(first.start, last.end, 0, entryFields(e, tb ? tb[1]!.trim() : null));
          break;
        }
        // "UNRWA, the UN refugee agency": a descriptive alias in apposition names the organization before it
        const appo = /,\s+(?:the|a|an)\s+$/.exec(before);
        if (appo && tokenize(surface).some((w) => !w.cap)) {
          const prevOrg = cands.find((c) => c.end === first.start - appo[0].length && c.f.type !== 'person' && c.f.type !== 'country');
          if (prevOrg) { add(first.start, last.end, 0, { ...prevOrg.f, method: 'alias' }); break; }
        }
        add(first.start, last.end, 0, entryFields(e));
        break;
      }
      case 'country':
        if (AMBIGUOUS_COUNTRY_FORMS.has(surface) && (prevJoined || (nextJoined && isNameToken(next!)))) break;
        add(first.start, last.end, 1, countryFields(p.iso3, p.name, 'gazetteer'));
        break;
      case 'demonym': {
        const m = /^\s+([\p{Ll}]+)/u.exec(text.slice(last.end, last.end + 30));
        if (m && STATE_NOUNS.has(m[1]!)) add(first.start, last.end, 5, countryFields(p.iso3, p.name, 'demonym'));
        break;
      }
      case 'capital': {
        const poss = possessiveAt(text, last.end) > 0;
        const acting = poss ? STATE_POSSESSED.test(after) : ACTING_VERB.test(after) && !PLACE_BEFORE.test(before);
        if (acting && !nextJoined) add(first.start, last.end, 4, countryFields(p.iso3, p.name, 'metonym'));
        break;
      }
      case 'seat':
        if (!PLACE_BEFORE.test(before)) add(first.start, last.end, 2, countryFields(p.iso3, p.name, 'metonym'));
        break;
      case 'territory':
        break;
    }
  }

  // --- 3. government bodies
  for (const b of findBodies(text)) {
    add(b.start, b.end, 1, { name: b.name, type: 'organization', country: b.country, role: null, method: 'exact', key: b.key });
  }

  // --- 4. people
  const people = findPeople(text, toks, gazAt, cands);
  for (const c of people) cands.push(c);

  // --- choose non-overlapping mentions: lower prio wins, then longer
  const chosen: Cand[] = [];
  for (const c of [...cands].sort((a, b) => a.prio - b.prio || (b.end - b.start) - (a.end - a.start) || a.start - b.start)) {
    if (chosen.some((o) => c.start < o.end && o.start < c.end)) continue;
    chosen.push(c);
  }
  chosen.sort((a, b) => a.start - b.start);

  // --- 5. back-references to people: surnames, short forms, misspellings
  const refs = backReferences(text, toks, chosen, gazAt);
  const all = [...chosen, ...refs].sort((a, b) => a.start - b.start);

  const sents = doc.sentences;
  const out: ActorMentionX[] = [];
  let si = 0;
  for (const c of all) {
    while (si < sents.length && sents[si]!.char_end <= c.start) si++;
    const s = sents[si];
    if (!s || s.char_start > c.start) continue;
    out.push({ sentence_index: s.sentence_index, char_start: c.start, char_end: c.end, text: text.slice(c.start, c.end), ...c.f });
  }
  return out;
}

/** Person candidate before within-article canonicalization. */
interface PersonCand { start: number; end: number; tokens: Token[]; role: string | null; country: string | null; affiliation: string | null; full: boolean }

/** "its politburo": the nearest organization before `at`, in the same sentence. */
function itsOrg(text: string, cands: readonly Cand[], at: number): { country: string | null; affiliation: string | null } {
  let best: Cand | undefined;
  for (const c of cands) if (c.end <= at && c.f.type === 'organization' && (!best || c.end > best.end)) best = c;
  if (!best || /[.!?]\s/.test(text.slice(best.end, at))) return { country: null, affiliation: null };
  return { country: best.f.country, affiliation: best.f.name };
}

/** Categories of organization whose members take its country ("Hamas official", "PA Prime Minister"). */
const GOVERNING = new Set(['government', 'political_party', 'political_organization', 'armed_group', 'military', 'intelligence', 'legislature']);

function affiliationIn(span: readonly (Gaz | undefined)[], text: string, toks: readonly Token[], from: number, to: number): { country: string | null; affiliation: string | null } {
  for (let k = from; k < to; k++) {
    const g = span[k];
    if (!g) continue;
    if (g.p.kind === 'entry' && g.p.entry.type !== 'person') return { country: GOVERNING.has(g.p.entry.category) ? g.p.entry.country : null, affiliation: g.p.entry.name };
    if (g.p.kind === 'demonym' || g.p.kind === 'country') return { country: g.p.iso3, affiliation: null };
  }
  void text; void toks;
  return { country: null, affiliation: null };
}

const tokenIndexAt = (toks: readonly Token[], offset: number): number => {
  let lo = 0, hi = toks.length;
  while (lo < hi) { const mid = (lo + hi) >> 1; if (toks[mid]!.start < offset) lo = mid + 1; else hi = mid; }
  return lo;
};

function findPeople(text: string, toks: readonly Token[], gazAt: readonly (Gaz | undefined)[], cands: readonly Cand[]): Cand[] {
  const n = toks.length;
  const folds = toks.map((t) => t.fold);
  const found: PersonCand[] = [];
  let pendingTitle: { role: string; end: number; country: string | null; affiliation: string | null } | null = null;
  const gazPersonAt = (k: number) => { const g = gazAt[k]; return g && g.p.kind === 'entry' && g.p.entry.type === 'person'; };
  const blocked = (k: number) => { const g = gazAt[k]; return !!g && !(g.p.kind === 'entry' && g.p.entry.type === 'person') && !(g.p.kind === 'country' && AMBIGUOUS_COUNTRY_FORMS.has(toks[k]!.text)); };

  for (let i = 0; i < n; i++) {
    const t = toks[i]!;
    if (!t.cap) continue;
    // a run: a title phrase and/or a name, joined tokens on one line
    let k = i;
    let role: string | null = null;
    let country: string | null = null;
    let affiliation: string | null = null;
    // modifiers: "Russian", "PA", "Hamas" before a title
    let m = k;
    while (m < n && gazAt[m] && (m === k || joins(text, toks[m - 1]!, toks[m]!))) m = gazAt[m]!.hit.to;
    if (m > k && m < n && joins(text, toks[m - 1]!, toks[m]!) && titleAt(folds, m)) {
      const a = affiliationIn(gazAt, text, toks, k, m);
      country = a.country; affiliation = a.affiliation; k = m;
    }
    if (k < n && folds[k] === 'the' && k + 1 < n && titleAt(folds, k + 1)) k++;
    const tl = titleAt(folds, k);
    if (tl && toks[k]!.cap === toks[k]!.cap) {
      role = text.slice(toks[k]!.start, toks[k + tl - 1]!.end);
      k += tl;
      if (k < n && text[toks[k - 1]!.end] === '.') { /* "Gen." */ }
      // "President of the Palestinian National Authority (PNA), NAME"
      if (k < n && /^(of|for|to)$/.test(folds[k]!) && joins(text, toks[k - 1]!, toks[k]!)) {
        let e = k + 1;
        while (e < n && joins(text, toks[e - 1]!, toks[e]!) && e - k < 10) e++;
        const a = affiliationIn(gazAt, text, toks, k, e);
        const close = /^(?:\s*\([^)]{1,12}\))?\s*,\s/.exec(text.slice(toks[e - 1]!.end, toks[e - 1]!.end + 20));
        if (close && (a.country || a.affiliation)) pendingTitle = { role, end: toks[e - 1]!.end + close[0].length, country: a.country ?? country, affiliation: a.affiliation ?? affiliation };
        i = e - 1;
        continue;
      }
      if (k >= n || !joins(text, toks[k - 1]!, toks[k]!)) { i = k - 1; continue; }
    } else if (k !== i) {
      continue;
    }
    // name tokens
    const nameStart = k;
    while (k < n && k - nameStart < 5) {
      const tk = toks[k]!;
      if (k > nameStart && !joins(text, toks[k - 1]!, tk)) break;
      if (blocked(k)) break;
      if (isNameToken(tk)) { k++; continue; }
      if (PARTICLES.has(tk.fold) && k + 1 < n && joins(text, tk, toks[k + 1]!) && isNameToken(toks[k + 1]!) && k > nameStart) { k++; continue; }
      break;
    }
    if (k === nameStart) { i = Math.max(i, k - 1); continue; }
    let nameToks = toks.slice(nameStart, k);
    // a capitalized common word after a title-less run start is rarely a name; trim sentence-initial capitals later by cues
    const start = nameToks[0]!.start, end = nameToks[nameToks.length - 1]!.end;
    const before = text.slice(Math.max(0, (role ? toks[i]!.start : start) - 80), role ? toks[i]!.start : start);
    const after = text.slice(end + possessiveAt(text, end), end + 140);
    let cue = false;
    if (role) cue = true;
    if (!role && pendingTitle && start === pendingTitle.end) {
      role = pendingTitle.role; country = pendingTitle.country; affiliation = pendingTitle.affiliation; cue = true;
    }
    const prevWord = toks[nameStart - 1];
    if (!role && prevWord && HEAD_WORDS.has(prevWord.fold)) {
      const tb = TITLE_BEFORE.exec(before);
      if (tb) {
        role = tb[1]!.trim(); cue = true;
        const ti = tokenIndexAt(toks, start - (before.length - tb.index) + (tb[0].length - tb[0].trimStart().length));
        // modifiers right before the title: "Hamas official", "Russia's deputy foreign minister"
        const a = toks[ti - 1]?.fold === 'its' ? itsOrg(text, cands, ti > 0 ? toks[ti - 1]!.start : start) : affiliationIn(gazAt, text, toks, Math.max(0, ti - 2), ti);
        country = a.country; affiliation = a.affiliation;
      }
    }
    const ap = APPOSITION.exec(after);
    if (ap) {
      cue = true;
      const phrase = ap[1]!.replace(/^(?:a|an|the|its|his|her|their)\s+/i, '');
      role ??= phrase;
      const from = tokenIndexAt(toks, end + possessiveAt(text, end));
      const to = tokenIndexAt(toks, end + possessiveAt(text, end) + ap[0].length);
      const a = affiliationIn(gazAt, text, toks, from, to);
      if (!country && !affiliation && /\bits\s/i.test(ap[0])) ({ country, affiliation } = itsOrg(text, cands, start));
      country ??= a.country; affiliation ??= a.affiliation;
    }
    const multi = nameToks.length >= 2;
    if (!cue && multi) {
      const near = before.slice(-24);
      if (VERB_BEFORE.test(near) || VERB_AFTER.test(after) || KIN_BEFORE.test(near)) cue = true;
    }
    if (nameToks.every((_, q) => gazPersonAt(nameStart + q))) cue = false; // already a known leader
    if (cue) {
      if (nameToks.length > 1 && isAllCaps(nameToks[nameToks.length - 1]!)) nameToks = nameToks.slice(0, -1);
      found.push({ start, end: nameToks[nameToks.length - 1]!.end, tokens: nameToks, role, country, affiliation, full: nameToks.length >= 2 });
    }
    pendingTitle = null;
    i = k - 1;
  }
  return canonicalPeople(text, found);
}

/** Merge person candidates of one article: same person when the surname matches and first names agree or are missing. */
function canonicalPeople(text: string, found: readonly PersonCand[]): Cand[] {
  const fulls: { name: string; first: string; last: string; toks: Token[]; country: string | null; affiliation: string | null }[] = [];
  const out: Cand[] = [];
  const surnameOf = (ts: readonly Token[]) => ts[ts.length - 1]!.fold;
  for (const p of found) if (p.full) {
    const last = surnameOf(p.tokens), first = nameKey(p.tokens[0]!.text);
    const same = fulls.find((f) => (f.last === last || (f.last[0] === last[0] && editDistance(f.last, last, 2) <= surnameTolerance(Math.min(f.last.length, last.length)))) && f.first === first);
    if (!same) fulls.push({ name: p.tokens.map((t, q) => (q ? text.slice(p.tokens[q - 1]!.end, t.start) : '') + t.text).join(''), first, last, toks: p.tokens, country: p.country, affiliation: p.affiliation });
    else { same.country ??= p.country; same.affiliation ??= p.affiliation; }
  }
  for (const p of found) {
    const last = surnameOf(p.tokens);
    let f = fulls.find((x) => x.last === last && (!p.full || x.first === nameKey(p.tokens[0]!.text)));
    let method: Fields['method'] = p.full ? 'exact' : 'alias';
    if (!f && p.full) f = fulls.find((x) => x.first === nameKey(p.tokens[0]!.text) && x.last[0] === last[0] && editDistance(x.last, last, 2) <= surnameTolerance(Math.min(x.last.length, last.length)));
    if (f && p.full && f.last !== last) method = 'fuzzy';
    const name = f ? f.name : p.tokens.map((t) => t.text).join(' ');
    out.push({ start: p.start, end: p.end, prio: 3, f: { name, type: 'person', country: p.country ?? f?.country ?? null, role: p.role, method, key: null, affiliation: p.affiliation ?? f?.affiliation ?? null } });
  }
  // every mention of one person carries the person's country and affiliation
  for (const c of out) {
    const f = fulls.find((x) => x.name === c.f.name);
    if (f) (c as { f: Fields }).f = { ...c.f, country: c.f.country ?? f.country, affiliation: c.f.affiliation ?? f.affiliation };
  }
  return out;
}

/** Surname and short-form back-references, and misspelt surnames, to people already recognized. */
function backReferences(text: string, toks: readonly Token[], chosen: readonly Cand[], gazAt: readonly (Gaz | undefined)[]): Cand[] {
  const persons = chosen.filter((c) => c.f.type === 'person');
  if (!persons.length) return [];
  // surname forms → person fields (full names only; the nearest earlier person wins on a clash)
  const forms: { seq: string[]; f: Fields; at: number }[] = [];
  for (const c of persons) {
    const ts = tokenize(c.f.name);
    if (ts.length < 2) continue;
    const f: Fields = { ...c.f, role: null, method: 'alias' };
    forms.push({ seq: [ts[ts.length - 1]!.fold], f, at: c.start });
    for (let q = ts.length - 2; q >= 1; q--) {
      if (!SURNAME_PARTICLES.has(ts[q]!.fold)) break;
      forms.push({ seq: ts.slice(q).map((t) => t.fold), f, at: c.start });
    }
  }
  forms.sort((a, b) => b.seq.length - a.seq.length);
  const taken = new Uint8Array(toks.length);
  for (const c of chosen) for (let k = tokenIndexAt(toks, c.start); k < toks.length && toks[k]!.start < c.end; k++) taken[k] = 1;
  const covered = (from: number, to: number) => { for (let k = from; k < to; k++) if (taken[k]) return true; return false; };
  const out: Cand[] = [];
  const singles = forms.filter((x) => x.seq.length === 1);
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i]!;
    if (!t.cap || taken[i]) continue;
    let done = false;
    for (const form of forms) {
      const L = form.seq.length;
      if (i + L > toks.length) continue;
      let ok = true;
      for (let q = 0; q < L; q++) if (toks[i + q]!.fold !== form.seq[q] || (q > 0 && !joins(text, toks[i + q - 1]!, toks[i + q]!))) { ok = false; break; }
      if (!ok) continue;
      const e = toks[i + L - 1]!.end;
      if (covered(i, i + L)) continue;
      const cands = forms.filter((x) => x.seq.join(' ') === form.seq.join(' '));
      const best = cands.filter((x) => x.at <= t.start).sort((a, b) => b.at - a.at)[0] ?? cands[0]!;
      out.push({ start: t.start, end: e, prio: 3, f: best.f });
      i += L - 1;
      done = true;
      break;
    }
    if (done || gazAt[i] || !isNameToken(t) || t.text.length < 5) continue;
    // a misspelt surname: same first letter, within the edit tolerance of one known surname
    const matches = new Set(singles.filter((x) => x.seq[0]![0] === t.fold[0] && x.seq[0] !== t.fold
      && editDistance(x.seq[0]!, t.fold, 2) <= surnameTolerance(Math.min(x.seq[0]!.length, t.fold.length))).map((x) => x.f.name));
    if (matches.size === 1) {
      const f = singles.find((x) => matches.has(x.f.name))!.f;
      out.push({ start: t.start, end: t.end, prio: 3, f: { ...f, method: 'fuzzy' } });
    }
  }
  return out;
}
