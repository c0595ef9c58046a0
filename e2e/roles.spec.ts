/**
 * IAM → Roles: the list, a role's page (summary, permissions, trust, tags, instances), the missing instance
 * profile, and deletion as the console does it. Every change is checked afterwards with the real AWS CLI.
 */
import { mkdirSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { awsCliOk } from './support/aws-cli.ts';
import { test, expect } from './support/fixtures.ts';
import { associationsOf, attachWithCli, ec2Cli, launchInstance } from './support/instances-cli.ts';
import { InstancesPage } from './support/instances-page.ts';
import { demoUser, type LocalAwsConfig } from './support/local-aws.ts';
import {
  attachedPolicyArns,
  createRoleWithCli,
  getInstanceProfile,
  getRole,
  getRoleResult,
  inlinePolicyDocument,
  inlinePolicyNames,
  roleTags,
  uniqueRoleName,
} from './support/roles-cli.ts';
import { RoleDetailsPage, RolesListPage } from './support/roles-pages.ts';
import type { SignInPage } from './support/sign-in-page.ts';

const SCREENSHOTS = 'test-results/roles-screenshots';
mkdirSync(SCREENSHOTS, { recursive: true });

const S3_READ_ONLY = 'arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess';

async function signIn(page: Page, signInPage: SignInPage, localAws: LocalAwsConfig, username: 'admin' | 'viewer' = 'admin'): Promise<void> {
  const user = demoUser(localAws, username);
  await signInPage.goto();
  await signInPage.signIn(user.username, user.password);
  await expect(page).toHaveURL(/\/roles$/);
}

test.describe('Roles list', () => {
  test('lists every role with its trusted entities and instance profile, and keeps the search in the URL', async ({ page, signInPage, localAws }) => {
    await signIn(page, signInPage, localAws);
    const list = new RolesListPage(page);
    await list.goto();
    // Found through the search, as a user would: other specs' roles may push a seeded role off the first page.
    const rowOf = async (roleName: string) => {
      await list.search.fill(roleName);
      return list.row(roleName);
    };
    await expect(await rowOf('WebServerRole')).toContainText('AWS service: ec2');
    // WebServerRole's profile shares its name; CliCreatedRole has no instance profile, so its name appears once.
    await expect(await rowOf('WebServerRole')).toContainText(/WebServerRole[\s\S]*WebServerRole/);
    const cliCreated = await rowOf('CliCreatedRole');
    await expect(cliCreated).toBeVisible();
    await expect(cliCreated).not.toContainText(/CliCreatedRole[\s\S]*CliCreatedRole/);
    await expect(await rowOf('console-admin')).toContainText('Identity provider: cognito-identity.amazonaws.com');
    await list.search.fill('');
    await page.screenshot({ path: `${SCREENSHOTS}/roles-list.png`, fullPage: true });

    await list.search.fill('batchworker');
    await expect(page).toHaveURL(/\/roles\?filter=batchworker$/);
    await expect(list.row('BatchWorkerRole')).toBeVisible();
    await expect(list.row('WebServerRole')).toHaveCount(0);
    await page.reload();
    await expect(list.search).toHaveValue('batchworker');
    await expect(list.row('BatchWorkerRole')).toBeVisible();
  });
});

test.describe('Role details', () => {
  test('edits the description and the trust policy', async ({ page, signInPage, localAws }) => {
    const roleName = uniqueRoleName('e2e-edit');
    await createRoleWithCli(roleName);
    await signIn(page, signInPage, localAws);
    const details = new RoleDetailsPage(page);
    await details.goto(roleName);
    await page.screenshot({ path: `${SCREENSHOTS}/role-permissions-tab.png`, fullPage: true });

    await page.getByRole('button', { name: 'Edit summary' }).click();
    const edit = details.dialog(`Edit ${roleName}`);
    await edit.getByRole('textbox', { name: 'Description' }).fill('Reads reports from S3');
    await expect(details.cli(edit)).toContainText(`aws iam update-role --role-name ${roleName} --description 'Reads reports from S3' --max-session-duration 3600`);
    await edit.getByRole('button', { name: 'Save changes', exact: true }).click();
    await expect(edit).toBeHidden();
    await expect(page.getByRole('main')).toContainText('Reads reports from S3');
    expect((await getRole(roleName)).Description).toBe('Reads reports from S3');

    await details.tab('Trust relationships').click();
    await expect(details.tabPanel()).toContainText('AWS service: ec2');
    await page.getByRole('button', { name: 'Edit trust policy' }).click();
    const trust = details.dialog(`Edit the trust policy of ${roleName}`);
    const document = {
      Version: '2012-10-17',
      Statement: [
        { Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' },
        { Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::123456789012:root' }, Action: 'sts:AssumeRole' },
      ],
    };
    await trust.getByRole('textbox', { name: 'Trust policy' }).fill(JSON.stringify(document, null, 2));
    await expect(details.cli(trust)).toContainText(`aws iam update-assume-role-policy --role-name ${roleName} --policy-document`);
    await trust.getByRole('button', { name: 'Update policy', exact: true }).click();
    await expect(trust).toBeHidden();
    await expect(details.tabPanel().getByRole('list', { name: 'Trusted entities' })).toContainText('Account: 123456789012');
    await page.screenshot({ path: `${SCREENSHOTS}/role-trust-tab.png`, fullPage: true });
    expect((await getRole(roleName)).AssumeRolePolicyDocument).toEqual(document);
  });

  test('adds and removes a managed policy and an inline policy', async ({ page, signInPage, localAws }) => {
    const roleName = uniqueRoleName('e2e-policies');
    await createRoleWithCli(roleName);
    await signIn(page, signInPage, localAws);
    const details = new RoleDetailsPage(page);
    await details.goto(roleName, 'permissions');

    await page.getByRole('button', { name: 'Attach policies' }).click();
    const attach = details.dialog(`Attach policies to ${roleName}`);
    const row = await details.findPolicy(attach, 'Other permissions policies', 'AmazonS3ReadOnlyAccess');
    await row.getByRole('checkbox', { name: 'AmazonS3ReadOnlyAccess' }).check();
    await expect(details.cli(attach)).toContainText(`aws iam attach-role-policy --role-name ${roleName} --policy-arn ${S3_READ_ONLY}`);
    await attach.getByRole('button', { name: 'Attach policies', exact: true }).click();
    await expect(attach).toBeHidden();
    await expect(details.table('Managed policies')).toContainText('AmazonS3ReadOnlyAccess');
    expect(await attachedPolicyArns(roleName)).toEqual([S3_READ_ONLY]);

    await page.getByRole('button', { name: 'Create inline policy' }).click();
    const create = details.dialog(`Create inline policy for ${roleName}`);
    await create.getByRole('textbox', { name: 'Policy name' }).fill('read-reports');
    const inline = {
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::reports-bucket/*' }],
    };
    await create.getByRole('textbox', { name: 'Policy document' }).fill(JSON.stringify(inline, null, 2));
    await expect(create.getByText('No findings: the policy passes the checks.')).toBeVisible();
    await expect(details.cli(create)).toContainText(`aws iam put-role-policy --role-name ${roleName} --policy-name read-reports`);
    await create.getByRole('button', { name: 'Create policy', exact: true }).click();
    await expect(create).toBeHidden();
    await expect(details.table('Inline policies')).toContainText('read-reports');
    expect(await inlinePolicyNames(roleName)).toEqual(['read-reports']);
    expect(await inlinePolicyDocument(roleName, 'read-reports')).toEqual(inline);
    await page.screenshot({ path: `${SCREENSHOTS}/role-permissions-with-policies.png`, fullPage: true });

    // A policy the checks refuse cannot be saved.
    await details.table('Inline policies').getByRole('radio', { name: 'read-reports' }).check();
    await page.getByRole('button', { name: 'Edit inline policy' }).click();
    const editInline = details.dialog('Edit inline policy read-reports');
    await editInline.getByRole('textbox', { name: 'Policy document' }).fill('{"Version": "2012-10-17", "Statement": [');
    await editInline.getByRole('button', { name: 'Save changes', exact: true }).click();
    await expect(editInline.getByText(/Fix the error in the policy first/)).toBeVisible();
    await editInline.getByRole('button', { name: 'Cancel', exact: true }).click();

    await details.table('Inline policies').getByRole('radio', { name: 'read-reports' }).check();
    await page.getByRole('button', { name: 'Delete inline policy' }).click();
    const deleteInline = details.dialog('Delete read-reports?');
    await expect(details.cli(deleteInline)).toContainText(`aws iam delete-role-policy --role-name ${roleName} --policy-name read-reports`);
    await deleteInline.getByRole('button', { name: 'Delete policy', exact: true }).click();
    await expect(deleteInline).toBeHidden();
    await expect(details.table('Inline policies')).toContainText('No inline policies');
    expect(await inlinePolicyNames(roleName)).toEqual([]);

    await details.table('Managed policies').getByRole('radio', { name: 'AmazonS3ReadOnlyAccess' }).check();
    await page.getByRole('button', { name: 'Remove managed policy' }).click();
    const detach = details.dialog('Remove AmazonS3ReadOnlyAccess?');
    await expect(details.cli(detach)).toContainText(`aws iam detach-role-policy --role-name ${roleName} --policy-arn ${S3_READ_ONLY}`);
    await detach.getByRole('button', { name: 'Remove policy', exact: true }).click();
    await expect(detach).toBeHidden();
    await expect(details.table('Managed policies')).toContainText('No managed policies');
    expect(await attachedPolicyArns(roleName)).toEqual([]);
  });

  test('sets and removes a permissions boundary', async ({ page, signInPage, localAws }) => {
    const roleName = uniqueRoleName('e2e-boundary');
    await createRoleWithCli(roleName);
    await signIn(page, signInPage, localAws);
    const details = new RoleDetailsPage(page);
    await details.goto(roleName, 'permissions');

    await page.getByRole('button', { name: 'Set boundary' }).click();
    const set = details.dialog(`Set a permissions boundary for ${roleName}`);
    const row = await details.findPolicy(set, 'Boundary policy', 'AmazonS3ReadOnlyAccess');
    await row.getByRole('radio', { name: 'AmazonS3ReadOnlyAccess' }).check();
    await expect(details.cli(set)).toContainText(`aws iam put-role-permissions-boundary --role-name ${roleName} --permissions-boundary ${S3_READ_ONLY}`);
    await set.getByRole('button', { name: 'Set boundary', exact: true }).click();
    await expect(set).toBeHidden();
    await expect(page.getByRole('button', { name: 'Remove boundary' })).toBeVisible();
    expect((await getRole(roleName)).PermissionsBoundary?.PermissionsBoundaryArn).toBe(S3_READ_ONLY);

    await page.getByRole('button', { name: 'Remove boundary' }).click();
    const remove = details.dialog('Remove the permissions boundary?');
    await expect(details.cli(remove)).toContainText(`aws iam delete-role-permissions-boundary --role-name ${roleName}`);
    await remove.getByRole('button', { name: 'Remove boundary', exact: true }).click();
    await expect(remove).toBeHidden();
    await expect(page.getByText('Permissions boundary is not set.')).toBeVisible();
    expect((await getRole(roleName)).PermissionsBoundary).toBeUndefined();
  });

  test('edits tags within IAM limits', async ({ page, signInPage, localAws }) => {
    const roleName = uniqueRoleName('e2e-tags');
    await createRoleWithCli(roleName);
    await awsCliOk(['iam', 'tag-role', '--role-name', roleName, '--tags', 'Key=Team,Value=web', 'Key=Old,Value=gone']);
    await signIn(page, signInPage, localAws);
    const details = new RoleDetailsPage(page);
    await details.goto(roleName, 'tags');
    await expect(details.table('Tags')).toContainText('Team');

    await page.getByRole('button', { name: 'Manage tags' }).click();
    const manage = details.dialog(`Manage tags of ${roleName}`);
    // ListRoleTags sorts by key: row 1 is Old, row 2 is Team.
    await manage.getByRole('textbox', { name: 'Tag 2 value' }).fill('platform');
    await manage.getByRole('button', { name: 'Remove', exact: true }).first().click();
    await manage.getByRole('button', { name: 'Add new tag', exact: true }).click();
    await manage.getByRole('textbox', { name: 'Tag 2 key' }).fill('aws:reserved');
    await expect(manage.getByText("Tag keys starting with 'aws:' are reserved for AWS.")).toBeVisible();
    await manage.getByRole('button', { name: 'Save changes', exact: true }).click();
    await expect(manage.getByRole('button', { name: 'Save changes' })).toBeDisabled();
    await manage.getByRole('textbox', { name: 'Tag 2 key' }).fill('CostCenter');
    await manage.getByRole('textbox', { name: 'Tag 2 value' }).fill('42');
    await expect(details.cli(manage)).toContainText(`aws iam untag-role --role-name ${roleName} --tag-keys Old`);
    await expect(details.cli(manage)).toContainText(`aws iam tag-role --role-name ${roleName} --tags`);
    await page.screenshot({ path: `${SCREENSHOTS}/role-tags-dialog.png` });
    await manage.getByRole('button', { name: 'Save changes', exact: true }).click();
    await expect(manage).toBeHidden();
    await expect(details.table('Tags')).toContainText('CostCenter');
    await page.screenshot({ path: `${SCREENSHOTS}/role-tags-tab.png`, fullPage: true });
    expect(await roleTags(roleName)).toEqual([
      { Key: 'CostCenter', Value: '42' },
      { Key: 'Team', Value: 'platform' },
    ]);
  });

  test('shows the instances using a role in every region', async ({ page, signInPage, localAws }) => {
    await signIn(page, signInPage, localAws);
    const details = new RoleDetailsPage(page);
    await details.goto('WebServerRole', 'instances');
    const table = details.table('Instances using this role');
    await expect(table).toBeVisible({ timeout: 30_000 });

    // What the CLI says: associations in both regions whose profile is WebServerRole's.
    const expected: { id: string; region: string }[] = [];
    for (const region of localAws.regions) {
      const output = await ec2Cli<{ IamInstanceProfileAssociations: { InstanceId: string; State: string; IamInstanceProfile: { Arn: string } }[] }>(
        ['ec2', 'describe-iam-instance-profile-associations'],
        region,
      );
      for (const association of output.IamInstanceProfileAssociations) {
        if (association.State === 'associated' && association.IamInstanceProfile.Arn.endsWith('/WebServerRole')) expected.push({ id: association.InstanceId, region });
      }
    }
    expect(expected.some((instance) => instance.region === 'eu-west-1')).toBe(true);
    await expect(table.getByRole('row')).toHaveCount(expected.length + 1);
    for (const instance of expected) {
      await expect(table.getByRole('row').filter({ hasText: instance.id })).toContainText(instance.region);
    }
    await expect(table.getByRole('row').filter({ hasText: 'eu-west-1' }).first()).toContainText('Running');
    await page.screenshot({ path: `${SCREENSHOTS}/role-instances-tab.png`, fullPage: true });

    // The link opens the instance in its own region.
    const euInstance = expected.find((instance) => instance.region === 'eu-west-1')!;
    await table.getByRole('link', { name: `${euInstance.id} in eu-west-1` }).click();
    await expect(page).toHaveURL(new RegExp(`/instances/${euInstance.id}$`));
    await expect(page.getByRole('main')).toContainText(euInstance.id);
    await expect(page.getByRole('main')).not.toContainText('EC2 lists no instance');
  });

  test('creates the missing instance profile of a role made with the CLI', async ({ page, signInPage, localAws }) => {
    await signIn(page, signInPage, localAws);
    const details = new RoleDetailsPage(page);
    await details.goto('CliCreatedRole', 'instances');
    await expect(page.getByText('This role has no instance profile')).toBeVisible();
    await expect(details.tabPanel()).toContainText('The role is in no instance profile');
    await page.screenshot({ path: `${SCREENSHOTS}/role-without-profile.png`, fullPage: true });
    expect(await getInstanceProfile('CliCreatedRole')).toBeUndefined();

    await page.getByRole('button', { name: 'Create instance profile' }).click();
    const dialog = details.dialog('Create instance profile');
    await expect(details.cli(dialog)).toContainText('aws iam create-instance-profile --instance-profile-name CliCreatedRole');
    await expect(details.cli(dialog)).toContainText('aws iam add-role-to-instance-profile --instance-profile-name CliCreatedRole --role-name CliCreatedRole');
    await dialog.getByRole('button', { name: 'Create instance profile', exact: true }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByText('This role has no instance profile')).toBeHidden();
    await expect(page.getByRole('main')).toContainText('arn:aws:iam::123456789012:instance-profile/CliCreatedRole');

    const profile = await getInstanceProfile('CliCreatedRole');
    expect(profile?.Roles.map((role) => role.RoleName)).toEqual(['CliCreatedRole']);

    // EC2's "Modify IAM role" drop-down now offers it.
    const instanceName = uniqueRoleName('e2e-profile-choice');
    await launchInstance(instanceName, 'running');
    const instances = new InstancesPage(page);
    await instances.gotoFiltered(instanceName);
    await instances.select(instanceName);
    await instances.openSecurityAction('Modify IAM role');
    const modify = instances.dialog();
    await modify.getByRole('button', { name: /IAM role/ }).first().click();
    await page.getByRole('combobox', { name: 'Find instance profiles' }).fill('CliCreatedRole');
    await expect(page.getByRole('option', { name: /^CliCreatedRole/ }).first()).toBeVisible();
  });

  test('deletes a role that an instance uses, as the console does', async ({ page, signInPage, localAws }) => {
    const roleName = uniqueRoleName('e2e-delete');
    await createRoleWithCli(roleName);
    await awsCliOk(['iam', 'create-instance-profile', '--instance-profile-name', roleName]);
    await awsCliOk(['iam', 'add-role-to-instance-profile', '--instance-profile-name', roleName, '--role-name', roleName]);
    await awsCliOk(['iam', 'attach-role-policy', '--role-name', roleName, '--policy-arn', S3_READ_ONLY]);
    await awsCliOk([
      'iam',
      'put-role-policy',
      '--role-name',
      roleName,
      '--policy-name',
      'inline',
      '--policy-document',
      JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:ListBucket', Resource: '*' }] }),
    ]);
    await awsCliOk(['iam', 'put-role-permissions-boundary', '--role-name', roleName, '--permissions-boundary', S3_READ_ONLY]);
    const instanceId = await launchInstance(`${roleName}-box`, 'running');
    await attachWithCli(instanceId, roleName);

    await signIn(page, signInPage, localAws);
    const list = new RolesListPage(page);
    await list.goto(roleName);
    await list.select(roleName);
    await list.deleteButton().click();
    const dialog = page.getByRole('dialog', { name: `Delete ${roleName}?` });
    await expect(dialog.getByText('1 instance still uses this role')).toBeVisible({ timeout: 20_000 });
    await expect(dialog.getByRole('table', { name: 'Instances still using the role' })).toContainText(instanceId);
    const steps = dialog.getByRole('region', { name: 'Deletion steps' });
    await expect(steps).toContainText(`Remove ${roleName} from instance profile ${roleName}`);
    await expect(steps).toContainText(`Delete instance profile ${roleName}`);
    await expect(steps).toContainText('Detach managed policy AmazonS3ReadOnlyAccess');
    await expect(steps).toContainText('Delete inline policy inline');
    await expect(steps).toContainText('Delete the permissions boundary');
    await expect(dialog.getByRole('button', { name: 'Delete', exact: true })).toBeDisabled();
    await dialog.getByRole('textbox', { name: 'Confirm deletion' }).fill(roleName);
    await page.screenshot({ path: `${SCREENSHOTS}/delete-role-dialog.png` });
    await dialog.getByRole('button', { name: 'Delete', exact: true }).click();
    await expect(dialog).toBeHidden({ timeout: 20_000 });
    await expect(page.getByText(`Role ${roleName} deleted`)).toBeVisible();
    await expect(list.row(roleName)).toHaveCount(0);

    const gone = await getRoleResult(roleName);
    expect(gone.status).not.toBe(0);
    expect(gone.stderr).toContain('NoSuchEntity');
    expect(await getInstanceProfile(roleName)).toBeUndefined();
    // The instance's association now points at a deleted profile: no profile holds a role for it.
    const associations = await associationsOf(instanceId);
    for (const association of associations) {
      const profileName = association.IamInstanceProfile.Arn.split('/').pop()!;
      expect(await getInstanceProfile(profileName)).toBeUndefined();
    }
  });

  test('the viewer can browse a role but every change is refused with the missing permission', async ({ page, signInPage, localAws }) => {
    const roleName = uniqueRoleName('e2e-viewer');
    await createRoleWithCli(roleName);
    await awsCliOk(['iam', 'attach-role-policy', '--role-name', roleName, '--policy-arn', S3_READ_ONLY]);
    await signIn(page, signInPage, localAws, 'viewer');
    const details = new RoleDetailsPage(page);
    await details.goto(roleName, 'permissions');
    await expect(details.table('Managed policies')).toContainText('AmazonS3ReadOnlyAccess');

    await page.getByRole('button', { name: 'Edit summary' }).click();
    const edit = details.dialog(`Edit ${roleName}`);
    await edit.getByRole('textbox', { name: 'Description' }).fill('Not allowed');
    await edit.getByRole('button', { name: 'Save changes', exact: true }).click();
    await expect(edit.getByText('Permission missing')).toBeVisible();
    await expect(edit.getByText('iam:UpdateRole', { exact: true })).toBeVisible();
    await edit.getByRole('button', { name: 'Cancel', exact: true }).click();

    // Deletion stops at its first call and says what is left; nothing was changed.
    await page.getByRole('button', { name: 'Delete', exact: true }).click();
    const dialog = details.dialog(`Delete ${roleName}?`);
    await dialog.getByRole('textbox', { name: 'Confirm deletion' }).fill(roleName);
    await dialog.getByRole('button', { name: 'Delete', exact: true }).click();
    await expect(dialog.getByText('iam:DetachRolePolicy', { exact: true })).toBeVisible({ timeout: 20_000 });
    await expect(dialog.getByText('Detach managed policy AmazonS3ReadOnlyAccess: Failed', { exact: true })).toBeVisible();
    await expect(dialog.getByText(`Delete role ${roleName}: Not started`, { exact: true })).toBeVisible();
    await expect(dialog.getByText('Nothing was deleted. Fix the cause, then choose Retry.')).toBeVisible();
    await expect(dialog.getByRole('button', { name: 'Retry', exact: true })).toBeVisible();
    await page.screenshot({ path: `${SCREENSHOTS}/delete-role-denied.png` });
    expect((await getRole(roleName)).RoleName).toBe(roleName);
    expect(await attachedPolicyArns(roleName)).toEqual([S3_READ_ONLY]);
  });
});
