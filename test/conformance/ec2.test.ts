/**
 * EC2 conformance: the guide's CLI commands (ec2-iam-role-guide.txt) and AWS's answers for the
 * instance-profile association calls, through the real AWS CLI v2 against a fresh local AWS with the
 * demo fleet. Expected texts: aws-semantics.md §A.2, §B.2, §B.7, §B.8. Every refusal is checked for
 * its code and message and for leaving the associations and instances as they were.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { settingsFromEnv } from '../../local-aws/config.ts';
import { startLocalAws, type RunningLocalAws } from '../../local-aws/server/app.ts';
import { aws, cliError, fileArg, type CliResult } from './cli.ts';

const ACCOUNT = '123456789012';
const TRUST = {
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' }],
};
const ISO_DATE = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$/;
const ASSOCIATION_ID = /^iip-assoc-[0-9a-f]{17}$/;
const PROFILE_ID = /^AIPA[A-Z2-7]{17}$/;

type Json = Record<string, unknown>;
interface Instance {
  InstanceId: string;
  State: { Code: number; Name: string };
  IamInstanceProfile?: { Arn: string; Id: string };
  Tags?: { Key: string; Value: string }[];
  [key: string]: unknown;
}
interface Association {
  AssociationId: string;
  InstanceId: string;
  IamInstanceProfile: { Arn: string; Id: string };
  State: string;
  Timestamp?: string;
}

let server: RunningLocalAws;
const OPERATOR_KEY = { AWS_ACCESS_KEY_ID: 'AKIAEC2OPERATOR00001', AWS_SECRET_ACCESS_KEY: 'operator-secret-key-for-conformance-tests' };
const READER_KEY = { AWS_ACCESS_KEY_ID: 'AKIAEC2READER0000001', AWS_SECRET_ACCESS_KEY: 'reader-secret-key-for-conformance-tests0' };

function cli(args: string[], env?: Record<string, string>): Promise<CliResult> {
  return aws(args, { endpoint: server.url, env });
}

function ok(result: CliResult): Json {
  expect(result.stderr).toBe('');
  expect(result.status).toBe(0);
  return (result.json ?? {}) as Json;
}

function failed(result: CliResult, code: string, operation: string, message: string | RegExp): void {
  if (typeof message === 'string') expect(result.stderr.trim()).toBe(cliError(code, operation, message));
  else expect(result.stderr.trim()).toMatch(new RegExp(`^${escape(cliError(code, operation, ''))}${message.source}$`));
  expect(result.status).toBe(254);
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

async function instances(region = 'us-east-1', ...args: string[]): Promise<Instance[]> {
  const out = ok(await cli(['ec2', 'describe-instances', '--region', region, ...args])) as { Reservations: { Instances: Instance[] }[] };
  return out.Reservations.flatMap((r) => r.Instances);
}

async function instanceNamed(name: string, region = 'us-east-1'): Promise<Instance> {
  const found = await instances(region, '--filters', `Name=tag:Name,Values=${name}`);
  expect(found).toHaveLength(1);
  return found[0]!;
}

async function associations(region = 'us-east-1'): Promise<Association[]> {
  const out = ok(await cli(['ec2', 'describe-iam-instance-profile-associations', '--region', region])) as {
    IamInstanceProfileAssociations: Association[];
  };
  return out.IamInstanceProfileAssociations;
}

/**
 * What an error must leave untouched: every stored association and instance (state entered and
 * when, tags, profile), read in-process (the CLI is slow on a busy machine; the refusals themselves go through it).
 */
function snapshot(region = 'us-east-1'): string {
  const now = new Date();
  const ec2 = server.world.ec2;
  const state = ec2
    .describeInstances(region, {}, now)
    .items.flatMap((r) => r.instances)
    .map((v) => [v.record.instanceId, v.record.state, v.record.stateSince, v.profile?.arn ?? '-', JSON.stringify(v.record.tags)])
    .sort();
  const assoc = ec2
    .describeIamInstanceProfileAssociations(region, {}, now)
    // An association an earlier test detached may finish leaving on its own timer while this test runs: not a change.
    .items.filter((a) => a.record.state !== 'disassociating')
    .map((a) => [a.record.associationId, a.record.instanceId, a.record.profileArn, a.record.state, a.record.stateSince])
    .sort();
  return JSON.stringify({ state, assoc });
}

