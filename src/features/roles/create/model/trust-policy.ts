/**
 * Step 1 of the create-role wizard ("Select trusted entity") as data, and the trust policy the console
 * generates from the choice.
 */

export type TrustedEntityType = 'aws-service' | 'aws-account' | 'web-identity' | 'saml' | 'custom';

export interface TrustedEntityTypeOption {
  type: TrustedEntityType;
  label: string;
  description: string;
}

export const TRUSTED_ENTITY_TYPES: readonly TrustedEntityTypeOption[] = [
  {
    type: 'aws-service',
    label: 'AWS service',
    description: 'Allow AWS services like EC2, Lambda, or others to perform actions in this account.',
  },
  {
    type: 'aws-account',
    label: 'AWS account',
    description:
      'Allow entities in other AWS accounts belonging to you or a 3rd party to perform actions in this account.',
  },
  {
    type: 'web-identity',
    label: 'Web identity',
    description:
      'Allows users federated by the specified external web identity provider to assume this role to perform actions in this account.',
  },
  {
    type: 'saml',
    label: 'SAML 2.0 federation',
    description: 'Allow users federated with SAML 2.0 from a corporate directory to perform actions in this account.',
  },
  {
    type: 'custom',
    label: 'Custom trust policy',
    description: 'Create a custom trust policy to enable others to perform actions in this account.',
  },
];

export interface PreselectedPolicy {
  name: string;
  arn: string;
}

export interface ServiceUseCase {
  id: string;
  title: string;
  /** Shown under the radio, and used as the role's default description. */
  description: string;
  servicePrincipal: string;
  preselectedPolicies: readonly PreselectedPolicy[];
  /** The path the console uses for roles of this use case. */
  path: string;
  /**
   * Whether "Create role" also creates an instance profile of the same name. Only for use cases whose role is
   * assumed by EC2 instances (principal ec2.amazonaws.com): the Spot Fleet role is assumed by the Spot Fleet
   * service, not by instances, so it gets none.
   */
  createsInstanceProfile: boolean;
}

export interface TrustedService {
  id: string;
  name: string;
  useCases: readonly ServiceUseCase[];
}

const awsManaged = (name: string, path = '/'): PreselectedPolicy => ({
  name,
  arn: `arn:aws:iam::aws:policy${path}${name}`,
});

const simpleService = (id: string, name: string, principal: string, description: string): TrustedService => ({
  id,
  name,
  useCases: [
    {
      id,
      title: name,
      description,
      servicePrincipal: principal,
      preselectedPolicies: [],
      path: '/',
      createsInstanceProfile: false,
    },
  ],
});

/** Services offered in the "Service or use case" list; EC2 first, as in the console's commonly used services. */
export const TRUSTED_SERVICES: readonly TrustedService[] = [
  {
    id: 'ec2',
    name: 'EC2',
    useCases: [
      {
        id: 'ec2',
        title: 'EC2',
        description: 'Allows EC2 instances to call AWS services on your behalf.',
        servicePrincipal: 'ec2.amazonaws.com',
        preselectedPolicies: [],
        path: '/',
        createsInstanceProfile: true,
      },
      {
        id: 'ec2-ssm',
        title: 'EC2 Role for AWS Systems Manager',
        description: 'Allows EC2 instances to call AWS services like CloudWatch and Systems Manager on your behalf.',
        servicePrincipal: 'ec2.amazonaws.com',
        preselectedPolicies: [awsManaged('AmazonSSMManagedInstanceCore')],
        path: '/',
        createsInstanceProfile: true,
      },
      {
        id: 'ec2-spot-fleet',
        title: 'EC2 Spot Fleet Role',
        description: 'Allows EC2 Spot Fleet to request and terminate Spot Instances on your behalf.',
        servicePrincipal: 'spotfleet.amazonaws.com',
        preselectedPolicies: [awsManaged('AmazonEC2SpotFleetTaggingRole', '/service-role/')],
        path: '/',
        createsInstanceProfile: false,
      },
    ],
  },
  simpleService(
    'lambda',
    'Lambda',
    'lambda.amazonaws.com',
    'Allows Lambda functions to call AWS services on your behalf.',
  ),
  {
    id: 'ecs',
    name: 'Elastic Container Service',
    useCases: [
      {
        id: 'ecs-tasks',
        title: 'Elastic Container Service Task',
        description: 'Allows ECS tasks to call AWS services on your behalf.',
        servicePrincipal: 'ecs-tasks.amazonaws.com',
        preselectedPolicies: [],
        path: '/',
        createsInstanceProfile: false,
      },
    ],
  },
  simpleService(
    'cloudformation',
    'CloudFormation',
    'cloudformation.amazonaws.com',
    'Allows CloudFormation to create and manage AWS stacks and resources on your behalf.',
  ),
  simpleService(
    'states',
    'Step Functions',
    'states.amazonaws.com',
    'Allows Step Functions to access AWS resources on your behalf.',
  ),
  simpleService(
    'events',
    'EventBridge',
    'events.amazonaws.com',
    'Allows EventBridge to invoke targets and call AWS services on your behalf.',
  ),
  simpleService(
    'codebuild',
    'CodeBuild',
    'codebuild.amazonaws.com',
    'Allows CodeBuild to call AWS services on your behalf.',
  ),
  simpleService('glue', 'Glue', 'glue.amazonaws.com', 'Allows Glue to call AWS services on your behalf.'),
  simpleService(
    'apigateway',
    'API Gateway',
    'apigateway.amazonaws.com',
    'Allows API Gateway to push logs to CloudWatch Logs.',
  ),
];

