/**
 * Test-only service definitions and helpers for the server's own tests: small fake IAM/EC2/Cognito
 * services that exercise routing, protocols, authorization and transactions without the real models.
 */
import { createHash, createHmac } from 'node:crypto';
import type { DescribeIamInstanceProfileAssociationsRequest } from '@aws-sdk/client-ec2';
import { DescribeIamInstanceProfileAssociations$ } from '@aws-sdk/client-ec2';
import type { GetRoleRequest } from '@aws-sdk/client-iam';
import { GetRole$ } from '@aws-sdk/client-iam';
import type { InitiateAuthRequest } from '@aws-sdk/client-cognito-identity-provider';
import { InitiateAuth$, ListUserPools$ } from '@aws-sdk/client-cognito-identity-provider';
import { SignatureV4 } from '@smithy/signature-v4';
import { AwsError } from '../protocols/aws-error.ts';
import { DEFAULT_CONSOLE_PORT, withLoopbackTwin, type LocalAwsSettings } from '../config.ts';
import type { Collection } from '../store/store.ts';
import type { Decoded } from '../protocols/model/decoded.ts';
import { ServiceModel } from '../protocols/model/shapes.ts';
import type { JsonService, OperationDefinition, QueryService } from '../protocols/operation.ts';

export const TEST_ACCOUNT = '123456789012';

/** Settings of an in-memory local AWS on a free loopback port, with AWS's default lifetimes, no faults and the default console origin. */
export function testSettings(overrides: Partial<LocalAwsSettings> = {}): LocalAwsSettings {
  return {
    port: 0,
    host: '127.0.0.1',
    dataDir: 'memory',
    iamPropagationMs: 0,
    faults: '',
    credentialsTtlSeconds: 3600,
    tokenTtlSeconds: 3600,
    allowedOrigins: withLoopbackTwin(`http://127.0.0.1:${DEFAULT_CONSOLE_PORT}`),
    allowedHosts: [],
    ...overrides,
  };
}

/** A static schema of a made-up operation whose input has optional string members (the SDK's array format). */
function fakeOperationSchema(name: string, members: string[]): unknown {
  const input = [3, 'test', `${name}Request`, 0, members, members.map(() => 0)];
  return [9, 'test', name, 0, () => input, () => 'unit'];
}

interface PutThingInput {
  Name?: string;
  FailAfterWrite?: string;
}

export function fakeIamService(things: Collection<{ name: string }>): QueryService {
  const operations: Record<string, OperationDefinition> = {
    GetRole: {
      handle: (input: Decoded<GetRoleRequest>, ctx) => {
        const name = input.RoleName;
        ctx.authorize('iam:GetRole', `arn:aws:iam::${TEST_ACCOUNT}:role/${name}`);
        return {
          Role: {
            RoleName: name,
            Path: '/',
            Arn: `arn:aws:iam::${TEST_ACCOUNT}:role/${name}`,
            RoleId: 'AROAEXAMPLEEXAMPLE123',
            CreateDate: new Date(Date.UTC(2026, 10, 28, 1, 2, 3)),
            AssumeRolePolicyDocument: encodeURIComponent('{"Version":"2012-10-17","Statement":[]}'),
            Description: 'line1\nline2 & <more>',
            MaxSessionDuration: 3600,
            Tags: [{ Key: 'team', Value: 'blue' }],
          },
        };
      },
    },
    PutThing: {
      handle: (input: PutThingInput, ctx) => {
        const name = input.Name ?? 'x';
        ctx.authorize('iam:CreateRole', `arn:aws:iam::${TEST_ACCOUNT}:role/${name}`);
        things.put(name, { name });
        if (input.FailAfterWrite === 'true') throw new AwsError('LimitExceeded', 'Cannot exceed quota', 409);
        return undefined;
      },
    },
    ForgetsToAuthorize: {
      handle: (input: PutThingInput) => {
        things.put(input.Name ?? 'unauthorized', { name: 'unauthorized' });
        return undefined;
      },
    },
    Crashes: {
      handle: (_input, ctx) => {
        ctx.authorize('iam:ListRoles', '*');
        throw new TypeError('boom');
      },
    },
  };
  const schemas = {
    GetRole$,
    PutThing$: fakeOperationSchema('PutThing', ['Name', 'FailAfterWrite']),
    ForgetsToAuthorize$: fakeOperationSchema('ForgetsToAuthorize', ['Name']),
    Crashes$: fakeOperationSchema('Crashes', []),
  };
  return {
    name: 'iam',
    protocol: 'awsQuery',
    version: '2010-05-08',
    xmlNamespace: 'https://iam.amazonaws.com/doc/2010-05-08/',
    accessDenied: (message) => new AwsError('AccessDenied', message, 403),
    model: new ServiceModel('awsQuery', schemas, Object.keys(operations)),
    operations,
  };
}

