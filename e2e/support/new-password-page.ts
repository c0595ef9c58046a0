import { expect, type Locator, type Page } from '@playwright/test';

/** The NEW_PASSWORD_REQUIRED step (/signin/new-password). */
export class NewPasswordPage {
  readonly newPassword: Locator;
  readonly confirmation: Locator;
  readonly submit: Locator;
  readonly requirements: Locator;

  constructor(readonly page: Page) {
    this.newPassword = page.getByLabel('New password', { exact: true });
    this.confirmation = page.getByLabel('Confirm new password', { exact: true });
    this.submit = page.getByRole('button', { name: 'Set password and sign in' });
    this.requirements = page.getByRole('list', { name: 'Password requirements' });
  }

  async expectVisible(): Promise<void> {
    await expect(this.page).toHaveURL(/\/signin\/new-password/);
    await expect(this.page.getByRole('heading', { name: 'New password', exact: true })).toBeVisible();
  }

  async choose(password: string, confirmation = password): Promise<void> {
    await this.newPassword.fill(password);
    await this.confirmation.fill(confirmation);
    await this.submit.click();
  }
}
