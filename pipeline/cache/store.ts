/**
 * The per-item cache: the result of one item of a per-item stage (a record
 * cleaned, an article extracted), stored under a key that hashes the task,
 * the item's content and the pipeline version (a hash of the pipeline's
 * source files, schemas, lexicons and the package lock). Same key, same
 * result: the stages are pure, so a cached result is what the work would
 * give again.
 *
 * Layout: <dir>/<version>/<task>/<key[0..2]>/<key>.json; each file is a
 * sha256 of its body, a newline, then the body (JSON). A file that cannot be
 * read, whose checksum does not match or whose JSON does not parse is a miss,
 * never an error. Writes go to a temporary name and are renamed into place,
 * so a killed run leaves no half-written entry under a real name.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { threadId } from 'node:worker_threads';

const sha256 = (s: string | Uint8Array): string => createHash('sha256').update(s).digest('hex');

/** Files that make up the pipeline version: code and data under these folders, and the lock file. */
const VERSION_ROOTS = ['pipeline', 'schemas'];
const VERSION_FILES = ['package-lock.json'];
const SOURCE = /\.(ts|mts|mjs|js|json|css)$/;

function listFiles(root: string, dir: string, out: string[]): void {
  let names: string[];
  try {
    names = readdirSync(join(root, dir)).sort();
  } catch {
    return;
  }
  for (const n of names) {
    const rel = join(dir, n);
    const st = statSync(join(root, rel), { throwIfNoEntry: false });
    if (!st) continue;
    if (st.isDirectory()) listFiles(root, rel, out);
    else if (st.isFile() && SOURCE.test(n)) out.push(rel);
  }
}

/** The version of a program whose sources cannot be found: never used as a cache folder. */
export const UNKNOWN_VERSION = 'unknown';

/** Hash of every source, schema and lexicon file of the project at `root` (paths and contents), 16 hex digits. */
export function pipelineVersion(root: string): string {
  const files: string[] = [];
  for (const r of VERSION_ROOTS) listFiles(root, r, files);
  // a program run away from its sources (a bundle copied elsewhere) cannot tell one version from another:
  // every build would read the results of another version's code
  if (!files.length) return UNKNOWN_VERSION;
  for (const f of VERSION_FILES) if (statSync(join(root, f), { throwIfNoEntry: false })?.isFile()) files.push(f);
  const h = createHash('sha256');
  for (const f of files.sort()) {
    h.update(`${relative(root, join(root, f))}\0`);
    h.update(readFileSync(join(root, f)));
    h.update('\0');
  }
  return h.digest('hex').slice(0, 16);
}

/** The key of one item of a task: its content and the task name (the version is the folder). */
export const itemKey = (task: string, item: unknown): string => sha256(`${task}\0${JSON.stringify(item)}`);

const entryPath = (dir: string, key: string): string => join(dir, key.slice(0, 2), `${key}.json`);

/** A cached result, or undefined when absent or corrupt. */
export function getEntry(dir: string, key: string): unknown {
  let text: string;
  try {
    text = readFileSync(entryPath(dir, key), 'utf8');
  } catch {
    return undefined;
  }
  const nl = text.indexOf('\n');
  if (nl !== 64) return undefined;
  const body = text.slice(65);
  if (sha256(body) !== text.slice(0, 64)) return undefined;
  try {
    return JSON.parse(body) as unknown;
  } catch {
    return undefined;
  }
}

/** Stores a result (atomic rename); a failure to write only loses the entry. */
export function putEntry(dir: string, key: string, value: unknown): void {
  const path = entryPath(dir, key);
  const body = JSON.stringify(value);
  try {
    mkdirSync(join(dir, key.slice(0, 2)), { recursive: true });
    const tmp = `${path}.tmp-${process.pid}-${threadId}`;
    writeFileSync(tmp, `${sha256(body)}\n${body}`);
    renameSync(tmp, path);
  } catch {
    // a cache that cannot be written is no cache: the build goes on
  }
}

/**
 * The folder of one task's entries for a pipeline version; older versions' folders are removed (the cache keeps
 * one version). A cache that cannot be used (a file where a folder should be, a link loop, no permission) is
 * null: the build goes on without it (the CLI warns once, see cacheProblem).
 */
export function openCache(root: string, version: string, task: string): string | null {
  try {
    mkdirSync(root, { recursive: true });
    for (const v of readdirSync(root)) if (v !== version && /^[0-9a-f]{16}$/.test(v)) rmSync(join(root, v), { recursive: true, force: true });
    const dir = join(root, version, task);
    mkdirSync(dir, { recursive: true });
    if (!statSync(dir).isDirectory()) return null;
    return dir;
  } catch {
    return null;
  }
}

/** Why the cache at root cannot be used for this version (one line), or null when it can. */
export function cacheProblem(root: string, version: string): string | null {
  if (version === UNKNOWN_VERSION) return 'the pipeline sources are not beside the program, so its version is unknown';
  try {
    mkdirSync(join(root, version), { recursive: true });
    if (!statSync(join(root, version)).isDirectory()) return 'not a folder';
    readdirSync(join(root, version));
    return null;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code ?? (e as Error).message;
  }
}
