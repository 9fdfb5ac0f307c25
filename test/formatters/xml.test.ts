import { describe, expect, it } from 'vitest';
import { escapeXmlAttribute, escapeXmlText } from '../../src/formatters/xml.js';
import { parseXml, pythonAvailable } from './xml-parse.js';

describe('XML escaping', () => {
  it('escapes markup characters in text', () => {
    expect(escapeXmlText(`a < b && c > "d" 'e'\r\n`)).toBe(`a &lt; b &amp;&amp; c &gt; "d" 'e'&#13;\n`);
  });

  it('escapes quotes and keeps line breaks and tabs in attributes as references', () => {
    expect(escapeXmlAttribute(`"a"\t'b'\r\n<&>`)).toBe('&quot;a&quot;&#9;&apos;b&apos;&#13;&#10;&lt;&amp;&gt;');
  });

  it('replaces characters XML 1.0 cannot carry, and unpaired surrogates, with U+FFFD', () => {
    expect(escapeXmlText('a\u0000b\u001Fc\uFFFEd')).toBe('a\uFFFDb\uFFFDc\uFFFDd');
    expect(escapeXmlText('x\uD800y\uDC00z')).toBe('x\uFFFDy\uFFFDz');
    // A valid surrogate pair (an emoji) is kept.
    expect(escapeXmlText('ok \uD83D\uDE00')).toBe('ok \uD83D\uDE00');
  });

  it.skipIf(!pythonAvailable && !process.env.CI)('round-trips through a real XML parser', () => {
    const nasty = `1 < 2 & "q" 'a'\ttab\r\nline\u0001 \uD83D\uDE00`;
    const parsed = parseXml(`<r a="${escapeXmlAttribute(nasty)}">${escapeXmlText(nasty)}</r>`);
    const expected = `1 < 2 & "q" 'a'\ttab\r\nline\uFFFD \uD83D\uDE00`;
    expect(parsed.attrib.a).toBe(expected);
    expect(parsed.text).toBe(expected);
  });
});
