import { test, expect } from './support/fixtures.ts';
import { CreateRoleWizard } from './support/create-role-wizard.ts';
import { associationsOf, launchInstance, profileArn } from './support/instances-cli.ts';
import { InstancesPage } from './support/instances-page.ts';
import { demoUser, localAwsUrl, postLocal } from './support/local-aws.ts';

/**
 * Right after the wizard creates a role (and its same-name instance profile), EC2 rejects the profile until IAM
 * has propagated. The spec turns local AWS's propagation delay on for its own duration through
 * POST /_local/iam-propagation (LOCAL_AWS_IAM_PROPAGATION_MS at run time), long enough to outlast the wizard.
 */
const PROPAGATION_MS = 15_000;

async function setIamPropagation(ms: number): Promise<void> {
  expect(await postLocal(localAwsUrl(), 'iam-propagation', { ms })).toEqual({ ms });
}

test.describe('IAM propagation', () => {
  test.beforeAll(() => setIamPropagation(PROPAGATION_MS));
  test.afterAll(() => setIamPropagation(0));
  test.describe.configure({ timeout: 180_000 });

  test('a role created in the wizard is attached at once: the dialog waits for IAM and succeeds', async ({ page, signInPage, localAws }) => {
    const roleName = `Fresh${Date.now().toString(36)}`;
    const name = `propagation-${Date.now().toString(36)}`;
    const instanceId = await launchInstance(name, 'running');
    const admin = demoUser(localAws, 'admin');
    await signInPage.goto();
    await signInPage.signIn(admin.username, admin.password);
    await expect(page).toHaveURL(/\/roles$/);

    const wizard = new CreateRoleWizard(page);
    await wizard.openFromRolesList();
    await wizard.useCase('EC2').first().check();
    await wizard.next('Add permissions');
    await wizard.next('Add tags');
    await wizard.next('Name, review, and create');
    await wizard.roleName.fill(roleName);
    await wizard.createButton.click();
    await expect(page).toHaveURL(/\/roles$/);

    const instances = new InstancesPage(page);
    await instances.gotoDetails(instanceId);
    await instances.openSecurityAction('Modify IAM role');
    const dialog = instances.dialog();
    await instances.chooseRole(dialog, roleName);
    await dialog.getByRole('button', { name: 'Update IAM role' }).click();
    await expect(dialog.getByText(/Waiting for IAM to propagate…/)).toBeVisible({ timeout: 20_000 });
    await expect(dialog.getByRole('status').getByRole('button', { name: 'Cancel', exact: true })).toBeVisible();
    await page.screenshot({ path: 'test-results/instances-screenshots/waiting-for-iam.png' });
    await expect(instances.successNotification(`IAM role ${roleName} attached to ${instanceId} (${name})`)).toBeVisible({ timeout: 60_000 });
    await expect(instances.roleLink(roleName).first()).toBeVisible();
    expect(await associationsOf(instanceId)).toMatchObject([{ State: 'associated', IamInstanceProfile: { Arn: profileArn(roleName) } }]);
  });
});
