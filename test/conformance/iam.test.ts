/**
 * IAM conformance: the guide's CLI commands (ec2-iam-role-guide.txt) and AWS's error answers, through the
 * real AWS CLI v2 against a fresh in-memory local AWS. Expected texts: aws-semantics.md §B.1–B.8.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aws, cliError, fileArg, startServer, type CliResult, type StartedServer } from './cli.ts';

const ACCOUNT = '123456789012';
const TRUST = {
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' }],
};
const S3_ADMIN = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: ['s3:*'], Resource: ['*'] }] };
const S3_READ_ARN = 'arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess';
const ISO_DATE = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$/;

let server: StartedServer;
let trustFile: string;

beforeAll(async () => {
  server = await startServer();
  trustFile = fileArg(JSON.stringify(TRUST, null, 4), 'ec2-role-trust-policy.json');
});

afterAll(async () => {
  await server?.close();
});

type Json = Record<string, unknown>;

function ok(result: CliResult): Json {
  expect(result.stderr).toBe('');
  expect(result.status).toBe(0);
  return (result.json ?? {}) as Json;
}

function failed(result: CliResult, code: string, operation: string, message: string): void {
  expect(result.stderr.trim()).toBe(cliError(code, operation, message));
  expect(result.status).toBe(254);
}

let s3ReadAttachments = 0;

async function attachmentCount(policyArn: string): Promise<number> {
  const { Policy } = ok(await aws(['iam', 'get-policy', '--policy-arn', policyArn])) as {
    Policy: { AttachmentCount: number };
  };
  return Policy.AttachmentCount;
}

async function createRole(name: string, ...extra: string[]): Promise<Json> {
  return ok(
    await aws(['iam', 'create-role', '--role-name', name, '--assume-role-policy-document', trustFile, ...extra]),
  );
}

describe('the guide: create MatillionRole and give it to EC2', () => {
  it('create-role returns the role without Description, MaxSessionDuration or RoleLastUsed', async () => {
    const { Role } = (await createRole('MatillionRole')) as { Role: Json };
    expect(Role).toEqual({
      Path: '/',
      RoleName: 'MatillionRole',
      RoleId: expect.stringMatching(/^AROA[A-Z2-7]{17}$/),
      Arn: `arn:aws:iam::${ACCOUNT}:role/MatillionRole`,
      CreateDate: expect.stringMatching(ISO_DATE),
      AssumeRolePolicyDocument: TRUST,
    });
  });

  it('put-role-policy, then get-role-policy returns the document (URL-decoded by the CLI)', async () => {
    const accessFile = fileArg(JSON.stringify(S3_ADMIN, null, 2), 'ec2-role-access-policy.json');
    const put = await aws([
      'iam',
      'put-role-policy',
      '--role-name',
      'MatillionRole',
      '--policy-name',
      'S3-Permissions',
      '--policy-document',
      accessFile,
    ]);
    expect(ok(put)).toEqual({});
    expect(put.stdout).toBe('');
    expect(
      ok(await aws(['iam', 'get-role-policy', '--role-name', 'MatillionRole', '--policy-name', 'S3-Permissions'])),
    ).toEqual({
      RoleName: 'MatillionRole',
      PolicyName: 'S3-Permissions',
      PolicyDocument: S3_ADMIN,
    });
    expect(ok(await aws(['iam', 'list-role-policies', '--role-name', 'MatillionRole']))).toEqual({
      PolicyNames: ['S3-Permissions'],
    });
  });

  it('attach-role-policy and list-attached-role-policies', async () => {
    s3ReadAttachments = await attachmentCount(S3_READ_ARN);
    ok(await aws(['iam', 'attach-role-policy', '--role-name', 'MatillionRole', '--policy-arn', S3_READ_ARN]));
    expect(ok(await aws(['iam', 'list-attached-role-policies', '--role-name', 'MatillionRole']))).toEqual({
      AttachedPolicies: [{ PolicyName: 'AmazonS3ReadOnlyAccess', PolicyArn: S3_READ_ARN }],
    });
    const { Policy } = ok(await aws(['iam', 'get-policy', '--policy-arn', S3_READ_ARN])) as { Policy: Json };
    // The seed may attach this policy elsewhere: count relative to before.
    expect(Policy).toMatchObject({
      PolicyName: 'AmazonS3ReadOnlyAccess',
      Path: '/',
      AttachmentCount: s3ReadAttachments + 1,
      IsAttachable: true,
      Tags: [],
    });
  });

  it('tag-role, put-role-permissions-boundary and get-role', async () => {
    ok(
      await aws(['iam', 'tag-role', '--role-name', 'MatillionRole', '--tags', 'Key=Team,Value=Data', 'Key=Env,Value=']),
    );
    ok(
      await aws([
        'iam',
        'put-role-permissions-boundary',
        '--role-name',
        'MatillionRole',
        '--permissions-boundary',
        S3_READ_ARN,
      ]),
    );
    const { Role } = ok(await aws(['iam', 'get-role', '--role-name', 'matillionrole'])) as { Role: Json };
    expect(Role).toEqual({
      Path: '/',
      RoleName: 'MatillionRole',
      RoleId: expect.stringMatching(/^AROA/),
      Arn: `arn:aws:iam::${ACCOUNT}:role/MatillionRole`,
      CreateDate: expect.stringMatching(ISO_DATE),
      AssumeRolePolicyDocument: TRUST,
      MaxSessionDuration: 3600,
      PermissionsBoundary: { PermissionsBoundaryType: 'Policy', PermissionsBoundaryArn: S3_READ_ARN },
      Tags: [
        { Key: 'Team', Value: 'Data' },
        { Key: 'Env', Value: '' },
      ],
      RoleLastUsed: {},
    });
    expect(ok(await aws(['iam', 'list-role-tags', '--role-name', 'MatillionRole']))).toEqual({
      Tags: [
        { Key: 'Env', Value: '' },
        { Key: 'Team', Value: 'Data' },
      ],
      IsTruncated: false,
    });
  });

  it('create-instance-profile, add-role-to-instance-profile, get-instance-profile', async () => {
    const created = ok(await aws(['iam', 'create-instance-profile', '--instance-profile-name', 'MatillionRole'])) as {
      InstanceProfile: Json;
    };
    expect(created.InstanceProfile).toEqual({
      Path: '/',
      InstanceProfileName: 'MatillionRole',
      InstanceProfileId: expect.stringMatching(/^AIPA[A-Z2-7]{17}$/),
      Arn: `arn:aws:iam::${ACCOUNT}:instance-profile/MatillionRole`,
      CreateDate: expect.stringMatching(ISO_DATE),
      Roles: [],
    });
    ok(
      await aws([
        'iam',
        'add-role-to-instance-profile',
        '--instance-profile-name',
        'MatillionRole',
        '--role-name',
        'MatillionRole',
      ]),
    );
    const { InstanceProfile } = ok(
      await aws(['iam', 'get-instance-profile', '--instance-profile-name', 'MatillionRole']),
    ) as {
      InstanceProfile: { Roles: Json[]; Tags: unknown };
    };
    expect(InstanceProfile.Tags).toEqual([]);
    expect(InstanceProfile.Roles).toEqual([
      {
        Path: '/',
        RoleName: 'MatillionRole',
        RoleId: expect.stringMatching(/^AROA/),
        Arn: `arn:aws:iam::${ACCOUNT}:role/MatillionRole`,
        CreateDate: expect.stringMatching(ISO_DATE),
        AssumeRolePolicyDocument: TRUST,
      },
    ]);
  });

  it('list-roles shows Description and MaxSessionDuration but no Tags, PermissionsBoundary or RoleLastUsed', async () => {
    ok(
      await aws([
        'iam',
        'update-role-description',
        '--role-name',
        'MatillionRole',
        '--description',
        'Allows EC2 instances to call AWS services on your behalf.',
      ]),
    );
    const { Roles } = ok(await aws(['iam', 'list-roles'])) as { Roles: Json[] };
    const role = Roles.find((candidate) => candidate.RoleName === 'MatillionRole');
    expect(role).toEqual({
      Path: '/',
      RoleName: 'MatillionRole',
      RoleId: expect.stringMatching(/^AROA/),
      Arn: `arn:aws:iam::${ACCOUNT}:role/MatillionRole`,
      CreateDate: expect.stringMatching(ISO_DATE),
      AssumeRolePolicyDocument: TRUST,
      Description: 'Allows EC2 instances to call AWS services on your behalf.',
      MaxSessionDuration: 3600,
    });
  });

  it('list-instance-profiles embeds the role; list-instance-profiles-for-role finds the profile', async () => {
    const { InstanceProfiles } = ok(await aws(['iam', 'list-instance-profiles'])) as { InstanceProfiles: Json[] };
    const profile = InstanceProfiles.find((candidate) => candidate.InstanceProfileName === 'MatillionRole') as {
      Roles: Json[];
    };
    expect(profile).not.toHaveProperty('Tags');
    expect(profile.Roles.map((role) => [role.RoleName, role.AssumeRolePolicyDocument])).toEqual([
      ['MatillionRole', TRUST],
    ]);
    const forRole = ok(await aws(['iam', 'list-instance-profiles-for-role', '--role-name', 'MatillionRole'])) as {
      InstanceProfiles: Json[];
    };
    expect(forRole.InstanceProfiles.map((candidate) => candidate.InstanceProfileName)).toEqual(['MatillionRole']);
  });

  it('refuses deleting the role until profile, managed and inline policies are gone, in that order', async () => {
    const deleteRole = () => aws(['iam', 'delete-role', '--role-name', 'MatillionRole']);
    failed(
      await deleteRole(),
      'DeleteConflict',
      'DeleteRole',
      'Cannot delete entity, must remove roles from instance profile first.',
    );
    failed(
      await aws(['iam', 'delete-instance-profile', '--instance-profile-name', 'MatillionRole']),
      'DeleteConflict',
      'DeleteInstanceProfile',
      'Cannot delete entity, must remove roles from instance profile first.',
    );
    ok(
      await aws([
        'iam',
        'remove-role-from-instance-profile',
        '--instance-profile-name',
        'MatillionRole',
        '--role-name',
        'MatillionRole',
      ]),
    );
    failed(await deleteRole(), 'DeleteConflict', 'DeleteRole', 'Cannot delete entity, must detach all policies first.');
    ok(await aws(['iam', 'detach-role-policy', '--role-name', 'MatillionRole', '--policy-arn', S3_READ_ARN]));
    failed(await deleteRole(), 'DeleteConflict', 'DeleteRole', 'Cannot delete entity, must delete policies first.');
    ok(await aws(['iam', 'delete-role-policy', '--role-name', 'MatillionRole', '--policy-name', 'S3-Permissions']));
    ok(await deleteRole());
    ok(await aws(['iam', 'delete-instance-profile', '--instance-profile-name', 'MatillionRole']));
    failed(
      await aws(['iam', 'get-role', '--role-name', 'MatillionRole']),
      'NoSuchEntity',
      'GetRole',
      'The role with name MatillionRole cannot be found.',
    );
    const { Policy } = ok(await aws(['iam', 'get-policy', '--policy-arn', S3_READ_ARN])) as { Policy: Json };
    expect(Policy).toMatchObject({ AttachmentCount: s3ReadAttachments, PermissionsBoundaryUsageCount: 0 });
  });
});

describe('the caller', () => {
  it('get-user without a name describes local-admin, who holds AdministratorAccess', async () => {
    const { User } = ok(await aws(['iam', 'get-user'])) as { User: Json };
    expect(User).toMatchObject({ UserName: 'local-admin', Path: '/', Arn: `arn:aws:iam::${ACCOUNT}:user/local-admin` });
    expect(User.UserId).toMatch(/^AIDA/);
    expect(ok(await aws(['iam', 'list-attached-user-policies', '--user-name', 'local-admin']))).toEqual({
      AttachedPolicies: [
        { PolicyName: 'AdministratorAccess', PolicyArn: 'arn:aws:iam::aws:policy/AdministratorAccess' },
      ],
    });
  });
});

describe('role errors', () => {
  it('names are unique regardless of case', async () => {
    await createRole('CaseRole');
    failed(
      await aws(['iam', 'create-role', '--role-name', 'CASEROLE', '--assume-role-policy-document', trustFile]),
      'EntityAlreadyExists',
      'CreateRole',
      'Role with name CASEROLE already exists.',
    );
  });

  it('bad and too-long names, and several violations at once', async () => {
    failed(
      await aws(['iam', 'create-role', '--role-name', 'bad name!', '--assume-role-policy-document', trustFile]),
      'ValidationError',
      'CreateRole',
      "1 validation error detected: Value at 'roleName' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w+=,.@-]+",
    );
    failed(
      await aws(['iam', 'create-role', '--role-name', 'r'.repeat(65), '--assume-role-policy-document', trustFile]),
      'ValidationError',
      'CreateRole',
      "1 validation error detected: Value at 'roleName' failed to satisfy constraint: Member must have length less than or equal to 64",
    );
    failed(
      await aws([
        'iam',
        'create-role',
        '--role-name',
        'r'.repeat(65),
        '--path',
        'no-slashes',
        '--assume-role-policy-document',
        trustFile,
      ]),
      'ValidationError',
      'CreateRole',
      "2 validation errors detected: Value at 'roleName' failed to satisfy constraint: Member must have length less than or equal to 64; " +
        "Value at 'path' failed to satisfy constraint: Member must satisfy regular expression pattern: (\\u002F)|(\\u002F[\\u0021-\\u007E]+\\u002F)",
    );
  });

  it('MaxSessionDuration outside 3600–43200', async () => {
    // The CLI itself refuses values under 3600 (botocore checks the model's min); the maximum is the server's.
    failed(
      await aws([
        'iam',
        'create-role',
        '--role-name',
        'LongerSessions',
        '--max-session-duration',
        '43201',
        '--assume-role-policy-document',
        trustFile,
      ]),
      'ValidationError',
      'CreateRole',
      "1 validation error detected: Value at 'maxSessionDuration' failed to satisfy constraint: Member must have value less than or equal to 43200",
    );
    await createRole('LongSessions', '--max-session-duration', '43200', '--path', '/long/');
    failed(
      await aws(['iam', 'update-role', '--role-name', 'LongSessions', '--max-session-duration', '43201']),
      'ValidationError',
      'UpdateRole',
      "1 validation error detected: Value at 'maxSessionDuration' failed to satisfy constraint: Member must have value less than or equal to 43200",
    );
    const { Role } = ok(await aws(['iam', 'get-role', '--role-name', 'LongSessions'])) as { Role: Json };
    expect(Role).toMatchObject({ MaxSessionDuration: 43200, Arn: `arn:aws:iam::${ACCOUNT}:role/long/LongSessions` });
  });

  it('bad trust policies', async () => {
    const create = (document: string) =>
      aws(['iam', 'create-role', '--role-name', 'BadTrust', '--assume-role-policy-document', document]);
    failed(
      await create('{"Version": "2012-10-17", "Statement": ['),
      'MalformedPolicyDocument',
      'CreateRole',
      'This policy contains invalid Json',
    );
    const s3Trust = JSON.stringify({ ...TRUST, Statement: [{ ...TRUST.Statement[0], Action: 's3:GetObject' }] });
    failed(
      await create(s3Trust),
      'MalformedPolicyDocument',
      'CreateRole',
      'AssumeRole policy may only specify STS AssumeRole actions.',
    );
    const withResource = JSON.stringify({ ...TRUST, Statement: [{ ...TRUST.Statement[0], Resource: '*' }] });
    failed(await create(withResource), 'MalformedPolicyDocument', 'CreateRole', 'Has prohibited field Resource');
    const statements = Array.from({ length: 30 }, (_, i) => ({ ...TRUST.Statement[0], Sid: `Statement${i}` }));
    failed(
      await create(fileArg(JSON.stringify({ Version: '2012-10-17', Statement: statements }))),
      'LimitExceeded',
      'CreateRole',
      'Cannot exceed quota for ACLSizePerRole: 2048',
    );
    failed(
      await aws(['iam', 'get-role', '--role-name', 'BadTrust']),
      'NoSuchEntity',
      'GetRole',
      'The role with name BadTrust cannot be found.',
    );
  });

  it('Principal in an identity policy and oversized inline policies', async () => {
    await createRole('InlineRole');
    const withPrincipal = JSON.stringify({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Principal: { AWS: '*' }, Action: 's3:GetObject', Resource: '*' }],
    });
    failed(
      await aws([
        'iam',
        'put-role-policy',
        '--role-name',
        'InlineRole',
        '--policy-name',
        'p',
        '--policy-document',
        withPrincipal,
      ]),
      'MalformedPolicyDocument',
      'PutRolePolicy',
      'Policy document should not specify a principal.',
    );
    const big = (bucketLength: number) =>
      fileArg(
        JSON.stringify({
          Version: '2012-10-17',
          Statement: [
            { Effect: 'Allow', Action: 's3:GetObject', Resource: `arn:aws:s3:::${'b'.repeat(bucketLength)}/*` },
          ],
        }),
      );
    ok(
      await aws([
        'iam',
        'put-role-policy',
        '--role-name',
        'InlineRole',
        '--policy-name',
        'one',
        '--policy-document',
        big(6000),
      ]),
    );
    failed(
      await aws([
        'iam',
        'put-role-policy',
        '--role-name',
        'InlineRole',
        '--policy-name',
        'two',
        '--policy-document',
        big(5000),
      ]),
      'LimitExceeded',
      'PutRolePolicy',
      'Maximum policy size of 10240 bytes exceeded for role InlineRole',
    );
    failed(
      await aws(['iam', 'get-role-policy', '--role-name', 'InlineRole', '--policy-name', 'two']),
      'NoSuchEntity',
      'GetRolePolicy',
      'The role policy with name two cannot be found.',
    );
  });

  it('the 11th managed policy, unknown and service-role policies', async () => {
    await createRole('ManyPolicies');
    const names = [
      'AmazonS3ReadOnlyAccess',
      'ReadOnlyAccess',
      'AmazonSSMManagedInstanceCore',
      'PowerUserAccess',
      'AmazonEC2ReadOnlyAccess',
      'AmazonDynamoDBReadOnlyAccess',
      'CloudWatchReadOnlyAccess',
      'AmazonSQSReadOnlyAccess',
      'AmazonSNSReadOnlyAccess',
      'IAMReadOnlyAccess',
    ];
    const attach = (arn: string) =>
      aws(['iam', 'attach-role-policy', '--role-name', 'ManyPolicies', '--policy-arn', arn]);
    for (const result of await Promise.all(names.map((name) => attach(`arn:aws:iam::aws:policy/${name}`)))) ok(result);
    failed(
      await attach('arn:aws:iam::aws:policy/AWSLambda_ReadOnlyAccess'),
      'LimitExceeded',
      'AttachRolePolicy',
      'Cannot exceed quota for PoliciesPerRole: 10',
    );
    failed(
      await attach(`arn:aws:iam::${ACCOUNT}:policy/nonexistent-policy`),
      'NoSuchEntity',
      'AttachRolePolicy',
      `Policy arn:aws:iam::${ACCOUNT}:policy/nonexistent-policy does not exist or is not attachable.`,
    );
    failed(
      await attach('longpolicynamebutnoarn'),
      'ValidationError',
      'AttachRolePolicy',
      'ARN longpolicynamebutnoarn is not valid.',
    );
    await createRole('ServiceRolePolicy');
    failed(
      await aws([
        'iam',
        'attach-role-policy',
        '--role-name',
        'ServiceRolePolicy',
        '--policy-arn',
        'arn:aws:iam::aws:policy/aws-service-role/AWSEC2SpotServiceRolePolicy',
      ]),
      'PolicyNotAttachable',
      'AttachRolePolicy',
      'Cannot attach a Service Role Policy to a Customer Role.',
    );
    failed(
      await aws(['iam', 'detach-role-policy', '--role-name', 'ServiceRolePolicy', '--policy-arn', S3_READ_ARN]),
      'NoSuchEntity',
      'DetachRolePolicy',
      `Policy ${S3_READ_ARN} was not found.`,
    );
  });

  it('permissions boundary errors', async () => {
    await createRole('Bounded');
    failed(
      await aws([
        'iam',
        'put-role-permissions-boundary',
        '--role-name',
        'Bounded',
        '--permissions-boundary',
        `arn:aws:iam::${ACCOUNT}:not_a_policy/invalid`,
      ]),
      'InvalidInput',
      'PutRolePermissionsBoundary',
      `ARN arn:aws:iam::${ACCOUNT}:not_a_policy/invalid is not valid.`,
    );
    failed(
      await aws([
        'iam',
        'put-role-permissions-boundary',
        '--role-name',
        'Bounded',
        '--permissions-boundary',
        `arn:aws:iam::${ACCOUNT}:policy/nonexistent-policy`,
      ]),
      'NoSuchEntity',
      'PutRolePermissionsBoundary',
      `Scope ARN: arn:aws:iam::${ACCOUNT}:policy/nonexistent-policy does not exist or is not attachable.`,
    );
  });

  it('tag limits', async () => {
    await createRole('Tagged');
    const tagRole = (...tags: string[]) => aws(['iam', 'tag-role', '--role-name', 'Tagged', '--tags', ...tags]);
    failed(
      await tagRole(...Array.from({ length: 51 }, (_, i) => `Key=k${i},Value=v`)),
      'ValidationError',
      'TagRole',
      "1 validation error detected: Value at 'tags' failed to satisfy constraint: Member must have length less than or equal to 50",
    );
    failed(
      await tagRole(`Key=${'k'.repeat(129)},Value=v`),
      'ValidationError',
      'TagRole',
      "1 validation error detected: Value at 'tags.1.member.key' failed to satisfy constraint: Member must have length less than or equal to 128",
    );
    failed(
      await tagRole(`Key=k,Value=${'v'.repeat(257)}`),
      'ValidationError',
      'TagRole',
      "1 validation error detected: Value at 'tags.1.member.value' failed to satisfy constraint: Member must have length less than or equal to 256",
    );
    failed(
      await tagRole('Key=Team,Value=a', 'Key=TEAM,Value=b'),
      'InvalidInput',
      'TagRole',
      'Duplicate tag keys found. Please note that Tag keys are case insensitive.',
    );
    failed(
      await tagRole('Key=bad#key,Value=v'),
      'ValidationError',
      'TagRole',
      "1 validation error detected: Value at 'tags.1.member.key' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]+",
    );
    expect(ok(await aws(['iam', 'list-role-tags', '--role-name', 'Tagged']))).toEqual({ Tags: [], IsTruncated: false });
  });
});

describe('instance profile errors', () => {
  it('one role per profile, unknown profiles, duplicates', async () => {
    await createRole('FirstInProfile');
    await createRole('SecondInProfile');
    ok(
      await aws([
        'iam',
        'create-instance-profile',
        '--instance-profile-name',
        'Shared',
        '--path',
        '/apps/',
        '--tags',
        'Key=App,Value=etl',
      ]),
    );
    ok(
      await aws([
        'iam',
        'add-role-to-instance-profile',
        '--instance-profile-name',
        'Shared',
        '--role-name',
        'FirstInProfile',
      ]),
    );
    failed(
      await aws([
        'iam',
        'add-role-to-instance-profile',
        '--instance-profile-name',
        'Shared',
        '--role-name',
        'SecondInProfile',
      ]),
      'LimitExceeded',
      'AddRoleToInstanceProfile',
      'Cannot exceed quota for InstanceSessionsPerInstanceProfile: 1',
    );
    failed(
      await aws(['iam', 'create-instance-profile', '--instance-profile-name', 'SHARED']),
      'EntityAlreadyExists',
      'CreateInstanceProfile',
      'Instance Profile SHARED already exists.',
    );
    failed(
      await aws(['iam', 'get-instance-profile', '--instance-profile-name', 'nonexistent-profile']),
      'NoSuchEntity',
      'GetInstanceProfile',
      'Instance Profile nonexistent-profile cannot be found.',
    );
    failed(
      await aws([
        'iam',
        'add-role-to-instance-profile',
        '--instance-profile-name',
        'Shared',
        '--role-name',
        'NoSuchRole',
      ]),
      'NoSuchEntity',
      'AddRoleToInstanceProfile',
      'The role with name NoSuchRole cannot be found.',
    );
    failed(
      await aws([
        'iam',
        'remove-role-from-instance-profile',
        '--instance-profile-name',
        'Shared',
        '--role-name',
        'SecondInProfile',
      ]),
      'NoSuchEntity',
      'RemoveRoleFromInstanceProfile',
      'Role SecondInProfile in Instance Profile Shared cannot be found.',
    );
    const { InstanceProfile } = ok(await aws(['iam', 'get-instance-profile', '--instance-profile-name', 'Shared'])) as {
      InstanceProfile: Json;
    };
    expect(InstanceProfile).toMatchObject({
      Arn: `arn:aws:iam::${ACCOUNT}:instance-profile/apps/Shared`,
      Tags: [{ Key: 'App', Value: 'etl' }],
    });
  });
});

describe('customer managed policies', () => {
  it('versions, default version and DeleteConflict', async () => {
    const document = JSON.stringify({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Action: 'ec2:Describe*', Resource: '*' }],
    });
    const { Policy } = ok(
      await aws([
        'iam',
        'create-policy',
        '--policy-name',
        'Describe',
        '--path',
        '/team/',
        '--policy-document',
        document,
        '--description',
        'EC2 reads',
      ]),
    ) as { Policy: Json };
    const arn = `arn:aws:iam::${ACCOUNT}:policy/team/Describe`;
    expect(Policy).toMatchObject({
      PolicyName: 'Describe',
      Arn: arn,
      DefaultVersionId: 'v1',
      AttachmentCount: 0,
      IsAttachable: true,
    });
    expect(Policy.PolicyId).toMatch(/^ANPA/);
    failed(
      await aws(['iam', 'create-policy', '--policy-name', 'DESCRIBE', '--policy-document', document]),
      'EntityAlreadyExists',
      'CreatePolicy',
      'A policy called DESCRIBE already exists. Duplicate names are not allowed.',
    );
    for (let i = 2; i <= 5; i += 1) {
      ok(
        await aws([
          'iam',
          'create-policy-version',
          '--policy-arn',
          arn,
          '--policy-document',
          document,
          ...(i === 4 ? ['--set-as-default'] : []),
        ]),
      );
    }
    failed(
      await aws(['iam', 'create-policy-version', '--policy-arn', arn, '--policy-document', document]),
      'LimitExceeded',
      'CreatePolicyVersion',
      'A managed policy can have up to 5 versions. Before you create a new version, you must delete an existing version.',
    );
    const { Versions } = ok(await aws(['iam', 'list-policy-versions', '--policy-arn', arn])) as { Versions: Json[] };
    expect(Versions.map((version) => [version.VersionId, version.IsDefaultVersion])).toEqual([
      ['v5', false],
      ['v4', true],
      ['v3', false],
      ['v2', false],
      ['v1', false],
    ]);
    const { PolicyVersion } = ok(
      await aws(['iam', 'get-policy-version', '--policy-arn', arn, '--version-id', 'v4']),
    ) as {
      PolicyVersion: Json;
    };
    expect(PolicyVersion).toMatchObject({ VersionId: 'v4', IsDefaultVersion: true, Document: JSON.parse(document) });
    failed(
      await aws(['iam', 'delete-policy-version', '--policy-arn', arn, '--version-id', 'v4']),
      'DeleteConflict',
      'DeletePolicyVersion',
      'Cannot delete the default version of a policy.',
    );
    failed(
      await aws(['iam', 'delete-policy', '--policy-arn', arn]),
      'DeleteConflict',
      'DeletePolicy',
      "This policy has more than one version. Before you delete a policy, you must delete the policy's versions. The default version is deleted with the policy.",
    );
    // Attachments are checked before versions.
    await createRole('UsesDescribe');
    ok(await aws(['iam', 'attach-role-policy', '--role-name', 'UsesDescribe', '--policy-arn', arn]));
    const entities = ok(await aws(['iam', 'list-entities-for-policy', '--policy-arn', arn])) as Json;
    expect(entities).toEqual({
      PolicyGroups: [],
      PolicyUsers: [],
      PolicyRoles: [{ RoleName: 'UsesDescribe', RoleId: expect.stringMatching(/^AROA/) }],
    });
    failed(
      await aws(['iam', 'delete-policy', '--policy-arn', arn]),
      'DeleteConflict',
      'DeletePolicy',
      'Cannot delete a policy attached to entities.',
    );
    failed(
      await aws(['iam', 'get-policy', '--policy-arn', `${arn}-missing`]),
      'NoSuchEntity',
      'GetPolicy',
      `Policy ${arn}-missing does not exist or is not attachable.`,
    );
  });

  it('refuses a managed policy over 6,144 characters', async () => {
    const big = JSON.stringify({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: `arn:aws:s3:::${'b'.repeat(6200)}/*` }],
    });
    failed(
      await aws(['iam', 'create-policy', '--policy-name', 'TooBig', '--policy-document', fileArg(big)]),
      'LimitExceeded',
      'CreatePolicy',
      'Cannot exceed quota for PolicySize: 6144',
    );
  });
});

describe('ListPolicies pagination', () => {
  it('the CLI loops on Marker/IsTruncated through the whole AWS catalog without repeats', async () => {
    const { Policies } = ok(await aws(['iam', 'list-policies', '--scope', 'AWS', '--page-size', '400'])) as {
      Policies: Json[];
    };
    const arns = Policies.map((policy) => policy.Arn as string);
    expect(arns.length).toBeGreaterThan(1000);
    expect(new Set(arns).size).toBe(arns.length);
    expect(arns).toContain('arn:aws:iam::aws:policy/AdministratorAccess');
    expect(Policies[0]).not.toHaveProperty('Description');
    expect(Policies[0]).not.toHaveProperty('Tags');
  });

  it('MaxItems pages continue from the opaque Marker (CLI --page-size / --starting-token)', async () => {
    const filter = ['iam', 'list-policies', '--scope', 'AWS', '--path-prefix', '/job-function/'];
    const names = (result: Json) => (result.Policies as Json[]).map((policy) => policy.PolicyName as string);
    const everything = names(ok(await aws(filter)));
    expect(everything.length).toBeGreaterThan(5);
    const first = ok(await aws([...filter, '--page-size', '3', '--max-items', '5']));
    expect(names(first)).toEqual(everything.slice(0, 5));
    expect(typeof first.NextToken).toBe('string');
    const rest = ok(await aws([...filter, '--page-size', '3', '--starting-token', first.NextToken as string]));
    expect(names(rest)).toEqual(everything.slice(5));
  });
});
