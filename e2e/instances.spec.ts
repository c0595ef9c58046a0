import { mkdirSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { test, expect } from './support/fixtures.ts';
import { awsCliOk } from './support/aws-cli.ts';
import { associationsOf, attachWithCli, ec2Cli, launchInstance, profileArn } from './support/instances-cli.ts';
import { InstancesPage } from './support/instances-page.ts';
import { demoUser, type LocalAwsConfig } from './support/local-aws.ts';
import type { SignInPage } from './support/sign-in-page.ts';

const SCREENSHOTS = 'test-results/instances-screenshots';
mkdirSync(SCREENSHOTS, { recursive: true });

/** A name no other spec uses, so each test owns its instances in the shared local AWS. */
function uniqueName(prefix: string): string {
  return `${prefix}-${Date.now().toString(36)}${Math.floor(Math.random() * 1000)}`;
}

async function signIn(page: Page, signInPage: SignInPage, localAws: LocalAwsConfig, username: 'admin' | 'viewer'): Promise<void> {
  const user = demoUser(localAws, username);
  await signInPage.goto();
  await signInPage.signIn(user.username, user.password);
  await expect(page).toHaveURL(/\/roles$/);
}

test.describe('Modify IAM role', () => {
  // Each test launches its own instances with the CLI and waits for their state transitions.
  test.describe.configure({ timeout: 180_000 });
  test('attaches a role to a running instance and shows it in the details', async ({ page, signInPage, localAws }) => {
    const name = uniqueName('attach-running');
    const instanceId = await launchInstance(name, 'running');
    await signIn(page, signInPage, localAws, 'admin');
    const instances = new InstancesPage(page);

    await instances.gotoFiltered(name);
    await expect(instances.row(instanceId)).toContainText('Running');
    await expect(instances.row(instanceId)).toContainText('–');
    await page.screenshot({ path: `${SCREENSHOTS}/instances-page.png`, fullPage: true });
    await instances.select(name);
    await instances.openSecurityAction('Modify IAM role');

    const dialog = instances.dialog();
    await expect(dialog).toContainText(instanceId);
    await expect(dialog).toContainText(name);
    // A role made with the CLI has no instance profile: the dialog says why it is missing.
    await expect(dialog).toContainText('CliCreatedRole has no instance profile');
    await instances.chooseRole(dialog, 'WebServerRole');
    await expect(dialog.getByRole('group', { name: 'AWS CLI equivalent' })).toContainText(
      `aws ec2 associate-iam-instance-profile --region us-east-1 --instance-id ${instanceId} --iam-instance-profile Name=WebServerRole`,
    );
    await page.screenshot({ path: `${SCREENSHOTS}/modify-iam-role-dialog.png` });
    await dialog.getByRole('button', { name: 'Update IAM role' }).click();

    await expect(instances.successNotification(`IAM role WebServerRole attached to ${instanceId} (${name})`)).toBeVisible({ timeout: 20_000 });
    await expect(dialog).toBeHidden();
    // The list shows the new role without a reload.
    await expect(instances.row(instanceId).getByRole('link', { name: 'WebServerRole' })).toBeVisible();

    await instances.row(instanceId).getByRole('link', { name: instanceId }).click();
    await expect(page).toHaveURL(new RegExp(`/instances/${instanceId}$`));
    await expect(instances.roleLink('WebServerRole').first()).toBeVisible();
    await expect(instances.roleLink('WebServerRole').first()).toHaveAttribute('href', '/roles/WebServerRole');
    await page.screenshot({ path: `${SCREENSHOTS}/instance-details.png`, fullPage: true });
    await page.getByRole('tab', { name: 'Security' }).click();
    await expect(page.getByRole('tabpanel')).toContainText('WebServerRole');
    await expect(page.getByRole('tabpanel')).toContainText(/iip-assoc-[0-9a-f]{17} \(associated\)/);

    const associations = await associationsOf(instanceId);
    expect(associations).toHaveLength(1);
    expect(associations[0]).toMatchObject({ State: 'associated', IamInstanceProfile: { Arn: profileArn('WebServerRole') } });
  });

  test('replaces the role of a running instance', async ({ page, signInPage, localAws }) => {
    const name = uniqueName('replace-running');
    const instanceId = await launchInstance(name, 'running');
    await attachWithCli(instanceId, 'WebServerRole');
    const before = (await associationsOf(instanceId))[0]!.AssociationId;
    await signIn(page, signInPage, localAws, 'admin');
    const instances = new InstancesPage(page);

    await instances.gotoDetails(instanceId);
    await expect(instances.roleLink('WebServerRole').first()).toBeVisible();
    await instances.openSecurityAction('Modify IAM role');
    const dialog = instances.dialog();
    await instances.chooseRole(dialog, 'BatchWorkerRole');
    await expect(dialog.getByRole('group', { name: 'AWS CLI equivalent' })).toContainText(
      `aws ec2 replace-iam-instance-profile-association --region us-east-1 --association-id ${before} --iam-instance-profile Name=BatchWorkerRole`,
    );
    await dialog.getByRole('button', { name: 'Update IAM role' }).click();
    await expect(instances.successNotification(`IAM role of ${instanceId} (${name}) replaced with BatchWorkerRole`)).toBeVisible({ timeout: 20_000 });
    await expect(instances.roleLink('BatchWorkerRole').first()).toBeVisible();
    await expect(instances.roleLink('WebServerRole')).toHaveCount(0);

    const associations = await associationsOf(instanceId);
    expect(associations).toHaveLength(1);
    expect(associations[0]).toMatchObject({ State: 'associated', IamInstanceProfile: { Arn: profileArn('BatchWorkerRole') } });
    expect(associations[0]!.AssociationId).not.toBe(before);
  });

  test('detaches the role after the typed confirmation', async ({ page, signInPage, localAws }) => {
    const name = uniqueName('detach');
    const instanceId = await launchInstance(name, 'running');
    await attachWithCli(instanceId, 'WebServerRole');
    await signIn(page, signInPage, localAws, 'admin');
    const instances = new InstancesPage(page);

    await instances.gotoDetails(instanceId);
    await instances.openSecurityAction('Modify IAM role');
    const dialog = instances.dialog();
    await instances.chooseRole(dialog, 'No IAM role');
    await dialog.getByRole('button', { name: 'Update IAM role' }).click();

    const confirm = instances.dialog('Detach IAM role');
    await expect(confirm).toContainText('WebServerRole');
    const detach = confirm.getByRole('button', { name: 'Detach', exact: true });
    await expect(detach).toBeDisabled();
    await confirm.getByRole('textbox', { name: 'Type Detach to confirm' }).fill('detach');
    await expect(detach).toBeDisabled();
    await confirm.getByRole('textbox', { name: 'Type Detach to confirm' }).fill('Detach');
    await page.screenshot({ path: `${SCREENSHOTS}/detach-confirmation.png` });
    await detach.click();

    await expect(instances.successNotification(`IAM role detached from ${instanceId} (${name})`)).toBeVisible({ timeout: 20_000 });
    await expect(instances.roleLink('WebServerRole')).toHaveCount(0);
    expect(await associationsOf(instanceId)).toEqual([]);
  });

  test('attaches a role to a stopped instance', async ({ page, signInPage, localAws }) => {
    const name = uniqueName('attach-stopped');
    const instanceId = await launchInstance(name, 'stopped');
    await signIn(page, signInPage, localAws, 'admin');
    const instances = new InstancesPage(page);

    await instances.gotoDetails(instanceId);
    await expect(page.getByRole('main')).toContainText('Stopped');
    await instances.openSecurityAction('Modify IAM role');
    const dialog = instances.dialog();
    await instances.chooseRole(dialog, 'BatchWorkerRole');
    await dialog.getByRole('button', { name: 'Update IAM role' }).click();
    await expect(instances.successNotification(`IAM role BatchWorkerRole attached to ${instanceId} (${name})`)).toBeVisible({ timeout: 20_000 });
    await expect(instances.roleLink('BatchWorkerRole').first()).toBeVisible();

    const associations = await associationsOf(instanceId);
    expect(associations).toMatchObject([{ State: 'associated', IamInstanceProfile: { Arn: profileArn('BatchWorkerRole') } }]);
  });

  test('replaces the role of a stopped instance by detaching and attaching', async ({ page, signInPage, localAws }) => {
    const name = uniqueName('replace-stopped');
    const instanceId = await launchInstance(name, 'stopped');
    await attachWithCli(instanceId, 'WebServerRole');
    const before = (await associationsOf(instanceId))[0]!.AssociationId;
    await signIn(page, signInPage, localAws, 'admin');
    const instances = new InstancesPage(page);

    await instances.gotoDetails(instanceId);
    await instances.openSecurityAction('Modify IAM role');
    const dialog = instances.dialog();
    await instances.chooseRole(dialog, 'BatchWorkerRole');
    await expect(dialog).toContainText('Update IAM role detaches the current role, then attaches the new one');
    const cli = dialog.getByRole('group', { name: 'AWS CLI equivalent' });
    await expect(cli).toContainText(`aws ec2 disassociate-iam-instance-profile --region us-east-1 --association-id ${before}`);
    await expect(cli).toContainText(`aws ec2 associate-iam-instance-profile --region us-east-1 --instance-id ${instanceId} --iam-instance-profile Name=BatchWorkerRole`);
    await dialog.getByRole('button', { name: 'Update IAM role' }).click();
    await expect(instances.successNotification(`IAM role of ${instanceId} (${name}) replaced with BatchWorkerRole`)).toBeVisible({ timeout: 20_000 });
    await expect(instances.roleLink('BatchWorkerRole').first()).toBeVisible();

    const associations = await associationsOf(instanceId);
    expect(associations).toMatchObject([{ State: 'associated', IamInstanceProfile: { Arn: profileArn('BatchWorkerRole') } }]);
    expect(associations[0]!.AssociationId).not.toBe(before);
  });

  test('the action is disabled, with the reason, for a terminated instance', async ({ page, signInPage, localAws }) => {
    const name = uniqueName('terminated');
    const instanceId = await launchInstance(name, 'terminated');
    await signIn(page, signInPage, localAws, 'admin');
    const instances = new InstancesPage(page);

    await instances.gotoFiltered(name);
    await instances.select(name);
    await instances.actions.click();
    await page.getByRole('menuitem', { name: 'Security' }).click();
    const item = instances.securityActionItem('Modify IAM role');
    await expect(item).toHaveAttribute('aria-disabled', 'true');
    await expect(item).toHaveAccessibleDescription('The instance is terminated: a terminated instance cannot get an IAM role.');
    await page.keyboard.press('Escape');

    await instances.gotoDetails(instanceId);
    await instances.actions.click();
    await page.getByRole('menuitem', { name: 'Security' }).click();
    await expect(instances.securityActionItem('Modify IAM role')).toHaveAttribute('aria-disabled', 'true');
  });

  test("a viewer's Update IAM role is refused with the missing permission named", async ({ page, signInPage, localAws }) => {
    const name = uniqueName('viewer');
    const instanceId = await launchInstance(name, 'running');
    await signIn(page, signInPage, localAws, 'viewer');
    const instances = new InstancesPage(page);

    await instances.gotoDetails(instanceId);
    await instances.openSecurityAction('Modify IAM role');
    const dialog = instances.dialog();
    await instances.chooseRole(dialog, 'WebServerRole');
    await dialog.getByRole('button', { name: 'Update IAM role' }).click();
    await expect(dialog.getByText('Permission missing', { exact: true })).toBeVisible({ timeout: 20_000 });
    await expect(dialog).toContainText(/Missing permission: (ec2:AssociateIamInstanceProfile|iam:PassRole)/);
    await page.screenshot({ path: `${SCREENSHOTS}/viewer-refused.png` });
    expect(await associationsOf(instanceId)).toEqual([]);
  });

  test('bulk-attaches one role to three instances, skipping the terminated one', async ({ page, signInPage, localAws }) => {
    const prefix = uniqueName('bulk');
    const first = await launchInstance(`${prefix}-a`, 'running');
    const second = await launchInstance(`${prefix}-b`, 'stopped');
    const terminated = await launchInstance(`${prefix}-c`, 'terminated');
    await attachWithCli(second, 'BatchWorkerRole');
    await signIn(page, signInPage, localAws, 'admin');
    const instances = new InstancesPage(page);

    await page.goto(`/instances?name=${encodeURIComponent(`~${prefix}`)}`);
    await expect(instances.table.getByRole('row')).toHaveCount(4);
    for (const suffix of ['a', 'b', 'c']) await instances.select(`${prefix}-${suffix}`);
    await instances.openSecurityAction('Attach IAM role to selected instances');

    const dialog = instances.dialog('Attach IAM role to 3 instances');
    await expect(dialog).toContainText('1 of the selected instances cannot get a role');
    await instances.chooseRole(dialog, 'WebServerRole');
    await dialog.getByRole('button', { name: 'Attach IAM role', exact: true }).click();

    // One plan: attach to the running instance; the stopped one's role is detached, then the new one attached.
    const progress = dialog.getByRole('list', { name: 'Bulk attach progress' });
    for (const title of [
      `Attach instance profile WebServerRole to ${first}`,
      `Detach instance profile BatchWorkerRole from ${second}`,
      `Attach instance profile WebServerRole to ${second}`,
    ]) {
      await expect(progress.getByText(`${title}: Done`, { exact: true })).toBeVisible({ timeout: 30_000 });
    }
    const skipped = dialog.getByRole('list', { name: 'Skipped instances' });
    await expect(skipped).toContainText(terminated);
    await expect(skipped).toContainText('terminated');
    await page.screenshot({ path: `${SCREENSHOTS}/bulk-results.png` });
    await dialog.getByRole('button', { name: 'Close', exact: true }).click();

    for (const instanceId of [first, second]) {
      expect(await associationsOf(instanceId)).toMatchObject([{ State: 'associated', IamInstanceProfile: { Arn: profileArn('WebServerRole') } }]);
    }
    expect(await associationsOf(terminated)).toEqual([]);
  });
});

test.describe('IAM role drop-down', () => {
  test('lists more profiles than it shows: the keyboard and the mouse reach the ones out of view', async ({ page, signInPage, localAws }) => {
    test.setTimeout(120_000);
    const prefix = uniqueName('scroll');
    const profileNames = Array.from({ length: 15 }, (_, index) => `${prefix}-${String(index + 1).padStart(2, '0')}`);
    await Promise.all(profileNames.map((profileName) => awsCliOk(['iam', 'create-instance-profile', '--instance-profile-name', profileName])));
    const name = uniqueName('scroll-instance');
    await launchInstance(name, 'running');
    await signIn(page, signInPage, localAws, 'admin');
    const instances = new InstancesPage(page);
    await instances.gotoFiltered(name);
    await instances.select(name);
    await instances.openSecurityAction('Modify IAM role');
    const dialog = instances.dialog();
    const trigger = instances.profileTrigger(dialog);
    const filter = instances.profileFilter();

    // Keyboard: twelve rows down is out of the first view; the list scrolls along and Enter picks it.
    await trigger.click();
    await filter.fill(prefix);
    const list = page.getByRole('listbox', { name: 'Instance profiles' });
    await expect(list.getByRole('option').first()).toHaveAttribute('aria-setsize', '15');
    await expect(list.getByRole('option', { name: new RegExp(`^${profileNames[14]}`) })).toHaveCount(0);
    for (let press = 0; press < 12; press++) await page.keyboard.press('ArrowDown');
    const twelfth = list.getByRole('option', { name: new RegExp(`^${profileNames[11]}`) });
    await expect(twelfth).toBeInViewport();
    await expect(filter).toHaveAttribute('aria-activedescendant', (await twelfth.getAttribute('id'))!);
    await page.keyboard.press('Enter');
    await expect(trigger).toContainText(profileNames[11]!);
    await expect(trigger).toBeFocused();

    // Mouse: scrolling the list to its end shows the last profile, and a click picks it.
    await trigger.click();
    await filter.fill(prefix);
    await list.hover();
    await page.mouse.wheel(0, 2_000);
    await list.getByRole('option', { name: new RegExp(`^${profileNames[14]}`) }).click();
    await expect(list).toBeHidden();
    await expect(trigger).toContainText(profileNames[14]!);
    await expect(dialog.getByText('This instance profile holds no role')).toBeVisible();

    // A click elsewhere in the dialog closes it and keeps the choice.
    await trigger.click();
    await expect(list).toBeVisible();
    await dialog.getByText('Choose an instance profile, or No IAM role').click();
    await expect(list).toBeHidden();
    await expect(dialog).toBeVisible();
    await expect(trigger).toContainText(profileNames[14]!);
  });
});

test.describe('No IAM role in the IAM role drop-down', () => {
  test('stays in reach above fifteen profiles: detached with the keyboard, then with the mouse', async ({ page, signInPage, localAws }) => {
    test.setTimeout(180_000);
    // Sorted after every seeded profile, the instance's profile (the last) opens the list far below its top.
    const prefix = uniqueName('zz-pinned');
    const profileNames = Array.from({ length: 15 }, (_, index) => `${prefix}-${String(index + 1).padStart(2, '0')}`);
    const current = profileNames[14]!;
    await Promise.all(profileNames.map((profileName) => awsCliOk(['iam', 'create-instance-profile', '--instance-profile-name', profileName])));
    await awsCliOk(['iam', 'add-role-to-instance-profile', '--instance-profile-name', current, '--role-name', 'WebServerRole']);
    const name = uniqueName('pinned-instance');
    const instanceId = await launchInstance(name, 'running');
    await attachWithCli(instanceId, current);
    await signIn(page, signInPage, localAws, 'admin');
    const instances = new InstancesPage(page);
    const list = page.getByRole('listbox', { name: 'Instance profiles' });
    const noRole = list.getByRole('option', { name: /^No IAM role/ });
    const currentOption = list.getByRole('option', { name: new RegExp(`^${current}`) });

    async function confirmDetach(): Promise<void> {
      const confirm = instances.dialog('Detach IAM role');
      await confirm.getByRole('textbox', { name: 'Type Detach to confirm' }).fill('Detach');
      await confirm.getByRole('button', { name: 'Detach', exact: true }).click();
      // The dialog closes on success; the first detach's notification may still be on screen for the second.
      await expect(confirm).toBeHidden({ timeout: 20_000 });
      await expect(instances.successNotification(`IAM role detached from ${instanceId} (${name})`)).toBeVisible({ timeout: 20_000 });
      expect(await associationsOf(instanceId)).toEqual([]);
    }

    // Keyboard, from Security → Modify IAM role: the list opens at the current profile, No IAM role is still in
    // view above it, and Home (on the empty filter) highlights it.
    await instances.gotoDetails(instanceId);
    await instances.openSecurityAction('Modify IAM role');
    let dialog = instances.dialog();
    let trigger = instances.profileTrigger(dialog);
    await expect(trigger).toContainText(current);
    await trigger.focus();
    await page.keyboard.press('Enter');
    const filter = instances.profileFilter();
    await expect(filter).toBeFocused();
    await expect(currentOption).toHaveAttribute('aria-selected', 'true');
    await expect(currentOption).toBeInViewport();
    await expect(noRole).toBeInViewport();
    await expect(noRole).toHaveAttribute('aria-posinset', '1');
    await page.keyboard.press('Home');
    await expect(filter).toHaveAttribute('aria-activedescendant', (await noRole.getAttribute('id'))!);
    await page.keyboard.press('Enter');
    await expect(list).toBeHidden();
    await expect(trigger).toBeFocused();
    await expect(trigger).toContainText('No IAM role');
    await dialog.getByRole('button', { name: 'Update IAM role' }).focus();
    await page.keyboard.press('Enter');
    await confirmDetach();

    // Mouse, from Instance settings → Attach/Replace IAM role (the guide's path to the same dialog).
    await attachWithCli(instanceId, current);
    await instances.gotoDetails(instanceId);
    await expect(instances.roleLink('WebServerRole').first()).toBeVisible();
    await instances.actions.click();
    await page.getByRole('menuitem', { name: 'Instance settings' }).click();
    await page.screenshot({ path: `${SCREENSHOTS}/actions-instance-settings.png` });
    await page.getByRole('menuitem', { name: 'Attach/Replace IAM role' }).click();
    dialog = instances.dialog();
    trigger = instances.profileTrigger(dialog);
    await expect(trigger).toContainText(current);
    await trigger.click();
    await expect(currentOption).toBeInViewport();
    await expect(noRole).toBeInViewport();
    await page.screenshot({ path: `${SCREENSHOTS}/profile-dropdown-no-role-pinned.png` });
    await noRole.click();
    await expect(trigger).toContainText('No IAM role');
    await dialog.getByRole('button', { name: 'Update IAM role' }).click();
    await confirmDetach();

    await awsCliOk(['iam', 'remove-role-from-instance-profile', '--instance-profile-name', current, '--role-name', 'WebServerRole']);
    await Promise.all(profileNames.map((profileName) => awsCliOk(['iam', 'delete-instance-profile', '--instance-profile-name', profileName])));
  });
});

test.describe('Instances list', () => {
  test.describe.configure({ timeout: 120_000 });
  test('follows an instance between states by re-reading only that instance, not the whole list', async ({ page, signInPage, localAws }) => {
    const name = uniqueName('transition');
    const instanceId = await launchInstance(name, 'running');
    await signIn(page, signInPage, localAws, 'admin');
    const instances = new InstancesPage(page);
    await instances.gotoFiltered(name);
    await expect(instances.row(instanceId)).toContainText('Running');

    const describeBodies: string[] = [];
    page.on('request', (request) => {
      const body = request.postData() ?? '';
      if (request.method() === 'POST' && body.includes('Action=DescribeInstances')) describeBodies.push(decodeURIComponent(body));
    });
    // Stopping lasts 3 s in local AWS: the refresh right after the stop sees it.
    await ec2Cli(['ec2', 'stop-instances', '--instance-ids', instanceId]);
    await page.getByRole('button', { name: 'Refresh instances' }).click();
    await expect(instances.row(instanceId)).toContainText('Stopping');
    const afterRefresh = describeBodies.length;

    await expect(instances.row(instanceId)).toContainText('Stopped', { timeout: 15_000 });
    const polls = describeBodies.slice(afterRefresh);
    expect(polls.length).toBeGreaterThan(0);
    for (const body of polls) expect(body).toContain(`Filter.1.Name=instance-id`);
    expect(polls.some((body) => body.includes(instanceId))).toBe(true);
  });
});
