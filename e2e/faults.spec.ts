/**
 * How the console copes when AWS misbehaves, with local AWS's fault injection (e2e/support/faults.ts):
 * throttling, server errors and dropped connections on a chosen call, slow answers, expiring credentials and a
 * revoked session. Faults hit every caller, the CLI included, so set-up happens before a fault is set and the
 * CLI checks after it is cleared; afterEach always clears them so the other specs are unaffected.
 */
import { mkdirSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { test, expect } from './support/fixtures.ts';
import { awsCliOk } from './support/aws-cli.ts';
import { ConsolePage } from './support/console-page.ts';
import { CreateRoleWizard } from './support/create-role-wizard.ts';
import { clearFaults, currentFaults, setFaults } from './support/faults.ts';
import { associationsOf, ec2Cli, launchInstance, profileArn } from './support/instances-cli.ts';
import { InstancesPage } from './support/instances-page.ts';
import { credentialsTtlSeconds, demoUser, localAwsUrl, type LocalAwsConfig } from './support/local-aws.ts';
import { attachedPolicyArns, inlinePolicyNames, roleTags, uniqueRoleName } from './support/roles-cli.ts';
import type { SignInPage } from './support/sign-in-page.ts';

const SCREENSHOTS = 'test-results/faults-screens';
mkdirSync(SCREENSHOTS, { recursive: true });

const S3_READ_ONLY = 'arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess';
const INLINE_POLICY = JSON.stringify(
  { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: ['s3:GetObject'], Resource: ['arn:aws:s3:::faults/*'] }] },
  null,
  2,
);

async function signInAsAdmin(page: Page, signInPage: SignInPage, localAws: LocalAwsConfig): Promise<void> {
  const user = demoUser(localAws, 'admin');
  await signInPage.goto();
  await signInPage.signIn(user.username, user.password);
  await expect(page).toHaveURL(/\/roles$/);
}

/** Steps 1-3 of an EC2 role with AmazonS3ReadOnlyAccess (plus an inline policy and a tag when asked), ending on review. */
async function wizardToReview(wizard: CreateRoleWizard, roleName: string, extras: { inlinePolicy?: string; tag?: [string, string] } = {}): Promise<void> {
  await wizard.openFromRolesList();
  await wizard.useCase('EC2').first().check();
  await wizard.next('Add permissions');
  await wizard.selectPolicy('AmazonS3ReadOnlyAccess');
  if (extras.inlinePolicy) await wizard.addInlinePolicy(extras.inlinePolicy, INLINE_POLICY);
  await wizard.next('Add tags');
  if (extras.tag) await wizard.addTag(1, extras.tag[0], extras.tag[1]);
  await wizard.next('Name, review, and create');
  await wizard.roleName.fill(roleName);
}

async function expectRoleCreated(page: Page, roleName: string): Promise<void> {
  await expect(page).toHaveURL(/\/roles$/, { timeout: 45_000 });
  await expect(page.getByText(`Role ${roleName} created.`)).toBeVisible();
}

/** Exactly one role and one instance profile of that name (IAM names are case-insensitive). */
async function expectOneRoleAndProfile(roleName: string): Promise<void> {
  const roles = await awsCliOk<{ Roles: { RoleName: string }[] }>(['iam', 'list-roles']);
  expect(roles.Roles.filter((role) => role.RoleName.toLowerCase() === roleName.toLowerCase()).map((role) => role.RoleName)).toEqual([roleName]);
  const profiles = await awsCliOk<{ InstanceProfiles: { InstanceProfileName: string; Roles: { RoleName: string }[] }[] }>(['iam', 'list-instance-profiles']);
  const ours = profiles.InstanceProfiles.filter((profile) => profile.InstanceProfileName.toLowerCase() === roleName.toLowerCase());
  expect(ours.map((profile) => ({ name: profile.InstanceProfileName, roles: profile.Roles.map((role) => role.RoleName) }))).toEqual([
    { name: roleName, roles: [roleName] },
  ]);
}

