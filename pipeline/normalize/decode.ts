/**
 * Bytes to text: BOMs (UTF-8, UTF-16 LE/BE), strict UTF-8, UTF-16 without BOM
 * when the zero bytes say so, UTF-8 with a few stray bytes repaired locally,
 * a legacy encoding detected by chardet (decoded by iconv-lite), Windows-1252
 * as the fallback for Latin-1 text; binary files
 * (magic numbers, zero bytes, control characters) are refused with a reason.
 */
import chardet from 'chardet';
import iconv from 'iconv-lite';

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
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) return checkControl(strictUtf8(bytes.subarray(3), 'utf-8-bom'));
  if (startsWith(bytes, [0xff, 0xfe])) return checkControl({ ok: true, text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' });
  if (startsWith(bytes, [0xfe, 0xff])) return checkControl({ ok: true, text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' });
  for (const [what, sig] of MAGIC) if (startsWith(bytes, sig)) return { ok: false, reason: 'binary', message: `the bytes are a ${what}` };
  const utf16 = guessUtf16(bytes);
  if (utf16) return checkControl(utf16);
  const { zeros, controls } = countControlBytes(bytes);
  if (controls > MAX_STRAY_CONTROLS && controls > bytes.length * BINARY_CONTROL_SHARE) {
    return {
      ok: false,
      reason: 'binary',
      message:
        zeros > 0
          ? `the bytes hold ${zeros} zero byte(s) and ${controls - zeros} other control byte(s) in ${bytes.length}: not text`
          : `${controls} control bytes in ${bytes.length}: not text`,
    };
  }
  const utf8 = strictUtf8(bytes, 'utf-8');
  if (utf8.ok) return checkControl(utf8);
  const repaired = repairUtf8(bytes);
  if (repaired) return checkControl(repaired);
  return checkControl(detectLegacy(bytes));
}

/** Length of the valid UTF-8 sequence at i (1-4), or 0 when the byte at i does not start one. */
export function utf8Length(b: Uint8Array, i: number): number {
  const c = b[i]!;
  if (c < 0x80) return 1;
  const cont = (k: number) => i + k < b.length && (b[i + k]! & 0xc0) === 0x80;
  if (c >= 0xc2 && c <= 0xdf) return cont(1) ? 2 : 0;
  if (c >= 0xe0 && c <= 0xef) {
    const c1 = b[i + 1] ?? 0;
    if (c === 0xe0 && c1 < 0xa0) return 0; // overlong
    if (c === 0xed && c1 > 0x9f) return 0; // surrogate
    return cont(1) && cont(2) ? 3 : 0;
  }
  if (c >= 0xf0 && c <= 0xf4) {
    const c1 = b[i + 1] ?? 0;
    if (c === 0xf0 && c1 < 0x90) return 0;
    if (c === 0xf4 && c1 > 0x8f) return 0;
    return cont(1) && cont(2) && cont(3) ? 4 : 0;
  }
  return 0;
}

/**
 * UTF-8 with a few stray bytes (one Latin-1 "é" pasted into a UTF-8 file): when
 * the valid multi-byte sequences outnumber the invalid bytes, the file is UTF-8
 * and each invalid byte alone is read as Windows-1252, instead of the whole
 * file turning into mojibake. Null when the bytes do not look like UTF-8.
 */
export function repairUtf8(bytes: Uint8Array): Decoded | null {
  let multi = 0;
  let bad = 0;
  for (let i = 0; i < bytes.length;) {
    const n = utf8Length(bytes, i);
    if (n === 0) {
      bad++;
      i++;
    } else {
      if (n > 1) multi++;
      i += n;
    }
  }
  if (bad === 0 || multi <= bad) return null;
  const dec = new TextDecoder('utf-8');
  const parts: string[] = [];
  let run = 0;
  for (let i = 0; i < bytes.length;) {
    const n = utf8Length(bytes, i);
    if (n > 0) {
      i += n;
      continue;
    }
    parts.push(dec.decode(bytes.subarray(run, i)), decodeWindows1252(bytes.subarray(i, i + 1)));
    i++;
    run = i;
  }
  parts.push(dec.decode(bytes.subarray(run)));
  return { ok: true, text: parts.join(''), encoding: `utf-8-repaired-${bad}` };
}

/** Bytes chardet reads for its guess (its cost grows with the input; the start of a file says enough). */
const DETECT_SAMPLE = 65_536;
/** Below this confidence (0..100) a guess other than the Windows-1252 family is not trusted: the file is bad-encoding. */
export const MIN_CONFIDENCE = 40;
const LATIN1_FAMILY = new Set(['iso-8859-1', 'windows-1252']);

/**
 * A legacy single- or multi-byte encoding (Windows-1251, KOI8-R, Shift_JIS,
 * EUC-JP, Windows-1256, GB18030, EUC-KR, ...) detected by chardet and decoded by
 * iconv-lite. Measured on invented news sentences encoded each way (see
 * test/reliability/encodings.test.ts): chardet names the encoding of 11 of 12
 * (Russian in Windows-1251 and KOI8-R at 62, Arabic in Windows-1256 at 54,
 * Japanese, Chinese and Korean at 100; Greek Windows-1253 as ISO-8859-7, which
 * decodes those letters the same). Windows-1252 (as before) when chardet sees
 * Latin-1 or nothing; bad-encoding when its best guess is weak.
 */
function detectLegacy(bytes: Uint8Array): Decoded {
  const sample = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, DETECT_SAMPLE));
  const best = chardet.analyse(sample)[0];
  const name = best?.name.toLowerCase() ?? null;
  if (!best || !name || LATIN1_FAMILY.has(name) || name.startsWith('utf')) return { ok: true, text: decodeWindows1252(bytes), encoding: 'windows-1252' };
  if (best.confidence < MIN_CONFIDENCE || !iconv.encodingExists(name)) {
    return { ok: false, reason: 'bad-encoding', message: `not UTF-8, and the encoding could not be told (best guess ${best.name} at ${best.confidence}%)` };
  }
  return { ok: true, text: iconv.decode(Buffer.from(bytes), name), encoding: name };
}

/** A few stray control bytes (a NUL or a bell in a text) are removed by sanitize; more than this many and ... */
const MAX_STRAY_CONTROLS = 8;
/** ... more than this share of the bytes makes a file binary (random bytes: about 12%). */
const BINARY_CONTROL_SHARE = 0.02;

/** Zero bytes, and C0 control bytes other than tab, line feed, form feed, carriage return and escape, plus DEL. */
function countControlBytes(bytes: Uint8Array): { zeros: number; controls: number } {
  let zeros = 0;
  let controls = 0;
  for (const b of bytes) {
    if (b === 0) zeros++;
    if ((b < 0x20 && b !== 9 && b !== 10 && b !== 12 && b !== 13 && b !== 27) || b === 0x7f) controls++;
  }
  return { zeros, controls };
}

/** Windows-1252 code points for bytes 0x80..0x9F (0 = undefined, kept as the C1 control, later removed). */
const CP1252_HIGH: readonly number[] = [
  0x20ac, 0, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017d, 0, 0, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022,
  0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0, 0x017e, 0x0178,
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

/**
 * UTF-16 without BOM, from the zero bytes: every character below U+0100
 * (spaces, line ends, digits, Latin letters) has a zero high byte, and many
 * CJK characters a zero low byte. Candidates need an even length and at
 * least 2 zero bytes; each byte order is decoded strictly (a lone surrogate
 * rules it out) and scored by plausibility (below). The best order scoring
 * 0.9 or more is taken when the bytes are not valid UTF-8, or when they are
 * (Cyrillic and Latin UTF-16 are) but zeros make 5% of the bytes or more: a
 * stray NUL in UTF-8 text stays UTF-8.
 */
function guessUtf16(bytes: Uint8Array): Decoded | null {
  if (bytes.length % 2 !== 0 || bytes.length < 4) return null;
  let zeros = 0;
  for (const b of bytes) if (b === 0) zeros++;
  if (zeros < 2) return null;
  let isUtf8 = true;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    isUtf8 = false;
  }
  if (isUtf8 && zeros < bytes.length * 0.05) return null;
  let best: { text: string; enc: string; score: number } | null = null;
  for (const enc of ['utf-16le', 'utf-16be'] as const) {
    let text: string;
    try {
      text = new TextDecoder(enc, { fatal: true }).decode(bytes);
    } catch {
      continue;
    }
    const score = plausibility(text);
    if (!best || score > best.score) best = { text, enc, score };
  }
  return best && best.score >= 0.9 ? { ok: true, text: best.text, encoding: `${best.enc}-nobom` } : null;
}

const SCRIPT_OF: readonly [RegExp, string][] = [
  [/\p{Script=Latin}/u, 'latin'],
  [/\p{Script=Cyrillic}/u, 'cyrillic'],
  [/\p{Script=Greek}/u, 'greek'],
  [/\p{Script=Arabic}/u, 'arabic'],
  [/\p{Script=Hebrew}/u, 'hebrew'],
  [/\p{Script=Han}|\p{Script=Hiragana}|\p{Script=Katakana}/u, 'cjk'],
  [/\p{Script=Hangul}/u, 'hangul'],
  [/\p{Script=Devanagari}/u, 'devanagari'],
  [/\p{Script=Thai}/u, 'thai'],
];
const COMMON = /[\t\n\r\x20-\x7e\u00a0-\u00bf\u2000-\u206f\u3000-\u303f\uff00-\uffef\p{M}]/u;

/**
 * Share of the first 4 096 characters that are ASCII, common punctuation,
 * marks or letters of the text's main script (CJK counted as one): text
 * decoded in the wrong byte order scatters over many scripts and scores low.
 */
function plausibility(text: string): number {
  const sample = text.slice(0, 4096);
  if (sample.length === 0) return 0;
  let common = 0;
  const byScript = new Map<string, number>();
  for (const ch of sample) {
    if (COMMON.test(ch)) {
      common += ch.length;
      continue;
    }
    const script = SCRIPT_OF.find(([re]) => re.test(ch))?.[1];
    if (script) byScript.set(script, (byScript.get(script) ?? 0) + ch.length);
  }
  const main = Math.max(0, ...byScript.values());
  return (common + main) / sample.length;
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

/** A high surrogate not followed by a low one, or a low one not preceded by a high one (JSON "\ud800", HTML "&#xD800;"). */
export const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** Lone surrogates made U+FFFD; Unicode NFC; control characters, zero-width spaces and direction marks removed (joiners kept); line ends made "\n"; typographic quotes kept. */
export function sanitize(text: string): string {
  return (
    text
      .replace(LONE_SURROGATE, '\ufffd')
      .normalize('NFC')
      .replace(/\r\n?/g, '\n')
      .replace(/[\u2028\u2029]/g, '\n')
      .replace(/[\u00a0\u2000-\u200a\u202f\u205f\u3000]/g, ' ')
      // zero-width joiner and non-joiner (U+200C, U+200D) are kept: they spell Persian, Indic scripts and emoji sequences
      .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u200b\u200e\u200f\u202a-\u202e\u2060-\u2064\ufeff]/g, '')
      .replace(/\t/g, ' ')
  );
}
