/**
 * Issue 15, slow: a per-input time budget. Work on one input that goes over
 * it (reading and parsing the file, cleaning it, extracting from it) is
 * interrupted and the input becomes a reject `too-slow`; the build goes on and
 * accounts for every input; a too-slow result is never cached. Readability over
 * its own budget gives way to the linear scanner. The budgets here are far
 * below what the work takes (1 ms against tens of milliseconds or an endless
 * loop), so no assertion depends on the machine's speed. Invented texts.
 */
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import Papa from 'papaparse';
import { defaultConfig } from '../../pipeline/config.ts';
import { htmlToRecord, htmlToRecordRegex, readabilityBudgetMs } from '../../pipeline/normalize/html.ts';
import { isTooSlow, mapWithin, oneWithin } from '../../pipeline/parallel/budget.ts';
import { runStage } from '../../pipeline/stage.ts';
import { normalize } from '../../pipeline/stages/01-normalize.ts';
import { deduplicate } from '../../pipeline/stages/02-deduplicate.ts';
import { extract } from '../../pipeline/stages/03-extract.ts';
import { runCli, tempDir } from '../support/cli.ts';
import { raw } from './bad-inputs-support.ts';

type Row = Record<string, string>;
const csv = (dir: string, table: string): Row[] =>
  Papa.parse<Row>(readFileSync(join(dir, `${table}.csv`), 'utf8'), { header: true, skipEmptyLines: true }).data;

const SENTENCE = 'The ferry to the northern islands was cancelled on Tuesday after 40 passengers were hurt in a storm, the port authority said. ';
const LONG = `Ferry Service Cancelled\n\n${Array.from({ length: 400 }, (_, i) => SENTENCE.replace('40', String(i + 2))).join('')}`;

describe('the time budget', () => {
  it('an endless loop or a backtracking pattern is interrupted; the items beside it get their results', () => {
    const work = (x: string) => {
      if (x === 'loop') for (;;);
      if (x === 'regex') return /^(a+)+$/.test(`${'a'.repeat(40)}b`) ? 'matched' : 'no match';
      return x.toUpperCase();
    };
    const r = mapWithin(['one', 'loop', 'two', 'regex', 'three'], work, 50);
    assert.deepEqual(r.slice(0, 1).concat(r.slice(2, 3), r.slice(4)), ['ONE', 'TWO', 'THREE']);
    assert.ok(isTooSlow(r[1]) && isTooSlow(r[3]));
    assert.equal(
      oneWithin(() => 7, 50),
      7,
    );
    assert.throws(() => oneWithin(() => JSON.parse('{'), 50), SyntaxError, 'errors of the work pass through');
    assert.deepEqual(mapWithin(['a'], work, 0), ['A'], '0 is no budget');
  });

  it('01-normalize: a file over the budget is a reject too-slow, and every input is accounted for', () => {
    const files = [raw('long.txt', LONG.repeat(20)), raw('feed.jsonl', `${JSON.stringify({ title: 'Ferry', text: LONG })}\n`)];
    const r = runStage(normalize, { files, manifest: [] }, { ...defaultConfig, timeBudgetMs: 1 });
    const rejects = r.data.rejects;
    assert.ok(rejects.some((x) => x.path === 'long.txt' && x.reason === 'too-slow'));
    assert.match(rejects.find((x) => x.path === 'long.txt')!.message, /time budget of 0\.001 s/);
    assert.equal(r.report.read, r.report.written + r.report.rejected);
    assert.equal(r.report.written + r.report.rejected, 2);
  });

  it('03-extract: an article over the budget is a reject too-slow, and so is its copy; the counts add up', () => {
    const files = [raw('a/long.txt', LONG), raw('b/copy.txt', LONG), raw('c/other.txt', 'Museum Reopens\n\nThe museum reopened on Monday.')];
    const norm = runStage(normalize, { files, manifest: [] }, defaultConfig);
    const dedup = runStage(deduplicate, norm.data, defaultConfig);
    assert.ok(
      dedup.data.documents.some((d) => d.article.duplicate_of !== null),
      'the copy is found as a copy',
    );
    const r = runStage(extract, dedup.data, { ...defaultConfig, timeBudgetMs: 1 });
    const slow = r.data.rejects.filter((x) => x.reason === 'too-slow').map((x) => x.path);
    // (the short one may be over 1 ms too: it is then a reject as well, never lost)
    assert.ok(slow.includes('a/long.txt') && slow.includes('b/copy.txt'), slow.join(', '));
    // the copy is rejected with its original (a copy of it, or over the budget itself: its date is still inferred)
    const messages = r.data.rejects.filter((x) => x.path === 'a/long.txt' || x.path === 'b/copy.txt').map((x) => x.message);
    assert.ok(
      messages.every((m) => /time budget/.test(m)),
      messages.join(' | '),
    );
    assert.ok(!r.data.documents.some((d) => slow.includes(d.article.source_path)));
    assert.ok(!r.data.extractions.some((x) => !r.data.documents.some((d) => d.article.article_id === x.article_id)));
    assert.equal(r.report.read, r.report.written + r.report.rejected);
  });

  it('Readability over its budget gives way to the linear scanner (the page is still read)', () => {
    const para = '<p>The ferry to the northern islands was cancelled on Tuesday, the port authority said.</p>';
    const page = `<html><body>${'<div>'.repeat(150)}${para.repeat(3000)}${'</div>'.repeat(150)}</body></html>`;
    const r = htmlToRecord(page, { readabilityMs: 1 });
    assert.equal(r.text, htmlToRecordRegex(page).text);
    assert.ok(r.text.startsWith('The ferry to the northern islands'));
    assert.ok(readabilityBudgetMs(1_000_000) >= 10_000, 'a 1 MB page has at least 10 s');
  });
});

