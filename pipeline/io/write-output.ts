/**
 * Atomic publication: files are written to a temporary folder beside the
 * output folder, which then replaces it in two renames. A run killed at any
 * moment leaves the previous dataset in place (or restorable: the next run
 * puts back an ".old" folder whose swap did not finish, and removes leftovers).
 */
import { mkdir, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';

export async function recoverOutput(out: string): Promise<void> {
  const abs = resolve(out);
  const dir = dirname(abs);
  const base = basename(abs);
  if (!existsSync(dir)) return;
  const leftovers = (await readdir(dir)).filter((n) => n.startsWith(`.${base}.tmp-`) || n.startsWith(`.${base}.old-`)).sort();
  if (!existsSync(abs)) {
    const old = leftovers.find((n) => n.startsWith(`.${base}.old-`));
    if (old) await rename(join(dir, old), abs);
  }
  for (const n of leftovers) await rm(join(dir, n), { recursive: true, force: true });
}

export async function writeOutput(out: string, files: ReadonlyMap<string, Uint8Array>, pid: number): Promise<void> {
  const abs = resolve(out);
  const dir = dirname(abs);
  const base = basename(abs);
  await mkdir(dir, { recursive: true });
  await recoverOutput(out);
  const tmp = join(dir, `.${base}.tmp-${pid}`);
  const old = join(dir, `.${base}.old-${pid}`);
  await mkdir(tmp);
  for (const [name, bytes] of files) await writeFile(join(tmp, name), bytes);
  const had = existsSync(abs);
  if (had) await rename(abs, old);
  await rename(tmp, abs);
  if (had) await rm(old, { recursive: true, force: true });
}
