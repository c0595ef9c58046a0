import { beforeEach, describe, expect, it } from 'vitest';
import { AwsError } from '../../protocols/aws-error.ts';
import { openStore, type Store } from '../../store/store.ts';
import { IamModel, type Authorize } from './model.ts';
import { encodePolicyDocument } from './views.ts';

const NOW = new Date('2026-01-02T03:04:05Z');
const TRUST = JSON.stringify({
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' }],
});
const S3_READ = JSON.stringify({
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }],
});

function awsError(fn: () => unknown): AwsError {
  try {
    fn();
  } catch (error) {
    if (error instanceof AwsError) return error;
    throw error;
  }
  throw new Error('expected an AwsError');
}

function expectError(fn: () => unknown, code: string, message: string, status: number): void {
  const error = awsError(fn);
  expect({ code: error.code, message: error.message, status: error.status }).toEqual({ code, message, status });
}

let store: Store;
let iam: IamModel;

function addAwsPolicy(name: string, path = '/'): string {
  return iam.addAwsManagedPolicy({
    policyName: name,
    path,
    defaultVersionId: 'v3',
    document: S3_READ,
    createDate: '2015-02-06T18:39:46.000Z',
    updateDate: '2020-01-01T00:00:00.000Z',
  }).arn;
}

function createRole(name = 'MatillionRole', extra: Partial<Parameters<IamModel['createRole']>[0]> = {}) {
  return iam.createRole({ roleName: name, assumeRolePolicyDocument: TRUST, ...extra }, NOW);
}

beforeEach(() => {
  store = openStore('memory');
  iam = new IamModel(store);
});

