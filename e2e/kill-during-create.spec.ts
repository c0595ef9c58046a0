/**
 * Local AWS killed with `kill -9` in the middle of the wizard's Create, then started again on the same port and
 * data directory (e2e/support/killable-local-aws.ts; the in-process local AWS of the global setup cannot be
 * killed, so this spec runs its own, and its own console server pointing at it).
 *
 * A fault delay holds one later step (CreateInstanceProfile, or AddRoleToInstanceProfile) inside local AWS,
 * after the role and its policy attachments were acknowledged; the process is killed while it holds it. The
 * specs then prove that:
 *  - the console says, once AWS cannot be reached, what was done, what was not, and offers retry and undo;
 *  - after the restart every acknowledged write is there, exactly as acknowledged, and the killed call left
 *    nothing behind (SQLite integrity checked on the files the dead process left, then IAM through the SDK);
 *  - the session survives the restart (its credentials are local AWS state, on disk), so retry finishes the
 *    role and undo removes everything, without signing in again.
 */
import { test as base, expect, type Locator, type Page } from '@playwright/test';
import {
  GetInstanceProfileCommand,
  GetRoleCommand,
  IAMClient,
  ListAttachedRolePoliciesCommand,
  ListInstanceProfilesForRoleCommand,
  ListRolePoliciesCommand,
  ListRolesCommand,
  ListRoleTagsCommand,
} from '@aws-sdk/client-iam';
import Database from 'better-sqlite3';
import { copyFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CreateRoleWizard } from './support/create-role-wizard.ts';
import { KillableLocalAws } from './support/killable-local-aws.ts';
import { demoUser } from './support/local-aws.ts';
import { uniqueRoleName } from './support/roles-cli.ts';
import { SignInPage } from './support/sign-in-page.ts';

const S3_READ_ONLY = { name: 'AmazonS3ReadOnlyAccess', arn: 'arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess' };
const SSM_CORE = { name: 'AmazonSSMManagedInstanceCore', arn: 'arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore' };
/** Long enough that the held call is still held when the test kills the process; never waited out. */
const HOLD_MS = 30_000;

const test = base.extend<{ signInPage: SignInPage }, { killable: KillableLocalAws }>({
  killable: [
    // eslint-disable-next-line no-empty-pattern -- Playwright requires a destructuring pattern for fixture arguments.
    async ({}, use) => {
      const killable = await KillableLocalAws.start();
      try {
        await use(killable);
      } finally {
        await killable.stop();
      }
    },
    { scope: 'worker', timeout: 45_000 },
  ],
  // Pages of this spec go to the console server of the killable local AWS, not to the global setup's.
  baseURL: async ({ killable }, use) => use(killable.consoleUrl),
  signInPage: async ({ page }, use) => use(new SignInPage(page)),
});

test.describe.configure({ timeout: 60_000 });

test.afterEach(async ({ killable }, testInfo) => {
  if (testInfo.status !== testInfo.expectedStatus) await testInfo.attach('local AWS output', { body: killable.output(), contentType: 'text/plain' });
});

