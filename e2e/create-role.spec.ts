import { test, expect } from './support/fixtures.ts';
import { awsCli, awsCliOk } from './support/aws-cli.ts';
import { ConsolePage } from './support/console-page.ts';
import { CreateRoleWizard } from './support/create-role-wizard.ts';
import { demoUser } from './support/local-aws.ts';
import type { Locator, Page } from '@playwright/test';
import type { LocalAwsConfig } from './support/local-aws.ts';
import type { SignInPage } from './support/sign-in-page.ts';

const S3_READ_ONLY = 'arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess';
const INLINE_POLICY = JSON.stringify(
  { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: ['s3:GetObject'], Resource: ['arn:aws:s3:::images/*'] }] },
  null,
  4,
);

async function signInAs(page: Page, signInPage: SignInPage, localAws: LocalAwsConfig, username: string): Promise<void> {
  const user = demoUser(localAws, username);
  await signInPage.goto();
  await signInPage.signIn(user.username, user.password);
  await expect(page).toHaveURL(/\/roles$/);
}

async function customerPolicy(name: string): Promise<string> {
  const created = await awsCliOk<{ Policy: { Arn: string } }>([
    'iam',
    'create-policy',
    '--policy-name',
    name,
    '--policy-document',
    JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:ListAllMyBuckets', Resource: '*' }] }),
  ]);
  return created.Policy.Arn;
}

/** The Roles table's cell in `column` of the row whose row header is `roleName` (columns follow the user's preferences). */
async function rolesTableCell(page: Page, roleName: string, column: string): Promise<Locator> {
  const table = page.getByRole('table', { name: 'Roles' });
  // allTextContents() does not wait: read the headers once the role's row is there.
  await expect(table.getByRole('rowheader', { name: roleName, exact: true })).toBeVisible();
  const headers = (await table.getByRole('columnheader').allTextContents()).map((text) => text.trim());
  const columnIndex = headers.findIndex((text) => text.startsWith(column));
  const rowHeaderIndex = headers.findIndex((text) => text.startsWith('Role name'));
  expect(columnIndex).toBeGreaterThanOrEqual(0);
  const row = table.getByRole('row').filter({ has: page.getByRole('rowheader', { name: roleName, exact: true }) });
  // The row header is a `rowheader`, not a `cell`: the cells after it sit one place earlier among the row's cells.
  return row.getByRole('cell').nth(columnIndex > rowHeaderIndex ? columnIndex - 1 : columnIndex);
}

/** Steps 1-3 for an EC2 role with one policy, ending on the review step with the name typed. */
async function throughToReview(wizard: CreateRoleWizard, roleName: string, policy: { name: string; type?: string }): Promise<void> {
  await wizard.openFromRolesList();
  await wizard.useCase('EC2').first().check();
  await wizard.next('Add permissions');
  await wizard.selectPolicy(policy.name, policy.type);
  await wizard.next('Add tags');
  await wizard.next('Name, review, and create');
  await wizard.roleName.fill(roleName);
}

