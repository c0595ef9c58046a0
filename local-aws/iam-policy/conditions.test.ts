import { describe, expect, it } from 'vitest';
import { evaluate } from './evaluate.ts';
import type { ConditionContext } from './types.ts';

/** Does an Allow statement with this Condition block grant the request, given this context? */
function holds(condition: Record<string, unknown>, context: ConditionContext): boolean {
  const text = JSON.stringify({
    Version: '2012-10-17',
    Statement: [{ Effect: 'Allow', Action: '*', Resource: '*', Condition: condition }],
  });
  return evaluate({ action: 'ec2:RunInstances', resource: '*', identityPolicies: [text], context }).effect === 'allow';
}

describe('String operators', () => {
  it('StringEquals is exact and case-sensitive; several values are ORed', () => {
    const c = { StringEquals: { 'aws:RequestedRegion': ['us-east-1', 'eu-west-1'] } };
    expect(holds(c, { 'aws:RequestedRegion': 'eu-west-1' })).toBe(true);
    expect(holds(c, { 'aws:RequestedRegion': 'US-EAST-1' })).toBe(false);
    expect(holds(c, { 'aws:RequestedRegion': 'us-east-*' })).toBe(false);
    expect(holds({ StringEquals: { k: 'a*' } }, { k: 'abc' })).toBe(false);
  });

  it('StringNotEquals is a NOR over the values', () => {
    const c = { StringNotEquals: { 'aws:RequestedRegion': ['us-east-1', 'eu-west-1'] } };
    expect(holds(c, { 'aws:RequestedRegion': 'ap-south-1' })).toBe(true);
    expect(holds(c, { 'aws:RequestedRegion': 'eu-west-1' })).toBe(false);
  });

  it('StringEqualsIgnoreCase / StringNotEqualsIgnoreCase ignore case', () => {
    expect(holds({ StringEqualsIgnoreCase: { k: 'Hello' } }, { k: 'hELLO' })).toBe(true);
    expect(holds({ StringEqualsIgnoreCase: { k: 'Hello' } }, { k: 'Hell' })).toBe(false);
    expect(holds({ StringNotEqualsIgnoreCase: { k: 'Hello' } }, { k: 'HELLO' })).toBe(false);
    expect(holds({ StringNotEqualsIgnoreCase: { k: 'Hello' } }, { k: 'bye' })).toBe(true);
  });

  it('StringLike / StringNotLike support * and ?', () => {
    expect(holds({ StringLike: { 's3:prefix': 'home/*' } }, { 's3:prefix': 'home/alice/x' })).toBe(true);
    expect(holds({ StringLike: { 's3:prefix': 'home/?' } }, { 's3:prefix': 'home/ab' })).toBe(false);
    expect(holds({ StringLike: { 's3:prefix': 'Home/*' } }, { 's3:prefix': 'home/a' })).toBe(false);
    expect(holds({ StringNotLike: { 's3:prefix': 'tmp/*' } }, { 's3:prefix': 'home/a' })).toBe(true);
    expect(holds({ StringNotLike: { 's3:prefix': 'tmp/*' } }, { 's3:prefix': 'tmp/a' })).toBe(false);
  });

  it('substitutes policy variables in condition values', () => {
    const c = { StringEquals: { 'aws:ResourceTag/owner': '${aws:username}' } };
    expect(holds(c, { 'aws:username': 'alice', 'aws:ResourceTag/owner': 'alice' })).toBe(true);
    expect(holds(c, { 'aws:username': 'alice', 'aws:ResourceTag/owner': 'bob' })).toBe(false);
    expect(holds(c, { 'aws:ResourceTag/owner': 'alice' })).toBe(false);
  });

  it('matches condition keys case-insensitively', () => {
    expect(holds({ StringEquals: { 'AWS:REQUESTEDREGION': 'us-east-1' } }, { 'aws:requestedregion': 'us-east-1' })).toBe(
      true,
    );
  });
});

describe('Numeric operators', () => {
  const cases: [string, string, boolean][] = [
    ['NumericEquals', '10', true],
    ['NumericNotEquals', '10', false],
    ['NumericLessThan', '11', true],
    ['NumericLessThan', '10', false],
    ['NumericLessThanEquals', '10', true],
    ['NumericGreaterThan', '9.5', true],
    ['NumericGreaterThan', '10', false],
    ['NumericGreaterThanEquals', '10', true],
    ['NumericGreaterThanEquals', '10.5', false],
  ];
  it.each(cases)('%s %s against 10 → %s', (operator, policyValue, expected) => {
    expect(holds({ [operator]: { 's3:max-keys': policyValue } }, { 's3:max-keys': '10' })).toBe(expected);
  });

  it('does not match non-numbers', () => {
    expect(holds({ NumericEquals: { n: '10' } }, { n: 'ten' })).toBe(false);
    expect(holds({ NumericLessThan: { n: 'x' } }, { n: '1' })).toBe(false);
  });

  it('accepts JSON numbers as policy values', () => {
    expect(holds({ NumericLessThanEquals: { n: 5 } }, { n: '5' })).toBe(true);
  });
});