/** The id of the fleet instance tagged Name=name. */
function idOf(name: string, region = 'us-east-1'): string {
  const found = server.world.ec2
    .describeInstances(region, { filters: [{ name: 'tag:Name', values: [name] }] }, new Date())
    .items.flatMap((r) => r.instances);
  expect(found).toHaveLength(1);
  return found[0]!.record.instanceId;
}

async function expectUnchanged(action: () => Promise<void>, region = 'us-east-1'): Promise<void> {
  const before = snapshot(region);
  await action();
  expect(snapshot(region)).toBe(before);
}

/** Runs `action` with some lifecycle delays changed (the model's timings are settable for tests). */
async function withTimings(changes: Partial<RunningLocalAws['world']['ec2']['timings']>, action: () => Promise<void>): Promise<void> {
  const ec2 = server.world.ec2;
  const saved = ec2.timings;
  ec2.timings = { ...saved, ...changes };
  try {
    await action();
  } finally {
    ec2.timings = saved;
  }
}

async function sleep(ms: number): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, ms));
}

beforeAll(async () => {
  server = await startLocalAws({ ...settingsFromEnv({}), port: 0, dataDir: 'memory' });
  // Two IAM users for the authorization cases: one may use EC2 but not pass roles, one may only read.
  const { iam, credentials } = server.world;
  const now = new Date();
  const operator = iam.createUser({ userName: 'ec2-operator' }, now);
  iam.putUserPolicy(
    'ec2-operator',
    'ec2-all',
    JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'ec2:*', Resource: '*' }] }),
  );
  credentials.addUserAccessKey({
    accessKeyId: OPERATOR_KEY.AWS_ACCESS_KEY_ID,
    secretAccessKey: OPERATOR_KEY.AWS_SECRET_ACCESS_KEY,
    userArn: operator.arn,
    userId: operator.userId,
    accountId: ACCOUNT,
  });
  const reader = iam.createUser({ userName: 'ec2-reader' }, now);
  iam.putUserPolicy(
    'ec2-reader',
    'describe-only',
    JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'ec2:Describe*', Resource: '*' }] }),
  );
  credentials.addUserAccessKey({
    accessKeyId: READER_KEY.AWS_ACCESS_KEY_ID,
    secretAccessKey: READER_KEY.AWS_SECRET_ACCESS_KEY,
    userArn: reader.arn,
    userId: reader.userId,
    accountId: ACCOUNT,
  });
}, 60_000);

afterAll(async () => {
  await server?.close();
});

