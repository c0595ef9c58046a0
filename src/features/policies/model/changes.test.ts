import { describe, expect, it } from 'vitest';
import { deletePolicyPlan, describeChange, editPolicyPlan, tagChanges, type AttachedEntity } from './changes.ts';

const ARN = 'arn:aws:iam::123456789012:policy/team/S3 Reader';
const role = (name: string, usage: AttachedEntity['usage'] = 'PermissionsPolicy'): AttachedEntity => ({ type: 'role', name, id: `AROA${name}`, usage });

describe('deletePolicyPlan', () => {
  it('detaches every entity, deletes the non-default versions newest first, then the policy', () => {
    const plan = deletePolicyPlan(
      [role('b'), role('a', 'PermissionsBoundary'), { type: 'user', name: 'u', id: 'AIDA', usage: 'PermissionsPolicy' }],
      [
        { versionId: 'v1', isDefault: false, createdAt: new Date('2024-01-01') },
        { versionId: 'v3', isDefault: true, createdAt: new Date('2024-01-03') },
        { versionId: 'v2', isDefault: false, createdAt: new Date('2024-01-02') },
      ],
    );
    expect(plan.map((change) => describeChange(ARN, change).cli)).toEqual([
      'aws iam delete-role-permissions-boundary --role-name a',
      `aws iam detach-role-policy --role-name b --policy-arn 'arn:aws:iam::123456789012:policy/team/S3 Reader'`,
      `aws iam detach-user-policy --user-name u --policy-arn 'arn:aws:iam::123456789012:policy/team/S3 Reader'`,
      `aws iam delete-policy-version --policy-arn 'arn:aws:iam::123456789012:policy/team/S3 Reader' --version-id v2`,
      `aws iam delete-policy-version --policy-arn 'arn:aws:iam::123456789012:policy/team/S3 Reader' --version-id v1`,
      `aws iam delete-policy --policy-arn 'arn:aws:iam::123456789012:policy/team/S3 Reader'`,
    ]);
  });

  it('is just DeletePolicy for an unused policy with one version', () => {
    expect(deletePolicyPlan([], [{ versionId: 'v1', isDefault: true }])).toEqual([{ kind: 'delete-policy' }]);
  });

  it('names the permission each step needs', () => {
    expect(describeChange(ARN, { kind: 'detach', entity: role('a', 'PermissionsBoundary') }).action).toBe('iam:DeleteRolePermissionsBoundary');
    expect(describeChange(ARN, { kind: 'detach', entity: { type: 'group', name: 'g', id: 'g', usage: 'PermissionsPolicy' } }).action).toBe('iam:DetachGroupPolicy');
    expect(describeChange(ARN, { kind: 'delete-policy' })).toMatchObject({ action: 'iam:DeletePolicy', resource: ARN });
  });
});

describe('editPolicyPlan', () => {
  it('creates a default version, deleting the chosen old one first', () => {
    const document = '{\n  "Version": "2012-10-17",\n  "Statement": []\n}';
    const plan = editPolicyPlan(document, 'v1');
    expect(plan).toEqual([
      { kind: 'delete-version', versionId: 'v1' },
      { kind: 'create-version', document },
    ]);
    expect(describeChange('arn:aws:iam::123456789012:policy/P', plan[1]!).cli).toBe(
      `aws iam create-policy-version --policy-arn arn:aws:iam::123456789012:policy/P --policy-document '{"Version":"2012-10-17","Statement":[]}' --set-as-default`,
    );
    expect(editPolicyPlan(document, undefined)).toEqual([{ kind: 'create-version', document }]);
  });
});

describe('tagChanges', () => {
  it('untags removed keys and tags new or changed values', () => {
    const before = [
      { key: 'team', value: 'etl' },
      { key: 'env', value: 'dev' },
      { key: 'keep', value: 'x' },
    ];
    const after = [
      { key: 'team', value: 'data' },
      { key: 'keep', value: 'x' },
      { key: 'owner', value: "o'neil" },
    ];
    const changes = tagChanges(before, after);
    expect(changes).toEqual([
      { kind: 'untag', keys: ['env'] },
      {
        kind: 'tag',
        tags: [
          { key: 'team', value: 'data' },
          { key: 'owner', value: "o'neil" },
        ],
      },
    ]);
    expect(describeChange('arn:aws:iam::123456789012:policy/P', changes[1]!).cli).toBe(
      `aws iam tag-policy --policy-arn arn:aws:iam::123456789012:policy/P --tags '[{"Key":"team","Value":"data"},{"Key":"owner","Value":"o'\\''neil"}]'`,
    );
    expect(tagChanges(before, before)).toEqual([]);
  });
});
