/**
 * Bytes → text and back, keeping what a fix must preserve: the byte-order mark and the
 * encoding. SQL Server Management Studio saves scripts as UTF-16 LE with a BOM, so UTF-16 is
 * as normal here as UTF-8; some exporters write it without the BOM (`-nobom`).
 */
export type Encoding = 'utf8' | 'utf8-bom' | 'utf16le' | 'utf16be' | 'utf16le-nobom' | 'utf16be-nobom';

export interface DecodedFile {
  text: string;
  encoding: Encoding;
  /** Set when bytes were not valid in the encoding (UTF-8 or UTF-16) and were replaced by U+FFFD. */
  invalidBytes: boolean;
  /** Set when the content looks binary (NUL bytes in a UTF-8 file): it is not SQL. */
  binary: boolean;
}

/** A strict decoder, which throws on a bad sequence, and a lenient one, which reads it as U+FFFD. */
interface DecoderPair {
  strict: InstanceType<typeof TextDecoder>;
  lenient: InstanceType<typeof TextDecoder>;
}

function decoderPair(label: string): DecoderPair {
  return {
    strict: new TextDecoder(label, { fatal: true, ignoreBOM: true }),
    lenient: new TextDecoder(label, { fatal: false, ignoreBOM: true }),
  };
}

const utf8 = decoderPair('utf-8');
// UTF-16 has bad sequences too (a lone surrogate, an odd last byte): read as U+FFFD, they
// would be written back as U+FFFD by --fix, so they are told as invalid UTF-8 is.
const utf16le = decoderPair('utf-16le');
const utf16be = decoderPair('utf-16be');

export function decode(bytes: Uint8Array): DecodedFile {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { ...decodeWith(utf16le, bytes.subarray(2)), encoding: 'utf16le', binary: false };
  }
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) {
    return { ...decodeWith(utf16be, bytes.subarray(2)), encoding: 'utf16be', binary: false };
  }
  const bomless = bomlessUtf16(bytes);
  if (bomless) {
    const decoded = decodeWith(bomless === 'utf16le-nobom' ? utf16le : utf16be, bytes);
    // Control characters (NUL among them) are no SQL: then the bytes only looked like UTF-16.
    if (!hasControlCharacter(decoded.text)) return { ...decoded, encoding: bomless, binary: false };
  }
  const hasBom = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const body = hasBom ? bytes.subarray(3) : bytes;
  const encoding: Encoding = hasBom ? 'utf8-bom' : 'utf8';
  if (looksBinary(body)) return { text: '', encoding, invalidBytes: false, binary: true };
  return { ...decodeWith(utf8, body), encoding, binary: false };
}

/** The text, strictly decoded; when that fails, read again with U+FFFD for each bad sequence. */
function decodeWith(decoders: DecoderPair, bytes: Uint8Array): { text: string; invalidBytes: boolean } {
  try {
    return { text: decoders.strict.decode(bytes), invalidBytes: false };
  } catch {
    return { text: decoders.lenient.decode(bytes), invalidBytes: true };
  }
}

/** The encoding's name in messages: the BOM does not change what is valid. */
export function encodingName(encoding: Encoding): 'UTF-8' | 'UTF-16' {
  return encoding === 'utf8' || encoding === 'utf8-bom' ? 'UTF-8' : 'UTF-16';
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
