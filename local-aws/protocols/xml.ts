/**
 * XML text helpers shared by the awsQuery and ec2Query serializers.
 */

// Characters that must not appear raw in XML text or attribute values. Control characters
// (including CR, LF and TAB) are written as numeric references so that XML parsers, which
// normalise raw line breaks and whitespace, hand the client back exactly what was stored.
// eslint-disable-next-line no-control-regex
const NEEDS_ESCAPE = /[&<>"'\u0000-\u001f\u007f]/;
// eslint-disable-next-line no-control-regex
const ESCAPE_ALL = /[&<>"'\u0000-\u001f\u007f]/g;

function escapeChar(char: string): string {
  switch (char) {
    case '&':
      return '&amp;';
    case '<':
      return '&lt;';
    case '>':
      return '&gt;';
    case '"':
      return '&quot;';
    case "'":
      return '&apos;';
    default:
      return `&#x${char.charCodeAt(0).toString(16).toUpperCase()};`;
  }
}

export function escapeXml(text: string): string {
  // Most values need no escaping: test first so the common case allocates nothing.
  return NEEDS_ESCAPE.test(text) ? text.replace(ESCAPE_ALL, escapeChar) : text;
}

/** IAM's timestamp format: ISO-8601 in UTC to the second (2026-11-28T01:02:03Z). */
export function isoSeconds(date: Date): string {
  const iso = date.toISOString();
  return `${iso.slice(0, 19)}Z`;
}

export interface XmlStyle {
  /** Element that wraps each list entry: `member` for awsQuery, `item` for ec2Query. */
  listItem: string;
  /** How a Date becomes text. */
  date(value: Date): string;
}

/**
 * XML already written for one style (its element content), which the serializer copies as it is: lets a service
 * reuse what it wrote for an unchanged value (EC2's instances, thousands per page).
 */
export class XmlFragment {
  constructor(readonly xml: string) {}
}

/** Writes `value`'s fields once, for reuse inside a larger answer in the same style. */
export function xmlFragment(value: object, style: XmlStyle): XmlFragment {
  const xml = fieldsText(value, style);
  // The text is a V8 rope of hundreds of small strings; converting it to a number makes V8 flatten it into one
  // string in place, so a kept fragment holds one allocation instead of all its pieces.
  void Number(xml);
  return new XmlFragment(xml);
}

/**
 * Appends `<name>value</name>` for every defined field of `value` to `out`.
 * Arrays become lists of `<member>`/`<item>`, Dates use the style's format, booleans true/false;
 * undefined and null fields are omitted.
 */
export function writeFields(out: string[], value: object, style: XmlStyle): void {
  // Built as one string: V8's string ropes make this several times faster than pushing each
  // tag onto `out`, which matters for large answers (a 1,000-instance DescribeInstances page).
  out.push(fieldsText(value, style));
}

function fieldsText(value: object, style: XmlStyle): string {
  let text = '';
  for (const key in value) {
    const field = (value as Record<string, unknown>)[key];
    if (field === undefined || field === null) continue;
    text += '<' + key + '>' + valueText(field, style) + '</' + key + '>';
  }
  return text;
}

function valueText(value: unknown, style: XmlStyle): string {
  switch (typeof value) {
    case 'string':
      return escapeXml(value);
    case 'number':
    case 'bigint':
      return String(value);
    case 'boolean':
      return value ? 'true' : 'false';
    case 'object': {
      if (value instanceof Date) return style.date(value);
      if (value instanceof XmlFragment) return value.xml;
      if (Array.isArray(value)) {
        let text = '';
        for (const item of value) {
          if (item === undefined || item === null) continue;
          text += '<' + style.listItem + '>' + valueText(item, style) + '</' + style.listItem + '>';
        }
        return text;
      }
      return value === null ? '' : fieldsText(value, style);
    }
    default:
      throw new TypeError(`cannot serialize a ${typeof value} as XML`);
  }
}
