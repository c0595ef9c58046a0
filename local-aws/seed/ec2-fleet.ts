import type { IamModel } from '../services/iam/model.ts';
import { openGate, type Ec2Model } from '../services/ec2/model.ts';

/**
 * The demo EC2 fleet: a dozen instances in us-east-1 and four in eu-west-1 in every state, some
 * with roles attached, plus the IAM side of the story the console is about:
 * - WebServerRole and BatchWorkerRole, created as the console creates EC2 roles (same-name profile);
 * - OrphanProfile, attached to the bastion, whose role was deleted afterwards (profile without role);
 * - CliCreatedRole, created as the CLI creates roles: no instance profile, so EC2 cannot use it yet.
 *
 * Everything is created through the models with past timestamps, so states (stopping, pending,
 * terminated…) are where AWS would have them at `now` and move on from there.
 */

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

const EC2_TRUST_POLICY = JSON.stringify(
  {
    Version: '2012-10-17',
    Statement: [{ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' }],
  },
  null,
  2,
);
const CONSOLE_EC2_DESCRIPTION = 'Allows EC2 instances to call AWS services on your behalf.';
const AWS_POLICY = 'arn:aws:iam::aws:policy/';

const AMI: Record<string, string> = { 'us-east-1': 'ami-0c02fb55956c7d316', 'eu-west-1': 'ami-0d71ea30463e0ff8d' };

type FleetState = 'running' | 'stopped' | 'stopping' | 'pending' | 'terminated';

interface FleetInstance {
  name: string;
  type: string;
  zone: 'a' | 'b' | 'c';
  state: FleetState;
  /** How long ago the instance was first launched. */
  launchedAgo: number;
  profile?: string;
  tags?: Record<string, string>;
}

const FLEET: Record<string, FleetInstance[]> = {
  'us-east-1': [
    { name: 'web-1', type: 't3.micro', zone: 'a', state: 'running', launchedAgo: 41 * DAY, profile: 'WebServerRole', tags: { Tier: 'web' } },
    { name: 'web-2', type: 't3.micro', zone: 'b', state: 'running', launchedAgo: 41 * DAY, profile: 'WebServerRole', tags: { Tier: 'web' } },
    { name: 'web-3', type: 't3.micro', zone: 'c', state: 'stopped', launchedAgo: 12 * DAY, tags: { Tier: 'web' } },
    { name: 'api-1', type: 'm5.large', zone: 'a', state: 'running', launchedAgo: 30 * DAY, tags: { Tier: 'api' } },
    { name: 'api-2', type: 'm5.large', zone: 'b', state: 'running', launchedAgo: 30 * DAY, tags: { Tier: 'api' } },
    { name: 'batch-worker', type: 'c6i.xlarge', zone: 'c', state: 'running', launchedAgo: 9 * DAY, profile: 'BatchWorkerRole', tags: { Tier: 'batch' } },
    { name: 'bastion', type: 't3.micro', zone: 'a', state: 'running', launchedAgo: 120 * DAY, profile: 'OrphanProfile', tags: { Tier: 'ops' } },
    { name: 'db-primary', type: 'm5.large', zone: 'b', state: 'running', launchedAgo: 90 * DAY, tags: { Tier: 'data' } },
    { name: 'db-replica', type: 'm5.large', zone: 'c', state: 'stopped', launchedAgo: 90 * DAY, tags: { Tier: 'data' } },
    { name: 'reporting', type: 'c6i.xlarge', zone: 'a', state: 'stopping', launchedAgo: 5 * DAY, tags: { Tier: 'batch' } },
    { name: 'ci-runner', type: 't3.micro', zone: 'b', state: 'pending', launchedAgo: 0, tags: { Tier: 'ops' } },
    { name: 'legacy-app', type: 't3.micro', zone: 'c', state: 'terminated', launchedAgo: 200 * DAY, tags: { Tier: 'web' } },
  ],
  'eu-west-1': [
    { name: 'eu-web-1', type: 't3.micro', zone: 'a', state: 'running', launchedAgo: 20 * DAY, profile: 'WebServerRole', tags: { Tier: 'web' } },
    { name: 'eu-web-2', type: 't3.micro', zone: 'b', state: 'running', launchedAgo: 20 * DAY, tags: { Tier: 'web' } },
    { name: 'eu-worker', type: 'c6i.xlarge', zone: 'c', state: 'stopped', launchedAgo: 15 * DAY, tags: { Tier: 'batch' } },
    { name: 'eu-analytics', type: 'm5.large', zone: 'a', state: 'running', launchedAgo: 6 * DAY, tags: { Tier: 'data' } },
  ],
};

function ago(now: Date, ms: number): Date {
  return new Date(now.getTime() - ms);
}

function attachIfKnown(iam: IamModel, roleName: string, policyName: string): void {
  const arn = AWS_POLICY + policyName;
  if (iam.findPolicy(arn)) iam.attachRolePolicy(roleName, arn);
}

/** A role for EC2 as the console makes it: the role, its policies, then a same-name instance profile. */
function consoleEc2Role(iam: IamModel, roleName: string, policies: string[], createdAt: Date): void {
  iam.createRole({ roleName, assumeRolePolicyDocument: EC2_TRUST_POLICY, description: CONSOLE_EC2_DESCRIPTION }, createdAt);
  for (const policy of policies) attachIfKnown(iam, roleName, policy);
  iam.createInstanceProfile({ instanceProfileName: roleName }, createdAt);
  iam.addRoleToInstanceProfile(roleName, roleName);
}

function launchFleetInstance(ec2: Ec2Model, region: string, spec: FleetInstance, now: Date): void {
  const launchedAt = ago(now, spec.launchedAgo);
  const tags = [{ key: 'Name', value: spec.name }, ...Object.entries(spec.tags ?? {}).map(([key, value]) => ({ key, value }))];
  const reservation = ec2.runInstances(
    region,
    {
      imageId: AMI[region]!,
      instanceType: spec.type,
      minCount: 1,
      maxCount: 1,
      availabilityZone: `${region}${spec.zone}`,
      keyName: 'ops-key',
      tags,
    },
    launchedAt,
    openGate,
  );
  const instanceId = reservation.instances[0]!.record.instanceId;
  if (spec.profile) {
    const attachedAt = new Date(Math.min(launchedAt.getTime() + HOUR, now.getTime() - MINUTE));
    ec2.associateIamInstanceProfile(region, { instanceId, profile: { name: spec.profile } }, attachedAt, openGate);
  }
  switch (spec.state) {
    case 'stopped':
      ec2.stopInstances(region, [instanceId], ago(now, 2 * DAY), openGate);
      break;
    case 'stopping':
      ec2.stopInstances(region, [instanceId], ago(now, 1000), openGate);
      break;
    case 'terminated':
      ec2.terminateInstances(region, [instanceId], ago(now, 10 * MINUTE), openGate);
      break;
    case 'running':
    case 'pending':
      break;
  }
}

export function seedEc2Fleet({ iam, ec2 }: { iam: IamModel; ec2: Ec2Model }, now: Date): void {
  const rolesCreated = ago(now, 200 * DAY);
  consoleEc2Role(iam, 'WebServerRole', ['AmazonSSMManagedInstanceCore', 'AmazonS3ReadOnlyAccess'], rolesCreated);
  consoleEc2Role(iam, 'BatchWorkerRole', ['AmazonSSMManagedInstanceCore', 'AmazonSQSFullAccess', 'CloudWatchAgentServerPolicy'], rolesCreated);

  // OrphanProfile once held a role; the role was removed and deleted after the bastion got the profile.
  iam.createRole({ roleName: 'LegacyBastionRole', assumeRolePolicyDocument: EC2_TRUST_POLICY }, rolesCreated);
  iam.createInstanceProfile({ instanceProfileName: 'OrphanProfile' }, rolesCreated);
  iam.addRoleToInstanceProfile('OrphanProfile', 'LegacyBastionRole');

  for (const [region, instances] of Object.entries(FLEET)) {
    for (const spec of instances) launchFleetInstance(ec2, region, spec, now);
  }

  iam.removeRoleFromInstanceProfile('OrphanProfile', 'LegacyBastionRole');
  iam.deleteRole('LegacyBastionRole');

  // What `aws iam create-role` leaves behind: a role for EC2 with no instance profile.
  iam.createRole({ roleName: 'CliCreatedRole', assumeRolePolicyDocument: EC2_TRUST_POLICY }, ago(now, 3 * DAY));
  attachIfKnown(iam, 'CliCreatedRole', 'AmazonS3ReadOnlyAccess');
}