describe('the guide: describe instances, then attach MatillionRole with the CLI', () => {
  let apiOne: Instance;
  let associationId: string;
  let profileId: string;

  it('aws ec2 describe-instances lists the demo fleet with AWS\'s shape', async () => {
    const all = await instances();
    expect(all.length).toBe(12);
    apiOne = await instanceNamed('api-1');
    expect(apiOne).toMatchObject({
      InstanceId: expect.stringMatching(/^i-[0-9a-f]{17}$/),
      ImageId: expect.stringMatching(/^ami-/),
      InstanceType: 'm5.large',
      State: { Code: 16, Name: 'running' },
      LaunchTime: expect.stringMatching(ISO_DATE),
      Placement: { AvailabilityZone: 'us-east-1a', GroupName: '', Tenancy: 'default' },
      PrivateDnsName: expect.stringMatching(/^ip-172-31-\d+-\d+\.ec2\.internal$/),
      PublicDnsName: expect.stringMatching(/^ec2-\d+-\d+-\d+-\d+\.compute-1\.amazonaws\.com$/),
      PrivateIpAddress: expect.stringMatching(/^172\.31\./),
      PublicIpAddress: expect.stringMatching(/^\d+\.\d+\.\d+\.\d+$/),
      SubnetId: expect.stringMatching(/^subnet-/),
      VpcId: expect.stringMatching(/^vpc-/),
      Architecture: 'x86_64',
      RootDeviceType: 'ebs',
    });
    expect(apiOne.IamInstanceProfile).toBeUndefined();
    const stopped = await instanceNamed('web-3');
    expect(stopped.State).toEqual({ Code: 80, Name: 'stopped' });
    expect(stopped.PublicIpAddress).toBeUndefined();
    const web1 = await instanceNamed('web-1');
    expect(web1.IamInstanceProfile).toEqual({
      Arn: `arn:aws:iam::${ACCOUNT}:instance-profile/WebServerRole`,
      Id: expect.stringMatching(PROFILE_ID),
    });
  });

  it('creates MatillionRole and its instance profile with the CLI', async () => {
    ok(await cli(['iam', 'create-role', '--role-name', 'MatillionRole', '--assume-role-policy-document', fileArg(JSON.stringify(TRUST))]));
    const created = ok(await cli(['iam', 'create-instance-profile', '--instance-profile-name', 'MatillionRole'])) as {
      InstanceProfile: { InstanceProfileId: string };
    };
    profileId = created.InstanceProfile.InstanceProfileId;
    ok(await cli(['iam', 'add-role-to-instance-profile', '--instance-profile-name', 'MatillionRole', '--role-name', 'MatillionRole']));
  });

  it('aws ec2 associate-iam-instance-profile --iam-instance-profile Name="MatillionRole" answers as in the guide', async () => {
    const out = ok(
      await cli(['ec2', 'associate-iam-instance-profile', '--instance-id', apiOne.InstanceId, '--iam-instance-profile', 'Name="MatillionRole"']),
    );
    expect(out).toEqual({
      IamInstanceProfileAssociation: {
        InstanceId: apiOne.InstanceId,
        State: 'associating',
        AssociationId: expect.stringMatching(ASSOCIATION_ID),
        IamInstanceProfile: { Id: profileId, Arn: `arn:aws:iam::${ACCOUNT}:instance-profile/MatillionRole` },
        Timestamp: expect.stringMatching(ISO_DATE),
      },
    });
    associationId = (out.IamInstanceProfileAssociation as Association).AssociationId;
  });

  it('describe-iam-instance-profile-associations shows it associated shortly after; describe-instances shows the profile', async () => {
    await sleep(1600);
    const out = ok(
      await cli(['ec2', 'describe-iam-instance-profile-associations', '--filters', `Name=instance-id,Values=${apiOne.InstanceId}`]),
    ) as { IamInstanceProfileAssociations: Association[] };
    expect(out.IamInstanceProfileAssociations).toEqual([
      {
        AssociationId: associationId,
        InstanceId: apiOne.InstanceId,
        IamInstanceProfile: { Id: profileId, Arn: `arn:aws:iam::${ACCOUNT}:instance-profile/MatillionRole` },
        State: 'associated',
        Timestamp: expect.stringMatching(ISO_DATE),
      },
    ]);
    const filtered = await instances('us-east-1', '--filters', `Name=iam-instance-profile.arn,Values=arn:aws:iam::${ACCOUNT}:instance-profile/MatillionRole`);
    expect(filtered.map((i) => i.InstanceId)).toEqual([apiOne.InstanceId]);
    expect(filtered[0]!.IamInstanceProfile).toEqual({ Arn: `arn:aws:iam::${ACCOUNT}:instance-profile/MatillionRole`, Id: profileId });
  });

  it('replace-iam-instance-profile-association returns a NEW association id; the old one ends', async () => {
    const out = ok(
      await cli(['ec2', 'replace-iam-instance-profile-association', '--association-id', associationId, '--iam-instance-profile', 'Name=WebServerRole']),
    ) as { IamInstanceProfileAssociation: Association };
    const replacement = out.IamInstanceProfileAssociation;
    expect(replacement.AssociationId).toMatch(ASSOCIATION_ID);
    expect(replacement.AssociationId).not.toBe(associationId);
    expect(replacement).toMatchObject({ InstanceId: apiOne.InstanceId, State: 'associating' });
    expect(replacement.IamInstanceProfile.Arn).toBe(`arn:aws:iam::${ACCOUNT}:instance-profile/WebServerRole`);
    await sleep(1600);
    const mine = (await associations()).filter((a) => a.InstanceId === apiOne.InstanceId);
    expect(mine.map((a) => [a.AssociationId, a.State])).toEqual([[replacement.AssociationId, 'associated']]);
    associationId = replacement.AssociationId;
  });

  it('disassociate-iam-instance-profile answers disassociating, then the association is gone', async () => {
    const out = ok(await cli(['ec2', 'disassociate-iam-instance-profile', '--association-id', associationId])) as {
      IamInstanceProfileAssociation: Association;
    };
    expect(out.IamInstanceProfileAssociation).toMatchObject({ AssociationId: associationId, InstanceId: apiOne.InstanceId, State: 'disassociating' });
    await sleep(1600);
    expect((await associations()).filter((a) => a.InstanceId === apiOne.InstanceId)).toEqual([]);
    expect((await instanceNamed('api-1')).IamInstanceProfile).toBeUndefined();
  });
});

