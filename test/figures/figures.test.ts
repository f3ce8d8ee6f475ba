import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ActorMentionX, Document, FigureX } from '../../schemas/pipeline.ts';
import { sentenceDoc as doc } from '../support/docs.ts';
import { findFigures, scanFigures, skippedNumbers } from '../../pipeline/extract/figures.ts';
import { groupFigures, normalizeUnit } from '../../pipeline/resolve/figures.ts';

const one = (sentence: string, published?: string | null): FigureX[] => findFigures(doc([sentence], published), [], []);
const only = (sentence: string, published?: string | null): FigureX => {
  const fs = one(sentence, published);
  assert.equal(fs.length, 1, `one figure in: ${sentence} (got ${fs.map((f) => f.text).join(' | ')})`);
  return fs[0]!;
};

describe('numbers', () => {
  it('reads digits with thousands separators and decimals', () => {
    assert.equal(only('The flood destroyed 12,480 houses.').value, 12480);
    assert.equal(only('Officials counted 2.5 million voters.').value, 2_500_000);
  });
  it('reads words, scales and a dozen', () => {
    assert.equal(only('Fourteen villages were flooded.').value, 14);
    assert.equal(only('Nearly two million residents lost power.').value, 2_000_000);
    assert.equal(only('Rescuers found a dozen survivors.').value, 12);
    assert.equal(only('The storm damaged twenty-six bridges.').value, 26);
  });
  it('reads vague counts with the documented bounds', () => {
    const f = only('Dozens of protesters gathered outside the court.');
    assert.deepEqual([f.value, f.value_low, f.value_high, f.qualifier], [24, 24, 99, 'approx']);
    assert.equal(f.unit, 'protesters');
    const g = only('Tens of thousands of people fled the fighting.');
    assert.deepEqual([g.value_low, g.value_high, g.category], [20_000, 99_999, 'displaced']);
  });
});

describe('ranges', () => {
  for (const [text, lo, hi] of [
    ['There will be 12 to 14 delegations at the summit.', 12, 14],
    ['Between 30 and 40 miners were trapped.', 30, 40],
    ['The landslide buried 15-17 homes.', 15, 17],
    ['Twenty or thirty boats capsized.', 20, 30],
    ['Officials said 2 to 3 million people were affected.', 2_000_000, 3_000_000],
  ] as const) {
    it(text, () => {
      const f = only(text);
      assert.deepEqual([f.qualifier, f.value_low, f.value_high, f.value], ['range', lo, hi, hi]);
    });
  }
});

describe('qualifiers', () => {
  const q = (s: string) => only(s);
  it('approx', () => {
    for (const s of ['About 300 families were evacuated.', 'Close to 900 people attended.', 'Some 40 trucks crossed the border.']) {
      const f = q(s);
      assert.equal(f.qualifier, 'approx', s);
      assert.equal(f.value_low, null);
    }
  });
  it('at_least fills the lower bound', () => {
    const f = q('More than 1,200 people were injured in the quake.');
    assert.deepEqual([f.qualifier, f.value_low, f.value_high, f.category], ['at_least', 1200, null, 'injured']);
    assert.equal(q('At least 8 climbers died on the mountain.').qualifier, 'at_least');
    const g = q('Some towns want to send fourteen observers or even more.');
    assert.deepEqual([g.qualifier, g.value_low], ['at_least', 14]);
  });
  it('at_most fills the upper bound', () => {
    const f = q('The shelter can hold up to 500 evacuees.');
    assert.deepEqual([f.qualifier, f.value_high, f.value_low], ['at_most', 500, null]);
    assert.equal(q('As many as 60 parties were invited.').qualifier, 'at_most');
  });
  it('exact', () => {
    const f = q('The floods killed 37 people.');
    assert.deepEqual([f.qualifier, f.value_low, f.value_high], ['exact', null, null]);
  });
});

