import type { Page } from '@playwright/test';
import { test, expect } from './support/fixtures.ts';
import { awsCli, awsCliOk } from './support/aws-cli.ts';
import { demoUser, type LocalAwsConfig } from './support/local-aws.ts';
import { PoliciesPages } from './support/policies-pages.ts';
import type { SignInPage } from './support/sign-in-page.ts';

const READ_REPORTS = {
  Version: '2012-10-17',
  Statement: [{ Sid: 'ReadReports', Effect: 'Allow', Action: ['s3:GetObject'], Resource: ['arn:aws:s3:::reports/*'] }],
};
const READ_AND_LIST_REPORTS = {
  Version: '2012-10-17',
  Statement: [
    { Sid: 'ReadReports', Effect: 'Allow', Action: ['s3:GetObject'], Resource: ['arn:aws:s3:::reports/*'] },
    { Sid: 'ListReports', Effect: 'Allow', Action: ['s3:ListBucket'], Resource: ['arn:aws:s3:::reports'] },
  ],
};
const EC2_TRUST = JSON.stringify({
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' }],
});

interface PolicyVersions {
  Versions: { VersionId: string; IsDefaultVersion: boolean }[];
}

async function signInAs(page: Page, signInPage: SignInPage, localAws: LocalAwsConfig, username: string): Promise<void> {
  const user = demoUser(localAws, username);
  await signInPage.goto();
  await signInPage.signIn(user.username, user.password);
  await expect(page).toHaveURL(/\/roles$/);
}

async function cliPolicy(name: string): Promise<string> {
  const created = await awsCliOk<{ Policy: { Arn: string } }>(['iam', 'create-policy', '--policy-name', name, '--policy-document', JSON.stringify(READ_REPORTS)]);
  return created.Policy.Arn;
}

async function versionsOf(arn: string): Promise<string[]> {
  const listed = await awsCliOk<PolicyVersions>(['iam', 'list-policy-versions', '--policy-arn', arn]);
  return listed.Versions.map((version) => `${version.VersionId}${version.IsDefaultVersion ? '*' : ''}`).sort();
}