describe('roles', () => {
  it('creates a role with AWS defaults and an AROA id', () => {
    const role = createRole();
    expect(role).toMatchObject({
      roleName: 'MatillionRole',
      arn: 'arn:aws:iam::123456789012:role/MatillionRole',
      path: '/',
      maxSessionDuration: 3600,
      createDate: NOW.toISOString(),
      assumeRolePolicyDocument: TRUST,
    });
    expect(role.roleId).toMatch(/^AROA[A-Z2-7]{17}$/);
    expect(iam.getRole('matillionrole').roleName).toBe('MatillionRole');
  });

  it('puts the path into the ARN', () => {
    expect(createRole('r', { path: '/team/app/' }).arn).toBe('arn:aws:iam::123456789012:role/team/app/r');
  });

  it('refuses a second role whose name differs only in case', () => {
    createRole('ProdRole');
    expectError(() => createRole('PRODROLE'), 'EntityAlreadyExists', 'Role with name PRODROLE already exists.', 409);
  });

  it('reports constraint violations in AWS wording, several at once', () => {
    expectError(
      () => createRole('x'.repeat(65)),
      'ValidationError',
      "1 validation error detected: Value at 'roleName' failed to satisfy constraint: Member must have length less than or equal to 64",
      400,
    );
    expectError(
      () => createRole('bad name!', { path: 'nope' }),
      'ValidationError',
      "2 validation errors detected: Value at 'roleName' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\w+=,.@-]+; " +
        "Value at 'path' failed to satisfy constraint: Member must satisfy regular expression pattern: (\\u002F)|(\\u002F[\\u0021-\\u007E]+\\u002F)",
      400,
    );
  });

  it('keeps MaxSessionDuration within 3600–43200', () => {
    expectError(
      () => createRole('r', { maxSessionDuration: 3599 }),
      'ValidationError',
      "1 validation error detected: Value at 'maxSessionDuration' failed to satisfy constraint: Member must have value greater than or equal to 3600",
      400,
    );
    expectError(
      () => createRole('r', { maxSessionDuration: 43201 }),
      'ValidationError',
      "1 validation error detected: Value at 'maxSessionDuration' failed to satisfy constraint: Member must have value less than or equal to 43200",
      400,
    );
    expect(createRole('r', { maxSessionDuration: 43200 }).maxSessionDuration).toBe(43200);
  });

  it('refuses a trust policy over 2,048 characters without whitespace, and counts no whitespace', () => {
    const statement = (i: number) => ({
      Effect: 'Allow',
      Principal: { Service: 'ec2.amazonaws.com' },
      Action: 'sts:AssumeRole',
      Sid: `S${i}`,
    });
    const big = JSON.stringify({
      Version: '2012-10-17',
      Statement: Array.from({ length: 30 }, (_, i) => statement(i)),
    });
    expect(big.length).toBeGreaterThan(2048);
    expectError(
      () => createRole('r', { assumeRolePolicyDocument: big }),
      'LimitExceeded',
      'Cannot exceed quota for ACLSizePerRole: 2048',
      409,
    );
    const spaced = TRUST.replace(/,/g, `,\n${' '.repeat(1000)}`);
    expect(spaced.length).toBeGreaterThan(2048);
    expect(createRole('spaced', { assumeRolePolicyDocument: spaced }).assumeRolePolicyDocument).toBe(spaced);
  });

  it('checks the trust policy grammar', () => {
    expectError(
      () => createRole('r', { assumeRolePolicyDocument: '{not json' }),
      'MalformedPolicyDocument',
      'This policy contains invalid Json',
      400,
    );
    const s3Trust = TRUST.replace('sts:AssumeRole', 's3:GetObject');
    expectError(
      () => createRole('r', { assumeRolePolicyDocument: s3Trust }),
      'MalformedPolicyDocument',
      'AssumeRole policy may only specify STS AssumeRole actions.',
      400,
    );
    expect(iam.findRole('r')).toBeUndefined();
  });

  it('checks the boundary ARN and counts its use', () => {
    const boundary = iam.createPolicy({ policyName: 'Boundary', policyDocument: S3_READ }, NOW).arn;
    expectError(
      () => createRole('r', { permissionsBoundary: 'arn:aws:iam::123456789012:not_a_policy/invalid' }),
      'InvalidInput',
      'ARN arn:aws:iam::123456789012:not_a_policy/invalid is not valid.',
      400,
    );
    expectError(
      () => createRole('r', { permissionsBoundary: 'arn:aws:iam::123456789012:policy/missing' }),
      'NoSuchEntity',
      'Scope ARN: arn:aws:iam::123456789012:policy/missing does not exist or is not attachable.',
      404,
    );
    createRole('r', { permissionsBoundary: boundary });
    expect(iam.policyUsage(boundary).permissionsBoundaryUsageCount).toBe(1);
    iam.deleteRolePermissionsBoundary('r');
    expect(iam.policyUsage(boundary).permissionsBoundaryUsageCount).toBe(0);
    iam.putRolePermissionsBoundary('r', boundary);
    iam.deleteRole('r');
    expect(iam.policyUsage(boundary).permissionsBoundaryUsageCount).toBe(0);
  });

  it('answers NoSuchEntity with the role name as given', () => {
    expectError(() => iam.getRole('Nobody'), 'NoSuchEntity', 'The role with name Nobody cannot be found.', 404);
  });

  it('validates constraints before authorizing, and authorizes before looking the role up', () => {
    const calls: string[] = [];
    const deny: Authorize = (action, resource) => {
      calls.push(`${action} ${resource}`);
      throw new AwsError('AccessDenied', 'denied', 403);
    };
    expect(awsError(() => iam.getRole('x'.repeat(70), deny)).code).toBe('ValidationError');
    expect(calls).toEqual([]);
    expect(awsError(() => iam.getRole('Nobody', deny)).code).toBe('AccessDenied');
    createRole('pathed', { path: '/p/' });
    awsError(() => iam.getRole('pathed', deny));
    expect(calls).toEqual([
      'iam:GetRole arn:aws:iam::123456789012:role/Nobody',
      'iam:GetRole arn:aws:iam::123456789012:role/p/pathed',
    ]);
  });

  it('updates description and max session duration', () => {
    createRole('r', { description: 'first' });
    iam.updateRole('r', { maxSessionDuration: 7200 });
    expect(iam.getRole('r')).toMatchObject({ description: 'first', maxSessionDuration: 7200 });
    expect(iam.updateRoleDescription('r', 'second').description).toBe('second');
  });
});

