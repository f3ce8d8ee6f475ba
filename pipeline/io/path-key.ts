/**
 * The key of an input file: its path relative to the input folder, "/"
 * separated, made unambiguous and printable. Each name keeps its characters
 * except:
 *   - "%" → "%25" and "#" → "%23" ("#" is reserved for the JSONL line: the key
 *     "feed.jsonl#2" is line 2 of feed.jsonl, a file named "feed.jsonl#2" is
 *     "feed.jsonl%232");
 *   - a byte that is not part of valid UTF-8 → "%XX" (two names that differ only
 *     in such bytes keep different keys);
 *   - whitespace at the start or end of a name → "%XX" of its UTF-8 bytes (" a.txt"
 *     → "%20a.txt"), so a key never begins or ends with whitespace.
 * Percent-decoding a key (each "%XX" to byte XX) gives back the name's bytes.
 */

import { utf8Length } from '../normalize/decode.ts';

const hex = (b: number) => `%${b.toString(16).toUpperCase().padStart(2, '0')}`;

const decoder = new TextDecoder();
const encoder = new TextEncoder();

const escapeReserved = (s: string) => s.replace(/[%#]/g, (c) => hex(c.charCodeAt(0)));

/** Escapes "%", "#" and leading/trailing whitespace of a decoded name. */
const escapeText = (s: string): string => escapeEdges(escapeReserved(s));

/** Key of one name given as bytes (as the file system holds it). */
export function nameKey(bytes: Uint8Array): string {
  let out = '';
  let run = 0; // start of the current valid run
  let i = 0;
  while (i < bytes.length) {
    const n = utf8Length(bytes, i);
    if (n > 0) {
      i += n;
      continue;
    }
    out += escapeReserved(decoder.decode(bytes.subarray(run, i))) + hex(bytes[i]!);
    i += 1;
    run = i;
  }
  out += escapeReserved(decoder.decode(bytes.subarray(run)));
  // leading/trailing whitespace: applied on the escaped text ("%" is not whitespace, so nothing is escaped twice)
  return escapeEdges(out);
}

function escapeEdges(s: string): string {
  const lead = /^\s+/u.exec(s)?.[0] ?? '';
  const rest = s.slice(lead.length);
  const trail = /\s+$/u.exec(rest)?.[0] ?? '';
  const enc = (w: string) => [...encoder.encode(w)].map(hex).join('');
  return enc(lead) + rest.slice(0, rest.length - trail.length) + enc(trail);
}

/** Key of a "/"-separated path given as text (a manifest's `file` column names files this way). */
export const pathKeyOfText = (path: string): string => path.split('/').map(escapeText).join('/');

/** Percent-decoding of a key: the bytes of the path as the file system holds them. */
export function keyToBytes(key: string): Uint8Array {
  const parts: number[] = [];
  for (let i = 0; i < key.length;) {
    if (key[i] === '%' && /^[0-9A-F]{2}$/.test(key.slice(i + 1, i + 3))) {
      parts.push(parseInt(key.slice(i + 1, i + 3), 16));
      i += 3;
    } else {
      const cp = key.codePointAt(i)!;
      const ch = String.fromCodePoint(cp);
      parts.push(...encoder.encode(ch));
      i += ch.length;
    }
  }
  return new Uint8Array(parts);
}