/** The "Modify IAM role" dialog of one instance, opened from the filtered list, with `role` chosen. */
async function openDialogWithRole(instances: InstancesPage, name: string, role: string) {
  await instances.gotoFiltered(name);
  await instances.select(name);
  await instances.openSecurityAction('Modify IAM role');
  const dialog = instances.dialog();
  await expect(dialog).toContainText(name);
  await instances.chooseRole(dialog, role);
  return dialog;
}

test.afterEach(async () => {
  await clearFaults();
});

test.describe('faults in AWS', () => {
  test.describe.configure({ timeout: 120_000 });

  test('with 20% of calls throttled, the wizard, the Modify IAM role dialog and the lists complete without an error', async ({ page, signInPage, localAws }) => {
    const roleName = uniqueRoleName('ThrottledRole');
    const instanceName = uniqueRoleName('throttled-instance');
    const instanceId = await launchInstance(instanceName, 'running');
    await signInAsAdmin(page, signInPage, localAws);
    const consolePage = new ConsolePage(page);
    expect(await setFaults('throttle=0.2')).toBe('throttle=0.2');

    // The lists. A throttled call is retried with growing, jittered delays: a list may take several seconds.
    const throttledListTimeout = 45_000;
    await consolePage.expectRows('Roles', throttledListTimeout);
    await consolePage.openFromSideNavigation('Policies');
    await consolePage.expectRows('Policies', throttledListTimeout);
    await consolePage.openFromSideNavigation('Instances');
    await consolePage.expectRows('Instances', throttledListTimeout);
    await expect(consolePage.errorAlerts()).toHaveCount(0);

    // The wizard.
    const wizard = new CreateRoleWizard(page);
    await wizardToReview(wizard, roleName, { inlinePolicy: 'ThrottledInline', tag: ['team', 'etl'] });
    await wizard.createButton.click();
    await expectRoleCreated(page, roleName);
    await expect(consolePage.errorAlerts()).toHaveCount(0);

    // The Modify IAM role dialog, attaching the new role.
    const instances = new InstancesPage(page);
    const dialog = await openDialogWithRole(instances, instanceName, roleName);
    await dialog.getByRole('button', { name: 'Update IAM role' }).click();
    await expect(instances.successNotification(`IAM role ${roleName} attached to ${instanceId} (${instanceName})`)).toBeVisible({ timeout: 30_000 });
    await expect(consolePage.errorAlerts()).toHaveCount(0);
    expect(await currentFaults()).toBe('throttle=0.2');

    await clearFaults();
    await expectOneRoleAndProfile(roleName);
    expect(await attachedPolicyArns(roleName)).toEqual([S3_READ_ONLY]);
    expect(await inlinePolicyNames(roleName)).toEqual(['ThrottledInline']);
    expect(await roleTags(roleName)).toEqual([{ Key: 'team', Value: 'etl' }]);
    const associations = await associationsOf(instanceId);
    expect(associations).toHaveLength(1);
    expect(associations[0]).toMatchObject({ State: 'associated', IamInstanceProfile: { Arn: profileArn(roleName) } });
  });

  test('a server error on AttachRolePolicy shows the failed step; "Retry the remaining steps" then finishes, attaching once', async ({ page, signInPage, localAws }) => {
    const roleName = uniqueRoleName('ServerErrorRole');
    await signInAsAdmin(page, signInPage, localAws);
    const wizard = new CreateRoleWizard(page);
    await wizardToReview(wizard, roleName);
    await setFaults('error=1,action=AttachRolePolicy');

    await wizard.createButton.click();
    await expect(page.getByText('The role was created only in part')).toBeVisible({ timeout: 30_000 });
    await expect(wizard.progress()).toContainText(`Create role ${roleName}: Done`);
    await expect(wizard.progress()).toContainText('Attach AmazonS3ReadOnlyAccess: Failed');
    await expect(wizard.progress()).toContainText(`Create instance profile ${roleName}: Not started`);
    await expect(page.getByText('AWS had a problem').first()).toBeVisible();
    await page.screenshot({ path: `${SCREENSHOTS}/server-error-failed-step.png`, fullPage: true });

    await clearFaults();
    await page.getByRole('button', { name: 'Retry the remaining steps' }).click();
    await expectRoleCreated(page, roleName);
    await expectOneRoleAndProfile(roleName);
    expect(await attachedPolicyArns(roleName)).toEqual([S3_READ_ONLY]);
  });

  test('a server error on AssociateIamInstanceProfile is shown in the dialog; Update IAM role again attaches once', async ({ page, signInPage, localAws }) => {
    const instanceName = uniqueRoleName('error-instance');
    const instanceId = await launchInstance(instanceName, 'running');
    await signInAsAdmin(page, signInPage, localAws);
    const instances = new InstancesPage(page);
    const dialog = await openDialogWithRole(instances, instanceName, 'WebServerRole');
    await setFaults('error=1,action=AssociateIamInstanceProfile');

    await dialog.getByRole('button', { name: 'Update IAM role' }).click();
    await expect(dialog.getByText('AWS had a problem').first()).toBeVisible({ timeout: 30_000 });
    await expect(dialog).toContainText('InternalError');
    await page.screenshot({ path: `${SCREENSHOTS}/associate-server-error.png` });
    expect(await associationsOf(instanceId).catch(() => [])).toHaveLength(0);

    await clearFaults();
    await dialog.getByRole('button', { name: 'Update IAM role' }).click();
    await expect(instances.successNotification(`IAM role WebServerRole attached to ${instanceId} (${instanceName})`)).toBeVisible({ timeout: 20_000 });
    const associations = await associationsOf(instanceId);
    expect(associations).toHaveLength(1);
    expect(associations[0]).toMatchObject({ State: 'associated', IamInstanceProfile: { Arn: profileArn('WebServerRole') } });
  });

  test('a dropped connection on CreateInstanceProfile is explained, and the retry finishes without doing anything twice', async ({ page, signInPage, localAws }) => {
    const roleName = uniqueRoleName('DroppedRole');
    await signInAsAdmin(page, signInPage, localAws);
    const wizard = new CreateRoleWizard(page);
    await wizardToReview(wizard, roleName);
    await setFaults('drop=1,action=CreateInstanceProfile');

    await wizard.createButton.click();
    await expect(page.getByText('The role was created only in part')).toBeVisible({ timeout: 30_000 });
    await expect(wizard.progress()).toContainText(`Create instance profile ${roleName}: Failed`);
    await expect(page.getByText('Cannot reach AWS').first()).toBeVisible();
    await page.screenshot({ path: `${SCREENSHOTS}/dropped-connection.png`, fullPage: true });

    await clearFaults();
    await page.getByRole('button', { name: 'Retry the remaining steps' }).click();
    await expectRoleCreated(page, roleName);
    await expectOneRoleAndProfile(roleName);
    expect(await attachedPolicyArns(roleName)).toEqual([S3_READ_ONLY]);
  });

  test('with 2-second answers the wizard shows progress and Create cannot be pressed twice', async ({ page, signInPage, localAws }) => {
    const roleName = uniqueRoleName('SlowRole');
    await signInAsAdmin(page, signInPage, localAws);
    const wizard = new CreateRoleWizard(page);
    await wizardToReview(wizard, roleName);
    await setFaults('delay=2000');

    await wizard.createButton.click();
    await expect(wizard.progress()).toContainText(`Create role ${roleName}: In progress`);
    await expect(wizard.createButton).toBeDisabled();
    // A second press (even forced past the disabled state) starts nothing.
    await wizard.createButton.click({ force: true, timeout: 2_000 }).catch(() => undefined);
    await page.screenshot({ path: `${SCREENSHOTS}/slow-create-progress.png`, fullPage: true });
    // Progress moves on to the next step, and the button stays disabled.
    await expect(wizard.progress()).toContainText('Attach AmazonS3ReadOnlyAccess: In progress', { timeout: 15_000 });
    await expect(wizard.createButton).toBeDisabled();

    await expectRoleCreated(page, roleName);
    await clearFaults();
    await expectOneRoleAndProfile(roleName);
    expect(await attachedPolicyArns(roleName)).toEqual([S3_READ_ONLY]);
  });
});

