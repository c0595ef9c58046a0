import { describe, expect, it } from 'vitest';
import type { InstanceProfile, Role } from '@aws-sdk/client-iam';
import { ec2RolesOf } from './list-ec2-roles.ts';
import { profileDirectoryOf } from './list-instance-profiles.ts';

const created = new Date('2026-01-01T00:00:00Z');

function role(name: string, service: string): Role {
  const trust = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: service }, Action: 'sts:AssumeRole' }] };
  return { RoleName: name, RoleId: `AROA${name}`, Arn: `arn:aws:iam::123456789012:role/${name}`, Path: '/', CreateDate: created, AssumeRolePolicyDocument: encodeURIComponent(JSON.stringify(trust)) };
}

function profile(name: string, roleName?: string): InstanceProfile {
  return {
    InstanceProfileName: name,
    InstanceProfileId: `AIPA${name}`,
    Arn: `arn:aws:iam::123456789012:instance-profile/${name}`,
    Path: '/',
    CreateDate: created,
    Roles: roleName ? [role(roleName, 'ec2.amazonaws.com')] : [],
  };
}

describe('the instances views of the cached IAM lists', () => {
  it('keeps the roles EC2 may assume, sorted by name', () => {
    const roles = [role('web', 'ec2.amazonaws.com'), role('lambda-worker', 'lambda.amazonaws.com'), role('batch', 'ec2.amazonaws.com')];
    expect(ec2RolesOf(roles).map((summary) => summary.name)).toEqual(['batch', 'web']);
  });

  it('indexes profiles by ARN and lower-case name, and knows which roles sit in one', () => {
    const directory = profileDirectoryOf([profile('Web', 'WebRole'), profile('empty')]);
    expect(directory.profiles.map((summary) => summary.name)).toEqual(['empty', 'Web']);
    expect(directory.byName.get('web')?.roleName).toBe('WebRole');
    expect(directory.byArn.get('arn:aws:iam::123456789012:instance-profile/empty')?.roleName).toBeUndefined();
    expect([...directory.rolesInProfiles]).toEqual(['webrole']);
  });
});
