/** EC2 set-up and checks for the instances specs, with the real AWS CLI v2 as local-admin. */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { localAwsUrl } from './local-aws.ts';

const run = promisify(execFile);

/** The documented admin key of IAM user local-admin (DESIGN.md). */
const ADMIN_ENV = {
  AWS_ACCESS_KEY_ID: 'AKIAIOSFODNN7EXAMPLE',
  AWS_SECRET_ACCESS_KEY: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
  AWS_CONFIG_FILE: '/dev/null',
  AWS_SHARED_CREDENTIALS_FILE: '/dev/null',
  AWS_PAGER: '',
  AWS_EC2_METADATA_DISABLED: 'true',
};

/** Runs `/usr/bin/aws <args> --endpoint-url <local AWS> --region <region> --output json` and parses the answer. */
export async function ec2Cli<T = Record<string, unknown>>(args: string[], region = 'us-east-1'): Promise<T> {
  const { stdout } = await run('/usr/bin/aws', [...args, '--endpoint-url', localAwsUrl(), '--region', region, '--output', 'json'], {
    env: { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: process.env.HOME ?? '/tmp', ...ADMIN_ENV },
    timeout: 60_000,
  });
  return (stdout.trim() ? JSON.parse(stdout) : {}) as T;
}

export interface CliAssociation {
  AssociationId: string;
  InstanceId: string;
  State: string;
  IamInstanceProfile: { Arn: string; Id: string };
}

/** `aws ec2 describe-iam-instance-profile-associations --filters Name=instance-id,Values=<id>`. */
export async function associationsOf(instanceId: string, region = 'us-east-1'): Promise<CliAssociation[]> {
  const output = await ec2Cli<{ IamInstanceProfileAssociations: CliAssociation[] }>(
    ['ec2', 'describe-iam-instance-profile-associations', '--filters', `Name=instance-id,Values=${instanceId}`],
    region,
  );
  return output.IamInstanceProfileAssociations;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function waitForState(instanceId: string, state: string, region: string): Promise<void> {
  for (let attempt = 0; attempt < 40; attempt++) {
    const output = await ec2Cli<{ Reservations: { Instances: { State: { Name: string } }[] }[] }>(
      ['ec2', 'describe-instances', '--instance-ids', instanceId],
      region,
    );
    if (output.Reservations[0]?.Instances[0]?.State.Name === state) return;
    await sleep(500);
  }
  throw new Error(`${instanceId} did not reach ${state}`);
}

/** Launches a fresh tagged instance (so each spec owns its instances) and waits until it is in `state`. */
export async function launchInstance(name: string, state: 'running' | 'stopped' | 'terminated', region = 'us-east-1'): Promise<string> {
  const output = await ec2Cli<{ Instances: { InstanceId: string }[] }>(
    [
      'ec2',
      'run-instances',
      '--image-id',
      'ami-0c02fb55956c7d316',
      '--instance-type',
      't3.micro',
      '--count',
      '1',
      '--tag-specifications',
      `ResourceType=instance,Tags=[{Key=Name,Value=${name}}]`,
    ],
    region,
  );
  const instanceId = output.Instances[0]!.InstanceId;
  await waitForState(instanceId, 'running', region);
  if (state === 'stopped') {
    await ec2Cli(['ec2', 'stop-instances', '--instance-ids', instanceId], region);
    await waitForState(instanceId, 'stopped', region);
  }
  if (state === 'terminated') {
    await ec2Cli(['ec2', 'terminate-instances', '--instance-ids', instanceId], region);
    await waitForState(instanceId, 'terminated', region);
  }
  return instanceId;
}

/** Attaches a profile with the CLI and waits until it is associated (set-up for replace and detach). */
export async function attachWithCli(instanceId: string, profileName: string, region = 'us-east-1'): Promise<void> {
  await ec2Cli(['ec2', 'associate-iam-instance-profile', '--instance-id', instanceId, '--iam-instance-profile', `Name=${profileName}`], region);
  for (let attempt = 0; attempt < 20; attempt++) {
    if ((await associationsOf(instanceId, region)).some((association) => association.State === 'associated')) return;
    await sleep(500);
  }
  throw new Error(`the association of ${instanceId} did not settle`);
}

export function profileArn(name: string): string {
  return `arn:aws:iam::123456789012:instance-profile/${name}`;
}
