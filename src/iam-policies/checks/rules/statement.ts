import { childPath, type FindingCollector, type PolicyKind } from '../context';
import { propertyOf, type JsonNode, type JsonObject, type JsonProperty } from '../json-ast';
import { checkActions, checkRedundantActions } from './actions';
import { checkCondition } from './conditions';
import { checkPrincipal } from './principals';
import { checkResources } from './resources';
import { checkStatementSecurity, checkTrustSecurity } from './security';
import type { StatementFacts } from './statement-facts';
import { caseVariantOf, describeKind, readStringList } from './values';

const STATEMENT_ELEMENTS = [
  'Sid',
  'Effect',
  'Principal',
  'NotPrincipal',
  'Action',
  'NotAction',
  'Resource',
  'NotResource',
  'Condition',
];

export function checkStatement(
  node: JsonNode,
  path: string,
  kind: PolicyKind,
  sids: Map<string, string>,
  out: FindingCollector,
): void {
  if (node.kind !== 'object') {
    out.reject(
      'INVALID_STATEMENT',
      `Each statement must be an object with Effect, Action and ${kind === 'trust' ? 'Principal' : 'Resource'}, not ${describeKind(node)}.`,
      path,
      node,
    );
    return;
  }
  for (const property of node.properties) {
    if (STATEMENT_ELEMENTS.includes(property.key)) continue;
    const variant = caseVariantOf(property.key, STATEMENT_ELEMENTS);
    out.reject(
      'UNKNOWN_ELEMENT',
      variant
        ? `Element names are case-sensitive: write '${variant}' instead of '${property.key}'.`
        : `'${property.key}' is not a statement element. A statement may contain ${STATEMENT_ELEMENTS.join(', ')}.`,
      childPath(path, property.key),
      keyRange(property),
    );
  }
  const facts: StatementFacts = { node, path, actions: [], resources: [], conditionKeys: [] };
  checkSid(node, path, kind, sids, out);
  checkEffect(node, path, facts, out);
  checkActionElements(node, path, kind, facts, out);
  checkResourceElements(node, path, kind, facts, out);
  checkPrincipalElements(node, path, kind, facts, out);
  const condition = propertyOf(node, 'Condition');
  if (condition) {
    checkCondition(condition.value, childPath(path, 'Condition'), out);
    facts.conditionKeys = conditionKeysOf(condition.value);
  }
  if (kind === 'trust') checkTrustSecurity(facts, out);
  else checkStatementSecurity(facts, kind, out);
}

function checkSid(
  node: JsonObject,
  path: string,
  kind: PolicyKind,
  sids: Map<string, string>,
  out: FindingCollector,
): void {
  const sid = propertyOf(node, 'Sid');
  if (!sid) return;
  const sidPath = childPath(path, 'Sid');
  if (sid.value.kind !== 'string') {
    out.reject('INVALID_SID', `Sid must be a string, not ${describeKind(sid.value)}.`, sidPath, sid.value);
    return;
  }
  const value = sid.value.value;
  if (value === '') {
    out.reject(
      'EMPTY_SID',
      'The Sid is empty. Give the statement a name (letters and digits) or remove the Sid.',
      sidPath,
      sid.value,
    );
    return;
  }
  if (kind !== 'trust' && !/^[0-9A-Za-z]+$/.test(value)) {
    out.reject(
      'INVALID_SID',
      `The Sid '${value}' may contain only letters (A–Z, a–z) and digits in an identity policy.`,
      sidPath,
      sid.value,
      {
        awsMessage:
          'Statement IDs (SID) must be alpha-numeric. Check that your input satisfies the regular expression [0-9A-Za-z]*',
      },
    );
  }
  const earlier = sids.get(value);
  if (earlier !== undefined) {
    out.reject(
      'DUPLICATE_SID',
      `The Sid '${value}' is already used by ${earlier}. Each statement needs its own Sid.`,
      sidPath,
      sid.value,
      {
        awsMessage: 'Statement IDs (SID) in a single policy must be unique.',
      },
    );
  } else {
    sids.set(value, path);
  }
}

function checkEffect(node: JsonObject, path: string, facts: StatementFacts, out: FindingCollector): void {
  const effect = propertyOf(node, 'Effect');
  if (!effect) {
    out.reject(
      'MISSING_EFFECT',
      'The statement has no Effect. Add "Effect": "Allow" or "Effect": "Deny".',
      path,
      openingBrace(node),
    );
    return;
  }
  const effectPath = childPath(path, 'Effect');
  if (effect.value.kind === 'string' && (effect.value.value === 'Allow' || effect.value.value === 'Deny')) {
    facts.effect = effect.value.value;
    return;
  }
  const text = effect.value.kind === 'string' ? effect.value.value : undefined;
  const variant = text === undefined ? undefined : caseVariantOf(text, ['Allow', 'Deny']);
  out.reject(
    'INVALID_EFFECT',
    variant
      ? `Effect is case-sensitive: write '${variant}' instead of '${text}'.`
      : `Effect must be "Allow" or "Deny"${text === undefined ? `, not ${describeKind(effect.value)}` : `; '${text}' is not an effect`}.`,
    effectPath,
    effect.value,
  );
}

