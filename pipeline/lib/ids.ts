/** Content-derived ids: a short prefix and a hex digest of the parts. */
import { createHash } from 'node:crypto';

export const sha256 = (data: string | Uint8Array): string => createHash('sha256').update(data).digest('hex');

/** `prefix` + first 16 hex digits of sha256 of the parts joined by NUL. */
export const hashId = (prefix: string, ...parts: readonly (string | number | null)[]): string =>
  prefix + sha256(parts.map((p) => (p === null ? '' : String(p))).join('\u0000')).slice(0, 16);

/** Readable slug: ASCII letters and digits joined by "-". */
export function slug(s: string): string {
  const out = s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['’ʼ`]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return out || 'x';
}
