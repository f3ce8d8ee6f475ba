/**
 * Tagger names checked against the tagger's own other readings and the words
 * around every mention of the name in the article:
 *
 * - a name the tagger reads as MISC (a work, a product, an event, a
 *   nationality) at least as often as a person or an organization is not an
 *   actor ("Starfall" tagged a film twice and an organization once);
 * - a name a work or product noun introduces ("the film Starfall", "their new
 *   album Blue Harbour") or that one qualifies in most of its mentions ("the
 *   Zentra handset") is a work or a product, unless some mention of it acts
 *   ("Zentra said");
 * - a name ending in a venue noun is a place ("Marlow Arena"); a "person"
 *   someone plays, outside sport, is a character ("she played Ivy Lane");
 * - a one-word "person" that is a place in a sport article is the club or
 *   team of that town ("Bramford beat Easton 2-0"): an organization;
 * - every mention a modifier ("an MRI scan") is a kind of thing; a one-word
 *   name read as a place as often, outside sport, is the place; an initial
 *   and a surname ("J Walker") is a person;
 * - two names joined by "&" are one organization ("Hobbs & Lane"; not the
 *   single letters of "R & B");
 * - a tagger-only name met once, with a low tagger margin, and no other
 *   evidence in the article is dropped (one word, not a place).
 *
 * The cue words are data (pipeline/lexicons/en/actor-cues.json), passed in.
 */
import type { Cand } from '../actors.ts';
import type { TaggedSpan } from './arbitrate.ts';
import { ORG_HEADS } from './people.ts';
import { fold } from './text.ts';

export interface ActorCues {
  readonly workBefore: ReadonlySet<string>;
  readonly workAfter: ReadonlySet<string>;
  readonly reportingAfter: ReadonlySet<string>;
  readonly determiners: ReadonlySet<string>;
  readonly sport: ReadonlySet<string>;
  readonly venueLast: ReadonlySet<string>;
  readonly roleBefore: ReadonlySet<string>;
  readonly workListBefore: ReadonlySet<string>;
  readonly workVerbBefore: ReadonlySet<string>;
  readonly workVerbIn: ReadonlySet<string>;
  readonly workRoleAfter: ReadonlySet<string>;
  readonly placeOf: ReadonlySet<string>;
  /** Folded names of continents and regions ("asia", "latin america"): their adjectives are no actors. */
  readonly regions: ReadonlySet<string>;
  readonly peoples: ReadonlySet<string>;
  readonly sportingNations: ReadonlySet<string>;
  readonly companyLast: ReadonlySet<string>;
  /** Capitalized small words found inside a title-case run only in a work's title ("Learn To Live"). */
  readonly titleMarkers: ReadonlySet<string>;
  /** Small words organization names capitalize too ("Bank Of Kestrel"): title markers only without a head noun. */
  readonly titleWeakMarkers: ReadonlySet<string>;
  /** Plural verbs right after a one-word name: a club, a band or a firm ("Kestrels are"), never one person. */
  readonly pluralVerbAfter: ReadonlySet<string>;
  /** Organization nouns after "the" and a one-word name ("the Kestrel building society"). */
  readonly orgNounAfter: ReadonlySet<string>;
  /** Folded names of holidays and feasts ("christmas", "new year's eve"): dates, not actors. */
  readonly holidays: ReadonlySet<string>;
  /** Name heads that take a number ("Channel 4", "Radio 2"): elsewhere a number after a name is a score or an amount. */
  readonly numberedHeads: ReadonlySet<string>;
  /** Abbreviations of common nouns ("TV", "GDP"): alone no organization. */
  readonly commonAbbreviations: ReadonlySet<string>;
  /** Honorifics of men and of women ("mr", "mrs"): which of "he" and "she" may stand for the person after one. */
  readonly maleTitles: ReadonlySet<string>;
  readonly femaleTitles: ReadonlySet<string>;
}

