import { test } from 'node:test';
import assert from 'node:assert/strict';
import { tokenizeRange } from '../../pipeline/extract/actors/ner/tokens.ts';
import { buildGazetteer } from '../../pipeline/extract/actors/ner/features.ts';
import { NameTagger } from '../../pipeline/extract/actors/ner/tagger.ts';
import { Perceptron, type ModelFile } from '../../pipeline/extract/actors/ner/perceptron.ts';
import { projectTagger } from '../../pipeline/extract/actors/ner/model.ts';

const words = (s: string) => tokenizeRange(s, 0, s.length, 0).map((t) => t.text);

/** Tags equal, margins equal to the bit (Object.is), on one document. */
const same = (tagger: NameTagger, doc: string[][]) => {
  const fast = tagger.tagWithMargins(doc);
  const ref = tagger.referenceTagWithMargins(doc);
  assert.deepEqual(fast.tags, ref.tags);
  for (let s = 0; s < doc.length; s++)
    for (let i = 0; i < doc[s]!.length; i++) assert.ok(Object.is(fast.margins[s]![i], ref.margins[s]![i]), `margin of ${doc[s]![i]} in sentence ${s}`);
  return fast.tags;
};

test('fast path: the committed model tags invented documents exactly as the reference (tags and margins)', () => {
  const tagger = projectTagger();
  const docs = [
    [
      'FLOODS HIT LIMA AS RIVERS RISE',
      'Rescuers from the Red Cross reached Lima on Tuesday, the Peruvian government said.',
      'Maria Quispe, 34, told Reuters that "the water came at night".',
      'Quispe said the Andes Mining Corp. had closed two roads near Cusco.',
      'In Arequipa, Dr. Ana Ruiz of the Health Ministry counted 1,200 people in shelters.',
      "Résumé: Ñuñoa and Ōsaka, São Paulo; O'Brien didn't go | nor did <s> or </s> .",
    ],
    ['Ruiz'],
    [],
    ['UNITED NATIONS', 'The United Nations and the European Union sent aid to Peru , Bolivia and Ecuador .'],
  ];
  for (const d of docs) same(tagger, d.map(words));
  const tags = same(tagger, docs[0]!.map(words));
  assert.ok(
    tags.flat().some((t) => t !== 'O'),
    'the document has names to tag',
  );
});

test('fast path: feature values holding "|" are found under every split, as the concatenated strings are', () => {
  // an invented model: a word "|" or "a|b" makes a pair feature whose value splits more than one way
  const tags = ['O', 'B-PER', 'I-PER', 'B-ORG', 'I-ORG', 'B-LOC', 'I-LOC', 'B-MISC', 'I-MISC'];
  const model: ModelFile = {
    format: 'ner-averaged-perceptron/1',
    tags,
    scale: 1000,
    weights: {
      b: [0, 500],
      'w-1w=|||': [1, 2000],
      'ww+1=a|b|c': [3, 2500],
      'w-1w=x|y|z': [5, 1800],
      'sh-1sh=|||': [7, 900],
      'lw=zed': [1, 3000],
      't-1w=B-PER|zed': [2, 4000],
      'mem=PER': [1, 1500],
      'mem|sh=PER|Xx': [1, 700],
      'g=B-LOC1': [5, 2500],
      'g-1=B-LOC1': [6, 2200],
      'caps|dc=N': [3, 1200],
      'dc=T|Xx': [1, 333],
      'p2=ze': [7, 1100],
      's3=zed': [2, 1300],
    },
  };
  const gaz = buildGazetteer([{ tokens: ['Lima'], cls: 'LOC' }]);
  const tagger = new NameTagger(new Perceptron(model), gaz);
  const doc = [
    ['|', '|', 'a', 'b|c', 'x|y', 'z', 'a|b', 'c'],
    ['Zed', 'zed', 'Lima', 'Zed', 'Zed'],
    ['ZED', 'LIMA', 'NOW'],
  ];
  const out = same(tagger, doc);
  assert.equal(out[0]![1], 'B-PER', '"|" after "|" reads w-1w=|||');
  assert.equal(out[0]![2], 'B-ORG', '"a" before "b|c" reads ww+1=a|b|c');
  assert.equal(out[0]![5], 'B-LOC', '"z" after "x|y" reads w-1w=x|y|z');
});
