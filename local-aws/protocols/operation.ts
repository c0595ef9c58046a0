/**
 * The contract between each service and the server that composes them (it lives with the protocols: services
 * implement it without knowing the server).
 *
 * A service is a table of operations and AWS's model of them. The server verifies the signature, decodes the
 * request against the operation's input shape (AWS's answer for a missing required member or a malformed value
 * comes from there, before any handler runs), awaits the optional `prepare`, runs `handle` inside one store
 * transaction (a request that throws changes nothing) and serializes what `handle` returns, or the AwsError it
 * throws.
 */
import type { AwsError } from './aws-error.ts';
import type { ConditionContext } from '../iam-policy/types.ts';
import type { ServiceModel } from './model/shapes.ts';

export type ServiceName = 'iam' | 'sts' | 'ec2' | 'cognito-idp' | 'cognito-identity';

/** Who signed the request. */
export interface Caller {
  /** The ARN AWS names in messages: arn:aws:iam::ACCT:user/NAME or arn:aws:sts::ACCT:assumed-role/ROLE/SESSION. */
  arn: string;
  /** AIDA… for a user, AROA…:SESSION for an assumed role (what GetCallerIdentity answers). */
  userId: string;
  accountId: string;
  accessKeyId: string;
  /** The IAM entity whose policies apply: arn:aws:iam::ACCT:user/PATH/NAME or arn:aws:iam::ACCT:role/PATH/NAME. */
  principalArn: string;
}

export interface RequestContext {
  requestId: string;
  service: ServiceName;
  /** The region of the credential scope (EC2's region), or the service's default for unsigned calls. */
  region: string;
  now: Date;
  /** Undefined only for public (unsigned) operations. */
  caller: Caller | undefined;
  /**
   * Throws the service's denial (IAM/STS: AccessDenied; EC2: UnauthorizedOperation, both 403) unless
   * the caller's policies allow `action` on `resource`. Global condition keys (aws:RequestedRegion,
   * aws:PrincipalArn, aws:CurrentTime, …) are added by the server; pass service keys such as
   * iam:PassedToService in `conditions`.
   */
  authorize(action: string, resource: string, conditions?: ConditionContext): void;
}

export type JsonObject = { [key: string]: unknown };

/**
 * One operation. `Input` is what the model decoder produced: `Decoded<SdkInput>` (protocols/model/decoded.ts),
 * e.g. `Decoded<CreateRoleRequest>`, whose required members are present.
 */
export interface OperationDefinition<Input extends object = object, Prepared = unknown> {
  /** Public operations are served without a signature (Cognito's InitiateAuth, GetId, …). */
  public?: boolean;
  /**
   * Work that must not block the event loop (scrypt password hashing, on libuv's thread pool), done after
   * authentication and before the transaction. It may read state but must not change it; what it resolves
   * to is `handle`'s third argument (undefined when `handle` is called without it, as unit tests do).
   * An AwsError it throws is answered like one from `handle`.
   */
  prepare?(input: Input, ctx: RequestContext): Promise<Prepared>;
  /**
   * Returns the output:
   * - awsQuery and json1.1: the SDK's output type (e.g. `{ Role: {...} }`), written by the operation's output shape
   *   from AWS's model (element order, list items, timestamps); members the model lacks are not written.
   * - ec2Query: the elements after <requestId>, with EC2's lowerCamel names (`{ reservationSet: [...] }`);
   *   arrays become <item> lists (not yet written by the model: EC2's views keep pre-written XML per instance).
   * Throws AwsError for AWS's errors. Must call ctx.authorize before any effect, unless public.
   */
  handle(input: Input, ctx: RequestContext, prepared?: Prepared): unknown;
}

interface ServiceBase {
  name: ServiceName;
  /** Builds the service's denial error from AWS's "User: … is not authorized to perform: …" sentence. */
  accessDenied(message: string): AwsError;
  /** AWS's model of the operations below (built with them: an operation the model lacks fails at start-up). */
  model: ServiceModel;
  operations: Record<string, OperationDefinition>;
}

export interface QueryService extends ServiceBase {
  protocol: 'awsQuery' | 'ec2Query';
  /** API version the Version parameter must carry, e.g. 2010-05-08 for IAM. */
  version: string;
  /** XML namespace of responses, e.g. https://iam.amazonaws.com/doc/2010-05-08/ */
  xmlNamespace: string;
}

export interface JsonService extends ServiceBase {
  protocol: 'json1.1';
  /** X-Amz-Target prefix, e.g. AWSCognitoIdentityProviderService */
  targetPrefix: string;
}

export type ServiceDefinition = QueryService | JsonService;
