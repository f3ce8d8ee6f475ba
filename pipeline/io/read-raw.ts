/**
 * Reads the input folder: every regular file under it (recursively), in sorted
 * key order, plus the optional manifest.csv at its top. Nothing whose real
 * path lies outside the folder is read: a link (to a file or a folder) that
 * leads outside is a reject `outside-input`, its target never named; a link
 * inside is followed (loops reported). A FIFO, socket or device is a reject
 * `not-a-regular-file` and is never opened. Paths are keys (./path-key.ts).
 */
import { lstat, open, readdir, realpath, stat } from 'node:fs/promises';
import { constants } from 'node:fs';
import { sep } from 'node:path';
import Papa from 'papaparse';
import PQueue from 'p-queue';
import { manifestEntry, type ManifestEntry, type RawFile } from '../../schemas/pipeline.ts';
import { issue, UsageError, type Issue } from '../issues.ts';
import { nameKey } from './path-key.ts';

export const MANIFEST = 'manifest.csv';

/** A listed regular file: its key, and the real path (bytes) it is read from, inside the input folder. */
export interface Listed {
  path: string;
  real: Buffer;
}

const errCode = (e: unknown) => (e as NodeJS.ErrnoException).code ?? (e as Error).message;
const broke = (path: string, read_reason: NonNullable<RawFile['read_reason']>, read_error: string): RawFile => ({
  path,
  size: 0,
  bytes: null,
  read_error,
  read_reason,
});
const SEP = Buffer.from(sep);

/** True when `real` is the folder `root` or lies under it (both real paths, as bytes). */
function inside(root: Buffer, real: Buffer): boolean {
  if (real.equals(root)) return true;
  const prefix = root.subarray(-SEP.length).equals(SEP) ? root : Buffer.concat([root, SEP]);
  return real.length > prefix.length && real.subarray(0, prefix.length).equals(prefix);
}

/** The real path of an input (bytes: a name need not be UTF-8). */
const realOf = (p: Buffer) => realpath(p, { encoding: 'buffer' });

export async function listFiles(root: string): Promise<{ files: Listed[]; broken: RawFile[]; rootReal: Buffer }> {
  const files: Listed[] = [];
  const broken: RawFile[] = [];
  const rootReal = await realOf(Buffer.from(root));
  const seenDirs = new Set<string>();
  const walk = async (real: Buffer, rel: string): Promise<void> => {
    const seen = real.toString('latin1');
    if (seenDirs.has(seen)) {
      broken.push(broke(rel, 'unreadable', 'directory link loop (already visited)'));
      return;
    }
    seenDirs.add(seen);
    const entries = (await readdir(real, { encoding: 'buffer' })).sort(Buffer.compare);
    for (const name of entries) {
      const childAbs = Buffer.concat([real, SEP, name]);
      const key = nameKey(name);
      const childRel = rel ? `${rel}/${key}` : key;
      let target = childAbs;
      let st;
      try {
        st = await lstat(childAbs);
        if (st.isSymbolicLink()) {
          target = await realOf(childAbs);
          // the target is checked before anything about it is read: not even its kind is looked at when it is outside
          if (!inside(rootReal, target)) {
            broken.push(broke(childRel, 'outside-input', 'a link to a place outside the input folder (not read)'));
            continue;
          }
          st = await stat(target);
        }
      } catch (e) {
        const code = errCode(e);
        broken.push(
          broke(
            childRel,
            'unreadable',
            code === 'ENOENT' ? 'broken link (ENOENT: its target does not exist)' : code === 'ELOOP' ? 'link loop (ELOOP)' : `cannot stat: ${code}`,
          ),
        );
        continue;
      }
      if (st.isDirectory()) {
        try {
          await walk(target, childRel);
        } catch (e) {
          broken.push(broke(childRel, 'unreadable', `cannot list folder: ${errCode(e)}`));
        }
      } else if (st.isFile()) files.push({ path: childRel, real: target });
      else broken.push(broke(childRel, 'not-a-regular-file', 'not a regular file (a FIFO, socket or device is never opened)'));
    }
  };
  await walk(rootReal, '');
  return { files, broken, rootReal };
}

/** Feeds of one record per line: read as a stream, the size limit applying to each line, not to the file. */
const STREAMED = /\.(jsonl|ndjson)$/i;
/** A streamed feed is handed on in parts of about this many bytes, each cut at a line end. */
const PART_BYTES = 8 * 1024 * 1024;
const READ_CHUNK = 1024 * 1024;

