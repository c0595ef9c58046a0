import { describe, expect, it } from 'vitest';
import { pascalCase, snakeCase } from './role-export.ts';
import { terraformNames } from './terraform.ts';

describe('names derived from IAM names', () => {
  it.each([
    ['WebServerRole', 'WebServerRole', 'web_server_role'],
    ['my-app.role', 'MyAppRole', 'my_app_role'],
    ['wizard.Role+name=1,2@x_y-z', 'WizardRoleName12XYZ', 'wizard_role_name_1_2_x_y_z'],
    ['10-managed-policies', '10ManagedPolicies', '_10_managed_policies'],
    ['i-8223ce7aa67a8432b', 'I8223ce7aa67a8432b', 'i_8223ce7aa67a8432b'],
  ])('%s → %s (CloudFormation, CDK), %s (Terraform)', (name, pascal, snake) => {
    expect(pascalCase(name)).toBe(pascal);
    expect(snakeCase(name)).toBe(snake);
  });
});

describe('Terraform names', () => {
  it('stay unique for inline policies whose names differ only in punctuation', () => {
    const names = terraformNames({
      role: { RoleName: 'app', Path: '/', MaxSessionDuration: 3600, AssumeRolePolicyDocument: '{}', Tags: [] },
      inlinePolicies: ['a-b', 'a_b', 'c'].map((PolicyName) => ({ PolicyName, PolicyDocument: '{}' })),
      managedPolicyArns: [],
    });
    expect(names.inlinePolicies).toEqual(['app_a_b_1', 'app_a_b_2', 'app_c']);
  });
});
