/**
 * Issue 15, data loss: OUT is published only into a missing or empty folder or
 * a previous output of this pipeline, never RAW or a parent/child of it; a lock
 * keeps two runs apart; a live run's temporary folder is never deleted; a kill
 * between the two publishing renames is repaired by the next run, even one that
 * then fails early; a failed write leaves no temporary folder behind.
 *
 * Every run here has a temporary working folder: a pipeline without these
 * guards replaces the working folder on `--out ""` (it must never be the project).
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import { checkRoom, OutputRefused, writeOutput } from '../../pipeline/io/write-output.ts';
import { runCli, tempDir } from '../support/cli.ts';

const ARTICLE = 'Bridge Reopens\n\nThe city reopened the bridge on Monday after 18 months of repairs, the mayor said.\n';
const dir = tempDir('sec-out');
const cwd = join(dir, 'cwd');
const build = (raw: string, out: string) => runCli(['--raw', raw, '--out', out, '--jobs', '1', '--no-cache', '--formats', 'none'], {}, cwd);
/** A pid that is surely dead: a child that has exited. */
const deadPid = () => spawnSync('true').pid!;

/** The refusal is one line on stderr, exit status 2. */
function refused(r: { status: number | null; stderr: string }, pattern: RegExp) {
  assert.equal(r.status, 2, r.stderr);
  assert.equal(r.stderr.trim().split('\n').length, 1, `one line: ${r.stderr}`);
  assert.match(r.stderr, pattern);
}

describe('OUT safety (CLI)', () => {
  const raw = join(dir, 'raw');
  const ref = join(dir, 'ref');
  before(() => {
    mkdirSync(cwd);
    writeFileSync(join(cwd, 'keep.txt'), 'the working folder');
    mkdirSync(raw);
    writeFileSync(join(raw, 'one.txt'), ARTICLE);
    // an empty folder is published into
    mkdirSync(ref);
    const r = build(raw, ref);
    assert.equal(r.status, 0, r.stderr);
  });

  it("a folder of the user's files is refused and kept", () => {
    const mine = join(dir, 'mine');
    mkdirSync(mine);
    writeFileSync(join(mine, 'notes.txt'), 'my notes');
    refused(build(raw, mine), /not an output of this pipeline/);
    assert.deepEqual(readdirSync(mine), ['notes.txt']);
  });

  it('RAW itself, a parent of RAW and a folder inside RAW are refused; the inputs stay', () => {
    refused(build(raw, raw), /input folder/);
    refused(build(raw, dir), /input folder/);
    refused(build(raw, join(raw, 'out')), /inside the input folder/);
    assert.deepEqual(readdirSync(raw), ['one.txt']);
    assert.equal(readFileSync(join(raw, 'one.txt'), 'utf8'), ARTICLE);
  });

  it('an empty --out is refused (it would name the working folder)', () => {
    refused(build(raw, ''), /--out is empty/);
    assert.equal(readFileSync(join(cwd, 'keep.txt'), 'utf8'), 'the working folder');
  });

  it('an empty folder and a previous output are published into', () => {
    assert.ok(existsSync(join(ref, 'articles.csv')), 'the empty folder got the output');
    const r = build(raw, ref);
    assert.equal(r.status, 0, `a previous output is replaced: ${r.stderr}`);
  });

  it('a folder whose parent is a file is refused before the build, with one line', () => {
    writeFileSync(join(dir, 'a-file'), 'x');
    refused(build(raw, join(dir, 'a-file', 'out')), /cannot (create|write)/);
  });

  it("a live run's lock makes a second run fail; a dead run's lock is taken over; a live run's temporary folder is never deleted", () => {
    const out = join(dir, 'shared');
    writeFileSync(join(dir, '.shared.lock'), `${process.pid}\n`);
    refused(build(raw, out), /another run \(pid \d+\)/);
    assert.ok(!existsSync(out));
    writeFileSync(join(dir, '.shared.lock'), `${deadPid()}\n`);
    const live = join(dir, `.shared.tmp-${process.pid}`);
    mkdirSync(live);
    writeFileSync(join(live, 'half.csv'), 'x');
    const dead = join(dir, `.shared.tmp-${deadPid()}`);
    mkdirSync(dead);
    const r = build(raw, out);
    assert.equal(r.status, 0, r.stderr);
    assert.ok(!existsSync(join(dir, '.shared.lock')), 'the lock is released after the run');
    assert.ok(existsSync(join(live, 'half.csv')), "a live pid's folder is left alone");
    assert.ok(!existsSync(dead), "a dead pid's folder is cleaned up");
  });

  it('a kill between the two renames: the next run puts the previous output back first, even when it then fails', () => {
    const out = join(dir, 'killed');
    cpSync(ref, out, { recursive: true });
    const before = readFileSync(join(out, 'articles.csv'), 'utf8');
    // the state a kill leaves after "out → .out.old-PID" and before ".out.tmp-PID → out"
    const pid = deadPid();
    mkdirSync(join(dir, `.killed.tmp-${pid}`));
    renameSync(out, join(dir, `.killed.old-${pid}`));
    const emptyRaw = join(dir, 'empty-raw');
    mkdirSync(emptyRaw);
    const r = build(emptyRaw, out);
    assert.equal(r.status, 2, 'this run fails early: no inputs');
    assert.equal(readFileSync(join(out, 'articles.csv'), 'utf8'), before, 'the previous output is back');
    assert.deepEqual(
      readdirSync(dir).filter((n) => n.startsWith('.killed.')),
      [],
    );
  });
});

describe('writeOutput on a failed write', () => {
  it('removes its temporary folder, leaves the previous output, and says why in one line', async () => {
    const wdir = tempDir('sec-write');
    const out = join(wdir, 'out');
    await writeOutput(out, new Map([['a.csv', new TextEncoder().encode('a,1\n')]]), 1);
    // a name the file system cannot create (its folder does not exist) stands for a full or read-only disk
    const bad = new Map([
      ['a.csv', new TextEncoder().encode('a,2\n')],
      ['no/such/folder.csv', new Uint8Array([1])],
    ]);
    await assert.rejects(writeOutput(out, bad, 2), (e: Error) => /cannot write the output/.test(e.message) && !e.message.includes('\n'));
    assert.equal(readFileSync(join(out, 'a.csv'), 'utf8'), 'a,1\n');
    assert.deepEqual(readdirSync(wdir), ['out']);
  });
});

describe('room for the output, checked before the build', () => {
  it('an OUT whose file system has less room than the output needs is refused in one line; enough room passes', () => {
    const out = join(tempDir('sec-room'), 'out');
    // no file system has an exbibyte free: the check must refuse before any work is done
    assert.throws(
      () => checkRoom(out, 2 ** 60),
      (e: Error) => e instanceof OutputRefused && /not enough room beside --out .*bytes free, about \d+ needed/.test(e.message) && !e.message.includes('\n'),
    );
    assert.doesNotThrow(() => checkRoom(out, 1));
    assert.equal(existsSync(out), false, 'the check writes nothing');
  });
});
