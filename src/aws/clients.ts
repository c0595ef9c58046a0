/**
 * Signed AWS clients (IAM, EC2, STS), created lazily — EC2 once per region — with the configured endpoint
 * and the signed-in user's credentials. Only bare clients and single commands are imported, never the
 * aggregated service classes, to keep the bundle small. Feature API modules import this; they live in
 * lazily loaded page chunks, so the SDK never lands in the sign-in page's first chunk.
 */
import { IAMClient } from '@aws-sdk/client-iam';
import { EC2Client } from '@aws-sdk/client-ec2';
import { STSClient, GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import type { AwsCredentialIdentity, AwsCredentialIdentityProvider, InitializeMiddleware, MetadataBearer } from '@aws-sdk/types';
import { getAwsEnvironment } from './environment.ts';
import { RETRY_SETTINGS } from './retry.ts';
import { SessionEndedError } from './credentials.ts';

let credentialProvider: AwsCredentialIdentityProvider | undefined;
let credentialsRejectedHandler: (() => Promise<void>) | undefined;

/** Answers meaning AWS no longer accepts this session's credentials (revoked or expired), not a request bug. */
const REJECTED_CREDENTIAL_CODES = new Set(['InvalidClientTokenId', 'UnrecognizedClientException', 'AuthFailure', 'ExpiredToken', 'ExpiredTokenException']);
let iam: IAMClient | undefined;
let sts: STSClient | undefined;
const ec2ByRegion = new Map<string, EC2Client>();

/** The SDK asks this for credentials before every request; it forwards to the signed-in session. */
const sessionCredentials: AwsCredentialIdentityProvider = async (): Promise<AwsCredentialIdentity> => {
  if (!credentialProvider) throw new SessionEndedError();
  return credentialProvider();
};

function commonSettings(region: string) {
  const { endpoint } = getAwsEnvironment();
  return { region, credentials: sessionCredentials, ...(endpoint ? { endpoint } : {}), ...RETRY_SETTINGS };
}

/**
 * Called by the auth feature: `handler` runs (and is awaited) when a signed call is refused because of its
 * credentials, before the error reaches the caller, so a revoked session can end and return to sign-in.
 */
export function setCredentialsRejectedHandler(handler: (() => Promise<void>) | undefined): void {
  credentialsRejectedHandler = handler;
}

const rejectionCheck: InitializeMiddleware<object, MetadataBearer> = (next) => async (args) => {
  try {
    return await next(args);
  } catch (error) {
    const name = typeof error === 'object' && error !== null ? (error as { name?: unknown }).name : undefined;
    if (typeof name === 'string' && REJECTED_CREDENTIAL_CODES.has(name) && credentialsRejectedHandler) {
      await credentialsRejectedHandler().catch(() => undefined);
    }
    throw error;
  }
};
const REJECTION_CHECK_OPTIONS = { step: 'initialize', name: 'credentialsRejectedCheck' } as const;

/** Called by the auth feature at sign-in (with the session's provider) and at sign-out (with undefined). */
export function setCredentialProvider(provider: AwsCredentialIdentityProvider | undefined): void {
  credentialProvider = provider;
  if (!provider) resetAwsClients();
}

/** IAM is a global service: one client, signed for the configured default region. */
export function iamClient(): IAMClient {
  if (!iam) {
    iam = new IAMClient(commonSettings(getAwsEnvironment().region));
    iam.middlewareStack.add(rejectionCheck, REJECTION_CHECK_OPTIONS);
  }
  return iam;
}

export function stsClient(): STSClient {
  if (!sts) {
    sts = new STSClient(commonSettings(getAwsEnvironment().region));
    sts.middlewareStack.add(rejectionCheck, REJECTION_CHECK_OPTIONS);
  }
  return sts;
}

export function ec2Client(region: string): EC2Client {
  let client = ec2ByRegion.get(region);
  if (!client) {
    client = new EC2Client(commonSettings(region));
    client.middlewareStack.add(rejectionCheck, REJECTION_CHECK_OPTIONS);
    ec2ByRegion.set(region, client);
  }
  return client;
}

export interface CallerIdentity {
  account: string;
  arn: string;
  userId: string;
}

/** STS GetCallerIdentity: who AWS thinks we are (needs no permission). */
export async function getCallerIdentity(): Promise<CallerIdentity> {
  const output = await stsClient().send(new GetCallerIdentityCommand({}));
  if (!output.Account || !output.Arn || !output.UserId) throw new Error('STS answered GetCallerIdentity without an identity.');
  return { account: output.Account, arn: output.Arn, userId: output.UserId };
}

export function resetAwsClients(): void {
  iam?.destroy();
  sts?.destroy();
  for (const client of ec2ByRegion.values()) client.destroy();
  iam = undefined;
  sts = undefined;
  ec2ByRegion.clear();
}
