import { mkdirSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { test, expect } from './support/fixtures.ts';
import { CreateRoleWizard } from './support/create-role-wizard.ts';
import { launchInstance } from './support/instances-cli.ts';
import { demoUser, type LocalAwsConfig } from './support/local-aws.ts';
import { deleteRoleWithCli, uniqueRoleName } from './support/roles-cli.ts';
import type { SignInPage } from './support/sign-in-page.ts';

const SCREENSHOTS = 'test-results/rough-edges-screenshots';
mkdirSync(SCREENSHOTS, { recursive: true });

async function signInAsAdmin(page: Page, signInPage: SignInPage, localAws: LocalAwsConfig): Promise<void> {
  const admin = demoUser(localAws, 'admin');
  await signInPage.goto();
  await signInPage.signIn(admin.username, admin.password);
  await expect(page).toHaveURL(/\/roles$/);
}

test.describe('what a new user hit', () => {
  test('a next= that resolves to another origin lands on the default page', async ({ page, signInPage, localAws }) => {
    const admin = demoUser(localAws, 'admin');
    await page.goto('/signin?next=%2F%09%2Fevil.example%2F');
    await signInPage.expectVisible();
    await signInPage.signIn(admin.username, admin.password);
    await expect(page).toHaveURL(/\/roles$/);
    await expect(page.getByRole('table', { name: 'Roles' })).toBeVisible();
    await expect(page.getByText('Unexpected Application Error!')).toHaveCount(0);
  });

  test('the wizard: tag errors wait for a touch, the navigation comes back, View role opens the role', async ({ page, signInPage, consolePage, localAws }) => {
    const roleName = uniqueRoleName('edges');
    await signInAsAdmin(page, signInPage, localAws);
    const navigationLink = consolePage.sideNavigation.getByRole('link', { name: 'Policies', exact: true });
    await expect(navigationLink).toBeVisible();

    const wizard = new CreateRoleWizard(page);
    await wizard.openFromRolesList();
    await expect(navigationLink).toBeHidden();
    // Lambda: a role without an instance profile, so the CLI's delete-role is all the clean-up there is.
    await page.getByRole('button', { name: /Service or use case/ }).click();
    await page.getByRole('option', { name: /^Lambda/ }).click();
    await wizard.useCase('Lambda').first().check();
    await wizard.next('Add permissions');
    await wizard.next('Add tags');

    await page.getByRole('button', { name: 'Add new tag' }).click();
    await expect(page.getByLabel('Tag 1 key')).toBeVisible();
    await expect(page.getByText('Enter a tag key.')).toHaveCount(0);
    await page.screenshot({ path: `${SCREENSHOTS}/wizard-new-tag-row.png`, fullPage: true });
    // Going on with the empty row shows what is missing.
    await wizard.nextButton.click();
    await wizard.expectStep('Add tags');
    await expect(page.getByText('Enter a tag key.')).toBeVisible();
    await page.getByLabel('Tag 1 key').fill('team');
    await expect(page.getByText('Enter a tag key.')).toHaveCount(0);

    await wizard.next('Name, review, and create');
    await wizard.roleName.fill(roleName);
    await wizard.createButton.click();
    await expect(page.getByText(`Role ${roleName} created.`)).toBeVisible({ timeout: 30_000 });
    await expect(navigationLink).toBeVisible();
    await page.screenshot({ path: `${SCREENSHOTS}/after-wizard.png`, fullPage: true });

    await page.getByRole('link', { name: `View role ${roleName}` }).click();
    await expect(page).toHaveURL(new RegExp(`/roles/${roleName}$`));
    await expect(page.getByRole('heading', { level: 1, name: roleName })).toBeVisible();
    await expect(page.getByRole('navigation', { name: 'Breadcrumbs' })).toContainText(roleName);
    await page.screenshot({ path: `${SCREENSHOTS}/role-page.png`, fullPage: true });

    // The role's tags editor: a new row stays quiet until its key field is left empty.
    await page.getByRole('tab', { name: 'Tags' }).click();
    await page.getByRole('button', { name: 'Manage tags' }).click();
    const manage = page.getByRole('dialog', { name: `Manage tags of ${roleName}` });
    await manage.getByRole('button', { name: 'Add new tag', exact: true }).click();
    await expect(manage.getByText('Enter a tag key.')).toHaveCount(0);
    await page.screenshot({ path: `${SCREENSHOTS}/manage-tags-new-row.png` });
    await manage.getByRole('textbox', { name: 'Tag 2 key' }).focus();
    await manage.getByRole('textbox', { name: 'Tag 2 value' }).focus();
    await expect(manage.getByText('Enter a tag key.')).toBeVisible();
    await manage.getByRole('button', { name: 'Cancel', exact: true }).click();

    await deleteRoleWithCli(roleName);
  });

  test("the instance page's breadcrumb names the instance", async ({ page, signInPage, consolePage, localAws }) => {
    const instanceId = await launchInstance(`edges-${Date.now().toString(36)}`, 'running');
    await signInAsAdmin(page, signInPage, localAws);
    await page.goto(`/instances/${instanceId}`);
    const breadcrumbs = page.getByRole('navigation', { name: 'Breadcrumbs' });
    await expect(breadcrumbs).toContainText(instanceId);
    await expect(breadcrumbs).not.toContainText(/Instance$/);
    await expect(consolePage.sideNavigation.getByRole('link', { name: 'Instances', exact: true })).toBeVisible();
    await page.screenshot({ path: `${SCREENSHOTS}/instance-page.png` });
  });

  test("the policy page's breadcrumb names the policy", async ({ page, signInPage, localAws }) => {
    await signInAsAdmin(page, signInPage, localAws);
    await page.goto(`/policies/details?arn=${encodeURIComponent('arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess')}`);
    await expect(page.getByRole('heading', { level: 1, name: 'AmazonS3ReadOnlyAccess' })).toBeVisible();
    const breadcrumbs = page.getByRole('navigation', { name: 'Breadcrumbs' });
    await expect(breadcrumbs).toContainText('AmazonS3ReadOnlyAccess');
    await expect(breadcrumbs).not.toContainText(/Policy$/);
    await page.screenshot({ path: `${SCREENSHOTS}/policy-page.png` });
  });
});