export type WebIdentityProviderId = 'amazon' | 'facebook' | 'google' | 'cognito';

export interface WebIdentityProvider {
  id: WebIdentityProviderId;
  label: string;
  /** The Federated principal. */
  principal: string;
  /** The condition key holding the application/audience ID. */
  audienceKey: string;
  audienceLabel: string;
}

/**
 * The built-in web identity providers. Login with Amazon and Facebook name the audience `app_id`, Google and
 * Cognito `aud` (IAM's documented web identity keys).
 */
export const WEB_IDENTITY_PROVIDERS: readonly WebIdentityProvider[] = [
  {
    id: 'amazon',
    label: 'Login with Amazon',
    principal: 'www.amazon.com',
    audienceKey: 'www.amazon.com:app_id',
    audienceLabel: 'Application ID',
  },
  {
    id: 'facebook',
    label: 'Facebook',
    principal: 'graph.facebook.com',
    audienceKey: 'graph.facebook.com:app_id',
    audienceLabel: 'Application ID',
  },
  {
    id: 'google',
    label: 'Google',
    principal: 'accounts.google.com',
    audienceKey: 'accounts.google.com:aud',
    audienceLabel: 'Audience',
  },
  {
    id: 'cognito',
    label: 'Amazon Cognito',
    principal: 'cognito-identity.amazonaws.com',
    audienceKey: 'cognito-identity.amazonaws.com:aud',
    audienceLabel: 'Identity pool ID',
  },
];

export const SAML_CONSOLE_AUDIENCE = 'https://signin.aws.amazon.com/saml';

export type TrustedEntitySelection =
  | { type: 'aws-service'; serviceId: string; useCaseId: string }
  | {
      type: 'aws-account';
      account: 'this' | 'another';
      /** Only for `another`. */
      otherAccountId?: string;
      requireExternalId: boolean;
      externalId?: string;
      requireMfa: boolean;
    }
  | {
      type: 'web-identity';
      provider: { kind: 'builtin'; id: WebIdentityProviderId } | { kind: 'oidc'; providerArn: string };
      audience: string;
    }
  | { type: 'saml'; providerArn: string; access: 'programmatic' | 'programmatic-and-console' }
  | { type: 'custom'; json: string };

type ConditionBlock = Record<string, Record<string, string | string[]>>;

export interface TrustStatement {
  Effect: 'Allow';
  Action: string[];
  Principal: Record<string, string[]>;
  Condition?: ConditionBlock;
}

export interface TrustPolicyDocument {
  Version: '2012-10-17';
  Statement: TrustStatement[];
}

export interface GeneratedTrustPolicy {
  /** Pretty-printed with 4 spaces, as the console's JSON preview. For `custom`, the user's text unchanged. */
  json: string;
  /** The parsed document; undefined when a custom policy is not valid JSON (the checker explains why). */
  document: unknown;
}

export function findService(serviceId: string): TrustedService | undefined {
  return TRUSTED_SERVICES.find((service) => service.id === serviceId);
}

export function findUseCase(serviceId: string, useCaseId: string): ServiceUseCase | undefined {
  return findService(serviceId)?.useCases.find((useCase) => useCase.id === useCaseId);
}

export function findWebIdentityProvider(id: WebIdentityProviderId): WebIdentityProvider {
  const provider = WEB_IDENTITY_PROVIDERS.find((candidate) => candidate.id === id);
  if (!provider) throw new Error(`Unknown web identity provider ${id}`);
  return provider;
}