describe('AWS\'s refusals leave everything as it was', () => {
  const OP = {
    associate: 'AssociateIamInstanceProfile',
    replace: 'ReplaceIamInstanceProfileAssociation',
    disassociate: 'DisassociateIamInstanceProfile',
    describe: 'DescribeInstances',
    describeAssoc: 'DescribeIamInstanceProfileAssociations',
  };

  it('unknown profile name', async () => {
    const InstanceId = idOf('api-2');
    await expectUnchanged(async () => {
      const r = await cli(['ec2', 'associate-iam-instance-profile', '--instance-id', InstanceId, '--iam-instance-profile', 'Name=NoSuchProfile']);
      failed(r, 'InvalidParameterValue', OP.associate, 'Value (NoSuchProfile) for parameter iamInstanceProfile.name is invalid. Invalid IAM Instance Profile name');
    });
  });

  it('unknown profile ARN', async () => {
    const InstanceId = idOf('api-2');
    const arn = `arn:aws:iam::${ACCOUNT}:instance-profile/NoSuchProfile`;
    await expectUnchanged(async () => {
      const r = await cli(['ec2', 'associate-iam-instance-profile', '--instance-id', InstanceId, '--iam-instance-profile', `Arn=${arn}`]);
      failed(r, 'InvalidParameterValue', OP.associate, `Value (${arn}) for parameter iamInstanceProfile.arn is invalid. Invalid IAM Instance Profile ARN`);
    });
  });

  it('a role created with the CLI has no instance profile, so its name is not a profile name', async () => {
    const InstanceId = idOf('api-2');
    await expectUnchanged(async () => {
      const r = await cli(['ec2', 'associate-iam-instance-profile', '--instance-id', InstanceId, '--iam-instance-profile', 'Name=CliCreatedRole']);
      failed(r, 'InvalidParameterValue', OP.associate, 'Value (CliCreatedRole) for parameter iamInstanceProfile.name is invalid. Invalid IAM Instance Profile name');
    });
  });

  it('a profile that holds no role', async () => {
    const InstanceId = idOf('api-2');
    await expectUnchanged(async () => {
      const r = await cli(['ec2', 'associate-iam-instance-profile', '--instance-id', InstanceId, '--iam-instance-profile', 'Name=OrphanProfile']);
      failed(r, 'InvalidParameterValue', OP.associate, `IAM Instance Profile "arn:aws:iam::${ACCOUNT}:instance-profile/OrphanProfile" has no associated IAM Roles`);
    });
  });

  it('a second profile on an instance that has one', async () => {
    const InstanceId = idOf('web-1');
    await expectUnchanged(async () => {
      const r = await cli(['ec2', 'associate-iam-instance-profile', '--instance-id', InstanceId, '--iam-instance-profile', 'Name=BatchWorkerRole']);
      failed(r, 'IncorrectState', OP.associate, `There is an existing association for instance ${InstanceId}`);
    });
  });

  it('a terminated instance', async () => {
    const InstanceId = idOf('legacy-app');
    await expectUnchanged(async () => {
      const r = await cli(['ec2', 'associate-iam-instance-profile', '--instance-id', InstanceId, '--iam-instance-profile', 'Name=WebServerRole']);
      failed(r, 'IncorrectInstanceState', OP.associate, `The instance '${InstanceId}' is not in the 'running' or 'stopped' states.`);
    });
  });

  it('a pending instance (just launched)', async () => {
    // The CLI may take seconds on a busy machine: keep the new instance pending meanwhile.
    await withTimings({ pendingMs: 120_000 }, async () => {
      const run = ok(
        await cli(['ec2', 'run-instances', '--image-id', 'ami-0c02fb55956c7d316', '--instance-type', 't3.micro', '--count', '1']),
      ) as { Instances: Instance[] };
      const id = run.Instances[0]!.InstanceId;
      expect(run.Instances[0]!.State).toEqual({ Code: 0, Name: 'pending' });
      await expectUnchanged(async () => {
        const r = await cli(['ec2', 'associate-iam-instance-profile', '--instance-id', id, '--iam-instance-profile', 'Name=WebServerRole']);
        failed(r, 'IncorrectInstanceState', OP.associate, `The instance '${id}' is not in the 'running' or 'stopped' states.`);
      });
      ok(await cli(['ec2', 'terminate-instances', '--instance-ids', id]));
    });
  });

  it('a malformed instance id', async () => {
    await expectUnchanged(async () => {
      const r = await cli(['ec2', 'associate-iam-instance-profile', '--instance-id', 'xyz', '--iam-instance-profile', 'Name=WebServerRole']);
      failed(r, 'InvalidInstanceID.Malformed', OP.associate, 'Invalid id: "xyz"');
    });
  });

  it('an unknown instance id', async () => {
    await expectUnchanged(async () => {
      const r = await cli(['ec2', 'associate-iam-instance-profile', '--instance-id', 'i-0123456789abcdef0', '--iam-instance-profile', 'Name=WebServerRole']);
      failed(r, 'InvalidInstanceID.NotFound', OP.associate, "The instance ID 'i-0123456789abcdef0' does not exist");
    });
  });

  it('an instance id given as the association id', async () => {
    const InstanceId = idOf('web-1');
    await expectUnchanged(async () => {
      const r = await cli(['ec2', 'replace-iam-instance-profile-association', '--association-id', InstanceId, '--iam-instance-profile', 'Name=BatchWorkerRole']);
      failed(r, 'InvalidParameterValue', OP.replace, 'Invalid value for associationId.');
    });
  });

  it('an unknown association id (replace and disassociate)', async () => {
    await expectUnchanged(async () => {
      const replace = await cli(['ec2', 'replace-iam-instance-profile-association', '--association-id', 'iip-assoc-0123456789abcdef0', '--iam-instance-profile', 'Name=WebServerRole']);
      failed(replace, 'InvalidAssociationID.NotFound', OP.replace, "The association ID 'iip-assoc-0123456789abcdef0' does not exist");
      const disassociate = await cli(['ec2', 'disassociate-iam-instance-profile', '--association-id', 'iip-assoc-0123456789abcdef0']);
      failed(disassociate, 'InvalidAssociationID.NotFound', OP.disassociate, "The association ID 'iip-assoc-0123456789abcdef0' does not exist");
    });
  });

  it('a malformed association id on disassociate', async () => {
    await expectUnchanged(async () => {
      const r = await cli(['ec2', 'disassociate-iam-instance-profile', '--association-id', 'assoc-1']);
      failed(r, 'InvalidParameterValue', OP.disassociate, 'Invalid value for associationId.');
    });
  });

  it('replace on a stopped instance: "not the active association"; disassociate + associate works', async () => {
    const db = { InstanceId: idOf('db-replica') };
    const first = ok(await cli(['ec2', 'associate-iam-instance-profile', '--instance-id', db.InstanceId, '--iam-instance-profile', 'Name=WebServerRole'])) as {
      IamInstanceProfileAssociation: Association;
    };
    const id = first.IamInstanceProfileAssociation.AssociationId;
    await expectUnchanged(async () => {
      const r = await cli(['ec2', 'replace-iam-instance-profile-association', '--association-id', id, '--iam-instance-profile', 'Name=BatchWorkerRole']);
      failed(r, 'IncorrectState', OP.replace, `The association ${id} is not the active association`);
    });
    ok(await cli(['ec2', 'disassociate-iam-instance-profile', '--association-id', id]));
    const second = ok(await cli(['ec2', 'associate-iam-instance-profile', '--instance-id', db.InstanceId, '--iam-instance-profile', 'Name=BatchWorkerRole'])) as {
      IamInstanceProfileAssociation: Association;
    };
    expect(second.IamInstanceProfileAssociation.AssociationId).not.toBe(id);
  });

  it('a dry run: DryRunOperation, nothing stopped', async () => {
    const InstanceId = idOf('api-2');
    await expectUnchanged(async () => {
      const r = await cli(['ec2', 'stop-instances', '--instance-ids', InstanceId, '--dry-run']);
      failed(r, 'DryRunOperation', 'StopInstances', 'Request would have succeeded, but DryRun flag is set.');
    });
  });

  it('no iam:PassRole: UnauthorizedOperation naming the role', async () => {
    const InstanceId = idOf('api-2');
    await expectUnchanged(async () => {
      const r = await cli(['ec2', 'associate-iam-instance-profile', '--instance-id', InstanceId, '--iam-instance-profile', 'Name=WebServerRole'], OPERATOR_KEY);
      failed(
        r,
        'UnauthorizedOperation',
        OP.associate,
        new RegExp(
          escape(
            `You are not authorized to perform this operation. User: arn:aws:iam::${ACCOUNT}:user/ec2-operator is not authorized to perform: iam:PassRole on resource: arn:aws:iam::${ACCOUNT}:role/WebServerRole`,
          ) + '.*\\. Encoded authorization failure message: [A-Za-z0-9_-]+',
        ),
      );
    });
  });

  it('no ec2 permission: UnauthorizedOperation on the instance ARN; a dry run says the same', async () => {
    const InstanceId = idOf('api-2');
    const arn = `arn:aws:ec2:us-east-1:${ACCOUNT}:instance/${InstanceId}`;
    const denial = (action: string) =>
      new RegExp(
        escape(
          `You are not authorized to perform this operation. User: arn:aws:iam::${ACCOUNT}:user/ec2-reader is not authorized to perform: ec2:${action} on resource: ${arn}`,
        ) + '.*\\. Encoded authorization failure message: [A-Za-z0-9_-]+',
      );
    await expectUnchanged(async () => {
      const associate = ['ec2', 'associate-iam-instance-profile', '--instance-id', InstanceId, '--iam-instance-profile', 'Name=WebServerRole'];
      failed(await cli(associate, READER_KEY), 'UnauthorizedOperation', OP.associate, denial('AssociateIamInstanceProfile'));
      const stop = ['ec2', 'stop-instances', '--instance-ids', InstanceId, '--dry-run'];
      failed(await cli(stop, READER_KEY), 'UnauthorizedOperation', 'StopInstances', denial('StopInstances'));
    });
  });

  it('describe-instances: instance ids with max-results', async () => {
    const InstanceId = idOf('web-1');
    const r = await cli(['ec2', 'describe-instances', '--instance-ids', InstanceId, '--max-results', '5', '--no-paginate']);
    failed(r, 'InvalidParameterCombination', OP.describe, 'The parameter instancesSet cannot be used with the parameter maxResults');
  });

  it('describe-instances: max-results under 5', async () => {
    const r = await cli(['ec2', 'describe-instances', '--max-results', '2', '--no-paginate']);
    failed(r, 'InvalidParameterValue', OP.describe, 'Value ( 2 ) for parameter maxResults is invalid. Expecting a value greater than 5.');
  });

  it('describe-instances: an unknown filter', async () => {
    const r = await cli(['ec2', 'describe-instances', '--filters', 'Name=colour,Values=red']);
    failed(r, 'InvalidParameterValue', OP.describe, "The filter 'colour' is invalid");
  });

  it('describe-instances: unknown ids, singular and plural; malformed', async () => {
    failed(await cli(['ec2', 'describe-instances', '--instance-ids', 'i-0123456789abcdef0']), 'InvalidInstanceID.NotFound', OP.describe, "The instance ID 'i-0123456789abcdef0' does not exist");
    failed(
      await cli(['ec2', 'describe-instances', '--instance-ids', 'i-0123456789abcdef0', 'i-0123456789abcdef1']),
      'InvalidInstanceID.NotFound',
      OP.describe,
      "The instance IDs 'i-0123456789abcdef0, i-0123456789abcdef1' do not exist",
    );
    failed(await cli(['ec2', 'describe-instances', '--instance-ids', 'xyz']), 'InvalidInstanceID.Malformed', OP.describe, 'Invalid id: "xyz"');
  });

  it('describe-iam-instance-profile-associations: an unknown filter, an unknown id', async () => {
    failed(
      await cli(['ec2', 'describe-iam-instance-profile-associations', '--filters', 'Name=profile,Values=x']),
      'InvalidParameterValue',
      OP.describeAssoc,
      "The filter 'profile' is invalid",
    );
    failed(
      await cli(['ec2', 'describe-iam-instance-profile-associations', '--association-ids', 'iip-assoc-0123456789abcdef0']),
      'InvalidAssociationID.NotFound',
      OP.describeAssoc,
      "The association ID 'iip-assoc-0123456789abcdef0' does not exist",
    );
  });

  it('start a terminated instance; stop a stopped one changes nothing', async () => {
    const legacy = { InstanceId: idOf('legacy-app') };
    await expectUnchanged(async () => {
      failed(
        await cli(['ec2', 'start-instances', '--instance-ids', legacy.InstanceId]),
        'IncorrectInstanceState',
        'StartInstances',
        `The instance '${legacy.InstanceId}' is not in a state from which it can be started.`,
      );
      const web3 = { InstanceId: idOf('web-3') };
      const out = ok(await cli(['ec2', 'stop-instances', '--instance-ids', web3.InstanceId])) as Json;
      expect(out).toEqual({
        StoppingInstances: [{ InstanceId: web3.InstanceId, CurrentState: { Code: 80, Name: 'stopped' }, PreviousState: { Code: 80, Name: 'stopped' } }],
      });
    });
  });
});