test.describe('create role wizard', () => {
  test('an admin creates MatillionRole for EC2 with a managed policy, an inline policy, a boundary and a tag', async ({ page, signInPage, localAws }) => {
    await signInAs(page, signInPage, localAws, 'admin');
    const wizard = new CreateRoleWizard(page);
    await wizard.openFromRolesList();

    // Step 1: AWS service → EC2, the trust policy shown live.
    await expect(wizard.trustedEntityType('AWS service')).toBeChecked();
    await wizard.useCase('EC2').first().check();
    await expect(wizard.generatedTrustPolicy()).toContainText('"ec2.amazonaws.com"');
    await expect(wizard.generatedTrustPolicy()).toContainText('"sts:AssumeRole"');
    await wizard.screenshot('1-trusted-entity');

    // Step 2: a managed policy (its JSON expanded), a boundary and an inline policy.
    await wizard.next('Add permissions');
    const row = await wizard.findPolicy(wizard.policiesTable, 'AmazonS3ReadOnlyAccess');
    await row.getByRole('button', { name: 'Show the JSON of AmazonS3ReadOnlyAccess' }).click();
    await expect(page.getByLabel(/Policy document of AmazonS3ReadOnlyAccess/)).toContainText('"s3:Get*"');
    await row.getByRole('checkbox', { name: 'AmazonS3ReadOnlyAccess' }).check();
    await wizard.setBoundary('AmazonS3FullAccess');
    await wizard.addInlinePolicy('S3-Permissions', INLINE_POLICY);
    await wizard.screenshot('2-permissions');

    // Step 3: a tag; a reserved key is refused as it is typed.
    await wizard.next('Add tags');
    await wizard.addTag(1, 'aws:team', 'etl');
    await expect(page.getByText("Tag keys starting with 'aws:' are reserved for AWS.")).toBeVisible();
    await page.getByLabel('Tag 1 key').fill('team');
    await expect(page.getByText("Tag keys starting with 'aws:' are reserved for AWS.")).toHaveCount(0);
    await wizard.screenshot('3-tags');

    // Step 4: review, with the EC2 description pre-filled and the CLI equivalent.
    await wizard.next('Name, review, and create');
    await expect(wizard.description).toHaveValue('Allows EC2 instances to call AWS services on your behalf.');
    await wizard.roleName.fill('Matillion Role');
    await expect(page.getByText(/The role name can't contain a space/)).toBeVisible();
    await wizard.roleName.fill('MatillionRole');
    await expect(page.getByText(/The role name can't contain/)).toHaveCount(0);
    await page.getByRole('button', { name: 'CLI equivalent' }).click();
    const cli = page.getByLabel('CLI commands');
    await expect(cli).toContainText('aws iam create-role --role-name MatillionRole --path / --assume-role-policy-document file://trust-policy.json');
    await expect(cli).toContainText(`aws iam attach-role-policy --role-name MatillionRole --policy-arn ${S3_READ_ONLY}`);
    await expect(cli).toContainText('aws iam add-role-to-instance-profile --instance-profile-name MatillionRole --role-name MatillionRole');
    await expect(page.getByRole('table', { name: 'Permissions policy summary' })).toContainText('AmazonS3FullAccess');
    await wizard.screenshot('4-review');

    await wizard.createButton.click();
    await expect(page).toHaveURL(/\/roles$/);
    await expect(page.getByText('Role MatillionRole created.')).toBeVisible();
    await expect(page.getByRole('table', { name: 'Roles' }).getByRole('rowheader', { name: 'MatillionRole', exact: true })).toBeVisible();
    // The instance profile the wizard made is in the list as soon as success is reported: read once, no waiting for a refetch.
    expect(await (await rolesTableCell(page, 'MatillionRole', 'Instance profile')).textContent()).toBe('MatillionRole');
    await wizard.screenshot('5-created');
    // And it stays there on the way back to the list through the side navigation (no reload, the same cache).
    const consolePage = new ConsolePage(page);
    // The wizard collapses the side navigation (issue 12, "What a new user hit" 4); open it as a user would.
    const openNavigation = consolePage.sideNavigation.getByRole('button', { name: 'Open side navigation' });
    if (await openNavigation.isVisible()) await openNavigation.click();
    await consolePage.openFromSideNavigation('Instances');
    await consolePage.expectRows('Instances');
    await consolePage.openFromSideNavigation('Roles');
    await expect(await rolesTableCell(page, 'MatillionRole', 'Instance profile')).toHaveText('MatillionRole');

    // What the CLI sees is what the wizard promised.
    const role = await awsCliOk<{ Role: { RoleName: string; Path: string; Description: string; PermissionsBoundary: { PermissionsBoundaryArn: string }; Tags: { Key: string; Value: string }[]; AssumeRolePolicyDocument: unknown } }>(['iam', 'get-role', '--role-name', 'MatillionRole']);
    expect(role.Role.RoleName).toBe('MatillionRole');
    expect(role.Role.Path).toBe('/');
    expect(role.Role.Description).toBe('Allows EC2 instances to call AWS services on your behalf.');
    expect(role.Role.PermissionsBoundary.PermissionsBoundaryArn).toBe('arn:aws:iam::aws:policy/AmazonS3FullAccess');
    expect(role.Role.Tags).toEqual([{ Key: 'team', Value: 'etl' }]);
    expect(role.Role.AssumeRolePolicyDocument).toEqual({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Action: ['sts:AssumeRole'], Principal: { Service: ['ec2.amazonaws.com'] } }],
    });
    const attached = await awsCliOk<{ AttachedPolicies: { PolicyArn: string }[] }>(['iam', 'list-attached-role-policies', '--role-name', 'MatillionRole']);
    expect(attached.AttachedPolicies.map((policy) => policy.PolicyArn)).toEqual([S3_READ_ONLY]);
    const inline = await awsCliOk<{ PolicyDocument: unknown }>(['iam', 'get-role-policy', '--role-name', 'MatillionRole', '--policy-name', 'S3-Permissions']);
    expect(inline.PolicyDocument).toEqual(JSON.parse(INLINE_POLICY));
    const tags = await awsCliOk<{ Tags: unknown }>(['iam', 'list-role-tags', '--role-name', 'MatillionRole']);
    expect(tags.Tags).toEqual([{ Key: 'team', Value: 'etl' }]);
    const profile = await awsCliOk<{ InstanceProfile: { InstanceProfileName: string; Roles: { RoleName: string }[] } }>(['iam', 'get-instance-profile', '--instance-profile-name', 'MatillionRole']);
    expect(profile.InstanceProfile.Roles.map((inProfile) => inProfile.RoleName)).toEqual(['MatillionRole']);
  });

  test('a viewer is told which permission is missing, and nothing is created', async ({ page, signInPage, localAws }) => {
    await signInAs(page, signInPage, localAws, 'viewer');
    const wizard = new CreateRoleWizard(page);
    await throughToReview(wizard, 'ViewerMadeRole', { name: 'AmazonS3ReadOnlyAccess' });
    await wizard.createButton.click();
    await expect(page.getByText('Permission missing', { exact: true }).first()).toBeVisible();
    await expect(page.getByText(/^Your role is not allowed to perform iam:CreateRole on arn:aws:iam::\d{12}:role\/ViewerMadeRole/).first()).toBeVisible();
    await expect(page.getByText('Nothing was created. Fix the cause, then choose Create role again.')).toBeVisible();
    await expect(page.getByRole('button', { name: 'Retry the remaining steps' })).toHaveCount(0);
    // Nothing exists, so the user may change the name and try again.
    await expect(wizard.roleName).toBeEditable();
    await wizard.screenshot('viewer-denied');

    const role = await awsCli(['iam', 'get-role', '--role-name', 'ViewerMadeRole']);
    expect(role.status).not.toBe(0);
    expect(role.stderr).toContain('NoSuchEntity');
    const profile = await awsCli(['iam', 'get-instance-profile', '--instance-profile-name', 'ViewerMadeRole']);
    expect(profile.stderr).toContain('NoSuchEntity');
  });

  test('a name that exists in another case is refused before Create', async ({ page, signInPage, localAws }) => {
    await awsCliOk([
      'iam',
      'create-role',
      '--role-name',
      'ExistingCaseRole',
      '--assume-role-policy-document',
      JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' }] }),
    ]);
    await signInAs(page, signInPage, localAws, 'admin');
    const wizard = new CreateRoleWizard(page);
    await throughToReview(wizard, 'existingcaserole', { name: 'AmazonS3ReadOnlyAccess' });
    await expect(page.getByText("A role named 'ExistingCaseRole' already exists (role names are not case-sensitive). Choose another name.")).toBeVisible();
    await wizard.createButton.click();
    await expect(page.getByText('Fix the role details before you create the role.', { exact: true }).first()).toBeVisible();
    await expect(wizard.progress()).toHaveCount(0);
    const roles = await awsCliOk<{ Roles: { RoleName: string }[] }>(['iam', 'list-roles']);
    expect(roles.Roles.filter((role) => role.RoleName.toLowerCase() === 'existingcaserole').map((role) => role.RoleName)).toEqual(['ExistingCaseRole']);
  });

  test('a half-way failure offers "Retry the remaining steps", which finishes once the cause is fixed', async ({ page, signInPage, localAws }) => {
    await customerPolicy('WizardRetryPolicy');
    await signInAs(page, signInPage, localAws, 'admin');
    const wizard = new CreateRoleWizard(page);
    await throughToReview(wizard, 'PartialRetryRole', { name: 'WizardRetryPolicy', type: 'Customer managed' });
    await awsCliOk(['iam', 'delete-policy', '--policy-arn', `arn:aws:iam::${localAws.accountId}:policy/WizardRetryPolicy`]);

    await wizard.createButton.click();
    await expect(page.getByText('The role was created only in part')).toBeVisible();
    await expect(page.getByText(/1 of 4 steps succeeded: Create role PartialRetryRole\./)).toBeVisible();
    await expect(wizard.createButton).toBeDisabled();
    await wizard.screenshot('partial-failure');

    await customerPolicy('WizardRetryPolicy');
    await page.getByRole('button', { name: 'Retry the remaining steps' }).click();
    await expect(page).toHaveURL(/\/roles$/);
    await expect(page.getByText('Role PartialRetryRole created.')).toBeVisible();
    const attached = await awsCliOk<{ AttachedPolicies: { PolicyName: string }[] }>(['iam', 'list-attached-role-policies', '--role-name', 'PartialRetryRole']);
    expect(attached.AttachedPolicies.map((policy) => policy.PolicyName)).toEqual(['WizardRetryPolicy']);
    const profile = await awsCliOk<{ InstanceProfile: { Roles: { RoleName: string }[] } }>(['iam', 'get-instance-profile', '--instance-profile-name', 'PartialRetryRole']);
    expect(profile.InstanceProfile.Roles.map((role) => role.RoleName)).toEqual(['PartialRetryRole']);
  });

  test('a half-way failure offers "Delete what was created", which leaves nothing behind', async ({ page, signInPage, localAws }) => {
    await customerPolicy('WizardCleanupPolicy');
    await signInAs(page, signInPage, localAws, 'admin');
    const wizard = new CreateRoleWizard(page);
    await throughToReview(wizard, 'PartialCleanupRole', { name: 'WizardCleanupPolicy', type: 'Customer managed' });
    await awsCliOk(['iam', 'delete-policy', '--policy-arn', `arn:aws:iam::${localAws.accountId}:policy/WizardCleanupPolicy`]);

    await wizard.createButton.click();
    await expect(page.getByText('The role was created only in part')).toBeVisible();
    await page.getByRole('button', { name: 'Delete what was created' }).click();
    await expect(page.getByText('Everything that was created was deleted')).toBeVisible();
    await wizard.screenshot('partial-failure-cleaned');

    const role = await awsCli(['iam', 'get-role', '--role-name', 'PartialCleanupRole']);
    expect(role.stderr).toContain('NoSuchEntity');
    const profile = await awsCli(['iam', 'get-instance-profile', '--instance-profile-name', 'PartialCleanupRole']);
    expect(profile.stderr).toContain('NoSuchEntity');
  });
});