type FileHandle = Awaited<ReturnType<typeof open>>;

/**
 * A JSONL feed over maxBytes, read on its open handle in chunks: complete
 * lines are gathered into parts of about PART_BYTES (line numbers kept); a
 * line over maxBytes is never held whole: it is counted (its number and
 * size, a reject of its own later) and left as an empty line. Null when the
 * first bytes say UTF-16 (a newline byte there is half a character, so the
 * file cannot be cut at its lines): such a file is over the limit as before.
 */
async function readFeed(fh: FileHandle, path: string, maxBytes: number): Promise<RawFile | null> {
  const parts: NonNullable<RawFile['parts']> = [];
  const longLines: { line: number; size: number }[] = [];
  let part: Buffer[] = [];
  let partBytes = 0;
  let partFirst = 1;
  let line: Buffer[] = [];
  let lineLen = 0;
  let lineNo = 1;
  let total = 0;
  const flush = () => {
    if (partBytes > 0) parts.push({ first_line: partFirst, bytes: new Uint8Array(Buffer.concat(part, partBytes)) });
    part = [];
    partBytes = 0;
    partFirst = lineNo;
  };
  const endLine = (withNewline: boolean) => {
    if (lineLen > maxBytes) {
      longLines.push({ line: lineNo, size: lineLen });
      line = withNewline ? [Buffer.from('\n')] : [];
    } else if (withNewline) line.push(Buffer.from('\n'));
    for (const b of line) {
      part.push(b);
      partBytes += b.length;
    }
    line = [];
    lineLen = 0;
    lineNo++;
    if (partBytes >= PART_BYTES) flush();
  };
  for (;;) {
    const buf = Buffer.alloc(READ_CHUNK);
    const { bytesRead } = await fh.read(buf, 0, buf.length, null);
    if (bytesRead === 0) break;
    if (total === 0) {
      const head = buf.subarray(0, Math.min(bytesRead, 4096));
      if ((head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff) || head.includes(0)) return null;
    }
    total += bytesRead;
    let start = 0;
    while (start < bytesRead) {
      const nl = buf.indexOf(10, start);
      const end = nl < 0 || nl >= bytesRead ? bytesRead : nl;
      lineLen += end - start;
      if (lineLen <= maxBytes) line.push(buf.subarray(start, end));
      else line = [];
      if (end === bytesRead) break;
      endLine(true);
      start = end + 1;
    }
  }
  if (lineLen > 0 || line.length > 0) endLine(false);
  flush();
  return { path, size: total, bytes: null, read_error: null, parts, long_lines: longLines };
}

/**
 * Reads one listed file: opened without following a link in its last part and
 * without blocking (a file swapped for a FIFO after the listing cannot hang
 * the run), checked to be a regular file on the open handle, and read up to
 * maxBytes + 1 bytes (a file over the limit is sized, never read whole; a
 * JSONL feed over it is read as a stream of lines, see readFeed).
 */
async function readListed(f: Listed, maxBytes: number): Promise<RawFile> {
  let fh;
  try {
    fh = await open(f.real, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
    const st = await fh.stat();
    if (!st.isFile()) return broke(f.path, 'not-a-regular-file', 'not a regular file (a FIFO, socket or device is never opened)');
    if (st.size > maxBytes && STREAMED.test(f.path)) {
      const feed = await readFeed(fh, f.path, maxBytes);
      if (feed) return feed;
    }
    if (st.size > maxBytes) return { path: f.path, size: st.size, bytes: null, read_error: null };
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      // the first read asks for the whole file and one byte more (a file that grew is read on); a zeroed
      // 64 KB buffer per file cost more than the reading on a folder of many tiny files
      const want = total === 0 ? st.size + 1 : 65536;
      const buf = Buffer.allocUnsafe(Math.min(want, maxBytes + 1 - total) || 1);
      const { bytesRead } = await fh.read(buf, 0, buf.length, null);
      if (bytesRead === 0) break;
      chunks.push(buf.subarray(0, bytesRead));
      total += bytesRead;
      if (total > maxBytes) return { path: f.path, size: total, bytes: null, read_error: null };
      // a regular file reads short only at its end: once its stated size is in, a short read is the end,
      // without one more read to see it (one syscall in five per file); a shorter read goes on reading
      if (bytesRead < buf.length && total >= st.size) break;
    }
    const bytes = new Uint8Array(Buffer.concat(chunks, total));
    return { path: f.path, size: bytes.length, bytes, read_error: null };
  } catch (e) {
    const code = errCode(e);
    return broke(f.path, 'unreadable', code === 'ELOOP' ? 'became a link after it was listed (not followed)' : `cannot read: ${code}`);
  } finally {
    await fh?.close();
  }
}