describe('eu-west-1 and the instance lifecycle', () => {
  it('eu-west-1 has its own fleet, zones and associations', async () => {
    const eu = await instances('eu-west-1');
    expect(eu).toHaveLength(4);
    expect(eu.every((i) => /^eu-west-1[abc]$/.test((i.Placement as { AvailabilityZone: string }).AvailabilityZone))).toBe(true);
    const zones = ok(await cli(['ec2', 'describe-availability-zones', '--region', 'eu-west-1'])) as { AvailabilityZones: Json[] };
    expect(zones.AvailabilityZones.map((z) => z.ZoneName)).toEqual(['eu-west-1a', 'eu-west-1b', 'eu-west-1c']);
    const web2 = await instanceNamed('eu-web-2', 'eu-west-1');
    expect(web2.PrivateDnsName).toMatch(/\.eu-west-1\.compute\.internal$/);
    // a us-east-1 instance id is unknown in eu-west-1
    const east = { InstanceId: idOf('api-2') };
    failed(
      await cli(['ec2', 'associate-iam-instance-profile', '--region', 'eu-west-1', '--instance-id', east.InstanceId, '--iam-instance-profile', 'Name=WebServerRole']),
      'InvalidInstanceID.NotFound',
      'AssociateIamInstanceProfile',
      `The instance ID '${east.InstanceId}' does not exist`,
    );
    const out = ok(
      await cli(['ec2', 'associate-iam-instance-profile', '--region', 'eu-west-1', '--instance-id', web2.InstanceId, '--iam-instance-profile', 'Name=BatchWorkerRole']),
    ) as { IamInstanceProfileAssociation: Association };
    expect(out.IamInstanceProfileAssociation.State).toBe('associating');
    expect((await associations('eu-west-1')).map((a) => a.InstanceId)).toContain(web2.InstanceId);
    expect((await associations('us-east-1')).map((a) => a.InstanceId)).not.toContain(web2.InstanceId);
  });

  it('describe-regions lists the two regions', async () => {
    const out = ok(await cli(['ec2', 'describe-regions'])) as { Regions: Json[] };
    expect(out.Regions).toEqual([
      { Endpoint: 'ec2.us-east-1.amazonaws.com', RegionName: 'us-east-1', OptInStatus: 'opt-in-not-required' },
      { Endpoint: 'ec2.eu-west-1.amazonaws.com', RegionName: 'eu-west-1', OptInStatus: 'opt-in-not-required' },
    ]);
  });

  it('run, tag, stop and terminate with the state-change answers', async () => {
    await withTimings({ pendingMs: 500, stoppingMs: 120_000, shuttingDownMs: 120_000 }, async () => {
      const run = ok(
        await cli([
          'ec2', 'run-instances', '--region', 'eu-west-1', '--image-id', 'ami-0d71ea30463e0ff8d', '--instance-type', 't3.micro', '--count', '1',
          '--tag-specifications', 'ResourceType=instance,Tags=[{Key=Name,Value=conformance}]',
        ]),
      ) as { ReservationId: string; OwnerId: string; Instances: Instance[] };
      expect(run.ReservationId).toMatch(/^r-[0-9a-f]{17}$/);
      expect(run.OwnerId).toBe(ACCOUNT);
      const id = run.Instances[0]!.InstanceId;
      expect(run.Instances[0]!.Tags).toEqual([{ Key: 'Name', Value: 'conformance' }]);
      ok(await cli(['ec2', 'create-tags', '--region', 'eu-west-1', '--resources', id, '--tags', 'Key=Team,Value=qa']));
      await sleep(600);
      const running = await instanceNamed('conformance', 'eu-west-1');
      expect(running.State).toEqual({ Code: 16, Name: 'running' });
      expect(running.Tags).toEqual([{ Key: 'Name', Value: 'conformance' }, { Key: 'Team', Value: 'qa' }]);
      expect(ok(await cli(['ec2', 'stop-instances', '--region', 'eu-west-1', '--instance-ids', id]))).toEqual({
        StoppingInstances: [{ InstanceId: id, CurrentState: { Code: 64, Name: 'stopping' }, PreviousState: { Code: 16, Name: 'running' } }],
      });
      ok(await cli(['ec2', 'delete-tags', '--region', 'eu-west-1', '--resources', id, '--tags', 'Key=Team']));
      expect(ok(await cli(['ec2', 'terminate-instances', '--region', 'eu-west-1', '--instance-ids', id]))).toEqual({
        TerminatingInstances: [{ InstanceId: id, CurrentState: { Code: 32, Name: 'shutting-down' }, PreviousState: { Code: 64, Name: 'stopping' } }],
      });
      const gone = await instanceNamed('conformance', 'eu-west-1');
      expect(gone.Tags).toEqual([{ Key: 'Name', Value: 'conformance' }]);
      expect(gone.State).toEqual({ Code: 32, Name: 'shutting-down' });
      expect(gone.PublicIpAddress).toBeUndefined();
    });
  });

  it('pages describe-instances with --page-size as the CLI does (MaxResults + NextToken)', async () => {
    const all = await instances('us-east-1');
    const paged = await instances('us-east-1', '--page-size', '5');
    expect(paged.map((i) => i.InstanceId)).toEqual(all.map((i) => i.InstanceId));
    const firstPage = ok(await cli(['ec2', 'describe-instances', '--max-results', '5', '--no-paginate'])) as { NextToken?: string; Reservations: unknown[] };
    expect(firstPage.Reservations).toHaveLength(5);
    expect(firstPage.NextToken).toEqual(expect.any(String));
  });
});
