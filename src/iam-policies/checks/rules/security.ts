import { childPath, type FindingCollector, type PolicyKind } from '../context';
import { propertyOf } from '../json-ast';
import { actionsCover } from './actions';
import { audienceKeysFor, isSamlProvider } from './principals';
import type { StatementFacts } from './statement-facts';

/** Security warnings for an Allow statement of a permissions policy or boundary. */
export function checkStatementSecurity(facts: StatementFacts, kind: PolicyKind, out: FindingCollector): void {
  if (facts.effect !== 'Allow') return;
  const elementRange = (key: string) => {
    const property = propertyOf(facts.node, key);
    return property
      ? { start: property.keyStart, end: property.keyEnd }
      : { start: facts.node.start, end: facts.node.start + 1 };
  };
  if (facts.actionElement === 'NotAction') {
    out.report(
      'security-warning',
      'ALLOW_WITH_NOT_ACTION',
      'Allow with NotAction grants every action except the ones listed, including actions of services AWS adds later. List the allowed actions with Action instead.',
      childPath(facts.path, 'NotAction'),
      elementRange('NotAction'),
    );
  }
  if (facts.resourceElement === 'NotResource') {
    out.report(
      'security-warning',
      'ALLOW_WITH_NOT_RESOURCE',
      'Allow with NotResource grants access to every resource except the ones listed, including resources created later. List the allowed resources with Resource instead.',
      childPath(facts.path, 'NotResource'),
      elementRange('NotResource'),
    );
  }
  const allResources =
    facts.resourceElement === 'Resource' && facts.resources.some((resource) => resource.value === '*');
  if (!allResources) return;

  const allActions =
    facts.actionElement === 'Action' &&
    facts.actions.some((action) => action.normalized === '*' || action.normalized === '*:*');
  if (allActions) {
    if (kind === 'boundary') {
      out.report(
        'warning',
        'BOUNDARY_ALLOWS_EVERYTHING',
        'This boundary allows all actions on all resources, so it does not limit the role at all.',
        childPath(facts.path, 'Action'),
        elementRange('Action'),
      );
    } else {
      out.report(
        'security-warning',
        'ALLOWS_ALL_ACTIONS_ON_ALL_RESOURCES',
        'Allows all actions on all resources: whoever uses this role has full administrator access to the account. Grant only the actions and resources the role needs.',
        childPath(facts.path, 'Action'),
        elementRange('Action'),
      );
    }
    return; // "all actions" already includes passing roles; one warning is enough
  }
  const passesRoles =
    facts.actionElement === 'Action'
      ? actionsCover(facts.actions, 'iam:PassRole')
      : facts.actionElement === 'NotAction' && !actionsCover(facts.actions, 'iam:PassRole');
  if (passesRoles && kind !== 'boundary') {
    const resourceEntry = facts.resources.find((resource) => resource.value === '*');
    out.report(
      'security-warning',
      'PASS_ROLE_WITH_STAR_IN_RESOURCE',
      'Allows iam:PassRole on every role (Resource "*"). Whoever uses this role can hand any role in the account, including administrator roles, to an EC2 instance, Lambda function or other service and act with its permissions: a privilege escalation. Limit Resource to the ARNs of the roles that may be passed.',
      resourceEntry?.path ?? childPath(facts.path, 'Resource'),
      resourceEntry?.node ?? elementRange('Resource'),
    );
  }
}

/** Security warnings for an Allow statement of a role trust policy. */
export function checkTrustSecurity(facts: StatementFacts, out: FindingCollector): void {
  if (facts.effect !== 'Allow' || !facts.principals) return;
  const principalPath = childPath(facts.path, 'Principal');
  const principal = propertyOf(facts.node, 'Principal');
  const principalRange = principal ? principal.value : { start: facts.node.start, end: facts.node.start + 1 };
  if (facts.principals.everyone && facts.conditionKeys.length === 0) {
    out.report(
      'security-warning',
      'TRUST_POLICY_ALLOWS_ANYONE',
      'Anyone with an AWS account can assume this role ("*" principal without a condition). Name the accounts or services you trust, or add a condition such as aws:PrincipalOrgID.',
      principalPath,
      principalRange,
    );
  }
  const assumesWithWebIdentity = actionsCover(facts.actions, 'sts:AssumeRoleWithWebIdentity');
  for (const provider of facts.principals.federated) {
    if (isSamlProvider(provider.value) || !assumesWithWebIdentity) continue;
    const needsAudience =
      provider.value === 'cognito-identity.amazonaws.com' || provider.value.includes(':oidc-provider/');
    if (!needsAudience) continue;
    const audienceKeys = audienceKeysFor(provider.value).map((key) => key.toLowerCase());
    if (facts.conditionKeys.some((key) => audienceKeys.includes(key.toLowerCase()))) continue;
    out.report(
      'security-warning',
      'MISSING_AUDIENCE_CONDITION',
      `Without a '${audienceKeysFor(provider.value)[0]}' condition, any application that uses ${provider.value.includes(':oidc-provider/') ? 'this identity provider' : 'Amazon Cognito'} can assume this role. Add a StringEquals condition on the audience.`,
      provider.path,
      provider.node,
    );
  }
  checkTrustActionMatchesPrincipal(facts, out);
}

/** sts:AssumeRoleWithSAML needs a SAML provider, sts:AssumeRoleWithWebIdentity a web identity provider. */
function checkTrustActionMatchesPrincipal(facts: StatementFacts, out: FindingCollector): void {
  const principals = facts.principals;
  if (!principals || facts.actionElement !== 'Action') return;
  const hasSaml = principals.federated.some((entry) => isSamlProvider(entry.value));
  const hasWebIdentity = principals.federated.some((entry) => !isSamlProvider(entry.value));
  const hasOthers = principals.aws.length > 0 || principals.service.length > 0 || principals.everyone;
  for (const action of facts.actions) {
    if (action.hasWildcard) continue;
    const mismatch =
      (action.normalized === 'sts:assumerolewithsaml' && !hasSaml) ||
      (action.normalized === 'sts:assumerolewithwebidentity' && !hasWebIdentity) ||
      (action.normalized === 'sts:assumerole' && !hasOthers && principals.federated.length > 0);
    if (!mismatch) continue;
    out.report(
      'warning',
      'ACTION_DOES_NOT_MATCH_PRINCIPAL',
      action.normalized === 'sts:assumerole'
        ? 'Federated principals assume roles with sts:AssumeRoleWithSAML or sts:AssumeRoleWithWebIdentity, so sts:AssumeRole here lets nobody in.'
        : `'${action.entry.value}' is used by ${action.normalized.endsWith('saml') ? 'a SAML provider' : 'a web identity (OIDC) provider'}, but this statement's Principal names none.`,
      action.entry.path,
      action.entry.node,
    );
  }
}
