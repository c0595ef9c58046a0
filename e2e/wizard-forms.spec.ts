/**
 * The create-role wizard's forms (one per step): errors wait for a touch or Next, a field the chosen options hide
 * never blocks, Previous and Next keep what was typed, and tag lengths count characters as AWS does.
 */
import { mkdirSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { test, expect } from './support/fixtures.ts';
import { CreateRoleWizard } from './support/create-role-wizard.ts';
import { demoUser } from './support/local-aws.ts';

const SCREENSHOTS = 'test-results/wizard-forms';
mkdirSync(SCREENSHOTS, { recursive: true });
const shot = (page: Page, name: string) => page.screenshot({ path: `${SCREENSHOTS}/${name}.png`, fullPage: true });

test('the wizard checks each step on Next and keeps its values', async ({ page, signInPage, localAws }) => {
  const admin = demoUser(localAws, 'admin');
  await signInPage.goto();
  await signInPage.signIn(admin.username, admin.password);
  await expect(page).toHaveURL(/\/roles$/);
  const wizard = new CreateRoleWizard(page);
  await wizard.openFromRolesList();
  // Step 1: another account, a bad account ID typed, then Next.
  await wizard.trustedEntityType('AWS account').check();
  await page.getByRole('radio', { name: 'Another AWS account' }).check();
  await expect(page.getByText(/12-digit/)).toHaveCount(0);
  await page.getByRole('checkbox', { name: 'Require external ID' }).check();
  await expect(page.getByText(/Enter the external ID/)).toHaveCount(0);
  await wizard.nextButton.click();
  await expect(page.getByText('Enter the 12-digit ID of the AWS account.')).toBeVisible();
  await expect(page.getByText('Complete the trusted entity before you continue.', { exact: true })).toBeVisible();
  await shot(page, 'step1-errors');
  // A bad account ID under an option no longer chosen does not block Next.
  await page.getByRole('textbox', { name: 'Account ID' }).fill('1234');
  await page.getByRole('radio', { name: /^This account/ }).check();
  await page.getByRole('textbox', { name: 'External ID' }).fill('ext-id-1');
  await wizard.next('Add permissions');
  await page.getByRole('button', { name: 'Previous', exact: true }).click();
  await page.getByRole('radio', { name: 'Another AWS account' }).check();
  await expect(page.getByRole('textbox', { name: 'Account ID' })).toHaveValue('1234');
  await page.getByRole('textbox', { name: 'Account ID' }).fill('111122223333');
  await wizard.next('Add permissions');
  // Step 2: a boundary wanted but none chosen, a bad inline policy name.
  await page.getByRole('button', { name: /Set permissions boundary/ }).click();
  await page.getByRole('radio', { name: 'Use a permissions boundary to control the maximum role permissions' }).check();
  await page.getByRole('button', { name: /Add an inline policy/ }).click();
  await page.getByRole('checkbox', { name: 'Add an inline policy to the role' }).check();
  await page.getByLabel('Inline policy name').fill('bad name');
  await wizard.nextButton.click();
  await expect(page.getByText('Fix the permissions before you continue.', { exact: true })).toBeVisible();
  await shot(page, 'step2-errors');
  // Back keeps the values.
  await page.getByRole('button', { name: 'Previous', exact: true }).click();
  await expect(page.getByRole('textbox', { name: 'Account ID' })).toHaveValue('111122223333');
  await wizard.next('Add permissions');
  await expect(page.getByLabel('Inline policy name')).toHaveValue('bad name');
  await page.getByLabel('Inline policy name').fill('good-name');
  await page.getByRole('checkbox', { name: 'Add an inline policy to the role' }).uncheck();
  await page.getByRole('radio', { name: 'Create role without a permissions boundary' }).check();
  await wizard.next('Add tags');
  // Step 3: an untouched empty row is quiet, Next shows it; a long value counts code points.
  await page.getByRole('button', { name: 'Add new tag' }).click();
  await page.getByRole('button', { name: 'Add new tag' }).click();
  await page.getByLabel('Tag 2 key').fill('team');
  await page.getByLabel('Tag 2 value').fill('\u{20000}\u{20000}\u{20000}');
  await expect(page.getByText('3/256 characters.')).toBeVisible();
  await page.getByRole('button', { name: 'Add new tag' }).click();
  await page.getByLabel('Tag 3 key').fill('TEAM');
  await expect(page.getByText(/Tag 3 repeats the key 'team' of tag 2/)).toBeVisible();
  await expect(page.getByText('Enter a tag key.')).toHaveCount(0);
  await wizard.nextButton.click();
  await expect(page.getByText('Fix the tags before you continue.', { exact: true })).toBeVisible();
  await expect(page.getByText('Enter a tag key.')).toBeVisible();
  await shot(page, 'step3-errors');
  await page.getByLabel('Tag 2 key').fill('owner');
  await expect(page.getByText(/repeats the key/)).toHaveCount(0);
  await page.getByRole('button', { name: 'Remove', exact: true }).first().click();
  await wizard.next('Name, review, and create');
  // Step 4: Create without a name.
  await wizard.createButton.click();
  await expect(page.getByText('Fix the role details before you create the role.', { exact: true })).toBeVisible();
  await expect(page.getByText('Enter a role name.')).toBeVisible();
  await shot(page, 'step4-errors');
});
