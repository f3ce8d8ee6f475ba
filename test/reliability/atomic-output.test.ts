/**
 * Kill-safe output: a build killed at any moment leaves the output folder as
 * the last complete build, and the next run cleans up what the killed one left.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { recoverOutput, writeOutput } from '../../pipeline/io/write-output.ts';
import { cliCommand, ROOT, readTree, runCli, tempDir } from '../support/cli.ts';

const files = (tag: string) =>
  new Map([
    ['a.csv', new TextEncoder().encode(`a,${tag}\n`)],
    ['b.json', new TextEncoder().encode(`{"v":"${tag}"}\n`)],
  ]);

/** A pid no process can have: one above the kernel's pid_max (4194304 where /proc does not say). */
function deadPid(): number {
  try {
    return Number(readFileSync('/proc/sys/kernel/pid_max', 'utf8').trim()) + 1;
  } catch {
    return 4_194_305;
  }
}

describe('writeOutput', () => {
  it('replaces the whole folder: files of the old build that the new one lacks are gone', async () => {
    const dir = tempDir('atomic');
    const out = join(dir, 'out');
    await writeOutput(out, new Map([...files('1'), ['old-only.txt', new Uint8Array([1])]]), 1);
    await writeOutput(out, files('2'), 2);
    assert.deepEqual(readdirSync(out).sort(), ['a.csv', 'b.json']);
    assert.equal(readFileSync(join(out, 'a.csv'), 'utf8'), 'a,2\n');
    assert.deepEqual(readdirSync(dir), ['out']);
  });

  it('a run killed between its two renames is repaired by the next run: the previous dataset comes back', async () => {
    const dir = tempDir('atomic-crash');
    const out = join(dir, 'out');
    await writeOutput(out, files('1'), 1);
    // the state a kill leaves after "out → .out.old-N" and before ".out.tmp-N → out", N the pid of a dead run:
    // one above the system's largest pid, so no live process has it (a small pid such as 9 is reused once pids
    // wrap around, and the leftovers of a live process are rightly left alone)
    const { renameSync } = await import('node:fs');
    const dead = deadPid();
    mkdirSync(join(dir, `.out.tmp-${dead}`));
    writeFileSync(join(dir, `.out.tmp-${dead}`, 'a.csv'), 'half');
    renameSync(out, join(dir, `.out.old-${dead}`));
    await recoverOutput(out);
    assert.equal(readFileSync(join(out, 'a.csv'), 'utf8'), 'a,1\n');
    assert.deepEqual(readdirSync(dir), ['out']);
  });
});

describe('SIGKILL during a build', () => {
  it('leaves output/ equal to one complete build, never a mix, and leftovers are cleaned by the next run', async () => {
    const dir = tempDir('kill');
    const rawA = join(dir, 'rawA');
    const rawB = join(dir, 'rawB');
    cpSync(join(ROOT, 'raw'), rawA, { recursive: true });
    cpSync(join(ROOT, 'raw'), rawB, { recursive: true });
    // B differs from A: every article repeated in copies under new names (more work, different bytes)
    for (const n of readdirSync(rawB)) for (let k = 0; k < 8; k++) cpSync(join(rawB, n), join(rawB, `copy${k}-${n}`));
    const refA = join(dir, 'refA');
    const refB = join(dir, 'refB');
    assert.equal(runCli(['--raw', rawA, '--out', refA]).status, 0);
    assert.equal(runCli(['--raw', rawB, '--out', refB]).status, 0);
    const treeA = readTree(refA);
    const treeB = readTree(refB);
    // A build into a folder that holds another build differs from a fresh one by its history (the
    // changes table, CHANGELOG.md and what lists them), so "one complete build" is checked by content:
    // its datapackage.json version is A's or B's, and every file it lists is there with its sha256.
    const versionOf = (t: Map<string, Buffer>) => (JSON.parse(t.get('datapackage.json')!.toString('utf8')) as { version: string }).version;
    const complete = (t: Map<string, Buffer>) => {
      const dp = JSON.parse(t.get('datapackage.json')?.toString('utf8') ?? '{"files":[]}') as { files: { path: string; hash: string }[] };
      return (
        dp.files.length > 0 &&
        t.size === dp.files.length + 1 &&
        dp.files.every((f) => t.has(f.path) && `sha256:${createHash('sha256').update(t.get(f.path)!).digest('hex')}` === f.hash)
      );
    };
    const same = (t: Map<string, Buffer>, u: Map<string, Buffer>) => complete(t) && complete(u) && versionOf(t) === versionOf(u);
    const out = join(dir, 'out');
    cpSync(refA, out, { recursive: true });
    for (const delay of [150, 400, 700, 1000, 1300, 1600, 2000, 2600]) {
      const cli = cliCommand(['--quiet', '--raw', rawB, '--out', out]);
      const child = spawn(cli.bin, cli.args, { stdio: 'ignore', detached: true });
      const exited = new Promise((r) => child.on('exit', r));
      await new Promise((r) => setTimeout(r, delay));
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        /* already finished */
      }
      await exited;
      if (!existsSync(out)) await recoverOutput(out); // what the next run does first
      const now = readTree(out);
      assert.ok(same(now, treeA) || same(now, treeB), `after a kill at ${delay} ms output/ is not a complete build`);
      // put A back for the next round, through a real run
      const again = runCli(['--raw', rawA, '--out', out]);
      assert.equal(again.status, 0, `the run after a kill at ${delay} ms failed: ${again.stderr}`);
      assert.ok(same(readTree(out), treeA));
      assert.deepEqual(
        readdirSync(dir).filter((n) => n.startsWith('.out.')),
        [],
        'leftovers are cleaned up',
      );
    }
  });
});
