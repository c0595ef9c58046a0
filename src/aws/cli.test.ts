import { describe, expect, it } from 'vitest';
import { awsCli, compactJson } from './cli.ts';

describe('awsCli', () => {
  it('names the command and flags after the operation and the SDK input members, in the input order', () => {
    expect(awsCli('iam', 'AddRoleToInstanceProfile', { InstanceProfileName: 'web', RoleName: 'web' })).toBe(
      'aws iam add-role-to-instance-profile --instance-profile-name web --role-name web',
    );
  });

  it('quotes values for a POSIX shell and leaves out undefined members', () => {
    expect(awsCli('iam', 'UpdateRole', { RoleName: 'r', Description: "it's mine", MaxSessionDuration: 3600, PermissionsBoundary: undefined })).toBe(
      `aws iam update-role --role-name r --description 'it'\\''s mine' --max-session-duration 3600`,
    );
  });

  it('writes true as a bare flag, a list of strings as separate words and a list of structures as JSON', () => {
    expect(awsCli('iam', 'CreatePolicyVersion', { PolicyArn: 'arn:aws:iam::1:policy/P', PolicyDocument: '{}', SetAsDefault: true })).toBe(
      `aws iam create-policy-version --policy-arn arn:aws:iam::1:policy/P --policy-document '{}' --set-as-default`,
    );
    expect(awsCli('iam', 'UntagRole', { RoleName: 'r', TagKeys: ['a b', 'c'] })).toBe(`aws iam untag-role --role-name r --tag-keys 'a b' c`);
    expect(awsCli('iam', 'TagRole', { RoleName: 'r', Tags: [{ Key: 'team', Value: 'a,b' }] })).toBe(
      `aws iam tag-role --role-name r --tags '[{"Key":"team","Value":"a,b"}]'`,
    );
  });

  it('writes a structure in shorthand when its values allow it, and as JSON otherwise', () => {
    expect(awsCli('ec2', 'AssociateIamInstanceProfile', { InstanceId: 'i-1', IamInstanceProfile: { Name: 'WebServerRole' } }, { region: 'us-east-1' })).toBe(
      'aws ec2 associate-iam-instance-profile --region us-east-1 --instance-id i-1 --iam-instance-profile Name=WebServerRole',
    );
    expect(awsCli('ec2', 'AssociateIamInstanceProfile', { InstanceId: 'i-1', IamInstanceProfile: { Name: 'a,b=c' } })).toBe(
      `aws ec2 associate-iam-instance-profile --instance-id i-1 --iam-instance-profile '{"Name":"a,b=c"}'`,
    );
  });

  it('puts policy documents on one line, and passes text that is not JSON as typed', () => {
    expect(compactJson('{\n  "Version": "2012-10-17"\n}')).toBe('{"Version":"2012-10-17"}');
    expect(compactJson('{ broken')).toBe('{ broken');
  });
});
