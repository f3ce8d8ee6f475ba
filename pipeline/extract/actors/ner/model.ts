/**
 * The committed tagger (models/ner-en.json) with the project's gazetteer:
 * loaded once at the edge and passed to the actor extractor.
 */
import { existsSync, readFileSync } from 'node:fs';
import { COUNTRIES, ENTRIES } from '../lexicon.ts';
import type { NameGazetteer } from './features.ts';
import { nameGazetteer } from './gazetteer.ts';
import { Perceptron, type ModelFile } from './perceptron.ts';
import { NameTagger } from './tagger.ts';

// beside the bundle of `make dataset` (.bundle/ner-en.json, copied by pipeline/bundle.mjs), else models/ from the sources
const BESIDE_BUNDLE = new URL('./ner-en.json', import.meta.url);
export const MODEL_PATH = existsSync(BESIDE_BUNDLE) ? BESIDE_BUNDLE : new URL('../../../../models/ner-en.json', import.meta.url);

export const projectGazetteer = (): NameGazetteer => nameGazetteer(ENTRIES, COUNTRIES);

export const loadModel = (path: URL | string = MODEL_PATH): ModelFile => JSON.parse(readFileSync(path, 'utf8')) as ModelFile;

let shared: NameTagger | undefined;
/** The project's tagger, built on first use (one per thread). */
export function projectTagger(): NameTagger {
  shared ??= new NameTagger(new Perceptron(loadModel()), projectGazetteer());
  return shared;
}