/** The audience condition key for an OIDC provider ARN: `<provider URL without https://>:aud`. */
export function oidcAudienceKey(providerArn: string): string {
  const match = /:oidc-provider\/(.+)$/.exec(providerArn);
  return `${match ? match[1] : providerArn}:aud`;
}

/** Generates the trust policy for a selection, shaped like the console's (single-element arrays, 4-space JSON). */
export function generateTrustPolicy(selection: TrustedEntitySelection, accountId: string): GeneratedTrustPolicy {
  if (selection.type === 'custom') {
    let document: unknown;
    try {
      document = JSON.parse(selection.json);
    } catch {
      document = undefined;
    }
    return { json: selection.json, document };
  }
  const statement = trustStatement(selection, accountId);
  const document: TrustPolicyDocument = { Version: '2012-10-17', Statement: [statement] };
  return { json: JSON.stringify(document, null, 4), document };
}

function trustStatement(
  selection: Exclude<TrustedEntitySelection, { type: 'custom' }>,
  accountId: string,
): TrustStatement {
  switch (selection.type) {
    case 'aws-service': {
      const useCase = findUseCase(selection.serviceId, selection.useCaseId);
      if (!useCase) throw new Error(`Unknown service use case ${selection.serviceId}/${selection.useCaseId}`);
      return { Effect: 'Allow', Action: ['sts:AssumeRole'], Principal: { Service: [useCase.servicePrincipal] } };
    }
    case 'aws-account': {
      const trustedAccount = selection.account === 'this' ? accountId : (selection.otherAccountId ?? '').trim();
      const condition: ConditionBlock = {};
      if (selection.requireExternalId) condition.StringEquals = { 'sts:ExternalId': selection.externalId ?? '' };
      if (selection.requireMfa) condition.Bool = { 'aws:MultiFactorAuthPresent': 'true' };
      return withCondition(
        { Effect: 'Allow', Action: ['sts:AssumeRole'], Principal: { AWS: [`arn:aws:iam::${trustedAccount}:root`] } },
        condition,
      );
    }
    case 'web-identity': {
      const { principal, audienceKey } =
        selection.provider.kind === 'builtin'
          ? findWebIdentityProvider(selection.provider.id)
          : { principal: selection.provider.providerArn, audienceKey: oidcAudienceKey(selection.provider.providerArn) };
      return withCondition(
        { Effect: 'Allow', Action: ['sts:AssumeRoleWithWebIdentity'], Principal: { Federated: [principal] } },
        { StringEquals: { [audienceKey]: selection.audience.trim() } },
      );
    }
    case 'saml': {
      const condition: ConditionBlock =
        selection.access === 'programmatic-and-console' ? { StringEquals: { 'SAML:aud': SAML_CONSOLE_AUDIENCE } } : {};
      return withCondition(
        { Effect: 'Allow', Action: ['sts:AssumeRoleWithSAML'], Principal: { Federated: [selection.providerArn] } },
        condition,
      );
    }
  }
}

function withCondition(statement: TrustStatement, condition: ConditionBlock): TrustStatement {
  return Object.keys(condition).length > 0 ? { ...statement, Condition: condition } : statement;
}

/** The description the console pre-fills on the review step ("" when it pre-fills none). */
export function defaultDescription(selection: TrustedEntitySelection): string {
  if (selection.type !== 'aws-service') return '';
  return findUseCase(selection.serviceId, selection.useCaseId)?.description ?? '';
}

/** Policies the use case ticks in step 2 before the user chooses any. */
export function preselectedPolicies(selection: TrustedEntitySelection): readonly PreselectedPolicy[] {
  if (selection.type !== 'aws-service') return [];
  return findUseCase(selection.serviceId, selection.useCaseId)?.preselectedPolicies ?? [];
}

/** The role path the use case puts roles under. */
export function rolePathFor(selection: TrustedEntitySelection): string {
  if (selection.type !== 'aws-service') return '/';
  return findUseCase(selection.serviceId, selection.useCaseId)?.path ?? '/';
}

/** True only for the EC2 use cases whose role EC2 instances assume: the console then adds a same-name instance profile. */
export function createsInstanceProfile(selection: TrustedEntitySelection): boolean {
  if (selection.type !== 'aws-service') return false;
  return findUseCase(selection.serviceId, selection.useCaseId)?.createsInstanceProfile ?? false;
}
