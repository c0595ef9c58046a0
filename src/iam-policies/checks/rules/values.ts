import { childPath, type FindingCollector } from '../context';
import type { JsonNode, JsonString } from '../json-ast';

export interface StringEntry {
  value: string;
  node: JsonString;
  path: string;
}

/**
 * Reads an element that IAM accepts as "a string or a non-empty list of strings" (Action, Resource, principal
 * values). Reports the grammar errors and returns the usable strings.
 */
export function readStringList(
  node: JsonNode,
  path: string,
  elementName: string,
  out: FindingCollector,
): StringEntry[] {
  if (node.kind === 'string') {
    if (node.value === '') out.reject('EMPTY_VALUE', `${elementName} cannot be an empty string.`, path, node);
    return node.value === '' ? [] : [{ value: node.value, node, path }];
  }
  if (node.kind !== 'array') {
    out.reject(
      'INVALID_VALUE_TYPE',
      `${elementName} must be a string or a list of strings, not ${describeKind(node)}.`,
      path,
      node,
    );
    return [];
  }
  if (node.items.length === 0) {
    out.reject('EMPTY_LIST', `${elementName} is an empty list; give at least one value.`, path, node);
    return [];
  }
  const entries: StringEntry[] = [];
  node.items.forEach((item, index) => {
    const itemPath = childPath(path, index);
    if (item.kind !== 'string') {
      out.reject(
        'INVALID_VALUE_TYPE',
        `Each entry of ${elementName} must be a string, not ${describeKind(item)}.`,
        itemPath,
        item,
      );
    } else if (item.value === '') {
      out.reject('EMPTY_VALUE', `${elementName} contains an empty string.`, itemPath, item);
    } else {
      entries.push({ value: item.value, node: item, path: itemPath });
    }
  });
  return entries;
}

export function describeKind(node: JsonNode): string {
  switch (node.kind) {
    case 'object':
      return 'an object';
    case 'array':
      return 'a list';
    case 'string':
      return 'a string';
    case 'number':
      return 'a number';
    case 'boolean':
      return 'true/false';
    case 'null':
      return 'null';
  }
}

/** A name that differs only in letter case from one of the allowed names (IAM element names are case-sensitive). */
export function caseVariantOf(name: string, allowed: readonly string[]): string | undefined {
  const lower = name.toLowerCase();
  return allowed.find((candidate) => candidate.toLowerCase() === lower && candidate !== name);
}