describe('role policies', () => {
  it('attaches at most 10 managed policies', () => {
    createRole('r');
    const arns = Array.from({ length: 11 }, (_, i) => addAwsPolicy(`P${i}`));
    for (const arn of arns.slice(0, 10)) iam.attachRolePolicy('r', arn);
    expectError(
      () => iam.attachRolePolicy('r', arns[10]),
      'LimitExceeded',
      'Cannot exceed quota for PoliciesPerRole: 10',
      409,
    );
    expect(iam.policyUsage(arns[0]).attachmentCount).toBe(1);
    expect(iam.policyUsage(arns[10]).attachmentCount).toBe(0);
  });

  it('refuses unknown, malformed and service-role policies', () => {
    createRole('r');
    expectError(
      () => iam.attachRolePolicy('r', 'longpolicynamebutnoarn'),
      'ValidationError',
      'ARN longpolicynamebutnoarn is not valid.',
      400,
    );
    expectError(
      () => iam.attachRolePolicy('r', 'arn:aws:iam::123456789012:policy/nonexistent-policy'),
      'NoSuchEntity',
      'Policy arn:aws:iam::123456789012:policy/nonexistent-policy does not exist or is not attachable.',
      404,
    );
    const serviceLinked = addAwsPolicy('AmazonEC2SpotFleetServiceRolePolicy', '/aws-service-role/');
    expectError(
      () => iam.attachRolePolicy('r', serviceLinked),
      'PolicyNotAttachable',
      'Cannot attach a Service Role Policy to a Customer Role.',
      400,
    );
    const arn = addAwsPolicy('Readable');
    expectError(() => iam.detachRolePolicy('r', arn), 'NoSuchEntity', `Policy ${arn} was not found.`, 404);
  });

  it('limits inline policies to 10,240 characters in aggregate, whitespace excluded', () => {
    createRole('Big');
    const doc = (size: number) =>
      JSON.stringify({
        Version: '2012-10-17',
        Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: `arn:aws:s3:::${'b'.repeat(size)}/*` }],
      });
    iam.putRolePolicy('Big', 'one', doc(5000));
    expectError(
      () => iam.putRolePolicy('Big', 'two', doc(5200)),
      'LimitExceeded',
      'Maximum policy size of 10240 bytes exceeded for role Big',
      409,
    );
    // Replacing a policy counts the new text, not both.
    iam.putRolePolicy('Big', 'ONE', doc(9000));
    expect(iam.listRolePolicies('Big', {}).items).toEqual(['one']);
    expect(iam.getRolePolicy('Big', 'one').policyDocument).toBe(doc(9000));
  });

  it('refuses Principal in identity policies', () => {
    createRole('r');
    const withPrincipal = JSON.stringify({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: '*' }],
    });
    const error = awsError(() => iam.putRolePolicy('r', 'p', withPrincipal));
    expect(error.code).toBe('MalformedPolicyDocument');
    expect(error.status).toBe(400);
  });

  it('reports missing inline policies', () => {
    createRole('r');
    expectError(
      () => iam.getRolePolicy('r', 'nope'),
      'NoSuchEntity',
      'The role policy with name nope cannot be found.',
      404,
    );
    expectError(
      () => iam.deleteRolePolicy('r', 'nope'),
      'NoSuchEntity',
      'The role policy with name nope cannot be found.',
      404,
    );
  });

  it('refuses deletion in AWS order: instance profile, managed, inline', () => {
    createRole('r');
    iam.putRolePolicy('r', 'inline', S3_READ);
    const arn = addAwsPolicy('Managed');
    iam.attachRolePolicy('r', arn);
    iam.createInstanceProfile({ instanceProfileName: 'ip' }, NOW);
    iam.addRoleToInstanceProfile('ip', 'r');
    expectError(
      () => iam.deleteRole('r'),
      'DeleteConflict',
      'Cannot delete entity, must remove roles from instance profile first.',
      409,
    );
    iam.removeRoleFromInstanceProfile('ip', 'r');
    expectError(
      () => iam.deleteRole('r'),
      'DeleteConflict',
      'Cannot delete entity, must detach all policies first.',
      409,
    );
    iam.detachRolePolicy('r', arn);
    expectError(() => iam.deleteRole('r'), 'DeleteConflict', 'Cannot delete entity, must delete policies first.', 409);
    iam.deleteRolePolicy('r', 'inline');
    iam.deleteRole('r');
    expect(iam.findRole('r')).toBeUndefined();
  });
});

