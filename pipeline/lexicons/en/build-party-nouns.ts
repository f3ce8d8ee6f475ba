/**
 * `make lexicons WORDNET=<dict folder>`: writes party-nouns.wordnet.json, the common nouns that name a person,
 * a social group, a place, or a structure or vehicle, from the WordNet 3.0 noun database (index.noun and
 * data.noun of https://wordnetcode.princeton.edu/3.0/WordNet-3.0.tar.gz, or of the Debian package
 * wordnet-base, /usr/share/wordnet). Read by ../../extract/events/objects.ts beside the hand-made
 * party-nouns.json. The same database gives the same file, byte for byte.
 *
 * A one-word noun is in a class when one of its two most frequent senses is: a person (lexicographer file
 * noun.person), a social group (noun.group under social_group or people: "council", "firm", not "law" the
 * collection of rules), a location (noun.location), or an artifact under structure, facility, vehicle,
 * conveyance, craft, way or establishment ("bridge", "base", "truck", "road", "shop"). Rarer senses are left
 * out: "target" as prey or "deal" as a plank of wood would make every figurative object qualify.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

const SENSES = 2;
const LEX = { artifact: 6, group: 14, location: 15, person: 18 } as const;
const STRUCTURE_ROOTS = new Set(['structure', 'facility', 'vehicle', 'conveyance', 'craft', 'way', 'establishment']);
const GROUP_ROOTS = new Set(['social_group', 'people']);

interface Synset {
  readonly lex: number;
  readonly words: readonly string[];
  readonly hypernyms: readonly string[];
}

function readData(dir: string): Map<string, Synset> {
  const out = new Map<string, Synset>();
  for (const line of readFileSync(join(dir, 'data.noun'), 'latin1').split('\n')) {
    if (!line || line.startsWith(' ')) continue;
    const p = line.split(' | ')[0]!.split(' ');
    const n = parseInt(p[3]!, 16);
    const words = Array.from({ length: n }, (_, i) => p[4 + 2 * i]!);
    const k = 4 + 2 * n;
    const hypernyms: string[] = [];
    for (let i = 0; i < Number(p[k]); i++) if (p[k + 1 + 4 * i] === '@' || p[k + 1 + 4 * i] === '@i') hypernyms.push(p[k + 2 + 4 * i]!);
    out.set(p[0]!, { lex: Number(p[1]), words, hypernyms });
  }
  return out;
}

function readIndex(dir: string): Map<string, readonly string[]> {
  const out = new Map<string, readonly string[]>();
  for (const line of readFileSync(join(dir, 'index.noun'), 'latin1').split('\n')) {
    if (!line || line.startsWith(' ')) continue;
    const p = line.split(' ');
    const pointers = Number(p[3]);
    out.set(p[0]!, p.slice(4 + pointers + 2).filter(Boolean));
  }
  return out;
}

/** Whether a synset or one of its hypernyms (transitively) is headed by a word of `roots` in lexicographer file `lex`. */
function under(data: ReadonlyMap<string, Synset>, offset: string, lex: number, roots: ReadonlySet<string>): boolean {
  const seen = new Set<string>();
  const stack = [offset];
  while (stack.length) {
    const o = stack.pop()!;
    if (seen.has(o)) continue;
    seen.add(o);
    const s = data.get(o);
    if (!s) continue;
    if (s.lex === lex && roots.has(s.words[0]!.toLowerCase())) return true;
    stack.push(...s.hypernyms);
  }
  return false;
}

function partyNouns(dir: string): Record<'people' | 'groups' | 'places' | 'structures', string[]> {
  const data = readData(dir);
  const out = { people: new Set<string>(), groups: new Set<string>(), places: new Set<string>(), structures: new Set<string>() };
  for (const [lemma, offsets] of readIndex(dir)) {
    if (!/^[a-z][a-z-]*[a-z]$/.test(lemma)) continue; // one word, lower case (no "_" compounds, no digits)
    for (const o of offsets.slice(0, SENSES)) {
      const s = data.get(o)!;
      if (s.lex === LEX.person) out.people.add(lemma);
      else if (s.lex === LEX.group && under(data, o, LEX.group, GROUP_ROOTS)) out.groups.add(lemma);
      else if (s.lex === LEX.location) out.places.add(lemma);
      else if (s.lex === LEX.artifact && under(data, o, LEX.artifact, STRUCTURE_ROOTS)) out.structures.add(lemma);
    }
  }
  return { people: [...out.people].sort(), groups: [...out.groups].sort(), places: [...out.places].sort(), structures: [...out.structures].sort() };
}

if (process.argv[1] === import.meta.filename) {
  const { values } = parseArgs({ options: { wordnet: { type: 'string', default: '/usr/share/wordnet' }, out: { type: 'string' } } });
  const classes = partyNouns(values.wordnet);
  const file = {
    _source:
      'Derived by pipeline/lexicons/en/build-party-nouns.ts from the WordNet 3.0 noun database (Princeton University, https://wordnet.princeton.edu): one-word nouns whose first or second sense is a person, a social group, a location, or a structure or vehicle',
    _license:
      'WordNet 3.0 license (permissive, with notice): WordNet 3.0 Copyright 2006 by Princeton University. All rights reserved. THIS SOFTWARE AND DATABASE IS PROVIDED "AS IS" AND PRINCETON UNIVERSITY MAKES NO REPRESENTATIONS OR WARRANTIES, EXPRESS OR IMPLIED. BY WAY OF EXAMPLE, BUT NOT LIMITATION, PRINCETON UNIVERSITY MAKES NO REPRESENTATIONS OR WARRANTIES OF MERCHANTABILITY OR FITNESS FOR ANY PARTICULAR PURPOSE OR THAT THE USE OF THE LICENSED SOFTWARE, DATABASE OR DOCUMENTATION WILL NOT INFRINGE ANY THIRD PARTY PATENTS, COPYRIGHTS, TRADEMARKS OR OTHER RIGHTS.',
    ...classes,
  };
  writeFileSync(values.out ?? join(import.meta.dirname, 'party-nouns.wordnet.json'), `${JSON.stringify(file, null, 0).replace(/\],"/g, '],\n"')}\n`);
}