function adminIam(killable: KillableLocalAws): IAMClient {
  return new IAMClient({
    endpoint: killable.url,
    region: 'us-east-1',
    credentials: { accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY' },
    maxAttempts: 1,
  });
}

function isNoSuchEntity(error: unknown): boolean {
  return error instanceof Error && error.name === 'NoSuchEntityException';
}

/** Everything IAM holds about the role and its same-name instance profile, as the admin sees it. */
interface RoleState {
  rolesOfThatName: string[];
  role?: { name: string; description?: string; trust: unknown; tags: { Key?: string; Value?: string }[] };
  attachedPolicyArns: string[];
  inlinePolicyNames: string[];
  profile?: { name: string; roles: string[] };
  profilesOfRole: string[];
}

async function roleState(iam: IAMClient, roleName: string): Promise<RoleState> {
  const roles = await iam.send(new ListRolesCommand({ MaxItems: 1000 }));
  const rolesOfThatName = (roles.Roles ?? []).map((role) => role.RoleName ?? '').filter((name) => name.toLowerCase() === roleName.toLowerCase());
  let profile: RoleState['profile'];
  try {
    const found = (await iam.send(new GetInstanceProfileCommand({ InstanceProfileName: roleName }))).InstanceProfile;
    profile = { name: found?.InstanceProfileName ?? '', roles: (found?.Roles ?? []).map((role) => role.RoleName ?? '') };
  } catch (error) {
    if (!isNoSuchEntity(error)) throw error;
  }
  let role: RoleState['role'];
  try {
    const found = (await iam.send(new GetRoleCommand({ RoleName: roleName }))).Role;
    const tags = (await iam.send(new ListRoleTagsCommand({ RoleName: roleName }))).Tags ?? [];
    role = {
      name: found?.RoleName ?? '',
      ...(found?.Description ? { description: found.Description } : {}),
      trust: JSON.parse(decodeURIComponent(found?.AssumeRolePolicyDocument ?? '')),
      tags,
    };
  } catch (error) {
    if (!isNoSuchEntity(error)) throw error;
    return { rolesOfThatName, attachedPolicyArns: [], inlinePolicyNames: [], ...(profile ? { profile } : {}), profilesOfRole: [] };
  }
  const attached = await iam.send(new ListAttachedRolePoliciesCommand({ RoleName: roleName }));
  const inline = await iam.send(new ListRolePoliciesCommand({ RoleName: roleName }));
  const profilesOfRole = await iam.send(new ListInstanceProfilesForRoleCommand({ RoleName: roleName }));
  return {
    rolesOfThatName,
    role,
    attachedPolicyArns: (attached.AttachedPolicies ?? []).map((policy) => policy.PolicyArn ?? '').sort(),
    inlinePolicyNames: inline.PolicyNames ?? [],
    ...(profile ? { profile } : {}),
    profilesOfRole: (profilesOfRole.InstanceProfiles ?? []).map((found) => found.InstanceProfileName ?? ''),
  };
}

/**
 * What the dead process left on disk: a sound SQLite database whose every stored value is whole JSON. Checked on
 * a copy, so that opening it (which replays and checkpoints the WAL) leaves local AWS's own recovery to the restart.
 */
function checkDataFilesAfterKill(dataDir: string): { rows: number } {
  const copy = mkdtempSync(join(tmpdir(), 'e2e-killed-state-'));
  let db: Database.Database | undefined;
  try {
    for (const file of ['state.sqlite', 'state.sqlite-wal', 'state.sqlite-shm']) {
      if (existsSync(join(dataDir, file))) copyFileSync(join(dataDir, file), join(copy, file));
    }
    db = new Database(join(copy, 'state.sqlite'), { fileMustExist: true });
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    const rows = db.prepare('SELECT collection, key, value FROM entries').all() as { collection: string; key: string; value: string }[];
    const unreadable = rows.filter((row) => {
      try {
        JSON.parse(row.value);
        return false;
      } catch {
        return true;
      }
    });
    expect(unreadable.map((row) => `${row.collection}/${row.key}`)).toEqual([]);
    return { rows: rows.length };
  } finally {
    db?.close();
    rmSync(copy, { recursive: true, force: true });
  }
}

async function signInAsAdmin(page: Page, signInPage: SignInPage, killable: KillableLocalAws): Promise<void> {
  const admin = demoUser(await killable.config(), 'admin');
  await signInPage.goto();
  await signInPage.signIn(admin.username, admin.password);
  await expect(page).toHaveURL(/\/roles$/);
}

/** Steps 1-3 of an EC2 role with two managed policies and a tag, ending on review with name and description. */
async function wizardToReview(wizard: CreateRoleWizard, roleName: string): Promise<void> {
  await wizard.openFromRolesList();
  await wizard.useCase('EC2').first().check();
  await wizard.next('Add permissions');
  await wizard.selectPolicy(S3_READ_ONLY.name);
  await wizard.selectPolicy(SSM_CORE.name);
  await wizard.next('Add tags');
  await wizard.addTag(1, 'survives', 'kill-9');
  await wizard.next('Name, review, and create');
  await wizard.roleName.fill(roleName);
  await wizard.description.fill('Created while local AWS was killed');
}

function stepStatus(wizard: CreateRoleWizard, title: string, status: string): Locator {
  return wizard.progress().getByText(`${title}: ${status}`, { exact: true });
}

interface KillOutcome {
  /** IAM state read just before the kill, while the held call was in flight. */
  acknowledged: RoleState;
  /** Milliseconds from the kill to the console's error. */
  errorShownAfterMs: number;
}

/**
 * Clicks Create with `heldAction` held inside local AWS, waits until the console sent it, records what IAM had
 * acknowledged by then, kills local AWS and waits for the console's error while it is down.
 */
async function createAndKillDuring(page: Page, wizard: CreateRoleWizard, killable: KillableLocalAws, roleName: string, heldAction: string, heldTitle: string): Promise<KillOutcome> {
  expect(await killable.setFaults(`delay=${HOLD_MS},action=${heldAction}`)).toBe(`delay=${HOLD_MS},action=${heldAction}`);
  const heldRequestSent = page.waitForRequest((request) => request.method() === 'POST' && (request.postData() ?? '').includes(`Action=${heldAction}&`));
  await wizard.createButton.click();
  await heldRequestSent;
  await expect(stepStatus(wizard, heldTitle, 'In progress')).toBeVisible();

  // The calls before the held one were answered: this is what local AWS acknowledged. The held call waits in
  // the fault delay, which runs before its handler, so whatever instant the kill lands it has had no effect.
  const acknowledged = await roleState(adminIam(killable), roleName);
  const pid = killable.pid;
  await killable.kill9();
  const killedAt = Date.now();
  test.info().annotations.push({ type: 'kill', description: `SIGKILL to local AWS pid ${pid} while ${heldAction} was held` });

  await expect(page.getByText('The role was created only in part')).toBeVisible({ timeout: 20_000 });
  return { acknowledged, errorShownAfterMs: Date.now() - killedAt };
}

/** The console's account of the interrupted Create: what was done, what failed, what was not started, and the ways out. */
async function expectClearError(page: Page, wizard: CreateRoleWizard, killable: KillableLocalAws, done: string[], failed: string, notStarted: string[]): Promise<void> {
  for (const title of done) await expect(stepStatus(wizard, title, 'Done')).toBeVisible();
  await expect(stepStatus(wizard, failed, 'Failed')).toBeVisible();
  for (const title of notStarted) await expect(stepStatus(wizard, title, 'Not started')).toBeVisible();
  const total = done.length + 1 + notStarted.length;
  const summary = `${done.length} of ${total} steps succeeded: ${done.join('; ')}. The step “${failed}” failed (it may or may not have taken effect), and ${
    notStarted.length === 0 ? 'it was' : `it and ${notStarted.length} more were`
  } not done.`;
  await expect(page.getByText(summary)).toBeVisible();
  await expect(page.getByText('Cannot reach AWS', { exact: true })).toBeVisible();
  await expect(page.getByText(`Cannot reach AWS at ${killable.url}.`)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Retry the remaining steps' })).toBeEnabled();
  await expect(page.getByRole('button', { name: 'Delete what was created' })).toBeEnabled();
}

/** The viewport at the progress and its error (a full-page shot would cut through the sticky header). */
async function screenshotRun(page: Page, name: string): Promise<void> {
  const path = test.info().outputPath(name);
  await page.getByRole('button', { name: 'Delete what was created' }).scrollIntoViewIfNeeded();
  await page.screenshot({ path });
  await test.info().attach(name, { path, contentType: 'image/png' });
}

const EC2_TRUST = {
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Action: ['sts:AssumeRole'], Principal: { Service: ['ec2.amazonaws.com'] } }],
};

