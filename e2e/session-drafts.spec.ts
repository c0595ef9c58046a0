/**
 * A session revoked under the user (GlobalSignOut from another device, through the SDK) sends them to sign-in;
 * signing in again as the same user brings them back to the page they were on with what they had typed
 * (src/session/draft-store.ts), and another user signing in sees none of it.
 */
import { mkdirSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { test, expect } from './support/fixtures.ts';
import { awsCliOk } from './support/aws-cli.ts';
import { globalSignOut } from './support/cognito-admin.ts';
import { ConsolePage } from './support/console-page.ts';
import { CreateRoleWizard } from './support/create-role-wizard.ts';
import { demoUser, type LocalAwsConfig } from './support/local-aws.ts';
import { PoliciesPages } from './support/policies-pages.ts';
import { attachedPolicyArns, roleTags, uniqueRoleName } from './support/roles-cli.ts';
import type { SignInPage } from './support/sign-in-page.ts';

const SCREENSHOTS = 'test-results/session-drafts';
mkdirSync(SCREENSHOTS, { recursive: true });

const KEPT_NOTICE = 'Your session ended. We kept what you had entered.';
const S3_READ_ONLY = 'arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess';

async function signInAs(page: Page, signInPage: SignInPage, localAws: LocalAwsConfig, username: string): Promise<void> {
  const user = demoUser(localAws, username);
  await signInPage.goto();
  await signInPage.signIn(user.username, user.password);
  await expect(page).toHaveURL(/\/roles$/);
}

/** Steps 1-4 of an EC2 role with AmazonS3ReadOnlyAccess and one tag, ending on review with name and description typed. */
async function typeIntoWizard(wizard: CreateRoleWizard, roleName: string, description: string): Promise<void> {
  await wizard.openFromRolesList();
  await wizard.useCase('EC2').first().check();
  await wizard.next('Add permissions');
  await wizard.selectPolicy('AmazonS3ReadOnlyAccess');
  await wizard.next('Add tags');
  await wizard.addTag(1, 'team', 'drafts');
  await wizard.next('Name, review, and create');
  await wizard.roleName.fill(roleName);
  await wizard.description.fill(description);
}

/** Revokes admin's sessions from "another device", then presses `act` so the console makes a call and notices. */
async function revokeAndNotice(page: Page, signInPage: SignInPage, localAws: LocalAwsConfig, act: () => Promise<void>): Promise<void> {
  const admin = demoUser(localAws, 'admin');
  await globalSignOut(admin.username, admin.password);
  await act();
  await signInPage.expectVisible();
  await expect(page.getByText('Your session ended. Sign in again to continue.')).toBeVisible();
}

test.describe('what the user typed survives a revoked session', () => {
  test.describe.configure({ timeout: 120_000 });

  test('the same user signs in again and finds the wizard as they left it, then creates the role', async ({ page, signInPage, localAws }) => {
    const roleName = uniqueRoleName('DraftRole');
    const description = 'Typed before the session was revoked';
    await signInAs(page, signInPage, localAws, 'admin');
    const wizard = new CreateRoleWizard(page);
    await typeIntoWizard(wizard, roleName, description);

    await revokeAndNotice(page, signInPage, localAws, () => wizard.createButton.click());
    const roles = await awsCliOk<{ Roles: { RoleName: string }[] }>(['iam', 'list-roles']);
    expect(roles.Roles.map((role) => role.RoleName)).not.toContain(roleName);

    const admin = demoUser(localAws, 'admin');
    await signInPage.signIn(admin.username, admin.password);
    await expect(page).toHaveURL(/\/roles\/create$/);
    await expect(page.getByText(KEPT_NOTICE)).toBeVisible();
    await wizard.expectStep('Name, review, and create');
    await expect(wizard.roleName).toHaveValue(roleName);
    await expect(wizard.description).toHaveValue(description);
    await expect(page.getByRole('table', { name: 'Permissions policy summary' })).toContainText('AmazonS3ReadOnlyAccess');
    await expect(page.getByRole('table', { name: 'Tags' })).toContainText('drafts');
    await page.screenshot({ path: `${SCREENSHOTS}/restored-wizard.png`, fullPage: true });
    const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze();
    expect(axe.violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical').map((violation) => violation.id)).toEqual([]);

    await wizard.createButton.click();
    await expect(page).toHaveURL(/\/roles$/, { timeout: 45_000 });
    await expect(page.getByText(`Role ${roleName} created.`)).toBeVisible();
    expect(await attachedPolicyArns(roleName)).toEqual([S3_READ_ONLY]);
    expect(await roleTags(roleName)).toEqual([{ Key: 'team', Value: 'drafts' }]);
    const role = await awsCliOk<{ Role: { Description: string } }>(['iam', 'get-role', '--role-name', roleName]);
    expect(role.Role.Description).toBe(description);

    // Finished: opening the wizard again starts afresh.
    await wizard.openFromRolesList();
    await expect(page.getByText(KEPT_NOTICE)).toHaveCount(0);
  });

  test('another user signing in after the revocation sees nothing of it, and it is gone for the first user too', async ({ page, signInPage, localAws }) => {
    const roleName = uniqueRoleName('NotForViewer');
    await signInAs(page, signInPage, localAws, 'admin');
    const wizard = new CreateRoleWizard(page);
    await typeIntoWizard(wizard, roleName, 'Private to admin');
    await revokeAndNotice(page, signInPage, localAws, () => wizard.createButton.click());

    const viewer = demoUser(localAws, 'viewer');
    await signInPage.signIn(viewer.username, viewer.password);
    // The viewer is sent to the page asked for, but it starts empty.
    await expect(page).toHaveURL(/\/roles\/create$/);
    await wizard.expectStep('Select trusted entity');
    await expect(page.getByText(KEPT_NOTICE)).toHaveCount(0);
    await expect(page.getByText(roleName)).toHaveCount(0);
    await wizard.next('Add permissions');
    await wizard.next('Add tags');
    await expect(page.getByLabel('Tag 1 key')).toHaveCount(0);
    await wizard.next('Name, review, and create');
    await expect(wizard.roleName).toHaveValue('');
    await page.screenshot({ path: `${SCREENSHOTS}/other-user-empty-wizard.png`, fullPage: true });

    // The draft was dropped when the viewer signed in: admin does not get it back either.
    await new ConsolePage(page).signOut('viewer');
    await signInAs(page, signInPage, localAws, 'admin');
    await wizard.openFromRolesList();
    await expect(page.getByText(KEPT_NOTICE)).toHaveCount(0);
  });

  test('a policy being written on the create-policy page is restored for the same user', async ({ page, signInPage, localAws }) => {
    const policyName = uniqueRoleName('DraftPolicy');
    const policies = new PoliciesPages(page);
    const document = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::drafts/*' }] };
    await signInAs(page, signInPage, localAws, 'admin');
    await page.goto('/policies/create');
    await page.getByLabel('Policy name').fill(policyName);
    await page.getByLabel('Description - optional').fill('Written before the revocation');
    await policies.fillDocument(document);

    await revokeAndNotice(page, signInPage, localAws, () => page.getByRole('button', { name: 'Create policy' }).click());
    const admin = demoUser(localAws, 'admin');
    await signInPage.signIn(admin.username, admin.password);
    await expect(page).toHaveURL(/\/policies\/create$/);
    await expect(page.getByText(KEPT_NOTICE)).toBeVisible();
    await expect(page.getByLabel('Policy name')).toHaveValue(policyName);
    await expect(page.getByLabel('Description - optional')).toHaveValue('Written before the revocation');
    await expect(policies.documentEditor).toHaveValue(JSON.stringify(document, null, 4));

    await page.getByRole('button', { name: 'Create policy' }).click();
    await expect(policies.notification(`Policy ${policyName} created.`)).toBeVisible({ timeout: 30_000 });
  });

  test('a policy being edited keeps its new document for the same user, and saving makes it the default version', async ({ page, signInPage, localAws }) => {
    const policyName = uniqueRoleName('DraftEdit');
    const original = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::drafts/*' }] };
    const edited = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: ['s3:GetObject', 's3:ListBucket'], Resource: ['arn:aws:s3:::drafts', 'arn:aws:s3:::drafts/*'] }] };
    const created = await awsCliOk<{ Policy: { Arn: string } }>(['iam', 'create-policy', '--policy-name', policyName, '--policy-document', JSON.stringify(original)]);
    const arn = created.Policy.Arn;
    const policies = new PoliciesPages(page);
    await signInAs(page, signInPage, localAws, 'admin');
    await page.goto(`/policies/edit?arn=${encodeURIComponent(arn)}`);
    await expect(policies.documentEditor).toHaveValue(/"s3:GetObject"/);
    await policies.fillDocument(edited);

    await revokeAndNotice(page, signInPage, localAws, () => page.getByRole('button', { name: 'Save changes' }).click());
    const admin = demoUser(localAws, 'admin');
    await signInPage.signIn(admin.username, admin.password);
    await expect(page).toHaveURL(/\/policies\/edit\?arn=/);
    await expect(page.getByText(KEPT_NOTICE)).toBeVisible();
    await expect(policies.documentEditor).toHaveValue(JSON.stringify(edited, null, 4));
    await page.screenshot({ path: `${SCREENSHOTS}/restored-edit-policy.png`, fullPage: true });
    // Nothing was saved with the revoked session.
    const before = await awsCliOk<{ Versions: { VersionId: string }[] }>(['iam', 'list-policy-versions', '--policy-arn', arn]);
    expect(before.Versions.map((version) => version.VersionId)).toEqual(['v1']);

    await page.getByRole('button', { name: 'Save changes' }).click();
    await expect(policies.notification(`Policy ${policyName} updated: version v2 is now the default.`)).toBeVisible({ timeout: 30_000 });
    // The CLI decodes the URL-encoded document into JSON.
    const saved = await awsCliOk<{ PolicyVersion: { Document: unknown } }>(['iam', 'get-policy-version', '--policy-arn', arn, '--version-id', 'v2']);
    expect(saved.PolicyVersion.Document).toEqual(edited);
  });
});