describe('unit and category', () => {
  it('keeps adjectives and demonyms in the unit', () => {
    assert.equal(only('The council invited 9 Peruvian unions to the talks.').unit, 'Peruvian unions');
    assert.equal(only('The blast wounded 14 Chilean miners.').unit, 'Chilean miners');
  });
  it('finds the unit before the number', () => {
    const f = only('The death toll of villagers in the valley had reached 412.');
    assert.equal(f.category, 'killed');
    assert.equal(f.unit, 'villagers');
  });
  it('gives each number in a sentence its own governing word', () => {
    const fs = one('The mudslide killed 31 people while 12 were missing.');
    assert.deepEqual(
      fs.map((f) => [f.value, f.category]),
      [
        [31, 'killed'],
        [12, 'missing'],
      ],
    );
    assert.equal(fs[1]!.unit, 'people', 'the unit is borrowed from the earlier figure');
    const gs = one('The attack killed 20 farmers and wounded about 45.');
    assert.deepEqual(
      gs.map((f) => [f.value, f.category, f.qualifier]),
      [
        [20, 'killed', 'exact'],
        [45, 'injured', 'approx'],
      ],
    );
  });
  it('reads the category from a verb after the unit and from a noun before a list', () => {
    assert.equal(only('Some 300 others were injured.').category, 'injured');
    const fs = one('The dead included 40 teachers, 12 nurses and 5 doctors.');
    assert.deepEqual(
      fs.map((f) => f.category),
      ['killed', 'killed', 'killed'],
    );
  });
  for (const [text, cat] of [
    ['Gunmen abducted 27 students from the school.', 'abducted'],
    ['Police arrested 15 demonstrators on Friday.', 'arrested'],
    ['The floods displaced 8,000 families.', 'displaced'],
    ['Eleven fishermen are still missing.', 'missing'],
    ['The conference brought together 40 delegations.', 'participants'],
    ['The bank approved $250 million for the road.', 'money'],
    ['The region has 120 schools.', 'other'],
  ] as const) {
    it(`${cat}: ${text}`, () => assert.equal(only(text).category, cat));
  }
});

describe('not figures', () => {
  it('skips years, dates, day numbers, ordinals, ages, times, percentages and references', () => {
    const d = doc([
      'The dam was built in 1967 and rebuilt on March 3, 2019.',
      'The second meeting is on the twenty-sixth of this month, on 04.03.2024, at 10:30.',
      'A 34-year-old man and a woman aged 51 were rescued [2].',
      'Turnout rose 12 percent by Feb 26.',
      'The vote is set for March 1-2.',
    ]);
    assert.deepEqual(findFigures(d, [], []), []);
    const s = skippedNumbers(d);
    assert.ok((s.year ?? 0) >= 1, 'year');
    assert.ok((s.date ?? 0) >= 3, 'dates');
    assert.ok((s.ordinal ?? 0) >= 2, 'ordinals');
    assert.ok((s.age ?? 0) >= 2, 'ages');
    assert.equal(s.time, 1);
    assert.equal(s.percentage, 1);
    assert.equal(s.reference, 1);
  });
  it('does not take "one" as a pronoun, durations or comment counts as figures', () => {
    assert.deepEqual(one('One should not forget the victims.'), []);
    assert.deepEqual(one('The talks lasted 3 days.'), []);
    assert.deepEqual(one('There are 45 comments.'), []);
  });
  it('still reads a 4-digit count with a counted noun', () => {
    assert.equal(only('The storm left 1500 people homeless.').value, 1500);
  });
});

describe('as_of', () => {
  it('takes a reporting date stated in the sentence, resolved against the publication date', () => {
    const f = only('On Sunday, the regional health office said the toll had reached 58.', '2024-03-12');
    assert.deepEqual([f.as_of, f.as_of_basis], ['2024-03-10', 'stated']);
    assert.equal(only('As of Friday, 230 people had been evacuated.', '2024-03-12').as_of, '2024-03-08');
  });
  it('does not take the date of the event counted', () => {
    const f = only('The attack on March 2 killed 19 people.', '2024-03-12');
    assert.deepEqual([f.as_of, f.as_of_basis], ['2024-03-12', 'published']);
  });
  it('"so far" is the publication date', () => {
    assert.deepEqual((({ as_of, as_of_basis }) => [as_of, as_of_basis])(only('The fires have destroyed 700 homes so far.', '2024-03-12')), [
      '2024-03-12',
      'now',
    ]);
    assert.equal(only('The fires have destroyed 700 homes so far.', null).as_of, null);
  });
});

describe('attribution', () => {
  const mention = (d: Document, text: string): ActorMentionX => {
    const at = d.text.indexOf(text);
    return {
      sentence_index: 0,
      char_start: at,
      char_end: at + text.length,
      text,
      name: text,
      type: 'organization',
      country: null,
      role: null,
      method: 'gazetteer',
      key: null,
    };
  };
  it('according to X', () => {
    const d = doc(['Floods killed 40 people, according to the Red Cross.']);
    assert.equal(findFigures(d, [mention(d, 'Red Cross')], [])[0]!.attributed_to, 0);
  });
  it('X said, with a cited agency as fallback only', () => {
    const d = doc(['The Interior Ministry said 25 people were injured, citing Reuters.']);
    const ms = [mention(d, 'Interior Ministry'), mention(d, 'Reuters')];
    assert.equal(findFigures(d, ms, [])[0]!.attributed_to, 0);
    const e = doc(['"There will be 30 delegations," Maria Lopez said.']);
    assert.equal(findFigures(e, [mention(e, 'Maria Lopez')], [])[0]!.attributed_to, 0);
  });
  it('no source when none is named', () => {
    const d = doc(['Up to 14 unions were invited, according to local media, including Solidaridad.']);
    assert.equal(findFigures(d, [mention(d, 'Solidaridad')], [])[0]!.attributed_to, null);
  });
});