describe('Date operators', () => {
  const now = '2026-03-01T12:00:00Z';
  const cases: [string, string, boolean][] = [
    ['DateEquals', '2026-03-01T12:00:00Z', true],
    ['DateNotEquals', '2026-03-01T12:00:00Z', false],
    ['DateLessThan', '2026-12-31T00:00:00Z', true],
    ['DateLessThan', '2026-03-01T12:00:00Z', false],
    ['DateLessThanEquals', '2026-03-01T12:00:00Z', true],
    ['DateGreaterThan', '2025-01-01T00:00:00Z', true],
    ['DateGreaterThan', '2027-01-01', false],
    ['DateGreaterThanEquals', '2026-03-01T12:00:00Z', true],
  ];
  it.each(cases)('%s %s against 2026-03-01T12:00:00Z → %s', (operator, policyValue, expected) => {
    expect(holds({ [operator]: { 'aws:CurrentTime': policyValue } }, { 'aws:CurrentTime': now })).toBe(expected);
  });

  it('compares epoch seconds with ISO dates', () => {
    const epoch = String(Date.parse(now) / 1000);
    expect(holds({ DateEquals: { 'aws:EpochTime': now } }, { 'aws:EpochTime': epoch })).toBe(true);
    expect(holds({ DateLessThan: { 'aws:CurrentTime': epoch } }, { 'aws:CurrentTime': '2026-01-01T00:00:00Z' })).toBe(true);
  });
});

describe('Bool, BinaryEquals, Null', () => {
  it('Bool compares true/false case-insensitively, also with JSON booleans', () => {
    expect(holds({ Bool: { 'aws:SecureTransport': 'true' } }, { 'aws:SecureTransport': 'TRUE' })).toBe(true);
    expect(holds({ Bool: { 'aws:SecureTransport': false } }, { 'aws:SecureTransport': 'false' })).toBe(true);
    expect(holds({ Bool: { 'aws:SecureTransport': 'true' } }, { 'aws:SecureTransport': 'false' })).toBe(false);
  });

  it('BinaryEquals compares base64 values', () => {
    expect(holds({ BinaryEquals: { key: 'QmluYXJ5VmFsdWU=' } }, { key: 'QmluYXJ5VmFsdWU=' })).toBe(true);
    expect(holds({ BinaryEquals: { key: 'QmluYXJ5VmFsdWU=' } }, { key: 'b3RoZXI=' })).toBe(false);
  });

  it('Null tests whether a key is absent ("true") or present ("false")', () => {
    expect(holds({ Null: { 'aws:TokenIssueTime': 'true' } }, {})).toBe(true);
    expect(holds({ Null: { 'aws:TokenIssueTime': 'true' } }, { 'aws:TokenIssueTime': '2026-01-01T00:00:00Z' })).toBe(false);
    expect(holds({ Null: { 'aws:TokenIssueTime': 'false' } }, { 'aws:TokenIssueTime': '2026-01-01T00:00:00Z' })).toBe(true);
    expect(holds({ Null: { 'aws:TokenIssueTime': 'false' } }, {})).toBe(false);
  });
});

describe('IP address operators', () => {
  it('IpAddress matches IPv4 CIDR blocks and single addresses', () => {
    const c = { IpAddress: { 'aws:SourceIp': ['203.0.113.0/24', '198.51.100.7'] } };
    expect(holds(c, { 'aws:SourceIp': '203.0.113.200' })).toBe(true);
    expect(holds(c, { 'aws:SourceIp': '198.51.100.7' })).toBe(true);
    expect(holds(c, { 'aws:SourceIp': '203.0.114.1' })).toBe(false);
    expect(holds(c, { 'aws:SourceIp': 'not-an-ip' })).toBe(false);
  });

  it('IpAddress matches IPv6 blocks, and IPv4-mapped addresses as IPv4', () => {
    const c = { IpAddress: { 'aws:SourceIp': ['2001:db8::/32', '10.0.0.0/8'] } };
    expect(holds(c, { 'aws:SourceIp': '2001:db8:1234::1' })).toBe(true);
    expect(holds(c, { 'aws:SourceIp': '2001:db9::1' })).toBe(false);
    expect(holds(c, { 'aws:SourceIp': '::ffff:10.1.2.3' })).toBe(true);
    expect(holds({ IpAddress: { 'aws:SourceIp': '::1/128' } }, { 'aws:SourceIp': '::1' })).toBe(true);
  });

  it('NotIpAddress is the negation, and true when the key is absent', () => {
    const c = { NotIpAddress: { 'aws:SourceIp': '10.0.0.0/8' } };
    expect(holds(c, { 'aws:SourceIp': '192.168.1.1' })).toBe(true);
    expect(holds(c, { 'aws:SourceIp': '10.9.9.9' })).toBe(false);
    expect(holds(c, {})).toBe(true);
  });
});