test.describe('customer managed policies', () => {
  test('an admin creates a policy, edits it to a new version, and deletes it after detaching it from a role', async ({ page, signInPage, localAws }) => {
    const policies = new PoliciesPages(page);
    await signInAs(page, signInPage, localAws, 'admin');

    // The list: every managed policy, filtered by type in the URL.
    await policies.gotoList('?type=job-function');
    await expect(policies.table.getByRole('rowheader').first()).toBeVisible();
    await expect(policies.table.getByText('AWS managed - job function').first()).toBeVisible();
    await expect(page.getByRole('button', { name: 'Filter by type' })).toContainText('AWS managed - job function');
    await policies.screenshot('1-list-job-functions');
    await policies.gotoList();
    await policies.screenshot('1-list');

    // Create.
    await page.getByRole('link', { name: 'Create policy' }).click();
    await expect(page).toHaveURL(/\/policies\/create$/);
    await page.getByLabel('Policy name').fill('ReportsReader');
    await page.getByLabel('Description - optional').fill('Reads the reports bucket.');
    await policies.fillDocument(READ_REPORTS);
    await expect(page.getByLabel('Policy size')).toContainText('of 6,144 characters used');
    await page.getByRole('button', { name: 'Add new tag' }).click();
    await page.getByLabel('Tag 1 key').fill('team');
    await page.getByLabel('Tag 1 value').fill('finance');
    await expect(policies.cliEquivalent()).toContainText(
      `aws iam create-policy --policy-name ReportsReader --description 'Reads the reports bucket.' --policy-document '${JSON.stringify(READ_REPORTS)}' --tags '[{"Key":"team","Value":"finance"}]'`,
    );
    await policies.screenshot('2-create');
    await page.getByRole('button', { name: 'Create policy' }).click();
    await expect(page).toHaveURL(/\/policies\/details\?arn=arn%3Aaws%3Aiam%3A%3A\d{12}%3Apolicy%2FReportsReader$/);
    await expect(policies.notification('Policy ReportsReader created.')).toBeVisible();
    await expect(page.getByRole('heading', { name: 'ReportsReader', level: 1 })).toBeVisible();
    await expect(page.getByLabel(/Policy document of ReportsReader, version v1/)).toContainText('"s3:GetObject"');
    await policies.screenshot('3-details-permissions');
    const arn = `arn:aws:iam::${localAws.accountId}:policy/ReportsReader`;
    const tags = await awsCliOk<{ Tags: unknown }>(['iam', 'list-policy-tags', '--policy-arn', arn]);
    expect(tags.Tags).toEqual([{ Key: 'team', Value: 'finance' }]);

    // Edit = a new default version.
    await page.getByRole('button', { name: 'Edit', exact: true }).first().click();
    await expect(page).toHaveURL(/\/policies\/edit\?arn=/);
    await expect(policies.documentEditor).toHaveValue(/"s3:GetObject"/);
    await policies.fillDocument(READ_AND_LIST_REPORTS);
    await expect(policies.cliEquivalent()).toContainText(`aws iam create-policy-version --policy-arn ${arn} --policy-document`);
    await expect(policies.cliEquivalent()).toContainText('--set-as-default');
    await policies.screenshot('4-edit');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await expect(policies.notification('Policy ReportsReader updated: version v2 is now the default.')).toBeVisible();
    await expect(page.getByLabel(/Policy document of ReportsReader, version v2/)).toContainText('"s3:ListBucket"');
    expect(await versionsOf(arn)).toEqual(['v1', 'v2*']);

    await policies.tab('Policy versions').click();
    await expect(page).toHaveURL(/tab=versions/);
    await expect(page.getByRole('table', { name: 'Policy versions' }).getByText('v2 (Default)')).toBeVisible();
    await policies.screenshot('5-details-versions');
    await policies.tab('Tags').click();
    await expect(page.getByRole('table', { name: 'Tags' })).toContainText('finance');
    await policies.screenshot('6-details-tags');

    // Attached with the CLI; the Entities tab shows the role.
    await awsCliOk(['iam', 'create-role', '--role-name', 'ReportsRole', '--assume-role-policy-document', EC2_TRUST]);
    await awsCliOk(['iam', 'attach-role-policy', '--role-name', 'ReportsRole', '--policy-arn', arn]);
    await page.getByRole('button', { name: 'Refresh policy' }).click();
    await policies.tab('Entities attached').click();
    await expect(page.getByRole('table', { name: 'Entities attached' }).getByRole('rowheader', { name: 'ReportsRole' })).toBeVisible();
    await policies.screenshot('7-details-entities');

    // Delete: refused while attached, with the role listed; detach from all and delete.
    await page.getByRole('button', { name: 'Delete', exact: true }).first().click();
    const dialog = policies.deleteDialog('ReportsReader');
    await expect(dialog.getByText('The policy is attached to 1 entity')).toBeVisible();
    await expect(dialog.getByRole('list', { name: 'Entities using this policy' })).toContainText('Role ReportsRole (permissions policy)');
    await expect(dialog.getByRole('group', { name: 'AWS CLI equivalent' })).toContainText(`aws iam detach-role-policy --role-name ReportsRole --policy-arn ${arn}`);
    await expect(dialog.getByRole('group', { name: 'AWS CLI equivalent' })).toContainText(`aws iam delete-policy-version --policy-arn ${arn} --version-id v1`);
    await expect(dialog.getByRole('group', { name: 'AWS CLI equivalent' })).toContainText(`aws iam delete-policy --policy-arn ${arn}`);
    await dialog.getByLabel('Policy name to confirm').fill('ReportsReader');
    await policies.screenshot('8-delete-dialog');
    await dialog.getByRole('button', { name: 'Detach from all and delete' }).click();
    await expect(page).toHaveURL(/\/policies$/);
    await expect(policies.notification('Policy ReportsReader deleted.')).toBeVisible();

    const gone = await awsCli(['iam', 'get-policy', '--policy-arn', arn]);
    expect(gone.status).not.toBe(0);
    expect(gone.stderr).toContain('NoSuchEntity');
    const attached = await awsCliOk<{ AttachedPolicies: unknown[] }>(['iam', 'list-attached-role-policies', '--role-name', 'ReportsRole']);
    expect(attached.AttachedPolicies).toEqual([]);
  });

  test('at five versions, editing offers to delete the oldest non-default version first', async ({ page, signInPage, localAws }) => {
    const policies = new PoliciesPages(page);
    const arn = await cliPolicy('FiveVersions');
    for (let version = 2; version <= 5; version += 1) {
      await awsCliOk(['iam', 'create-policy-version', '--policy-arn', arn, '--policy-document', JSON.stringify(READ_REPORTS), ...(version === 3 ? ['--set-as-default'] : [])]);
    }
    expect(await versionsOf(arn)).toEqual(['v1', 'v2', 'v3*', 'v4', 'v5']);

    await signInAs(page, signInPage, localAws, 'admin');
    await page.goto(`/policies/edit?arn=${encodeURIComponent(arn)}`);
    await expect(page.getByText("This policy has 5 versions, AWS's limit")).toBeVisible();
    await policies.fillDocument(READ_AND_LIST_REPORTS);
    await page.getByRole('button', { name: 'Save changes' }).click();
    await expect(page.getByText(/Allow deleting v1 first/).first()).toBeVisible();
    expect(await versionsOf(arn)).toEqual(['v1', 'v2', 'v3*', 'v4', 'v5']);

    await page.getByRole('checkbox', { name: 'Delete version v1 before saving' }).check();
    await expect(policies.cliEquivalent()).toContainText(`aws iam delete-policy-version --policy-arn ${arn} --version-id v1`);
    await policies.screenshot('9-edit-at-limit');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await expect(policies.notification('Policy FiveVersions updated: version v6 is now the default.')).toBeVisible();
    expect(await versionsOf(arn)).toEqual(['v2', 'v3', 'v4', 'v5', 'v6*']);
  });

  test('a viewer can browse a policy, but deleting it is refused with iam:DeletePolicy named', async ({ page, signInPage, localAws }) => {
    const policies = new PoliciesPages(page);
    const arn = await cliPolicy('ViewerCannotDelete');
    await signInAs(page, signInPage, localAws, 'viewer');
    await policies.gotoList('?type=customer-managed&q=ViewerCannot');
    await expect(policies.table.getByRole('rowheader', { name: 'ViewerCannotDelete' })).toBeVisible();
    await policies.table.getByRole('link', { name: 'ViewerCannotDelete' }).click();
    await expect(page.getByLabel(/Policy document of ViewerCannotDelete, version v1/)).toContainText('"s3:GetObject"');

    await page.getByRole('button', { name: 'Delete', exact: true }).first().click();
    const dialog = policies.deleteDialog('ViewerCannotDelete');
    await dialog.getByLabel('Policy name to confirm').fill('ViewerCannotDelete');
    await dialog.getByRole('button', { name: 'Delete', exact: true }).click();
    await expect(dialog.getByText('Permission missing', { exact: true })).toBeVisible();
    await expect(dialog.getByText('iam:DeletePolicy', { exact: true })).toBeVisible();
    await expect(dialog.getByText('Nothing was changed.', { exact: false })).toBeVisible();
    await policies.screenshot('10-viewer-delete-refused');

    const still = await awsCliOk<{ Policy: { Arn: string } }>(['iam', 'get-policy', '--policy-arn', arn]);
    expect(still.Policy.Arn).toBe(arn);
  });
});
