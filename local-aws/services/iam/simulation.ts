/**
 * IAM's policy simulator (SimulatePrincipalPolicy, SimulateCustomPolicy): checks the request as AWS does, runs
 * each action on each resource through iam-policy/simulate.ts (the statement matching and decision of the
 * evaluator that authorizes every call) and answers AWS's EvaluationResult shapes, one result per action.
 *
 * Accepted and checked but not evaluated: ResourcePolicy, ResourceOwner, ResourceHandlingOption and SCPs
 * (OrderedOrganizationPolicyInputList); local AWS has one account and no resource-based policies in IAM.
 */
import type {
  ContextEntry,
  EvaluationResult,
  ResourceSpecificResult,
  SimulatePolicyResponse,
  Statement,
} from '@aws-sdk/client-iam';
import { parseIpAddress } from '../../iam-policy/ip.ts';
import { simulate, type PolicySource, type Simulation } from '../../iam-policy/simulate.ts';
import type { ConditionContext, Decision } from '../../iam-policy/types.ts';
import { checkPolicyDocument } from '../../iam-policy/validate.ts';
import { IamMessages, invalidInput, noSuchEntity } from './errors.ts';
import type { IamModel } from './model.ts';
import { ANY_ARN } from './model/state.ts';
import { pageConstraints, paginateInOrder } from './pagination.ts';
import type { Authorize, PageRequest } from './records.ts';

/** A context entry as the decoder gives it: its key type is a plain string until it is checked here. */
type ContextEntryInput = { [K in keyof ContextEntry]?: K extends 'ContextKeyValues' ? readonly string[] : string };
import { Constraints, Limits, Rules } from './validation.ts';
import { pageTail } from './views.ts';

export interface SimulationInput {
  /** SimulatePrincipalPolicy's PolicySourceArn; undefined for SimulateCustomPolicy. */
  policySourceArn?: string;
  policyInputList: readonly string[];
  permissionsBoundaryPolicyInputList?: readonly string[];
  /** SimulateCustomPolicy's SCP documents, level by level. */
  organizationPolicies?: readonly string[];
  actionNames: readonly string[];
  resourceArns?: readonly string[];
  resourcePolicy?: string;
  resourceOwner?: string;
  callerArn?: string;
  contextEntries?: readonly ContextEntryInput[];
  resourceHandlingOption?: string;
  page: PageRequest;
}

type Decided = NonNullable<EvaluationResult['EvalDecision']>;

const DECISION_RANK: Record<Decided, number> = { allowed: 0, implicitDeny: 1, explicitDeny: 2 };

/** The scenarios AWS documents for ResourceHandlingOption (API reference, SimulateCustomPolicy). */
const RESOURCE_HANDLING_OPTIONS = [
  'EC2-Classic-InstanceStore',
  'EC2-Classic-EBS',
  'EC2-VPC-InstanceStore',
  'EC2-VPC-InstanceStore-Subnet',
  'EC2-VPC-EBS',
  'EC2-VPC-EBS-Subnet',
];

/** ContextKeyType → a check of one value; the `List` types take several values of the same kind. */
const CONTEXT_VALUE_CHECKS: Record<string, (value: string) => boolean> = {
  string: () => true,
  numeric: (value) => value.trim() !== '' && Number.isFinite(Number(value)),
  boolean: (value) => /^(true|false)$/i.test(value),
  date: (value) => /^\d+$/.test(value) || !Number.isNaN(Date.parse(value)),
  ip: (value) => parseIpAddress(value) !== undefined,
  binary: (value) => /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/.test(value),
};

const ACTION_NAME = /^[A-Za-z0-9-]+:[A-Za-z0-9]+$/;

function wireDecision(decision: Decision): Decided {
  if (decision.effect === 'allow') return 'allowed';
  return decision.reason === 'explicit-identity' || decision.reason === 'explicit-boundary'
    ? 'explicitDeny'
    : 'implicitDeny';
}

function checkConstraints(input: SimulationInput): void {
  const constraints = pageConstraints(new Constraints(), input.page)
    .string('policySourceArn', input.policySourceArn, Rules.arn)
    .string('callerArn', input.callerArn, Rules.arn)
    .string('resourcePolicy', input.resourcePolicy, Rules.policyDocument)
    .string('resourceOwner', input.resourceOwner, { min: 1, max: Limits.simulationResourceNameMax });
  const each = (member: string, values: readonly string[] | undefined, rule: Parameters<Constraints['string']>[2]) =>
    values?.forEach((value, index) => constraints.string(`${member}.${index + 1}.member`, value, rule));
  each('actionNames', input.actionNames, { min: Limits.simulationActionNameMin, max: Limits.simulationActionNameMax });
  each('resourceArns', input.resourceArns, { min: 1, max: Limits.simulationResourceNameMax });
  each('policyInputList', input.policyInputList, Rules.policyDocument);
  each('permissionsBoundaryPolicyInputList', input.permissionsBoundaryPolicyInputList, Rules.policyDocument);
  input.contextEntries?.forEach((entry, index) =>
    constraints.string(`contextEntries.${index + 1}.member.contextKeyName`, entry.ContextKeyName, {
      min: Limits.contextKeyNameMin,
      max: Limits.contextKeyNameMax,
    }),
  );
  constraints.check();
}

