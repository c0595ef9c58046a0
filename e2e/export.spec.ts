/**
 * Export as code on a role's page: the role as CloudFormation, Terraform and AWS CDK, each with the role's name and
 * trust policy, copied to the clipboard and downloaded as the text shown.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { test, expect } from './support/fixtures.ts';
import { demoUser } from './support/local-aws.ts';
import { RoleDetailsPage } from './support/roles-pages.ts';

const SCREENSHOTS = 'test-results/export-screenshots';
mkdirSync(SCREENSHOTS, { recursive: true });

test('the role page exports the role as CloudFormation, Terraform and CDK, with Copy and Download', async ({ page, context, signInPage, localAws }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const admin = demoUser(localAws, 'admin');
  await signInPage.goto();
  await signInPage.signIn(admin.username, admin.password);
  await expect(page).toHaveURL(/\/roles$/);

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
    await dialog.getByRole('radio', { name: format.name }).click();
    const code = dialog.getByLabel(`${format.name} code`);
    await expect(code).toContainText(format.roleName);
    await expect(code).toContainText(format.trust);
    await expect(code).toContainText('sts:AssumeRole');
    const shown = await code.textContent();
    if (format.name === 'CloudFormation') await page.screenshot({ path: `${SCREENSHOTS}/export-cloudformation.png` });

    await dialog.getByRole('button', { name: 'Copy' }).click();
    await expect(dialog.getByText(`${format.name} copied`)).toBeVisible();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(shown);

    const downloading = page.waitForEvent('download');
    await dialog.getByRole('button', { name: `Download ${format.file}` }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toBe(format.file);
    expect(readFileSync(await download.path(), 'utf8')).toBe(shown);
  }
});
