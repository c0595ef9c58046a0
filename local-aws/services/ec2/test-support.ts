import { settingsFromEnv, type LocalAwsSettings } from '../../config.ts';
import { openStore, type Store } from '../../store/store.ts';
import { IamModel } from '../iam/model.ts';
import type { AuthCheck, Gate } from './model.ts';
import { Ec2Model } from './model.ts';

/** Shared fixtures for the EC2 unit tests (not used by the server). */

export const T0 = new Date('2026-03-02T10:00:00.000Z');

export function at(ms: number): Date {
  return new Date(T0.getTime() + ms);
}

export const EC2_TRUST_POLICY = JSON.stringify({
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' }],
});

export interface Fixture {
  store: Store;
  iam: IamModel;
  ec2: Ec2Model;
}

export function fixture(settings: Partial<LocalAwsSettings> = {}): Fixture {
  const store = openStore('memory');
  const iam = new IamModel(store);
  // An empty environment: the defaults, whatever the shell running the tests has set.
  const ec2 = new Ec2Model(store, iam, { ...settingsFromEnv({}), ...settings });
  return { store, iam, ec2 };
}

/** A role for EC2 and a same-name instance profile holding it (what the console creates). */
export function createRoleWithProfile(iam: IamModel, name: string, now: Date = at(-3_600_000)): { roleArn: string; profileArn: string; profileId: string } {
  const role = iam.createRole({ roleName: name, assumeRolePolicyDocument: EC2_TRUST_POLICY }, now);
  const profile = iam.createInstanceProfile({ instanceProfileName: name }, now);
  iam.addRoleToInstanceProfile(name, name);
  return { roleArn: role.arn, profileArn: profile.arn, profileId: profile.instanceProfileId };
}

/** A gate that records the checks it is shown and lets everything through. */
export function recordingGate(): Gate & { checks: AuthCheck[] } {
  const checks: AuthCheck[] = [];
  const gate = ((seen: readonly AuthCheck[]) => {
    checks.push(...seen);
  }) as Gate & { checks: AuthCheck[] };
  gate.checks = checks;
  return gate;
}

/** Launches one instance at `now` and returns its id (running from now + pendingMs). */
export function launch(ec2: Ec2Model, now: Date = T0, region = 'us-east-1', extra: { tags?: { key: string; value: string }[]; instanceType?: string } = {}): string {
  const reservation = ec2.runInstances(
    region,
    { imageId: 'ami-0abcdef1234567890', instanceType: extra.instanceType ?? 't3.micro', minCount: 1, maxCount: 1, tags: extra.tags },
    now,
    () => undefined,
  );
  return reservation.instances[0]!.record.instanceId;
}

/** Catches the AwsError a call throws. */
export function caught(fn: () => unknown): { code: string; message: string; status: number } {
  try {
    fn();
  } catch (error) {
    const e = error as { code: string; message: string; status: number };
    return { code: e.code, message: e.message, status: e.status };
  }
  throw new Error('expected an error');
}