export function actorCues(raw: {
  workBefore: string[];
  workAfter: string[];
  reportingAfter: string[];
  determiners: string[];
  sport: string[];
  venueLast: string[];
  roleBefore: string[];
  workListBefore: string[];
  workVerbBefore: string[];
  workVerbIn: string[];
  workRoleAfter: string[];
  placeOf: string[];
  regions: string[];
  peoples: string[];
  sportingNations: string[];
  companyLast: string[];
  titleMarkers: string[];
  titleWeakMarkers: string[];
  pluralVerbAfter: string[];
  orgNounAfter: string[];
  holidays: string[];
  numberedHeads: string[];
  commonAbbreviations: string[];
  maleTitles: string[];
  femaleTitles: string[];
}): ActorCues {
  return {
    workBefore: new Set(raw.workBefore),
    workAfter: new Set(raw.workAfter),
    reportingAfter: new Set(raw.reportingAfter),
    determiners: new Set(raw.determiners),
    sport: new Set(raw.sport),
    venueLast: new Set(raw.venueLast),
    roleBefore: new Set(raw.roleBefore),
    workListBefore: new Set(raw.workListBefore),
    workVerbBefore: new Set(raw.workVerbBefore),
    workVerbIn: new Set(raw.workVerbIn),
    workRoleAfter: new Set(raw.workRoleAfter),
    placeOf: new Set(raw.placeOf),
    regions: new Set(raw.regions.map(fold)),
    peoples: new Set(raw.peoples),
    sportingNations: new Set(raw.sportingNations),
    companyLast: new Set(raw.companyLast),
    titleMarkers: new Set(raw.titleMarkers),
    titleWeakMarkers: new Set(raw.titleWeakMarkers),
    pluralVerbAfter: new Set(raw.pluralVerbAfter),
    orgNounAfter: new Set(raw.orgNounAfter),
    holidays: new Set(raw.holidays.map(fold)),
    numberedHeads: new Set(raw.numberedHeads),
    commonAbbreviations: new Set(raw.commonAbbreviations),
    maleTitles: new Set(raw.maleTitles),
    femaleTitles: new Set(raw.femaleTitles),
  };
}

/** The least tagger margin under which a once-met tagger-only name needs other evidence. */
export const LOW_MARGIN = 5;
/** A town this large named as a person in a sport article is its club. */
const CLUB_TOWN = 50_000;