describe('tags', () => {
  it('applies AWS tag limits', () => {
    const tags = (n: number) => Array.from({ length: n }, (_, i) => ({ Key: `k${i}`, Value: 'v' }));
    expectError(
      () => createRole('r', { tags: tags(51) }),
      'ValidationError',
      "1 validation error detected: Value at 'tags' failed to satisfy constraint: Member must have length less than or equal to 50",
      400,
    );
    expectError(
      () => createRole('r', { tags: [{ Key: 'k'.repeat(129), Value: 'v' }] }),
      'ValidationError',
      "1 validation error detected: Value at 'tags.1.member.key' failed to satisfy constraint: Member must have length less than or equal to 128",
      400,
    );
    expectError(
      () => createRole('r', { tags: [{ Key: 'a', Value: 'v'.repeat(257) }] }),
      'ValidationError',
      "1 validation error detected: Value at 'tags.1.member.value' failed to satisfy constraint: Member must have length less than or equal to 256",
      400,
    );
    expectError(
      () => createRole('r', { tags: [{ Key: 'bad#key', Value: 'v' }] }),
      'ValidationError',
      "1 validation error detected: Value at 'tags.1.member.key' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]+",
      400,
    );
    expectError(
      () =>
        createRole('r', {
          tags: [
            { Key: 'Team', Value: 'a' },
            { Key: 'team', Value: 'b' },
          ],
        }),
      'InvalidInput',
      'Duplicate tag keys found. Please note that Tag keys are case insensitive.',
      400,
    );
    expect(awsError(() => createRole('r', { tags: [{ Key: 'aws:x', Value: 'v' }] })).code).toBe('InvalidInput');
    expect(iam.findRole('r')).toBeUndefined();
  });

  it('overwrites an existing key in any case, taking the new spelling, and lists tags sorted by key', () => {
    createRole('r', {
      tags: [
        { Key: 'zeta', Value: '1' },
        { Key: 'Team', Value: 'a' },
      ],
    });
    iam.tagRole('r', [
      { Key: 'team', Value: 'b' },
      { Key: 'alpha', Value: '' },
    ]);
    expect(iam.listRoleTags('r', {}).items).toEqual([
      { Key: 'alpha', Value: '' },
      { Key: 'team', Value: 'b' },
      { Key: 'zeta', Value: '1' },
    ]);
    iam.untagRole('r', ['TEAM', 'missing']);
    expect(iam.getRole('r').tags).toEqual([
      { Key: 'zeta', Value: '1' },
      { Key: 'alpha', Value: '' },
    ]);
  });

  it('treats policy tag keys as case-sensitive and refuses exact duplicates', () => {
    expectError(
      () =>
        iam.createPolicy(
          {
            policyName: 'p',
            policyDocument: S3_READ,
            tags: [
              { Key: '0', Value: '' },
              { Key: '0', Value: '' },
            ],
          },
          NOW,
        ),
      'InvalidInput',
      'Duplicate tag keys found.',
      400,
    );
    const tags = [
      { Key: 'a', Value: 'lowercase' },
      { Key: 'A', Value: 'uppercase' },
    ];
    const arn = iam.createPolicy({ policyName: 'p', policyDocument: S3_READ, tags }, NOW).arn;
    expect(iam.getPolicy(arn).tags).toEqual(tags);
    expectError(() => iam.tagPolicy(arn, [tags[0], tags[0]]), 'InvalidInput', 'Duplicate tag keys found.', 400);
    iam.tagPolicy(arn, [{ Key: 'a', Value: 'new' }]);
    iam.untagPolicy(arn, ['A']);
    expect(iam.listPolicyTags(arn, {}).items).toEqual([{ Key: 'a', Value: 'new' }]);
  });

  it('lists policy tags shorter keys first, as AWS does', () => {
    const tags = ['abc', 'b', 'z', 'a'].map((name) => ({ Key: name, Value: name }));
    const arn = iam.createPolicy({ policyName: 'p', policyDocument: S3_READ, tags }, NOW).arn;
    expect(iam.getPolicy(arn).tags).toEqual(tags);
    expect(iam.listPolicyTags(arn, {}).items.map((tag) => tag.Key)).toEqual(['a', 'b', 'z', 'abc']);
  });
});

