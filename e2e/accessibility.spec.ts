/// <reference lib="dom" />
// (page.evaluate callbacks in this file run in the browser)
/**
 * Accessibility: an axe scan (WCAG 2 A and AA rules) of every page and dialog, failing on serious or critical
 * violations and printing the others; and the create-role wizard and the Modify IAM role dialog done
 * with the keyboard alone (no mouse after sign-in), checked with the AWS CLI.
 *
 * The new-password page is reached with a first-time user made for the scan (AdminCreateUser through the SDK with
 * local-admin's key), so the demo user newhire stays untouched for the auth spec.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from '@playwright/test';
import { test, expect } from './support/fixtures.ts';
import { awsCliOk } from './support/aws-cli.ts';
import { createFirstTimeUser, deleteUser } from './support/cognito-admin.ts';
import { associationsOf, attachWithCli, launchInstance, profileArn } from './support/instances-cli.ts';
import { demoUser, type LocalAwsConfig } from './support/local-aws.ts';
import { NewPasswordPage } from './support/new-password-page.ts';
import { attachedPolicyArns, createRoleWithCli, getInstanceProfile, uniqueRoleName } from './support/roles-cli.ts';

const ROLE_SHOTS = 'test-results/accessibility';

async function signInAsAdmin(page: Page, localAws: LocalAwsConfig): Promise<void> {
  const admin = demoUser(localAws, 'admin');
  await page.goto('/signin');
  await page.getByLabel('Username', { exact: true }).fill(admin.username);
  await page.getByLabel('Password', { exact: true }).fill(admin.password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(page).toHaveURL(/\/roles$/);
}

interface ScanRecord {
  name: string;
  serious: string[];
  minor: string[];
}

/** Scans the page (or only `within`, for a dialog) and records the violations by impact. */
async function scan(page: Page, name: string, records: ScanRecord[], within?: string): Promise<void> {
  let builder = new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']);
  if (within) builder = builder.include(within);
  const results = await builder.analyze();
  const describe = (violation: (typeof results.violations)[number]) =>
    `${violation.impact ?? 'unknown'} ${violation.id}: ${violation.help} (${violation.nodes.length}× e.g. ${violation.nodes[0]?.target.join(' ') ?? '?'})`;
  const serious = results.violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical');
  const minor = results.violations.filter((violation) => !serious.includes(violation));
  records.push({ name, serious: serious.map(describe), minor: minor.map(describe) });
  for (const line of minor.map(describe)) console.log(`[axe] ${name}: ${line}`);
  for (const line of serious.map(describe)) console.log(`[axe] ${name}: SERIOUS ${line}`);
}

function expectNoSerious(records: ScanRecord[]): void {
  const failures = records.filter((record) => record.serious.length > 0).map((record) => `${record.name}: ${record.serious.join('; ')}`);
  expect(failures, 'serious or critical axe violations').toEqual([]);
}

/** Presses Tab (or Shift+Tab) until `target` has the focus; fails after `limit` presses. */
async function tabTo(page: Page, target: Locator, { backwards = false, limit = 80 } = {}): Promise<void> {
  for (let press = 0; press < limit; press++) {
    if (await target.evaluate((element) => element === document.activeElement).catch(() => false)) return;
    await page.keyboard.press(backwards ? 'Shift+Tab' : 'Tab');
  }
  const focused = await page.evaluate(() => document.activeElement?.outerHTML.slice(0, 200));
  throw new Error(`could not reach ${target.toString()} with the keyboard; focus is on ${focused}`);
}

/** Presses ArrowDown until the menu item has the focus (Cloudscape moves DOM focus through its menu items). */
async function arrowTo(page: Page, item: Locator, limit = 15): Promise<void> {
  for (let press = 0; press < limit; press++) {
    if (await item.evaluate((element) => element === document.activeElement || element.contains(document.activeElement))) return;
    await page.keyboard.press('ArrowDown');
  }
  const focused = await page.evaluate(() => document.activeElement?.outerHTML.slice(0, 200));
  throw new Error(`could not reach ${item.toString()} with the arrow keys; focus is on ${focused}`);
}

