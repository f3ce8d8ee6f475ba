/**
 * Reads the input folder: every file under it (recursively, symlinks
 * followed once, loops and unreadable entries reported rather than thrown),
 * in sorted path order, plus the optional manifest.csv at its top.
 */
import { readFile, readdir, realpath, stat } from 'node:fs/promises';
import { join } from 'node:path';
import Papa from 'papaparse';
import PQueue from 'p-queue';
import { manifestEntry, type ManifestEntry, type RawFile } from '../../schemas/pipeline.ts';
import { issue, UsageError, type Issue } from '../issues.ts';

export const MANIFEST = 'manifest.csv';

export async function listFiles(root: string): Promise<{ files: { path: string; abs: string }[]; broken: RawFile[] }> {
  const files: { path: string; abs: string }[] = [];
  const broken: RawFile[] = [];
  const seenDirs = new Set<string>();
  const walk = async (abs: string, rel: string): Promise<void> => {
    const real = await realpath(abs);
    if (seenDirs.has(real)) {
      broken.push({ path: rel, size: 0, bytes: null, read_error: 'directory link loop (already visited)' });
      return;
    }
    seenDirs.add(real);
    const entries = (await readdir(abs)).sort();
    for (const name of entries) {
      const childAbs = join(abs, name);
      const childRel = rel ? `${rel}/${name}` : name;
      let st;
      try {
        st = await stat(childAbs);
      } catch (e) {
        // a name that is not UTF-8 is listed with U+FFFD in it, a name no file has
        const why = name.includes('\ufffd') ? 'the file name is not valid UTF-8 (rename the file)' : `cannot stat: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`;
        broken.push({ path: childRel, size: 0, bytes: null, read_error: why });
        continue;
      }
      if (st.isDirectory()) {
        try {
          await walk(childAbs, childRel);
        } catch (e) {
          broken.push({ path: childRel, size: 0, bytes: null, read_error: `cannot list folder: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}` });
        }
      } else if (st.isFile()) files.push({ path: childRel, abs: childAbs });
      else broken.push({ path: childRel, size: 0, bytes: null, read_error: 'not a regular file' });
    }
  };
  await walk(root, '');
  return { files, broken };
}

/** Reads every input file (files over maxBytes are sized but not read). */
export async function readRaw(root: string, maxBytes: number): Promise<{ files: RawFile[]; manifest: ManifestEntry[]; issues: Issue[] }> {
  let st;
  try {
    st = await stat(root);
  } catch {
    throw new UsageError(`input folder "${root}" does not exist`);
  }
  if (!st.isDirectory()) throw new UsageError(`input "${root}" is not a folder`);
  const { files: listed, broken } = await listFiles(root);
  const queue = new PQueue({ concurrency: 16 });
  const inputs = listed.filter((f) => f.path !== MANIFEST);
  const read = await Promise.all(
    inputs.map((f) =>
      queue.add(async (): Promise<RawFile> => {
        try {
          const size = (await stat(f.abs)).size;
          if (size > maxBytes) return { path: f.path, size, bytes: null, read_error: null };
          const bytes = new Uint8Array(await readFile(f.abs));
          return { path: f.path, size: bytes.length, bytes, read_error: null };
        } catch (e) {
          return { path: f.path, size: 0, bytes: null, read_error: `cannot read: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}` };
        }
      }),
    ),
  );
  const files = [...read, ...broken].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const { manifest, issues } = listed.some((f) => f.path === MANIFEST) ? parseManifest(await readFile(join(root, MANIFEST), 'utf8')) : { manifest: [], issues: [] };
  return { files, manifest, issues };
}

/** manifest.csv: file, id, url, outlet, published_date, author, license; a bad row is reported and skipped. */
export function parseManifest(text: string): { manifest: ManifestEntry[]; issues: Issue[] } {
  const parsed = Papa.parse<Record<string, string>>(text.replace(/^\ufeff/, ''), { header: true, skipEmptyLines: true, transformHeader: (h) => h.trim().toLowerCase() });
  const manifest: ManifestEntry[] = [];
  const issues: Issue[] = [];
  // Papa's errors: an unclosed quote (which swallows the rows after it), too few or too many fields
  for (const e of parsed.errors) issues.push(issue('manifest-bad-row', `manifest.csv${e.row === undefined ? '' : ` row ${e.row + 2}`}: ${e.message}${e.code === 'MissingQuotes' ? ' (the rows after it are read as part of that field)' : ''}`));
  parsed.data.forEach((row, i) => {
    const v = (k: string) => (row[k]?.trim() ? row[k]!.trim() : null);
    const r = manifestEntry.safeParse({ file: v('file') ?? '', id: v('id'), url: v('url'), outlet: v('outlet'), published_date: v('published_date'), author: v('author'), license: v('license') });
    if (r.success) manifest.push(r.data);
    else issues.push(issue('manifest-bad-row', `manifest.csv row ${i + 2}: ${r.error.issues.map((x) => `${x.path.join('.')}: ${x.message}`).join('; ')}`));
  });
  return { manifest, issues };
}