function checkActionElements(
  node: JsonObject,
  path: string,
  kind: PolicyKind,
  facts: StatementFacts,
  out: FindingCollector,
): void {
  const action = propertyOf(node, 'Action');
  const notAction = propertyOf(node, 'NotAction');
  if (action && notAction) {
    out.reject(
      'ACTION_AND_NOT_ACTION',
      'A statement can have Action or NotAction, not both. Remove one of them.',
      childPath(path, 'NotAction'),
      keyRange(notAction),
    );
  }
  if (!action && !notAction) {
    out.reject(
      'MISSING_ACTION',
      'The statement has neither Action nor NotAction. Add "Action" with the actions it applies to.',
      path,
      openingBrace(node),
    );
    return;
  }
  const chosen = action ?? notAction;
  if (!chosen) return;
  facts.actionElement = action ? 'Action' : 'NotAction';
  const elementPath = childPath(path, chosen.key);
  const entries = readStringList(chosen.value, elementPath, chosen.key, out);
  facts.actions = checkActions(entries, kind, out);
  checkRedundantActions(facts.actions, out);
}

function checkResourceElements(
  node: JsonObject,
  path: string,
  kind: PolicyKind,
  facts: StatementFacts,
  out: FindingCollector,
): void {
  const resource = propertyOf(node, 'Resource');
  const notResource = propertyOf(node, 'NotResource');
  if (kind === 'trust') {
    for (const property of [resource, notResource]) {
      if (!property) continue;
      out.reject(
        'RESOURCE_IN_TRUST_POLICY',
        `A trust policy cannot have ${property.key}: the resource is the role itself. Remove the ${property.key} element.`,
        childPath(path, property.key),
        keyRange(property),
        { awsMessage: `Has prohibited field ${property.key}` },
      );
    }
    return;
  }
  if (resource && notResource) {
    out.reject(
      'RESOURCE_AND_NOT_RESOURCE',
      'A statement can have Resource or NotResource, not both. Remove one of them.',
      childPath(path, 'NotResource'),
      keyRange(notResource),
    );
  }
  if (!resource && !notResource) {
    out.reject(
      'MISSING_RESOURCE',
      'The statement has no Resource. Add "Resource" with the ARNs it applies to, or "*" for all resources.',
      path,
      openingBrace(node),
    );
    return;
  }
  const chosen = resource ?? notResource;
  if (!chosen) return;
  facts.resourceElement = resource ? 'Resource' : 'NotResource';
  facts.resources = readStringList(chosen.value, childPath(path, chosen.key), chosen.key, out);
  checkResources(facts.resources, out);
}

function checkPrincipalElements(
  node: JsonObject,
  path: string,
  kind: PolicyKind,
  facts: StatementFacts,
  out: FindingCollector,
): void {
  const principal = propertyOf(node, 'Principal');
  const notPrincipal = propertyOf(node, 'NotPrincipal');
  if (kind !== 'trust') {
    const what = kind === 'boundary' ? 'A permissions boundary' : 'A permissions policy';
    for (const property of [principal, notPrincipal]) {
      if (!property) continue;
      out.reject(
        'PRINCIPAL_IN_IDENTITY_POLICY',
        `${what} applies to the role it is attached to, so it cannot have ${property.key}. Remove the ${property.key} element.`,
        childPath(path, property.key),
        keyRange(property),
        { awsMessage: `Has prohibited field ${property.key}` },
      );
    }
    return;
  }
  if (notPrincipal) {
    out.reject(
      'NOT_PRINCIPAL_IN_TRUST_POLICY',
      'A trust policy must say who may assume the role with Principal; NotPrincipal cannot be used in a role trust policy.',
      childPath(path, 'NotPrincipal'),
      keyRange(notPrincipal),
    );
  }
  if (!principal) {
    if (!notPrincipal) {
      out.reject(
        'MISSING_PRINCIPAL',
        'The statement has no Principal. Say who may assume the role, for example "Principal": { "Service": "ec2.amazonaws.com" }.',
        path,
        openingBrace(node),
      );
    }
    return;
  }
  facts.principals = checkPrincipal(principal.value, childPath(path, 'Principal'), out);
}

function conditionKeysOf(node: JsonNode): string[] {
  if (node.kind !== 'object') return [];
  return node.properties.flatMap((operator) =>
    operator.value.kind === 'object' ? operator.value.properties.map((key) => key.key) : [],
  );
}

function keyRange(property: JsonProperty): { start: number; end: number } {
  return { start: property.keyStart, end: property.keyEnd };
}

function openingBrace(node: JsonObject): { start: number; end: number } {
  return { start: node.start, end: node.start + 1 };
}