describe('groups', () => {
  it('normalizes units to a head noun with a small synonym map', () => {
    assert.equal(normalizeUnit('Palestinian factions'), 'organization');
    assert.equal(normalizeUnit('organisations'), 'organization');
    assert.equal(normalizeUnit('others'), 'people');
    assert.equal(normalizeUnit('Peruvians'), 'people');
    assert.equal(normalizeUnit('children'), 'child');
    assert.equal(normalizeUnit('civilians'), 'civilian');
  });
  it('a remainder or an increment is not the measure of the total ("9 other unions", "4 more people")', () => {
    assert.equal(normalizeUnit('other trade unions'), 'other union');
    assert.equal(normalizeUnit('more people'), 'other people');
    assert.equal(normalizeUnit('trade unions'), 'union');
  });
  /** One invented article: its figures, and actor mentions resolved to the given ids. */
  const article = (id: string, pub: string, s: string, actors: readonly string[] = []) => {
    const d = { ...doc([s], pub), article: { ...doc([s], pub).article, article_id: id } };
    const mentions: ActorMentionX[] = actors.map((a) => ({
      sentence_index: 0,
      char_start: 0,
      char_end: 1,
      text: a,
      name: a,
      type: a.startsWith('c:') ? 'country' : 'organization',
      country: null,
      role: null,
      method: 'gazetteer',
      key: null,
    }));
    return { ex: { article_id: id, mentions, events: [], quotes: [], figures: findFigures(d, [], []) }, actors };
  };
  const run = (arts: ReturnType<typeof article>[]) => {
    const actorOf = new Map<string, string>();
    for (const a of arts) a.actors.forEach((x, i) => actorOf.set(`${a.ex.article_id}#${i}`, x));
    // articles that name the same actors are one story (what ../../pipeline/resolve/stories.ts finds from their content)
    const storyOf = new Map(arts.map((a) => [a.ex.article_id, a.actors.join(',')]));
    return groupFigures(
      arts.map((a) => a.ex),
      [],
      actorOf,
      new Map(),
      storyOf,
    );
  };
  it('groups one story reported by several outlets, keeps places apart and flags same-day disagreement', () => {
    const tie = ['red-cross', 'c:peru'];
    const out = run([
      article('x1', '2024-03-10', 'The floods in Peru killed 120 people.', tie),
      article('x2', '2024-03-10', 'The floods killed 131 Peruvians.', tie),
      article('x3', '2024-03-11', 'About 140 people have died in Peru.', tie),
      article('x4', '2024-03-11', 'In Chile, the floods killed 19 people.', tie),
    ]);
    const [a, b, c, d] = out.figures;
    assert.equal(a!.group_id, b!.group_id);
    assert.equal(a!.group_id, c!.group_id);
    assert.notEqual(a!.group_id, d!.group_id);
    const g = out.figureGroups.find((r) => r.group_id === a!.group_id)!;
    assert.deepEqual(
      [g.report_count, g.article_count, g.value_min, g.value_max, g.latest_value, g.latest_as_of, g.consistent],
      [3, 3, 120, 140, 140, '2024-03-11', false],
    );
    assert.equal(out.figureGroups.find((r) => r.group_id === d!.group_id)!.consistent, true);
  });
  it('keeps unrelated stories apart even with the same category and unit', () => {
    const out = run([
      article('y1', '2024-03-10', 'The storm killed 40 people.', ['weather-office', 'c:peru']),
      article('y2', '2024-03-10', 'The bus crash killed 35 people.', ['transport-police', 'c:kenya']),
    ]);
    assert.notEqual(out.figures[0]!.group_id, out.figures[1]!.group_id);
    const money = run([
      article('z1', '2024-05-01', 'The club paid $20 million for the striker.', ['fc-one', 'c:spain']),
      article('z2', '2024-05-01', 'The city spent $22 million on roads.', ['city-council', 'c:chile']),
    ]);
    assert.notEqual(money.figures[0]!.group_id, money.figures[1]!.group_id);
  });
  it('keeps reports of one story apart when months or orders of magnitude separate them', () => {
    const tie = ['mine-union', 'copper-corp'];
    const out = run([
      article('w1', '2024-01-10', 'The union said 4,000 workers joined the strike.', tie),
      article('w2', '2024-06-10', 'The union said 4,100 workers joined the strike.', tie),
      article('w3', '2024-01-11', 'The union said 40 workers joined the strike.', tie),
    ]);
    assert.equal(new Set(out.figures.map((f) => f.group_id)).size, 3);
  });
  it('matches compatible units (agreements and memoranda of understanding)', () => {
    const tie = ['president-a', 'president-b'];
    const out = run([
      article('v1', '2024-11-03', 'The two governments are expected to sign about 30 agreements.', tie),
      article('v2', '2024-11-05', 'The two governments signed 32 memoranda of understanding.', tie),
    ]);
    assert.equal(out.figures.length, 2);
    assert.equal(out.figures[0]!.group_id, out.figures[1]!.group_id);
  });
  it('a rising toll told on four days by four outlets is one group whose latest value is the latest report', () => {
    const tie = ['civil-defence', 'c:peru'];
    const out = run([
      article('t1', '2024-06-01', 'The earthquake killed 210 people.', tie),
      article('t2', '2024-06-02', 'The earthquake has killed 540 people.', tie),
      article('t3', '2024-06-03', 'The death toll from the earthquake rose to 1,150 people.', tie),
      article('t4', '2024-06-05', 'The earthquake killed 2,400 people.', tie),
    ]);
    assert.equal(new Set(out.figures.map((f) => f.group_id)).size, 1);
    const g = out.figureGroups[0]!;
    assert.deepEqual([g.report_count, g.latest_value, g.latest_as_of, g.consistent], [4, 2400, '2024-06-05', true]);
    assert.deepEqual(
      g.series.map((x) => x.split('@').slice(0, 2).join('@')),
      ['210@2024-06-01', '540@2024-06-02', '1150@2024-06-03', '2400@2024-06-05'],
    );
  });
  it('a toll that falls to a quarter a day later (beyond the factor, and not rising), or two tolls of another story, are not one group', () => {
    const falling = run([
      article('u1', '2024-06-01', 'The fire killed 100 people.', ['fire-service']),
      article('u2', '2024-06-02', 'The fire killed 25 people.', ['fire-service']),
    ]);
    assert.notEqual(falling.figures[0]!.group_id, falling.figures[1]!.group_id);
    const apart = run([
      article('w1', '2024-06-01', 'The fire killed 30 people.', ['fire-service']),
      article('w2', '2024-06-01', 'The fire killed 31 people.', ['mountain-rescue']),
    ]);
    assert.notEqual(apart.figures[0]!.group_id, apart.figures[1]!.group_id);
  });
  it('across articles of one story, civilians and people killed are one toll; within one article they are two measures', () => {
    const tie = ['army', 'c:peru'];
    const out = run([article('p1', '2024-06-01', 'The raid killed 40 people.', tie), article('p2', '2024-06-01', 'The raid killed 38 civilians.', tie)]);
    assert.equal(out.figures[0]!.group_id, out.figures[1]!.group_id);
    const one = run([article('p3', '2024-06-01', 'The raid killed 40 people, among them 35 civilians.', tie)]);
    assert.equal(one.figures.length, 2);
    assert.notEqual(one.figures[0]!.group_id, one.figures[1]!.group_id);
  });
  it('group ids are content-derived', () => {
    const f = findFigures(doc(['Rescuers saved 14 sailors.']), [], []);
    const ex = [{ article_id: 'a1', mentions: [], events: [], quotes: [], figures: f }];
    assert.equal(groupFigures(ex, [], new Map(), new Map()).figures[0]!.group_id, groupFigures(ex, [], new Map(), new Map()).figures[0]!.group_id);
  });
});

describe('scan', () => {
  it('returns figures and skip counts together', () => {
    const r = scanFigures(doc(['In 2021, 16 bridges collapsed.']), [], []);
    assert.equal(r.figures.length, 1);
    assert.equal(r.skipped.year, 1);
  });
});

describe('a toll counts people', () => {
  it('a killed, injured or arrested figure of things is no toll; of people, a people or a toll noun it is', () => {
    const cat = (s: string) => one(s).map((f) => [f.value, f.category]);
    assert.deepEqual(cat('The storm killed 14 villagers in the valley.'), [[14, 'killed']]);
    assert.deepEqual(cat('Police made 40 arrests after the match.'), [[40, 'arrested']]);
    assert.equal(one('The editors killed 12 episodes of the drama.')[0]?.category ?? 'other', 'other');
    assert.equal(one('The fire destroyed 300 tapes and injured 2 reports.')[0]?.category ?? 'other', 'other');
  });
});
