/**
 * Bytes to text: BOMs (UTF-8, UTF-16 LE/BE), strict UTF-8, UTF-16 without BOM
 * when the zero bytes say so, Windows-1252 as the fallback; binary files
 * (magic numbers, zero bytes, control characters) are refused with a reason.
 */
export type Decoded =
  | { readonly ok: true; readonly text: string; readonly encoding: string }
  | { readonly ok: false; readonly reason: 'empty' | 'binary' | 'bad-encoding'; readonly message: string };

const MAGIC: readonly [string, readonly number[]][] = [
  ['PNG image', [0x89, 0x50, 0x4e, 0x47]],
  ['JPEG image', [0xff, 0xd8, 0xff]],
  ['GIF image', [0x47, 0x49, 0x46, 0x38]],
  ['ZIP archive', [0x50, 0x4b, 0x03, 0x04]],
  ['gzip archive', [0x1f, 0x8b]],
  ['PDF document', [0x25, 0x50, 0x44, 0x46]],
  ['WebP/RIFF file', [0x52, 0x49, 0x46, 0x46]],
  ['ELF binary', [0x7f, 0x45, 0x4c, 0x46]],
];

const startsWith = (b: Uint8Array, sig: readonly number[]) => sig.every((x, i) => b[i] === x);

export function decode(bytes: Uint8Array): Decoded {
  if (bytes.length === 0) return { ok: false, reason: 'empty', message: 'the file has no bytes' };
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) return strictUtf8(bytes.subarray(3), 'utf-8-bom');
  if (startsWith(bytes, [0xff, 0xfe])) return { ok: true, text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  if (startsWith(bytes, [0xfe, 0xff])) return { ok: true, text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' };
  for (const [what, sig] of MAGIC) if (startsWith(bytes, sig)) return { ok: false, reason: 'binary', message: `the bytes are a ${what}` };
  const zeros = countZeros(bytes);
  if (zeros > 0) {
    const utf16 = guessUtf16(bytes, zeros);
    if (utf16) return { ok: true, text: new TextDecoder(utf16).decode(bytes), encoding: `${utf16}-nobom` };
    return { ok: false, reason: 'binary', message: `the bytes hold ${zeros} zero byte(s): not text` };
  }
  const utf8 = strictUtf8(bytes, 'utf-8');
  if (utf8.ok) return checkControl(utf8);
  return checkControl({ ok: true, text: decodeWindows1252(bytes), encoding: 'windows-1252' });
}

/** Windows-1252 code points for bytes 0x80..0x9F (0 = undefined, kept as the C1 control, later removed). */
const CP1252_HIGH: readonly number[] = [
  0x20ac, 0, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017d, 0,
  0, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0, 0x017e, 0x0178,
];

/**
 * Windows-1252 by table: Node's TextDecoder('windows-1252') decodes as
 * ISO-8859-1 on some versions, turning curly quotes and dashes (0x91..0x97)
 * into C1 controls.
 */
export function decodeWindows1252(bytes: Uint8Array): string {
  const parts: string[] = [];
  const CHUNK = 8192;
  for (let i = 0; i < bytes.length; i += CHUNK) {
    const codes = Array.from(bytes.subarray(i, i + CHUNK), (b) => (b >= 0x80 && b <= 0x9f ? CP1252_HIGH[b - 0x80] || b : b));
    parts.push(String.fromCharCode(...codes));
  }
  return parts.join('');
}

function strictUtf8(bytes: Uint8Array, encoding: string): Decoded {
  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding };
  } catch {
    return { ok: false, reason: 'bad-encoding', message: `invalid ${encoding} byte sequence` };
  }
}

function countZeros(bytes: Uint8Array): number {
  let n = 0;
  for (const b of bytes) if (b === 0) n++;
  return n;
}

/** UTF-16 without BOM: ASCII-heavy text has a zero in every other byte. */
function guessUtf16(bytes: Uint8Array, zeros: number): 'utf-16le' | 'utf-16be' | null {
  if (bytes.length % 2 !== 0 || zeros < bytes.length / 4) return null;
  let even = 0;
  let odd = 0;
  for (let i = 0; i < bytes.length; i++) if (bytes[i] === 0) (i % 2 === 0 ? even++ : odd++);
  if (odd > even * 4) return 'utf-16le';
  if (even > odd * 4) return 'utf-16be';
  return null;
}

/** Text where more than 10% of characters are C0 controls (other than tab, CR, LF) is binary. */
function checkControl(d: Decoded): Decoded {
  if (!d.ok) return d;
  let ctrl = 0;
  for (let i = 0; i < d.text.length; i++) {
    const c = d.text.charCodeAt(i);
    if (c < 32 && c !== 9 && c !== 10 && c !== 13) ctrl++;
  }
  if (ctrl > 8 && ctrl > d.text.length * 0.1) return { ok: false, reason: 'binary', message: `${ctrl} control characters in ${d.text.length}: not text` };
  return d;
}

/** Unicode NFC; control and zero-width characters removed; line ends made "\n"; typographic quotes kept. */
export function sanitize(text: string): string {
  return text
    .normalize('NFC')
    .replace(/\r\n?/g, '\n')
    .replace(/[\u2028\u2029]/g, '\n')
    .replace(/[\u00a0\u2000-\u200a\u202f\u205f\u3000]/g, ' ')
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff]/g, '')
    .replace(/\t/g, ' ');
}
