/**
 * Text that XML 1.0 can carry. Control characters other than tab, newline and carriage return cannot appear in
 * an XML document at all (not even as character references), and graphology-gexf copies them into labels as
 * they are, so Python's expat rejects the file ("not well-formed (invalid token)"). We remove them, and lone
 * UTF-16 surrogates and U+FFFE/U+FFFF likewise, and count what went so the caller can say so.
 */
const NOT_XML =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Collects how many characters were removed while writing one file. */
export interface TextCleaner {
  (text: string): string;
  removed: number;
}

/** A cleaner that removes characters XML cannot hold and counts them. */
export function xmlTextCleaner(): TextCleaner {
  const clean = ((text: string) =>
    text.replace(NOT_XML, () => {
      clean.removed++;
      return "";
    })) as TextCleaner;
  clean.removed = 0;
  return clean;
}

/**
 * NEL (U+0085), LINE SEPARATOR (U+2028) and PARAGRAPH SEPARATOR (U+2029) are line ends to xmldom (XML 1.1 names the first two), which turns them into a
 * newline while reading (and, inside an attribute value, into a space). A character reference is never
 * normalised, so the writers emit these as references: found by the round-trip fuzz test
 * (tests/fuzz/round-trip.test.ts). Raw, they can only stand in text and attribute values of our documents.
 */
export function protectLineSeparators(xml: string): string {
  return xml.replace(/[\u0085\u2028\u2029]/g, (c) => `&#x${c.charCodeAt(0).toString(16)};`);
}