describe('the time budget (CLI, worker pool, cache)', { timeout: 180_000 }, () => {
  const root = tempDir('sec-budget');
  const rawDir = join(root, 'raw');
  const cache = join(root, 'cache');
  mkdirSync(rawDir);
  writeFileSync(join(rawDir, 'long.txt'), LONG);
  writeFileSync(join(rawDir, 'feed.jsonl'), `${JSON.stringify({ title: 'Ferry Cancelled', text: LONG.replace('Ferry', 'Boat') })}\n`);
  const common = ['--raw', rawDir, '--cache', cache, '--formats', 'none'];
  const slow = runCli([...common, '--out', join(root, 'slow'), '--jobs', '2', '--time-budget', '0.001']);
  const again = runCli([...common, '--out', join(root, 'again'), '--jobs', '1']);

  it('every input over the budget is a reject too-slow; the run finishes with status 0', () => {
    assert.equal(slow.status, 0, slow.stderr);
    const rejects = csv(join(root, 'slow'), 'rejects');
    // the feed is the file (its reading went over) or its line 1 (cleaning or extraction did)
    assert.deepEqual(rejects.map((x) => [x['path']!.replace('#1', ''), x['reason']]).sort(), [
      ['feed.jsonl', 'too-slow'],
      ['long.txt', 'too-slow'],
    ]);
    assert.equal(csv(join(root, 'slow'), 'articles').length, 0);
  });

  it('a too-slow result is not cached: the next run with the default budget publishes both articles', () => {
    assert.equal(again.status, 0, again.stderr);
    assert.equal(csv(join(root, 'again'), 'articles').length, 2);
    assert.equal(csv(join(root, 'again'), 'rejects').length, 0);
  });

  it('--time-budget takes seconds', () => {
    const bad = runCli(['--raw', rawDir, '--out', join(root, 'bad'), '--time-budget', 'soon']);
    assert.equal(bad.status, 2);
    assert.match(bad.stderr, /--time-budget takes seconds/);
  });
});
