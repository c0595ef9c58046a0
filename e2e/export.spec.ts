/**
 * Export as code on a role's page: the role as CloudFormation, Terraform and AWS CDK, each with the role's name and
 * trust policy, copied to the clipboard and downloaded as the text shown.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { test, expect } from './support/fixtures.ts';
import { CreateRoleWizard } from './support/create-role-wizard.ts';
import { InstancesPage } from './support/instances-page.ts';
import { demoUser } from './support/local-aws.ts';
import { RoleDetailsPage } from './support/roles-pages.ts';
import type { SignInPage } from './support/sign-in-page.ts';
import type { LocalAwsConfig } from './support/local-aws.ts';

const SCREENSHOTS = 'test-results/export-screenshots';
mkdirSync(SCREENSHOTS, { recursive: true });

async function signInAsAdmin(signInPage: SignInPage, localAws: LocalAwsConfig): Promise<void> {
  const admin = demoUser(localAws, 'admin');
  await signInPage.goto();
  await signInPage.signIn(admin.username, admin.password);
  await expect(signInPage.page).toHaveURL(/\/roles$/);
}

test('the role page exports the role as CloudFormation, Terraform and CDK, with Copy and Download', async ({ page, context, signInPage, localAws }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await signInAsAdmin(signInPage, localAws);

  const details = new RoleDetailsPage(page);
  await details.goto('WebServerRole');
  await page.getByRole('button', { name: 'Export as code' }).click();
  const dialog = details.dialog('Export WebServerRole as code');

  const formats = [
    { name: 'CloudFormation', roleName: 'RoleName: WebServerRole', trust: 'Service: ec2.amazonaws.com', file: 'WebServerRole.yaml' },
    { name: 'Terraform', roleName: '= "WebServerRole"', trust: '"Service" = "ec2.amazonaws.com"', file: 'WebServerRole.tf' },
    { name: 'AWS CDK', roleName: 'roleName: "WebServerRole"', trust: '"Service": "ec2.amazonaws.com"', file: 'WebServerRole.ts' },
  ];
  for (const format of formats) {
    await dialog.getByRole('button', { name: format.name, exact: true }).click();
    const code = dialog.getByLabel(`${format.name} code`);
    await expect(code).toContainText(format.roleName);
    await expect(code).toContainText(format.trust);
    await expect(code).toContainText('sts:AssumeRole');
    const shown = await code.textContent();
    await page.screenshot({ path: `${SCREENSHOTS}/role-${format.file}.png` });

    await dialog.getByRole('button', { name: 'Copy', exact: true }).click();
    await expect(dialog.getByText(`${format.name} copied`)).toBeVisible();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(shown);

    const downloading = page.waitForEvent('download');
    await dialog.getByRole('button', { name: `Download ${format.file}` }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toBe(format.file);
    expect(readFileSync(await download.path(), 'utf8')).toBe(shown);
  }
});

test("the Attach/Replace IAM role dialog exports the chosen role with the instance's profile association", async ({ page, signInPage, localAws }) => {
  await signInAsAdmin(signInPage, localAws);
  const instances = new InstancesPage(page);
  await instances.gotoFiltered('batch-worker');
  await instances.select('batch-worker');
  await instances.openSecurityAction('Modify IAM role');
  const dialog = instances.dialog();
  const instanceId = /i-[0-9a-f]+/.exec((await dialog.textContent()) ?? '')![0];

  // The dialog starts on the instance's current profile, BatchWorkerRole.
  await dialog.getByRole('button', { name: 'Export as code' }).click();
  const cloudFormation = dialog.getByLabel('CloudFormation code');
  await expect(cloudFormation).toContainText('RoleName: BatchWorkerRole');
  await expect(cloudFormation).toContainText('IamInstanceProfile:');
  await dialog.getByRole('button', { name: 'Terraform', exact: true }).click();
  const terraform = dialog.getByLabel('Terraform code');
  await expect(terraform).toContainText('iam_instance_profile = aws_iam_instance_profile.batch_worker_role.name');
  await expect(terraform).toContainText(`id = "${instanceId}"`);
  await terraform.scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SCREENSHOTS}/instance-dialog-terraform.png` });
});

test("the wizard's review step exports the role it is about to create", async ({ page, signInPage, localAws }) => {
  await signInAsAdmin(signInPage, localAws);
  const wizard = new CreateRoleWizard(page);
  await wizard.openFromRolesList();
  await wizard.next('Add permissions');
  await wizard.next('Add tags');
  await wizard.next('Name, review, and create');
  await wizard.roleName.fill('exported-before-it-exists');

  await page.getByRole('button', { name: 'Export as code' }).click();
  await page.getByRole('button', { name: 'AWS CDK', exact: true }).click();
  const cdk = page.getByLabel('AWS CDK code');
  await expect(cdk).toContainText('roleName: "exported-before-it-exists"');
  await expect(cdk).toContainText('"ec2.amazonaws.com"');
  await expect(cdk).toContainText('new iam.CfnInstanceProfile(');
  await cdk.scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SCREENSHOTS}/wizard-review-cdk.png` });
});
