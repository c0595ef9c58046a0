import { childPath, type FindingCollector, type PolicyKind } from '../context';
import { propertyOf, type JsonNode } from '../json-ast';
import { checkStatement } from './statement';
import { caseVariantOf, describeKind } from './values';

const DOCUMENT_ELEMENTS = ['Version', 'Id', 'Statement'];
const CURRENT_VERSION = '2012-10-17';
const LEGACY_VERSION = '2008-10-17';

/** Top-level grammar: Version, Id and Statement; then each statement. */
export function checkDocument(root: JsonNode, kind: PolicyKind, out: FindingCollector): void {
  if (root.kind !== 'object') {
    out.reject(
      'NOT_AN_OBJECT',
      `A policy must be a JSON object ({ "Version": …, "Statement": … }), not ${describeKind(root)}.`,
      '',
      root,
    );
    return;
  }
  const seen = new Set<string>();
  for (const property of root.properties) {
    const range = { start: property.keyStart, end: property.keyEnd };
    if (seen.has(property.key)) {
      out.report(
        'warning',
        'DUPLICATE_ELEMENT',
        `'${property.key}' appears more than once; only the last one counts. Merge them into one.`,
        property.key,
        range,
      );
    }
    seen.add(property.key);
    if (DOCUMENT_ELEMENTS.includes(property.key)) continue;
    const variant = caseVariantOf(property.key, DOCUMENT_ELEMENTS);
    out.reject(
      'UNKNOWN_ELEMENT',
      variant
        ? `Element names are case-sensitive: write '${variant}' instead of '${property.key}'.`
        : `'${property.key}' is not a policy element. A policy has Version, Statement and optionally Id.`,
      property.key,
      range,
    );
  }

  const version = propertyOf(root, 'Version');
  if (!version) {
    out.report(
      'warning',
      'MISSING_VERSION',
      `Add "Version": "${CURRENT_VERSION}" at the top. Without it IAM reads the policy with the ${LEGACY_VERSION} language, where policy variables such as \${aws:username} are not replaced.`,
      '',
      { start: root.start, end: root.start + 1 },
    );
  } else if (version.value.kind !== 'string') {
    out.reject(
      'INVALID_VERSION',
      `Version must be the string "${CURRENT_VERSION}", not ${describeKind(version.value)}.`,
      'Version',
      version.value,
    );
  } else if (version.value.value === LEGACY_VERSION) {
    out.report(
      'warning',
      'OLD_VERSION',
      `Version ${LEGACY_VERSION} is the old policy language: policy variables such as \${aws:username} are not replaced. Use "${CURRENT_VERSION}".`,
      'Version',
      version.value,
    );
  } else if (version.value.value !== CURRENT_VERSION) {
    out.reject(
      'INVALID_VERSION',
      `'${version.value.value}' is not a policy language version. Use "${CURRENT_VERSION}" (the date the language was published, not today's date).`,
      'Version',
      version.value,
    );
  }

  const id = propertyOf(root, 'Id');
  if (id && id.value.kind !== 'string') {
    out.reject('INVALID_ID', `Id must be a string, not ${describeKind(id.value)}.`, 'Id', id.value);
  }

  const statement = propertyOf(root, 'Statement');
  if (!statement) {
    out.reject(
      'MISSING_STATEMENT',
      'The policy has no Statement. Add "Statement": [ … ] with at least one statement.',
      '',
      { start: root.start, end: root.start + 1 },
    );
    return;
  }
  const sids = new Map<string, string>();
  if (statement.value.kind === 'array') {
    if (statement.value.items.length === 0) {
      out.reject(
        'MISSING_STATEMENT',
        'Statement is an empty list. Add at least one statement.',
        'Statement',
        statement.value,
      );
    }
    statement.value.items.forEach((item, index) =>
      checkStatement(item, childPath('Statement', index), kind, sids, out),
    );
  } else {
    checkStatement(statement.value, 'Statement', kind, sids, out);
  }
}