describe('managed policies', () => {
  it('creates customer policies with unique names and versions up to five', () => {
    const policy = iam.createPolicy({ policyName: 'Team', path: '/teams/', policyDocument: S3_READ }, NOW);
    expect(policy.arn).toBe('arn:aws:iam::123456789012:policy/teams/Team');
    expect(policy.policyId).toMatch(/^ANPA[A-Z2-7]{17}$/);
    expectError(
      () => iam.createPolicy({ policyName: 'TEAM', policyDocument: S3_READ }, NOW),
      'EntityAlreadyExists',
      'A policy called TEAM already exists. Duplicate names are not allowed.',
      409,
    );
    for (let i = 2; i <= 5; i += 1) iam.createPolicyVersion(policy.arn, S3_READ, i === 3, NOW);
    expectError(
      () => iam.createPolicyVersion(policy.arn, S3_READ, false, NOW),
      'LimitExceeded',
      'A managed policy can have up to 5 versions. Before you create a new version, you must delete an existing version.',
      409,
    );
    expect(iam.getPolicy(policy.arn).defaultVersionId).toBe('v3');
    expectError(
      () => iam.deletePolicyVersion(policy.arn, 'v3'),
      'DeleteConflict',
      'Cannot delete the default version of a policy.',
      409,
    );
    iam.deletePolicyVersion(policy.arn, 'v2');
    // Version ids are never reused.
    expect(iam.createPolicyVersion(policy.arn, S3_READ, false, NOW).versionId).toBe('v6');
    expect(
      iam.listPolicyVersions(policy.arn, {}).items.map((v) => `${v.versionId}${v.isDefaultVersion ? '*' : ''}`),
    ).toEqual(['v6', 'v5', 'v4', 'v3*', 'v1']);
    expectError(
      () => iam.getPolicyVersion(policy.arn, 'v2'),
      'NoSuchEntity',
      `Policy ${policy.arn} version v2 does not exist or is not attachable.`,
      404,
    );
    expectError(
      () => iam.deletePolicy(policy.arn),
      'DeleteConflict',
      "This policy has more than one version. Before you delete a policy, you must delete the policy's versions. The default version is deleted with the policy.",
      409,
    );
  });

  it('refuses managed documents over 6,144 characters', () => {
    const big = JSON.stringify({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: `arn:aws:s3:::${'b'.repeat(6200)}/*` }],
    });
    expectError(
      () => iam.createPolicy({ policyName: 'Big', policyDocument: big }, NOW),
      'LimitExceeded',
      'Cannot exceed quota for PolicySize: 6144',
      409,
    );
  });

  it('refuses deleting an attached policy and lists its entities', () => {
    const arn = iam.createPolicy({ policyName: 'Shared', policyDocument: S3_READ }, NOW).arn;
    createRole('b-role');
    createRole('a-role', { permissionsBoundary: arn });
    iam.attachRolePolicy('b-role', arn);
    expectError(() => iam.deletePolicy(arn), 'DeleteConflict', 'Cannot delete a policy attached to entities.', 409);
    const entities = iam.listEntitiesForPolicy(arn, {}).items[0];
    expect(entities.roles.map((role) => role.roleName)).toEqual(['a-role', 'b-role']);
    expect(
      iam.listEntitiesForPolicy(arn, { policyUsageFilter: 'PermissionsPolicy' }).items[0].roles.map((r) => r.roleName),
    ).toEqual(['b-role']);
  });

  it('filters ListPolicies by scope, path, attachment and usage', () => {
    addAwsPolicy('AdministratorAccess');
    addAwsPolicy('DatabaseAdministrator', '/job-function/');
    addAwsPolicy('AWSSupportServiceRolePolicy', '/aws-service-role/');
    const local = iam.createPolicy({ policyName: 'Mine', policyDocument: S3_READ }, NOW).arn;
    createRole('r');
    iam.attachRolePolicy('r', local);
    const names = (input: Parameters<IamModel['listPolicies']>[0]) =>
      iam.listPolicies(input).items.map((p) => p.policyName);
    expect(names({ scope: 'AWS' })).toEqual([
      'AdministratorAccess',
      'AWSSupportServiceRolePolicy',
      'DatabaseAdministrator',
    ]);
    expect(names({ scope: 'Local' })).toEqual(['Mine']);
    expect(names({ scope: 'AWS', pathPrefix: '/job-function/' })).toEqual(['DatabaseAdministrator']);
    expect(names({ onlyAttached: true })).toEqual(['Mine']);
    expect(names({ policyUsageFilter: 'PermissionsBoundary' })).not.toContain('AWSSupportServiceRolePolicy');
  });

  it('refuses deleting or updating AWS managed policies whatever the caller may do', () => {
    const arn = addAwsPolicy('ReadOnlyAccess');
    expectError(() => iam.deletePolicy(arn), 'AccessDenied', 'Cannot delete policies outside your own account.', 403);
    expectError(
      () => iam.deletePolicyVersion(arn, 'v2'),
      'AccessDenied',
      'Cannot delete policy versions for policies outside your own account.',
      403,
    );
    expectError(
      () => iam.setDefaultPolicyVersion(arn, 'v3', NOW),
      'AccessDenied',
      'Cannot update policies outside your own account.',
      403,
    );
    // The caller's own authorization comes first.
    const denied = new AwsError('AccessDenied', 'denied by policy', 403);
    const deny: Authorize = () => {
      throw denied;
    };
    expect(awsError(() => iam.deletePolicy(arn, deny))).toBe(denied);
    expect(iam.findPolicy(arn)).toBeDefined();
  });

  it('names the missing policy in each operation’s own words', () => {
    const arn = 'arn:aws:iam::123456789012:policy/NotAPolicy';
    const notFound = `Policy ${arn} was not found.`;
    expectError(() => iam.deletePolicy(arn), 'NoSuchEntity', notFound, 404);
    expectError(() => iam.tagPolicy(arn, [{ Key: 'some', Value: 'value' }]), 'NoSuchEntity', notFound, 404);
    expectError(() => iam.untagPolicy(arn, ['some']), 'NoSuchEntity', notFound, 404);
    const noVersion = `Policy ${arn} version v1 does not exist or is not attachable.`;
    expectError(() => iam.getPolicyVersion(arn, 'v1'), 'NoSuchEntity', noVersion, 404);
    expectError(() => iam.setDefaultPolicyVersion(arn, 'v1', NOW), 'NoSuchEntity', noVersion, 404);
    expectError(() => iam.getPolicy(arn), 'NoSuchEntity', `Policy ${arn} does not exist or is not attachable.`, 404);
  });
});

