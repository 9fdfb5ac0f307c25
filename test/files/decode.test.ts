import { describe, expect, it } from 'vitest';
import { decode } from '../../src/files/decode.js';

const ascii = (text: string) => Buffer.from(text, 'utf8');

describe('decode: NUL bytes', () => {
  it('reads text without NUL bytes as UTF-8, whatever its length', () => {
    for (const text of ['', 'a', 'ab', 'SELECT 1;\n', 'x'.repeat(8192), 'y'.repeat(20_001)]) {
      expect(decode(ascii(text))).toEqual({ text, encoding: 'utf8', invalidBytes: false, binary: false });
    }
  });

  it('skips as binary a file with a NUL in its first 8 KiB, and only there', () => {
    const early = Buffer.concat([ascii('SELECT 1;'), Buffer.from([0]), ascii('x')]);
    expect(decode(early).binary).toBe(true);
    const last = Buffer.concat([ascii('a'.repeat(8190)), Buffer.from([0]), ascii('b'.repeat(10))]);
    expect(decode(last).binary).toBe(true);
    const late = Buffer.concat([ascii('a'.repeat(8192)), Buffer.from([0]), ascii('b')]);
    expect(decode(late)).toMatchObject({ binary: false, encoding: 'utf8', text: `${'a'.repeat(8192)}\u0000b` });
    // After a UTF-8 BOM the 8 KiB are counted from the text's first byte.
    const afterBom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), ascii('a'.repeat(8191)), Buffer.from([0])]);
    expect(decode(afterBom)).toMatchObject({ binary: true, encoding: 'utf8-bom' });
  });

  it('recognises UTF-16 without a byte-order mark by its NUL bytes', () => {
    expect(decode(Buffer.from('SELECT 1;\n', 'utf16le'))).toMatchObject({ text: 'SELECT 1;\n', encoding: 'utf16le-nobom', binary: false });
    const bigEndian = Buffer.from('CREATE TABLE t (a INT);', 'utf16le').swap16();
    expect(decode(bigEndian)).toMatchObject({ text: 'CREATE TABLE t (a INT);', encoding: 'utf16be-nobom', binary: false });
  });
});

describe('decode: bytes that are not valid in their encoding', () => {
  const withBom = (bom: number[], units: number[][]) => Buffer.concat([Buffer.from(bom), ...units.map((unit) => Buffer.from(unit))]);

  it('reads invalid UTF-8 with U+FFFD and says so', () => {
    expect(decode(Buffer.from([0x61, 0xe9, 0x62]))).toEqual({ text: 'a\ufffdb', encoding: 'utf8', invalidBytes: true, binary: false });
  });

  it('reads a lone surrogate or an odd last byte of UTF-16 with U+FFFD and says so', () => {
    // LE "a", lone high surrogate D800, "b"; BE the same; LE "a" and half a code unit.
    expect(decode(withBom([0xff, 0xfe], [[0x61, 0], [0x00, 0xd8], [0x62, 0]]))).toEqual({ text: 'a\ufffdb', encoding: 'utf16le', invalidBytes: true, binary: false });
    expect(decode(withBom([0xfe, 0xff], [[0, 0x61], [0xdc, 0x00], [0, 0x62]]))).toEqual({ text: 'a\ufffdb', encoding: 'utf16be', invalidBytes: true, binary: false });
    expect(decode(withBom([0xff, 0xfe], [[0x61, 0], [0x62]]))).toEqual({ text: 'a\ufffd', encoding: 'utf16le', invalidBytes: true, binary: false });
  });

  it('reads a surrogate pair of UTF-16 as one character, not as invalid', () => {
    expect(decode(withBom([0xff, 0xfe], [[0x61, 0], [0x3d, 0xd8], [0x00, 0xde]]))).toEqual({ text: 'a\u{1f600}', encoding: 'utf16le', invalidBytes: false, binary: false });
  });
});
