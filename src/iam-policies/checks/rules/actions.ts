import { actionsOf, closestAction, closestService, isKnownService, wildcardToRegExp } from '../catalog/iam-catalog';
import type { FindingCollector, PolicyKind } from '../context';
import type { StringEntry } from './values';

/** What IAM answers when an action (or condition key) has no `service:` prefix. */
const NO_VENDOR_MESSAGE = 'Actions/Conditions must be prefaced by a vendor, e.g., iam, sdb, ec2, etc.';

const TRUST_ACTIONS = [
  'sts:AssumeRole',
  'sts:AssumeRoleWithSAML',
  'sts:AssumeRoleWithWebIdentity',
  'sts:TagSession',
  'sts:SetSourceIdentity',
  'sts:SetContext',
];

export interface ParsedAction {
  entry: StringEntry;
  /** Lower-case `service:name`, or `*`. */
  normalized: string;
  service: string;
  name: string;
  hasWildcard: boolean;
}

/** Checks the syntax and existence of each action; returns those that are well-formed, for the later rules. */
export function checkActions(entries: StringEntry[], kind: PolicyKind, out: FindingCollector): ParsedAction[] {
  const parsed: ParsedAction[] = [];
  for (const entry of entries) {
    const action = parseAction(entry, out);
    if (!action) continue;
    parsed.push(action);
    if (kind === 'trust') checkTrustAction(action, out);
    else checkActionExists(action, out);
  }
  return parsed;
}

function parseAction(entry: StringEntry, out: FindingCollector): ParsedAction | undefined {
  const text = entry.value;
  if (text === '*') return { entry, normalized: '*', service: '*', name: '*', hasWildcard: true };
  const colon = text.indexOf(':');
  if (colon < 0) {
    out.reject(
      'INVALID_ACTION_FORMAT',
      `'${text}' is not an action: write it as service:ActionName, for example 's3:GetObject', or '*' for all actions.`,
      entry.path,
      entry.node,
      { awsMessage: NO_VENDOR_MESSAGE },
    );
    return undefined;
  }
  const service = text.slice(0, colon);
  const name = text.slice(colon + 1);
  if (!/^[a-zA-Z0-9-]+$/.test(service)) {
    out.reject(
      'INVALID_ACTION_FORMAT',
      `'${service}' in '${text}' is not a service prefix: it may contain only letters, digits and hyphens (no wildcards or spaces).`,
      entry.path,
      entry.node,
    );
    return undefined;
  }
  if (!/^[a-zA-Z0-9*?]+$/.test(name)) {
    out.reject(
      'INVALID_ACTION_FORMAT',
      `'${text}' is not a valid action: the part after ':' may contain only letters, digits and the wildcards * and ?.`,
      entry.path,
      entry.node,
    );
    return undefined;
  }
  if (!isKnownService(service)) {
    const suggestion = closestService(service);
    out.report(
      'error',
      'UNKNOWN_SERVICE',
      `The service '${service}' does not exist.${suggestion ? ` Did you mean '${suggestion}'?` : ''}`,
      entry.path,
      entry.node,
    );
    return undefined;
  }
  return {
    entry,
    normalized: `${service}:${name}`.toLowerCase(),
    service: service.toLowerCase(),
    name,
    hasWildcard: /[*?]/.test(name),
  };
}

function checkActionExists(action: ParsedAction, out: FindingCollector): void {
  if (action.normalized === '*') return;
  const list = actionsOf(action.service);
  if (!list) return; // The bundled catalog knows this service's prefix only.
  if (action.hasWildcard) {
    const pattern = wildcardToRegExp(action.name);
    if (!list.names.some((name) => pattern.test(name))) {
      out.report(
        'warning',
        'ACTION_PATTERN_MATCHES_NOTHING',
        `'${action.entry.value}' matches no action of the service '${action.service}', so it grants nothing.`,
        action.entry.path,
        action.entry.node,
      );
    }
    return;
  }
  if (list.lowerNames.has(action.name.toLowerCase())) return;
  const suggestion = closestAction(list, action.name);
  out.report(
    'warning',
    'UNKNOWN_ACTION',
    `The action '${action.entry.value}' does not exist in the service '${action.service}'.` +
      (suggestion ? ` Did you mean '${action.service}:${suggestion}'?` : ''),
    action.entry.path,
    action.entry.node,
  );
}

function checkTrustAction(action: ParsedAction, out: FindingCollector): void {
  const pattern = action.normalized === '*' ? /^.*$/ : wildcardToRegExp(action.entry.value);
  const isStsOnly = action.service === 'sts';
  const matchesTrustAction = TRUST_ACTIONS.some((candidate) => pattern.test(candidate));
  if (isStsOnly && matchesTrustAction) return;
  if (isStsOnly) {
    out.reject(
      'NON_ASSUME_ROLE_ACTION_IN_TRUST_POLICY',
      `'${action.entry.value}' cannot be used in a trust policy. Use sts:AssumeRole, sts:AssumeRoleWithWebIdentity, sts:AssumeRoleWithSAML, sts:TagSession, sts:SetSourceIdentity or sts:SetContext.`,
      action.entry.path,
      action.entry.node,
      { awsMessage: 'AssumeRole policy may only specify STS AssumeRole actions.' },
    );
    return;
  }
  out.reject(
    'NON_STS_ACTION_IN_TRUST_POLICY',
    `A trust policy only says who may assume the role, so it may contain only STS actions such as sts:AssumeRole; '${action.entry.value}' belongs in a permissions policy.`,
    action.entry.path,
    action.entry.node,
    { awsMessage: 'AssumeRole policy may only specify STS AssumeRole actions.' },
  );
}

/** Suggests removing an action that another (wildcard) action in the same statement already covers. */
export function checkRedundantActions(actions: ParsedAction[], out: FindingCollector): void {
  const patterns = actions.map((action) => (action.hasWildcard ? wildcardToRegExp(action.normalized) : undefined));
  actions.forEach((action, index) => {
    const coveredBy = actions.findIndex((other, otherIndex) => {
      if (otherIndex === index) return false;
      if (other.normalized === action.normalized) return otherIndex < index; // exact duplicate: flag the later one
      const pattern = patterns[otherIndex];
      return pattern !== undefined && pattern.test(action.normalized);
    });
    if (coveredBy < 0) return;
    const other = actions[coveredBy];
    const message =
      other.normalized === action.normalized
        ? `'${action.entry.value}' is listed twice in this statement; remove one.`
        : `'${action.entry.value}' is already covered by '${other.entry.value}' in the same statement; you can remove it.`;
    out.report('suggestion', 'REDUNDANT_ACTION', message, action.entry.path, action.entry.node);
  });
}

/** Whether any of the actions could allow `target` (e.g. iam:PassRole): exact, service wildcard or `*`. */
export function actionsCover(actions: ParsedAction[], target: string): boolean {
  const wanted = target.toLowerCase();
  return actions.some((action) =>
    action.hasWildcard ? wildcardToRegExp(action.normalized).test(wanted) : action.normalized === wanted,
  );
}
