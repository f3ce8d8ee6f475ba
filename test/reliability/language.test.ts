/**
 * Issue 15, wrong output: an article in a language the extractors have no
 * rules for is published with its language and an issue, and nothing is
 * extracted from it with English rules. An English article is extracted.
 * Invented text.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { defaultConfig } from '../../pipeline/config.ts';
import { normalize } from '../../pipeline/stages/01-normalize.ts';
import { deduplicate } from '../../pipeline/stages/02-deduplicate.ts';
import { extract } from '../../pipeline/stages/03-extract.ts';
import { raw } from './bad-inputs-support.ts';

describe('languages without extraction rules', () => {
  const files = [
    raw(
      'es.txt',
      'Inundaciones en el norte del país\n\nLas lluvias dejaron 12 personas muertas y el gobierno de la provincia declaró la emergencia, según las autoridades locales. Los equipos de rescate buscan a los desaparecidos en los pueblos del valle.',
    ),
    raw(
      'en.txt',
      'Floods Hit the North\n\nThe rains killed 12 people and the provincial government declared an emergency, the local authorities said on Monday. Rescue teams are searching for the missing in the valley villages.',
    ),
  ];
  const n = normalize.run({ files, manifest: [] }, defaultConfig);
  const d = deduplicate.run(n.data, defaultConfig);
  const x = extract.run(d.data, defaultConfig);
  const doc = (p: string) => x.data.documents.find((a) => a.article.source_path === p)!.article;

  it('the Spanish article is published with language es, an issue, and no extraction', () => {
    assert.equal(doc('es.txt').language, 'es');
    const id = doc('es.txt').article_id;
    assert.ok(x.issues.some((i) => i.code === 'language-not-extracted' && i.article_id === id));
    assert.equal(
      x.data.extractions.find((e) => e.article_id === id),
      undefined,
    );
  });

  it('the English article is extracted (a figure of 12 people)', () => {
    const e = x.data.extractions.find((k) => k.article_id === doc('en.txt').article_id)!;
    assert.ok(
      e.figures.some((f) => f.value === 12),
      JSON.stringify(e.figures),
    );
  });
});