/**
 * The reply is lost after AWS acted (`drop-after`): the call was carried out, the connection then broke, and the
 * SDK (or Chromium, which resends a request whose reused connection broke before any answer) sends it again.
 * The second copy is refused ("already exists", LimitExceeded, IncorrectState); the console reads the state,
 * recognises its own work, and carries on. `times=N` loses exactly N replies; `currentFaults()` being empty
 * afterwards proves they were lost.
 */
test.describe('replies lost after AWS acted', () => {
  test.describe.configure({ timeout: 120_000 });

  test('CreateRole: the wizard completes, and exactly one role exists with everything attached', async ({ page, signInPage, localAws }) => {
    const roleName = uniqueRoleName('ReplyLostRole');
    await signInAsAdmin(page, signInPage, localAws);
    const wizard = new CreateRoleWizard(page);
    await wizardToReview(wizard, roleName, { inlinePolicy: 'ReplyLostInline', tag: ['team', 'etl'] });
    expect(await setFaults('drop-after=1,times=1,action=CreateRole')).toBe('drop-after=1,times=1,action=CreateRole');

    await wizard.createButton.click();
    await expectRoleCreated(page, roleName);
    expect(await currentFaults()).toBe(''); // the one reply was lost
    await expect(new ConsolePage(page).errorAlerts()).toHaveCount(0);

    await expectOneRoleAndProfile(roleName);
    expect(await attachedPolicyArns(roleName)).toEqual([S3_READ_ONLY]);
    expect(await inlinePolicyNames(roleName)).toEqual(['ReplyLostInline']);
    expect(await roleTags(roleName)).toEqual([{ Key: 'team', Value: 'etl' }]);
  });

  test('CreateInstanceProfile and AddRoleToInstanceProfile: the wizard completes with one profile holding the role', async ({ page, signInPage, localAws }) => {
    const roleName = uniqueRoleName('ReplyLostProfile');
    await signInAsAdmin(page, signInPage, localAws);
    const wizard = new CreateRoleWizard(page);
    await wizardToReview(wizard, roleName);
    await setFaults('drop-after=1,times=2,action=CreateInstanceProfile|AddRoleToInstanceProfile');

    await wizard.createButton.click();
    await expectRoleCreated(page, roleName);
    expect(await currentFaults()).toBe('');
    await expectOneRoleAndProfile(roleName);
    expect(await attachedPolicyArns(roleName)).toEqual([S3_READ_ONLY]);
  });

  test('AssociateIamInstanceProfile: the dialog completes and the instance has exactly one association', async ({ page, signInPage, localAws }) => {
    const instanceName = uniqueRoleName('reply-lost-instance');
    const instanceId = await launchInstance(instanceName, 'running');
    await signInAsAdmin(page, signInPage, localAws);
    const instances = new InstancesPage(page);
    const dialog = await openDialogWithRole(instances, instanceName, 'WebServerRole');
    await setFaults('drop-after=1,times=1,action=AssociateIamInstanceProfile');

    await dialog.getByRole('button', { name: 'Update IAM role' }).click();
    await expect(instances.successNotification(`IAM role WebServerRole attached to ${instanceId} (${instanceName})`)).toBeVisible({ timeout: 30_000 });
    expect(await currentFaults()).toBe('');
    await expect(new ConsolePage(page).errorAlerts()).toHaveCount(0);

    const associations = await associationsOf(instanceId);
    expect(associations).toHaveLength(1);
    expect(associations[0]).toMatchObject({ State: 'associated', IamInstanceProfile: { Arn: profileArn('WebServerRole') } });
  });

  test('ReplaceIamInstanceProfileAssociation: the dialog completes and the instance keeps one association, of the new role', async ({ page, signInPage, localAws }) => {
    const instanceName = uniqueRoleName('reply-lost-replace');
    const instanceId = await launchInstance(instanceName, 'running');
    await ec2Cli(['ec2', 'associate-iam-instance-profile', '--instance-id', instanceId, '--iam-instance-profile', 'Name=WebServerRole']);
    await signInAsAdmin(page, signInPage, localAws);
    const instances = new InstancesPage(page);
    const dialog = await openDialogWithRole(instances, instanceName, 'BatchWorkerRole');
    await setFaults('drop-after=1,times=1,action=ReplaceIamInstanceProfileAssociation');

    await dialog.getByRole('button', { name: 'Update IAM role' }).click();
    await expect(instances.successNotification(`IAM role of ${instanceId} (${instanceName}) replaced with BatchWorkerRole`)).toBeVisible({ timeout: 30_000 });
    expect(await currentFaults()).toBe('');
    const active = (await associationsOf(instanceId)).filter((association) => association.State !== 'disassociated' && association.State !== 'disassociating');
    expect(active).toHaveLength(1);
    expect(active[0]).toMatchObject({ IamInstanceProfile: { Arn: profileArn('BatchWorkerRole') } });
  });
});

