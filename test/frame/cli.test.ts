/** The command line: bad invocations end with a clear message and status 2, and never touch the output folder. */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync, existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { ROOT, runCli, tempDir } from '../support/cli.ts';

describe('cli', () => {
  it('an input folder that does not exist: status 2, a message, output untouched', () => {
    const dir = tempDir('cli-missing');
    const out = join(dir, 'out');
    mkdirSync(out);
    writeFileSync(join(out, 'keep.txt'), 'previous dataset');
    const r = runCli(['--raw', join(dir, 'nope'), '--out', out]);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /input folder ".*nope" does not exist/);
    assert.equal(readFileSync(join(out, 'keep.txt'), 'utf8'), 'previous dataset');
  });

  it('an empty input folder: status 2, a message, no output written', () => {
    const dir = tempDir('cli-empty');
    mkdirSync(join(dir, 'raw'));
    const r = runCli(['--raw', join(dir, 'raw'), '--out', join(dir, 'out')]);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /no input files/);
    assert.equal(existsSync(join(dir, 'out')), false);
  });

  it('a bad option value: status 2', () => {
    const r = runCli(['--max-bytes', 'lots']);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /--max-bytes must be a positive integer/);
  });

  it('a folder of only unreadable inputs still publishes: every input is a reject', () => {
    const dir = tempDir('cli-rejects');
    const raw = join(dir, 'raw');
    mkdirSync(raw);
    writeFileSync(join(raw, 'empty.txt'), '');
    writeFileSync(join(raw, 'image.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0]));
    const r = runCli(['--raw', raw, '--out', join(dir, 'out')]);
    assert.equal(r.status, 0, r.stderr);
    const rejects = readFileSync(join(dir, 'out', 'rejects.csv'), 'utf8')
      .trim()
      .split('\n');
    assert.equal(rejects.length, 3);
    assert.match(rejects[1]!, /^empty\.txt,.*,empty,/);
    assert.match(rejects[2]!, /^image\.png,.*,unsupported-type,/);
    const q = JSON.parse(readFileSync(join(dir, 'out', 'quality.json'), 'utf8'));
    assert.equal(q.inputs.articles + q.inputs.rejects, q.inputs.records);
  });
});

describe('cli formats and progress', () => {
  it('--formats none publishes the CSV tables, datapackage.json, codebook and quality.json only, and the package lists only those', () => {
    const dir = tempDir('cli-formats');
    const raw = join(dir, 'raw');
    mkdirSync(raw);
    writeFileSync(join(raw, 'one.txt'), 'Bridge Reopens\n\nThe city reopened the bridge on Monday after 18 months of repairs, the mayor said.\n');
    const r = runCli(['--raw', raw, '--out', join(dir, 'out'), '--formats', 'none']);
    assert.equal(r.status, 0, r.stderr);
    const names = readdirSync(join(dir, 'out'));
    assert.ok(names.includes('articles.csv') && names.includes('datapackage.json') && names.includes('README.md') && names.includes('quality.json'));
    assert.deepEqual(
      names.filter((n) => /\.(arrow|parquet|xlsx|html)$/.test(n)),
      [],
    );
    const pkg = readFileSync(join(dir, 'out', 'datapackage.json'), 'utf8');
    assert.ok(!pkg.includes('.arrow') && !pkg.includes('.parquet'));
  });

  it('an unknown format is a usage error', () => {
    const r = runCli(['--formats', 'csv,pdf']);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /--formats takes arrow, parquet, xlsx, report or none/);
  });

  it('progress is silent when stderr is not a terminal, and shown with --verbose (with a rate per stage)', () => {
    const dir = tempDir('cli-progress');
    const raw = join(dir, 'raw');
    mkdirSync(raw);
    writeFileSync(join(raw, 'one.txt'), 'Bridge Reopens\n\nThe city reopened the bridge on Monday after 18 months of repairs, the mayor said.\n');
    const quietRun = spawnSync(
      join(ROOT, 'node_modules/.bin/tsx'),
      [join(ROOT, 'pipeline/cli.ts'), '--raw', raw, '--out', join(dir, 'a'), '--formats', 'none'],
      { encoding: 'utf8' },
    );
    assert.equal(quietRun.status, 0, quietRun.stderr);
    assert.equal(quietRun.stderr.replace(/npm warn.*\n/g, ''), '');
    const verbose = spawnSync(
      join(ROOT, 'node_modules/.bin/tsx'),
      [join(ROOT, 'pipeline/cli.ts'), '--raw', raw, '--out', join(dir, 'b'), '--formats', 'none', '--verbose'],
      { encoding: 'utf8' },
    );
    assert.match(verbose.stderr, /03-extract: read 1, wrote 1, rejected 0, 0 issue\(s\), \d+\/s \[\d+ ms, cpu \d+ ms\]/);
  });
});