function checkPolicies(documents: readonly string[] | undefined): void {
  for (const document of documents ?? []) {
    const problem = checkPolicyDocument(document, 'identity');
    if (problem) throw invalidInput(problem.message);
  }
}

function conditionContext(entries: readonly ContextEntryInput[] | undefined): ConditionContext {
  const context: ConditionContext = {};
  for (const entry of entries ?? []) {
    const name = entry.ContextKeyName;
    const type = entry.ContextKeyType;
    const values = entry.ContextKeyValues;
    if (name === undefined || type === undefined || values === undefined) {
      throw invalidInput('Context entries must have a ContextKeyName, a ContextKeyType and ContextKeyValues.');
    }
    const list = type.endsWith('List');
    const check = CONTEXT_VALUE_CHECKS[list ? type.slice(0, -'List'.length) : type];
    if (!check) throw invalidInput(`Invalid ContextKeyType ${type} for context key ${name}.`);
    if (!list && values.length !== 1) throw invalidInput(`Context key ${name} of type ${type} takes exactly one value.`);
    const bad = values.find((value) => !check(value));
    if (bad !== undefined) throw invalidInput(`Invalid value ${bad} for context key ${name} of type ${type}.`);
    context[name] = list ? [...values] : values[0];
  }
  return context;
}

function checkSemantics(input: SimulationInput): void {
  if (input.policySourceArn !== undefined && !ANY_ARN.test(input.policySourceArn)) {
    throw invalidInput(IamMessages.invalidArn(input.policySourceArn));
  }
  for (const action of input.actionNames) {
    if (!ACTION_NAME.test(action)) {
      throw invalidInput(`Action ${action} must be of the form service:ActionName, without wildcards.`);
    }
  }
  for (const resource of input.resourceArns ?? []) {
    if (resource !== '*' && !ANY_ARN.test(resource)) throw invalidInput(IamMessages.invalidArn(resource));
  }
  checkPolicies(input.policyInputList);
  checkPolicies(input.permissionsBoundaryPolicyInputList);
  checkPolicies(input.organizationPolicies);
  if ((input.permissionsBoundaryPolicyInputList?.length ?? 0) > 1) {
    throw invalidInput('You can input only one permissions boundary policy.');
  }
  if (input.callerArn !== undefined && !/^arn:aws:iam::\d{12}:user\//.test(input.callerArn)) {
    throw invalidInput(`CallerArn ${input.callerArn} must be the ARN of an IAM user.`);
  }
  if (input.resourcePolicy !== undefined) {
    const problem = checkPolicyDocument(input.resourcePolicy, 'trust');
    if (problem) throw invalidInput(problem.message);
    const sourceIsUser = /^arn:aws:iam::\d{12}:user\//.test(input.policySourceArn ?? '');
    if (input.callerArn === undefined && !sourceIsUser) {
      throw invalidInput('CallerArn is required when a ResourcePolicy is given and the policy source is not a user.');
    }
  }
  if (input.resourceOwner !== undefined && !/^arn:aws:iam::\d{12}:root$/.test(input.resourceOwner)) {
    throw invalidInput(IamMessages.invalidArn(input.resourceOwner));
  }
  if (
    input.resourceHandlingOption !== undefined &&
    !RESOURCE_HANDLING_OPTIONS.includes(input.resourceHandlingOption)
  ) {
    throw invalidInput(`Invalid ResourceHandlingOption ${input.resourceHandlingOption}.`);
  }
}

