import { describe, expect, it } from 'vitest';
import { trustedEntitiesOf } from './trusted-entities.ts';

const encode = (document: unknown) => encodeURIComponent(JSON.stringify(document));

describe('trustedEntitiesOf', () => {
  it('names services, accounts and identity providers in words', () => {
    const wire = encode({
      Version: '2012-10-17',
      Statement: [
        { Effect: 'Allow', Principal: { Service: ['ec2.amazonaws.com', 'lambda.amazonaws.com'] }, Action: 'sts:AssumeRole' },
        { Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::123456789012:root' }, Action: 'sts:AssumeRole' },
        { Effect: 'Allow', Principal: { AWS: '210987654321' }, Action: 'sts:AssumeRole' },
        { Effect: 'Allow', Principal: { Federated: 'cognito-identity.amazonaws.com' }, Action: 'sts:AssumeRoleWithWebIdentity' },
        { Effect: 'Allow', Principal: { Federated: 'arn:aws:iam::123456789012:saml-provider/Okta' }, Action: 'sts:AssumeRoleWithSAML' },
      ],
    });
    expect(trustedEntitiesOf(wire).map((entity) => entity.text)).toEqual([
      'AWS service: ec2',
      'AWS service: lambda',
      'Account: 123456789012',
      'Account: 210987654321',
      'Identity provider: cognito-identity.amazonaws.com',
      'Identity provider: saml-provider/Okta',
    ]);
  });

  it('ignores Deny statements, removes duplicates and accepts a single statement object', () => {
    const wire = encode({
      Statement: { Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com', AWS: 'arn:aws:iam::123456789012:role/Admin' }, Action: 'sts:AssumeRole' },
    });
    expect(trustedEntitiesOf(wire).map((entity) => entity.text)).toEqual(['AWS service: ec2', 'IAM principal in account 123456789012: role/Admin']);
    const denied = encode({ Statement: [{ Effect: 'Deny', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' }] });
    expect(trustedEntitiesOf(denied)).toEqual([]);
  });

  it('returns nothing for an unreadable document', () => {
    expect(trustedEntitiesOf('%7Bnot json')).toEqual([]);
    expect(trustedEntitiesOf(undefined)).toEqual([]);
  });
});