test.describe('session faults', () => {
  test('credentials that expire while the dialog is open are renewed, and Update IAM role completes', async ({ page, signInPage, localAws }) => {
    const ttlSeconds = credentialsTtlSeconds();
    test.setTimeout((ttlSeconds + 60) * 1000);
    const instanceName = uniqueRoleName('ttl-instance');
    const instanceId = await launchInstance(instanceName, 'running');
    await signInAsAdmin(page, signInPage, localAws);
    const instances = new InstancesPage(page);
    const dialog = await openDialogWithRole(instances, instanceName, 'WebServerRole');

    // Past the lifetime of the credentials the page had when the dialog opened.
    await page.waitForTimeout((ttlSeconds + 5) * 1000);
    await dialog.getByRole('button', { name: 'Update IAM role' }).click();
    await expect(instances.successNotification(`IAM role WebServerRole attached to ${instanceId} (${instanceName})`)).toBeVisible({ timeout: 20_000 });
    expect(await associationsOf(instanceId)).toHaveLength(1);
  });

  test('a revoked session (GlobalSignOut) returns the user to sign-in', async ({ page, signInPage, localAws }) => {
    const roleName = uniqueRoleName('RevokedRole');
    await signInAsAdmin(page, signInPage, localAws);
    const wizard = new CreateRoleWizard(page);
    await wizardToReview(wizard, roleName);
    await wizard.description.fill('Typed before the session was revoked');

    // GlobalSignOut signs the user out everywhere: sign in as the same user with the CLI and sign that out.
    const admin = demoUser(localAws, 'admin');
    const clientId = ((await (await fetch(`${localAwsUrl()}/_local/config`)).json()) as { userPoolClientId: string }).userPoolClientId;
    const auth = await awsCliOk<{ AuthenticationResult: { AccessToken: string } }>([
      'cognito-idp',
      'initiate-auth',
      '--no-sign-request',
      '--client-id',
      clientId,
      '--auth-flow',
      'USER_PASSWORD_AUTH',
      '--auth-parameters',
      `USERNAME=${admin.username},PASSWORD=${admin.password}`,
    ]);
    await awsCliOk(['cognito-idp', 'global-sign-out', '--no-sign-request', '--access-token', auth.AuthenticationResult.AccessToken]);

    await wizard.createButton.click();
    await signInPage.expectVisible();
    await page.screenshot({ path: `${SCREENSHOTS}/revoked-session-sign-in.png`, fullPage: true });
    // Nothing was created with the revoked session.
    const roles = await awsCliOk<{ Roles: { RoleName: string }[] }>(['iam', 'list-roles']);
    expect(roles.Roles.map((role) => role.RoleName)).not.toContain(roleName);

    // Signing in again as the same user leads back to the wizard with what was typed, and says so.
    await signInPage.signIn(admin.username, admin.password);
    await expect(page).toHaveURL(/\/roles\/create/);
    await expect(page.getByText('Your session ended. We kept what you had entered.')).toBeVisible();
    await expect(page.getByRole('main')).toContainText(roleName);
    await expect(page.getByRole('main')).toContainText('Typed before the session was revoked');
  });
});