export function fakeEc2Service(): QueryService {
  return {
    name: 'ec2',
    protocol: 'ec2Query',
    version: '2016-11-15',
    xmlNamespace: 'http://ec2.amazonaws.com/doc/2016-11-15/',
    accessDenied: (message) =>
      new AwsError('UnauthorizedOperation', `You are not authorized to perform this operation. ${message}`, 403),
    model: new ServiceModel('ec2Query', { DescribeIamInstanceProfileAssociations$ }, [
      'DescribeIamInstanceProfileAssociations',
    ]),
    operations: {
      DescribeIamInstanceProfileAssociations: {
        handle: (input: Decoded<DescribeIamInstanceProfileAssociationsRequest>, ctx) => {
          ctx.authorize('ec2:DescribeIamInstanceProfileAssociations', '*');
          const ids = input.AssociationIds ?? [];
          return {
            iamInstanceProfileAssociationSet: (ids.length > 0 ? ids : ['iip-assoc-0123456789abcdef0']).map((id) => ({
              associationId: id,
              instanceId: 'i-0123456789abcdef0',
              iamInstanceProfile: { arn: `arn:aws:iam::${TEST_ACCOUNT}:instance-profile/web`, id: 'AIPAEXAMPLE' },
              state: 'associated',
              timestamp: new Date(Date.UTC(2026, 0, 2, 3, 4, 5)),
            })),
          };
        },
      },
    },
  };
}

export function fakeCognitoService(): JsonService {
  return {
    name: 'cognito-idp',
    protocol: 'json1.1',
    targetPrefix: 'AWSCognitoIdentityProviderService',
    accessDenied: (message) => new AwsError('AccessDeniedException', message, 400),
    model: new ServiceModel('json1.1', { InitiateAuth$, ListUserPools$ }, ['InitiateAuth', 'ListUserPools']),
    operations: {
      InitiateAuth: {
        public: true,
        handle: (input: Decoded<InitiateAuthRequest>) => {
          if (input.ClientId !== 'client-1')
            throw new AwsError('ResourceNotFoundException', 'User pool client client-x does not exist.');
          return {
            ChallengeParameters: {},
            AuthenticationResult: { AccessToken: 'a', ExpiresIn: 3600, TokenType: 'Bearer' },
          };
        },
      },
      ListUserPools: {
        handle: (_input, ctx) => {
          ctx.authorize('cognito-idp:ListUserPools', '*');
          return { UserPools: [{ Id: 'us-east-1_abc', Name: 'pool', CreationDate: new Date(1_800_000_000_000) }] };
        },
      },
    },
  };
}

/** A Checksum for @smithy/signature-v4 on node:crypto. */
export class NodeSha256 {
  private readonly hash;
  constructor(secret?: string | ArrayBuffer | ArrayBufferView) {
    this.hash = secret === undefined ? createHash('sha256') : createHmac('sha256', toBuffer(secret));
  }
  update(data: string | ArrayBuffer | ArrayBufferView): void {
    this.hash.update(toBuffer(data));
  }
  async digest(): Promise<Uint8Array> {
    return new Uint8Array(this.hash.digest());
  }
  reset(): void {}
}

function toBuffer(data: string | ArrayBuffer | ArrayBufferView): Buffer {
  if (typeof data === 'string') return Buffer.from(data, 'utf8');
  if (ArrayBuffer.isView(data)) return Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  return Buffer.from(data);
}

export interface SignedCallOptions {
  service: string;
  region?: string;
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
  body: string;
  headers?: Record<string, string>;
  signingDate?: Date;
}

/** Signs a POST / for `url` with the SDK's signer: the headers to send, less Host (the client sets it). */
export async function signedHeaders(url: string, options: SignedCallOptions): Promise<Record<string, string>> {
  const target = new URL(url);
  const signer = new SignatureV4({
    credentials: {
      accessKeyId: options.accessKeyId,
      secretAccessKey: options.secretAccessKey,
      sessionToken: options.sessionToken,
    },
    region: options.region ?? 'us-east-1',
    service: options.service,
    sha256: NodeSha256,
  });
  const headers: Record<string, string> = {
    host: target.host,
    'content-type': 'application/x-www-form-urlencoded; charset=utf-8',
    ...options.headers,
  };
  const signed = await signer.sign(
    {
      method: 'POST',
      protocol: 'http:',
      hostname: target.hostname,
      port: Number(target.port),
      path: '/',
      query: {},
      headers,
      body: options.body,
    },
    { signingDate: options.signingDate ?? new Date() },
  );
  const sendHeaders = { ...signed.headers };
  delete sendHeaders['host'];
  return sendHeaders;
}

/** Signs a POST / for `url` with the SDK's signer and sends it with fetch. */
export async function signedFetch(url: string, options: SignedCallOptions): Promise<Response> {
  return fetch(url, { method: 'POST', headers: await signedHeaders(url, options), body: options.body });
}
