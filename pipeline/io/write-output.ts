/**
 * Safe publication into OUT.
 *
 * - checkOutput (before the build): OUT is refused (UsageError, exit 2) unless it
 *   is missing, an empty folder, or a previous output of this pipeline (its
 *   `datapackage.json` names this package: the marker). It may never be RAW, a
 *   folder holding RAW, or a folder inside RAW. Its parent must be writable and
 *   roughly have room.
 * - lockOutput: a lock file `.OUT.lock` beside OUT (created exclusively, holding
 *   the pid): a second run into the same OUT fails clearly while the first is
 *   alive; a lock left by a dead process is taken over.
 * - writeOutput: files go to `.OUT.tmp-PID` beside OUT, then OUT → `.OUT.old-PID`
 *   and tmp → OUT (two renames). A kill between them leaves the previous output
 *   complete in `.OUT.old-PID`; the next run puts it back first thing (under the
 *   lock, before its build), so a run that then fails early never leaves OUT
 *   missing. A failed write (disk full, read-only) removes its temporary folder
 *   and leaves OUT as it was.
 * Leftovers of a live process (another pid) are never deleted.
 */
import {
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readFileSync,
  readdirSync,
  realpathSync,
  rmSync,
  statfsSync,
  unlinkSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { mkdir, readdir, rename, rm } from 'node:fs/promises';
import { basename, dirname, join, resolve, sep } from 'node:path';
import { PACKAGE } from '../publish/datapackage.ts';
import { PipelineError, UsageError } from '../issues.ts';

const MARKER = 'datapackage.json';

/** OUT refused before the build: a usage error (exit 2) printed as one line, without the usage text. */
export class OutputRefused extends UsageError {}

/** True when the process with this pid is running (a pid we may not signal is alive too; a zombie is not). */
function alive(pid: number): boolean {
  if (!Number.isSafeInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
  return !zombie(pid);
}

/**
 * A killed process that nobody has reaped yet still answers signal 0 (a container whose first process does
 * not reap orphans keeps it for ever): on Linux its state in /proc/PID/stat is Z (or X), and its lock is free.
 */
function zombie(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // the state follows the command name, which is in parentheses and may hold spaces or ")"
    const state = stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3);
    return state === 'Z' || state === 'X';
  } catch {
    return false; // no /proc (not Linux) or the process just went: signal 0 said it was there
  }
}

/** The real path of p, or (when p does not exist yet) its nearest existing parent's real path plus the rest. */
function realish(p: string): string {
  const abs = resolve(p);
  let head = abs;
  const rest: string[] = [];
  while (!existsSync(head)) {
    rest.unshift(basename(head));
    const up = dirname(head);
    if (up === head) break;
    head = up;
  }
  return join(realpathSync(head), ...rest);
}

const within = (outer: string, inner: string) => inner === outer || inner.startsWith(outer.endsWith(sep) ? outer : outer + sep);

/** A folder this pipeline published: its datapackage.json names our package. */
function isOurOutput(dir: string): boolean {
  try {
    const pkg = JSON.parse(readFileSync(join(dir, MARKER), 'utf8')) as { name?: unknown };
    return pkg.name === PACKAGE.name;
  } catch {
    return false;
  }
}

/** A short text for a file-system error code, for one-line messages. */
export function fsReason(e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  const why: Record<string, string> = {
    ENOSPC: 'no space left on the device',
    EDQUOT: 'disk quota exceeded',
    EROFS: 'the file system is read-only',
    EACCES: 'permission denied',
    EPERM: 'operation not permitted',
    ENOTDIR: 'a part of the path is not a folder',
  };
  return code ? `${why[code] ?? (e as Error).message} (${code})` : (e as Error).message;
}

/**
 * Refuses an OUT that publishing could destroy or that cannot be written
 * (OutputRefused: exit 2, one line).
 */
export function checkOutput(out: string, raw: string): void {
  if (out.trim() === '') throw new OutputRefused('--out is empty: name the output folder');
  const realOut = realish(out);
  let realRaw: string;
  try {
    realRaw = realpathSync(raw);
  } catch {
    throw new OutputRefused(`input folder "${raw}" does not exist`);
  }
  if (within(realOut, realRaw))
    throw new OutputRefused(`--out "${out}" is the input folder or holds it: publishing would replace the inputs (choose another folder)`);
  if (within(realRaw, realOut)) throw new OutputRefused(`--out "${out}" lies inside the input folder "${raw}": choose a folder outside it`);
  if (realOut === sep) throw new OutputRefused('--out may not be the root folder');
  if (existsSync(out)) {
    let names: string[];
    try {
      names = readdirSync(out);
    } catch (e) {
      throw new OutputRefused(`--out "${out}" is not a folder this run can list: ${fsReason(e)}`);
    }
    if (names.length > 0 && !isOurOutput(out)) {
      throw new OutputRefused(
        `--out "${out}" holds files that are not an output of this pipeline (no ${MARKER} of "${PACKAGE.name}"): it would be replaced; give an empty or new folder`,
      );
    }
  }
}

/** Refuses (before the build) an OUT whose file system has clearly less room than the output needs (about needBytes). */
export function checkRoom(out: string, needBytes: number): void {
  let free: number;
  try {
    const fs = statfsSync(dirname(realish(out)));
    free = Number(fs.bavail) * Number(fs.bsize);
  } catch {
    return; // no statfs here: the write itself reports a full disk
  }
  if (free < needBytes) throw new OutputRefused(`not enough room beside --out "${out}": ${free} bytes free, about ${needBytes} needed`);
}