const isTagger = (c: Cand) => c.rule === 'tagger-person' || c.rule === 'tagger-organization';
const WORD = /[\p{L}\p{N}'’-]+/gu;
/** Does a letter or a digit end this text (the character before a name)? */
const WORDCHAR_BEFORE = /[\p{L}\p{N}]$/u;
const WORDCHAR_AFTER = /^[\p{L}\p{N}]/u;

/** Lowercase words right before an offset (nearest last), at most n. */
function wordsBefore(text: string, at: number, n: number): string[] {
  const seg = text.slice(Math.max(0, at - 60), at);
  if (/[.!?;:"“”()]\s*$/.test(seg)) return [];
  const ws = seg.match(WORD) ?? [];
  return ws
    .slice(-n)
    .reverse()
    .map((w) => w.toLowerCase());
}
/** The word right after an offset (lowercase), when only a space separates it. */
function wordAfter(text: string, at: number): string | null {
  const m = /^\s+([\p{L}\p{N}'’-]+)/u.exec(text.slice(at, at + 40));
  return m ? m[1]! : null;
}

/** Is the article about sport: at least three different sport words? */
export function isSportText(text: string, cues: ActorCues): boolean {
  const seen = new Set<string>();
  // in any case: a results table is often in capitals ("LEAGUE STANDINGS")
  for (const m of text.toLowerCase().matchAll(/\b[\p{Ll}-]+\b/gu))
    if (cues.sport.has(m[0])) {
      seen.add(m[0]);
      if (seen.size >= 3) return true;
    }
  return false;
}

/** Two tagger names joined by "&" ("Hobbs & Lane", "Lane & Sons"): one organization span. */
export function joinAmpersands(text: string, spans: readonly TaggedSpan[]): TaggedSpan[] {
  const out: TaggedSpan[] = [];
  for (const s of spans) {
    const last = out[out.length - 1];
    if (
      last &&
      last.cls !== 'LOC' &&
      s.cls !== 'LOC' &&
      /^\s*&\s*$/.test(text.slice(last.end, s.start)) &&
      !/^\p{Lu}$/u.test(text.slice(s.start, s.end)) &&
      !/(?:^|\s)\p{Lu}$/u.test(text.slice(last.start, last.end))
    ) {
      out[out.length - 1] = { start: last.start, end: s.end, cls: 'ORG', margin: Math.min(last.margin, s.margin) };
      continue;
    }
    out.push(s);
  }
  // "Hobbs & Sons" with only the first part tagged: the capitalized words after "&" belong to the name
  return out.map((s) => {
    if (s.cls !== 'ORG' && s.cls !== 'PER') return s;
    const m = /^\s*&\s*(\p{Lu}[\p{L}'’.-]+(?:\s+\p{Lu}[\p{L}'’.-]*)*)/u.exec(text.slice(s.end, s.end + 60));
    if (!m || spans.some((o) => o.start >= s.end && o.start < s.end + m[0].length)) return s;
    // a full stop after the last word ends the sentence, not the name
    return { ...s, end: s.end + m[0].replace(/\.$/, '').length, cls: 'ORG' };
  });
}

interface Ctx {
  readonly text: string;
  readonly cands: readonly Cand[];
  readonly tagged: readonly TaggedSpan[];
  readonly cues: ActorCues;
  /** How large a place of this name the project knows: Infinity for a country or capital, else the largest town's population (0: none). */
  readonly placeSize: (word: string) => number;
}

/** Tagger candidates after the work, product, club, "&" and margin checks. */
export function checkTaggerNames(ctx: Ctx): Cand[] {
  const { text, cands, tagged, cues } = ctx;
  const key = (s: string) => fold(s.replace(/['’]s?$/u, ''));
  const votes = new Map<string, { actor: number; misc: number; loc: number }>();
  for (const t of tagged) {
    const k = key(text.slice(t.start, t.end));
    const v = votes.get(k) ?? { actor: 0, misc: 0, loc: 0 };
    if (t.cls === 'MISC') v.misc++;
    else if (t.cls === 'LOC') v.loc++;
    else v.actor++;
    votes.set(k, v);
  }
  const taggerOnly = cands.filter(isTagger);
  const byName = new Map<string, Cand[]>();
  for (const c of taggerOnly) {
    const k = key(c.f.name);
    byName.set(k, [...(byName.get(k) ?? []), c]);
  }
  // every occurrence of the name in the article, tagged or not
  // (a plain search for the first word, then the rest of the name and its edges checked where it starts: one
  // regular expression with Unicode classes compiled and run over the whole article per name cost a sixth of
  // the build)
  const occurrences = (name: string): number[] => {
    const out: number[] = [];
    const first = name.split(/\s+/)[0]!;
    const re = new RegExp(name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+'), 'y');
    for (let i = text.indexOf(first); i >= 0;) {
      re.lastIndex = i;
      const m = WORDCHAR_BEFORE.test(text.slice(Math.max(0, i - 2), i)) ? null : re.exec(text);
      const end = m ? i + m[0].length : i;
      const whole = m !== null && !WORDCHAR_AFTER.test(text.slice(end, end + 2));
      if (whole) out.push(i);
      i = text.indexOf(first, whole ? Math.max(end, i + 1) : i + 1);
    }
    return out;
  };
  const drop = new Set<string>();
  const toOrg = new Set<string>();
  const toPerson = new Set<string>();
  const sport = isSportText(text, cues);
  const works = new Set<string>();
  const actsOf = new Map<string, number>();
  for (const [k, cs] of byName) {
    const name = cs[0]!.f.name;
    const v = votes.get(k);
    if (v && v.misc > 0 && v.misc >= v.actor) {
      drop.add(k);
      works.add(k);
      continue;
    }
    // a name of two or more words ending in a venue noun is a place ("Marlow Arena", "Kestrel Street")
    const ws = k.split(/\s+/);
    if (ws.length >= 2 && cues.venueLast.has(ws[ws.length - 1]!)) {
      drop.add(k);
      continue;
    }
    // an abbreviation of a common noun ("TV", "GDP") names no organization
    if (cues.commonAbbreviations.has(name)) {
      drop.add(k);
      continue;
    }
    // a single letter is an initial of a line-up or a list, never a whole name
    if ((name.match(/\p{L}/gu) ?? []).length < 2) {
      drop.add(k);
      continue;
    }
    // the people of a place or the followers of a creed ("Asian", "Londoners", "Hindus"): a description, not an actor
    if (!/\s/.test(name) && placeAdjective(name, cues, ctx.placeSize)) {
      drop.add(k);
      continue;
    }
    const at = occurrences(name);
    let workBefore = 0,
      workAfter = 0,
      acts = 0,
      modifiers = 0,
      character = 0,
      theBefore = 0,
      workRole = 0,
      numbered = 0,
      placeOf = 0,
      inBefore = 0,
      titled = 0,
      plural = 0,
      orgNoun = 0;
    for (const a of at) {
      const end = a + name.length;
      // a work's own "The" is part of its title ("the play The Vagrant Hours"): look before it
      const own = /(?:^|\s)The\s+$/.test(text.slice(Math.max(0, a - 5), a)) ? text.lastIndexOf('The', a) : a;
      const b = wordsBefore(text, own, 3);
      const near = text.slice(Math.max(0, own - 40), own);
      // "the film X", "their new album X", "Acme's latest console X", "web browser X" (a noun compound with the work noun)
      if (
        b[0] &&
        cues.workBefore.has(b[0]) &&
        (cues.determiners.has(b[1] ?? '') ||
          cues.determiners.has(b[2] ?? '') ||
          /['’]s$/.test(b[1] ?? '') ||
          (!!b[1] && !NOT_MODIFIER.has(b[1]) && !VERB_WORKS.has(b[0]) && /(?:^|[^\p{L}])\p{Ll}+\s+\p{L}+\s+$/u.test(near)))
      )
        workBefore++;
      // "she presents X", "the film starring in X": the object of a verb of the screen or the stage is a work
      if (!sport && (cues.workVerbBefore.has(b[0] ?? '') || (b[0] === 'in' && cues.workVerbIn.has(b[1] ?? '')))) workBefore++;
      // "she played Nurse Ivy Lane", "he plays Acme's Tom Reed": a character, not a person of the news
      if (cues.roleBefore.has(b[0] ?? '') || (/['’]s$/.test(b[0] ?? '') && cues.roleBefore.has(b[1] ?? ''))) character++;
      // "Ana Soto as Ivy Lane": the name after a player's "as" is the part played
      if (!sport && /(?:^|\s)as\s+$/.test(near) && tagged.some((t) => t.cls === 'PER' && /^\s+as\s+$/.test(text.slice(t.end, own)))) character++;
      // "the Yangtze", "the Marlowe": a person is not named with "the" before
      if (/(?:^|[^\p{L}])the\s+$/u.test(near)) theBefore++;
      // "the town of Kestrel", "the district of Ana Maria": a place
      if (b[0] === 'of' && cues.placeOf.has(b[1] ?? '')) placeOf++;
      // "floods in Kestrel": where, not who
      if (b[0] === 'in') inBefore++;
      const after = /^['’]s\b/.test(text.slice(end, end + 3)) ? null : wordAfter(text, end);
      if (after && cues.workAfter.has(after)) workAfter++;
      // "the host who also presents Kestrel Nights said": the name is the object inside a relative clause, the
      // antecedent is the one who said
      if (after && cues.reportingAfter.has(after.toLowerCase()) && !RELATIVE_OBJECT.test(near)) acts++;
      // "a song called Learn To Live", "the hit Stars Over Kestrel": the name sits in a title-case run with a small word capitalized
      if (inTitleRun(text, a, end, cues)) titled++;
      // "Kestrels are set to sign": a plural verb, not one person (not one of a pair: "Ana and Soto are")
      if (after && cues.pluralVerbAfter.has(after.toLowerCase()) && !/(?:^|[^\p{L}])(?:and|&|or|the)\s+$|,\s*$/iu.test(near)) plural++;
      // "the Kestrel building society": the name qualifies an organization noun
      if (/(?:^|[^\p{L}])the\s+$/iu.test(near) && ORG_NOUN_AFTER(text.slice(end, end + 40), cues)) orgNoun++;
      if (after && /^\p{Ll}+$/u.test(after) && (b[0] === 'a' || b[0] === 'an')) modifiers++;
      // "the Starfall actress Ana Soto": a role of the screen after the name, then a person: the name is the work
      if (after && cues.workRoleAfter.has(after) && !(sport && /^stars?$/.test(after)) && /^\s+\S+\s+\p{Lu}/u.test(text.slice(end, end + 40))) workRole++;
      // "the Zentra 3500 processor", "a Nebulon 64": a model number right after the name makes a product (outside sport,
      // where it is a score or a minute); not a year, a share or an amount
      const model = MODEL_NUMBER.exec(text.slice(end, end + 24));
      if (!sport && model && (!model[1] || cues.workAfter.has(model[1])) && !/^\s+(?:19|20)\d\d\b/.test(text.slice(end, end + 8)) && ctx.placeSize(name) < 1000)
        numbered++;
    }
    actsOf.set(k, acts);
    if (acts === 0 && titled > 0) {
      drop.add(k);
      works.add(k);
      continue;
    }
    if (acts === 0 && (workBefore > 0 || workRole > 0 || numbered > 0 || (workAfter > 0 && workAfter * 2 >= at.length))) {
      drop.add(k);
      works.add(k);
      continue;
    }
    if (acts === 0 && placeOf > 0) {
      drop.add(k);
      continue;
    }
    // a "person" every mention of which follows "the": a river, a theatre, a ship; a plural one is a band or a club
    // (one word: a full name after "the" is a modifier, "the Ana Soto case")
    if (acts === 0 && !/\s/.test(name) && at.length > 0 && theBefore === at.length && orgNoun === 0 && cs.every((c) => c.f.type === 'person')) {
      if (/\p{Ll}s$/u.test(name)) toOrg.add(k);
      else drop.add(k);
      continue;
    }
    // a one-word "person" that takes a plural verb or qualifies an organization noun: a club, a band, a firm
    if (!/\s/.test(name) && (plural > 0 || orgNoun > 0) && cs.every((c) => c.f.type === 'person')) {
      toOrg.add(k);
      continue;
    }
    // outside sport, a name of two or more words that is a town or a district the geo layer knows, and never acts: the place
    if (
      !sport &&
      acts === 0 &&
      ws.length >= 2 &&
      ctx.placeSize(name) > 0 &&
      !cands.some((o) => !isTagger(o) && o.f.type === 'person' && fold(o.f.name) === k)
    ) {
      drop.add(k);
      continue;
    }
    // a one-word "person" only ever met after "in" ("floods in Kestrel"), outside sport, that the geo layer knows: the place
    if (
      !sport &&
      acts === 0 &&
      !/\s/.test(name) &&
      at.length > 0 &&
      inBefore === at.length &&
      ctx.placeSize(name) > 0 &&
      cs.every((c) => c.f.type === 'person')
    ) {
      drop.add(k);
      continue;
    }
    if (acts === 0 && character > 0 && !sport && cs.every((c) => c.f.type === 'person')) {
      drop.add(k);
      continue;
    }
    // every mention a modifier between "a"/"an" and a noun ("an MRI scan", "a Zentra tablet"): a kind of thing, not an actor
    if (acts === 0 && modifiers > 0 && modifiers === at.length) {
      drop.add(k);
      continue;
    }
    // a one-word name the tagger reads as a place at least as often, outside sport, is that place ("in Kent", "Kent")
    if (!sport && !/\s/.test(name) && /\p{Ll}/u.test(name) && v && v.loc > 0 && v.loc >= v.actor) {
      drop.add(k);
      continue;
    }
    // a "person" whose last word makes a company ("Kestrel Media Ventures", "Blue Harbour Records"): an organization
    if (ws.length >= 2 && cues.companyLast.has(ws[ws.length - 1]!) && cs.every((c) => c.f.type === 'person')) {
      toOrg.add(k);
      continue;
    }
    // in a sport line-up, a substitute with the minute he came on ("(Walker 72)") is a player
    if (
      sport &&
      !/\s/.test(name) &&
      cs.every((c) => c.f.type === 'organization') &&
      at.some((a) => /\(\s*$/.test(text.slice(Math.max(0, a - 2), a)) && /^\s+\d{1,3}\s*\)/.test(text.slice(a + name.length, a + name.length + 8)))
    ) {
      toPerson.add(k);
      continue;
    }
    // an initial and a surname ("J Walker") is a person's name, whatever the tagger typed it
    if (/^\p{Lu}\.? \p{Lu}\p{Ll}+$/u.test(name) && cs.every((c) => c.f.type === 'organization')) {
      toPerson.add(k);
      continue;
    }
    // a town named as a person in a sport article: its club or team
    if (
      sport &&
      cs.every((c) => c.f.type === 'person') &&
      !/\s/.test(name) &&
      (ctx.placeSize(name) >= CLUB_TOWN || (v?.loc ?? 0) > 0) &&
      !cands.some((o) => !isTagger(o) && o.f.type === 'person' && fold(o.f.name).split(/\s+/).includes(k))
    ) {
      toOrg.add(k);
      continue;
    }
    // one word met once, read with little confidence, not written again anywhere in the article, not a place
    // (a full name of two capitalized words is evidence of a name by itself; a town in a results line is a club)
    const margin = Math.max(...cs.map((c) => taggedMargin(tagged, c)));
    if (
      cs.length === 1 &&
      at.length <= 1 &&
      margin < LOW_MARGIN &&
      !/\s/.test(name) &&
      ctx.placeSize(name) < 1000 &&
      !cands.some((o) => !isTagger(o) && o.start < cs[0]!.end && cs[0]!.start < o.end)
    )
      drop.add(k);
  }
  // a list of names after a plural work noun ("games such as A, B and C") or opened by a work is a list of works:
  // every name of it that never acts is a title too
  for (const chain of listChains(text, tagged)) {
    const first = chain[0]!;
    const opener = /(\p{Ll}+)\s+(?:such\s+as|including|like|includes?|included)\s+(?:the\s+)?$|(\p{Ll}+)\s*:\s*$/u.exec(
      text.slice(Math.max(0, first.start - 40), first.start),
    );
    const last = chain[chain.length - 1]!;
    const closer = wordAfter(text, last.end);
    // "... or closed by a plural work noun ("the A, B and C brands")
    const workList =
      (!!opener && cues.workListBefore.has(opener[1] ?? opener[2]!)) || (!!closer && cues.workListBefore.has(closer) && cues.workAfter.has(closer));
    const keys = chain.map((t) => key(text.slice(t.start, t.end)));
    // (a work later in the list says less: "the rapper Kestrel and the Starfall actor Ana Soto")
    if (!workList && !works.has(keys[0]!)) continue;
    for (const x of keys) if (byName.has(x) && (actsOf.get(x) ?? 0) === 0) drop.add(x);
  }
  const out: Cand[] = [];
  for (const c of cands) {
    if (!isTagger(c)) {
      out.push(c);
      continue;
    }
    const k = key(c.f.name);
    if (drop.has(k)) continue;
    out.push(
      toOrg.has(k)
        ? { ...c, rule: 'tagger-organization', f: { ...c.f, type: 'organization' } }
        : toPerson.has(k)
          ? { ...c, rule: 'tagger-person', f: { ...c.f, type: 'person' } }
          : c,
    );
  }
  return out;
}

const taggedMargin = (tagged: readonly TaggedSpan[], c: Cand): number => tagged.find((t) => t.start === c.start)?.margin ?? Infinity;

/** A model number right after a name on the same line, then a "+" or a word (a product noun: "Zentra 3500 chip", "Nebulon 64+"). */
const MODEL_NUMBER = /^[ \t]+\d{1,4}(?:\+|[ \t]+(\p{Ll}+))/u;

/** A relative pronoun and a verb before a name: the name is that verb's object ("who also presents X", "which stars X"). */
const RELATIVE_OBJECT =
  /(?:^|[^\p{L}])(?:who|which|that)\s+(?:\p{Ll}+ly\s+|also\s+|now\s+|still\s+|once\s+)?(?!(?:the|a|an|is|was|are|were|has|had|have)\s)\p{Ll}+\s+$/u;

/** Lowercase words after a name, then an organization noun ("building society", "retail group"). */
function ORG_NOUN_AFTER(after: string, cues: ActorCues): boolean {
  const m = /^\s+(\p{Ll}+)(?:\s+(\p{Ll}+))?/u.exec(after);
  if (!m) return false;
  return cues.orgNounAfter.has(m[1]!) || (!!m[2] && cues.orgNounAfter.has(m[2]) && !NOT_MODIFIER.has(m[1]!));
}

/**
 * Does the span [start, end) sit in a run of capitalized words (with lowercase linking words) that capitalizes a
 * small word no name capitalizes: "Learn To Live", "Stars Over Kestrel", "A Touch of Ivy"? The run is cut at
 * punctuation; a small word opening a sentence, a line or a quotation does not count, nor "A"/"An" inside the
 * run after a capitalized word (an initial: "Ana A Soto"); "Of", "For", "The" ... count only right after a capitalized
 * word that is no possessive ("Medal Of Valour", not "Ana Soto's The Harbour") and when no word of the run is an
 * organization's head noun ("Bank Of Kestrel" is a name).
 */
export function inTitleRun(text: string, start: number, end: number, cues: ActorCues): boolean {
  let left = start;
  let right = end;
  const word = /(?:^|[ \t])([\p{L}\p{N}'’-]+)[ \t]+$/u;
  const isCap = (w: string) => /^\p{Lu}/u.test(w);
  const isLink = (w: string) => LINK_WORDS.has(w);
  for (;;) {
    const m = word.exec(text.slice(Math.max(0, left - 40), left));
    if (!m || !(isCap(m[1]!) || isLink(m[1]!))) break;
    left = left - m[0].length + (m[0].length - m[0].trimStart().length);
  }
  const wordAfterRe = /^[ \t]+([\p{L}\p{N}'’-]+)(?![\p{L}\p{N}'’-])/u;
  for (;;) {
    const m = wordAfterRe.exec(text.slice(right, right + 40));
    if (!m || !(isCap(m[1]!) || isLink(m[1]!))) break;
    right += m[0].length;
  }
  const words: { w: string; at: number }[] = [];
  for (const m of text.slice(left, right).matchAll(/[\p{L}\p{N}'’-]+/gu)) words.push({ w: m[0], at: left + m.index });
  while (words.length && isLink(words[0]!.w)) words.shift();
  while (words.length && isLink(words[words.length - 1]!.w)) words.pop();
  if (words.length < 2) return false;
  // a headline capitalized throughout is not a title inside a sentence
  const lineStart = text.lastIndexOf('\n', left - 1) + 1;
  const lineEnd = text.indexOf('\n', right) < 0 ? text.length : text.indexOf('\n', right);
  if (/^\W*$/u.test(text.slice(lineStart, words[0]!.at)) && /^\W*$/u.test(text.slice(words[words.length - 1]!.at + words[words.length - 1]!.w.length, lineEnd)))
    return false;
  const opensSentence = (at: number) => /(?:^|[.!?:;"“‘(\n]\s*)$/u.test(text.slice(Math.max(0, at - 3), at)) || at === 0;
  const head = words.some((x) => ORG_HEADS.has(x.w.toLowerCase()));
  // "A"/"An" is also an initial ("A Ruiz" in a line-up): a title marker only with a lowercase link word in the run
  // ("A Taste of Ivy"), and inside the run only after one ("and A Taste")
  const linked = words.some((x) => LINK_WORDS.has(x.w));
  const article = (x: string) => x === 'A' || x === 'An';
  return words.some(
    (x, i) =>
      !(i === 0 && opensSentence(x.at)) &&
      ((cues.titleMarkers.has(x.w) && !(article(x.w) && (!linked || (i > 0 && !LINK_WORDS.has(words[i - 1]!.w))))) ||
        (i > 0 && !head && cues.titleWeakMarkers.has(x.w) && /^\p{Lu}/u.test(words[i - 1]!.w) && !/['’]s?$/u.test(words[i - 1]!.w))),
  );
}
/** Lowercase words inside a title-case run ("Breakfast with Ivy", "Lord of the Hills"). */
// (not "and", "with", "for": they join two names as often as they sit in one title: "Ana Soto with The Kestrels")
const LINK_WORDS: ReadonlySet<string> = new Set(['of', 'the', 'a', 'an']);

/** Runs of two or more tagger names (any class) joined as a list on one line: by commas, "and", "or". */
function listChains(text: string, tagged: readonly TaggedSpan[]): TaggedSpan[][] {
  const sorted = [...tagged].sort((a, b) => a.start - b.start);
  const out: TaggedSpan[][] = [];
  let cur: TaggedSpan[] = [];
  for (const t of sorted) {
    const last = cur[cur.length - 1];
    if (last && /^(?:[ \t]*,[ \t]*(?:and[ \t]+|or[ \t]+)?|[ \t]+(?:and|or|&)[ \t]+)$/.test(text.slice(last.end, t.start))) cur.push(t);
    else {
      if (cur.length >= 2) out.push(cur);
      cur = [t];
    }
  }
  if (cur.length >= 2) out.push(cur);
  return out;
}

/** Lowercase words before a work noun that make no compound with it ("and film", "of game"). */
const NOT_MODIFIER: ReadonlySet<string> = new Set(
  'and or but by with to for from of at in on as than that said says told is was are were be been will would could should can may might must not also then did do does never'.split(
    ' ',
  ),
);
/** Work nouns that are verbs too ("would play X", "hits X"): a work only after a determiner. */
const VERB_WORKS: ReadonlySet<string> = new Set(['play', 'show', 'single', 'track', 'hits', 'drama', 'epic', 'chip', 'console']);

/**
 * Is a word a continent or a region, or its adjective ("Asian", "European", "Middle Eastern" as its last word
 * "Eastern" after "Middle")? A happening so qualified ("a European heatwave") lies in no one country.
 */
export function regionAdjective(words: readonly string[], cues: Pick<ActorCues, 'regions'>): boolean {
  const forms = (w: string) => [w, w.replace(/n$/u, ''), w.replace(/an$/u, ''), w.replace(/ern$/u, '')];
  const phrase = words.join(' ');
  return phrase.length >= 4 && forms(phrase).some((x) => cues.regions.has(fold(x)));
}

/**
 * Is a one-word name the adjective or the plural of a place or a creed: a continent or region, a country, a town
 * of 100,000+ ("Asian", "Slovenians", "European", "Londoners", "Parisians"), or a word of the peoples list
 * ("Hindus")? Towns count only for the -er, -ian and -ite endings: a surname's stem is rarely a large town
 * ("Milan" is not the adjective of a town "Mila").
 */
export function placeAdjective(word: string, cues: ActorCues, placeSize: (w: string) => number): boolean {
  const w = word.replace(/['’]s?$/u, '');
  if (cues.peoples.has(w.toLowerCase())) return true;
  const one = w.replace(/(?<=[^s])s$/u, '');
  const region = (x: string) => x.length >= 3 && (cues.regions.has(fold(x)) || placeSize(x) === Infinity);
  const town = (x: string) => x.length >= 4 && (region(x) || placeSize(x) >= 100_000);
  if (/an$/u.test(one) && (region(one.slice(0, -1)) || region(one.slice(0, -2)))) return true;
  if (/ian$/u.test(one) && town(one.slice(0, -3))) return true;
  if (/ese$/u.test(one) && region(one.slice(0, -3))) return true;
  if (/er$/u.test(one) && (town(one.slice(0, -2)) || town(one.slice(0, -1)))) return true;
  if (/ite$/u.test(one) && (town(one.slice(0, -3)) || town(one.slice(0, -4)))) return true;
  return false;
}
