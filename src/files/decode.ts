/**
 * Bytes → text and back, keeping what a fix must preserve: the byte-order mark and the
 * encoding. SQL Server Management Studio saves scripts as UTF-16 LE with a BOM, so UTF-16 is
 * as normal here as UTF-8.
 */
export type Encoding = 'utf8' | 'utf8-bom' | 'utf16le' | 'utf16be';

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
    case 'utf16be': {
      const le = Buffer.from(text, 'utf16le');
      le.swap16();
      return Buffer.concat([Buffer.from([0xfe, 0xff]), le]);
    }
  }
}

/** A NUL byte in the first 8 KiB of a file without a UTF-16 BOM: git's own test for binary. */
function looksBinary(bytes: Uint8Array): boolean {
  const end = Math.min(bytes.length, 8192);
  for (let i = 0; i < end; i++) {
    if (bytes[i] === 0) return true;
  }
  return false;
}
