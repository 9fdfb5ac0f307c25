/**
 * Bytes → text and back, keeping what a fix must preserve: the byte-order mark and the
 * encoding. SQL Server Management Studio saves scripts as UTF-16 LE with a BOM, so UTF-16 is
 * as normal here as UTF-8; some exporters write it without the BOM (`-nobom`).
 */
export type Encoding = 'utf8' | 'utf8-bom' | 'utf16le' | 'utf16be' | 'utf16le-nobom' | 'utf16be-nobom';

export interface DecodedFile {
  text: string;
  encoding: Encoding;
  /** Set when bytes were not valid in the encoding and were replaced by U+FFFD. */
  invalidBytes: boolean;
  /** Set when the content looks binary (NUL bytes in a UTF-8 file): it is not SQL. */
  binary: boolean;
}

const utf8Strict = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const utf8Lenient = new TextDecoder('utf-8', { fatal: false, ignoreBOM: true });
const utf16le = new TextDecoder('utf-16le', { fatal: false, ignoreBOM: true });
const utf16be = new TextDecoder('utf-16be', { fatal: false, ignoreBOM: true });

export function decode(bytes: Uint8Array): DecodedFile {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { text: utf16le.decode(bytes.subarray(2)), encoding: 'utf16le', invalidBytes: false, binary: false };
  }
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) {
    return { text: utf16be.decode(bytes.subarray(2)), encoding: 'utf16be', invalidBytes: false, binary: false };
  }
  const bomless = bomlessUtf16(bytes);
  if (bomless) {
    const text = (bomless === 'utf16le-nobom' ? utf16le : utf16be).decode(bytes);
    // Control characters (NUL among them) are no SQL: then the bytes only looked like UTF-16.
    if (!hasControlCharacter(text)) return { text, encoding: bomless, invalidBytes: false, binary: false };
  }
  const hasBom = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const body = hasBom ? bytes.subarray(3) : bytes;
  const encoding: Encoding = hasBom ? 'utf8-bom' : 'utf8';
  if (looksBinary(body)) return { text: '', encoding, invalidBytes: false, binary: true };
  try {
    return { text: utf8Strict.decode(body), encoding, invalidBytes: false, binary: false };
  } catch {
    return { text: utf8Lenient.decode(body), encoding, invalidBytes: true, binary: false };
  }
}

export function encode(text: string, encoding: Encoding): Uint8Array {
  switch (encoding) {
    case 'utf8':
      return Buffer.from(text, 'utf8');
    case 'utf8-bom':
      return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
    case 'utf16le':
      return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    case 'utf16be':
      return Buffer.concat([Buffer.from([0xfe, 0xff]), utf16beBytes(text)]);
    case 'utf16le-nobom':
      return Buffer.from(text, 'utf16le');
    case 'utf16be-nobom':
      return utf16beBytes(text);
  }
}

/** A C0 control other than tab, line feed, vertical tab, form feed and carriage return. */
function hasControlCharacter(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x20 && (code < 0x09 || code > 0x0d)) return true;
  }
  return false;
}

function utf16beBytes(text: string): Buffer {
  const bytes = Buffer.from(text, 'utf16le');
  bytes.swap16();
  return bytes;
}

/**
 * UTF-16 without a byte-order mark. SQL is nearly all ASCII, so in UTF-16 one byte of every
 * pair is NUL and the other is not: LE when the NULs are the second bytes, BE when the first.
 * Judged on the first 8 KiB of a file of even length: at least 90 % of the pairs so, and none
 * the other way. (Anything else with NUL bytes is binary, as before.)
 */
function bomlessUtf16(bytes: Uint8Array): 'utf16le-nobom' | 'utf16be-nobom' | undefined {
  if (bytes.length < 4 || bytes.length % 2 !== 0) return undefined;
  const end = Math.min(bytes.length, 8192);
  // No NUL at all (nearly every file): no pair can be half NUL. The native search is far cheaper than the loop.
  if (bytes.subarray(0, end).indexOf(0) === -1) return undefined;
  let firstZero = 0;
  let secondZero = 0;
  for (let i = 0; i < end; i += 2) {
    if (bytes[i] === 0) firstZero++;
    if (bytes[i + 1] === 0) secondZero++;
  }
  const pairs = end / 2;
  if (firstZero === 0 && secondZero >= pairs * 0.9) return 'utf16le-nobom';
  if (secondZero === 0 && firstZero >= pairs * 0.9) return 'utf16be-nobom';
  return undefined;
}

/** A NUL byte in the first 8 KiB of a file without a UTF-16 BOM: git's own test for binary. */
function looksBinary(bytes: Uint8Array): boolean {
  // The native search, not a loop in JavaScript: every file of a run passes through here.
  return bytes.subarray(0, Math.min(bytes.length, 8192)).indexOf(0) !== -1;
}