test('kill -9 during CreateInstanceProfile: the error says what was done, every acknowledged write survives, and retry finishes the role', async ({ page, signInPage, killable }) => {
  const roleName = uniqueRoleName('KilledCreate');
  const iam = adminIam(killable);
  await signInAsAdmin(page, signInPage, killable);
  const wizard = new CreateRoleWizard(page);
  await wizardToReview(wizard, roleName);

  const profileTitle = `Create instance profile ${roleName}`;
  const addTitle = `Add role ${roleName} to instance profile ${roleName}`;
  const { acknowledged, errorShownAfterMs } = await createAndKillDuring(page, wizard, killable, roleName, 'CreateInstanceProfile', profileTitle);

  // What local AWS had acknowledged when it was killed: the role and both attachments, no profile yet.
  expect(acknowledged).toEqual({
    rolesOfThatName: [roleName],
    role: { name: roleName, description: 'Created while local AWS was killed', trust: EC2_TRUST, tags: [{ Key: 'survives', Value: 'kill-9' }] },
    attachedPolicyArns: [S3_READ_ONLY.arn, SSM_CORE.arn].sort(),
    inlinePolicyNames: [],
    profilesOfRole: [],
  });

  // While local AWS is down: a clear error, naming what was done and what was not.
  const done = [`Create role ${roleName}`, `Attach ${S3_READ_ONLY.name}`, `Attach ${SSM_CORE.name}`];
  await expectClearError(page, wizard, killable, done, profileTitle, [addTitle]);
  await screenshotRun(page, 'kill-during-create-error.png');
  console.log(`[kill-during-create] the console showed the error ${errorShownAfterMs} ms after the kill`);

  // Retrying while local AWS is still down fails the same way, clearly, and loses track of nothing.
  const retryRefused = page.waitForEvent('requestfailed', (request) => (request.postData() ?? '').includes('Action=CreateInstanceProfile&'));
  await page.getByRole('button', { name: 'Retry the remaining steps' }).click();
  await retryRefused;
  await expect(page.getByRole('button', { name: 'Retry the remaining steps' })).toBeEnabled({ timeout: 20_000 });
  await expectClearError(page, wizard, killable, done, profileTitle, [addTitle]);

  const files = checkDataFilesAfterKill(killable.dataDir);
  const restartStarted = Date.now();
  await killable.restart();
  console.log(`[kill-during-create] local AWS restarted on ${killable.url} in ${Date.now() - restartStarted} ms (${files.rows} stored entries)`);

  // Every acknowledged write is there, unchanged; the killed call created nothing.
  expect(await roleState(iam, roleName)).toEqual(acknowledged);

  // The console still holds its session (credentials are local AWS state on disk): retry finishes the role.
  await expect(page.getByRole('button', { name: /^User menu: admin,/ })).toBeVisible();
  await page.getByRole('button', { name: 'Retry the remaining steps' }).click();
  await expect(page).toHaveURL(/\/roles$/, { timeout: 20_000 });
  await expect(page.getByText(`Role ${roleName} created.`)).toBeVisible();

  expect(await roleState(iam, roleName)).toEqual({
    ...acknowledged,
    profile: { name: roleName, roles: [roleName] },
    profilesOfRole: [roleName],
  });
});

