import { test, expect } from './support/fixtures.ts';
import { CreateRoleWizard } from './support/create-role-wizard.ts';
import { associationsOf, launchInstance, profileArn } from './support/instances-cli.ts';
import { InstancesPage } from './support/instances-page.ts';
import { demoUser } from './support/local-aws.ts';

/**
 * Right after the wizard creates a role (and its same-name instance profile), EC2 rejects the profile until IAM
 * has propagated. Needs local AWS started with a propagation delay, so it runs only when asked:
 *   LOCAL_AWS_IAM_PROPAGATION_MS=5000 npx playwright test e2e/instances-propagation.spec.ts
 */
const propagationMs = Number(process.env.LOCAL_AWS_IAM_PROPAGATION_MS ?? '0');

test.describe('IAM propagation', () => {
  test.skip(propagationMs < 2000, 'set LOCAL_AWS_IAM_PROPAGATION_MS (e.g. 5000) for this spec');
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
    await dialog.getByRole('button', { name: 'Apply' }).click();
    await expect(dialog.getByText(/Waiting for IAM to propagate…/)).toBeVisible({ timeout: 20_000 });
    await expect(dialog.getByRole('status').getByRole('button', { name: 'Cancel', exact: true })).toBeVisible();
    await page.screenshot({ path: 'test-results/instances-screenshots/waiting-for-iam.png' });
    await expect(instances.successNotification(`IAM role ${roleName} attached to ${instanceId} (${name})`)).toBeVisible({ timeout: 60_000 });
    await expect(instances.roleLink(roleName).first()).toBeVisible();
    expect(await associationsOf(instanceId)).toMatchObject([{ State: 'associated', IamInstanceProfile: { Arn: profileArn(roleName) } }]);
  });
});
