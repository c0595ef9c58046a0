/**
 * awsQuery answers written by the operation's output shape: elements in the model's order under their wire names,
 * lists as `<member>` (or the model's item name), maps as `<entry><key/><value/></entry>`, timestamps ISO-8601 to
 * the second. Members the shape does not have are not written, so an answer cannot carry what AWS's never does.
 */
import { escapeXml, isoSeconds } from '../xml.ts';
import type { Shape, StructureShape } from './shapes.ts';

function scalarText(value: unknown): string {
  if (value instanceof Date) return isoSeconds(value);
  if (typeof value === 'string') return escapeXml(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  throw new TypeError(`cannot write a ${typeof value} as an XML scalar`);
}

function valueText(shape: Shape, value: unknown): string {
  switch (shape.kind) {
    case 'structure':
      return structureText(shape, value as Record<string, unknown>);
    case 'list': {
      const item = shape.itemName ?? 'member';
      let text = '';
      for (const entry of value as unknown[]) {
        if (entry !== undefined && entry !== null) text += `<${item}>${valueText(shape.member, entry)}</${item}>`;
      }
      return text;
    }
    case 'map': {
      let text = '';
      for (const [key, entry] of Object.entries(value as Record<string, unknown>)) {
        text += `<entry><${shape.keyName}>${escapeXml(key)}</${shape.keyName}><${shape.valueName}>${valueText(shape.value, entry)}</${shape.valueName}></entry>`;
      }
      return text;
    }
    default:
      return scalarText(value);
  }
}

/** The elements of `value`'s members, in the order of `shape`; undefined and null members are left out. */
export function structureText(shape: StructureShape, value: Readonly<Record<string, unknown>>): string {
  let text = '';
  for (const member of shape.members) {
    const field = value[member.name];
    if (field === undefined || field === null) continue;
    text += `<${member.wireName}>${valueText(member.shape, field)}</${member.wireName}>`;
  }
  return text;
}
