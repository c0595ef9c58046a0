import { describe, expect, it } from 'vitest';
import { IamModel } from '../services/iam/model.ts';
import { openStore } from '../store/store.ts';
import { seedManagedPolicyCatalog } from './managed-policies.ts';

describe('seedManagedPolicyCatalog', () => {
  it('loads the AWS managed catalog with default documents', () => {
    const iam = new IamModel(openStore('memory'));
    seedManagedPolicyCatalog(iam);

    const admin = iam.getPolicy('arn:aws:iam::aws:policy/AdministratorAccess');
    expect(admin).toMatchObject({
      policyName: 'AdministratorAccess',
      path: '/',
      defaultVersionId: 'v1',
      awsManaged: true,
    });
    expect(JSON.parse(iam.defaultDocument(admin))).toEqual({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }],
    });
    for (const name of ['ReadOnlyAccess', 'AmazonS3ReadOnlyAccess', 'AmazonSSMManagedInstanceCore']) {
      expect(iam.findPolicy(`arn:aws:iam::aws:policy/${name}`)?.policyName).toBe(name);
    }
    const jobFunctions = iam.listPolicies({ scope: 'AWS', pathPrefix: '/job-function/', maxItems: 1000 }).items;
    expect(jobFunctions.map((policy) => policy.policyName)).toContain('DatabaseAdministrator');
    expect(jobFunctions.every((policy) => policy.arn.startsWith('arn:aws:iam::aws:policy/job-function/'))).toBe(true);

    const all = iam.listPolicies({ scope: 'AWS', maxItems: 1000 });
    expect(all.isTruncated).toBe(true);
    const s3Read = iam.getPolicy('arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess');
    expect(iam.getPolicyVersion(s3Read.arn, s3Read.defaultVersionId).isDefaultVersion).toBe(true);
  });
});
