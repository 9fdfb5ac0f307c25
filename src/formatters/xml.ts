/**
 * XML escaping for the JUnit and Checkstyle reports. Besides the five markup characters,
 * XML 1.0 cannot carry most control characters nor unpaired UTF-16 surrogates at all (not
 * even as character references), and a lint message may quote any byte of a broken file:
 * those become U+FFFD so the report always parses.
 */

// Allowed by XML 1.0: #x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] | [#x10000-#x10FFFF].
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const NOT_XML_CHAR = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

function replaceInvalid(text: string): string {
  return text.replace(NOT_XML_CHAR, '\uFFFD');
}

/**
 * Escapes character data (element content). CR becomes a reference too: a parser turns a
 * literal CR LF in content into LF, and the report should give back the message as it was.
 */
export function escapeXmlText(text: string): string {
  return replaceInvalid(text).replace(/[&<>\r]/g, (char) => TEXT_ESCAPES[char]);
}

const TEXT_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '\r': '&#13;' };

/**
 * Escapes an attribute value written between double quotes. Tab, CR and LF become character
 * references, because a parser normalises literal ones in attributes to spaces.
 */
export function escapeXmlAttribute(text: string): string {
  return replaceInvalid(text).replace(/[&<>"'\t\n\r]/g, (char) => ATTRIBUTE_ESCAPES[char]);
}

const ATTRIBUTE_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
  '\t': '&#9;',
  '\n': '&#10;',
  '\r': '&#13;',
};