describe('instance profiles', () => {
  it('holds one role at most', () => {
    createRole('one');
    createRole('two');
    const profile = iam.createInstanceProfile({ instanceProfileName: 'MatillionRole', path: '/app/' }, NOW);
    expect(profile.arn).toBe('arn:aws:iam::123456789012:instance-profile/app/MatillionRole');
    expect(profile.instanceProfileId).toMatch(/^AIPA[A-Z2-7]{17}$/);
    iam.addRoleToInstanceProfile('matillionrole', 'ONE');
    expect(iam.roleOfInstanceProfile(iam.getInstanceProfile('MatillionRole'))?.roleName).toBe('one');
    expectError(
      () => iam.addRoleToInstanceProfile('MatillionRole', 'two'),
      'LimitExceeded',
      'Cannot exceed quota for InstanceSessionsPerInstanceProfile: 1',
      409,
    );
    expectError(
      () => iam.deleteInstanceProfile('MatillionRole'),
      'DeleteConflict',
      'Cannot delete entity, must remove roles from instance profile first.',
      409,
    );
    expectError(
      () => iam.removeRoleFromInstanceProfile('MatillionRole', 'two'),
      'NoSuchEntity',
      'Role two in Instance Profile MatillionRole cannot be found.',
      404,
    );
    expect(iam.listInstanceProfilesForRole('one', {}).items.map((p) => p.instanceProfileName)).toEqual([
      'MatillionRole',
    ]);
    expectError(
      () => iam.createInstanceProfile({ instanceProfileName: 'MATILLIONROLE' }, NOW),
      'EntityAlreadyExists',
      'Instance Profile MATILLIONROLE already exists.',
      409,
    );
    expect(iam.findInstanceProfileByArn(profile.arn)?.instanceProfileName).toBe('MatillionRole');
  });

  it('asks for iam:PassRole on the role when adding it', () => {
    createRole('r', { path: '/svc/' });
    iam.createInstanceProfile({ instanceProfileName: 'ip' }, NOW);
    const checks: string[] = [];
    iam.addRoleToInstanceProfile('ip', 'r', (action, resource, conditions) => {
      checks.push(`${action} ${resource} ${conditions?.['iam:PassedToService'] ?? ''}`.trim());
    });
    expect(checks).toEqual([
      'iam:AddRoleToInstanceProfile arn:aws:iam::123456789012:instance-profile/ip',
      'iam:PassRole arn:aws:iam::123456789012:role/svc/r ec2.amazonaws.com',
    ]);
  });

  it('reports unknown profiles', () => {
    expectError(() => iam.getInstanceProfile('nope'), 'NoSuchEntity', 'Instance Profile nope cannot be found.', 404);
  });

  it('reports the missing profile, then the missing role, when removing a role', () => {
    createRole('r');
    iam.createInstanceProfile({ instanceProfileName: 'ip' }, NOW);
    expectError(
      () => iam.removeRoleFromInstanceProfile('nope', 'ghost'),
      'NoSuchEntity',
      'Instance Profile nope cannot be found.',
      404,
    );
    expectError(
      () => iam.removeRoleFromInstanceProfile('ip', 'ghost'),
      'NoSuchEntity',
      'The role with name ghost cannot be found.',
      404,
    );
  });
});

