import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { EC2Client, DescribeIamInstanceProfileAssociationsCommand } from '@aws-sdk/client-ec2';
import { IAMClient, GetRoleCommand } from '@aws-sdk/client-iam';
import { CognitoIdentityProviderClient, InitiateAuthCommand, ListUserPoolsCommand } from '@aws-sdk/client-cognito-identity-provider';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { CredentialStore } from '../identity/credentials.ts';
import { createStsService } from '../services/sts/index.ts';
import { openStore, type Store } from '../store/store.ts';
import { describeFaults, FaultInjector, parseFaults } from './faults.ts';
import { createLocalAwsServer, type LocalAwsRuntime } from './http.ts';
import { LOCAL_WRITE_HEADERS } from './local-endpoints.ts';
import type { ServiceDefinition } from '../protocols/operation.ts';
import { fakeCognitoService, fakeEc2Service, fakeIamService, signedFetch, TEST_ACCOUNT } from './test-support.ts';

const ADMIN_KEY = 'AKIAIOSFODNN7EXAMPLE';
const ADMIN_SECRET = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';
const READER_KEY = 'AKIAREADEREXAMPLE001';
const READER_SECRET = 'readerSecretreaderSecretreaderSecret1234';
const ADMIN_ARN = `arn:aws:iam::${TEST_ACCOUNT}:user/local-admin`;
const READER_ARN = `arn:aws:iam::${TEST_ACCOUNT}:user/reader`;

const ALLOW_ALL = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] });
const READ_ONLY = JSON.stringify({
  Version: '2012-10-17',
  Statement: [
    { Effect: 'Allow', Action: ['iam:Get*', 'iam:List*'], Resource: '*' },
    { Effect: 'Deny', Action: 'iam:GetRole', Resource: `arn:aws:iam::${TEST_ACCOUNT}:role/secret` },
  ],
});

let server: Server;
let url: string;
let store: Store;
let credentials: CredentialStore;
let services: ServiceDefinition[];
let faults: FaultInjector;
let resets = 0;
const logLines: string[] = [];

function runtime(): LocalAwsRuntime {
  return {
    store,
    credentials,
    policies: {
      principalPolicies: (arn) => (arn === ADMIN_ARN ? { identityPolicies: [ALLOW_ALL] } : arn === READER_ARN ? { identityPolicies: [READ_ONLY] } : undefined),
    },
    services,
    config: () => store.collection('local').get('config'),
    publicDocument: () => undefined,
  };
}

