import { test, expect } from './support/fixtures.ts';
import { credentialsTtlSeconds, demoUser, localAwsUrl } from './support/local-aws.ts';

test.describe('signing in and out', () => {
  test('admin signs in and sees the account ID, the user and the assumed role', async ({ page, signInPage, consolePage, localAws }) => {
    const admin = demoUser(localAws, 'admin');
    await signInPage.goto();
    await expect(signInPage.demoSignIns).toBeVisible();
    await signInPage.signIn(admin.username, admin.password);

    await expect(page).toHaveURL(/\/roles$/);
    await consolePage.expectSignedInAs('admin', 'admin', localAws.accountId);
    expect(await consolePage.callerArn('admin')).toMatch(
      new RegExp(`^arn:aws:sts::${localAws.accountId}:assumed-role/console-admin/`),
    );
    await consolePage.expectRows('Roles');
    await expect(consolePage.table('Roles').getByRole('rowheader', { name: 'console-admin' })).toBeVisible();
  });

  test('the demo sign-in buttons fill the form', async ({ page, signInPage, consolePage, localAws }) => {
    await signInPage.goto();
    await signInPage.demoUserButton('viewer').click();
    await expect(signInPage.username).toHaveValue('viewer');
    await expect(signInPage.password).toHaveValue(demoUser(localAws, 'viewer').password);
    await signInPage.submit.click();
    await expect(page).toHaveURL(/\/roles$/);
    await consolePage.expectSignedInAs('viewer', 'viewer', localAws.accountId);
  });

  test('a wrong password is refused in plain words', async ({ page, signInPage }) => {
    await signInPage.goto();
    await signInPage.signIn('admin', 'not-the-password');
    await expect(signInPage.error('The username or password is wrong. Check both and try again.')).toBeVisible();
    await expect(page).toHaveURL(/\/signin$/);
    await expect(signInPage.password).toHaveValue('not-the-password');
  });

  test('newhire must choose a new password and then lands in the console', async ({ page, signInPage, newPasswordPage, consolePage, localAws }) => {
    const newhire = demoUser(localAws, 'newhire');
    await signInPage.goto();
    await signInPage.signIn(newhire.username, newhire.password);
    await newPasswordPage.expectVisible();
    await expect(newPasswordPage.requirements).toContainText('At least 8 characters');

    // The form checks the confirmation and the policy before asking Cognito.
    await newPasswordPage.choose('Chosen-Passw0rd!', 'Different-Passw0rd!');
    await expect(page.getByText('The passwords do not match.', { exact: true })).toBeVisible();
    await newPasswordPage.choose('short', 'short');
    await expect(page.getByText(/^The password needs: at least 8 characters/)).toBeVisible();

    await newPasswordPage.choose('Chosen-Passw0rd!');
    await expect(page).toHaveURL(/\/roles$/);
    await consolePage.expectSignedInAs('newhire', 'admin', localAws.accountId);

    // The temporary password is no longer accepted; the new one is.
    await consolePage.signOut('newhire');
    await signInPage.expectVisible();
    await signInPage.signIn('newhire', newhire.password);
    await expect(signInPage.error('The username or password is wrong. Check both and try again.')).toBeVisible();
    await signInPage.signIn('newhire', 'Chosen-Passw0rd!');
    await expect(page).toHaveURL(/\/roles$/);
  });

  test('signing out returns to sign-in, and Back does not reveal data', async ({ page, signInPage, consolePage, localAws }) => {
    const admin = demoUser(localAws, 'admin');
    await signInPage.goto();
    await signInPage.signIn(admin.username, admin.password);
    await consolePage.expectRows('Roles');
    await consolePage.openFromSideNavigation('Instances');
    await expect(page).toHaveURL(/\/instances$/);
    await consolePage.expectRows('Instances');

    await consolePage.signOut('admin');
    await signInPage.expectVisible();
    await expect(page.getByText('You are signed out.', { exact: true })).toBeVisible();

    await page.goBack();
    await signInPage.expectVisible();
    await expect(page.getByRole('table')).toHaveCount(0);
    await expect(page.getByRole('navigation', { name: 'Side navigation' })).toHaveCount(0);

    // A reload does not restore the session either: the refresh token was dropped and revoked.
    await page.goto('/roles');
    await signInPage.expectVisible();
    // (A string: the e2e code is type-checked without the DOM library.)
    const stored = await page.evaluate<string>('JSON.stringify({ session: { ...sessionStorage }, local: { ...localStorage } })');
    expect(stored).not.toMatch(/refresh|ASIA|eyJ/i);
  });

  test('a reload keeps the user signed in; nothing secret is in localStorage', async ({ page, signInPage, consolePage, localAws }) => {
    const viewer = demoUser(localAws, 'viewer');
    await signInPage.goto();
    await signInPage.signIn(viewer.username, viewer.password);
    await consolePage.expectRows('Roles');
    await page.reload();
    await expect(page).toHaveURL(/\/roles$/);
    await consolePage.expectSignedInAs('viewer', 'viewer', localAws.accountId);
    const local = await page.evaluate<string>('JSON.stringify({ ...localStorage })');
    expect(local).not.toMatch(/ASIA|eyJ|refresh/i);
  });
});

test.describe('credential renewal', () => {
  const ttlSeconds = credentialsTtlSeconds();
  test.setTimeout((ttlSeconds + 90) * 1000);

  test('a page left open past the credentials lifetime keeps working', async ({ page, signInPage, consolePage, localAws }) => {
    const signingKeys = new Set<string>();
    const endpoint = localAwsUrl();
    page.on('request', (request) => {
      if (!request.url().startsWith(endpoint)) return;
      const key = /Credential=(ASIA[A-Z0-9]+)\//.exec(request.headers()['authorization'] ?? '')?.[1];
      if (key) signingKeys.add(key);
    });

    const admin = demoUser(localAws, 'admin');
    await signInPage.goto();
    await signInPage.signIn(admin.username, admin.password);
    await consolePage.expectRows('Roles');
    // Load both pages first, so that after the wait only AWS calls are exercised (not page-chunk downloads).
    await consolePage.openFromSideNavigation('Instances');
    await consolePage.expectRows('Instances');
    const firstKeys = new Set(signingKeys);
    expect(firstKeys.size).toBe(1);

    // Stay on the page past the credentials' expiry; the console renews them ahead of time.
    await page.waitForTimeout((ttlSeconds + 10) * 1000);

    await consolePage.refreshButton('Instances').click();
    await consolePage.expectRows('Instances');
    await consolePage.openFromSideNavigation('Roles');
    await consolePage.refreshButton('Roles').click();
    await consolePage.expectRows('Roles');
    await expect(consolePage.errorAlerts()).toHaveCount(0);
    await expect(page).toHaveURL(/\/roles$/);
    expect([...signingKeys].filter((key) => !firstKeys.has(key)).length).toBeGreaterThanOrEqual(1);
  });
});

test('a deep link opened while signed out leads there after sign-in', async ({ page, signInPage, consolePage, localAws }) => {
  const viewer = demoUser(localAws, 'viewer');
  await page.goto('/instances');
  await signInPage.expectVisible();
  await expect(page).toHaveURL(/\/signin\?next=%2Finstances$/);
  await signInPage.signIn(viewer.username, viewer.password);
  await expect(page).toHaveURL(/\/instances$/);
  await consolePage.expectRows('Instances');
});