describe('ARN operators', () => {
  const role = 'arn:aws:iam::123456789012:role/console-ec2/web';
  it('ArnLike / ArnEquals match each ARN component with wildcards', () => {
    expect(holds({ ArnLike: { 'iam:PolicyARN': 'arn:aws:iam::*:role/console-ec2/*' } }, { 'iam:PolicyARN': role })).toBe(true);
    expect(holds({ ArnEquals: { 'iam:PolicyARN': role } }, { 'iam:PolicyARN': role })).toBe(true);
    expect(holds({ ArnEquals: { 'iam:PolicyARN': 'arn:aws:iam::123456789012:role/*' } }, { 'iam:PolicyARN': role })).toBe(true);
    expect(holds({ ArnLike: { 'iam:PolicyARN': 'arn:aws:iam::*:role/other/*' } }, { 'iam:PolicyARN': role })).toBe(false);
    // A wildcard never spans components, and case matters.
    expect(holds({ ArnLike: { 'iam:PolicyARN': 'arn:aws:*:role/console-ec2/*' } }, { 'iam:PolicyARN': role })).toBe(false);
    expect(holds({ ArnLike: { 'iam:PolicyARN': 'arn:aws:iam::*:role/CONSOLE-EC2/*' } }, { 'iam:PolicyARN': role })).toBe(false);
    expect(holds({ ArnLike: { 'iam:PolicyARN': '*' } }, { 'iam:PolicyARN': 'not-an-arn' })).toBe(false);
  });

  it('ArnNotEquals / ArnNotLike negate', () => {
    expect(holds({ ArnNotLike: { k: 'arn:aws:iam::*:role/admin/*' } }, { k: role })).toBe(true);
    expect(holds({ ArnNotEquals: { k: role } }, { k: role })).toBe(false);
  });
});

describe('missing keys and ...IfExists', () => {
  it('a missing key makes positive operators false and negated operators true', () => {
    expect(holds({ StringEquals: { k: 'v' } }, {})).toBe(false);
    expect(holds({ StringLike: { k: '*' } }, {})).toBe(false);
    expect(holds({ NumericLessThan: { k: '5' } }, {})).toBe(false);
    expect(holds({ StringNotEquals: { k: 'v' } }, {})).toBe(true);
    expect(holds({ ArnNotLike: { k: 'arn:aws:iam::*:*' } }, {})).toBe(true);
  });

  it('...IfExists is true when the key is absent and checks it when present', () => {
    const c = { StringEqualsIfExists: { 'ec2:InstanceType': 't3.micro' } };
    expect(holds(c, {})).toBe(true);
    expect(holds(c, { 'ec2:InstanceType': 't3.micro' })).toBe(true);
    expect(holds(c, { 'ec2:InstanceType': 'm5.large' })).toBe(false);
    expect(holds({ NumericLessThanIfExists: { n: '3' } }, { n: '5' })).toBe(false);
  });
});

describe('set operators and multiple keys', () => {
  it('ForAllValues: every request value must be allowed; an absent key passes', () => {
    const c = { 'ForAllValues:StringEquals': { 'aws:TagKeys': ['env', 'team'] } };
    expect(holds(c, { 'aws:TagKeys': ['env'] })).toBe(true);
    expect(holds(c, { 'aws:TagKeys': ['env', 'team'] })).toBe(true);
    expect(holds(c, { 'aws:TagKeys': ['env', 'cost'] })).toBe(false);
    expect(holds(c, {})).toBe(true);
    expect(holds(c, { 'aws:TagKeys': [] })).toBe(true);
  });

  it('ForAnyValue: at least one request value must match; an absent key fails', () => {
    const c = { 'ForAnyValue:StringLike': { 'aws:TagKeys': 'cost*' } };
    expect(holds(c, { 'aws:TagKeys': ['env', 'costcenter'] })).toBe(true);
    expect(holds(c, { 'aws:TagKeys': ['env'] })).toBe(false);
    expect(holds(c, {})).toBe(false);
    expect(holds({ 'ForAnyValue:StringEqualsIfExists': { 'aws:TagKeys': 'x' } }, {})).toBe(true);
  });

  it('negated set operators', () => {
    const all = { 'ForAllValues:StringNotEquals': { 'aws:TagKeys': ['secret'] } };
    expect(holds(all, { 'aws:TagKeys': ['env', 'team'] })).toBe(true);
    expect(holds(all, { 'aws:TagKeys': ['env', 'secret'] })).toBe(false);
    const any = { 'ForAnyValue:StringNotEquals': { 'aws:TagKeys': ['env'] } };
    expect(holds(any, { 'aws:TagKeys': ['env', 'team'] })).toBe(true);
    expect(holds(any, { 'aws:TagKeys': ['env'] })).toBe(false);
  });

  it('several keys under one operator are ANDed', () => {
    const c = { StringEquals: { a: '1', b: '2' } };
    expect(holds(c, { a: '1', b: '2' })).toBe(true);
    expect(holds(c, { a: '1', b: '3' })).toBe(false);
    expect(holds(c, { a: '1' })).toBe(false);
  });

  it('an unknown operator never holds', () => {
    expect(holds({ StringSortOf: { a: '1' } }, { a: '1' })).toBe(false);
  });
});
