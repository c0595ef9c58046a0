/**
 * Role → Test permissions: the guide's S3-Permissions case through IAM's policy simulator, for the admin and
 * for the read-only viewer (who may test; the test changes nothing).
 */
import { mkdirSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { awsCli, awsCliOk } from './support/aws-cli.ts';
import { CreateRoleWizard } from './support/create-role-wizard.ts';
import { associationsOf, attachWithCli, ec2Cli, launchInstance } from './support/instances-cli.ts';
import { test, expect } from './support/fixtures.ts';
import { demoUser, type LocalAwsConfig } from './support/local-aws.ts';
import { createRoleWithCli, deleteRoleWithCli, inlinePolicyNames, uniqueRoleName } from './support/roles-cli.ts';
import type { SignInPage } from './support/sign-in-page.ts';

const SCREENSHOTS = 'test-results/test-permissions-screenshots';
mkdirSync(SCREENSHOTS, { recursive: true });

const S3_PERMISSIONS = JSON.stringify(
  {
    Version: '2012-10-17',
    Statement: [
      { Sid: 'ListTheBucket', Effect: 'Allow', Action: 's3:ListBucket', Resource: 'arn:aws:s3:::example-bucket' },
      {
        Sid: 'ReadWriteObjects',
        Effect: 'Allow',
        Action: ['s3:GetObject', 's3:PutObject'],
        Resource: 'arn:aws:s3:::example-bucket/*',
      },
    ],
  },
  null,
  4,
);

async function signIn(
  page: Page,
  signInPage: SignInPage,
  localAws: LocalAwsConfig,
  username: 'admin' | 'viewer',
): Promise<void> {
  const user = demoUser(localAws, username);
  await signInPage.goto();
  await signInPage.signIn(user.username, user.password);
  await expect(page).toHaveURL(/\/roles$/);
}

function resultRow(page: Page, action: string, resource: string) {
  return page
    .getByRole('row')
    .filter({ has: page.getByRole('cell', { name: action, exact: true }) })
    .filter({ has: page.getByRole('cell', { name: resource, exact: true }) });
}

/** The guide's answers for S3-Permissions, and the statement that allowed s3:GetObject highlighted in its text. */
async function expectS3Answers(page: Page): Promise<void> {
  const getObject = resultRow(page, 's3:GetObject', 'arn:aws:s3:::example-bucket/key');
  await expect(getObject).toContainText('Allowed');
  await expect(getObject).toContainText('S3-Permissions');
  await expect(resultRow(page, 's3:ListBucket', 'arn:aws:s3:::example-bucket')).toContainText('Allowed');
  await expect(resultRow(page, 's3:GetObject', 'arn:aws:s3:::example-bucket')).toContainText('Denied implicitly');
  const deleteBucket = resultRow(page, 's3:DeleteBucket', 'arn:aws:s3:::example-bucket');
  await expect(deleteBucket).toContainText('Denied implicitly');
  await expect(deleteBucket).not.toContainText('S3-Permissions');

  await page.getByRole('radio', { name: 's3:GetObject on arn:aws:s3:::example-bucket/key', exact: true }).check();
  await expect(page.getByLabel('Policy S3-Permissions', { exact: true })).toBeVisible();
  const highlighted = page.getByLabel(/^Matched statement, lines/);
  await expect(highlighted).toContainText('"Sid": "ReadWriteObjects"');
  await expect(highlighted).not.toContainText('ListTheBucket');
}

/** On the role page's Test permissions tab: the S3 preset, run. */
async function runS3Preset(page: Page): Promise<void> {
  await expect(page.getByRole('tab', { name: 'Test permissions', selected: true })).toBeVisible();
  await page.getByRole('button', { name: 'S3 read/write on one bucket' }).click();
  await page.getByRole('button', { name: 'Run test' }).click();
}

test.describe('Test permissions', () => {
  let roleName = '';

  test.beforeEach(async () => {
    roleName = uniqueRoleName('s3-simulated');
    await createRoleWithCli(roleName);
    await awsCliOk([
      'iam',
      'put-role-policy',
      '--role-name',
      roleName,
      '--policy-name',
      'S3-Permissions',
      '--policy-document',
      S3_PERMISSIONS,
    ]);
  });

  test.afterEach(async () => {
    await awsCliOk(['iam', 'delete-role-policy', '--role-name', roleName, '--policy-name', 'S3-Permissions']);
    await deleteRoleWithCli(roleName);
  });

  test('the admin sees each action × resource decided, and the statement that allowed it highlighted', async ({
    page,
    signInPage,
    localAws,
  }) => {
    await signIn(page, signInPage, localAws, 'admin');
    await page.goto(`/roles/${encodeURIComponent(roleName)}?tab=permissions-test`);
    await runS3Preset(page);

    await expectS3Answers(page);
    await page.screenshot({ path: `${SCREENSHOTS}/admin-highlight.png`, fullPage: true });

    await page.getByRole('radio', { name: 's3:DeleteBucket on arn:aws:s3:::example-bucket', exact: true }).check();
    await expect(page.getByText(/No statement matched s3:DeleteBucket on arn:aws:s3:::example-bucket/)).toBeVisible();
  });

  test('the viewer may test the role, and testing changes nothing', async ({ page, signInPage, localAws }) => {
    await signIn(page, signInPage, localAws, 'viewer');
    await page.goto(`/roles/${encodeURIComponent(roleName)}?tab=permissions-test`);
    await runS3Preset(page);
    await expect(resultRow(page, 's3:GetObject', 'arn:aws:s3:::example-bucket/key')).toContainText('Allowed');
    await expect(resultRow(page, 's3:DeleteBucket', 'arn:aws:s3:::example-bucket')).toContainText('Denied implicitly');
    await page.getByRole('radio', { name: 's3:PutObject on arn:aws:s3:::example-bucket/key', exact: true }).check();
    await expect(page.getByLabel(/^Matched statement, lines/)).toContainText('s3:PutObject');
    await page.screenshot({ path: `${SCREENSHOTS}/viewer.png`, fullPage: true });
    expect(await inlinePolicyNames(roleName)).toEqual(['S3-Permissions']);
  });
});

test.describe('What can this role do? (create-role wizard)', () => {
  const roleName = uniqueRoleName('s3-drafted');

  let instanceId: string | undefined;

  test.afterEach(async () => {
    if (instanceId) {
      for (const association of await associationsOf(instanceId)) {
        await ec2Cli(['ec2', 'disassociate-iam-instance-profile', '--association-id', association.AssociationId]);
      }
      await ec2Cli(['ec2', 'terminate-instances', '--instance-ids', instanceId]);
    }
    // Whatever the wizard got to create; a step it never reached answers NoSuchEntity, which is fine here.
    await awsCli([
      'iam',
      'remove-role-from-instance-profile',
      '--instance-profile-name',
      roleName,
      '--role-name',
      roleName,
    ]);
    await awsCli(['iam', 'delete-instance-profile', '--instance-profile-name', roleName]);
    await awsCli(['iam', 'delete-role-policy', '--role-name', roleName, '--policy-name', 'S3-Permissions']);
    await awsCli(['iam', 'delete-role', '--role-name', roleName]);
  });

  test('the review step answers for the draft before anything exists, and the created role gives the same answers', async ({
    page,
    signInPage,
    localAws,
  }) => {
    await signIn(page, signInPage, localAws, 'admin');
    const wizard = new CreateRoleWizard(page);
    await wizard.openFromRolesList();
    await wizard.useCase('EC2').first().check();
    await wizard.next('Add permissions');
    await wizard.addInlinePolicy('S3-Permissions', S3_PERMISSIONS);
    await wizard.next('Add tags');
    await wizard.next('Name, review, and create');
    await wizard.roleName.fill(roleName);

    await expect(page.getByRole('heading', { name: 'What can this role do?' })).toBeVisible();
    await page.getByRole('button', { name: 'S3 read/write on one bucket' }).click();
    await page.getByRole('button', { name: 'Run test' }).click();
    await expectS3Answers(page);
    await page.screenshot({ path: `${SCREENSHOTS}/wizard-review.png`, fullPage: true });
    expect((await awsCli(['iam', 'get-role', '--role-name', roleName])).status).not.toBe(0);

    await wizard.createButton.click();
    await expect(page.getByText(`Role ${roleName} created.`)).toBeVisible();

    // From an instance using the role, its details page leads to the role page's tab.
    instanceId = await launchInstance(roleName, 'running');
    await attachWithCli(instanceId, roleName);
    await page.goto(`/instances/${instanceId}`);
    await page.getByRole('link', { name: 'Test what this instance can do' }).click();
    await expect(page).toHaveURL(new RegExp(`/roles/${roleName}\\?tab=permissions-test$`));
    await runS3Preset(page);
    await expectS3Answers(page);
  });
});
