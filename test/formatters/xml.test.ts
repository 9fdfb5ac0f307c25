import fc from 'fast-check';
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

  it('never lets markup characters or raw line breaks through, whatever the text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        expect(escapeXmlAttribute(text)).not.toMatch(/[<>"'\t\r\n]|&(?!(amp|lt|gt|quot|apos|#9|#10|#13);)/);
        expect(escapeXmlText(text)).not.toMatch(/[<>\r]|&(?!(amp|lt|gt|#13);)/);
        // No character XML 1.0 forbids, and no unpaired surrogate, survives.
        // eslint-disable-next-line no-control-regex -- the forbidden characters are the point
        expect(escapeXmlText(text)).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/);
      }),
    );
  });
});