export interface OutputLock {
  release(): void;
}

/**
 * Takes `.OUT.lock` beside OUT. Fails (UsageError, exit 2) when a live run holds
 * it or when the folder beside OUT cannot be written (which also proves, before
 * the build, that publishing could write there).
 */
export function lockOutput(out: string, pid: number): OutputLock {
  const abs = resolve(out);
  const dir = dirname(abs);
  const path = join(dir, `.${basename(abs)}.lock`);
  try {
    mkdirSync(dir, { recursive: true });
  } catch (e) {
    throw new OutputRefused(`cannot create the folder of --out "${out}": ${fsReason(e)}`);
  }
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(path, 'wx');
      writeSync(fd, `${pid}\n`);
      closeSync(fd);
      let held = true;
      const release = () => {
        if (!held) return;
        held = false;
        try {
          if (readFileSync(path, 'utf8').trim() === String(pid)) unlinkSync(path);
        } catch {
          /* already gone */
        }
      };
      process.once('exit', release);
      return { release };
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code !== 'EEXIST') {
        const hint = code === 'ENOSPC' || code === 'EDQUOT' ? '' : ' (read-only or not yours?)';
        throw new OutputRefused(`cannot write beside --out "${out}": ${fsReason(e)}${hint}`);
      }
      let owner = NaN;
      try {
        owner = Number(readFileSync(path, 'utf8').trim());
      } catch {
        /* vanished meanwhile: retry */
      }
      if (alive(owner) && owner !== pid)
        throw new OutputRefused(`another run (pid ${owner}) is publishing to --out "${out}": wait for it to finish (lock ${path})`);
      // a stale lock of a dead run: take it over
      try {
        unlinkSync(path);
      } catch {
        /* taken by someone else meanwhile */
      }
    }
  }
  throw new OutputRefused(`could not take the lock ${path} on --out "${out}": another run is starting`);
}

const pidOf = (name: string): number => Number(/-(\d+)$/.exec(name)?.[1] ?? NaN);

/**
 * Puts back a previous output whose swap a kill interrupted and removes the
 * leftovers of dead runs. Run under the lock, before the build.
 */
export async function recoverOutput(out: string): Promise<void> {
  const abs = resolve(out);
  const dir = dirname(abs);
  const base = basename(abs);
  if (!existsSync(dir)) return;
  const mine = (n: string) => (n.startsWith(`.${base}.tmp-`) || n.startsWith(`.${base}.old-`)) && !(alive(pidOf(n)) && pidOf(n) !== process.pid);
  const leftovers = (await readdir(dir)).filter(mine).sort();
  if (!existsSync(abs)) {
    const old = leftovers.find((n) => n.startsWith(`.${base}.old-`));
    if (old) await rename(join(dir, old), abs);
  }
  for (const n of leftovers) if (existsSync(join(dir, n))) await rm(join(dir, n), { recursive: true, force: true });
}

/**
 * The temporary output folder, filled one file at a time as publish makes
 * them (`put`, synchronous: nothing is held back), then swapped into OUT
 * (`commit`); `abort` removes it (a failed build leaves OUT as it was).
 */
export interface OutputWriter {
  put(name: string, bytes: Uint8Array): void;
  commit(): Promise<void>;
  abort(): Promise<void>;
}

export async function openOutput(out: string, pid: number): Promise<OutputWriter> {
  const abs = resolve(out);
  const dir = dirname(abs);
  const base = basename(abs);
  await mkdir(dir, { recursive: true });
  await recoverOutput(out);
  const tmp = join(dir, `.${base}.tmp-${pid}`);
  const old = join(dir, `.${base}.old-${pid}`);
  const cleanup = () => rm(tmp, { recursive: true, force: true }).catch(() => {});
  const failed = (e: unknown) =>
    new PipelineError(`cannot write the output beside "${out}": ${fsReason(e)}; the previous output is unchanged`, { stage: '05-publish' });
  let made = false;
  return {
    put(name, bytes) {
      try {
        if (!made) mkdirSync(tmp);
        made = true;
        writeFileSync(join(tmp, name), bytes);
      } catch (e) {
        // a full or read-only disk: never leave the partial folder behind (it would keep the disk full)
        rmSync(tmp, { recursive: true, force: true });
        throw failed(e);
      }
    },
    async commit() {
      if (!made) {
        try {
          await mkdir(tmp);
        } catch (e) {
          await cleanup();
          throw failed(e);
        }
      }
      const had = existsSync(abs);
      try {
        if (had) await rename(abs, old);
        await rename(tmp, abs);
      } catch (e) {
        if (had && !existsSync(abs) && existsSync(old)) await rename(old, abs).catch(() => {});
        await cleanup();
        throw new PipelineError(`cannot replace "${out}": ${fsReason(e)}; the previous output is unchanged`, { stage: '05-publish' });
      }
      if (had) await rm(old, { recursive: true, force: true });
    },
    async abort() {
      await cleanup();
    },
  };
}

export async function writeOutput(out: string, files: ReadonlyMap<string, Uint8Array>, pid: number): Promise<void> {
  const w = await openOutput(out, pid);
  for (const [name, bytes] of files) w.put(name, bytes);
  await w.commit();
}