/** Folders that hold no input files but kernel views (/proc/self/environ is the environment): never read as RAW. */
const KERNEL_VIEWS = ['/proc', '/sys', '/dev'];

/** Reads every input file (files over maxBytes are sized but not read). */
export async function readRaw(root: string, maxBytes: number): Promise<{ files: RawFile[]; manifest: ManifestEntry[]; issues: Issue[] }> {
  let st;
  try {
    st = await stat(root);
  } catch {
    throw new UsageError(`input folder "${root}" does not exist`);
  }
  if (!st.isDirectory()) throw new UsageError(`input "${root}" is not a folder`);
  const rootText = (await realOf(Buffer.from(root))).toString();
  if (KERNEL_VIEWS.some((k) => rootText === k || rootText.startsWith(`${k}/`)))
    throw new UsageError(`input "${root}" is a kernel view (${rootText}), not a folder of articles`);
  const { files: listed, broken } = await listFiles(root);
  const queue = new PQueue({ concurrency: 16 });
  const inputs = listed.filter((f) => f.path !== MANIFEST);
  const read = await Promise.all(inputs.map((f) => queue.add(() => readListed(f, maxBytes))));
  // manifest.csv is an input too: a link outside, a FIFO or an unreadable one is a reject, never read
  const manifestBroken = broken.find((b) => b.path === MANIFEST);
  const manifestListed = listed.find((f) => f.path === MANIFEST);
  const others: RawFile[] = broken.filter((b) => b !== manifestBroken);
  let parsed: { manifest: ManifestEntry[]; issues: Issue[] } = { manifest: [], issues: [] };
  if (manifestBroken) others.push(manifestBroken);
  if (manifestListed) {
    const m = await readListed(manifestListed, maxBytes);
    if (m.bytes) parsed = parseManifest(new TextDecoder().decode(m.bytes));
    else
      others.push(
        m.read_error === null ? broke(MANIFEST, 'unreadable', `manifest.csv is ${m.size} bytes, over the limit of ${maxBytes} (--max-bytes): not read`) : m,
      );
  }
  const files = [...read, ...others].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { files, ...parsed };
}

/** manifest.csv: file, id, url, outlet, published_date, author, section, license, locale, country; a bad row is reported and skipped. */
export function parseManifest(text: string): { manifest: ManifestEntry[]; issues: Issue[] } {
  const parsed = Papa.parse<Record<string, string>>(text.replace(/^\ufeff/, ''), {
    header: true,
    skipEmptyLines: true,
    transformHeader: (h) => h.trim().toLowerCase(),
  });
  const manifest: ManifestEntry[] = [];
  const issues: Issue[] = [];
  // Papa's errors: an unclosed quote (which swallows the rows after it), too few or too many fields
  for (const e of parsed.errors)
    issues.push(
      issue(
        'manifest-bad-row',
        `manifest.csv${e.row === undefined ? '' : ` row ${e.row + 2}`}: ${e.message}${e.code === 'MissingQuotes' ? ' (the rows after it are read as part of that field)' : ''}`,
      ),
    );
  parsed.data.forEach((row, i) => {
    const v = (k: string) => (row[k]?.trim() ? row[k]!.trim() : null);
    const r = manifestEntry.safeParse({
      file: v('file') ?? '',
      id: v('id'),
      url: v('url'),
      outlet: v('outlet'),
      published_date: v('published_date'),
      author: v('author'),
      section: v('section') ?? v('category'),
      license: v('license'),
      locale: v('locale'),
      country: v('country'),
    });
    if (r.success) manifest.push(r.data);
    else issues.push(issue('manifest-bad-row', `manifest.csv row ${i + 2}: ${r.error.issues.map((x) => `${x.path.join('.')}: ${x.message}`).join('; ')}`));
  });
  return { manifest, issues };
}
