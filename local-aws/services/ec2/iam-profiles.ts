import type { IamModel, InstanceProfileRecord } from '../iam/model.ts';

/** An IAM instance profile as EC2 needs it. */
export interface Ec2InstanceProfile {
  name: string;
  /** AIPA… */
  id: string;
  arn: string;
  createDate: string;
  /** ARN of the role inside the profile; undefined when the profile holds none. */
  roleArn?: string;
}

export interface InstanceProfileSource {
  byName(name: string): Ec2InstanceProfile | undefined;
  byArn(arn: string): Ec2InstanceProfile | undefined;
}

/** EC2 reads IAM's state directly (no authorization: EC2 itself, not the caller, looks the profile up). */
export function profileSource(iam: IamModel): InstanceProfileSource {
  const toEc2 = (profile: InstanceProfileRecord | undefined): Ec2InstanceProfile | undefined =>
    profile && {
      name: profile.instanceProfileName,
      id: profile.instanceProfileId,
      arn: profile.arn,
      createDate: profile.createDate,
      roleArn: iam.roleOfInstanceProfile(profile)?.arn,
    };
  return {
    byName: (name) => toEc2(iam.findInstanceProfile(name)),
    byArn: (arn) => toEc2(iam.findInstanceProfileByArn(arn)),
  };
}
