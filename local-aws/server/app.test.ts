import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { CreateRoleCommand, GetRoleCommand, IAMClient, ListRolesCommand } from '@aws-sdk/client-iam';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalAws, type RunningLocalAws } from './app.ts';
import { LOCAL_WRITE_HEADERS } from './local-endpoints.ts';
import { testSettings } from './test-support.ts';

const run = promisify(execFile);
const ADMIN = { accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY' };

let localAws: RunningLocalAws;
const logs: string[] = [];

beforeAll(async () => {
  localAws = await startLocalAws(
    testSettings(),
    { log: (line) => logs.push(line) },
  );
}, 60_000);

afterAll(async () => {
  await localAws?.close();
});

describe('startLocalAws', () => {
  it('listens on a random port and serves health and config', async () => {
    expect(localAws.port).toBeGreaterThan(0);
    expect(localAws.url).toBe(`http://127.0.0.1:${localAws.port}`);
    expect(await (await fetch(`${localAws.url}/_local/health`)).json()).toMatchObject({ status: 'ok' });
    const config = (await (await fetch(`${localAws.url}/_local/config`)).json()) as { accountId: string; adminAccessKey: { accessKeyId: string } };
    expect(config.accountId).toBe('123456789012');
    expect(config.adminAccessKey.accessKeyId).toBe(ADMIN.accessKeyId);
  });

  it("publishes the user pool's JWKS at Cognito's well-known path, with CORS", async () => {
    const config = (await (await fetch(`${localAws.url}/_local/config`)).json()) as { userPoolId: string };
    const response = await fetch(`${localAws.url}/${config.userPoolId}/.well-known/jwks.json`, {
      headers: { Origin: 'http://127.0.0.1:3000' },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('access-control-allow-origin')).toBe('http://127.0.0.1:3000');
    const jwks = (await response.json()) as { keys: { kty: string; alg: string; kid: string }[] };
    expect(jwks.keys[0]).toMatchObject({ kty: 'RSA', alg: 'RS256' });
    expect((await fetch(`${localAws.url}/us-east-1_Unknown0/.well-known/jwks.json`)).status).toBe(404);
  });

  it('changes the IAM propagation delay at run time through /_local/iam-propagation', async () => {
    expect(await (await fetch(`${localAws.url}/_local/iam-propagation`)).json()).toEqual({ ms: 0 });
    const post = (body: string) => fetch(`${localAws.url}/_local/iam-propagation`, { method: 'POST', headers: LOCAL_WRITE_HEADERS, body });
    const bad = await post('{"ms": -1}');
    expect(bad.status).toBe(400);
    const set = await post('{"ms": 5000}');
    expect(await set.json()).toEqual({ ms: 5000 });
    expect(localAws.world.settings.iamPropagationMs).toBe(5000);
    await post('{"ms": 0}');
  });

  it('answers the SDK: STS GetCallerIdentity and IAM GetRole with the seeded admin key', async () => {
    const sts = new STSClient({ endpoint: localAws.url, region: 'us-east-1', credentials: ADMIN, maxAttempts: 1 });
    expect((await sts.send(new GetCallerIdentityCommand({}))).Arn).toBe('arn:aws:iam::123456789012:user/local-admin');
    const iam = new IAMClient({ endpoint: localAws.url, region: 'us-east-1', credentials: ADMIN, maxAttempts: 1 });
    const { Role } = await iam.send(new GetRoleCommand({ RoleName: 'console-admin' }));
    expect(Role?.Arn).toBe('arn:aws:iam::123456789012:role/iam-role-console/console-admin');
  });

  it('drop-after: a CreateRole whose reply is lost has created the role; the SDK retry then meets EntityAlreadyExists', async () => {
    const set = await fetch(`${localAws.url}/_local/faults`, {
      method: 'POST',
      headers: LOCAL_WRITE_HEADERS,
      body: JSON.stringify({ faults: 'drop-after=1,times=1,action=CreateRole' }),
    });
    expect(await set.json()).toMatchObject({ faults: 'drop-after=1,times=1,action=CreateRole' });
    const iam = new IAMClient({ endpoint: localAws.url, region: 'us-east-1', credentials: ADMIN, maxAttempts: 3 });
    const trust = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' }] });
    const error = await iam.send(new CreateRoleCommand({ RoleName: 'ReplyLostRole', AssumeRolePolicyDocument: trust })).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ name: 'EntityAlreadyExistsException', $metadata: { attempts: 2, httpStatusCode: 409 } });
    expect((await (await fetch(`${localAws.url}/_local/faults`)).json()) as { faults: string }).toMatchObject({ faults: '' });
    const { Roles } = await iam.send(new ListRolesCommand({}));
    expect(Roles?.filter((role) => role.RoleName === 'ReplyLostRole')).toHaveLength(1);
  });

  it('answers the AWS CLI v2 (/usr/bin/aws --endpoint-url)', async () => {
    const env = {
      ...process.env,
      AWS_ACCESS_KEY_ID: ADMIN.accessKeyId,
      AWS_SECRET_ACCESS_KEY: ADMIN.secretAccessKey,
      AWS_DEFAULT_REGION: 'us-east-1',
      AWS_EC2_METADATA_DISABLED: 'true',
      AWS_CONFIG_FILE: '/dev/null',
      AWS_SHARED_CREDENTIALS_FILE: '/dev/null',
    };
    const { stdout } = await run('/usr/bin/aws', ['--endpoint-url', localAws.url, 'sts', 'get-caller-identity', '--output', 'json'], { env });
    expect(JSON.parse(stdout)).toMatchObject({ Account: '123456789012', Arn: 'arn:aws:iam::123456789012:user/local-admin' });
    const refused = await run('/usr/bin/aws', ['--endpoint-url', localAws.url, 'iam', 'list-roles'], {
      env: { ...env, AWS_ACCESS_KEY_ID: 'AKIAUNKNOWNEXAMPLE00' },
    }).catch((error: { stderr: string }) => error);
    expect((refused as { stderr: string }).stderr).toContain(
      'An error occurred (InvalidClientTokenId) when calling the ListRoles operation: The security token included in the request is invalid.',
    );
  }, 60_000);

  it('reseeds on POST /_local/reset', async () => {
    const before = localAws.world;
    const response = await fetch(`${localAws.url}/_local/reset`, { method: 'POST', headers: LOCAL_WRITE_HEADERS });
    expect(response.status).toBe(200);
    expect(localAws.world).not.toBe(before);
    const sts = new STSClient({ endpoint: localAws.url, region: 'us-east-1', credentials: ADMIN, maxAttempts: 1 });
    expect((await sts.send(new GetCallerIdentityCommand({}))).Account).toBe('123456789012');
    expect(logs).toEqual([]);
  }, 60_000);
});