beforeAll(async () => {
  store = openStore('memory');
  credentials = new CredentialStore(store);
  credentials.addUserAccessKey({ accessKeyId: ADMIN_KEY, secretAccessKey: ADMIN_SECRET, userArn: ADMIN_ARN, userId: 'AIDAADMINEXAMPLE00001', accountId: TEST_ACCOUNT });
  credentials.addUserAccessKey({ accessKeyId: READER_KEY, secretAccessKey: READER_SECRET, userArn: READER_ARN, userId: 'AIDAREADEREXAMPLE0001', accountId: TEST_ACCOUNT });
  store.collection('local').put('config', { accountId: TEST_ACCOUNT, region: 'us-east-1' });
  services = [fakeIamService(store.collection('things')), createStsService(), fakeEc2Service(), fakeCognitoService()];
  faults = new FaultInjector();
  server = createLocalAwsServer({
    runtime,
    reset: () => {
      resets += 1;
    },
    faults,
    iamPropagationMs: { get: () => 0, set: () => undefined },
    log: (line) => logLines.push(line),
    maxBodyBytes: 64 * 1024,
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

beforeEach(() => faults.set(parseFaults('')));

const admin = { accessKeyId: ADMIN_KEY, secretAccessKey: ADMIN_SECRET };
const sdkConfig = () => ({ endpoint: url, region: 'us-east-1', credentials: admin, maxAttempts: 1 });

describe('real AWS SDK v3 clients', () => {
  it('STS GetCallerIdentity (the real STS service)', async () => {
    const sts = new STSClient(sdkConfig());
    const identity = await sts.send(new GetCallerIdentityCommand({}));
    expect(identity).toMatchObject({ Arn: ADMIN_ARN, Account: TEST_ACCOUNT, UserId: 'AIDAADMINEXAMPLE00001' });
    expect(identity.$metadata.requestId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('IAM GetRole parses our awsQuery XML, including escaped control characters', async () => {
    const iam = new IAMClient(sdkConfig());
    const { Role } = await iam.send(new GetRoleCommand({ RoleName: 'web+app' }));
    expect(Role).toMatchObject({ RoleName: 'web+app', Description: 'line1\nline2 & <more>', MaxSessionDuration: 3600, Tags: [{ Key: 'team', Value: 'blue' }] });
    expect(Role?.CreateDate?.toISOString()).toBe('2026-11-28T01:02:03.000Z');
  });

  it('denials reach the SDK with AWS sentence (IAM explicit deny, EC2 implicit deny)', async () => {
    const reader = { accessKeyId: READER_KEY, secretAccessKey: READER_SECRET };
    const iam = new IAMClient({ ...sdkConfig(), credentials: reader });
    await expect(iam.send(new GetRoleCommand({ RoleName: 'secret' }))).rejects.toMatchObject({
      name: 'AccessDenied',
      message: `User: ${READER_ARN} is not authorized to perform: iam:GetRole on resource: arn:aws:iam::${TEST_ACCOUNT}:role/secret with an explicit deny in an identity-based policy`,
      $metadata: { httpStatusCode: 403 },
    });
    const ec2 = new EC2Client({ ...sdkConfig(), credentials: reader });
    await expect(ec2.send(new DescribeIamInstanceProfileAssociationsCommand({}))).rejects.toMatchObject({
      name: 'UnauthorizedOperation',
      message: `You are not authorized to perform this operation. User: ${READER_ARN} is not authorized to perform: ec2:DescribeIamInstanceProfileAssociations on resource: * because no identity-based policy allows the ec2:DescribeIamInstanceProfileAssociations action`,
      $metadata: { httpStatusCode: 403 },
    });
  });

  it('IAM refuses an unknown key as InvalidClientTokenId, a wrong secret as SignatureDoesNotMatch', async () => {
    const unknown = new IAMClient({ ...sdkConfig(), credentials: { accessKeyId: 'AKIAUNKNOWNEXAMPLE00', secretAccessKey: ADMIN_SECRET } });
    await expect(unknown.send(new GetRoleCommand({ RoleName: 'a' }))).rejects.toMatchObject({
      name: 'InvalidClientTokenId',
      message: 'The security token included in the request is invalid.',
      $metadata: { httpStatusCode: 403 },
    });
    const wrong = new IAMClient({ ...sdkConfig(), credentials: { accessKeyId: ADMIN_KEY, secretAccessKey: 'nope' } });
    await expect(wrong.send(new GetRoleCommand({ RoleName: 'a' }))).rejects.toMatchObject({ name: 'SignatureDoesNotMatch', $metadata: { httpStatusCode: 403 } });
  });

  it('EC2 DescribeIamInstanceProfileAssociations parses our ec2Query XML', async () => {
    const ec2 = new EC2Client(sdkConfig());
    const out = await ec2.send(new DescribeIamInstanceProfileAssociationsCommand({ AssociationIds: ['iip-assoc-1', 'iip-assoc-2'] }));
    expect(out.IamInstanceProfileAssociations?.map((a) => a.AssociationId)).toEqual(['iip-assoc-1', 'iip-assoc-2']);
    expect(out.IamInstanceProfileAssociations?.[0]?.Timestamp?.toISOString()).toBe('2026-01-02T03:04:05.000Z');
    expect(out.$metadata.requestId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('EC2 refuses an unknown key with AuthFailure', async () => {
    const ec2 = new EC2Client({ ...sdkConfig(), credentials: { accessKeyId: 'AKIAUNKNOWNEXAMPLE00', secretAccessKey: 'x' } });
    await expect(ec2.send(new DescribeIamInstanceProfileAssociationsCommand({}))).rejects.toMatchObject({
      name: 'AuthFailure',
      message: 'AWS was not able to validate the provided access credentials',
    });
  });

  it('Cognito public InitiateAuth works unsigned; errors carry __type', async () => {
    const cognito = new CognitoIdentityProviderClient({ endpoint: url, region: 'us-east-1', maxAttempts: 1, credentials: admin });
    const ok = await cognito.send(new InitiateAuthCommand({ ClientId: 'client-1', AuthFlow: 'USER_PASSWORD_AUTH', AuthParameters: {} }));
    expect(ok.AuthenticationResult?.TokenType).toBe('Bearer');
    await expect(cognito.send(new InitiateAuthCommand({ ClientId: 'client-x', AuthFlow: 'USER_PASSWORD_AUTH' }))).rejects.toMatchObject({
      name: 'ResourceNotFoundException',
      message: 'User pool client client-x does not exist.',
    });
    const pools = await cognito.send(new ListUserPoolsCommand({ MaxResults: 10 }));
    expect(pools.UserPools?.[0]?.CreationDate?.getTime()).toBe(1_800_000_000_000);
  });
});

const iamBody = 'Action=GetRole&Version=2010-05-08&RoleName=web';

describe('wire-level behaviour', () => {
  it('answers an unsigned IAM call with MissingAuthenticationToken (403)', async () => {
    const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: iamBody });
    expect(response.status).toBe(403);
    const text = await response.text();
    expect(text).toContain('<Code>MissingAuthenticationToken</Code><Message>Request is missing Authentication Token</Message>');
    expect(text).toContain('xmlns="https://iam.amazonaws.com/doc/2010-05-08/"');
    expect(response.headers.get('x-amzn-requestid')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('answers an unsigned EC2 call as EC2 does', async () => {
    const response = await fetch(url, { method: 'POST', body: 'Action=DescribeIamInstanceProfileAssociations&Version=2016-11-15' });
    expect(response.status).toBe(400);
    expect(await response.text()).toContain('<Response><Errors><Error><Code>MissingParameter</Code><Message>The request must contain the parameter AWSAccessKeyId</Message>');
  });

  it('answers an unknown action and a wrong version with InvalidAction', async () => {
    const unknown = await signedFetch(url, { service: 'iam', ...admin, body: 'Action=FlyToMoon&Version=2010-05-08' });
    expect(unknown.status).toBe(400);
    expect(await unknown.text()).toContain('<Code>InvalidAction</Code><Message>Could not find operation FlyToMoon for version 2010-05-08</Message>');
    const version = await signedFetch(url, { service: 'iam', ...admin, body: 'Action=GetRole&Version=2009-01-01&RoleName=a' });
    expect(await version.text()).toContain('Could not find operation GetRole for version 2009-01-01');
    const ec2 = await signedFetch(url, { service: 'ec2', ...admin, body: 'Action=FlyToMoon&Version=2016-11-15' });
    expect(await ec2.text()).toContain('<Code>InvalidAction</Code><Message>The action FlyToMoon is not valid for this web service.</Message>');
  });

  it('refuses a signature scoped to another service than the one addressed', async () => {
    const response = await signedFetch(url, {
      service: 'iam',
      ...admin,
      body: '{"MaxResults":1}',
      headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': 'AWSCognitoIdentityProviderService.ListUserPools' },
    });
    expect(response.status).toBe(400);
    expect(response.headers.get('x-amzn-errortype')).toBe('InvalidSignatureException');
    expect(await response.json()).toEqual({ __type: 'InvalidSignatureException', message: "Credential should be scoped to correct service: 'cognito-idp'. " });
  });

  it('answers a skewed clock as IAM and EC2 do', async () => {
    const old = new Date(Date.now() - 20 * 60 * 1000);
    const iam = await signedFetch(url, { service: 'iam', ...admin, body: iamBody, signingDate: old });
    expect(iam.status).toBe(403);
    expect(await iam.text()).toMatch(/<Code>SignatureDoesNotMatch<\/Code><Message>Signature expired: \d{8}T\d{6}Z is now earlier than \d{8}T\d{6}Z \(\d{8}T\d{6}Z - 15 min\.\)<\/Message>/);
    const ec2 = await signedFetch(url, { service: 'ec2', ...admin, body: 'Action=DescribeIamInstanceProfileAssociations&Version=2016-11-15', signingDate: old });
    expect(ec2.status).toBe(400);
    expect(await ec2.text()).toContain('<Code>RequestExpired</Code><Message>Request has expired.</Message>');
  });

  it('handles temporary credentials: token required, expiry and revocation', async () => {
    const session = credentials.issueRoleSession({ roleArn: `arn:aws:iam::${TEST_ACCOUNT}:role/console-admin`, roleId: 'AROAEXAMPLE', sessionName: 's', accountId: TEST_ACCOUNT, ttlSeconds: 3600, now: new Date() });
    const body = 'Action=GetCallerIdentity&Version=2011-06-15';
    const ok = await signedFetch(url, { service: 'sts', accessKeyId: session.accessKeyId, secretAccessKey: session.secretAccessKey, sessionToken: session.sessionToken, body });
    expect(await ok.text()).toContain(`<Arn>arn:aws:sts::${TEST_ACCOUNT}:assumed-role/console-admin/s</Arn>`);
    const noToken = await signedFetch(url, { service: 'sts', accessKeyId: session.accessKeyId, secretAccessKey: session.secretAccessKey, body });
    expect(await noToken.text()).toContain('<Code>InvalidClientTokenId</Code>');

    const expired = credentials.issueRoleSession({ roleArn: `arn:aws:iam::${TEST_ACCOUNT}:role/r`, roleId: 'AROAEXAMPLE', sessionName: 's', accountId: TEST_ACCOUNT, ttlSeconds: 1, now: new Date(Date.now() - 10_000) });
    const late = await signedFetch(url, { service: 'iam', accessKeyId: expired.accessKeyId, secretAccessKey: expired.secretAccessKey, sessionToken: expired.sessionToken, body: iamBody });
    expect(late.status).toBe(403);
    expect(await late.text()).toContain('<Code>ExpiredToken</Code><Message>The security token included in the request is expired</Message>');

    credentials.revoke([session.accessKeyId]);
    const revoked = await signedFetch(url, { service: 'sts', accessKeyId: session.accessKeyId, secretAccessKey: session.secretAccessKey, sessionToken: session.sessionToken, body });
    expect(await revoked.text()).toContain('<Code>InvalidClientTokenId</Code>');
  });

  it('rolls back the writes of a call that fails', async () => {
    const response = await signedFetch(url, { service: 'iam', ...admin, body: 'Action=PutThing&Version=2010-05-08&Name=rolled&FailAfterWrite=true' });
    expect(response.status).toBe(409);
    expect(store.collection('things').has('rolled')).toBe(false);
    const kept = await signedFetch(url, { service: 'iam', ...admin, body: 'Action=PutThing&Version=2010-05-08&Name=kept' });
    expect(kept.status).toBe(200);
    expect(await kept.text()).toMatch(/^<PutThingResponse xmlns="https:\/\/iam\.amazonaws\.com\/doc\/2010-05-08\/"><ResponseMetadata><RequestId>/);
    expect(store.collection('things').has('kept')).toBe(true);
  });

  it('answers 500 InternalFailure, logs and rolls back when a handler never calls authorize', async () => {
    const response = await signedFetch(url, { service: 'iam', ...admin, body: 'Action=ForgetsToAuthorize&Version=2010-05-08&Name=sneaky' });
    expect(response.status).toBe(500);
    expect(await response.text()).toContain('<Type>Receiver</Type><Code>InternalFailure</Code>');
    expect(store.collection('things').has('sneaky')).toBe(false);
    expect(logLines.some((line) => line.includes('iam:ForgetsToAuthorize finished without calling ctx.authorize'))).toBe(true);
  });

  it('turns an unexpected exception into ServiceFailure and logs it', async () => {
    const response = await signedFetch(url, { service: 'iam', ...admin, body: 'Action=Crashes&Version=2010-05-08' });
    expect(response.status).toBe(500);
    expect(await response.text()).toContain('<Code>ServiceFailure</Code>');
    expect(logLines.some((line) => line.includes('iam:Crashes failed: TypeError: boom'))).toBe(true);
  });

  it('refuses an oversized body without crashing, then keeps serving', async () => {
    const big = `Action=GetRole&Version=2010-05-08&RoleName=${'a'.repeat(70 * 1024)}`;
    const response = await signedFetch(url, { service: 'iam', ...admin, body: big });
    expect(response.status).toBe(413);
    expect(await response.text()).toContain('<Code>RequestEntityTooLarge</Code>');
    const after = await signedFetch(url, { service: 'iam', ...admin, body: iamBody });
    expect(after.status).toBe(200);
  });

  it('answers an unknown X-Amz-Target with UnknownOperationException', async () => {
    const response = await fetch(url, { method: 'POST', headers: { 'x-amz-target': 'AWSCognitoIdentityProviderService.Teleport', 'content-type': 'application/x-amz-json-1.1' }, body: '{}' });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { __type: string }).__type).toBe('UnknownOperationException');
  });
});

describe('/_local endpoints and faults', () => {
  it('reports health and resets', async () => {
    const health = await fetch(`${url}/_local/health`);
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ status: 'ok', services: ['iam', 'sts', 'ec2', 'cognito-idp'] });
    const reset = await fetch(`${url}/_local/reset`, { method: 'POST', headers: LOCAL_WRITE_HEADERS });
    expect(reset.status).toBe(200);
    expect(resets).toBe(1);
  });

  it('changes faults at runtime and throttles as each service does', async () => {
    const set = await fetch(`${url}/_local/faults`, {
      method: 'POST',
      headers: LOCAL_WRITE_HEADERS,
      body: JSON.stringify({ faults: 'throttle=1,action=GetRole|DescribeIamInstanceProfileAssociations' }),
    });
    expect(await set.json()).toMatchObject({ faults: 'throttle=1,action=GetRole|DescribeIamInstanceProfileAssociations' });
    const iam = await signedFetch(url, { service: 'iam', ...admin, body: iamBody });
    expect(iam.status).toBe(400);
    expect(await iam.text()).toContain('<Code>Throttling</Code><Message>Rate exceeded</Message>');
    const ec2 = await signedFetch(url, { service: 'ec2', ...admin, body: 'Action=DescribeIamInstanceProfileAssociations&Version=2016-11-15' });
    expect(ec2.status).toBe(503);
    expect(await ec2.text()).toContain('<Code>RequestLimitExceeded</Code>');
    const other = await signedFetch(url, { service: 'sts', ...admin, body: 'Action=GetCallerIdentity&Version=2011-06-15' });
    expect(other.status).toBe(200);
    const bad = await fetch(`${url}/_local/faults`, { method: 'POST', headers: LOCAL_WRITE_HEADERS, body: '{"faults":"throttle=2"}' });
    expect(bad.status).toBe(400);
  });

  it('injects 500s, delays and dropped connections', async () => {
    faults.set(parseFaults('error=1'));
    const failed = await signedFetch(url, { service: 'iam', ...admin, body: iamBody });
    expect(failed.status).toBe(500);
    expect(await failed.text()).toContain('<Code>ServiceFailure</Code>');
    faults.set(parseFaults('delay=150'));
    const started = Date.now();
    expect((await signedFetch(url, { service: 'iam', ...admin, body: iamBody })).status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
    faults.set(parseFaults('drop=1'));
    await expect(signedFetch(url, { service: 'iam', ...admin, body: iamBody })).rejects.toThrow();
  });

  it('drop=1 loses the call before the handler: nothing is written', async () => {
    faults.set(parseFaults('drop=1,action=PutThing'));
    await expect(signedFetch(url, { service: 'iam', ...admin, body: 'Action=PutThing&Version=2010-05-08&Name=never-written' })).rejects.toThrow();
    expect(store.collection('things').has('never-written')).toBe(false);
  });

  it('drop-after=1 carries the call out and commits it, then loses the reply; times=1 stops after one call', async () => {
    expect(describeFaults(parseFaults('action=PutThing,times=1,drop-after=1'))).toBe('drop-after=1,times=1,action=PutThing');
    const set = await fetch(`${url}/_local/faults`, { method: 'POST', headers: LOCAL_WRITE_HEADERS, body: JSON.stringify({ faults: 'drop-after=1,times=1,action=PutThing' }) });
    expect(await set.json()).toMatchObject({ faults: 'drop-after=1,times=1,action=PutThing' });
    // Other operations pass untouched and do not use up the one faulted call.
    expect((await signedFetch(url, { service: 'iam', ...admin, body: iamBody })).status).toBe(200);

    const lost = signedFetch(url, { service: 'iam', ...admin, body: 'Action=PutThing&Version=2010-05-08&Name=reply-lost' });
    await expect(lost).rejects.toThrow();
    expect(store.collection('things').get('reply-lost')).toEqual({ name: 'reply-lost' });
    expect(describeFaults(faults.settings)).toBe('');
    expect(await (await fetch(`${url}/_local/faults`)).json()).toMatchObject({ faults: '' });

    // The same call sent again (as a retrying client would) is answered.
    const again = await signedFetch(url, { service: 'iam', ...admin, body: 'Action=PutThing&Version=2010-05-08&Name=reply-lost' });
    expect(again.status).toBe(200);
  });

  it('drop-after loses error replies too, and a failed call still rolls back', async () => {
    faults.set(parseFaults('drop-after=1,action=PutThing'));
    const body = 'Action=PutThing&Version=2010-05-08&Name=failed-after-write&FailAfterWrite=true';
    await expect(signedFetch(url, { service: 'iam', ...admin, body })).rejects.toThrow();
    expect(store.collection('things').has('failed-after-write')).toBe(false);
    faults.set(parseFaults(''));
    const answered = await signedFetch(url, { service: 'iam', ...admin, body });
    expect(answered.status).toBe(409);
  });
});
