import { describe, expect, it } from 'vitest';
import { checkPolicy } from './check-policy';
import type { PolicyKind } from './context';
import { proceedState, securityWarningsKey, type Finding } from './findings';

const identity = (statements: unknown[], version: string | null = '2012-10-17') =>
  JSON.stringify(version === null ? { Statement: statements } : { Version: version, Statement: statements }, null, 4);

const trust = (statement: Record<string, unknown>) => identity([{ Effect: 'Allow', ...statement }]);

function codes(text: string, kind: PolicyKind = 'identity'): string[] {
  return checkPolicy(text, kind).map((finding) => finding.code);
}

function only(text: string, code: string, kind: PolicyKind = 'identity'): Finding {
  const matching = checkPolicy(text, kind).filter((finding) => finding.code === code);
  expect(matching, `expected one ${code} in ${JSON.stringify(checkPolicy(text, kind), null, 1)}`).toHaveLength(1);
  return matching[0];
}

const S3_READ = { Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::my-bucket/*' };
const EC2_TRUST = { Principal: { Service: ['ec2.amazonaws.com'] }, Action: ['sts:AssumeRole'] };

describe('checkPolicy: clean documents', () => {
  it('finds nothing in a minimal correct identity policy', () => {
    expect(checkPolicy(identity([S3_READ]), 'identity')).toEqual([]);
  });

  it('finds nothing in the console EC2 trust policy', () => {
    expect(checkPolicy(trust(EC2_TRUST), 'trust')).toEqual([]);
  });

  it('accepts a single statement object, action name case-insensitively, and a boundary', () => {
    const text = JSON.stringify({
      Version: '2012-10-17',
      Statement: { Effect: 'Deny', Action: 'EC2:describeinstances', Resource: '*' },
    });
    expect(checkPolicy(text, 'boundary')).toEqual([]);
  });
});

describe('checkPolicy: JSON and document grammar', () => {
  it('reports invalid JSON with the line and column of the parse error', () => {
    const text = '{\n    "Version": "2012-10-17",\n    "Statement": [,]\n}';
    const finding = only(text, 'INVALID_JSON');
    expect(finding.severity).toBe('error');
    expect(finding.location.start).toEqual({ line: 3, column: 19 });
    expect(finding.message).toContain('line 3, column 19');
    expect(finding.rejectedByIam?.awsMessage).toBe('This policy contains invalid Json');
  });

  it('points at a trailing comma', () => {
    const text = '{\n  "Version": "2012-10-17",\n  "Statement": [],\n}';
    const finding = only(text, 'INVALID_JSON');
    expect(finding.location.start).toEqual({ line: 4, column: 1 });
    expect(finding.message).toMatch(/comma/i);
  });

  it('warns about a missing Version', () => {
    const finding = only(identity([S3_READ], null), 'MISSING_VERSION');
    expect(finding.severity).toBe('warning');
    expect(finding.location.start).toEqual({ line: 1, column: 1 });
  });

  it('warns about the old 2008-10-17 Version', () => {
    const finding = only(identity([S3_READ], '2008-10-17'), 'OLD_VERSION');
    expect(finding.severity).toBe('warning');
    expect(finding.location.path).toBe('Version');
    expect(finding.location.start.line).toBe(2);
  });

  it('rejects any other Version', () => {
    const finding = only(identity([S3_READ], '2024-01-01'), 'INVALID_VERSION');
    expect(finding.severity).toBe('error');
    expect(finding.message).toContain('2012-10-17');
  });

  it('rejects a policy without Statement and one that is not an object', () => {
    expect(codes('{"Version": "2012-10-17"}')).toContain('MISSING_STATEMENT');
    expect(codes('{"Version": "2012-10-17", "Statement": []}')).toContain('MISSING_STATEMENT');
    expect(codes('[1]')).toEqual(['NOT_AN_OBJECT']);
  });

  it('rejects unknown elements and names the case-sensitive spelling', () => {
    const text = JSON.stringify({
      Version: '2012-10-17',
      Statement: [{ ...S3_READ, effect: 'Allow', Effect: 'Allow' }],
    });
    const finding = only(text, 'UNKNOWN_ELEMENT');
    expect(finding.message).toContain("write 'Effect'");
    expect(finding.rejectedByIam?.code).toBe('MalformedPolicyDocument');
  });
});

describe('checkPolicy: statement grammar', () => {
  it('rejects an invalid Effect', () => {
    expect(only(identity([{ ...S3_READ, Effect: 'allow' }]), 'INVALID_EFFECT').message).toContain("write 'Allow'");
    expect(only(identity([{ ...S3_READ, Effect: 'Permit' }]), 'INVALID_EFFECT').severity).toBe('error');
    expect(codes(identity([{ Action: 's3:GetObject', Resource: '*' }]))).toContain('MISSING_EFFECT');
  });

  it('rejects Action together with NotAction, and neither', () => {
    expect(codes(identity([{ ...S3_READ, NotAction: 's3:PutObject' }]))).toContain('ACTION_AND_NOT_ACTION');
    expect(codes(identity([{ Effect: 'Allow', Resource: '*' }]))).toEqual(['MISSING_ACTION']);
  });

  it('rejects an identity statement without Resource', () => {
    const finding = only(identity([{ Effect: 'Allow', Action: 's3:GetObject' }]), 'MISSING_RESOURCE');
    expect(finding.location.path).toBe('Statement[0]');
    expect(finding.location.start).toEqual({ line: 4, column: 9 });
  });

  it("rejects Principal in an identity policy with IAM's message", () => {
    const finding = only(
      identity([{ ...S3_READ, Principal: { AWS: '111122223333' } }]),
      'PRINCIPAL_IN_IDENTITY_POLICY',
    );
    expect(finding.severity).toBe('error');
    expect(finding.rejectedByIam?.awsMessage).toBe('Has prohibited field Principal');
  });

  it('rejects Resource in a trust policy', () => {
    const finding = only(trust({ ...EC2_TRUST, Resource: '*' }), 'RESOURCE_IN_TRUST_POLICY', 'trust');
    expect(finding.rejectedByIam?.awsMessage).toBe('Has prohibited field Resource');
    expect(finding.location.path).toBe('Statement[0].Resource');
  });

  it('rejects a non-STS action in a trust policy', () => {
    const finding = only(
      trust({ ...EC2_TRUST, Action: ['sts:AssumeRole', 's3:GetObject'] }),
      'NON_STS_ACTION_IN_TRUST_POLICY',
      'trust',
    );
    expect(finding.rejectedByIam?.awsMessage).toBe('AssumeRole policy may only specify STS AssumeRole actions.');
    expect(finding.location.path).toBe('Statement[0].Action[1]');
    expect(codes(trust({ ...EC2_TRUST, Action: 'sts:GetCallerIdentity' }), 'trust')).toEqual([
      'NON_ASSUME_ROLE_ACTION_IN_TRUST_POLICY',
    ]);
  });

  it('requires a Principal in a trust policy and checks service principals', () => {
    expect(codes(trust({ Action: 'sts:AssumeRole' }), 'trust')).toEqual(['MISSING_PRINCIPAL']);
    const finding = only(
      trust({ ...EC2_TRUST, Principal: { Service: 'ec2.amazonaws.con' } }),
      'INVALID_PRINCIPAL',
      'trust',
    );
    expect(finding.rejectedByIam?.awsMessage).toBe('Invalid principal in policy: "SERVICE":"ec2.amazonaws.con"');
  });

  it('rejects an empty Sid and a duplicate Sid', () => {
    expect(only(identity([{ Sid: '', ...S3_READ }]), 'EMPTY_SID').severity).toBe('error');
    const duplicate = only(
      identity([
        { Sid: 'Read', ...S3_READ },
        { Sid: 'Read', ...S3_READ },
      ]),
      'DUPLICATE_SID',
    );
    expect(duplicate.location.path).toBe('Statement[1].Sid');
    expect(duplicate.rejectedByIam?.awsMessage).toBe('Statement IDs (SID) in a single policy must be unique.');
    expect(codes(identity([{ Sid: 'read bucket', ...S3_READ }]))).toEqual(['INVALID_SID']);
  });
});

describe('checkPolicy: actions and resources', () => {
  it('reports an unknown service prefix as an error', () => {
    const finding = only(identity([{ ...S3_READ, Action: 'ec3:DescribeInstances' }]), 'UNKNOWN_SERVICE');
    expect(finding.severity).toBe('error');
    expect(finding.message).toContain("The service 'ec3' does not exist");
    expect(finding.message).toContain("Did you mean 'ec2'?");
  });

  it('warns about an unknown action of a known service and suggests the closest one', () => {
    const finding = only(identity([{ ...S3_READ, Action: 'ec2:DescribeInstance' }]), 'UNKNOWN_ACTION');
    expect(finding.severity).toBe('warning');
    expect(finding.message).toContain("Did you mean 'ec2:DescribeInstances'?");
    expect(codes(identity([{ ...S3_READ, Action: 's3:Fetch*' }]))).toEqual(['ACTION_PATTERN_MATCHES_NOTHING']);
  });

  it('rejects an action without a service prefix', () => {
    expect(
      only(identity([{ ...S3_READ, Action: 'GetObject' }]), 'INVALID_ACTION_FORMAT').rejectedByIam?.awsMessage,
    ).toContain('prefaced by a vendor');
  });

  it('rejects a malformed ARN in Resource', () => {
    expect(only(identity([{ ...S3_READ, Resource: 'my-bucket/*' }]), 'INVALID_ARN').message).toContain(
      'not a resource ARN',
    );
    expect(only(identity([{ ...S3_READ, Resource: 'arn:aws:s3:my-bucket' }]), 'INVALID_ARN').message).toContain(
      'six parts',
    );
    expect(codes(identity([{ ...S3_READ, Resource: 'arn:aws:iam::12345:role/x' }]))).toEqual(['INVALID_ARN']);
    expect(codes(identity([{ ...S3_READ, Resource: 'arn:aws:iam::${aws:PrincipalAccount}:role/x' }]))).toEqual([]);
    // IAM stores an ARN without a resource part (AWS's own managed policies have one), but it matches nothing.
    expect(codes(identity([{ ...S3_READ, Resource: 'arn:aws:organizations::*:' }]))).toEqual(['ARN_WITHOUT_RESOURCE']);
  });

  it('suggests removing an action already covered by a wildcard in the same statement', () => {
    const finding = only(
      identity([{ ...S3_READ, Action: ['s3:Get*', 's3:GetObject', 's3:ListBucket'] }]),
      'REDUNDANT_ACTION',
    );
    expect(finding.severity).toBe('suggestion');
    expect(finding.location.path).toBe('Statement[0].Action[1]');
    expect(finding.message).toContain("'s3:Get*'");
  });
});

describe('checkPolicy: security warnings', () => {
  it('warns that "*" on "*" allows all actions on all resources', () => {
    const finding = only(
      identity([{ Effect: 'Allow', Action: '*', Resource: '*' }]),
      'ALLOWS_ALL_ACTIONS_ON_ALL_RESOURCES',
    );
    expect(finding.severity).toBe('security-warning');
    expect(finding.message).toContain('Allows all actions on all resources');
    // For a boundary the same statement only means "no limit".
    expect(codes(identity([{ Effect: 'Allow', Action: '*', Resource: '*' }]), 'boundary')).toEqual([
      'BOUNDARY_ALLOWS_EVERYTHING',
    ]);
  });

  it('warns about iam:PassRole with Resource "*" and names the escalation risk', () => {
    const finding = only(
      identity([{ Effect: 'Allow', Action: ['ec2:RunInstances', 'iam:PassRole'], Resource: '*' }]),
      'PASS_ROLE_WITH_STAR_IN_RESOURCE',
    );
    expect(finding.severity).toBe('security-warning');
    expect(finding.message).toContain('privilege escalation');
    expect(codes(identity([{ Effect: 'Allow', Action: 'iam:*', Resource: '*' }]))).toContain(
      'PASS_ROLE_WITH_STAR_IN_RESOURCE',
    );
    expect(
      codes(identity([{ Effect: 'Allow', Action: 'iam:PassRole', Resource: 'arn:aws:iam::123456789012:role/app/*' }])),
    ).toEqual([]);
  });

  it('warns about Allow with NotAction and Allow with NotResource', () => {
    expect(
      only(identity([{ Effect: 'Allow', NotAction: 'iam:*', Resource: 'arn:aws:s3:::b' }]), 'ALLOW_WITH_NOT_ACTION')
        .severity,
    ).toBe('security-warning');
    expect(
      only(
        identity([{ Effect: 'Allow', Action: 's3:GetObject', NotResource: 'arn:aws:s3:::b' }]),
        'ALLOW_WITH_NOT_RESOURCE',
      ).severity,
    ).toBe('security-warning');
    expect(codes(identity([{ Effect: 'Deny', NotAction: 'iam:*', Resource: '*' }]))).toEqual([]);
  });

  it('warns when a trust policy lets anyone assume the role', () => {
    expect(codes(trust({ Principal: '*', Action: 'sts:AssumeRole' }), 'trust')).toEqual(['TRUST_POLICY_ALLOWS_ANYONE']);
    const scoped = trust({
      Principal: { AWS: '*' },
      Action: 'sts:AssumeRole',
      Condition: { StringEquals: { 'aws:PrincipalOrgID': 'o-abc123' } },
    });
    expect(codes(scoped, 'trust')).toEqual([]);
  });

  it('warns when a Cognito trust has no audience condition', () => {
    const text = trust({
      Principal: { Federated: 'cognito-identity.amazonaws.com' },
      Action: 'sts:AssumeRoleWithWebIdentity',
    });
    expect(codes(text, 'trust')).toEqual(['MISSING_AUDIENCE_CONDITION']);
  });
});

describe('checkPolicy: conditions', () => {
  const withCondition = (condition: unknown) => identity([{ ...S3_READ, Condition: condition }]);

  it('rejects an unknown condition operator and suggests the right one', () => {
    const finding = only(
      withCondition({ StringEqual: { 'aws:PrincipalTag/team': 'blue' } }),
      'UNKNOWN_CONDITION_OPERATOR',
    );
    expect(finding.severity).toBe('error');
    expect(finding.message).toContain("Did you mean 'StringEquals'?");
    expect(codes(withCondition({ 'ForAnyValue:StringLikeIfExists': { 'aws:TagKeys': 'team*' } }))).toEqual([]);
  });

  it('rejects a condition key without a vendor prefix', () => {
    const finding = only(withCondition({ IpAddress: { SourceIp: '203.0.113.0/24' } }), 'CONDITION_KEY_WITHOUT_PREFIX');
    expect(finding.location.path).toBe('Statement[0].Condition.IpAddress.SourceIp');
  });

  it('warns when Bool gets a value that is not true or false', () => {
    const finding = only(
      withCondition({ Bool: { 'aws:MultiFactorAuthPresent': 'yes' } }),
      'CONDITION_VALUE_TYPE_MISMATCH',
    );
    expect(finding.severity).toBe('warning');
    expect(finding.message).toContain("'yes'");
    expect(codes(withCondition({ Bool: { 'aws:SecureTransport': ['true', false] } }))).toEqual([]);
  });
});

describe('checkPolicy: characters and size', () => {
  it("rejects characters outside IAM's allowed set and points at them", () => {
    const text = identity([{ ...S3_READ, Sid: 'Read' }]).replace('my-bucket', 'my\u2013bucket');
    const finding = only(text, 'INVALID_CHARACTER');
    expect(finding.message).toContain('U+2013');
    expect(finding.location.start.line).toBe(7);
  });

  it('rejects a managed policy over 6,144 characters and names the numbers', () => {
    const resources = Array.from({ length: 200 }, (_, index) => `arn:aws:s3:::bucket-number-${index}/*`);
    const text = identity([{ ...S3_READ, Resource: resources }]);
    const finding = only(text, 'POLICY_SIZE_EXCEEDS_QUOTA');
    expect(finding.message).toMatch(
      /has [\d,]+ characters \(whitespace not counted\); a managed policy may have at most 6,144/,
    );
    expect(finding.rejectedByIam).toEqual({
      code: 'LimitExceeded',
      awsMessage: 'Cannot exceed quota for PolicySize: 6144',
    });
    // As an inline policy it is within 10,240 …
    expect(checkPolicy(text, 'identity', { storage: 'inline' }).map((f) => f.code)).not.toContain(
      'POLICY_SIZE_EXCEEDS_QUOTA',
    );
    // … unless the role's other inline policies fill the rest.
    const aggregate = checkPolicy(text, 'identity', { storage: 'inline', otherInlineCharacters: 5000 });
    expect(aggregate.find((f) => f.code === 'POLICY_SIZE_EXCEEDS_QUOTA')?.message).toContain('10,240');
  });

  it("rejects a trust policy over 2,048 characters with IAM's quota message", () => {
    const accounts = Array.from({ length: 80 }, (_, index) => `arn:aws:iam::${String(100000000000 + index)}:root`);
    const finding = only(
      trust({ Principal: { AWS: accounts }, Action: 'sts:AssumeRole' }),
      'POLICY_SIZE_EXCEEDS_QUOTA',
      'trust',
    );
    expect(finding.rejectedByIam?.awsMessage).toBe('Cannot exceed quota for ACLSizePerRole: 2048');
  });
});

describe('proceed rules', () => {
  it('blocks on errors and needs acknowledgement for security warnings', () => {
    expect(proceedState(checkPolicy('{', 'identity'), true)).toBe('blocked');
    const admin = checkPolicy(identity([{ Effect: 'Allow', Action: '*', Resource: '*' }]), 'identity');
    expect(proceedState(admin, false)).toBe('needs-acknowledgement');
    expect(proceedState(admin, true)).toBe('clear');
    expect(proceedState(checkPolicy(identity([S3_READ], null), 'identity'), false)).toBe('clear');
    expect(securityWarningsKey(admin)).toBe('ALLOWS_ALL_ACTIONS_ON_ALL_RESOURCES@Statement[0].Action');
  });

  it('sorts errors first', () => {
    const findings = checkPolicy(
      identity([{ Effect: 'Allow', Action: ['s3:*', 's3:GetObject'], Resource: '*', Sid: '' }], null),
      'identity',
    );
    expect(findings.map((f) => f.severity)).toEqual(['error', 'warning', 'suggestion']);
  });
});