test('kill -9 during AddRoleToInstanceProfile: the empty profile survives, and "Delete what was created" removes everything', async ({ page, signInPage, killable }) => {
  const roleName = uniqueRoleName('KilledUndo');
  const iam = adminIam(killable);
  await signInAsAdmin(page, signInPage, killable);
  const wizard = new CreateRoleWizard(page);
  await wizardToReview(wizard, roleName);

  const profileTitle = `Create instance profile ${roleName}`;
  const addTitle = `Add role ${roleName} to instance profile ${roleName}`;
  const { acknowledged } = await createAndKillDuring(page, wizard, killable, roleName, 'AddRoleToInstanceProfile', addTitle);

  // Acknowledged: the role, both attachments and the (still empty) instance profile.
  expect(acknowledged).toMatchObject({
    rolesOfThatName: [roleName],
    attachedPolicyArns: [S3_READ_ONLY.arn, SSM_CORE.arn].sort(),
    profile: { name: roleName, roles: [] },
    profilesOfRole: [],
  });
  await expectClearError(page, wizard, killable, [`Create role ${roleName}`, `Attach ${S3_READ_ONLY.name}`, `Attach ${SSM_CORE.name}`, profileTitle], addTitle, []);

  checkDataFilesAfterKill(killable.dataDir);
  await killable.restart();
  // The profile is there and empty: the killed AddRoleToInstanceProfile did not half-happen.
  expect(await roleState(iam, roleName)).toEqual(acknowledged);

  await page.getByRole('button', { name: 'Delete what was created' }).click();
  await expect(page.getByText('Everything that was created was deleted')).toBeVisible({ timeout: 20_000 });
  const cleanup = page.getByRole('list', { name: 'Cleanup progress' });
  // The interrupted step may have taken effect, so it is undone too; IAM's "not in the profile" counts as done.
  await expect(cleanup.getByText(`Remove role ${roleName} from instance profile ${roleName}: Already done`, { exact: true })).toBeVisible();
  for (const title of [`Delete instance profile ${roleName}`, `Detach ${SSM_CORE.name}`, `Detach ${S3_READ_ONLY.name}`, `Delete role ${roleName}`]) {
    await expect(cleanup.getByText(`${title}: Done`, { exact: true })).toBeVisible();
  }

  expect(await roleState(iam, roleName)).toEqual({ rolesOfThatName: [], attachedPolicyArns: [], inlinePolicyNames: [], profilesOfRole: [] });
});
