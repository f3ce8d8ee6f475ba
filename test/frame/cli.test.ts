/** The command line: bad invocations end with a clear message and status 2, and never touch the output folder. */
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync, existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { runCli, tempDir } from '../support/cli.ts';

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
    const rejects = readFileSync(join(dir, 'out', 'rejects.csv'), 'utf8').trim().split('\n');
    assert.equal(rejects.length, 3);
    assert.match(rejects[1]!, /^empty\.txt,.*,empty,/);
    assert.match(rejects[2]!, /^image\.png,.*,unsupported-type,/);
    const q = JSON.parse(readFileSync(join(dir, 'out', 'quality.json'), 'utf8'));
    assert.equal(q.inputs.articles + q.inputs.rejects, q.inputs.records);
  });
});