test.describe('accessibility', () => {
  test.describe.configure({ timeout: 120_000 });

  test('axe finds no serious or critical violations on any page or dialog', async ({ page, localAws }) => {
    const records: ScanRecord[] = [];
    const roleName = uniqueRoleName('a11y-role');
    await createRoleWithCli(roleName);
    await awsCliOk(['iam', 'tag-role', '--role-name', roleName, '--tags', 'Key=team,Value=a11y']);
    await awsCliOk(['iam', 'attach-role-policy', '--role-name', roleName, '--policy-arn', 'arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess']);
    const instanceName = uniqueRoleName('a11y-instance');
    const instanceId = await launchInstance(instanceName, 'running');
    await attachWithCli(instanceId, 'WebServerRole');

    await page.goto('/signin');
    await expect(page.getByRole('heading', { name: 'Sign in', exact: true })).toBeVisible();
    await scan(page, 'sign-in', records);

    // The new-password page (NEW_PASSWORD_REQUIRED), empty and then showing its validation errors.
    const firstTimer = await createFirstTimeUser('a11y-first-timer');
    await page.getByLabel('Username', { exact: true }).fill(firstTimer.username);
    await page.getByLabel('Password', { exact: true }).fill(firstTimer.temporaryPassword);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    const newPassword = new NewPasswordPage(page);
    await newPassword.expectVisible();
    await expect(newPassword.requirements).toBeVisible();
    await scan(page, 'new password', records);
    await newPassword.choose('short', 'different');
    await expect(page.getByText('The passwords do not match.')).toBeVisible();
    await scan(page, 'new password with errors', records);
    await page.screenshot({ path: `${ROLE_SHOTS}/new-password.png` });
    await page.getByRole('button', { name: 'Cancel' }).click();
    await expect(page).toHaveURL(/\/signin$/);
    await deleteUser(firstTimer.username);

    await signInAsAdmin(page, localAws);

    // IAM → Roles, a role's tabs, the delete dialog.
    await page.goto(`/roles?filter=${roleName}`);
    const roles = page.getByRole('table', { name: 'Roles' });
    await expect(roles.getByRole('link', { name: roleName, exact: true })).toBeVisible({ timeout: 30_000 });
    await scan(page, 'roles list', records);
    await page.screenshot({ path: `${ROLE_SHOTS}/roles-list.png` });
    await roles.getByRole('checkbox', { name: roleName, exact: true }).check();
    await page.getByRole('button', { name: 'Delete', exact: true }).click();
    const deleteDialog = page.getByRole('dialog', { name: `Delete ${roleName}?` });
    await expect(deleteDialog.getByRole('textbox')).toBeVisible();
    await scan(page, 'delete-role dialog', records, '[role="dialog"]');
    await page.keyboard.press('Escape');
    await expect(deleteDialog).toBeHidden();

    for (const tab of ['permissions', 'trust', 'tags', 'instances'] as const) {
      await page.goto(`/roles/${roleName}?tab=${tab}`);
      await expect(page.getByRole('heading', { level: 1, name: roleName })).toBeVisible({ timeout: 30_000 });
      await expect(page.getByRole('tabpanel')).toBeVisible();
      await expect(page.getByRole('tabpanel').getByText(/^Loading/)).toHaveCount(0, { timeout: 20_000 });
      await scan(page, `role details: ${tab}`, records);
    }

    // The create-role wizard, each step.
    await page.goto('/roles/create');
    await expect(page.getByRole('heading', { name: 'Select trusted entity', level: 1 })).toBeVisible();
    await page.getByRole('radiogroup', { name: /^Use cases for/ }).getByRole('radio', { name: /^EC2/ }).first().check();
    await scan(page, 'wizard step 1', records);
    for (const step of ['Add permissions', 'Add tags', 'Name, review, and create']) {
      await page.getByRole('button', { name: 'Next', exact: true }).click();
      await expect(page.getByRole('heading', { name: step, level: 1 })).toBeVisible();
      if (step === 'Add permissions') await expect(page.getByText(/Loading more policies/)).toHaveCount(0, { timeout: 20_000 });
      await scan(page, `wizard: ${step}`, records);
    }

    // Policies: list, details, create.
    await page.goto('/policies');
    await expect(page.getByRole('table', { name: 'Policies' }).getByRole('row').nth(1)).toBeVisible({ timeout: 30_000 });
    await scan(page, 'policies list', records);
    await page.goto(`/policies/details?arn=${encodeURIComponent('arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess')}`);
    await expect(page.getByRole('heading', { name: 'Policy details', level: 2 })).toBeVisible({ timeout: 30_000 });
    await scan(page, 'policy details', records);
    await page.goto('/policies/create');
    await expect(page.getByRole('textbox', { name: 'Policy document', exact: true })).toBeVisible({ timeout: 30_000 });
    await scan(page, 'create policy', records);

    // EC2: instances list, details, the Modify IAM role dialog and the detach confirmation.
    await page.goto(`/instances?name=${encodeURIComponent(instanceName)}`);
    const instances = page.getByRole('table', { name: 'Instances' });
    await expect(instances.getByRole('row').filter({ hasText: instanceName })).toBeVisible({ timeout: 30_000 });
    await scan(page, 'instances list', records);
    await page.screenshot({ path: `${ROLE_SHOTS}/instances-list.png` });
    await page.goto(`/instances/${instanceId}`);
    await expect(page.getByRole('heading', { level: 1 })).toContainText('Instance summary for', { timeout: 30_000 });
    await scan(page, 'instance details', records);
    await page.getByRole('button', { name: 'Actions' }).click();
    await page.getByRole('menuitem', { name: 'Security' }).click();
    await page.getByRole('menuitem', { name: 'Modify IAM role' }).click();
    const modify = page.getByRole('dialog', { name: 'Modify IAM role' });
    await expect(modify).toContainText(instanceId);
    await scan(page, 'Modify IAM role dialog', records, '[role="dialog"]');
    await page.screenshot({ path: `${ROLE_SHOTS}/modify-iam-role-dialog.png` });
    // The drop-down's trigger takes its name and description from the FormField around it.
    const profileTrigger = modify.getByRole('button', { name: /IAM role/ }).first();
    await expect(profileTrigger).toHaveAccessibleName(/^IAM role WebServerRole Role: WebServerRole arn:aws:iam::/);
    await expect(profileTrigger).toHaveAccessibleDescription('Choose an instance profile, or No IAM role to detach the current one.');
    await profileTrigger.click();
    await expect(page.getByRole('listbox', { name: 'Instance profiles' })).toBeVisible();
    await scan(page, 'IAM role drop-down, open', records, '[role="dialog"]');
    await page.getByRole('combobox', { name: 'Find instance profiles' }).fill('No IAM role');
    await page.getByRole('option', { name: /^No IAM role/ }).first().click();
    await modify.getByRole('button', { name: 'Update IAM role' }).click();
    const confirm = page.getByRole('dialog', { name: 'Detach IAM role' });
    await expect(confirm).toContainText('WebServerRole');
    await scan(page, 'detach confirmation', records, '[role="dialog"]');

    console.log(`[axe] scanned ${records.length} pages and dialogs`);
    expectNoSerious(records);
  });

  test('the create-role wizard can be completed with the keyboard alone', async ({ page, localAws }) => {
    const roleName = uniqueRoleName('KeyboardRole');
    await signInAsAdmin(page, localAws);
    await page.goto('/roles/create');
    await expect(page.getByRole('heading', { name: 'Select trusted entity', level: 1 })).toBeVisible();
    const keyboard = page.keyboard;

    // Step 1: AWS service is the default; the EC2 use case is chosen with Space.
    await expect(page.getByRole('radio', { name: /^AWS service/ })).toBeChecked();
    const ec2 = page.getByRole('radiogroup', { name: /^Use cases for/ }).getByRole('radio', { name: /^EC2/ }).first();
    await tabTo(page, ec2);
    await keyboard.press('Space');
    await expect(ec2).toBeChecked();
    await tabTo(page, page.getByRole('button', { name: 'Next', exact: true }));
    await keyboard.press('Enter');
    await expect(page.getByRole('heading', { name: 'Add permissions', level: 1 })).toBeVisible();

    // Step 2: filter the table by typing, tick the policy's checkbox with Space.
    await expect(page.getByText(/Loading more policies/)).toHaveCount(0, { timeout: 20_000 });
    await tabTo(page, page.getByRole('searchbox', { name: 'Filter Permissions policies' }));
    await keyboard.type('AmazonS3ReadOnlyAccess');
    const table = page.getByRole('table', { name: 'Permissions policies' });
    const checkbox = table.getByRole('row').filter({ has: page.getByText('AmazonS3ReadOnlyAccess', { exact: true }) }).getByRole('checkbox', { name: 'AmazonS3ReadOnlyAccess' });
    await expect(checkbox).toBeVisible();
    await tabTo(page, checkbox);
    await keyboard.press('Space');
    await expect(checkbox).toBeChecked();
    await tabTo(page, page.getByRole('button', { name: 'Next', exact: true }));
    await keyboard.press('Enter');
    await expect(page.getByRole('heading', { name: 'Add tags', level: 1 })).toBeVisible();

    // Step 3: nothing to add; back to step 2 and forward again with Shift+Tab proves the way back works too.
    await tabTo(page, page.getByRole('button', { name: 'Next', exact: true }));
    await keyboard.press('Enter');
    await expect(page.getByRole('heading', { name: 'Name, review, and create', level: 1 })).toBeVisible();

    // Step 4: type the name, then Create role.
    const name = page.getByLabel('Role name', { exact: true });
    await tabTo(page, name, { backwards: true, limit: 120 });
    await keyboard.type(roleName);
    await expect(name).toHaveValue(roleName);
    await tabTo(page, page.getByRole('button', { name: 'Create role', exact: true }), { limit: 200 });
    await keyboard.press('Enter');
    await expect(page.getByText(`Role ${roleName} created.`)).toBeVisible({ timeout: 30_000 });

    expect(await attachedPolicyArns(roleName)).toEqual(['arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess']);
    expect((await getInstanceProfile(roleName))?.Roles.map((role) => role.RoleName)).toEqual([roleName]);
  });

  test('the Modify IAM role dialog can be used with the keyboard alone', async ({ page, localAws }) => {
    const instanceName = uniqueRoleName('keyboard-instance');
    const instanceId = await launchInstance(instanceName, 'running');
    await signInAsAdmin(page, localAws);
    await page.goto(`/instances/${instanceId}`);
    await expect(page.getByRole('heading', { level: 1 })).toContainText('Instance summary for', { timeout: 30_000 });
    const keyboard = page.keyboard;

    // Actions → Security → Modify IAM role, with Enter and the arrow keys.
    await tabTo(page, page.getByRole('button', { name: 'Actions' }));
    await keyboard.press('Enter');
    const security = page.getByRole('menuitem', { name: 'Security' });
    await expect(security).toBeVisible();
    await arrowTo(page, security);
    await keyboard.press('ArrowRight');
    const modifyItem = page.getByRole('menuitem', { name: 'Modify IAM role' });
    await expect(modifyItem).toBeVisible();
    await arrowTo(page, modifyItem);
    await keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Modify IAM role' });
    await expect(dialog).toContainText(instanceId);

    // The searchable drop-down: Escape closes it and not the dialog; Tab leaves it; then type, ArrowDown, Enter.
    const trigger = dialog.getByRole('button', { name: /IAM role/ }).first();
    const profileFilter = page.getByRole('combobox', { name: 'Find instance profiles' });
    await tabTo(page, trigger);
    await keyboard.press('Enter');
    await expect(profileFilter).toBeFocused();
    await keyboard.press('Escape');
    await expect(profileFilter).toBeHidden();
    await expect(dialog).toBeVisible();
    await expect(trigger).toBeFocused();
    // Tab closes it and moves on to the control after it.
    await keyboard.press('Enter');
    await expect(profileFilter).toBeFocused();
    await keyboard.press('Tab');
    await expect(profileFilter).toBeHidden();
    await expect(dialog.getByRole('button', { name: 'Refresh IAM roles' })).toBeFocused();
    await keyboard.press('Shift+Tab');
    await expect(trigger).toBeFocused();
    await keyboard.press('Enter');
    await expect(profileFilter).toBeFocused();
    await keyboard.type('WebServerRole');
    await keyboard.press('ArrowDown');
    await keyboard.press('Enter');
    await expect(dialog.getByRole('group', { name: 'AWS CLI equivalent' })).toContainText('Name=WebServerRole');
    await tabTo(page, dialog.getByRole('button', { name: 'Update IAM role' }));
    await keyboard.press('Enter');
    await expect(page.getByText(`IAM role WebServerRole attached to ${instanceId} (${instanceName})`).first()).toBeVisible({ timeout: 20_000 });
    await page.screenshot({ path: `${ROLE_SHOTS}/keyboard-attach-done.png` });

    const associations = await associationsOf(instanceId);
    expect(associations).toHaveLength(1);
    expect(associations[0]!.IamInstanceProfile.Arn).toBe(profileArn('WebServerRole'));
  });
});