function missingPrincipal(arn: string) {
  const name = arn.slice(arn.lastIndexOf('/') + 1);
  if (/:group\//.test(arn)) return noSuchEntity(IamMessages.noSuchGroup(name));
  if (/:role\//.test(arn)) return noSuchEntity(IamMessages.noSuchRole(name));
  return noSuchEntity(IamMessages.noSuchUser(name));
}

function wireStatements(simulation: Simulation): Statement[] {
  return simulation.matchedStatements.map((statement) => ({
    SourcePolicyId: statement.source.id,
    SourcePolicyType: statement.source.type,
    StartPosition: { Line: statement.start.line, Column: statement.start.column },
    EndPosition: { Line: statement.end.line, Column: statement.end.column },
  }));
}

function boundaryDetail(simulation: Simulation): EvaluationResult['PermissionsBoundaryDecisionDetail'] {
  return simulation.allowedByBoundary === undefined
    ? undefined
    : { AllowedByPermissionsBoundary: simulation.allowedByBoundary };
}

interface Sources {
  identityPolicies: PolicySource[];
  permissionsBoundary?: PolicySource;
}

/** One EvaluationResult per action; with resources named, their most restrictive decision and one result each. */
function evaluationResult(action: string, resources: readonly string[] | undefined, sources: Sources, context: ConditionContext): EvaluationResult {
  const run = (resource: string) => simulate({ action, resource, ...sources, context });
  if (resources === undefined) {
    const simulation = run('*');
    return {
      EvalActionName: action,
      EvalResourceName: '*',
      EvalDecision: wireDecision(simulation.decision),
      MatchedStatements: wireStatements(simulation),
      MissingContextValues: simulation.missingContextKeys,
      PermissionsBoundaryDecisionDetail: boundaryDetail(simulation),
    };
  }
  const perResource = resources.map((resource) => ({ resource, simulation: run(resource) }));
  const specific: ResourceSpecificResult[] = perResource.map(({ resource, simulation }) => ({
    EvalResourceName: resource,
    EvalResourceDecision: wireDecision(simulation.decision),
    MatchedStatements: wireStatements(simulation),
    MissingContextValues: simulation.missingContextKeys,
    PermissionsBoundaryDecisionDetail: boundaryDetail(simulation),
  }));
  const decision = specific
    .map((result) => result.EvalResourceDecision as Decided)
    .reduce((worst, next) => (DECISION_RANK[next] > DECISION_RANK[worst] ? next : worst));
  // The top level lists the statements of the resources that share its decision, each once.
  const statements = new Map<string, Statement>();
  for (const result of specific) {
    if (result.EvalResourceDecision !== decision) continue;
    for (const statement of result.MatchedStatements ?? []) statements.set(JSON.stringify(statement), statement);
  }
  const boundaryAnswers = perResource.map(({ simulation }) => simulation.allowedByBoundary);
  return {
    EvalActionName: action,
    EvalResourceName: '*',
    EvalDecision: decision,
    MatchedStatements: [...statements.values()],
    MissingContextValues: [...new Set(specific.flatMap((result) => result.MissingContextValues ?? []))],
    // Same-account simulations with resources named carry an empty map (API reference, EvaluationResult).
    EvalDecisionDetails: {},
    PermissionsBoundaryDecisionDetail:
      boundaryAnswers[0] === undefined ? undefined : { AllowedByPermissionsBoundary: boundaryAnswers.every(Boolean) },
    ResourceSpecificResults: specific,
  };
}

/**
 * Runs a simulation. `authorize` is called after the constraint checks and before the principal is looked up,
 * as every IAM operation does; nothing is written.
 */
export function simulatePolicies(iam: IamModel, input: SimulationInput, authorize: Authorize): SimulatePolicyResponse {
  checkConstraints(input);
  checkSemantics(input);
  const context = conditionContext(input.contextEntries);
  const source = input.policySourceArn;
  authorize(source === undefined ? 'iam:SimulateCustomPolicy' : 'iam:SimulatePrincipalPolicy', source ?? '*');
  const principal = source === undefined ? { identityPolicies: [] } : iam.principalPolicySources(source);
  if (!principal) throw missingPrincipal(source!);
  if (input.callerArn !== undefined && !iam.findUserByArn(input.callerArn)) throw missingPrincipal(input.callerArn);
  const given = (list: readonly string[] | undefined, name: string): PolicySource[] =>
    (list ?? []).map((document, index) => ({ id: `${name}.${index + 1}`, type: 'none', document }));
  const boundaryInput = given(input.permissionsBoundaryPolicyInputList, 'PermissionsBoundaryPolicyInputList')[0];
  const sources: Sources = {
    identityPolicies: [...principal.identityPolicies, ...given(input.policyInputList, 'PolicyInputList')],
    permissionsBoundary: boundaryInput ?? principal.permissionsBoundary,
  };
  const resources =
    input.resourceArns === undefined || (input.resourceArns.length === 1 && input.resourceArns[0] === '*')
      ? undefined
      : input.resourceArns;
  const page = paginateInOrder(input.actionNames, input.page);
  return {
    EvaluationResults: page.items.map((action) => evaluationResult(action, resources, sources, context)),
    ...pageTail(page),
  };
}