describe('pagination', () => {
  it('pages with an opaque marker until IsTruncated is false', () => {
    for (let i = 0; i < 7; i += 1) createRole(`role-${i}`);
    const seen: string[] = [];
    let marker: string | undefined;
    let pages = 0;
    do {
      const page = iam.listRoles({ maxItems: 3, marker });
      seen.push(...page.items.map((role) => role.roleName));
      marker = page.marker;
      expect(page.isTruncated).toBe(marker !== undefined);
      pages += 1;
    } while (marker);
    expect(pages).toBe(3);
    expect(seen).toEqual(Array.from({ length: 7 }, (_, i) => `role-${i}`));
  });

  it('checks MaxItems and Marker', () => {
    expectError(
      () => iam.listRoles({ maxItems: 0 }),
      'ValidationError',
      "1 validation error detected: Value at 'maxItems' failed to satisfy constraint: Member must have value greater than or equal to 1",
      400,
    );
    expectError(
      () => iam.listRoles({ maxItems: 1001 }),
      'ValidationError',
      "1 validation error detected: Value at 'maxItems' failed to satisfy constraint: Member must have value less than or equal to 1000",
      400,
    );
    expect(awsError(() => iam.listRoles({ marker: 'garbage' })).code).toBe('InvalidInput');
  });
});

describe('principalPolicies', () => {
  it('gathers managed default versions, inline policies and the boundary of a role', () => {
    const managed = iam.createPolicy({ policyName: 'M', policyDocument: S3_READ }, NOW).arn;
    const newer = S3_READ.replace('s3:GetObject', 's3:ListBucket');
    iam.createPolicyVersion(managed, newer, true, NOW);
    const boundary = iam.createPolicy({ policyName: 'B', policyDocument: S3_READ }, NOW).arn;
    createRole('r', { path: '/x/', permissionsBoundary: boundary });
    iam.attachRolePolicy('r', managed);
    iam.putRolePolicy('r', 'inline', S3_READ);
    expect(iam.principalPolicies('arn:aws:iam::123456789012:role/x/r')).toEqual({
      identityPolicies: [newer, S3_READ],
      permissionsBoundary: S3_READ,
    });
    expect(iam.principalPolicies('arn:aws:iam::123456789012:role/r')).toBeUndefined();
  });

  it('gathers a user’s policies', () => {
    const admin = addAwsPolicy('AdministratorAccess');
    const user = iam.createUser({ userName: 'local-admin' }, NOW);
    expect(user.userId).toMatch(/^AIDA/);
    iam.attachUserPolicy('local-admin', admin);
    expect(iam.principalPolicies(user.arn)).toEqual({ identityPolicies: [S3_READ] });
    expect(iam.listAttachedUserPolicies('local-admin', {}).items).toEqual([
      { policyName: 'AdministratorAccess', policyArn: admin },
    ]);
  });
});

describe('atomicity', () => {
  it('a failing request inside a transaction changes nothing', () => {
    const arn = iam.createPolicy({ policyName: 'P', policyDocument: S3_READ }, NOW).arn;
    createRole('r');
    expect(() =>
      store.transaction(() => {
        iam.attachRolePolicy('r', arn);
        iam.getRole('missing');
      }),
    ).toThrow();
    expect(iam.getRole('r').attachedPolicyArns).toEqual([]);
    expect(iam.policyUsage(arn).attachmentCount).toBe(0);
  });
});

describe('encodePolicyDocument', () => {
  it('encodes like AWS (RFC 3986)', () => {
    expect(encodePolicyDocument('{"A":"s3:*","R":"arn:aws:s3:::b/(x)!\'"}')).toBe(
      '%7B%22A%22%3A%22s3%3A%2A%22%2C%22R%22%3A%22arn%3Aaws%3As3%3A%3A%3Ab%2F%28x%29%21%27%22%7D',
    );
  });
});
